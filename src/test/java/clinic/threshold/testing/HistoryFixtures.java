package clinic.threshold.testing;

import clinic.threshold.domain.history.Adherence;
import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.history.TrialRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Trials for tests that record histories through the services. */
public final class HistoryFixtures {
    private HistoryFixtures() {
    }

    /** A monotherapy at one dose for {@code weeks} weeks, taken well, with {@code outcome}. */
    public static TreatmentTrial medication(String episode, String agent, LocalDate start, int weeks, int mg,
                                            TrialOutcome outcome) {
        return new TreatmentTrial(null, episode, TrialKind.MEDICATION, agent, TrialRole.MONOTHERAPY, null, start,
                start.plusWeeks(weeks), List.of(new DoseStep(start, BigDecimal.valueOf(mg))), Adherence.GOOD, outcome,
                null, null, null, null, null, null);
    }
}
