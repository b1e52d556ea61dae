package clinic.threshold.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportCancelledException;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outcomes report over two clinicians' courses: administrators see both, a clinician their own, the front desk
 * neither; CSV and PDF read back; runs and exports audited; definitions saved and re-run.
 */
class ReportServiceIT {
    static final LocalDate TODAY = TestClinic.TODAY;
    static final LocalDate START = TODAY.minusWeeks(10).with(DayOfWeek.MONDAY);
    static final ReportParams QUARTER = ReportParams.between(TODAY.minusMonths(6), TODAY);

    @TempDir
    static Path dir;

    /** A course from START with a PHQ-9 baseline {@code base} and {@code end} at the last of 30 sessions. */
    static void course(ClinicServices c, String given, String family, int[] base, int[] end) {
        var p = c.patients().create(TestClinic.person(given, family, LocalDate.of(1975, 1, 1), null));
        c.outcomes().record(p.id(), AuthorizationFixture.phq(START.minusDays(2), box(base)), false);
        AuthorizationFixture.screen(c, p.id(), START.minusDays(4));
        AuthorizationFixture.courseWithSessions(c, p.id(), START, START.plusWeeks(6).minusDays(3));
        c.outcomes().record(p.id(), AuthorizationFixture.phq(START.plusWeeks(6).minusDays(3), box(end)), false);
    }

    static Integer[] box(int[] items) {
        return java.util.Arrays.stream(items).boxed().toArray(Integer[]::new);
    }

