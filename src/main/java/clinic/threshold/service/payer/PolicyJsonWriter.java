package clinic.threshold.service.payer;

import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.SeverityRule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Writes payer policies in the {@code threshold-policy/1} format that {@link PolicyJson} reads: the document an
 * administrator exports, and the body of one stored version. Fields keep the order of the seed file and sets are
 * sorted, so that the same policy always gives the same text (which is how an unchanged import is recognised).
 */
final class PolicyJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyJsonWriter() {
    }

    /** A whole file: the format and each policy with the date it was verified (null when unverified). */
    static String document(List<PayerPolicy> policies) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", PolicyJson.FORMAT);
        ArrayNode list = root.putArray("policies");
        policies.forEach(p -> list.add(node(p, p.version(), p.verifiedOn())));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payer policy could not be written", e);
        }
    }

    /**
     * The stored document of one version. It never carries a verification: the database records that, beside the
     * text, so that verifying a version does not rewrite it.
     */
    static String body(PayerPolicy p, int version) {
        return node(p, version, null).toString();
    }

    /** Whether two policies say the same, whatever their versions and verification. */
    static boolean sameContent(PayerPolicy a, PayerPolicy b) {
        return body(a, 0).equals(body(b, 0));
    }

    private static ObjectNode node(PayerPolicy p, int version, LocalDate verifiedOn) {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", p.code());
        n.put("version", version);
        n.put("payer", p.payer());
        n.put("plan", p.plan());
        n.put("effectiveFrom", date(p.effectiveFrom()));
        n.put("effectiveTo", date(p.effectiveTo()));
        n.put("minAge", p.minAge());
        n.put("maxAge", p.maxAge());
        strings(n.putArray("diagnosisCodes"), p.diagnosisCodes());
        ArrayNode severity = n.putArray("severityAnyOf");
        for (SeverityRule s : p.severityAnyOf()) {
            severity.addObject().put("scale", s.scale()).put("operator", s.operator().name()).put("value", s.value());
        }
        n.put("minFailedTrials", p.minFailedTrials());
        n.put("minDistinctClasses", p.minDistinctClasses());
        n.put("minWeeksPerTrial", p.minWeeksPerTrial());
        n.put("intoleranceCounts", p.intoleranceCounts());
        n.put("augmentationTrialRequired", p.augmentationTrialRequired());
        n.put("psychotherapyRequired", p.psychotherapyRequired());
        n.put("psychotherapyMinSessions", p.psychotherapyMinSessions());
        strings(n.putArray("altPaths"), p.altPaths().stream().map(Enum::name).toList());
        n.put("priorResponsePct", p.priorResponsePct());
        n.put("initialSessions", p.initialSessions());
        n.put("taperSessions", p.taperSessions());
        n.put("extensionMinImprovementPct", p.extensionMinImprovementPct());
        n.put("extensionSessions", p.extensionSessions());
        n.put("retreatmentMinPriorImprovementPct", p.retreatmentMinPriorImprovementPct());
        strings(n.putArray("exclusions"), p.exclusions().stream().map(Enum::name).toList());
        n.put("maintenanceCovered", p.maintenanceCovered());
        n.put("acceleratedCovered", p.acceleratedCovered());
        n.put("priorAuthRequired", p.priorAuthRequired());
        n.put("source", p.source());
        n.put("confidence", p.confidence());
        n.put("verifiedOn", date(verifiedOn));
        return n;
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static void strings(ArrayNode into, Collection<String> values) {
        values.stream().sorted().forEach(into::add);
    }
}
