package clinic.threshold.domain.history;

/**
 * How well a reference number is established (domain.md section 0). Unconfirmed numbers are shown marked
 * in the app so that an administrator checks them before relying on them.
 */
public enum Confidence {
    CONFIRMED("C"), SECONDARY("S"), UNCONFIRMED("U"), DESIGN("D");

    private final String tag;

    Confidence(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Confidence ofTag(String tag) {
        for (Confidence c : values()) {
            if (c.tag.equalsIgnoreCase(tag)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown confidence tag " + tag);
    }
}
