package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.TrialRole;

/** What an order is for in the regimen; the first three are also treatment-trial roles. */
public enum OrderRole {
    MONOTHERAPY, COMBINATION, AUGMENTATION, HYPNOTIC, OTHER;

    /** The trial role, or null when an order in this role is not an antidepressant trial. */
    public TrialRole trialRole() {
        return switch (this) {
            case MONOTHERAPY -> TrialRole.MONOTHERAPY;
            case COMBINATION -> TrialRole.COMBINATION;
            case AUGMENTATION -> TrialRole.AUGMENTATION;
            case HYPNOTIC, OTHER -> null;
        };
    }
}
