package clinic.threshold.testing;

import clinic.threshold.app.AppContext;
import clinic.threshold.app.LaunchOptions;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A real clinic on an H2 file in a temporary folder, with a fixed clock, for integration and UI tests. */
public final class TestClinic {
    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T17:00:00Z"), ZONE);
    public static final LocalDate TODAY = LocalDate.now(CLOCK);

    private TestClinic() {
    }

    public static AppContext open(Path dir) {
        return AppContext.open(new LaunchOptions(dir, false), Map.of(), CLOCK, List.of(new FxThreadGuard()));
    }

    /**
     * Runs SQL as another tool would, on the same database file while the clinic is open (H2 shares an
     * open database between connections of one process): for tests that change data behind the app's back.
     */
    public static void sql(Path dir, String... statements) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("db").resolve("threshold").toAbsolutePath() + ";IFEXISTS=TRUE", "sa", "");
             java.sql.Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PatientDetails person(String given, String family, LocalDate birth, String phone) {
        return new PatientDetails(null, given, family, null, birth, Sex.FEMALE, null, phone, null, null, null,
                null, null, null, null, null);
    }
}
