package clinic.threshold.security;

import clinic.threshold.domain.user.SignInState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The key file beside the database ({@code keys.properties}): the database key wrapped once per user and
 * once under the recovery key, each user's sign-in throttling state, and sign-in failures waiting to be
 * written to the audit trail once the database is open. It holds no key in clear and no patient data.
 * Every change rewrites the file whole through a temporary file.
 */
public final class KeyVault {
    public static final String FILE = "keys.properties";
    static final String FORMAT = "threshold-keys/1";
    static final String RECOVERY = "recovery";
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Path file;
    private final Properties p;

    private KeyVault(Path file, Properties p) {
        this.file = file;
        this.p = p;
    }

    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(FILE));
    }

    /** A new, empty vault (first run); nothing is written until {@link #save()}. */
    public static KeyVault create(Path dir) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        return new KeyVault(dir.resolve(FILE), p);
    }

    /** Reads the vault; {@link DamagedKeyFileException} when it is unreadable or not ours. */
    public static KeyVault load(Path dir) {
        Path f = dir.resolve(FILE);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new DamagedKeyFileException(f);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new DamagedKeyFileException(f);
        }
        return new KeyVault(f, p);
    }

    public synchronized void save() {
        try {
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                    java.nio.file.StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                p.store(out, "Threshold key file: wrapped database keys. Keep with the database; back it up.");
                out.flush();
                ch.force(true); // on disk before it replaces the old key file
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    // --- wraps ---------------------------------------------------------------------------------------

    public synchronized void putUserWrap(String usernameKey, KeyWrap w) {
        putWrap("user." + usernameKey, w);
        p.remove("deactivated." + usernameKey);
    }

    public synchronized Optional<KeyWrap> userWrap(String usernameKey) {
        return wrap("user." + usernameKey);
    }

    /** Removes a user's wrap and marks the account deactivated, so sign-in can say so without the database. */
    public synchronized void removeUserWrap(String usernameKey) {
        for (String suffix : List.of(".salt", ".params", ".iv", ".wrapped")) {
            p.remove("user." + usernameKey + suffix);
        }
        p.setProperty("deactivated." + usernameKey, "true");
    }

    public synchronized boolean isDeactivated(String usernameKey) {
        return Boolean.parseBoolean(p.getProperty("deactivated." + usernameKey, "false"));
    }

    public synchronized void putRecoveryWrap(KeyWrap w) {
        putWrap(RECOVERY, w);
    }

    public synchronized Optional<KeyWrap> recoveryWrap() {
        return wrap(RECOVERY);
    }

    /** Usernames (keys) that have a wrap. */
    public synchronized List<String> usersWithWraps() {
        TreeSet<String> names = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("user.") && k.endsWith(".wrapped")) {
                names.add(k.substring(5, k.length() - ".wrapped".length()));
            }
        }
        return List.copyOf(names);
    }

    private void putWrap(String prefix, KeyWrap w) {
        p.setProperty(prefix + ".salt", B64.encodeToString(w.salt()));
        p.setProperty(prefix + ".params", w.params().memoryKiB() + "," + w.params().iterations() + ","
                + w.params().parallelism());
        p.setProperty(prefix + ".iv", B64.encodeToString(w.iv()));
        p.setProperty(prefix + ".wrapped", B64.encodeToString(w.wrapped()));
    }

    private Optional<KeyWrap> wrap(String prefix) {
        String wrapped = p.getProperty(prefix + ".wrapped");
        if (wrapped == null) {
            return Optional.empty();
        }
        try {
            String[] m = p.getProperty(prefix + ".params").split(",");
            return Optional.of(new KeyWrap(B64D.decode(p.getProperty(prefix + ".salt")),
                    new Argon2Params(Integer.parseInt(m[0]), Integer.parseInt(m[1]), Integer.parseInt(m[2])),
                    B64D.decode(p.getProperty(prefix + ".iv")), B64D.decode(wrapped)));
        } catch (RuntimeException e) {
            throw new DamagedKeyFileException(file);
        }
    }

    // --- sign-in throttling ----------------------------------------------------------------------------

    public synchronized SignInState state(String usernameKey) {
        String base = "guard." + usernameKey;
        int failures = Integer.parseInt(p.getProperty(base + ".failures", "0"));
        String last = p.getProperty(base + ".lastFailure");
        boolean locked = Boolean.parseBoolean(p.getProperty(base + ".locked", "false"));
        return new SignInState(failures, last == null ? null : Instant.ofEpochMilli(Long.parseLong(last)), locked);
    }

    public synchronized void putState(String usernameKey, SignInState s) {
        String base = "guard." + usernameKey;
        p.setProperty(base + ".failures", Integer.toString(s.failures()));
        if (s.lastFailure() == null) {
            p.remove(base + ".lastFailure");
        } else {
            p.setProperty(base + ".lastFailure", Long.toString(s.lastFailure().toEpochMilli()));
        }
        p.setProperty(base + ".locked", Boolean.toString(s.locked()));
    }

    // --- sign-in events waiting for the database -----------------------------------------------------------

    /** A sign-in event that happened while the database was closed. */
    public record PendingEvent(Instant at, String username, String action, String outcome, String detail) {
    }

    /** Events kept while the database is closed; beyond this, the oldest are dropped and the drop counted. */
    static final int PENDING_MAX = 500;

    public synchronized void addPending(PendingEvent e) {
        int n = Integer.parseInt(p.getProperty("pending.count", "0"));
        if (n >= PENDING_MAX) {
            p.setProperty("pending.dropped", Integer.toString(Integer.parseInt(p.getProperty("pending.dropped", "0")) + 1));
            return;
        }
        p.setProperty("pending." + n, e.at().toEpochMilli() + "\t" + e.username() + "\t" + e.action() + "\t"
                + e.outcome() + "\t" + (e.detail() == null ? "" : e.detail()));
        p.setProperty("pending.count", Integer.toString(n + 1));
    }

    public synchronized List<PendingEvent> pending() {
        int n = Integer.parseInt(p.getProperty("pending.count", "0"));
        List<PendingEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] f = p.getProperty("pending." + i, "").split("\t", -1);
            if (f.length == 5) {
                out.add(new PendingEvent(Instant.ofEpochMilli(Long.parseLong(f[0])), f[1], f[2], f[3],
                        f[4].isEmpty() ? null : f[4]));
            }
        }
        return out;
    }

    /** How many sign-in events were not kept because the queue was full (reported at the next sign-in). */
    public synchronized int droppedPending() {
        return Integer.parseInt(p.getProperty("pending.dropped", "0"));
    }

    public synchronized void clearPending() {
        p.remove("pending.dropped");
        int n = Integer.parseInt(p.getProperty("pending.count", "0"));
        for (int i = 0; i < n; i++) {
            p.remove("pending." + i);
        }
        p.remove("pending.count");
    }

    /** The key file is missing its format line, unreadable, or holds a wrap that cannot be parsed. */
    public static final class DamagedKeyFileException extends RuntimeException {
        public DamagedKeyFileException(Path file) {
            super("The key file " + file + " is damaged");
        }
    }
}
