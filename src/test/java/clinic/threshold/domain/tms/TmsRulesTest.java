package clinic.threshold.domain.tms;

import static clinic.threshold.domain.tms.TmsFixtures.DEVICE;
import static clinic.threshold.domain.tms.TmsFixtures.RULES;
import static clinic.threshold.domain.tms.TmsFixtures.TEN_HZ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.Confidence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Billing codes, motor-threshold due rules, screening and session validation. */
class TmsRulesTest {
    static final LocalDate MON = LocalDate.of(2026, 1, 5);
    static final BillingCoder CODER = new BillingCoder(List.of(
            new BillingCode("90867", BillingRule.INITIAL, "initial", Confidence.CONFIRMED, "s"),
            new BillingCode("90868", BillingRule.SUBSEQUENT, "subsequent", Confidence.CONFIRMED, "s"),
            new BillingCode("90869", BillingRule.MT_REDETERMINATION, "mt", Confidence.CONFIRMED, "s")));

    @Test
    void firstSessionBillsTheInitialCodeEvenWithAnMt() {
        assertEquals("90867", CODER.codeFor(false, true, null).code());
        assertEquals("90867", CODER.codeFor(false, false, null).code());
    }

    @Test
    void initialCodeNeverTwiceInACourse() {
        assertEquals("90868", CODER.codeFor(true, false, null).code());
    }

    @Test
    void mtRedeterminationCodeNeedsAReason() {
        assertEquals("90869", CODER.codeFor(true, true, "weekly").code());
        ValidationException e = assertThrows(ValidationException.class, () -> CODER.codeFor(true, true, " "));
        assertEquals("tms.error.mtReasonRequired", e.violations().get(0).messageKey());
    }

    static MotorThreshold mt(LocalDate on, String coil) {
        return new MotorThreshold(1, 1, 1L, on, 60, MtMethod.EMG, coil, "tech", "initial", null);
    }

    @Test
    void anotherStimulatorWithTheSameCoilMakesTheThresholdDue() {
        MotorThreshold onChair1 = new MotorThreshold(1, 1, 1L, MON, 60, MtMethod.EMG, "Figure-8", "tech", "initial", "FIG8");
        assertEquals(List.of(MtDueReason.DEVICE_CHANGE), MtCheck.due(onChair1, MON.plusDays(1), MON, false, "Figure-8",
                "FIG8B", RULES, null));
        assertEquals(List.of(), MtCheck.due(onChair1, MON.plusDays(1), MON, false, "Figure-8", "FIG8", RULES, null));
        assertEquals(List.of(), MtCheck.due(mt(MON, "Figure-8"), MON.plusDays(1), MON, false, "Figure-8", "FIG8B", RULES, null),
                "a determination recorded before devices were noted is judged by its coil");
        assertEquals(List.of(MtDueReason.COIL_CHANGE), MtCheck.due(onChair1, MON.plusDays(1), MON, false, "H1", "H1", RULES,
                null), "a coil change says so once");
    }

    @Test
    void mtIsDueWhenNoneWeeklyAfterAGapAMedicationChangeOrACoilChange() {
        assertEquals(List.of(MtDueReason.NONE_RECORDED), MtCheck.due(null, MON, null, false, "Figure-8", RULES));
        assertEquals(List.of(), MtCheck.due(mt(MON, "Figure-8"), MON.plusDays(6), MON.plusDays(5), false, "figure-8", RULES));
        assertEquals(List.of(MtDueReason.WEEKLY), MtCheck.due(mt(MON, "Figure-8"), MON.plusDays(7), MON.plusDays(6), false,
                "Figure-8", RULES));
        assertEquals(List.of(MtDueReason.WEEKLY, MtDueReason.GAP), MtCheck.due(mt(MON, "F8"), MON.plusDays(9), MON, false,
                "F8", RULES));
        assertEquals(List.of(MtDueReason.MEDICATION, MtDueReason.COIL_CHANGE), MtCheck.due(mt(MON, "F8"), MON.plusDays(1),
                MON, true, "H1", RULES));
    }

    static final List<ScreeningItem> FORM = List.of(
            new ScreeningItem(1, "Metal in the head", ScreeningSeverity.ABSOLUTE, Confidence.UNCONFIRMED, "s"),
            new ScreeningItem(2, "Seizure ever", ScreeningSeverity.PHYSICIAN_REVIEW, Confidence.UNCONFIRMED, "s"),
            new ScreeningItem(3, "Current medications", ScreeningSeverity.INFO, Confidence.UNCONFIRMED, "s"));

    static Screening screening(boolean a1, boolean a2, String clearedBy) {
        return new Screening(1, 1, 1, MON, "tech", List.of(new ScreeningAnswer(1, a1, "x"), new ScreeningAnswer(2, a2, "x"),
                new ScreeningAnswer(3, true, null)), clearedBy, null, null, 0,
                null);
    }

