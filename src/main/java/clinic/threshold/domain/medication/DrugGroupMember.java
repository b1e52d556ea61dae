package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.Confidence;
import java.time.LocalDate;

/** "Drug belongs to group" from a date on ({@code active} false: no longer), with its source (V014). */
public record DrugGroupMember(String drug, String group, boolean active, Confidence confidence, String source,
                              LocalDate effectiveFrom) {
}
