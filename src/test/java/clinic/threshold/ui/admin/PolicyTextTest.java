package clinic.threshold.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.payer.AltPath;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.SeverityRule;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTextTest {

    @Test
    void severityRulesAreWrittenAndReadBack() throws Exception {
        List<SeverityRule> rules = List.of(new SeverityRule("BDI2", SeverityRule.Operator.GE, 30),
                new SeverityRule("PHQ9", SeverityRule.Operator.GT, 20));
        assertEquals("BDI2 >= 30, PHQ9 > 20", PolicyText.severity(rules));
        assertEquals(rules, PolicyText.parseSeverity(PolicyText.severity(rules)));
        assertEquals(rules, PolicyText.parseSeverity("bdi2\u226530; phq9>20"));
        assertEquals(List.of(), PolicyText.parseSeverity("  "));
    }

    @Test
    void anUnreadableSeverityRuleIsNamed() {
        var e = assertThrows(DialogFields.InputException.class, () -> PolicyText.parseSeverity("PHQ9 >= 15, HAMD over 20"));
        assertTrue(e.getMessage().contains("HAMD over 20"), e.getMessage());
    }

    @Test
    void diagnosisCodesAreUpperCaseWhateverTheSeparator() {
        assertEquals(Set.of("F32.2", "F33.2"), PolicyText.parseCodes("f32.2; F33.2 ,"));
        assertEquals("F32.2, F33.2", PolicyText.codes(Set.of("F33.2", "F32.2")));
    }

    @Test
    void everyRouteAndExclusionHasItsWords() {
        for (AltPath a : AltPath.values()) {
            assertTrue(Messages.bundle().containsKey("payer.policyAdmin.altPath." + a.name()), a.name());
        }
        for (Exclusion x : Exclusion.values()) {
            assertTrue(Messages.bundle().containsKey("payer.policyAdmin.exclusion." + x.name()), x.name());
        }
    }
}
