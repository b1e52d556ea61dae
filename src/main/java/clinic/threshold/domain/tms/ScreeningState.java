package clinic.threshold.domain.tms;

import java.util.List;

/**
 * The patient's safety screening as it stands: the latest screening (null when none), its status, and why it
 * must be repeated (seizure-threshold-lowering drugs started since). A course may start or continue only
 * when {@link #allowsTreatment()}.
 */
public record ScreeningState(Screening latest, ScreeningStatus status, List<String> rescreenFor) {

    public ScreeningState {
        rescreenFor = List.copyOf(rescreenFor);
    }

    public boolean allowsTreatment() {
        return latest != null && status.allowsCourse() && rescreenFor.isEmpty();
    }
}
