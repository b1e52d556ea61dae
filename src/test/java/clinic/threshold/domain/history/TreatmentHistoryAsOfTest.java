package clinic.threshold.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history as it stood on a day: what began later is left out, an episode that ended later is still open. */
class TreatmentHistoryAsOfTest {
    static TreatmentTrial trial(String id, String episode, LocalDate start) {
        return new TreatmentTrial(id, episode, TrialKind.MEDICATION, "sertraline", TrialRole.MONOTHERAPY, null, start,
                start.plusWeeks(8), List.of(), Adherence.GOOD, TrialOutcome.NO_RESPONSE, StopReason.INEFFECTIVE, null, null, null,
                null, null);
    }

    @Test
    void laterEpisodesAndTrialsAreLeftOutAndAnEpisodeEndedLaterIsOpen() {
        LocalDate day = LocalDate.of(2024, 6, 30);
        TreatmentHistory h = new TreatmentHistory(
                List.of(new Episode("1", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), Severity.SEVERE),
                        new Episode("2", LocalDate.of(2025, 3, 1), null, Severity.MODERATE)),
                List.of(trial("a", "1", LocalDate.of(2023, 2, 1)), trial("b", "1", LocalDate.of(2024, 9, 1)),
                        trial("c", "2", LocalDate.of(2025, 4, 1))));
        TreatmentHistory then = h.asOf(day);
        assertEquals(List.of("1"), then.episodes().stream().map(Episode::id).toList());
        assertNull(then.episodes().get(0).end(), "it ended after the day: current then");
        assertEquals(List.of("a"), then.trials().stream().map(TreatmentTrial::id).toList());
        assertEquals("1", then.currentEpisode().orElseThrow().id());
        assertEquals("2", h.currentEpisode().orElseThrow().id(), "today the later episode is current");
    }
}
