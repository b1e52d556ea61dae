package clinic.threshold.domain.payer;

/** Routes some policies accept instead of the medication-trial criteria (domain.md 6.1, "Other routes"). */
public enum AltPath {
    /** A prior TMS course with more than the policy's improvement (usually 50%). */
    PRIOR_TMS_RESPONSE,
    /** The patient is an ECT candidate for whom ECT is not clinically superior. */
    ECT_CANDIDATE
}
