package clinic.threshold.service.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.GapDecision;
import clinic.threshold.domain.tms.LocationMethod;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.PreSessionCheck;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.ScreeningSeverity;
import clinic.threshold.domain.tms.ScreeningStatus;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.domain.tms.SessionResult;
import clinic.threshold.domain.tms.SessionStatus;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.Orders;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TMS courses on a real clinic: screening gates, billing codes, validation with nothing half-saved, misses. */
class TmsServiceIT {
    static final LocalDate TODAY = TestClinic.TODAY;
    /** Monday 2 November 2026, four weeks before the test clinic's today. */
    static final LocalDate START = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    static List<ScreeningAnswer> answers(ClinicServices c, int... yes) {
        List<ScreeningAnswer> out = new ArrayList<>();
        for (ScreeningItem i : c.tms().reference().screeningForm()) {
            boolean y = java.util.Arrays.stream(yes).anyMatch(n -> n == i.number());
            out.add(new ScreeningAnswer(i.number(), y, y ? "details given" : null));
        }
        return out;
    }

    static int item(ClinicServices c, ScreeningSeverity severity) {
        return c.tms().reference().screeningForm().stream().filter(i -> i.severity() == severity).findFirst().orElseThrow()
                .number();
    }

    static SessionEntry session(LocalDate day, MtReading mt, int pctMt) {
        return new SessionEntry(day, LocalTime.of(9, 0), "Chair 1", "FIG8", "tech.kim", "dr.osei", mt, pctMt, 3000, 3000,
                null, 75, 75, LocationMethod.BEAM_F3, new BigDecimal("36.5"), new BigDecimal("35.0"), new BigDecimal("57.0"),
                "F3 (Beam)", 0, null, 2, new PreSessionCheck(new BigDecimal(7), false, false, false, false), List.of(), null);
    }

    static CourseRequest request(CourseType type) {
        return new CourseRequest("TENHZ", type, START, "Major depressive disorder, recurrent, severe", 36,
                new Authorization("Aetna", "PA-77", 36, START, START.plusWeeks(8)));
    }

    static int count(Path dir, String table) {
        List<String> n = new ArrayList<>();
        TestClinic.sqlQuery(dir, "SELECT COUNT(*) FROM " + table, n::add);
        return Integer.parseInt(n.get(0));
    }

    /** The work list without the overdue assessments (each test's course has no scales recorded). */
    static List<clinic.threshold.domain.tms.TmsAttention> courseItems(ClinicServices c) {
        return c.tms().workList().stream()
                .filter(a -> a.kind() != clinic.threshold.domain.tms.TmsAttention.Kind.ASSESSMENT_OVERDUE).toList();
    }

    static String key(ValidationException e) {
        return e.violations().get(0).messageKey();
    }

    @Test
    void aCourseStartsOnlyAfterAScreeningThatAllowsIt() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Ivo", "Screened", LocalDate.of(1979, 2, 2), null)).id();
            assertEquals("tms.error.noScreening", key(assertThrows(ValidationException.class,
                    () -> c.tms().startCourse(p, request(CourseType.INITIAL)))));
            int review = item(c, ScreeningSeverity.PHYSICIAN_REVIEW);
            c.tms().screen(p, START.minusDays(3), answers(c, review));
            var state = c.tms().overview(p).screening();
            assertEquals(ScreeningStatus.NEEDS_CLEARANCE, state.status());
            assertEquals(List.of(clinic.threshold.domain.tms.TmsAttention.Kind.CLEARANCE), c.tms().workList().stream()
                    .map(a -> a.kind()).toList(), "the clearance waits on the work list");
            assertEquals("tms.error.clearanceNeeded", key(assertThrows(ValidationException.class,
                    () -> c.tms().startCourse(p, request(CourseType.INITIAL)))));
            assertEquals(0, count(dir, "tms_course"), "nothing saved by a refused start");
            c.tms().clear(p, state.latest().id(), state.latest().version(), "Single febrile seizure at age 3; low risk.");
            assertTrue(c.tms().workList().isEmpty());
            assertEquals(ScreeningStatus.CLEARED, c.tms().overview(p).screening().status());
            long course = c.tms().startCourse(p, request(CourseType.INITIAL));
            assertTrue(course > 0);
            assertEquals("tms.error.activeCourse", key(assertThrows(ValidationException.class,
                    () -> c.tms().startCourse(p, request(CourseType.RETREATMENT)))));

