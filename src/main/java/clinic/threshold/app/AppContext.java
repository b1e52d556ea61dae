package clinic.threshold.app;

import clinic.threshold.service.security.ClinicGate;
import clinic.threshold.service.security.GateConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The hand-written composition root: prepares the data folder, takes the single-instance lock and builds
 * the gate through which a user sets up or signs in to the clinic. No database is open until someone signs
 * in: its key exists only wrapped under the users' passwords. Closing releases the lock.
 */
public final class AppContext implements AutoCloseable {
    /** Present while the demo clinic is being built; left behind when its build was cut short. */
    static final String DEMO_BUILDING = "demo.building";
    /**
     * Where this computer user's workstation key lives (a server password kept without a keyring is encrypted under
     * it): the user's home folder unless this names another, as portable installs and tests do.
     */
    public static final String PROFILE_ENV = "THRESHOLD_PROFILE";
    private final Path baseDir;
    private final Path dataDir;
    private final InstanceGuard guard;
    private final ClinicGate gate;
    private final Clock clock;

    private AppContext(Path baseDir, Path dataDir, InstanceGuard guard, ClinicGate gate, Clock clock) {
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.guard = guard;
        this.gate = gate;
        this.clock = clock;
    }

    /** Opens the clinic folder chosen by {@code options}, from the real environment. */
    public static AppContext open(LaunchOptions options) {
        return open(options, System.getenv(), Clock.systemDefaultZone(), GateConfig.DEFAULT);
    }

    /**
     * Opens with an explicit environment, clock and gate configuration (tests use these). Throws
     * {@link DataFolder.DataFolderException} or {@link InstanceGuard.AlreadyRunningException}; nothing stays
     * locked after a failure. A demo folder's clinic is created by {@link #createDemo}.
     */
    public static AppContext open(LaunchOptions options, Map<String, String> env, Clock clock, GateConfig config) {
        Path base = DataFolder.resolve(options.dataDir(), env, System.getProperty("os.name"),
                Path.of(System.getProperty("user.home")));
        Path dir = DataFolder.forMode(base, options.demo());
        if (!options.allowNetworkFolder() && NetworkShares.isNetwork(dir)) {
            throw new NetworkShares.NetworkFolderException(dir);
        }
        dir = DataFolder.prepare(dir);
        InstanceGuard guard = InstanceGuard.acquire(dir);
        try {
            // Only now, holding the folder: a restore cut short by a crash is completed before anything opens.
            clinic.threshold.service.backup.RestoreSwitch.finishInterrupted(dir);
            Path folder = dir;
            Path profile = Path.of(env.getOrDefault(PROFILE_ENV, System.getProperty("user.home")));
            ClinicGate gate = new ClinicGate(dir, options.demo(), clock, config,
                    account -> clinic.threshold.security.SecretStores.forServer(folder, profile, account, env));
            return new AppContext(base, dir, guard, gate, clock);
        } catch (RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    public ClinicGate gate() {
        return gate;
    }

    public Path baseDir() {
        return baseDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    public boolean demo() {
        return gate.demo();
    }

    /** True for a demo folder whose clinic has not been created yet. */
    public boolean demoPending() {
        return gate.demo() && !gate.isSetUp();
    }

    /**
     * Creates the demo clinic (its accounts, generated history and curated patients) if this is a demo folder not yet
     * set up; returns whether it did. The window runs this behind a progress screen, the command line before its work.
     */
    public boolean createDemo(clinic.threshold.domain.common.Progress progress) {
        if (!demoPending()) {
            return false;
        }
        Path marker = dataDir.resolve(DEMO_BUILDING);
        try {
            java.nio.file.Files.writeString(marker, "The demo clinic's build started here; if this file stays, it was cut short.\n");
            boolean built = DemoClinic.ensure(gate, clock, progress);
            java.nio.file.Files.deleteIfExists(marker);
            return built;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A demo folder whose build was cut short (the window closed by force, a failure): some records are missing. */
    public boolean demoIncomplete() {
        return gate.demo() && java.nio.file.Files.exists(dataDir.resolve(DEMO_BUILDING));
    }

    @Override
    public void close() {
        guard.close();
    }
}
