package clinic.threshold.domain.report;

import java.util.List;

/**
 * A report as run: which one, over what, its table and chart, and notes the reader needs (message keys with values:
 * "3 courses without a baseline score are left out").
 */
public record ReportResult(ReportId id, ReportParams params, ReportTable table, ReportChart chart, List<Note> notes) {

    public record Note(String key, List<Object> values) {
        public Note {
            values = List.copyOf(values);
        }
    }

    public ReportResult {
        notes = List.copyOf(notes);
    }
}
