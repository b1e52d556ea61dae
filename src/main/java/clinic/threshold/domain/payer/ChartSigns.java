package clinic.threshold.domain.payer;

import clinic.threshold.domain.history.Severity;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the chart shows that exclusion rules look at: the primary diagnosis, the current episode's severity, the latest
 * screening's "yes" items, and whether a suicide-risk alert is open. Null where the chart has nothing.
 */
public record ChartSigns(String diagnosisCode, Severity episodeSeverity, Integer screeningForm, Set<Integer> screeningYes,
        boolean openRiskAlert) {

    public ChartSigns {
        screeningYes = screeningYes == null ? Set.of() : Set.copyOf(screeningYes);
    }

    /** Each excluded condition the chart shows, with the rules that found it (for the evidence). */
    public java.util.Map<Exclusion, List<ExclusionRule>> findings(List<ExclusionRule> rules) {
        java.util.Map<Exclusion, List<ExclusionRule>> out = new TreeMap<>();
        for (ExclusionRule r : rules) {
            if (matches(r)) {
                out.computeIfAbsent(r.exclusion(), k -> new java.util.ArrayList<>()).add(r);
            }
        }
        return out;
    }

    private boolean matches(ExclusionRule r) {
        return switch (r.evidence()) {
            case DIAGNOSIS -> diagnosisCode != null && diagnosisCode.toUpperCase(java.util.Locale.ROOT)
                    .startsWith(r.match().toUpperCase(java.util.Locale.ROOT));
            case EPISODE -> episodeSeverity != null && episodeSeverity.name().equals(r.match());
            case SCREENING -> screeningForm != null && screeningYes.stream().anyMatch(i -> (screeningForm + "/" + i).equals(r.match()));
            case RISK_ALERT -> openRiskAlert;
        };
    }
}
