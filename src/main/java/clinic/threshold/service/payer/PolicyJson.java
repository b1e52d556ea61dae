package clinic.threshold.service.payer;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.AltPath;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.SeverityRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Payer policies in the {@code threshold-policy/1} format (docs/formats/policy.md): the seed the clinic starts from,
 * and what administrators import and export. Every policy is checked whole; a file with any bad policy is refused
 * with each problem named, and nothing of it is used.
 */
public final class PolicyJson {
    public static final String FORMAT = "threshold-policy/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyJson() {
    }

    /** The policies seeded with the app (reference/payer-policies.json). */
    public static List<PayerPolicy> seed() {
        try (InputStream in = PolicyJson.class.getResourceAsStream("/reference/payer-policies.json")) {
            if (in == null) {
                throw new IllegalStateException("payer-policies.json is missing from the application");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("payer-policies.json cannot be read", e);
        }
    }

    public static List<PayerPolicy> read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ValidationException(Violation.of("format", "payer.error.format", FORMAT));
        }
        List<PayerPolicy> out = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (JsonNode n : root.path("policies")) {
            String code = n.path("code").asText("");
            try {
                PayerPolicy p = policy(n);
                problems.addAll(PolicyChecks.check(p));
                if (!codes.add(p.code() + "#" + p.version())) {
                    problems.add(Violation.of("code", "payer.error.duplicate", p.code(), p.version()));
                }
                out.add(p);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(Violation.of("policy", "payer.error.unreadable", code.isEmpty() ? "?" : code));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
    }

    /**
     * One stored policy document, with the verification the database records (the document itself never carries
     * it: verifying a row does not rewrite its text).
     */
    public static PayerPolicy stored(String body, LocalDate verifiedOn) {
        try {
            PayerPolicy p = policy(JSON.readTree(body));
            return new PayerPolicy(p.code(), p.version(), p.payer(), p.plan(), p.effectiveFrom(), p.effectiveTo(), p.minAge(),
                    p.maxAge(), p.diagnosisCodes(), p.severityAnyOf(), p.minFailedTrials(), p.minDistinctClasses(),
                    p.minWeeksPerTrial(), p.intoleranceCounts(), p.augmentationTrialRequired(), p.psychotherapyRequired(),
                    p.psychotherapyMinSessions(), p.altPaths(), p.priorResponsePct(), p.initialSessions(), p.taperSessions(),
                    p.extensionMinImprovementPct(), p.extensionSessions(), p.retreatmentMinPriorImprovementPct(), p.exclusions(),
                    p.maintenanceCovered(), p.acceleratedCovered(), p.priorAuthRequired(), p.source(), p.confidence(), verifiedOn);
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new clinic.threshold.domain.common.DataDamagedException(new IllegalStateException("a stored payer policy"));
        }
    }

    private static PayerPolicy policy(JsonNode n) {
        List<SeverityRule> severity = new ArrayList<>();
        for (JsonNode s : n.path("severityAnyOf")) {
            severity.add(new SeverityRule(s.path("scale").asText(), SeverityRule.Operator.valueOf(s.path("operator").asText()),
                    s.path("value").asInt()));
        }
        return new PayerPolicy(text(n, "code"), n.path("version").asInt(1), text(n, "payer"), text(n, "plan"),
                date(n, "effectiveFrom"), date(n, "effectiveTo"), integer(n, "minAge"), integer(n, "maxAge"),
                strings(n, "diagnosisCodes"), severity, integer(n, "minFailedTrials"), integer(n, "minDistinctClasses"),
                integer(n, "minWeeksPerTrial"), n.path("intoleranceCounts").asBoolean(), n.path("augmentationTrialRequired").asBoolean(),
                n.path("psychotherapyRequired").asBoolean(), integer(n, "psychotherapyMinSessions"),
                enums(n, "altPaths", AltPath.class), integer(n, "priorResponsePct"), integer(n, "initialSessions"),
                integer(n, "taperSessions"), integer(n, "extensionMinImprovementPct"), integer(n, "extensionSessions"),
                integer(n, "retreatmentMinPriorImprovementPct"), enums(n, "exclusions", Exclusion.class),
                n.path("maintenanceCovered").asBoolean(), n.path("acceleratedCovered").asBoolean(),
                n.path("priorAuthRequired").asBoolean(true), text(n, "source"), n.path("confidence").asText("U"),
                date(n, "verifiedOn"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " is not a whole number");
        }
        return v.asInt();
    }

    private static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        return v == null || v.isBlank() ? null : LocalDate.parse(v);
    }

    private static Set<String> strings(JsonNode n, String field) {
        Set<String> out = new HashSet<>();
        n.path(field).forEach(v -> out.add(v.asText().strip().toUpperCase(java.util.Locale.ROOT)));
        return out;
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode n, String field, Class<E> type) {
        Set<E> out = new HashSet<>();
        n.path(field).forEach(v -> out.add(Enum.valueOf(type, v.asText())));
        return out;
    }
}
