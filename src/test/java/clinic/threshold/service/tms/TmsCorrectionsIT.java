package clinic.threshold.service.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DoseUnit;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.OrderRole;
import clinic.threshold.domain.medication.Route;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections and edge cases: voiding, a new course's own threshold, an MT visit before a session, late extensions. */
class TmsCorrectionsIT {
    static final LocalDate START = TmsServiceIT.START;
    static final LocalDate TODAY = TestClinic.TODAY;

    @TempDir
    Path dir;

    static long patient(ClinicServices c, String family) {
        return c.patients().create(TestClinic.person("Test", family, LocalDate.of(1984, 2, 2), null)).id();
    }

    static CourseRequest request(CourseType type, LocalDate start, int sessions) {
        return new CourseRequest("TENHZ", type, start, "MDD", sessions, Authorization.NONE);
    }

    static String key(ValidationException e) {
        return e.violations().get(0).messageKey();
    }

    @Test
    void voidingASessionVoidsItsMotorThresholdAndReopensThePrompts() {
        try (var c = TestClinic.open(dir)) {
            long p = patient(c, "Void");
            c.medications().saveOrder(p, null, 0, new MedicationOrder("lithium", true, null, DoseForm.TABLET, DoseUnit.MG,
                    Route.ORAL, false, START.minusDays(30), null, null, "tester", null, OrderRole.AUGMENTATION, null, null,
                    null, List.of(new DoseChange(START.minusDays(30), new BigDecimal("300"), Frequency.TWICE_DAILY))), null);
            assertEquals(1, c.medications().overview(p).prompts().size());
            c.tms().screen(p, START.minusDays(3), TmsServiceIT.answers(c));
            long course = c.tms().startCourse(p, request(CourseType.INITIAL, START, 36));
            long first = c.tms().recordSession(p, course, TmsServiceIT.session(START, new MtReading(60, MtMethod.EMG, null),
                    120)).id();
            assertTrue(c.medications().overview(p).prompts().isEmpty(), "the threshold answered the lithium prompt");

            c.tms().voidSession(p, first, 0, "recorded on the wrong patient");
            var tms = c.tms().overview(p);
            assertTrue(tms.motorThresholds().isEmpty(), "the wrong threshold no longer sets a dose");
            assertEquals(0, tms.active().progress().delivered());
            assertEquals(1, c.medications().overview(p).prompts().size(), "the prompt it answered is open again");
            assertEquals("tms.error.noMt", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, TmsServiceIT.session(START.plusDays(1), null, 120)))));
            assertEquals("90867", c.tms().recordSession(p, course, TmsServiceIT.session(START.plusDays(1),
                    new MtReading(58, MtMethod.EMG, null), 120)).billingCode(), "the first session of the course still");
        }
    }

    @Test
    void aNewCourseNeedsItsOwnThresholdAndAnMtVisitBeforeASessionBillsAsARedetermination() {
        try (var c = TestClinic.open(dir)) {
            long p = patient(c, "Again");
            LocalDate june = LocalDate.of(2026, 6, 1);
            c.tms().screen(p, june, TmsServiceIT.answers(c));
            long old = c.tms().startCourse(p, request(CourseType.INITIAL, june, 36));
            c.tms().recordSession(p, old, TmsServiceIT.session(june, new MtReading(60, MtMethod.EMG, null), 120));
            c.tms().endCourse(p, old, c.tms().overview(p).active().course().version(), CourseStatus.COMPLETED, null);

            c.tms().screen(p, START.minusDays(3), TmsServiceIT.answers(c));
            long course = c.tms().startCourse(p, request(CourseType.RETREATMENT, START, 36));
            ValidationException e = assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, TmsServiceIT.session(START, null, 120)));
            assertEquals("tms.error.mtDue", key(e));
            assertTrue(e.violations().get(0).args().get(0).toString().contains("NEW_COURSE"), e.violations().toString());
            c.tms().recordMotorThreshold(p, course, START, 61, MtMethod.EMG, "Figure-8", "mapping for the retreatment");
            assertEquals("90867", c.tms().recordSession(p, course, TmsServiceIT.session(START, null, 120)).billingCode());
            c.tms().recordSession(p, course, TmsServiceIT.session(START.plusDays(1), null, 120));
            c.tms().recordMotorThreshold(p, course, START.plusDays(2), 63, MtMethod.EMG, "Figure-8", "weekly");
            var third = c.tms().recordSession(p, course, TmsServiceIT.session(START.plusDays(2), null, 120));
            assertEquals("90869", third.billingCode(), "measured at an MT visit the same day");
            assertEquals(76, third.outputPct(), "120% of 63");
            assertEquals("90868", c.tms().recordSession(p, course, TmsServiceIT.session(START.plusDays(3), null, 120))
                    .billingCode(), "that measurement counts once");
        }
    }

    @Test
    void moreSessionsOnceTheTaperHasBegunAreRefused() {
        try (var c = TestClinic.open(dir)) {
            long p = patient(c, "Taper");
            // Monday 12 October: thirty weekdays end on Friday 20 November, the one taper session is Wednesday 25th.
            LocalDate october = LocalDate.of(2026, 10, 12);
            c.tms().screen(p, october.minusDays(3), TmsServiceIT.answers(c));
            CourseRequest r = request(CourseType.INITIAL, october, 31);
            List<PlannedSession> plan = c.tms().preview(p, r).plan();
            long course = c.tms().startCourse(p, r);
            for (PlannedSession s : plan.subList(0, 30)) {
                c.tms().recordSession(p, course, TmsServiceIT.session(s.date(), s.number() == 1
                        ? new MtReading(60, MtMethod.EMG, null) : null, 120));
            }
            c.tms().extend(p, course, c.tms().overview(p).active().course().version(), 10);
            assertEquals(41, c.tms().overview(p).active().course().plannedSessions(), "an extension after the acute phase");
            assertEquals(LocalDate.of(2026, 11, 20), plan.get(29).date());
            assertEquals(LocalDate.of(2026, 11, 25), plan.get(30).date());
            var next = c.tms().overview(p).active().progress().remaining().get(0);
            assertEquals(clinic.threshold.domain.tms.SessionPhase.EXTENSION, next.phase());
            c.tms().recordSession(p, course, TmsServiceIT.session(LocalDate.of(2026, 11, 23), null, 120));
            assertEquals(31, c.tms().overview(p).active().progress().delivered());
            // A course whose taper began is not extended: more sessions then are a new course.
            long tapered;
            long q = patient(c, "Tapered");
            c.tms().screen(q, october.minusDays(3), TmsServiceIT.answers(c));
            tapered = c.tms().startCourse(q, r);
            for (PlannedSession s : plan) {
                c.tms().recordSession(q, tapered, TmsServiceIT.session(s.date(), s.number() == 1
                        ? new MtReading(60, MtMethod.EMG, null) : null, 120));
            }
            int version = c.tms().overview(q).active().course().version();
            assertEquals("tms.error.extendInTaper", key(assertThrows(ValidationException.class,
                    () -> c.tms().extend(q, tapered, version, 10))));
        }
    }

    @Test
    void aCourseStartsOnlyOnARecentScreening() {
        try (var c = TestClinic.open(dir)) {
            long p = patient(c, "Stale");
            c.tms().screen(p, START.minusDays(31), TmsServiceIT.answers(c));
            assertEquals("tms.error.screeningOld", key(assertThrows(ValidationException.class,
                    () -> c.tms().startCourse(p, request(CourseType.INITIAL, START, 36)))));
            c.tms().screen(p, START.minusDays(1), TmsServiceIT.answers(c));
            assertTrue(c.tms().startCourse(p, request(CourseType.INITIAL, START, 36)) > 0);
        }
    }
}
