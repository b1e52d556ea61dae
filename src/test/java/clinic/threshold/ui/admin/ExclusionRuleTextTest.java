package clinic.threshold.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRule.Evidence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every condition and kind of chart record has its words, and every kind a hint on how to write its match. */
class ExclusionRuleTextTest {

    @Test
    void everyConditionKindAndHintHasItsWords() {
        List<String> texts = new ArrayList<>();
        for (Exclusion e : Exclusion.values()) {
            texts.add(ExclusionRuleText.condition(e));
        }
        for (Evidence e : Evidence.values()) {
            texts.add(ExclusionRuleText.evidence(e));
            texts.add(ExclusionRuleText.hint(e));
        }
        texts.add(ExclusionRuleText.hint(null));
        assertEquals(List.of(), texts.stream().filter(t -> t.startsWith("!") || t.contains("{")).toList());
    }

    @Test
    void theEpisodeHintListsTheSeveritiesAsTheyAreWritten() {
        String hint = ExclusionRuleText.hint(Evidence.EPISODE);
        assertTrue(hint.contains("SEVERE_PSYCHOTIC") && hint.contains("SUBSYNDROMAL"), hint);
        assertFalse(hint.contains("{0}"), hint);
    }

    @Test
    void aRuleIsNamedByConditionKindAndMatch() {
        Object[] args = ExclusionRuleText.args(new ExclusionRule(Exclusion.SEIZURE_DISORDER, Evidence.SCREENING, "1/6",
                null, null));
        assertEquals(List.of("seizure disorder", "screening answer", "1/6"), List.of(args));
    }
}
