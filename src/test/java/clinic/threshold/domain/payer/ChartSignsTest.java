package clinic.threshold.domain.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Excluded conditions found in the chart: diagnosis prefixes, the episode's severity, screening answers, open alerts. */
class ChartSignsTest {
    static ExclusionRule rule(Exclusion e, ExclusionRule.Evidence ev, String match) {
        return new ExclusionRule(e, ev, match, Confidence.DESIGN, "test");
    }

    static final List<ExclusionRule> RULES = List.of(
            rule(Exclusion.BIPOLAR_OR_SCHIZOPHRENIA, ExclusionRule.Evidence.DIAGNOSIS, "F31"),
            rule(Exclusion.PSYCHOTIC_FEATURES, ExclusionRule.Evidence.DIAGNOSIS, "F33.3"),
            rule(Exclusion.PSYCHOTIC_FEATURES, ExclusionRule.Evidence.EPISODE, "SEVERE_PSYCHOTIC"),
            rule(Exclusion.SEIZURE_DISORDER, ExclusionRule.Evidence.SCREENING, "1/6"),
            rule(Exclusion.ACTIVE_SUICIDALITY, ExclusionRule.Evidence.RISK_ALERT, "OPEN"));

    @Test
    void aCleanChartShowsNothing() {
        assertTrue(new ChartSigns("F33.2", Severity.SEVERE, 1, Set.of(18), false).findings(RULES).isEmpty());
    }

    @Test
    void aDiagnosisPrefixAndAPsychoticEpisodeAreFound() {
        assertEquals(Set.of(Exclusion.BIPOLAR_OR_SCHIZOPHRENIA), new ChartSigns("f31.4", Severity.SEVERE, null, null, false)
                .findings(RULES).keySet(), "F31.4 is bipolar whatever the case");
        var both = new ChartSigns("F33.3", Severity.SEVERE_PSYCHOTIC, null, null, false).findings(RULES);
        assertEquals(Set.of(Exclusion.PSYCHOTIC_FEATURES), both.keySet());
        assertEquals(2, both.get(Exclusion.PSYCHOTIC_FEATURES).size(), "both records are evidence");
    }

    @Test
    void aScreeningYesCountsOnlyOnItsFormAndAnOpenAlertCounts() {
        assertEquals(Set.of(Exclusion.SEIZURE_DISORDER), new ChartSigns(null, null, 1, Set.of(6), false).findings(RULES).keySet());
        assertTrue(new ChartSigns(null, null, 2, Set.of(6), false).findings(RULES).isEmpty(), "item 6 of another form");
        assertEquals(Set.of(Exclusion.ACTIVE_SUICIDALITY), new ChartSigns(null, null, null, null, true).findings(RULES).keySet());
    }
}
