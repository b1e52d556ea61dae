package clinic.threshold.domain.tms;

/**
 * How an assessment schedule is read (reference/outcome-rules.tsv): an entry within {@code windowDays} of a due
 * day meets it, a baseline may be up to {@code baselineDaysBefore} days before the first session, and a due
 * assessment becomes overdue {@code graceDays} after its day.
 */
public record ScheduleRules(int windowDays, int graceDays, int baselineDaysBefore) {
}
