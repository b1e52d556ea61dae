package clinic.threshold.domain.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.payer.ExclusionRule.Evidence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A rule's match must be one its kind of chart record can show: ChartSigns would never find anything otherwise. */
class ExclusionRuleChecksTest {

    static List<String> keys(Evidence e, String match) {
        return ExclusionRuleChecks.check(ExclusionRuleChecks.normalized(new ExclusionRule(Exclusion.SEIZURE_DISORDER, e, match,
                Confidence.DESIGN, "s"))).stream().map(Violation::messageKey).toList();
    }

    @Test
    void diagnosisMatchesAreCodesOrTheirBeginnings() {
        for (String ok : List.of("F31", "f33.3", "G40.A01", " Z91.8 ")) {
            assertEquals(List.of(), keys(Evidence.DIAGNOSIS, ok), ok);
        }
        for (String bad : List.of("F3", "F3A", "F33.", "F33.12345", "331", "F33-3")) {
            assertEquals(List.of("payer.error.ruleDiagnosis"), keys(Evidence.DIAGNOSIS, bad), bad);
        }
    }

    @Test
    void otherKindsTakeASeverityNameAFormItemPairOrOpen() {
        assertEquals(List.of(), keys(Evidence.EPISODE, "severe_psychotic"));
        assertEquals(List.of("payer.error.ruleEpisode"), keys(Evidence.EPISODE, "PSYCHOTIC"));
        assertEquals(List.of(), keys(Evidence.SCREENING, "1 / 6"));
        for (String bad : List.of("6", "1/0", "0/1", "1/6/2", "a/b", "1/1234567")) {
            assertEquals(List.of("payer.error.ruleScreening"), keys(Evidence.SCREENING, bad), bad);
        }
        assertEquals(List.of(), keys(Evidence.RISK_ALERT, "open"));
        assertEquals(List.of("payer.error.ruleRiskAlert"), keys(Evidence.RISK_ALERT, "YES"));
    }

    @Test
    void aScreeningMatchReadsAsFormAndItem() {
        assertEquals(Optional.of(new ExclusionRuleChecks.ScreeningItemRef(1, 12)), ExclusionRuleChecks.ScreeningItemRef.parse("1/12"));
        assertEquals(Optional.empty(), ExclusionRuleChecks.ScreeningItemRef.parse(null));
    }
}
