package clinic.threshold.domain.outcome;

import java.time.LocalDate;

/** The patient already has this instrument on this day: nothing saved unless the user confirms a second one. */
public class DuplicateEntryException extends RuntimeException {
    private final String scale;
    private final LocalDate day;

    public DuplicateEntryException(String scale, LocalDate day) {
        super("Already recorded: " + scale + " on " + day);
        this.scale = scale;
        this.day = day;
    }

    public String scale() {
        return scale;
    }

    public LocalDate day() {
        return day;
    }
}
