package clinic.threshold.testing;

import clinic.threshold.app.AppContext;
import clinic.threshold.app.ContextBoundServices;
import clinic.threshold.app.LaunchOptions;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.user.Role;
import clinic.threshold.security.Argon2Params;
import clinic.threshold.security.KeyVault;
import clinic.threshold.security.SignInPolicy;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.security.ClinicSetup;
import clinic.threshold.service.security.GateConfig;
import clinic.threshold.service.security.SignedInClinic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real, encrypted clinic on an H2 file in a temporary folder, with a fixed clock, for integration and
 * UI tests. It is set up with an administrator and signed in as "tester", who is administrator and
 * clinician (every permission). Hashing uses small Argon2 parameters to keep tests fast; production
 * parameters are tested on their own.
 */
public final class TestClinic {
    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T17:00:00Z"), ZONE);
    public static final LocalDate TODAY = LocalDate.now(CLOCK);
    public static final Argon2Params FAST_HASH = new Argon2Params(1024, 1, 1);
    public static final String ADMIN = "admin";
    public static final String TESTER = "tester";
    public static final String PASSWORD = "correct horse battery";

    private TestClinic() {
    }

    public static GateConfig config() {
        // Automatic backups at every close would slow every test down; the backup tests switch them on.
        return new GateConfig(FAST_HASH, SignInPolicy.DEFAULT, List.of(new FxThreadGuard()))
                .withAutomaticBackups(false);
    }

    public static AppContext context(Path dir, Clock clock) {
        return context(dir, clock, config());
    }

    public static AppContext context(Path dir, Clock clock, GateConfig config) {
        if (!ON_POSTGRES) {
            return AppContext.open(new LaunchOptions(dir, false), Map.of(), clock, config);
        }
        boolean fresh = !java.nio.file.Files.exists(dir.resolve("keys.properties"))
                && !java.nio.file.Files.exists(dir.resolve("database.properties"));
        AppContext ctx = AppContext.open(new LaunchOptions(dir, false), Map.of(AppContext.PROFILE_ENV,
                PostgresServer.profileDir().toString()), clock, config);
        if (fresh) {
            try {
                PostgresServer pg = PostgresServer.shared();
                ctx.gate().connectToServer(new clinic.threshold.service.security.ServerFields("127.0.0.1",
                        Integer.toString(pg.port()), pg.newDatabaseName(), PostgresServer.user(), "disable"),
                        "trusted".toCharArray());
            } catch (RuntimeException e) {
                ctx.close();
                throw e;
            }
        }
        return ctx;
    }

    /**
     * Set by the build's second pass over the service and repository suites (issue 13): every clinic these tests make
     * lives on the test PostgreSQL server instead of an H2 file, through the same gate a workstation uses.
     */
    public static final boolean ON_POSTGRES = "postgresql".equals(System.getProperty("threshold.test.database"));

    /** The clinic in {@code dir} (set up on first use), signed in as the tester. Closing releases the folder. */
    public static ContextBoundServices open(Path dir) {
        return open(dir, CLOCK);
    }

    public static ContextBoundServices open(Path dir, Clock clock) {
        return open(dir, clock, config());
    }

