package clinic.threshold.ui.common;

/** An item of a combo box: a value (null for "any") and the label the user reads. */
public record Choice<T>(T value, String label) {
    @Override
    public String toString() {
        return label;
    }
}
