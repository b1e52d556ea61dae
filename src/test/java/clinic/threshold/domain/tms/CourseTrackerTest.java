package clinic.threshold.domain.tms;

import static clinic.threshold.domain.tms.TmsFixtures.RULES;
import static clinic.threshold.domain.tms.TmsFixtures.delivered;
import static clinic.threshold.domain.tms.TmsFixtures.missed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CourseTrackerTest {
    static final LocalDate MON = LocalDate.of(2026, 1, 5);
    static final ClinicCalendar WEEKDAYS = ClinicCalendar.weekdays(Set.of());

    static CourseProgress track(Course c, List<SavedSession> s, List<CourseDecision> d, LocalDate today) {
        return CourseTracker.track(c, s, d, WEEKDAYS, RULES, today);
    }

    @Test
    void aMissRollsThePlanForwardByOneOpenDay() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        CourseProgress before = track(c, List.of(delivered(1, 1, MON)), List.of(), MON);
        CourseProgress after = track(c, List.of(delivered(1, 1, MON), missed(2, MON.plusDays(1))), List.of(), MON.plusDays(1));
        assertEquals(MON.plusDays(1), before.next().date());
        assertEquals(MON.plusDays(2), after.next().date());
        assertEquals(2, after.next().number(), "a miss does not use a session number");
        assertEquals(35, after.remaining().size());
        assertEquals(LocalDate.of(2026, 2, 13), before.remaining().get(28).date());
        assertEquals(LocalDate.of(2026, 2, 16), after.remaining().get(28).date(), "session 30 moves one open day later");
        assertEquals(LocalDate.of(2026, 3, 11), after.remaining().get(34).date(), "so the taper starts a week later");
        assertEquals(1, after.consecutiveMisses());
        assertFalse(after.missAlert());
    }

    @Test
    void threeConsecutiveMissesAlertTheClinician() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        List<SavedSession> s = List.of(delivered(1, 1, MON), missed(2, MON.plusDays(1)), missed(3, MON.plusDays(2)),
                missed(4, MON.plusDays(3)));
        CourseProgress p = track(c, s, List.of(), MON.plusDays(3));
        assertEquals(3, p.consecutiveMisses());
        assertTrue(p.missAlert());
        assertEquals(MON.plusDays(4), p.next().date());
        List<SavedSession> resumed = new ArrayList<>(s);
        resumed.add(delivered(5, 2, MON.plusDays(4)));
        assertFalse(track(c, resumed, List.of(), MON.plusDays(4)).missAlert());
    }

    @Test
    void aGapOverFourteenDaysNeedsAClinicianDecisionUntilOneIsRecorded() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        List<SavedSession> s = List.of(delivered(1, 1, MON));
        assertFalse(track(c, s, List.of(), MON.plusDays(14)).decisionNeeded());
        CourseProgress late = track(c, s, List.of(), MON.plusDays(15));
        assertTrue(late.decisionNeeded());
        assertEquals(MON.plusDays(15), late.next().date(), "sessions never planned in the past");
        CourseDecision d = new CourseDecision(1, 1, GapDecision.CONTINUE, "back from hospital", "dr", MON.plusDays(15));
        assertFalse(track(c, s, List.of(d), MON.plusDays(15)).decisionNeeded());
    }

    @Test
    void authorizationStandingCountsUnitsAndFlagsSessionsOutsideTheWindow() {
        Authorization auth = new Authorization("Aetna", "PA-1", 30, MON, MON.plusWeeks(6).minusDays(3));
        Course c = TmsFixtures.course(MON, 36, auth);
        CourseProgress p = track(c, List.of(delivered(1, 1, MON), delivered(2, 2, MON.plusDays(1))), List.of(), MON.plusDays(1));
        assertEquals(2, p.authorization().unitsUsed());
        assertEquals(28, p.authorization().unitsLeft());
        assertEquals(6, p.authorization().beyondUnits());
        assertEquals(6, p.authorization().outsideWindow().size(), "the taper falls after the window's last day");
        assertEquals(SessionPhase.TAPER, p.authorization().outsideWindow().get(0).phase());
        assertEquals(LocalDate.of(2026, 3, 4), p.authorization().projectedEnd());
        assertEquals(6000, p.pulsesDelivered());
        assertEquals(SessionPhase.ACUTE, p.phase());
    }

    @Test
    void aCompletedCourseHasNoPlanLeft() {
        Course c = TmsFixtures.course(MON, 2, Authorization.NONE);
        CourseProgress p = track(c, List.of(delivered(1, 1, MON), delivered(2, 2, MON.plusDays(1))), List.of(), MON.plusDays(30));
        assertTrue(p.remaining().isEmpty());
        assertFalse(p.decisionNeeded());
        assertEquals(2, p.previousDelivered().number());
    }

    @Test
    void plannedDaysThatPassWithoutARecordCountAsMissesAndCancellationsDoNot() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        CourseProgress silent = track(c, List.of(TmsFixtures.delivered(1, 1, MON)), List.of(), MON.plusDays(4));
        assertEquals(3, silent.consecutiveMisses(), "Tuesday to Thursday passed without a record");
        assertTrue(silent.missAlert());
        assertEquals(MON.plusDays(1), silent.missedSince());
        SavedSession cancelled = new SavedSession(3, 1, null, SessionStatus.CANCELLED, MON.plusDays(2), null, "device fault",
                null, null, null, null, null, List.of(), 0);
        CourseProgress withCancel = track(c, List.of(TmsFixtures.delivered(1, 1, MON), missed(2, MON.plusDays(1)), cancelled),
                List.of(), MON.plusDays(2));
        assertEquals(1, withCancel.consecutiveMisses(), "the clinic's cancellation is not the patient's miss");
        CourseProgress neverStarted = track(c, List.of(), List.of(), MON.plusDays(3));
        assertTrue(neverStarted.missAlert(), "a course whose first three sessions passed unrecorded");
    }

    @Test
    void aDecisionAnswersOneGapOnly() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        List<SavedSession> s = List.of(delivered(1, 1, MON));
        CourseDecision d = new CourseDecision(1, 1, GapDecision.CONTINUE, "back soon", "dr", MON.plusDays(15));
        assertFalse(track(c, s, List.of(d), MON.plusDays(20)).decisionNeeded());
        assertTrue(track(c, s, List.of(d), MON.plusDays(40)).decisionNeeded(), "the patient stayed away another month");
    }

    @Test
    void sessionsAreNumberedInDateOrderSkippingVoidedOnes() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        // Session 2 (id 2) was voided and is not among the records; the stored numbers 1 and 3 become 1 and 2.
        CourseProgress p = track(c, List.of(delivered(3, 3, MON.plusDays(2)), delivered(1, 1, MON)), List.of(),
                MON.plusDays(2));
        assertEquals(List.of(1, 2), p.sessions().stream().map(SavedSession::number).toList());
        assertEquals(3, p.next().number());
    }
}
