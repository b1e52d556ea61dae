package clinic.threshold.data.journal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One commit journal, commit counter and commit lock per database file in this process. H2 lets several
 * pools open one file in one process (a second user signing in while the first is still signed in); they
 * must number and append commits through the same journal, and only the first open may recover and start
 * a new generation.
 */
public final class SharedJournal {
    private static final Map<Path, SharedJournal> OPEN = new HashMap<>();

    private final Path file;
    private final CommitJournal journal;
    final ReentrantLock order = new ReentrantLock();
    private long lastSeq;
    private int users;

    private SharedJournal(Path file, CommitJournal journal, long lastSeq) {
        this.file = file;
        this.journal = journal;
        this.lastSeq = lastSeq;
    }

    /** The journal already in use for {@code dataFile} in this process, now with one more user; or null. */
    public static synchronized SharedJournal join(Path dataFile) {
        SharedJournal s = OPEN.get(key(dataFile));
        if (s != null) {
            s.users++;
        }
        return s;
    }

    /** Makes {@code journal} the one for {@code dataFile}, with its first user. */
    public static synchronized SharedJournal start(Path dataFile, CommitJournal journal, long lastSeq) {
        SharedJournal s = new SharedJournal(key(dataFile), journal, lastSeq);
        s.users = 1;
        OPEN.put(s.file, s);
        return s;
    }

    /** One user fewer; the last one closes the journal. */
    public void leave() {
        synchronized (SharedJournal.class) {
            if (--users > 0) {
                return;
            }
            OPEN.remove(file);
        }
        journal.close();
    }

    public CommitJournal journal() {
        return journal;
    }

    /** Guarded by {@link #order}. */
    long lastSeq() {
        return lastSeq;
    }

    /** Guarded by {@link #order}. */
    void committed(long seq) {
        lastSeq = seq;
    }

    private static Path key(Path dataFile) {
        return dataFile.toAbsolutePath().normalize();
    }
}
