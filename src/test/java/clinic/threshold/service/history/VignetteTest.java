package clinic.threshold.service.history;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.AssessmentRules;
import clinic.threshold.domain.history.HistoryDocument;
import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TrdAssessor;
import clinic.threshold.i18n.Messages;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every written vignette through the domain API: the hand-computed results, and reasons in words. */
class VignetteTest {
    static List<Vignettes.Vignette> vignettes() {
        return Vignettes.all();
    }

    @Test
    void thereAreAtLeastTwentyVignettes() {
        assertTrue(vignettes().size() >= 20, "vignettes: " + vignettes().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void theAssessmentMatchesTheHandComputedResult(Vignettes.Vignette v) throws Exception {
        var formulary = SeedReference.formulary();
        HistoryDocument doc = HistoryJson.read(Vignettes.JSON.writeValueAsString(v.history()), formulary);
        TrdAssessment a = new TrdAssessor(formulary, AssessmentRules.from(SeedReference.rules()))
                .assess(doc.history(), LocalDate.parse(v.asOf()));
        String json = AssessmentJson.write(doc.patient().mrn(), a, Messages::reason);
        Vignettes.assertMatches(v, Vignettes.JSON.readTree(json));
        // Every reason is worded: no key is missing from the bundle.
        assertFalse(json.contains("!history."), json);
    }
}
