package clinic.threshold.domain.report;

/** A report stopped because the person running it cancelled; nothing was exported or audited as run. */
public class ReportCancelledException extends RuntimeException {
    public ReportCancelledException() {
        super("report cancelled");
    }
}
