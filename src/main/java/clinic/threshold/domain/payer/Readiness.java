package clinic.threshold.domain.payer;

import java.util.List;

/** A patient against one policy: each criterion's answer, and overall ready, not ready or missing information. */
public record Readiness(PayerPolicy policy, Overall overall, List<Criterion> criteria) {

    public enum Overall {
        READY, NOT_READY, MISSING_INFORMATION
    }

    public enum Status {
        MET, UNMET, MISSING
    }

    /**
     * One criterion: its id ("failedTrials"), the answer, the evidence in words (message key and values) and, when
     * not met, what to collect or why.
     */
    public record Criterion(String id, Status status, String evidenceKey, List<Object> evidence, String missingKey,
            List<Object> missing) {
        public Criterion {
            evidence = List.copyOf(evidence);
            missing = List.copyOf(missing);
        }
    }

    public Readiness {
        criteria = List.copyOf(criteria);
    }
}
