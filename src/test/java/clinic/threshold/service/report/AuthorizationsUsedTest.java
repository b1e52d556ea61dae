package clinic.threshold.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.PriorAuthorization;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A first approval and an overlapping extension on one course: each session given is used once, by the later window. */
class AuthorizationsUsedTest {
    static final LocalDate D = LocalDate.of(2026, 3, 2);

    static PriorAuthorization approval(long id, AuthKind kind, LocalDate first, LocalDate last) {
        return new PriorAuthorization(id, 1, "P", "M", 9L, kind, "Acme", null, null, "TENHZ", 30, "dr", AuthStatus.APPROVED, "N" + id,
                30, first, last, first.minusDays(10), first.minusDays(5), null, null, null, Instant.EPOCH, "dr", 0);
    }

    @Test
    void aSessionInsideTwoWindowsCountsOnceForTheLaterOne() {
        PriorAuthorization initial = approval(1, AuthKind.INITIAL, D, D.plusDays(29));
        PriorAuthorization extension = approval(2, AuthKind.EXTENSION, D.plusDays(20), D.plusDays(59));
        List<LocalDate> given = List.of(D, D.plusDays(10), D.plusDays(19), D.plusDays(20), D.plusDays(25), D.plusDays(40),
                D.plusDays(70));
        Map<Long, Integer> used = AuthorizationsLoader.used(List.of(initial, extension), Map.of(9L, given), D.plusDays(45));
        assertEquals(Map.of(1L, 3, 2L, 3), used, "days 0, 10, 19 on the first; 20, 25, 40 on the extension; day 70 on neither");
    }
}
