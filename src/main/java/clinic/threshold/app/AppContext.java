package clinic.threshold.app;

import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.common.ReferenceService;
import clinic.threshold.service.demo.DemoClinicSeeder;
import clinic.threshold.service.patient.PatientService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-written composition root: prepares the data folder, takes the single-instance lock, opens and
 * migrates the database, and builds the services. Closing it releases all of that in reverse order.
 */
public final class AppContext implements ClinicServices {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    static final long DEMO_SEED = 20_261_127L;

    private final Path baseDir;
    private final Path dataDir;
    private final boolean demo;
    private final InstanceGuard guard;
    private final Database database;
    private final PatientService patients;
    private final ReferenceService reference;
    private final Clock clock;

    private AppContext(Path baseDir, Path dataDir, boolean demo, InstanceGuard guard, Database database,
                       Clock clock) {
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.demo = demo;
        this.guard = guard;
        this.database = database;
        this.clock = clock;
        Transactor tx = new Transactor(database.dsl());
        this.patients = new PatientService(tx, clock);
        this.reference = new ReferenceService(tx);
    }

    /** Opens the clinic chosen by {@code options}, from the real environment. */
    public static AppContext open(LaunchOptions options) {
        return open(options, System.getenv(), Clock.systemDefaultZone(), List.of());
    }

    /**
     * Opens with an explicit environment, clock and extra jOOQ listeners (tests use these). Throws
     * {@link DataFolder.DataFolderException}, {@link InstanceGuard.AlreadyRunningException} or
     * {@link clinic.threshold.data.db.DatabaseException}; nothing stays locked or open after a failure.
     */
    public static AppContext open(LaunchOptions options, Map<String, String> env, Clock clock,
                                  List<ExecuteListener> listeners) {
        Path base = DataFolder.resolve(options.dataDir(), env, System.getProperty("os.name"),
                Path.of(System.getProperty("user.home")));
        Path dir = DataFolder.prepare(DataFolder.forMode(base, options.demo()));
        InstanceGuard guard = InstanceGuard.acquire(dir);
        try {
            Database db = Database.open(DatabaseConfig.in(dir.resolve("db")).withListeners(listeners));
            AppContext ctx = new AppContext(base, dir, options.demo(), guard, db, clock);
            try {
                ctx.patients.upgradeSearchKeys();
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            if (options.demo()) {
                try {
                    int added = new DemoClinicSeeder(ctx.patients, ctx.reference, clock)
                            .seedIfEmpty(DemoClinicSeeder.DEFAULT_PATIENTS, DEMO_SEED);
                    LOG.info("Demo clinic ready ({} patients added)", added);
                } catch (RuntimeException e) {
                    db.close();
                    throw e;
                }
            }
            return ctx;
        } catch (RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    @Override
    public PatientService patients() {
        return patients;
    }

    @Override
    public ReferenceService reference() {
        return reference;
    }

    @Override
    public String dataLocation() {
        return dataDir.toString();
    }

    @Override
    public boolean demo() {
        return demo;
    }

    public Path baseDir() {
        return baseDir;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            guard.close();
        }
    }
}
