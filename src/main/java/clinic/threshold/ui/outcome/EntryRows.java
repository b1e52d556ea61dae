package clinic.threshold.ui.outcome;

import clinic.threshold.domain.outcome.InstrumentSeries;
import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.ScaleItem;
import clinic.threshold.i18n.Messages;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The rows of the Outcomes tab's entries table and the words of an entry's items. */
final class EntryRows {
    private EntryRows() {
    }

    /** Every saved entry of every instrument, newest day first (then the later typed first). */
    static List<SavedEntry> newestFirst(OutcomeOverview o) {
        return o.series().stream().flatMap((InstrumentSeries s) -> s.entries().stream())
                .sorted(Comparator.comparing((SavedEntry e) -> e.entry().date()).thenComparing(SavedEntry::id).reversed())
                .toList();
    }

    /** Each item with its label and value; a total entered alone names only its suicide-risk item. */
    static String items(ScaleDefinition d, SavedEntry e) {
        if (e.entry().isTotalOnly()) {
            return d.safetyItem().filter(i -> e.entry().safetyValue() != null)
                    .map(i -> Messages.get("outcome.entries.totalOnlyItems", line(i, e.entry().safetyValue())))
                    .orElse(Messages.get("outcome.entries.noItems"));
        }
        return d.items().stream().filter(i -> i.number() <= e.entry().items().size())
                .map(i -> line(i, e.entry().items().get(i.number() - 1))).collect(Collectors.joining("\n"));
    }

    private static String line(ScaleItem i, Integer value) {
        return Messages.get("outcome.entries.item", i.number(), i.label(), value == null ? "" : value);
    }
}
