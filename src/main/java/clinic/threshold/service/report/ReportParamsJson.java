package clinic.threshold.service.report;

import clinic.threshold.domain.report.ReportParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * A saved definition's parameters as a small JSON object. Dates are kept as written; a definition saved with a
 * relative range would need more (noted in docs/reports.md).
 */
final class ReportParamsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportParamsJson() {
    }

    static String write(ReportParams p) {
        ObjectNode n = JSON.createObjectNode();
        put(n, "from", p.from() == null ? null : p.from().toString());
        put(n, "to", p.to() == null ? null : p.to().toString());
        put(n, "protocol", p.protocol());
        if (p.chairId() != null) {
            n.put("chairId", p.chairId());
        }
        put(n, "technician", p.technician());
        put(n, "clinician", p.clinician());
        if (p.payerId() != null) {
            n.put("payerId", p.payerId());
        }
        put(n, "groupBy", p.groupBy() == null ? null : p.groupBy().name());
        return n.toString();
    }

    static ReportParams read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new ReportParams(date(n, "from"), date(n, "to"), text(n, "protocol"), n.hasNonNull("chairId") ? n.get("chairId").asLong()
                    : null, text(n, "technician"), text(n, "clinician"), n.hasNonNull("payerId") ? n.get("payerId").asInt() : null,
                    n.hasNonNull("groupBy") ? ReportParams.GroupBy.valueOf(n.get("groupBy").asText()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("saved report parameters cannot be read", e);
        }
    }

    private static void put(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    private static LocalDate date(JsonNode n, String key) {
        return n.hasNonNull(key) ? LocalDate.parse(n.get(key).asText()) : null;
    }
}
