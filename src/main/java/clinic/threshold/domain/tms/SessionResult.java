package clinic.threshold.domain.tms;

import java.util.List;

/** A saved session: its id and number, the billing code it carries, the output used, and any MT reminder. */
public record SessionResult(long id, int number, String billingCode, int outputPct, List<MtDueReason> mtWarnings) {
}
