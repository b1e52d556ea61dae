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

    /**
     * These parameters as {@code id} applies them: filters and a breakdown it does not offer are dropped, so what is
     * printed and audited with its figures is what they were computed with.
     */
    public ReportParams forReport(ReportId id) {
        java.util.Set<ReportId.Filter> f = id.filters();
        return new ReportParams(from, to, f.contains(ReportId.Filter.PROTOCOL) ? protocol : null,
                f.contains(ReportId.Filter.CHAIR) ? chairId : null, f.contains(ReportId.Filter.TECHNICIAN) ? technician : null,
                f.contains(ReportId.Filter.CLINICIAN) ? clinician : null, f.contains(ReportId.Filter.PAYER) ? payerId : null,
                groupBy != null && id.groupings().contains(groupBy) ? groupBy : null);
    }

    public boolean covers(LocalDate d) {
        return d != null && (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
}
