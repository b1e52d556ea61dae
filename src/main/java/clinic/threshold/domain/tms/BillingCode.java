package clinic.threshold.domain.tms;

import clinic.threshold.domain.history.Confidence;

/** A procedure code for a TMS session (90867, 90868, 90869) with the rule that selects it. */
public record BillingCode(String code, BillingRule rule, String descriptor, Confidence confidence, String source) {
}
