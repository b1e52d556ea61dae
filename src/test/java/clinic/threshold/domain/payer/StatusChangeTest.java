package clinic.threshold.domain.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which moves a request can make, and what an approval or a denial must carry. */
class StatusChangeTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static PriorAuthorization in(AuthStatus s) {
        return new PriorAuthorization(1, 1, "Doe, Jo", "M1", null, AuthKind.INITIAL, "Aetna", null, null, null, 36, null, s, null, null,
                null, null, s == AuthStatus.DRAFT ? null : TODAY.minusDays(3), null, null, null, null, Instant.EPOCH, "x", 0);
    }

    static List<String> keys(AuthStatus from, StatusChange c) {
        return c.check(in(from), TODAY).stream().map(Violation::messageKey).toList();
    }

    @Test
    void aDraftIsSubmittedBeforeAnyDecision() {
        assertTrue(keys(AuthStatus.DRAFT, new StatusChange(AuthStatus.SUBMITTED, TODAY, null, null, null, null, null, null)).isEmpty());
        assertEquals(List.of("auth.error.move"), keys(AuthStatus.DRAFT,
                new StatusChange(AuthStatus.APPROVED, TODAY, "A1", 30, TODAY, TODAY.plusDays(60), null, null)));
    }

    @Test
    void anApprovalNeedsNumberUnitsAndAnOrderedWindow() {
        assertEquals(List.of("auth.error.numberRequired", "auth.error.unitsRequired", "auth.error.windowOrder"),
                keys(AuthStatus.SUBMITTED, new StatusChange(AuthStatus.APPROVED, TODAY, " ", 0, TODAY, TODAY.minusDays(1), null, null)));
        assertTrue(keys(AuthStatus.SUBMITTED,
                new StatusChange(AuthStatus.APPROVED, TODAY, "A1", 36, TODAY, TODAY.plusDays(60), null, null)).isEmpty());
    }

    @Test
    void aDenialNeedsTheReasonAndDatesCannotBeInTheFutureOrBeforeSubmission() {
        assertEquals(List.of("auth.error.reasonRequired.DENIED"),
                keys(AuthStatus.SUBMITTED, new StatusChange(AuthStatus.DENIED, TODAY, null, null, null, null, "", null)));
        assertEquals(List.of("auth.error.future"),
                keys(AuthStatus.SUBMITTED, new StatusChange(AuthStatus.PENDING_INFO, TODAY.plusDays(1), null, null, null, null, "notes", null)));
        assertEquals(List.of("auth.error.beforeSubmitted"),
                keys(AuthStatus.SUBMITTED, new StatusChange(AuthStatus.DENIED, TODAY.minusDays(5), null, null, null, null, "criteria", null)));
    }

    @Test
    void aDenialCanBeAppealedAndAnExpiredApprovalIsFinal() {
        assertTrue(keys(AuthStatus.DENIED, new StatusChange(AuthStatus.APPEAL, TODAY, null, null, null, null, "peer review", null)).isEmpty());
        assertEquals(List.of("auth.error.move"), keys(AuthStatus.EXPIRED,
                new StatusChange(AuthStatus.SUBMITTED, TODAY, null, null, null, null, null, null)));
    }
}
