package clinic.threshold.service.audit;

import clinic.threshold.domain.audit.AuditRecord;

/** One audit event as an RFC 4180 CSV line. */
final class CsvRow {
    private CsvRow() {
    }

    static String of(AuditRecord r) {
        return String.join(",", Long.toString(r.seq()), r.occurredAt().toString(), str(r.userId()),
                q(r.username()), q(r.action()), r.category().name(), str(r.patientId()), q(r.entity()),
                q(r.entityId()), r.outcome().name(), q(r.detail()), r.rowHash()) + "\n";
    }

    private static String str(Long v) {
        return v == null ? "" : v.toString();
    }

    static String q(String s) {
        if (s == null) {
            return "";
        }
        boolean needs = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
        // A leading = + - @ would be run as a formula by spreadsheet programs.
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return needs || safe != s ? "\"" + safe.replace("\"", "\"\"") + "\"" : s;
    }
}
