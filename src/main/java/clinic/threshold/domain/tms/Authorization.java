package clinic.threshold.domain.tms;

import java.time.LocalDate;

/**
 * The payer authorization that covers a course: payer, number, units (one per session) and its window.
 * Every part may be empty while the request is pending.
 */
public record Authorization(String payer, String number, Integer units, LocalDate first, LocalDate last) {
    public static final Authorization NONE = new Authorization(null, null, null, null, null);

    public boolean isEmpty() {
        return payer == null && number == null && units == null && first == null && last == null;
    }
}
