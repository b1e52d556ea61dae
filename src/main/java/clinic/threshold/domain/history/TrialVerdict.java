package clinic.threshold.domain.history;

import java.util.List;

/**
 * What the assessment made of one trial. {@code counted} is false for trials of an earlier episode: they
 * are judged (adequate or not) but never counted as failures or intolerances of the current one.
 */
public record TrialVerdict(String trialId, boolean counted, boolean adequate, boolean failed, boolean intolerance,
                           double weeksAtAdequateDose, List<Reason> reasons) {
    public TrialVerdict {
        reasons = List.copyOf(reasons);
    }
}
