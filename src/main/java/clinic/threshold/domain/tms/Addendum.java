package clinic.threshold.domain.tms;

import java.time.Instant;

/** A correction or addition to a signed session: the session itself stays as signed. */
public record Addendum(long id, String text, String author, Instant at) {
}
