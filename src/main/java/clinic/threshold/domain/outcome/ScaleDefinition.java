package clinic.threshold.domain.outcome;

import clinic.threshold.domain.history.Confidence;
import java.util.List;
import java.util.Optional;

/**
 * A rating scale as reference data (domain.md 3): its items and their ranges, how they make the total,
 * the severity bands, and the remission cut-off ({@code remissionBelow} true: total below the value, as
 * PHQ-9 < 5; false: at or below it, as MADRS <= 10). {@code totalOnlyAllowed}: a total may be recorded
 * without items (a clinician scale copied from a letter); {@code itemsLicensed}: item entry needs the
 * clinic's licence (BDI-II), so only totals are kept.
 */
public record ScaleDefinition(String code, String name, Rater rater, Scoring scoring, int totalMin, int totalMax,
                              boolean remissionBelow, int remissionValue, boolean totalOnlyAllowed,
                              boolean itemsLicensed, List<ScaleItem> items, List<SeverityBand> bands,
                              Confidence confidence, String source) {
    public ScaleDefinition {
        items = List.copyOf(items);
        bands = List.copyOf(bands);
    }

    /** The total of a complete set of item values (validated by {@link ScaleEntryValidator} first). */
    public int total(List<Integer> values) {
        if (values.size() != items.size()) {
            throw new IllegalArgumentException(code + " has " + items.size() + " items, not " + values.size());
        }
        return switch (scoring) {
            case SUM -> values.stream().mapToInt(Integer::intValue).sum();
            case QIDS_DOMAINS -> max(values, 1, 4) + values.get(4) + max(values, 6, 9)
                    + values.get(9) + values.get(10) + values.get(11) + values.get(12) + values.get(13)
                    + max(values, 15, 16);
        };
    }

    /** The highest value among items {@code from}..{@code to} (numbers from 1, inclusive). */
    private static int max(List<Integer> values, int from, int to) {
        int m = 0;
        for (int i = from; i <= to; i++) {
            m = Math.max(m, values.get(i - 1));
        }
        return m;
    }

    public Optional<SeverityBand> band(int total) {
        return bands.stream().filter(b -> b.contains(total)).findFirst();
    }

    public boolean inRemission(int total) {
        return remissionBelow ? total < remissionValue : total <= remissionValue;
    }

    /** The safety items (numbers) whose value is above 0: a suicide-risk signal whatever the total. */
    public List<Integer> safetySignals(List<Integer> values) {
        return items.stream().filter(ScaleItem::safety)
                .filter(i -> i.number() <= values.size() && values.get(i.number() - 1) != null && values.get(i.number() - 1) > 0)
                .map(ScaleItem::number).toList();
    }

    /** The suicide-risk signal of an entry: its safety items above 0, whether typed in full or with a total alone. */
    public List<Integer> safetySignals(ScaleEntry e) {
        if (!e.isTotalOnly()) {
            return safetySignals(e.items());
        }
        return items.stream().filter(ScaleItem::safety).filter(i -> e.safetyValue() != null && e.safetyValue() > 0)
                .map(ScaleItem::number).toList();
    }

    /** The safety item, if the instrument has one. */
    public Optional<ScaleItem> safetyItem() {
        return items.stream().filter(ScaleItem::safety).findFirst();
    }

    /** Whether items may be entered at all (not for a licensed instrument the clinic has no licence for). */
    public boolean itemEntry(boolean licensed) {
        return !itemsLicensed || licensed;
    }
}
