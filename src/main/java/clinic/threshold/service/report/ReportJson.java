package clinic.threshold.service.report;

import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.ReportTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A report as JSON for scheduled exports: {@code {"report", "title", "params", "columns": [{"key", "heading",
 * "kind"}], "rows": [[...]], "notes": [...]}}, figures as numbers, empty figures as null.
 */
final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    static String write(ReportResult r) {
        ObjectNode root = JSON.createObjectNode().put("report", r.id().cliName()).put("title", ReportFormat.title(r.id()));
        root.set("params", read(ReportParamsJson.write(r.params())));
        ArrayNode columns = root.putArray("columns");
        for (ReportTable.Column c : r.table().columns()) {
            columns.addObject().put("key", c.key()).put("heading", ReportFormat.heading(c)).put("kind", c.kind().name());
        }
        ArrayNode rows = root.putArray("rows");
        for (List<Object> row : r.table().rows()) {
            ArrayNode a = rows.addArray();
            for (Object v : row) {
                if (v == null) {
                    a.addNull();
                } else if (v instanceof BigDecimal b) {
                    a.add(b);
                } else if (v instanceof Integer i) {
                    a.add(i);
                } else if (v instanceof Long l) {
                    a.add(l);
                } else {
                    a.add(ReportFormat.csvCell(v));
                }
            }
        }
        ArrayNode notes = root.putArray("notes");
        ReportFormat.notes(r).forEach(notes::add);
        return root.toPrettyString() + "\n";
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
