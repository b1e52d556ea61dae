package clinic.threshold.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Picks where this workstation keeps its server password: the desktop keyring where one answers, otherwise (and
 * whenever the keyring refuses) the encrypted file of {@link WorkstationFileStore}. Reading tries both, so a
 * password saved while the keyring was away is still found.
 */
public final class SecretStores {
    /** The file beside the data folder's other files; its key lives in the user's profile. */
    public static final String FILE = "server.secret";

    private SecretStores() {
    }

    /**
     * The store for {@code account} in {@code dataDir}; {@code home} is the user's profile folder, {@code env} the
     * environment (a keyring is tried on a desktop session only, where D-Bus is reachable).
     */
    public static SecretStore forServer(Path dataDir, Path home, String account, Map<String, String> env) {
        WorkstationFileStore file = new WorkstationFileStore(dataDir.resolve(FILE), home.resolve(".threshold")
                .resolve("workstation.key"), account);
        Optional<Path> tool = env.containsKey("DBUS_SESSION_BUS_ADDRESS") ? onPath("secret-tool", env) : Optional.empty();
        return tool.<SecretStore>map(t -> new Either(new SecretToolStore(t, account), file)).orElse(file);
    }

    static Optional<Path> onPath(String name, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }

    /**
     * The keyring first, the file when the keyring cannot keep the secret. A write to the keyring removes the file,
     * so a file that exists holds the newest secret: it is read first (a keyring that refused a write may also have
     * refused to forget its older secret).
     */
    static final class Either implements SecretStore {
        private final SecretStore first;
        private final WorkstationFileStore second;
        /** The store the last write went to; null until this run wrote (then where() asks which holds it). */
        private volatile SecretStore used;

        Either(SecretStore first, WorkstationFileStore second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public Optional<char[]> read() {
            Optional<char[]> s = second.read();
            return s.isPresent() ? s : first.read();
        }

        @Override
        public void write(char[] secret) {
            try {
                first.write(secret);
                used = first;
                second.remove(); // an older secret in the file must not outlive this one
            } catch (SecretStoreException e) {
                second.write(secret);
                used = second;
                first.remove(); // nor an older one in the keyring, which is read first
            }
        }

        @Override
        public void remove() {
            first.remove();
            second.remove();
        }

        @Override
        public String where() {
            SecretStore u = used;
            if (u == null) {
                u = second.holdsOne() ? second : first; // a file check: the keyring is not asked just to describe it
            }
            return u.where();
        }
    }
}
