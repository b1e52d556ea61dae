package clinic.threshold.domain.outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * One administration of a scale: the day it refers to, who rated it, and either every item's value
 * ({@code items}, in item order) or a total alone ({@code items} empty) where the instrument allows it. A
 * total alone still carries the value of the instrument's suicide-risk item ({@code safetyValue}), so that
 * no entry can skip the alert.
 */
public record ScaleEntry(String scale, LocalDate date, List<Integer> items, Integer totalOnly, String ratedBy,
                         Integer safetyValue) {
    public ScaleEntry(String scale, LocalDate date, List<Integer> items, Integer totalOnly, String ratedBy) {
        this(scale, date, items, totalOnly, ratedBy, null);
    }

    public ScaleEntry {
        // An unanswered item is null here, so that the validator can name it.
        items = items == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
    }

    public boolean isTotalOnly() {
        return items.isEmpty();
    }
}
