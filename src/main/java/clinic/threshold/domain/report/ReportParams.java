package clinic.threshold.domain.report;

import java.time.LocalDate;

/**
 * What a report is run over: a date range (inclusive) and optional filters; {@code groupBy} picks the dimension a
 * report breaks its figures down by where it offers one (protocol, device, technician, payer). Null means all.
 */
public record ReportParams(LocalDate from, LocalDate to, String protocol, Long chairId, String technician, String clinician,
        Integer payerId, GroupBy groupBy) {

    public enum GroupBy {
        PROTOCOL, DEVICE, TECHNICIAN, PAYER
    }

    public static ReportParams between(LocalDate from, LocalDate to) {
        return new ReportParams(from, to, null, null, null, null, null, null);
    }

    public ReportParams by(GroupBy g) {
        return new ReportParams(from, to, protocol, chairId, technician, clinician, payerId, g);
    }

    public boolean covers(LocalDate d) {
        return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
}
