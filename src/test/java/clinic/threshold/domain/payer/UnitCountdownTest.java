package clinic.threshold.domain.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Units count down with the sessions given inside the window; alerts come before the window or the units run out. */
class UnitCountdownTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final AuthorizationRules RULES = new AuthorizationRules(7, 5);

    static PriorAuthorization approved(int units, LocalDate first, LocalDate last) {
        return new PriorAuthorization(1, 1, "Doe, Jo", "M1", 5L, AuthKind.INITIAL, "Aetna", null, null, "TENHZ", 36, "dr",
                AuthStatus.APPROVED, "A-1", units, first, last, first.minusDays(5), first.minusDays(2), null, null, null,
                Instant.EPOCH, "x", 0);
    }

    static List<LocalDate> days(LocalDate from, int n) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(from.plusDays(i));
        }
        return out;
    }

    static List<UnitCountdown.AlertKind> kinds(UnitCountdown c) {
        return c.alerts().stream().map(UnitCountdown.Alert::kind).toList();
    }

    @Test
    void sessionsInsideTheWindowUseUnitsAndNothingAlertsWhileThereIsRoom() {
        var a = approved(36, TODAY.minusDays(10), TODAY.plusDays(60));
        var c = UnitCountdown.of(a, days(TODAY.minusDays(10), 10), days(TODAY, 20), TODAY, RULES);
        assertEquals(10, c.used());
        assertEquals(26, c.left());
        assertEquals(60, c.daysLeft());
        assertTrue(c.alerts().isEmpty(), c.alerts().toString());
    }

    @Test
    void fewUnitsLeftAndAPlanLongerThanTheUnitsBothAlert() {
        var a = approved(20, TODAY.minusDays(20), TODAY.plusDays(60));
        var c = UnitCountdown.of(a, days(TODAY.minusDays(16), 16), days(TODAY, 10), TODAY, RULES);
        assertEquals(4, c.left());
        assertEquals(List.of(UnitCountdown.AlertKind.UNITS_LOW, UnitCountdown.AlertKind.PLAN_PASSES_UNITS), kinds(c));
        var passes = c.alerts().get(1);
        assertEquals(6, passes.count(), "ten planned against four left");
        assertEquals(TODAY.plusDays(4), passes.day(), "the fifth planned session is the first without a unit");
    }

    @Test
    void theWindowEndingSoonAndThePlanRunningPastItAlert() {
        var a = approved(36, TODAY.minusDays(30), TODAY.plusDays(5));
        var c = UnitCountdown.of(a, days(TODAY.minusDays(30), 10), days(TODAY, 12), TODAY, RULES);
        assertEquals(List.of(UnitCountdown.AlertKind.WINDOW_ENDING, UnitCountdown.AlertKind.PLAN_PASSES_WINDOW), kinds(c));
        assertEquals(6, c.alerts().get(1).count(), "days 6 to 11 from today are past the window");
        assertEquals(TODAY.plusDays(6), c.alerts().get(1).day());
    }

    @Test
    void anApprovalPastItsWindowHasExpiredAndSessionsAfterItAreFlagged() {
        var a = approved(36, TODAY.minusDays(60), TODAY.minusDays(3));
        var c = UnitCountdown.of(a, days(TODAY.minusDays(10), 10), List.of(), TODAY, RULES);
        assertEquals(AuthStatus.EXPIRED, c.status());
        assertEquals(8, c.used(), "the last two sessions fell after the window");
        assertEquals(List.of(UnitCountdown.AlertKind.WINDOW_ENDED, UnitCountdown.AlertKind.DELIVERED_OUTSIDE_WINDOW), kinds(c));
        assertEquals(2, c.alerts().get(1).count());
    }

    @Test
    void usedUpUnitsAlertAndRequestsNotYetApprovedOnlyCount() {
        var a = approved(10, TODAY.minusDays(20), TODAY.plusDays(30));
        assertEquals(List.of(UnitCountdown.AlertKind.UNITS_USED_UP),
                kinds(UnitCountdown.of(a, days(TODAY.minusDays(12), 10), List.of(), TODAY, RULES)));
        var submitted = new PriorAuthorization(2, 1, "Doe, Jo", "M1", null, AuthKind.INITIAL, "Aetna", null, null, null, 36, null,
                AuthStatus.SUBMITTED, null, null, null, null, TODAY.minusDays(4), null, null, null, null, Instant.EPOCH, "x", 0);
        var c = UnitCountdown.of(submitted, List.of(), List.of(), TODAY, RULES);
        assertTrue(c.alerts().isEmpty());
        assertNull(c.left());
        assertEquals(4L, submitted.daysWaiting(TODAY));
    }

    @Test
    void anApprovalNoLongerInUseCountsButDoesNotAlert() {
        var a = approved(10, TODAY.minusDays(20), TODAY.plusDays(2));
        var c = UnitCountdown.of(a, days(TODAY.minusDays(12), 10), days(TODAY, 5), TODAY, RULES, false);
        assertEquals(10, c.used());
        assertTrue(c.alerts().isEmpty(), "a finished course, or a first approval an extension took over");
    }

    @Test
    void anExtensionCountsOnlyThePlanInsideItsOwnWindow() {
        var ext = new PriorAuthorization(3, 1, "Doe, Jo", "M1", 5L, AuthKind.EXTENSION, "Aetna", null, null, "TENHZ", 6, "dr",
                AuthStatus.APPROVED, "E-1", 6, TODAY.plusDays(5), TODAY.plusDays(30), TODAY.minusDays(3), TODAY.minusDays(1), null, null,
                null, Instant.EPOCH, "x", 0);
        var c = UnitCountdown.of(ext, days(TODAY.minusDays(30), 25), days(TODAY, 13), TODAY, RULES);
        assertEquals(0, c.used(), "the first approval's sessions are not the extension's");
        assertEquals(List.of(UnitCountdown.AlertKind.PLAN_PASSES_UNITS), kinds(c));
        assertEquals(2, c.alerts().get(0).count(), "8 planned days inside the window against 6 units; the 5 before it are not counted");
    }
}