    @Test
    void anAbsoluteYesBlocksAndAPhysicianReviewYesNeedsClearance() {
        assertEquals(ScreeningStatus.PASSED, ScreeningRules.status(FORM, screening(false, false, null)));
        assertEquals(ScreeningStatus.BLOCKED, ScreeningRules.status(FORM, screening(true, false, null)));
        assertEquals(ScreeningStatus.BLOCKED, ScreeningRules.status(FORM, screening(true, true, "dr")),
                "a clearance cannot lift an absolute contraindication");
        assertEquals(ScreeningStatus.NEEDS_CLEARANCE, ScreeningRules.status(FORM, screening(false, true, null)));
        assertEquals(ScreeningStatus.CLEARED, ScreeningRules.status(FORM, screening(false, true, "dr")));
        assertFalse(ScreeningStatus.NEEDS_CLEARANCE.allowsCourse());
    }

    @Test
    void screeningNeedsEveryItemAndADetailForAYesThatMatters() {
        List<Violation> v = ScreeningRules.validate(FORM, List.of(new ScreeningAnswer(1, true, ""),
                new ScreeningAnswer(3, true, null)));
        assertEquals(List.of("item1:tms.error.detailRequired", "item2:tms.error.unanswered"),
                v.stream().map(x -> x.field() + ":" + x.messageKey()).toList());
        assertEquals(List.of("item9:tms.error.unknownItem"), ScreeningRules.validate(FORM, List.of(
                new ScreeningAnswer(1, false, null), new ScreeningAnswer(2, false, null), new ScreeningAnswer(3, false, null),
                new ScreeningAnswer(9, false, null))).stream().map(x -> x.field() + ":" + x.messageKey()).toList());
    }

    static List<String> problems(SessionEntry e, Integer mt) {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        return SessionValidator.validate(c, TEN_HZ, DEVICE, ClinicCalendar.weekdays(Set.of(MON.plusDays(2))), e, mt,
                MON.plusDays(10)).stream().map(x -> x.field() + ":" + x.messageKey()).toList();
    }

    static SessionEntry with(java.util.function.UnaryOperator<Object[]> change) {
        SessionEntry e = TmsFixtures.entry(MON.plusDays(1));
        Object[] f = {e.date(), e.mtToday(), e.pctMt(), e.pulsesPlanned(), e.pulsesDelivered(), e.pulsesReason(), e.pain()};
        f = change.apply(f);
        return new SessionEntry((LocalDate) f[0], LocalTime.of(9, 0), "Chair 1", "DEV1", "tech", "dr", (MtReading) f[1],
                (int) f[2], (int) f[3], (int) f[4], (String) f[5], 75, 75, LocationMethod.BEAM_F3, new BigDecimal(36),
                new BigDecimal(35), new BigDecimal(57), null, 0, null, (Integer) f[6], e.check(), List.of(), null);
    }

    @Test
    void aCompleteSessionPasses() {
        assertEquals(List.of(), problems(TmsFixtures.entry(MON.plusDays(1)), 60));
    }

    @Test
    void badSessionsAreRefusedWithTheirField() {
        assertEquals(List.of("date:tms.error.beforeStart"), problems(with(f -> set(f, 0, MON.minusDays(1))), 60));
        assertEquals(List.of("date:tms.error.closure"), problems(with(f -> set(f, 0, MON.plusDays(2))), 60));
        assertEquals(List.of("date:tms.error.future"), problems(with(f -> set(f, 0, MON.plusDays(11))), 60));
        assertEquals(List.of("mt:tms.error.noMt"), problems(TmsFixtures.entry(MON.plusDays(1)), null));
        assertEquals(List.of("mt:tms.error.mtRange"), problems(with(f -> set(f, 1, new MtReading(0, MtMethod.EMG, "x"))), 0));
        assertEquals(List.of("mt:tms.error.mtRange"), problems(with(f -> set(f, 1, new MtReading(101, MtMethod.EMG, "x"))),
                101));
        assertEquals(List.of("pctMt:tms.error.pctMtRange"), problems(with(f -> set(f, 2, 130)), 60));
        assertEquals(List.of("pctMt:tms.error.aboveDeviceMax"), problems(TmsFixtures.entry(MON.plusDays(1)), 90),
                "120% of an MT of 90 is 108% of machine output");
        assertEquals(List.of("pulsesDelivered:tms.error.pulsesAbovePlanned"), problems(with(f -> set(f, 4, 3100)), 60));
        assertEquals(List.of(), problems(with(f -> set(set(f, 4, 3100), 5, "protocol repeat ordered")), 60));
        assertEquals(List.of("pain:tms.error.painRange"), problems(with(f -> set(f, 6, 11)), 60));
    }

    @Test
    void aPreSessionCheckWithNewMetalStopsTheSession() {
        SessionEntry e = TmsFixtures.entry(MON.plusDays(1));
        SessionEntry metal = new SessionEntry(e.date(), e.start(), e.chair(), e.deviceCode(), e.technician(), e.physician(),
                null, 120, 3000, 3000, null, 75, 75, LocationMethod.RULE_5_5_CM, null, null, null, null, 0, null, 0,
                new PreSessionCheck(new BigDecimal(7), false, false, true, false), List.of(
                        new AdverseEvent(AdverseEventType.HEADACHE, EventSeverity.MILD, " ")), null);
        assertEquals(List.of("check:tms.error.rescreenFirst", "event1:tms.error.eventIncomplete"), problems(metal, 60));
    }

