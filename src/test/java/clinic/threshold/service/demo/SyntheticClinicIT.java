package clinic.threshold.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.patient.MrnRule;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.ReportTable;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.demo.synthetic.SyntheticClinic;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small synthetic clinic, generated in bulk and read back through the services: the same for the same seed, its
 * audit chain intact, every chart and report readable, its figures plausible, and the services adding to it after.
 */
class SyntheticClinicIT {
    static final SyntheticClinic.Plan PLAN = new SyntheticClinic.Plan(300, 4, 42);

    @TempDir
    Path dir;

    @TempDir
    Path other;

    /** What identifies a generated clinic: each patient's MRN, birth date and number of scores, in order. */
    static List<String> fingerprint(ClinicServices c) {
        List<String> out = new ArrayList<>();
        for (var p : c.patients().search(new PatientQuery("", null, null, 1000))) {
            out.add(p.mrn() + " " + p.birthDate() + " " + c.outcomes().overview(p.id()).series().stream()
                    .mapToInt(s -> s.entries().size()).sum());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameClinicWhoseRecordsTheServicesRead() {
        List<String> first;
        try (var c = TestClinic.open(dir)) {
            SyntheticClinic.Summary s = c.synthetic().generate(PLAN, step -> { });
            assertEquals(300, s.patients());
            assertTrue(s.courses() > 150 && s.courses() < 320, "about three in four patients have a course: " + s.courses());
            assertTrue(s.sessions() > s.courses() * 20L, "most courses run their sessions: " + s.sessions());
            assertEquals(300, c.patients().count());
            assertTrue(c.audit().verify(n -> { }).intact(), "the generated trail is a valid chain");
            first = fingerprint(c);

            // Every chart opens: history with its TRD assessment, TMS courses with their schedule, outcomes.
            for (var p : c.patients().search(new PatientQuery("", null, null, 40))) {
                c.history().overview(p.id());
                // A generated history is a valid interchange document: episodes in order, trials inside them.
                clinic.threshold.service.history.HistoryJson.read(clinic.threshold.service.history.HistoryJson.write(
                        c.historyTransfer().export(p.mrn())), c.history().formulary());
                c.tms().overview(p.id());
                c.outcomes().overview(p.id());
            }
            // Every report runs over the whole clinic.
            ReportParams all = ReportParams.between(TestClinic.TODAY.minusYears(4), TestClinic.TODAY);
            for (ReportId id : ReportId.values()) {
                ReportResult r = c.reports().run(id, all, Progress.NONE);
                assertTrue(!r.table().rows().isEmpty(), id + " has rows");
            }
            ReportResult outcomes = c.reports().run(ReportId.OUTCOMES, all, Progress.NONE);
            List<Object> phq = outcomes.table().rows().stream().filter(x -> !ReportTable.TOTAL.equals(x.get(0))).findFirst().orElseThrow();
            BigDecimal response = (BigDecimal) phq.get(3);
            assertTrue(response.compareTo(new BigDecimal("30")) > 0 && response.compareTo(new BigDecimal("80")) < 0,
                    "about half respond: " + response + "% in " + phq);
            ReportResult profile = c.reports().run(ReportId.TRD_PROFILE, ReportParams.between(null, null), Progress.NONE);
            int trd = (int) profile.table().rows().stream().filter(x -> x.get(1).equals("trd.yes")).findFirst().orElseThrow().get(2);
            assertTrue(trd > 60 && trd < 290, "most patients of a TRD clinic meet the definition: " + trd);

            // The services add to it after: fresh ids and MRNs.
            var added = c.patients().create(TestClinic.person("Nia", "After", java.time.LocalDate.of(1990, 1, 1), null));
            assertTrue(MrnRule.isValid(added.mrn()));
            assertEquals(301, c.patients().count());
            assertEquals("synthetic.error.notEmpty", assertThrows(ValidationException.class,
                    () -> c.synthetic().generate(PLAN, step -> { })).violations().get(0).messageKey(), "never into a clinic with patients");
        }
        try (var c = TestClinic.open(other)) {
            c.synthetic().generate(PLAN, step -> { });
            assertEquals(first.subList(0, 300), fingerprint(c).subList(0, 300), "the same seed, the same clinic");
        }
    }

    @Test
    void anotherSeedAnotherClinicAndOnlyAdministratorsGenerate() {
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "dr.b", Set.of(Role.CLINICIAN));
            c.synthetic().generate(new SyntheticClinic.Plan(20, 2, 7), step -> { });
            List<String> seven = fingerprint(c);
            try (var o = TestClinic.open(other)) {
                o.synthetic().generate(new SyntheticClinic.Plan(20, 2, 8), step -> { });
                assertNotEquals(seven, fingerprint(o));
            }
            assertEquals("synthetic.error.patients", assertThrows(ValidationException.class,
                    () -> c.synthetic().generate(new SyntheticClinic.Plan(0, 2, 7), step -> { })).violations().get(0).messageKey());
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            assertThrows(AccessDeniedException.class, () -> b.synthetic().generate(new SyntheticClinic.Plan(5, 1, 1), step -> { }));
        }
    }