    @BeforeAll
    static void twoCliniciansCourses() {
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "dr.b", Set.of(Role.CLINICIAN));
            TestClinic.addUser(c, c.context(), "desk", Set.of(Role.SCHEDULER));
            course(c, "Ann", "Responder", new int[] {3, 3, 3, 3, 2, 2, 2, 2, 0}, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 0}); // 20 -> 8
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            course(b, "Bo", "Partial", new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2}, new int[] {2, 2, 2, 2, 1, 1, 1, 1, 0}); // 18 -> 12
        }
    }

    static List<Object> firstRow(ReportResult r) {
        return r.table().rows().get(0);
    }

    @Test
    void administratorsSeeEveryCourseAndAClinicianTheirOwn() {
        try (var admin = TestClinic.open(dir)) {
            ReportResult all = admin.reports().run(ReportId.OUTCOMES, QUARTER, Progress.NONE);
            assertEquals(1, all.table().rows().size(), "one protocol");
            assertEquals(List.of(2, new BigDecimal("50.0"), new BigDecimal("0.0")), firstRow(all).subList(2, 5));
            assertEquals(new BigDecimal("-9.0"), firstRow(all).get(8), "(-12 + -6) / 2");
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            ReportResult own = b.reports().run(ReportId.OUTCOMES, QUARTER, Progress.NONE);
            assertEquals(List.of(1, new BigDecimal("0.0"), new BigDecimal("0.0")), firstRow(own).subList(2, 5), "only Bo's course");
            assertEquals(List.of(ReportId.OUTCOMES, ReportId.COMPLETION, ReportId.UTILISATION, ReportId.ATTENDANCE,
                    ReportId.MT_COMPLIANCE, ReportId.ADVERSE_EVENTS, ReportId.MEASUREMENT_BASED_CARE, ReportId.REMISSION_12_MONTHS,
                    ReportId.TRD_PROFILE), b.reports().available(), "a clinician: the clinical and operations reports, not billing "
                    + "or authorizations");
            ReportResult mt = b.reports().run(ReportId.MT_COMPLIANCE, QUARTER, Progress.NONE);
            assertEquals(List.of(List.of("Partial, Bo", "Standard 10 Hz", START, 30, 6, 1, new BigDecimal("16.7"))), mt.table().rows(),
                    "Bo's course only; the motor threshold measured in its first week alone");
        }
        try (var desk = TestClinic.signIn(dir, "desk", TestClinic.PASSWORD)) {
            assertThrows(AccessDeniedException.class, () -> desk.reports().run(ReportId.OUTCOMES, QUARTER, Progress.NONE));
            assertEquals(List.of(ReportId.UTILISATION, ReportId.ATTENDANCE), desk.reports().available(),
                    "the front desk runs the operations reports");
        }
    }

    @Test
    void completionCountsTheRunningCoursesAsNeitherDoneNorDropped() {
        try (var admin = TestClinic.open(dir)) {
            ReportResult r = admin.reports().run(ReportId.COMPLETION, QUARTER, Progress.NONE);
            assertEquals(List.of("Standard 10 Hz", 2, 0, new BigDecimal("0.0"), 0, new BigDecimal("0.0"), 2), firstRow(r).subList(0, 7),
                    "30 of 36 sessions given in both courses");
            ReportParams byTech = new ReportParams(QUARTER.from(), QUARTER.to(), null, null, "tech", null, null, null);
            assertEquals(2, firstRow(admin.reports().run(ReportId.COMPLETION, byTech, Progress.NONE)).get(1),
                    "the technician gave sessions in both");
            ReportParams nobody = new ReportParams(QUARTER.from(), QUARTER.to(), null, null, "nobody", null, null, null);
            assertTrue(admin.reports().run(ReportId.COMPLETION, nobody, Progress.NONE).table().rows().stream()
                    .noneMatch(x -> "Standard 10 Hz".equals(x.get(0))), "no course had a session of theirs");
        }
    }

    @Test
    void billingCountsEverySessionByMonthCodeAndPayerForAdministratorsOnly() {
        try (var admin = TestClinic.open(dir)) {
            ReportResult r = admin.reports().run(ReportId.BILLING, QUARTER, Progress.NONE);
            int total = r.table().rows().stream().filter(x -> x.get(1).equals(clinic.threshold.domain.report.ReportTable.TOTAL))
                    .mapToInt(x -> (Integer) x.get(3)).sum();
            assertEquals(60, total, "two courses of 30 sessions");
            assertTrue(r.table().rows().stream().anyMatch(x -> "90867".equals(x.get(1))), "each course's first session");
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            assertThrows(AccessDeniedException.class, () -> b.reports().run(ReportId.BILLING, QUARTER, Progress.NONE));
        }
    }

    @Test
    void aCalendarQuarterHoldsTheCoursesThatStartedInIt() {
        try (var admin = TestClinic.open(dir)) {
            ReportResult q3 = admin.reports().run(ReportId.OUTCOMES, ReportParams.between(LocalDate.of(2026, 7, 1),
                    LocalDate.of(2026, 9, 30)), Progress.NONE);
            assertEquals(2, firstRow(q3).get(2), q3.toString());
            ReportResult q4 = admin.reports().run(ReportId.OUTCOMES, ReportParams.between(LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 12, 31)), Progress.NONE);
            assertTrue(q4.table().rows().isEmpty(), "no course started after September");
        }
    }

    @Test
    void csvAndPdfCarryTheFiguresAndEveryRunAndExportIsAudited() throws Exception {
        try (var admin = TestClinic.open(dir)) {
            ReportResult r = admin.reports().run(ReportId.OUTCOMES, QUARTER.by(ReportParams.GroupBy.PROTOCOL), Progress.NONE);
            String csv = new String(admin.reports().csv(r), StandardCharsets.UTF_8);
            String[] lines = csv.split("\r\n");
            assertTrue(lines[0].startsWith("Group,Instrument,Courses (ITT),Response, ITT".replace("Response, ITT", "\"Response, ITT\"")),
                    lines[0]);
            assertTrue(lines[1].contains(",PHQ-9,2,50.0,0.0,"), lines[1]);
            String pdf;
            try (var doc = Loader.loadPDF(admin.reports().pdf(r))) {
                pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            for (String expected : List.of("Outcomes: response and remission", "Test Clinic", "by protocol", "Response, ITT", "50.0%",
                    "2 started courses in the range")) {
                assertTrue(pdf.contains(expected), () -> "missing " + expected + " in " + pdf);
            }
            var runs = admin.audit().page(new AuditFilter(null, null, "report.run", null, null), null);
            var exports = admin.audit().page(new AuditFilter(null, null, "report.export", null, null), null);
            assertTrue(runs.size() >= 1, "runs are audited");
            assertEquals(2, exports.size(), "csv and pdf");
        }
    }

    @Test
    void definitionsAreSavedReplacedByNameAndRetired() {
        try (var admin = TestClinic.open(dir)) {
            long id = admin.reports().save("Quarterly outcomes", ReportId.OUTCOMES, QUARTER);
            assertEquals(id, admin.reports().save("quarterly outcomes", ReportId.OUTCOMES, QUARTER.by(ReportParams.GroupBy.PAYER)),
                    "the same name replaces");
            var saved = admin.reports().saved();
            assertEquals(1, saved.size());
            assertEquals(ReportParams.GroupBy.PAYER, saved.get(0).params().groupBy());
            assertEquals(QUARTER.from(), saved.get(0).params().from());
            admin.reports().retire(id);
            assertTrue(admin.reports().saved().isEmpty());
            var blank = assertThrows(ValidationException.class, () -> admin.reports().save(" ", ReportId.OUTCOMES, QUARTER));
            assertEquals("validation.required", blank.violations().get(0).messageKey());
        }
    }

    @Test
    void aBackwardRangeIsRefusedAndACancelledRunStops() {
        try (var admin = TestClinic.open(dir)) {
            var e = assertThrows(ValidationException.class, () -> admin.reports().run(ReportId.OUTCOMES,
                    ReportParams.between(TODAY, TODAY.minusDays(1)), Progress.NONE));
            assertEquals("report.error.range", e.violations().get(0).messageKey());
            Progress cancelled = new Progress() {
                @Override
                public void step(long done, long total) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            assertThrows(ReportCancelledException.class, () -> admin.reports().run(ReportId.OUTCOMES, QUARTER, cancelled));
        }
    }
}
