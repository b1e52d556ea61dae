package clinic.threshold.domain.report;

/** A report definition someone saved to run again: its name, the report and the parameters. */
public record SavedReport(long id, String name, ReportId report, ReportParams params, int version) {
}
