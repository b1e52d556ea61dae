package clinic.threshold.service.payer;

import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.i18n.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Readiness as JSON ({@code threshold readiness}, docs/formats/policy.md): the policy, ready or not, the overall
 * answer, and each criterion with its status, evidence and what is missing, in words.
 */
public final class ReadinessJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReadinessJson() {
    }

    public static String write(Readiness r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("policy", r.policy().code());
        root.put("policyVersion", r.policy().version());
        root.put("verified", r.policy().verified());
        root.put("ready", r.overall() == Readiness.Overall.READY);
        root.put("overall", r.overall().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        ArrayNode criteria = root.putArray("criteria");
        for (Readiness.Criterion c : r.criteria()) {
            ObjectNode n = criteria.addObject();
            n.put("id", c.id());
            n.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
            n.put("evidence", c.evidenceKey() == null ? null : Messages.withValues(c.evidenceKey(), c.evidence()));
            n.put("missing", c.missingKey() == null ? null : Messages.withValues(c.missingKey(), c.missing()));
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