            int absolute = item(c, ScreeningSeverity.ABSOLUTE);
            c.tms().screen(p, TODAY, answers(c, absolute));
            var blocked = c.tms().overview(p).screening();
            assertEquals(ScreeningStatus.BLOCKED, blocked.status());
            assertEquals("tms.error.absoluteCannotClear", key(assertThrows(ValidationException.class,
                    () -> c.tms().clear(p, blocked.latest().id(), blocked.latest().version(), "ok"))));
            assertEquals("tms.error.screeningBlocked", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, session(START, new MtReading(60, MtMethod.EMG, null), 120)))));
        }
    }

    @Test
    void sessionsGetTheirBillingCodesAndBadInputSavesNothing() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Ana", "Course", LocalDate.of(1981, 3, 3), null)).id();
            c.tms().screen(p, START.minusDays(7), answers(c));
            long course = c.tms().startCourse(p, request(CourseType.INITIAL));

            assertEquals("tms.error.noMt", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, session(START, null, 120)))));
            SessionResult first = c.tms().recordSession(p, course, session(START, new MtReading(60, MtMethod.EMG, null), 120));
            assertEquals("90867", first.billingCode());
            assertEquals(72, first.outputPct(), "120% of an MT of 60");
            SessionResult second = c.tms().recordSession(p, course, session(START.plusDays(1), null, 120));
            assertEquals("90868", second.billingCode());
            assertEquals(2, second.number());

            int sessions = count(dir, "tms_session");
            int mts = count(dir, "tms_motor_threshold");
            ValidationException bad = assertThrows(ValidationException.class, () -> c.tms().recordSession(p, course,
                    session(START.plusDays(2), new MtReading(90, MtMethod.VISUAL, "weekly"), 120)));
            assertEquals("tms.error.aboveDeviceMax", key(bad), "108% of machine output");
            assertEquals("tms.error.mtReasonRequired", key(assertThrows(ValidationException.class, () -> c.tms()
                    .recordSession(p, course, session(START.plusDays(2), new MtReading(62, MtMethod.EMG, " "), 120)))));
            assertEquals("tms.error.pctMtRange", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, session(START.plusDays(2), null, 130)))));
            assertEquals("tms.error.beforeStart", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, session(START.minusDays(1), null, 120)))));
            assertEquals(sessions, count(dir, "tms_session"), "nothing half-saved");
            assertEquals(mts, count(dir, "tms_motor_threshold"), "no motor threshold from a refused session");

            SessionResult third = c.tms().recordSession(p, course,
                    session(START.plusDays(2), new MtReading(62, MtMethod.EMG, "weekly re-determination"), 120));
            assertEquals("90869", third.billingCode());
            assertEquals(74, third.outputPct());
            var view = c.tms().overview(p).active();
            assertEquals(3, view.progress().delivered());
            assertEquals(1, view.progress().sessions().stream().filter(s -> "90867".equals(s.billingCode())).count());
            assertEquals(List.of(60, 62), c.tms().overview(p).motorThresholds().stream().map(m -> m.outputPct()).toList());
            assertEquals(9000, view.progress().pulsesDelivered());

            long add = c.tms().addendum(p, third.id(), "Patient reported mild headache after leaving.");
            assertTrue(add > 0);
            assertEquals(1, c.tms().overview(p).active().progress().sessions().get(2).addenda().size());
        }
    }

    @Test
    void threeMissesAlertAndTheGapNeedsADecision() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Noor", "Misses", LocalDate.of(1990, 5, 5), null)).id();
            c.tms().screen(p, START.minusDays(7), answers(c));
            long course = c.tms().startCourse(p, request(CourseType.INITIAL));
            c.tms().recordSession(p, course, session(START, new MtReading(55, MtMethod.EMG, null), 120));
            for (int i = 1; i <= 3; i++) {
                c.tms().recordMiss(p, course, SessionStatus.MISSED, START.plusDays(i), "Unwell");
            }
            CourseView v = c.tms().overview(p).active();
            assertEquals(18, v.progress().consecutiveMisses(), "3 recorded, then 15 planned days passed without a record");
            assertTrue(v.progress().missAlert());
            assertTrue(v.progress().decisionNeeded(), "25 days since the last session");
            var overdue = c.tms().workList().stream()
                    .filter(a -> a.kind() == clinic.threshold.domain.tms.TmsAttention.Kind.ASSESSMENT_OVERDUE).toList();
            assertEquals(1, overdue.size(), "no PHQ-9 at all: the baseline is overdue");
            assertEquals("PHQ-9", overdue.get(0).detail());
            assertEquals(START, overdue.get(0).since());
            var waiting = courseItems(c);
            assertEquals(1, waiting.size());
            assertEquals(clinic.threshold.domain.tms.TmsAttention.Kind.GAP_DECISION, waiting.get(0).kind());
            assertEquals("Misses, Noor", waiting.get(0).patientName());
            assertEquals(25, waiting.get(0).count());
            assertEquals(35, v.progress().remaining().size(), "the three misses are appended, not lost");
            assertEquals(TODAY, v.progress().next().date(), "the plan resumes today");
            assertEquals("tms.error.decisionNeeded", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, session(TODAY, new MtReading(56, MtMethod.EMG, "gap"), 120)))));
            c.tms().decide(p, course, GapDecision.REDETERMINE_MT, "Recovered from flu; continue with a new MT.");
            assertFalse(c.tms().overview(p).active().progress().decisionNeeded());
            assertEquals("tms.error.mtDue", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, session(TODAY, null, 120)))), "MT after a gap of more than 7 days");
            assertEquals("90869", c.tms().recordSession(p, course,
                    session(TODAY, new MtReading(56, MtMethod.EMG, "after a gap"), 120)).billingCode());
        }
    }

    @Test
    void threeMissesThisWeekPutThePatientOnTheWorkList() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Eli", "Absent", LocalDate.of(1988, 9, 9), null)).id();
            LocalDate monday = LocalDate.of(2026, 11, 23);
            c.tms().screen(p, monday.minusDays(3), answers(c));
            long course = c.tms().startCourse(p, new CourseRequest("TENHZ", CourseType.INITIAL, monday, "MDD", 36,
                    Authorization.NONE));
            c.tms().recordSession(p, course, session(monday, new MtReading(61, MtMethod.EMG, null), 120));
            c.tms().recordSession(p, course, session(monday.plusDays(1), null, 120));
            c.tms().recordMiss(p, course, SessionStatus.MISSED, monday.plusDays(2), "Unwell");
            c.tms().recordMiss(p, course, SessionStatus.CANCELLED, monday.plusDays(3), "Device fault");
            assertTrue(courseItems(c).isEmpty(), "one miss and a clinic cancellation are not an alert");
            c.tms().recordMiss(p, course, SessionStatus.MISSED, monday.plusDays(3), "Unwell");
            assertTrue(courseItems(c).isEmpty(), "two misses are not yet an alert");
            c.tms().recordMiss(p, course, SessionStatus.MISSED, TODAY, "Unwell");
            var waiting = courseItems(c);
            assertEquals(1, waiting.size());
            assertEquals(clinic.threshold.domain.tms.TmsAttention.Kind.MISSES, waiting.get(0).kind());
            assertEquals(3, waiting.get(0).count());
            assertEquals(monday.plusDays(2), waiting.get(0).since());
            c.tms().voidSession(p, c.tms().overview(p).active().progress().sessions().stream()
                    .filter(x -> x.date().equals(TODAY)).findFirst().orElseThrow().id(), 0, "entered on the wrong day");
            c.tms().recordSession(p, course, session(TODAY, null, 120));
            assertTrue(courseItems(c).isEmpty(), "a session given clears it");
        }
    }

    @Test
    void aSeizureRiskDrugStartedAfterTheScreeningAsksForANewOne() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Sam", "Rescreen", LocalDate.of(1975, 6, 6), null)).id();
            c.tms().screen(p, START.minusDays(7), answers(c));
            long course = c.tms().startCourse(p, request(CourseType.INITIAL));
            c.medications().saveOrder(p, null, 0, Orders.daily("bupropion", START.plusDays(1), "150"), null);
            var state = c.tms().overview(p).screening();
            assertEquals(List.of("bupropion"), state.rescreenFor());
            assertTrue(c.tms().overview(p).seizureDrugs().containsKey("bupropion"));
            assertEquals("tms.error.rescreenMedication", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, session(START.plusDays(2), new MtReading(60, MtMethod.EMG, null),
                            120)))));
            c.tms().screen(p, START.plusDays(2), answers(c));
            assertTrue(c.tms().overview(p).screening().allowsTreatment());
        }
    }

    @Test
    void raisingASeizureRiskDoseAfterTheScreeningAsksForANewOneAndLoweringItDoesNot() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Ida", "Raised", LocalDate.of(1976, 6, 6), null)).id();
            var order = c.medications().saveOrder(p, null, 0, Orders.daily("bupropion", START.minusDays(20), "150"), null)
                    .order();
            c.tms().screen(p, START.minusDays(7), answers(c));
            long course = c.tms().startCourse(p, request(CourseType.INITIAL));
            assertTrue(c.tms().overview(p).screening().allowsTreatment(), "taken before the screening, at the same dose");

            var lowered = c.medications().changeDose(p, order.id(), order.version(),
                    new DoseChange(START.plusDays(1), new BigDecimal("100"), Frequency.ONCE_DAILY), null).order();
            assertEquals(List.of(), c.tms().overview(p).screening().rescreenFor(), "a lower dose asks for nothing");

            var back = c.medications().changeDose(p, lowered.id(), lowered.version(),
                    new DoseChange(START.plusDays(2), new BigDecimal("150"), Frequency.ONCE_DAILY), null).order();
            assertEquals(List.of(), c.tms().overview(p).screening().rescreenFor(), "back to the screened dose");

            c.medications().changeDose(p, back.id(), back.version(),
                    new DoseChange(START.plusDays(3), new BigDecimal("100"), Frequency.TWICE_DAILY), null);
            assertEquals(List.of("bupropion"), c.tms().overview(p).screening().rescreenFor(),
                    "200 mg a day is more than the 150 mg of the screening, though each dose is smaller");
            assertEquals("tms.error.rescreenMedication", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, session(START.plusDays(4), new MtReading(60, MtMethod.EMG, null),
                            120)))));
            c.tms().screen(p, START.plusDays(4), answers(c));
            assertTrue(c.tms().overview(p).screening().allowsTreatment());
        }
    }

    static SessionEntry withCheck(SessionEntry e, boolean metal, boolean pregnancy) {
        return new SessionEntry(e.date(), e.start(), e.chair(), e.deviceCode(), e.technician(), e.physician(), e.mtToday(),
                e.pctMt(), e.pulsesPlanned(), e.pulsesDelivered(), e.pulsesReason(), e.trainsPlanned(), e.trainsDelivered(),
                e.location(), e.nasionInionCm(), e.tragusTragusCm(), e.circumferenceCm(), e.coordinates(), e.interruptions(),
                e.interruptionReason(), e.pain(), new PreSessionCheck(new BigDecimal(7), false, false, metal, pregnancy),
                e.events(), e.notes());
    }

    @Test
    void newMetalOrAPossiblePregnancyStopsTheSessionUntilANewScreeningAndLeavesATrace() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Meg", "Metal", LocalDate.of(1984, 4, 4), null)).id();
            c.tms().screen(p, START.minusDays(7), answers(c));
            long course = c.tms().startCourse(p, request(CourseType.INITIAL));
            c.tms().recordSession(p, course, session(START, new MtReading(60, MtMethod.EMG, null), 120));

            SessionEntry metal = withCheck(session(START.plusDays(1), null, 120), true, false);
            ValidationException refused = assertThrows(ValidationException.class, () -> c.tms().recordSession(p, course, metal));
            assertEquals("tms.error.rescreenFirst", key(refused));
            assertEquals(1, count(dir, "tms_session"), "nothing saved");
            List<String> trace = new ArrayList<>();
            TestClinic.sqlQuery(dir, "SELECT detail FROM audit_event WHERE action = 'tms.session.record' AND outcome = 'FAILED'",
                    trace::add);
            assertEquals(1, trace.size(), "the refusal is audited");
            assertTrue(trace.get(0).contains("new metal"), trace.get(0));

            c.tms().screen(p, START.plusDays(1), answers(c));
            assertEquals(2, c.tms().recordSession(p, course, metal).number(),
                    "a screening dated after the last session answers the metal and implant items again");

            int pregnancyItem = c.tms().reference().screeningForm().stream()
                    .filter(i -> i.text().toLowerCase(java.util.Locale.ROOT).contains("pregnan")).findFirst().orElseThrow()
                    .number();
            SessionEntry pregnant = withCheck(session(START.plusDays(2), null, 120), false, true);
            assertEquals("tms.error.rescreenFirst", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, pregnant))), "yesterday's screening came before the change");
            c.tms().screen(p, START.plusDays(2), answers(c, pregnancyItem));
            assertEquals("tms.error.clearanceNeeded", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, pregnant))), "a physician-review yes needs its clearance first");
            var latest = c.tms().overview(p).screening().latest();
            c.tms().clear(p, latest.id(), latest.version(), "negative test today");
            assertEquals(3, c.tms().recordSession(p, course, pregnant).number());
        }
    }

    /** An accelerated session (1,800 pulses at 90% MT) at {@code start} on {@code day}. */
    static SessionEntry accelerated(LocalDate day, LocalTime start, MtReading mt) {
        SessionEntry e = session(day, mt, 90);
        return new SessionEntry(day, start, e.chair(), e.deviceCode(), e.technician(), e.physician(), mt, 90, 1800, 1800,
                null, e.trainsPlanned(), e.trainsDelivered(), e.location(), e.nasionInionCm(), e.tragusTragusCm(),
                e.circumferenceCm(), e.coordinates(), 0, null, 2, e.check(), List.of(), null);
    }

    @Test
    void aSameDayScreeningRecordedAfterTheLastSessionAnswersAReportedChange() {
        var clock = new clinic.threshold.testing.MutableClock(java.time.Instant.parse("2026-11-27T16:00:00Z"), TestClinic.ZONE);
        try (var c = TestClinic.open(dir, clock)) {
            long p = c.patients().create(TestClinic.person("Acc", "Elerated", LocalDate.of(1986, 6, 6), null)).id();
            c.tms().screen(p, TODAY, answers(c));
            long course = c.tms().startCourse(p, new CourseRequest("ACC_ITBS", CourseType.INITIAL, TODAY, "MDD", 50,
                    Authorization.NONE));
            clock.advance(java.time.Duration.ofMinutes(30));
            c.tms().recordSession(p, course, accelerated(TODAY, LocalTime.of(8, 0), new MtReading(60, MtMethod.EMG, null)));
            clock.advance(java.time.Duration.ofMinutes(60));
            SessionEntry metal = withCheck(accelerated(TODAY, LocalTime.of(9, 0), null), true, false);
            assertEquals("tms.error.rescreenFirst", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, metal))), "today's screening was recorded before the first session");

            clock.advance(java.time.Duration.ofMinutes(5));
            c.tms().screen(p, TODAY, answers(c));
            assertEquals(2, c.tms().recordSession(p, course, metal).number(),
                    "a screening the same day, recorded after the last session, answers the metal items again");
        }
    }

    @Test
    void aMissOnAClosureOrAClosedWeekdayIsRefused() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Cal", "Closed", LocalDate.of(1979, 9, 9), null)).id();
            c.tms().screen(p, START.minusDays(7), answers(c));
            long course = c.tms().startCourse(p, request(CourseType.INITIAL));
            c.calendar().addClosure(START.plusDays(2), false, "Staff training");
            assertEquals("tms.error.closure", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordMiss(p, course, SessionStatus.MISSED, START.plusDays(2), "Unwell"))));
            assertEquals("tms.error.closedDay", key(assertThrows(ValidationException.class,
                    () -> c.tms().recordMiss(p, course, SessionStatus.CANCELLED, START.plusDays(5), "Device fault"))),
                    "a Saturday");
            assertEquals(0, count(dir, "tms_session"), "nothing saved");
            assertTrue(c.tms().recordMiss(p, course, SessionStatus.MISSED, START.plusDays(1), "Unwell") > 0);
        }
    }

    @Test
    void theDevicesOfChairsSetUpForAProtocolAreTheOnesOfferedFirst() {
        try (var c = TestClinic.open(dir)) {
            assertEquals(java.util.Map.of(), c.tms().protocolDevices(), "no chairs yet");
            c.scheduleSetup().saveChair(new clinic.threshold.service.schedule.ScheduleSetupService.ChairForm(0, 0, "Chair 1",
                    "FIG8", "Figure-8", Set.of("TENHZ", "ITBS"), List.of(), true));
            c.scheduleSetup().saveChair(new clinic.threshold.service.schedule.ScheduleSetupService.ChairForm(0, 0, "Chair 4",
                    "H1", "H1", Set.of("DTMS_H1"), List.of(), true));
            var devices = c.tms().protocolDevices();
            assertEquals(Set.of("H1"), devices.get("DTMS_H1"));
            assertEquals(Set.of("FIG8"), devices.get("TENHZ"));
        }
    }

    @Test
    void aSessionOnAnotherStimulatorWithTheSameCoilNeedsANewThreshold() {
        try (var c = TestClinic.open(dir)) {
            c.tmsReference().saveDevice(new clinic.threshold.domain.tms.Device("FIG8B", "Second Figure-8 stimulator",
                    "Figure-8", 100, true, clinic.threshold.domain.history.Confidence.CONFIRMED, "clinic inventory"), true, 0);
            long p = c.patients().create(TestClinic.person("Dev", "Swap", LocalDate.of(1977, 7, 7), null)).id();
            c.tms().screen(p, START.minusDays(7), answers(c));
            long course = c.tms().startCourse(p, request(CourseType.INITIAL));
            assertEquals("validation.required", key(assertThrows(ValidationException.class, () -> c.tms()
                    .recordMotorThresholdOn(p, course, START, 60, MtMethod.EMG, null, "mapping"))), "the device is asked for");
            c.tms().recordMotorThresholdOn(p, course, START, 60, MtMethod.EMG, "FIG8", "mapping");
            var mt = c.tms().overview(p).motorThresholds().get(0);
            assertEquals("FIG8", mt.deviceCode());
            assertEquals("Figure-8", mt.coil(), "the coil is the device's");
            c.tms().recordSession(p, course, session(START, null, 120));

            SessionEntry onB = session(START.plusDays(1), null, 120);
            SessionEntry swapped = new SessionEntry(onB.date(), onB.start(), onB.chair(), "FIG8B", onB.technician(),
                    onB.physician(), null, onB.pctMt(), onB.pulsesPlanned(), onB.pulsesDelivered(), onB.pulsesReason(),
                    onB.trainsPlanned(), onB.trainsDelivered(), onB.location(), onB.nasionInionCm(), onB.tragusTragusCm(),
                    onB.circumferenceCm(), onB.coordinates(), onB.interruptions(), onB.interruptionReason(), onB.pain(),
                    onB.check(), onB.events(), onB.notes());
            ValidationException due = assertThrows(ValidationException.class, () -> c.tms().recordSession(p, course, swapped));
            assertEquals("tms.error.mtDue", key(due));
            assertEquals(List.of("DEVICE_CHANGE"), due.violations().get(0).args());

            c.tms().recordMotorThresholdOn(p, course, START.plusDays(1), 61, MtMethod.EMG, "FIG8", "weekly check");
            ValidationException stillDue = assertThrows(ValidationException.class,
                    () -> c.tms().recordSession(p, course, swapped));
            assertEquals(List.of("DEVICE_CHANGE"), stillDue.violations().get(0).args(),
                    "an MT visit earlier the same day on the other stimulator does not stand for this one");
            c.tms().recordMotorThresholdOn(p, course, START.plusDays(1), 63, MtMethod.EMG, "FIG8B", "device change");
            var dueNext = c.tms().overview(p).active().mtDue();
            assertFalse(dueNext.contains(clinic.threshold.domain.tms.MtDueReason.DEVICE_CHANGE),
                    "the overview expects the next session on the stimulator of the MT visit since the last session: " + dueNext);
            SessionResult onNewDevice = c.tms().recordSession(p, course, swapped);
            assertEquals(2, onNewDevice.number());
            assertEquals("90869", onNewDevice.billingCode(), "the visit on this stimulator counts as a re-determination");
        }
    }

    @Test
    void aTechnicianRecordsButCannotStartACourse() {
        long p;
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "tech", Set.of(Role.TMS_TECHNICIAN));
            p = c.patients().create(TestClinic.person("Kai", "Roles", LocalDate.of(1985, 7, 7), null)).id();
        }
        try (var tech = TestClinic.signIn(dir, "tech", TestClinic.PASSWORD)) {
            tech.tms().screen(p, TODAY, answers(tech));
            assertThrows(AccessDeniedException.class, () -> tech.tms().startCourse(p, request(CourseType.INITIAL)));
            var s = tech.tms().overview(p).screening().latest();
            assertThrows(AccessDeniedException.class, () -> tech.tms().clear(p, s.id(), s.version(), "fine"));
            assertTrue(tech.tms().workList().isEmpty(), "technicians see overdue assessments only; there are none");
        }
    }

    @Test
    void aRetreatmentAfterACourseThatDidNotHelpIsFlagged() {
        try (var c = TestClinic.open(dir)) {
            Patient pt = c.patients().create(TestClinic.person("Rae", "Again", LocalDate.of(1970, 8, 8), null));
            long p = pt.id();
            c.tms().screen(p, LocalDate.of(2026, 6, 1), answers(c));
            var first = new CourseRequest("TENHZ", CourseType.INITIAL, LocalDate.of(2026, 6, 1), "MDD", 36, Authorization.NONE);
            long course = c.tms().startCourse(p, first);
            c.outcomes().record(p, new clinic.threshold.domain.outcome.ScaleEntry("PHQ9", LocalDate.of(2026, 5, 29),
                    List.of(3, 3, 3, 3, 2, 2, 2, 2, 0), null, "tester"), false);
            c.outcomes().record(p, new clinic.threshold.domain.outcome.ScaleEntry("PHQ9", LocalDate.of(2026, 7, 20),
                    List.of(2, 2, 2, 2, 1, 1, 1, 1, 0), null, "tester"), false);
            var version = c.tms().overview(p).active().course().version();
            c.tms().endCourse(p, course, version, clinic.threshold.domain.tms.CourseStatus.COMPLETED, null);
            var again = new CourseRequest("TENHZ", CourseType.RETREATMENT, START, "Relapse", 36, Authorization.NONE);
            var preview = c.tms().preview(p, again);
            assertEquals(36, preview.plan().size());
            assertTrue(preview.warnings().stream().anyMatch(w -> w.messageKey().equals("tms.warning.retreatmentRule")
                    && w.args().get(0).equals(40)), "20 to 12 is 40%, not more than 50%");
        }
    }
}