    @Test
    void beamF3NeedsItsThreeHeadMeasurements() {
        SessionEntry e = TmsFixtures.entry(MON.plusDays(1));
        SessionEntry beam = new SessionEntry(e.date(), e.start(), e.chair(), e.deviceCode(), e.technician(), e.physician(),
                null, 120, 3000, 3000, null, 75, 75, LocationMethod.BEAM_F3, null, new BigDecimal(0), new BigDecimal(57),
                null, 1, null, 0, e.check(), List.of(), null);
        assertEquals(List.of("nasionInion:tms.error.headMeasurement", "tragusTragus:tms.error.headRange",
                "interruptionReason:tms.error.interruptionReason"), problems(beam, 60));
    }

    private static Object[] set(Object[] f, int i, Object v) {
        f[i] = v;
        return f;
    }

    @Test
    void outputIsTheMotorThresholdTimesTheProtocolPercentage() {
        assertEquals(72, Protocol.outputPct(60, 120));
        assertEquals(53, Protocol.outputPct(59, 90), "53.1 rounds to 53");
        assertTrue(Protocol.outputPct(58, 90) == 52);
    }

    @Test
    void theProtocolsDailyNumberIntervalAndOrderAreKept() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        ClinicCalendar cal = ClinicCalendar.weekdays(Set.of());
        SessionEntry tue = TmsFixtures.entry(MON.plusDays(1));
        List<SavedSession> already = List.of(TmsFixtures.delivered(1, 1, MON.plusDays(1)));
        assertEquals(List.of("date:tms.error.dailyLimit"), keys(SessionValidator.validate(c, TEN_HZ, DEVICE, cal, tue, 60,
                MON.plusDays(10), already, MON.plusDays(1))));
        assertEquals(List.of("date:tms.error.outOfOrder"), keys(SessionValidator.validate(c, TEN_HZ, DEVICE, cal, tue, 60,
                MON.plusDays(10), List.of(), MON.plusDays(2))));
        SessionEntry saturday = TmsFixtures.entry(MON.plusDays(5));
        assertEquals(List.of("date:tms.error.closedDay"), keys(SessionValidator.validate(c, TEN_HZ, DEVICE, cal, saturday, 60,
                MON.plusDays(10), List.of(), null)));

        Course acc = new Course(2, 1, "ACC", "Accelerated", CourseType.INITIAL, MON, "MDD", 50,
                new CourseTemplate(50, 50, 10, 50, List.of()), 1800, 90, new CourseTerms(80, 100, 60, 7, true), Authorization.NONE,
                CourseStatus.ACTIVE, null, "dr", 0);
        Protocol accProtocol = new Protocol("ACC", "Accelerated", new BigDecimal(50), 90, 80, 100, 1800, new BigDecimal(2),
                new BigDecimal(8), 60, BigDecimal.TEN, 15, 90, acc.template(), "PHQ9", 7, true, true, Confidence.CONFIRMED, "t", 0);
        SessionEntry first = TmsFixtures.entry(MON);
        SessionEntry tooSoon = new SessionEntry(MON, LocalTime.of(9, 30), "Chair 1", "DEV1", "tech", "dr", null, 90, 1800,
                1800, null, 60, 60, LocationMethod.NAVIGATION, null, null, null, null, 0, null, 1, first.check(), List.of(), null);
        List<SavedSession> morning = List.of(new SavedSession(1, 2, 1, SessionStatus.DELIVERED, MON, first, null, 60, 54,
                "90867", "tech", null, List.of(), 0));
        assertEquals(List.of("start:tms.error.interval"), keys(SessionValidator.validate(acc, accProtocol, DEVICE, cal,
                tooSoon, 60, MON, morning, MON)), "30 minutes after the 09:00 session; the protocol asks for 50");
    }

    @Test
    void pulsesPlannedOtherThanTheCoursesNeedAReason() {
        assertEquals(List.of("pulsesPlanned:tms.error.pulsesPlannedDiffer"), problems(with(f -> set(set(f, 3, 3300), 4, 3300)), 60),
                "3,300 planned and given where the course plans 3,000: raising the plan must not hide the excess");
        assertEquals(List.of(), problems(with(f -> set(set(set(f, 3, 3300), 4, 3300), 5, "physician raised the dose")), 60));
    }

    @Test
    void pulsesShortOfThePlanNeedAReasonAndNoneAtAllIsNotASession() {
        assertEquals(List.of("pulsesDelivered:tms.error.pulsesBelowPlanned"), problems(with(f -> set(f, 4, 2400)), 60));
        assertEquals(List.of(), problems(with(f -> set(set(f, 4, 2400), 5, "patient asked to stop: scalp pain")), 60));
        assertEquals(List.of("pulsesDelivered:tms.error.noPulses"), problems(with(f -> set(set(f, 4, 0), 5, "x")), 60));
    }

    private static List<String> keys(List<Violation> v) {
        return v.stream().map(x -> x.field() + ":" + x.messageKey()).toList();
    }
}
