package clinic.threshold.data.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An append-only file, beside the database, of every committed transaction's row changes (ADR 0011). H2
 * has been measured to reopen after a kill without its newest commits; the journal holds them, forced to
 * disk before the save is reported, so that {@link JournalRecovery} can put them back.
 *
 * <p>Two generations are kept: the current one ({@code <name>.commitlog}) and the one before
 * ({@code <name>.commitlog.1}). An open of the database starts a new one only when the file itself held every
 * commit of the one before; a replayed commit could be lost again with the newest ones. Records are encrypted with
 * AES-GCM under a key derived from the clinic's file key, because they hold patient data.
 */
public final class CommitJournal implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitJournal.class);
    private static final int MAGIC = 0x544A4E31; // "TJN1"
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Path current;
    private final Path previous;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private FileChannel channel;
    private boolean tornTail;
    /** Where the last whole record of the current generation ended at the last read: a kept generation goes on there. */
    private long currentGoodEnd = -1;

    /** {@code fileKeyHex} null: records are stored unencrypted (data-layer tools and tests only). */
    public CommitJournal(Path directory, String name, String fileKeyHex) {
        this.current = directory.resolve(name + ".commitlog");
        this.previous = directory.resolve(name + ".commitlog.1");
        this.key = fileKeyHex == null ? null : deriveKey(fileKeyHex);
    }

    /**
     * What the files hold, oldest first (only the records numbered above what was asked for), whether reading stopped
     * at a record that failed its check, the highest commit number read, and each sequence's highest value.
     */
    public record Contents(List<JournalEntry> entries, boolean damaged, long lastSeq, Map<String, Long> sequences,
                           long previousLastSeq) {
    }

    /** Reads both generations. A torn last record (the process was killed while writing it) is skipped. */
    public synchronized Contents read() {
        return read(Long.MIN_VALUE);
    }

    /**
     * Reads both generations record by record, keeping only the records numbered above {@code keepAfter}: a session
     * that wrote a great deal (an import, a generated clinic) leaves a large journal, and the open that checks it must
     * not hold it all in memory.
     */
    public synchronized Contents read(long keepAfter) {
        Reading r = new Reading(keepAfter);
        boolean damaged = readFile(previous, r);
        long previousLast = r.lastSeq;
        r.end = 0;
        damaged |= readFile(current, r);
        currentGoodEnd = r.end;
        return new Contents(r.kept, damaged, r.lastSeq, r.sequences, previousLast);
    }

    /** What a read gathers as it goes. */
    private static final class Reading {
        final long keepAfter;
        final List<JournalEntry> kept = new ArrayList<>();
        final Map<String, Long> sequences = new java.util.HashMap<>();
        long lastSeq = Long.MIN_VALUE;
        /** Bytes of the file being read up to the end of its last whole, valid record. */
        long end;

        Reading(long keepAfter) {
            this.keepAfter = keepAfter;
        }

        void add(JournalEntry e) {
            lastSeq = Math.max(lastSeq, e.seq());
            e.sequences().forEach((k, v) -> sequences.merge(k, v, Math::max));
            if (e.seq() > keepAfter) {
                kept.add(e);
            }
        }
    }

    /**
     * Appends one committed transaction and forces it to disk. A write that fails is cut off again, so
     * that a half-written record never sits in front of later ones; if even that fails, the next record
     * starts a new generation.
     */
    public synchronized void append(JournalEntry entry) throws IOException {
        byte[] body = seal(entry.encode());
        ByteBuffer buf = ByteBuffer.allocate(8 + body.length);
        buf.putInt(MAGIC).putInt(body.length).put(body).flip();
        if (channel == null) {
            if (tornTail) {
                startGeneration();
            }
            channel = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.position(channel.size());
        }
        long before = channel.position();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.position(before);
                channel.force(false);
            } catch (IOException again) {
                tornTail = true;
                close();
            }
            throw e;
        }
    }

    /**
     * Starts a new generation: the current file becomes the previous one (replacing the older), so the
     * journal never grows beyond two sessions of saves.
     */
    public synchronized void startGeneration() throws IOException {
        close();
        tornTail = false;
        if (Files.exists(current) && Files.size(current) > 0) {
            Files.move(current, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Keeps the current generation for the records that follow (after a replay, ADR 0011 addendum), cut back to the
     * end of its last whole record: a record torn by the crash that made the replay necessary must not sit in front
     * of the new ones. Call after {@link #read}.
     */
    public synchronized void continueGeneration() throws IOException {
        close();
        tornTail = false;
        if (currentGoodEnd >= 0 && Files.exists(current) && Files.size(current) > currentGoodEnd) {
            try (FileChannel c = FileChannel.open(current, StandardOpenOption.WRITE)) {
                c.truncate(currentGoodEnd);
                c.force(false);
            }
        }
    }

    /**
     * Moves both generations aside (kept, never deleted, for whoever investigates a journal that could not
     * be replayed) so that new records start a clean file.
     */
    public synchronized void setAside(String suffix) throws IOException {
        close();
        tornTail = false;
        for (Path p : List.of(previous, current)) {
            if (Files.exists(p)) {
                Files.move(p, p.resolveSibling(p.getFileName() + ".kept-" + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** The files this journal writes (for tests and the data-folder description). */
    public List<Path> files() {
        return List.of(previous, current);
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("Could not close the commit journal: {}", e.getClass().getSimpleName());
            }
            channel = null;
        }
    }

    private boolean readFile(Path file, Reading into) {
        if (!Files.exists(file)) {
            return false;
        }
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file),
                1 << 16))) {
            while (true) {
                byte[] header = in.readNBytes(8);
                if (header.length < 8) {
                    return false; // the end, or a header cut off by the kill: its save was never reported
                }
                ByteBuffer h = ByteBuffer.wrap(header);
                int magic = h.getInt();
                int length = h.getInt();
                if (magic != MAGIC || length <= 0) {
                    return true;
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return false; // the last record was cut off by the kill: its save was never reported
                }
                try {
                    into.add(JournalEntry.decode(open(body)));
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    return true; // a record that fails its tag or does not decode: damaged, read no further
                }
                into.end += 8L + length;
            }
        } catch (IOException e) {
            LOG.warn("Could not read the commit journal {}: {}", file.getFileName(), e.getClass().getSimpleName());
            return true;
        }
    }

    private byte[] seal(byte[] plain) throws IOException {
        if (key == null) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IOException("could not encrypt a commit journal record", e);
        }
    }

    private byte[] open(byte[] body) throws GeneralSecurityException {
        if (key == null) {
            return body;
        }
        if (body.length < NONCE) {
            throw new GeneralSecurityException("record too short");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, body, 0, NONCE));
        return c.doFinal(body, NONCE, body.length - NONCE);
    }

    /** A key of its own for the journal, derived from the file key, so one key never serves two ciphers. */
    private static SecretKeySpec deriveKey(String fileKeyHex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(fileKeyHex), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal("threshold commit journal 1".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
