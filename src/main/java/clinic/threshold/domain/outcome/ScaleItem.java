package clinic.threshold.domain.outcome;

/** One item: its number (from 1), a short label, its range, and whether a value above 0 is a suicide-risk signal. */
public record ScaleItem(int number, String label, int min, int max, boolean safety) {
    public boolean accepts(int value) {
        return value >= min && value <= max;
    }
}
