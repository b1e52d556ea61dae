package clinic.threshold.service.history;

import clinic.threshold.domain.common.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed values out of a JSON tree and, instead of stopping at the first bad one, records each
 * problem with its path, so that one import attempt reports everything that must be fixed.
 */
final class JsonFields {
    private final List<Violation> problems = new ArrayList<>();

    List<Violation> problems() {
        return problems;
    }

    void problem(String path, String key, Object... args) {
        problems.add(Violation.of(path, key, args));
    }

    /** Reports each field of {@code node} that is not among {@code known}, by its path. */
    void onlyKnown(JsonNode node, String path, List<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problem(path.isEmpty() ? name : path + "." + name, "history.error.unknownField", name,
                        String.join(", ", known));
            }
        });
    }

    private JsonNode value(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = parent == null ? null : parent.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(path, "history.error.required");
            }
            return null;
        }
        return v;
    }

    String text(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = value(parent, field, path, required);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            problem(path, "history.error.notText");
            return null;
        }
        String s = v.asText().strip();
        if (s.isEmpty() && required) {
            problem(path, "history.error.required");
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    LocalDate date(JsonNode parent, String field, String path, boolean required) {
        String s = text(parent, field, path, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(path, "history.error.notDate", s);
            return null;
        }
    }

    BigDecimal decimal(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = value(parent, field, path, required);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            problem(path, "history.error.notNumber", v.asText());
            return null;
        }
        return v.decimalValue();
    }

    Integer integer(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = value(parent, field, path, required);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problem(path, "history.error.notWholeNumber", v.asText());
            return null;
        }
        return v.intValue();
    }

    <E extends Enum<E>> E token(JsonNode parent, String field, String path, boolean required, Class<E> type) {
        String s = text(parent, field, path, required);
        if (s == null) {
            return null;
        }
        return Tokens.parse(type, s).orElseGet(() -> {
            problem(path, "history.error.badToken", s, Tokens.list(type));
            return null;
        });
    }

    /** The array at {@code field}; a missing one is empty (or a problem when required). */
    List<JsonNode> array(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = value(parent, field, path, required);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(path, "history.error.notArray");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** The object at {@code field}, or null (with a problem when required or not an object). */
    JsonNode object(JsonNode parent, String field, String path, boolean required) {
        JsonNode v = value(parent, field, path, required);
        if (v != null && !v.isObject()) {
            problem(path, "history.error.notObject");
            return null;
        }
        return v;
    }
}
