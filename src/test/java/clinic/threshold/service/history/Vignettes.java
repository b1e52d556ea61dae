package clinic.threshold.service.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The written clinical vignettes ({@code src/test/resources/vignettes}): each holds a story, an assessment
 * date, a history in the interchange format and the results computed by hand. Shared by the domain-API and
 * the command-line tests so that both answer the same cases.
 */
public final class Vignettes {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Vignettes() {
    }

    public record Vignette(String name, String story, String asOf, JsonNode history, JsonNode expected) {
        @Override
        public String toString() {
            return name + ": " + story;
        }
    }

    public static List<Vignette> all() {
        try {
            Path dir = Path.of(Vignettes.class.getResource("/vignettes").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".json")).sorted().map(Vignettes::load).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Vignette load(Path p) {
        try {
            JsonNode v = JSON.readTree(Files.readString(p));
            return new Vignette(p.getFileName().toString(), v.get("story").asText(), v.get("asOf").asText(),
                    v.get("history"), v.get("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compares an assessment (as the JSON {@code threshold assess} prints) with the hand-computed result:
     * every expected field must match; week counts to 0.01.
     */
    public static void assertMatches(Vignette v, JsonNode actual) {
        JsonNode e = v.expected();
        // The contract's types: booleans, integers and numbers, not text that happens to read the same.
        for (String field : List.of("failedAdequateTrials", "distinctFailedClasses", "intolerances",
                "failedPsychotherapyTrials", "thaseRushStage")) {
            org.junit.jupiter.api.Assertions.assertTrue(actual.get(field).isIntegralNumber(), field + " is an integer");
        }
        org.junit.jupiter.api.Assertions.assertTrue(actual.get("trd").isBoolean(), "trd is a boolean");
        org.junit.jupiter.api.Assertions.assertTrue(actual.get("mghScore").isNumber(), "mghScore is a number");
        org.junit.jupiter.api.Assertions.assertTrue(actual.get("maudsley").get("score").isIntegralNumber());
        for (JsonNode t : actual.get("trials")) {
            org.junit.jupiter.api.Assertions.assertTrue(t.get("adequate").isBoolean() && t.get("failed").isBoolean()
                    && t.get("intolerance").isBoolean() && t.get("weeksAtAdequateDose").isNumber()
                    && t.get("reason").isTextual(), "trial field types: " + t);
        }
        for (String field : List.of("currentEpisode", "failedAdequateTrials", "distinctFailedClasses", "intolerances",
                "failedPsychotherapyTrials", "trd", "thaseRushStage")) {
            assertEquals(e.get(field).asText(), actual.get(field).asText(), v.name() + " " + field);
        }
        assertEquals(e.get("maudsley").get("score").asInt(), actual.get("maudsley").get("score").asInt(),
                v.name() + " maudsley.score");
        assertEquals(e.get("maudsley").get("band").asText(), actual.get("maudsley").get("band").asText(),
                v.name() + " maudsley.band");
        assertEquals(e.get("mghScore").asDouble(), actual.get("mghScore").asDouble(), 1e-9, v.name() + " mghScore");
        assertEquals(e.get("trials").size(), actual.get("trials").size(), v.name() + " number of trials");
        for (JsonNode t : actual.get("trials")) {
            JsonNode want = e.get("trials").get(t.get("id").asText());
            String where = v.name() + " trial " + t.get("id").asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("weeksAtAdequateDose")) {
                    assertEquals(f.getValue().asDouble(), t.get(f.getKey()).asDouble(), 0.01, where + " weeks");
                } else {
                    assertEquals(f.getValue().asText(), t.get(f.getKey()).asText(), where + " " + f.getKey());
                }
            }
        }
    }
}
