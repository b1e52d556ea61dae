package clinic.threshold.domain.medication;

/** What a medication rule checks (V014). */
public enum RuleKind {
    /** subject and other taken on overlapping days. */
    INTERACTION,
    /** other started fewer than limit days after subject stopped. */
    WASHOUT,
    /** more than limit mg/day of subject. */
    MAX_DAILY_DOSE,
    /** more than limit mg in one dose of subject (in dose_form, when given). */
    MAX_SINGLE_DOSE,
    /** two drugs of one class within subject on overlapping days. */
    DUPLICATE_CLASS,
    /** shown whenever subject is ordered. */
    NOTICE,
    /** a dose change of subject asks for the motor threshold to be re-determined. */
    MT_PROMPT
}