    @Test
    void theFloorIsBookedAsTheSchedulerWouldAndCoursesAreAuthorizedAndPrescribed() {
        try (var c = TestClinic.open(dir)) {
            c.synthetic().generate(PLAN, step -> { });
            String minutesOf = "(EXTRACT(HOUR FROM %1$s.start_time) * 60 + EXTRACT(MINUTE FROM %1$s.start_time))";
            assertEquals("0", one("SELECT COUNT(*) FROM appointment a JOIN appointment b ON a.chair_id = b.chair_id"
                    + " AND a.appt_date = b.appt_date AND a.id < b.id WHERE " + minutesOf.formatted("a") + " < "
                    + minutesOf.formatted("b") + " + b.minutes AND " + minutesOf.formatted("b") + " < " + minutesOf.formatted("a")
                    + " + a.minutes"), "no chair holds two appointments at once");
            assertEquals("0", one("SELECT COUNT(*) FROM tms_session s WHERE s.status = 'DELIVERED' AND NOT EXISTS (SELECT 1"
                    + " FROM appointment a JOIN tms_chair ch ON ch.id = a.chair_id WHERE a.course_id = s.course_id"
                    + " AND a.appt_date = s.session_date AND a.start_time = s.start_time AND ch.name = s.chair"
                    + " AND a.status = 'ARRIVED')"), "every session given was booked on its chair at its time");
            assertEquals("0", one("SELECT COUNT(*) FROM tms_session s JOIN appointment a ON a.course_id = s.course_id"
                    + " AND a.appt_date = s.session_date AND a.start_time = s.start_time JOIN technician t ON t.id = a.technician_id"
                    + " WHERE s.status = 'DELIVERED' AND t.username <> s.technician"), "the chair's technician gave it");
            int missed = Integer.parseInt(one("SELECT COUNT(*) FROM appointment WHERE appt_date < DATE '2026-11-27'"
                    + " AND status IN ('BOOKED', 'CANCELLED')"));
            int past = Integer.parseInt(one("SELECT COUNT(*) FROM appointment WHERE appt_date < DATE '2026-11-27'"));
            assertTrue(missed > past * 0.04 && missed < past * 0.12, "about 8% missed or cancelled late: " + missed + " of " + past);
            // Running courses are booked ahead, holding their chairs' slots; the day view shows today's.
            int ahead = Integer.parseInt(one("SELECT COUNT(*) FROM appointment WHERE appt_date >= DATE '2026-11-27'"));
            assertTrue(ahead > 0, "running courses are booked ahead");
            assertEquals(one("SELECT SUM((minutes + 4) / 5) FROM appointment WHERE appt_date >= DATE '2026-11-27'"),
                    one("SELECT COUNT(*) FROM chair_slot"), "each booking ahead holds its slot rows");
            assertTrue(c.schedule().unbooked().isEmpty(), "no running course is left unbooked");
            var today = c.schedule().day(c.schedule().today().getDayOfWeek().getValue() > 5
                    ? c.schedule().today().plusDays(8 - c.schedule().today().getDayOfWeek().getValue()) : c.schedule().today());
            assertTrue(!today.appointments().isEmpty() && today.chairs().size() >= 3, "the day view shows the floor's bookings");
            // The scheduler can place a new course among them: chairs, technicians and physicians keep hours.
            java.time.LocalDate monday = c.schedule().today().plusDays(8 - c.schedule().today().getDayOfWeek().getValue());
            long[] fresh = clinic.threshold.testing.ScheduleFixture.patientWithCourse(c, "New", "Course", monday);
            var plan = c.schedule().planCourse(fresh[1], new clinic.threshold.domain.schedule.Preference(java.time.LocalTime.of(8, 0),
                    java.time.LocalTime.of(17, 0), null));
            assertEquals(List.of(), plan.result().unplaced(), "every session of a new course finds a chair");
            // Every insured course has an approval for its planned sessions; self-pay patients have none.
            assertEquals("0", one("SELECT COUNT(*) FROM tms_course t JOIN patient p ON p.id = t.patient_id WHERE p.payer_id IS NOT NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM prior_authorization a WHERE a.course_id = t.id AND a.status = 'APPROVED'"
                    + " AND a.units = t.planned_sessions AND a.window_first = t.start_date)"));
            assertEquals("0", one("SELECT COUNT(*) FROM prior_authorization a JOIN patient p ON p.id = a.patient_id"
                    + " WHERE p.payer_id IS NULL"));
            assertTrue(Integer.parseInt(one("SELECT COUNT(*) FROM prior_authorization WHERE status = 'DENIED'")) > 0, "some denials");
            // Most patients have medication orders with their dose raised, and the medication screen reads them.
            int prescribed = Integer.parseInt(one("SELECT COUNT(DISTINCT patient_id) FROM medication_order"));
            assertTrue(prescribed > 240 && prescribed < 295, "about nine in ten are prescribed for: " + prescribed);
            long patient = Long.parseLong(one("SELECT MIN(patient_id) FROM medication_order WHERE stop_date IS NULL"));
            assertTrue(!c.medications().overview(patient).orders().isEmpty(), "the medication screen reads the orders");
            assertTrue(c.audit().verify(n -> { }).intact(), "the trail with bookings, requests and orders is a valid chain");
        }
    }

    private String one(String query) {
        String[] out = new String[1];
        TestClinic.sqlQuery(dir, query, v -> {
            if (out[0] == null) {
                out[0] = v;
            }
        });
        return out[0];
    }
}
