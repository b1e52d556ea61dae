package clinic.threshold.domain.outcome;

import clinic.threshold.domain.common.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Input rules for a scale entry: every item present and in its range for an instrument that needs them,
 * a total in range where a total alone is allowed, and a date that is not in the future. Violations name
 * the entry form's fields ({@code items[8]}, {@code total}, {@code date}).
 */
public final class ScaleEntryValidator {
    static final int MAX_RATED_BY = 60;

    private ScaleEntryValidator() {
    }

    public static List<Violation> validate(ScaleDefinition d, ScaleEntry e, LocalDate today, boolean licensed) {
        List<Violation> v = new ArrayList<>();
        if (e.date() == null) {
            v.add(Violation.of("date", "validation.required"));
        } else if (e.date().isAfter(today)) {
            v.add(Violation.of("date", "outcome.error.future", today));
        }
        if (e.ratedBy() == null || e.ratedBy().isBlank()) {
            v.add(Violation.of("ratedBy", "validation.required"));
        } else if (e.ratedBy().strip().length() > MAX_RATED_BY) {
            v.add(Violation.of("ratedBy", "outcome.error.tooLong", MAX_RATED_BY));
        }
        if (e.isTotalOnly()) {
            if (!d.totalOnlyAllowed() && d.itemEntry(licensed)) {
                v.add(Violation.of("items", "outcome.error.itemsRequired", d.name(), d.items().size()));
                return v;
            } else if (e.totalOnly() == null) {
                v.add(Violation.of("total", "validation.required"));
            } else if (e.totalOnly() < d.totalMin() || e.totalOnly() > d.totalMax()) {
                v.add(Violation.of("total", "outcome.error.totalRange", d.totalMin(), d.totalMax()));
            }
            // A total alone still answers the suicide-risk item: the alert must not depend on how it was entered.
            d.items().stream().filter(ScaleItem::safety).findFirst().ifPresent(item -> {
                if (e.safetyValue() == null) {
                    v.add(Violation.of("safetyValue", "outcome.error.safetyItemRequired", item.number()));
                } else if (!item.accepts(e.safetyValue())) {
                    v.add(Violation.of("safetyValue", "outcome.error.itemRange", item.number(), item.min(), item.max(),
                            e.safetyValue()));
                } else if (e.totalOnly() != null && e.totalOnly() >= d.totalMin() && e.totalOnly() <= d.totalMax()) {
                    // The total includes the suicide-risk item (every scoring counts it as it is): a total below
                    // it, or above what the other items could add to it, was copied wrongly.
                    int othersMax = d.totalMax() - item.max();
                    if (e.totalOnly() < e.safetyValue()) {
                        v.add(Violation.of("total", "outcome.error.totalBelowSafety", e.totalOnly(), item.number(),
                                e.safetyValue()));
                    } else if (e.totalOnly() > othersMax + e.safetyValue()) {
                        v.add(Violation.of("total", "outcome.error.totalAboveSafety", e.totalOnly(), item.number(),
                                e.safetyValue(), othersMax + e.safetyValue()));
                    }
                }
            });
            return v;
        }
        if (!d.itemEntry(licensed)) {
            v.add(Violation.of("items", "outcome.error.licensed", d.name()));
            return v;
        }
        if (e.items().size() != d.items().size()) {
            v.add(Violation.of("items", "outcome.error.itemCount", d.name(), d.items().size(), e.items().size()));
            return v;
        }
        for (int i = 0; i < d.items().size(); i++) {
            ScaleItem item = d.items().get(i);
            Integer value = e.items().get(i);
            if (value == null) {
                v.add(Violation.of("items[" + i + "]", "outcome.error.itemMissing", item.number()));
            } else if (!item.accepts(value)) {
                v.add(Violation.of("items[" + i + "]", "outcome.error.itemRange", item.number(), item.min(), item.max(), value));
            }
        }
        return v;
    }
}
