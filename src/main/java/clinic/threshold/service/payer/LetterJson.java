package clinic.threshold.service.payer;

import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.Letter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A letter as stored with its request ({@code threshold-letter/1}): title, date and blocks as printed. Text, not
 * PDF bytes, so the same column type serves H2 and PostgreSQL and the letter stays searchable and readable.
 */
final class LetterJson {
    static final String FORMAT = "threshold-letter/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LetterJson() {
    }

    static String write(Letter l) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("kind", l.kind().name())
                .put("templateVersion", l.templateVersion()).put("title", l.title()).put("date", l.date().toString());
        ArrayNode blocks = root.putArray("blocks");
        for (Letter.Block b : l.blocks()) {
            ObjectNode n = blocks.addObject();
            if (b instanceof Letter.Text t) {
                n.put("type", "text").put("text", t.text());
            } else if (b instanceof Letter.Table t) {
                n.put("type", "table");
                ArrayNode h = n.putArray("headings");
                t.headings().forEach(h::add);
                ArrayNode rows = n.putArray("rows");
                t.rows().forEach(r -> {
                    ArrayNode row = rows.addArray();
                    r.forEach(row::add);
                });
            } else if (b instanceof Letter.Chart c) {
                n.put("type", "chart").put("title", c.title()).put("max", c.max());
                if (c.cutoff() != null) {
                    n.put("cutoff", c.cutoff());
                }
                ArrayNode points = n.putArray("points");
                c.points().forEach(p -> points.addObject().put("date", p.date().toString()).put("value", p.value()));
            }
        }
        return root.toString();
    }

    static Letter read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalStateException("stored letter is not " + FORMAT);
            }
            List<Letter.Block> blocks = new ArrayList<>();
            for (JsonNode n : root.path("blocks")) {
                switch (n.path("type").asText()) {
                    case "text" -> blocks.add(new Letter.Text(n.path("text").asText()));
                    case "table" -> blocks.add(new Letter.Table(strings(n.path("headings")), rows(n.path("rows"))));
                    case "chart" -> blocks.add(new Letter.Chart(n.path("title").asText(), n.path("max").asInt(),
                            n.hasNonNull("cutoff") ? n.path("cutoff").asInt() : null, points(n.path("points"))));
                    default -> throw new IllegalStateException("unknown letter block " + n.path("type").asText());
                }
            }
            return new Letter(AuthKind.valueOf(root.path("kind").asText()), root.path("templateVersion").asInt(),
                    root.path("title").asText(), LocalDate.parse(root.path("date").asText()), blocks);
        } catch (IOException e) {
            throw new UncheckedIOException("stored letter cannot be read", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<List<String>> rows(JsonNode array) {
        List<List<String>> out = new ArrayList<>();
        array.forEach(r -> out.add(strings(r)));
        return out;
    }

    private static List<Letter.Point> points(JsonNode array) {
        List<Letter.Point> out = new ArrayList<>();
        array.forEach(p -> out.add(new Letter.Point(LocalDate.parse(p.path("date").asText()), p.path("value").asInt())));
        return out;
    }
}
