package clinic.threshold.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.StatusChange;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.ReportTable;
import clinic.threshold.domain.tms.AdverseEvent;
import clinic.threshold.domain.tms.AdverseEventType;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.EventSeverity;
import clinic.threshold.domain.tms.LocationMethod;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.PreSessionCheck;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.payer.AuthorizationService;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.MutableClock;
import clinic.threshold.testing.ScheduleFixture;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports past outcomes, completion, attendance, MT and billing, each from records entered through the services,
 * with the expected figures worked out in each test; and who may run them.
 */
class ClinicReportsIT {
    static final LocalDate TODAY = TestClinic.TODAY;

    @TempDir
    Path dir;

    static List<Object> row(ReportResult r, String dimension, String value) {
        return r.table().rows().stream().filter(x -> x.get(0).equals(dimension) && x.get(1).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + dimension + "/" + value + " in " + r.table().rows()));
    }

    static List<Object> total(ReportResult r) {
        return r.table().rows().get(r.table().rows().size() - 1);
    }

    static SessionEntry session(LocalDate day, boolean first, List<AdverseEvent> events) {
        return new SessionEntry(day, LocalTime.of(9, 0), "Chair 1", "FIG8", "tech", "dr", first ? new MtReading(60, MtMethod.EMG, null) : null,
                120, 3000, 3000, null, 75, 75, LocationMethod.RULE_5_5_CM, null, null, null, null, 0, null, 1,
                new PreSessionCheck(new BigDecimal(7), false, false, false, false), events, null);
    }

    @Test
    void utilisationSetsBookedAndGivenMinutesAgainstTheChairsHours() {
        LocalDate mon = LocalDate.of(2026, 11, 2);
        MutableClock monday = new MutableClock(Instant.parse("2026-11-02T15:00:00Z"), TestClinic.ZONE); // 07:00 in Los Angeles
        try (var c = TestClinic.open(dir, monday)) {
            long[] ids = ScheduleFixture.setUp(c);
            c.scheduleSetup().setClinicHours(ScheduleFixture.weekdays(7, 19));
            TestClinic.addUser(c, c.context(), "desk", Set.of(Role.SCHEDULER));
            long[] ann = course(c, "Ann", mon);
            long[] bo = course(c, "Bo", mon);
            c.schedule().bookSession(ann[1], 1, ids[0], ids[2], mon, LocalTime.of(9, 0), 50);
            c.schedule().bookSession(bo[1], 1, ids[0], ids[2], mon, LocalTime.of(10, 0), 50);
            c.schedule().bookSession(ann[1], 2, ids[1], ids[2], mon.plusDays(1), LocalTime.of(9, 0), 50);
            c.tms().recordSession(ann[0], ann[1], session(mon, true, List.of())); // Ann's Monday session given
        }
        try (var desk = TestClinic.signIn(dir, "desk", TestClinic.PASSWORD)) {
            ReportResult r = desk.reports().run(ReportId.UTILISATION, ReportParams.between(mon, mon.plusDays(4)), Progress.NONE);
            // Each chair: 5 days of 07:00-19:00 = 3,600 minutes.
            assertEquals(List.of(3600, 100, new BigDecimal("2.8"), 50, new BigDecimal("1.4")), row(r, "chair", "Chair 1").subList(2, 7));
            assertEquals(List.of(3600, 50, new BigDecimal("1.4"), 0, new BigDecimal("0.0")), row(r, "chair", "Chair 2").subList(2, 7));
            assertEquals(List.of(7200, 150, new BigDecimal("2.1"), 50, new BigDecimal("0.7")), total(r).subList(2, 7));
            assertEquals(List.of(600, 100, 50), List.of(row(r, "hour", "09:00").get(2), row(r, "hour", "09:00").get(3),
                    row(r, "hour", "09:00").get(5)), "10 chair-hours at 09:00; Ann's Monday session given, her Tuesday one booked");
            assertThrows(AccessDeniedException.class, () -> desk.reports().run(ReportId.ADVERSE_EVENTS,
                    ReportParams.between(mon, mon), Progress.NONE), "adverse events rest on patients' records");
        }
    }

    /** A screened patient with a 10 Hz course starting {@code start}; {patient, course}. */
    static long[] course(ClinicServices c, String given, LocalDate start) {
        long p = c.patients().create(TestClinic.person(given, "Chair", LocalDate.of(1980, 1, 1), null)).id();
        AuthorizationFixture.screen(c, p, start);
        long course = c.tms().startCourse(p, new CourseRequest("TENHZ", CourseType.INITIAL, start, "MDD", 36, Authorization.NONE));
        return new long[] {p, course};
    }

    @Test
    void adverseEventsPerThousandSessionsWithTheSeizureBenchmark() {
        LocalDate mon = TODAY.minusWeeks(3).with(DayOfWeek.MONDAY);
        long bos;
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "dr.b", Set.of(Role.CLINICIAN));
            long p = c.patients().create(TestClinic.person("Ed", "Events", LocalDate.of(1980, 1, 1), null)).id();
            AuthorizationFixture.screen(c, p, mon.minusDays(1));
            long course = c.tms().startCourse(p, new CourseRequest("TENHZ", CourseType.INITIAL, mon, "MDD", 36, Authorization.NONE));
            for (int d = 0; d < 5; d++) {
                List<AdverseEvent> events = d == 1 ? List.of(new AdverseEvent(AdverseEventType.HEADACHE, EventSeverity.MILD, "paracetamol"))
                        : d == 2 ? List.of(new AdverseEvent(AdverseEventType.SEIZURE, EventSeverity.SEVERE, "stopped; emergency protocol"))
                        : List.of();
                c.tms().recordSession(p, course, session(mon.plusDays(d), d == 0, events));
            }
            // A sixth session with a headache, recorded in error and voided: neither it nor its event counts.
            long wrong = c.tms().recordSession(p, course, session(mon.plusDays(7), false,
                    List.of(new AdverseEvent(AdverseEventType.HEADACHE, EventSeverity.MILD, "none")))).id();
            c.tms().voidSession(p, wrong, 0, "wrong patient");
            bos = c.patients().create(TestClinic.person("Bo", "Bees", LocalDate.of(1980, 1, 1), null)).id();
            AuthorizationFixture.screen(c, bos, mon.minusDays(1));
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            b.tms().startCourse(bos, new CourseRequest("TENHZ", CourseType.INITIAL, mon, "MDD", 36, Authorization.NONE));
        }
        try (var c = TestClinic.open(dir)) {
            long course = c.tms().overview(bos).active().course().id();
            c.tms().recordSession(bos, course, session(mon, true, List.of(new AdverseEvent(AdverseEventType.SCALP_PAIN,
                    EventSeverity.MILD, "cold pack"))));
            ReportResult r = c.reports().run(ReportId.ADVERSE_EVENTS, ReportParams.between(mon, TODAY), Progress.NONE);
            // 1 headache in 6 sessions = 166.67 per 1,000; the seizure too; three events 500 per 1,000.
            assertEquals(List.of(1, 0, 1, 6, new BigDecimal("166.67")), row(r, "type", "HEADACHE").subList(2, 7));
            assertEquals(List.of(1, 1, 1, 6, new BigDecimal("166.67"), new BigDecimal("1666.67")), row(r, "type", "SEIZURE").subList(2, 8));
            assertEquals(List.of(3, 1, 2, 6, new BigDecimal("500.00")), total(r).subList(2, 7));
            assertEquals(List.of(1, 6, "1666.67", "0.31"), r.notes().get(1).values(), "the benchmark comes from the rules");
            assertEquals("Seizure", ReportFormat.cell(r.table().columns().get(1), row(r, "type", "SEIZURE").get(1)));
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            ReportResult own = b.reports().run(ReportId.ADVERSE_EVENTS, ReportParams.between(mon, TODAY), Progress.NONE);
            assertEquals(List.of(1, 0, 1, 1), total(own).subList(2, 6), "dr.b's patient Bo only: one event in one session");
            assertEquals(1, row(own, "type", "SCALP_PAIN").get(2));
        }
    }

    @Test
    void authorizationsByStatusWithDaysToDecisionAndUnitsUsed() {
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "dr.b", Set.of(Role.CLINICIAN));
            var ann = AuthorizationFixture.readyPatient(c, "Ann", "Approved");
            LocalDate start = TODAY.minusWeeks(2).with(DayOfWeek.MONDAY);
            AuthorizationFixture.screen(c, ann.id(), start.minusDays(1));
            long course = AuthorizationFixture.courseWithSessions(c, ann.id(), start, start.plusDays(4)); // 5 sessions
            long a = c.authorizations().create(ann.id(), new AuthorizationService.Draft(AuthKind.INITIAL, course, null, null, null, null));
            c.authorizations().changeStatus(a, 0, new StatusChange(AuthStatus.SUBMITTED, start.minusDays(9), null, null, null, null, null, null));
            c.authorizations().changeStatus(a, 1, new StatusChange(AuthStatus.APPROVED, start.minusDays(5), "CEN-1", 30, start,
                    start.plusWeeks(8), null, null));
            var bo = AuthorizationFixture.readyPatient(c, "Bo", "Denied");
            long b = c.authorizations().create(bo.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));
            c.authorizations().changeStatus(b, 0, new StatusChange(AuthStatus.SUBMITTED, TODAY.minusDays(10), null, null, null, null, null, null));
            c.authorizations().changeStatus(b, 1, new StatusChange(AuthStatus.DENIED, TODAY.minusDays(7), null, null, null, null,
                    "Only one antidepressant class", null));
            var cy = AuthorizationFixture.readyPatient(c, "Cy", "Draft");
            c.authorizations().create(cy.id(), new AuthorizationService.Draft(AuthKind.INITIAL, null, null, null, null, null));

            ReportResult r = c.reports().run(ReportId.AUTHORIZATIONS, ReportParams.between(TODAY.minusDays(30), TODAY), Progress.NONE);
            assertEquals(List.of(1, 1, 1), List.of(row(r, "status", "DRAFT").get(2), row(r, "status", "APPROVED").get(2),
                    row(r, "status", "DENIED").get(2)));
            // Decided: Ann in 4 days, Bo in 3: median 3.5; 30 units approved, 5 given inside the window.
            assertEquals(List.of(3, 2, 1, 1, new BigDecimal("50.0"), new BigDecimal("3.5"), new BigDecimal("3.5"), 30, 5,
                    new BigDecimal("16.7")), total(r).subList(2, 12));
            assertEquals(1, row(r, "denialReason", "Only one antidepressant class").get(2));
            assertEquals(3, row(r, "payer", "Centene / Ambetter").get(2));
            ReportResult none = c.reports().run(ReportId.AUTHORIZATIONS, ReportParams.between(TODAY.minusYears(2), TODAY.minusYears(1)),
                    Progress.NONE);
            assertEquals(0, total(none).get(2), "requests are counted by the day they were made");
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            assertThrows(AccessDeniedException.class, () -> b.reports().run(ReportId.AUTHORIZATIONS, ReportParams.between(null, null),
                    Progress.NONE), "administrators only");
        }
    }

    @Test
    void measurementBasedCareCountsTheScheduleAndTheTimeToReviewARiskAlert() {
        LocalDate start = TODAY.minusWeeks(6).with(DayOfWeek.MONDAY);
        // The clock stands on the evening of the course's last session, so the alert is raised while it runs.
        MutableClock clock = new MutableClock(start.plusDays(11).atTime(20, 0).atZone(TestClinic.ZONE).toInstant(), TestClinic.ZONE);
        try (var c = TestClinic.open(dir, clock)) {
            long p = c.patients().create(TestClinic.person("Mo", "Measured", LocalDate.of(1980, 1, 1), null)).id();
            c.outcomes().record(p, AuthorizationFixture.phq(start.minusDays(2), 3, 3, 3, 2, 2, 2, 2, 2, 0), false);
            AuthorizationFixture.screen(c, p, start.minusDays(3));
            long course = AuthorizationFixture.courseWithSessions(c, p, start, start.plusDays(11)); // 10 sessions
            c.outcomes().record(p, AuthorizationFixture.phq(start.plusDays(7), 2, 2, 2, 2, 2, 2, 1, 1, 1), false); // item 9: an alert
            clock.advance(Duration.ofHours(3));
            var alert = c.outcomes().overview(p).openAlerts().get(0);
            c.outcomes().reviewAlert(p, alert.id(), alert.version(), "C-SSRS: low risk; safety plan reviewed");
            c.tms().endCourse(p, course, c.tms().overview(p).active().course().version(), CourseStatus.STOPPED, "moved away");
            clock.advance(Duration.ofDays(20));
            ReportResult r = c.reports().run(ReportId.MEASUREMENT_BASED_CARE, ReportParams.between(start.minusDays(7), start.plusDays(60)),
                    Progress.NONE);
            // Baseline (2 days before) and the week-1 score are on time; the last acute session (day 11) had no score.
            assertEquals(List.of(1, 1, 0, 0), row(r, "point", "BASELINE").subList(2, 6));
            assertEquals(List.of(1, 1, 0, 0), row(r, "point", "WEEKLY").subList(2, 6));
            assertEquals(List.of(1, 0, 0, 1), row(r, "point", "LAST_ACUTE").subList(2, 6));
            assertEquals(List.of(3, 2, 0, 1, 0, new BigDecimal("66.7"), 1, 1, 0, new BigDecimal("3.0"), new BigDecimal("3.0")),
                    total(r).subList(2, 13));
        }
    }

    @Test
    void remissionAndResponseAtTwelveMonthsByTheMeasuresRules() {
        ReportParams q3 = ReportParams.between(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30));
        try (var c = TestClinic.open(dir)) {
            long ann = patient(c, "Ann", "F33.2");
            c.outcomes().record(ann, AuthorizationFixture.phq(LocalDate.of(2025, 8, 1), 3, 3, 3, 3, 2, 2, 2, 2, 0), false); // 20
            c.outcomes().record(ann, AuthorizationFixture.phq(LocalDate.of(2026, 8, 1), 1, 1, 1, 0, 0, 0, 0, 0, 0), false); // 3
            long bo = patient(c, "Bo", "F33.1");
            c.outcomes().record(bo, AuthorizationFixture.phq(LocalDate.of(2025, 9, 1), 2, 2, 2, 2, 2, 2, 2, 1, 0), false); // 15, no follow-up
            long cy = patient(c, "Cy", "F60.3");
            c.outcomes().record(cy, AuthorizationFixture.phq(LocalDate.of(2025, 8, 1), 3, 3, 3, 3, 2, 2, 2, 2, 0), false);
            long di = patient(c, "Di", "F41.1");
            c.outcomes().record(di, AuthorizationFixture.phq(LocalDate.of(2025, 8, 1), 3, 3, 3, 3, 2, 2, 2, 2, 0), false);

            ReportResult r = c.reports().run(ReportId.REMISSION_12_MONTHS, q3, Progress.NONE);
            assertEquals(List.of(ReportTable.TOTAL, 2, 1, new BigDecimal("50.0"), 1, new BigDecimal("50.0"), 1, 0, 1), total(r),
                    "Ann remits and responds, Bo has no score at 12 months, Cy (F60.3) is excluded");
            assertEquals(List.of(1, 12), r.notes().get(1).values(), "Di's anxiety diagnosis is not in the measure");

            var bad = assertThrows(ValidationException.class, () -> c.tmsReference().addOutcomeRuleVersion(
                    new RuleSetting("report.cms159.excludedCodes", "bipolar", Confidence.DESIGN, "test", TODAY)));
            assertEquals("reference.error.codeList", bad.violations().get(0).messageKey());
            assertEquals("reference.error.unknownScale", assertThrows(ValidationException.class, () -> c.tmsReference()
                    .addOutcomeRuleVersion(new RuleSetting("report.cms159.scale", "NOPE", Confidence.DESIGN, "test", TODAY)))
                    .violations().get(0).messageKey());
            assertEquals("reference.error.notPositive", assertThrows(ValidationException.class, () -> c.tmsReference()
                    .addOutcomeRuleVersion(new RuleSetting("report.seizureBenchmarkPer10000", "-1", Confidence.DESIGN, "test", TODAY)))
                    .violations().get(0).messageKey());
            c.tmsReference().addOutcomeRuleVersion(new RuleSetting("report.cms159.diagnosisCodes", "F33, F41.1", Confidence.DESIGN,
                    "test: the clinic widens the denominator", TODAY));
            ReportResult wider = c.reports().run(ReportId.REMISSION_12_MONTHS, q3, Progress.NONE);
            assertEquals(List.of(3, 1), List.of(total(wider).get(1), total(wider).get(2)), "Di now counts, with no follow-up score");
        }
    }

    @Test
    void theHelpTextsNameTheRuleValuesInForceNotTheSeed() {
        try (var c = TestClinic.open(dir)) {
            var seed = c.reports().helpValues();
            assertEquals(List.of(14, 50, "PHQ-9 below 5", 20), seed.get(ReportId.OUTCOMES));
            assertEquals(List.of("PHQ-9", 9, 12, 12, 60, 5, 50), seed.get(ReportId.REMISSION_12_MONTHS));
            assertEquals(List.of(24), seed.get(ReportId.ATTENDANCE));
            c.tmsReference().addOutcomeRuleVersion(new RuleSetting("report.completerMinSessions", "30", Confidence.DESIGN,
                    "test: a stricter completer", TODAY));
            c.tmsReference().addOutcomeRuleVersion(new RuleSetting("report.cms159.windowDays", "45", Confidence.DESIGN,
                    "test: a narrower window", TODAY));
            var edited = c.reports().helpValues();
            assertEquals(30, edited.get(ReportId.OUTCOMES).get(3));
            String words = clinic.threshold.i18n.Messages.get("report.help.REMISSION_12_MONTHS",
                    edited.get(ReportId.REMISSION_12_MONTHS).toArray());
            assertTrue(words.contains("12 months \u00b1 45 days"), words);
            assertTrue(words.contains("first PHQ-9 above 9") && words.contains("12 or older"), words);
            assertTrue(clinic.threshold.i18n.Messages.get("report.help.OUTCOMES", edited.get(ReportId.OUTCOMES).toArray())
                    .contains("at least 30 sessions"));
        }
    }

    static long patient(ClinicServices c, String given, String diagnosis) {
        return c.patients().create(new PatientDetails(null, given, "Twelve", null, LocalDate.of(1980, 1, 1), Sex.FEMALE, null, null,
                null, null, null, null, null, null, diagnosis, null)).id();
    }

    @Test
    void theTrdProfileAssessesEachHistoryAsTheChartDoes() {
        long cy;
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "dr.b", Set.of(Role.CLINICIAN));
            var ready = AuthorizationFixture.readyPatient(c, "Ann", "Resistant");
            c.patients().create(TestClinic.person("Bo", "New", LocalDate.of(1990, 1, 1), null));
            cy = c.patients().create(TestClinic.person("Cy", "Theirs", LocalDate.of(1990, 1, 1), null)).id();
            AuthorizationFixture.screen(c, cy, TODAY);
            var chart = c.history().overview(ready.id()).assessment();
            ReportResult r = c.reports().run(ReportId.TRD_PROFILE, ReportParams.between(null, null), Progress.NONE);
            assertEquals(3, total(r).get(2));
            assertEquals(2, row(r, "failedTrials", "0").get(2), "Bo and Cy have no history");
            assertEquals(1, row(r, "failedTrials", Integer.toString(chart.failedAdequateTrials())).get(2));
            assertEquals(1, row(r, "maudsley", chart.maudsley().band().name()).get(2));
            assertEquals(2, row(r, "maudsley", "NOT_STAGED").get(2));
            assertEquals(List.of(1, new BigDecimal("33.3")), row(r, "trd", "trd.yes").subList(2, 4), "Ann meets the definition");
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            b.tms().startCourse(cy, new CourseRequest("TENHZ", CourseType.INITIAL, TODAY, "MDD", 36, Authorization.NONE));
            ReportResult own = b.reports().run(ReportId.TRD_PROFILE, ReportParams.between(null, null), Progress.NONE);
            assertEquals(1, total(own).get(2), "a clinician sees their own patients only: Cy, whose course they started");
            assertEquals(1, row(own, "failedTrials", "0").get(2));
        }
    }
}
