package clinic.threshold.domain.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A template may name only its kind's placeholders, with blocks standing alone and no stray braces. */
class PlaceholdersTest {
    static List<String> keys(String body, AuthKind kind) {
        return Placeholders.check(new LetterTemplate(kind, 1, "T", body)).stream().map(Violation::messageKey).toList();
    }

    @Test
    void aTemplateOfKnownPlaceholdersPasses() {
        assertTrue(keys("Dear {payer},\n\n{trialTable}\n\n{signature}", AuthKind.INITIAL).isEmpty());
    }

    @Test
    void aMisspelledPlaceholderIsNamed() {
        var v = Placeholders.check(new LetterTemplate(AuthKind.INITIAL, 1, "T", "For {patient.nmae}"));
        assertEquals(1, v.size());
        assertEquals("letter.error.unknownPlaceholder", v.get(0).messageKey());
        assertEquals("patient.nmae", v.get(0).args().get(0));
    }

    @Test
    void anExtensionPlaceholderIsNotAFirstRequestOne() {
        assertEquals(List.of("letter.error.unknownPlaceholder"), keys("Up {course.improvement}", AuthKind.INITIAL));
        assertTrue(keys("Up {course.improvement}", AuthKind.EXTENSION).isEmpty());
    }

    @Test
    void aTableInsideASentenceAndAStrayBraceAreRefused() {
        assertEquals(List.of("letter.error.blockInline"), keys("Trials: {trialTable} as above", AuthKind.INITIAL));
        assertEquals(List.of("letter.error.brace"), keys("Dear {payer} }", AuthKind.INITIAL));
        assertEquals(List.of("validation.required"), keys("  ", AuthKind.INITIAL));
    }

    @Test
    void aLetterNeedsItsKindsRequiredDataAndWhatItsTemplateUses() {
        var needed = Placeholders.needed(new LetterTemplate(AuthKind.INITIAL, 1, "T", "{episode.onset}"));
        assertTrue(needed.containsAll(List.of("patient.memberId", "severity", "trialTable", "screening", "clinician", "episode.onset")));
    }
}