    /** As {@link #open(Path, Clock)} with another gate configuration (migrations, automatic backups). */
    public static ContextBoundServices open(Path dir, Clock clock, GateConfig config) {
        AppContext ctx = context(dir, clock, config);
        try {
            if (!ctx.gate().isSetUp() || (ctx.gate().onServer() && !serverSetUp(ctx))) {
                setUp(ctx);
            }
            return new ContextBoundServices(ctx.gate().signIn(TESTER, PASSWORD.toCharArray()), ctx);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** Whether the server's clinic has its accounts (a folder connected by {@link #context} has none at first). */
    private static boolean serverSetUp(AppContext ctx) {
        boolean[] any = {false};
        sqlQuery(ctx.dataDir(), "SELECT COUNT(*) FROM app_user", n -> any[0] = Integer.parseInt(n) > 0);
        return any[0];
    }

    /** Signs {@code user} in to an already set-up clinic. */
    public static ContextBoundServices signIn(Path dir, String user, String password) {
        AppContext ctx = context(dir, CLOCK);
        try {
            return new ContextBoundServices(ctx.gate().signIn(user, password.toCharArray()), ctx);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** Creates an account with {@code roles} whose password is {@link #PASSWORD} and needs no change. */
    public static void addUser(ClinicServices admin, AppContext ctx, String user, Set<String> roles) {
        admin.users().create(user, "Test " + user, roles, PASSWORD.toCharArray());
        try (SignedInClinic c = ctx.gate().signIn(user, PASSWORD.toCharArray())) {
            c.session().changePassword(PASSWORD.toCharArray(), PASSWORD.toCharArray(), PASSWORD.toCharArray());
        }
    }

    private static final Map<Path, String> RECOVERY_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The recovery key shown when the clinic in {@code dir} was set up by this class. */
    public static String recoveryKey(Path dir) {
        return RECOVERY_KEYS.get(dir.toAbsolutePath());
    }

    private static void setUp(AppContext ctx) {
        var result = ctx.gate().setUp(new ClinicSetup("Test Clinic", ZONE.getId(), ADMIN,
                "Test Administrator", PASSWORD.toCharArray(), PASSWORD.toCharArray()));
        if (result.recoveryKey() != null) { // none on a server
            RECOVERY_KEYS.put(ctx.dataDir().toAbsolutePath(), new String(result.recoveryKey()));
        }
        try (SignedInClinic admin = result.clinic()) {
            addUser(admin, ctx, TESTER, Set.of(Role.ADMIN, Role.CLINICIAN));
        }
    }

    /** The database key, unwrapped as the tester would: for tests that must open the file directly. */
    public static String fileKeyHex(Path dir) {
        byte[] key = KeyVault.load(dir).userWrap(TESTER).orElseThrow().unwrap(PASSWORD.toCharArray(), TESTER);
        return HexFormat.of().formatHex(key);
    }

    /**
     * Runs SQL as another tool would, on the same (encrypted) database file while the clinic is open (H2
     * shares an open database between connections of one process): for tests that change data behind the
     * app's back.
     */
    public static void sql(Path dir, String... statements) {
        try (java.sql.Connection c = connectBehindTheApp(dir);
             java.sql.Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one query on the encrypted file and hands each first-column value to {@code row}. */
    public static void sqlQuery(Path dir, String query, java.util.function.Consumer<String> row) {
        try (java.sql.Connection c = connectBehindTheApp(dir);
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                row.accept(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** jOOQ on a connection behind the app, in the dialect the tests run on, with the app's settings. */
    public static org.jooq.DSLContext dsl(java.sql.Connection raw) {
        return org.jooq.impl.DSL.using(new org.jooq.impl.DefaultConfiguration().set(raw)
                .set(ON_POSTGRES ? org.jooq.SQLDialect.POSTGRES : org.jooq.SQLDialect.H2)
                .set(clinic.threshold.data.db.Database.settings()));
    }

    /** A connection of another tool to the clinic in {@code dir}: its H2 file, or its database on the test server. */
    public static java.sql.Connection connectBehindTheApp(Path dir) throws java.sql.SQLException {
        clinic.threshold.data.db.ServerConnection server = clinic.threshold.data.db.DatabaseChoiceFile.read(dir);
        if (server != null) {
            return PostgresServer.shared().connect(server.database());
        }
        return java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db").resolve("threshold")
                .toAbsolutePath() + ";IFEXISTS=TRUE;CIPHER=AES", "sa", fileKeyHex(dir) + " ");
    }

    /** The newest schema version the migrations create ("013"), so tests need no edit for each new one. */
    public static String latestSchema() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).max(java.util.Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static PatientDetails person(String given, String family, LocalDate birth, String phone) {
        return new PatientDetails(null, given, family, null, birth, Sex.FEMALE, null, phone, null, null, null,
                null, null, null, null, null);
    }
}
