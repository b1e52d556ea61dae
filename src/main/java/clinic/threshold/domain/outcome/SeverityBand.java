package clinic.threshold.domain.outcome;

/** A severity band: totals from {@code min} to {@code max} inclusive. */
public record SeverityBand(int min, int max, String label) {
    public boolean contains(int total) {
        return total >= min && total <= max;
    }
}
