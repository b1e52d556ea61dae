package clinic.threshold.data.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.service.security.GateConfig;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V028 gives courses started before it their % MT range: the protocol's as it stands, widened to the course's own
 * % MT and the % MT its delivered sessions used, so a protocol narrowed since does not refuse the running course.
 */
@Tag("embedded-only") // stops at V027 on the H2 file; a clinic on the server is migrated whole when connected
class CourseTermsBackfillIT {
    @TempDir
    Path dir;

    private static GateConfig upTo(String target) {
        return TestClinic.config().withMigrations(new DatabaseConfig.Migrations(List.of("classpath:db/migration"), target,
                null));
    }

    @Test
    void aRunningCourseKeepsTheRangeItsSessionsUsed() {
        long patient;
        try (var c = TestClinic.open(dir, TestClinic.CLOCK, upTo("027"))) {
            patient = c.patients().create(TestClinic.person("Pre", "Backfill", LocalDate.of(1975, 5, 5), null)).id();
        }
        TestClinic.sql(dir,
                // The protocol was narrowed after the course started at 120% MT and a session was given at 100%.
                "UPDATE tms_protocol SET intensity_pct_mt = 115, min_pct_mt = 110, max_pct_mt = 115 WHERE code = 'TENHZ'",
                "INSERT INTO tms_course (patient_id, protocol_code, course_type, start_date, indication, planned_sessions,"
                        + " acute_sessions, sessions_per_week, sessions_per_day, min_interval_minutes, taper_pattern, pulses,"
                        + " pct_mt, status, created_by, created_at) VALUES (" + patient + ", 'TENHZ', 'INITIAL', DATE"
                        + " '2026-11-02', 'MDD', 36, 30, 5, 1, 0, '3,2,1', 3000, 120, 'ACTIVE', 'tester', TIMESTAMP WITH"
                        + " TIME ZONE '2026-11-02 09:00:00+00:00')",
                "INSERT INTO tms_session (course_id, patient_id, status, session_no, session_date, pct_mt, pulses_planned,"
                        + " pulses_delivered, recorded_by, recorded_at) SELECT id, patient_id, 'DELIVERED', 1, DATE"
                        + " '2026-11-02', 100, 3000, 3000, 'tester', TIMESTAMP WITH TIME ZONE '2026-11-02 09:30:00+00:00'"
                        + " FROM tms_course",
                "INSERT INTO tms_session (course_id, patient_id, status, session_no, session_date, pct_mt, pulses_planned,"
                        + " pulses_delivered, recorded_by, recorded_at, voided, void_reason) SELECT id, patient_id,"
                        + " 'DELIVERED', 2, DATE '2026-11-03', 90, 3000, 3000, 'tester', TIMESTAMP WITH TIME ZONE"
                        + " '2026-11-03 09:30:00+00:00', TRUE, 'entered on the wrong chart' FROM tms_course");
        try (var c = TestClinic.signIn(dir, TestClinic.TESTER, TestClinic.PASSWORD)) {
            // Signing in migrates the file to the current version; the course's patient is still there.
            assertEquals("Backfill", c.patients().get(patient).details().familyName());
        }
        List<String> range = new ArrayList<>();
        TestClinic.sqlQuery(dir, "SELECT CONCAT(min_pct_mt, '-', max_pct_mt) FROM tms_course", range::add);
        assertEquals(List.of("100-120"), range,
                "the delivered 100% and the course's 120% stay inside; the voided 90% does not count");
    }
}
