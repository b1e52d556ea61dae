package clinic.threshold.testing;

/** A patient history that meets the usual payer trial criteria: two failed 10-week trials of two classes, CBT failed. */
public final class PayerFixture {
    private PayerFixture() {
    }

    public static String history(String mrn) {
        return """
            {"format": "threshold-history/1", "patient": {"mrn": "%s"},
             "episodes": [{"id": "e1", "onset": "2025-01-01", "severity": "severe"}],
             "trials": [
               {"id": "t1", "episode": "e1", "kind": "medication", "agent": "sertraline", "role": "monotherapy",
                "start": "2025-01-10", "end": "2025-03-21", "doses": [{"from": "2025-01-10", "mgPerDay": 100}],
                "adherence": "good", "outcome": "no-response", "stopReason": "ineffective"},
               {"id": "t2", "episode": "e1", "kind": "medication", "agent": "venlafaxine", "role": "monotherapy",
                "start": "2025-04-01", "end": "2025-06-10", "doses": [{"from": "2025-04-01", "mgPerDay": 150}],
                "adherence": "good", "outcome": "no-response", "stopReason": "ineffective"},
               {"id": "t3", "episode": "e1", "kind": "psychotherapy", "modality": "CBT", "sessions": 16,
                "start": "2025-06-15", "end": "2025-10-01", "outcome": "no-response"}],
             "assessments": []}
            """.formatted(mrn);
    }
}
