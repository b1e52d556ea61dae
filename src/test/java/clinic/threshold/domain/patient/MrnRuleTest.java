package clinic.threshold.domain.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MrnRuleTest {

    @Test
    void generatesPrefixSixDigitsAndLuhnCheckDigit() {
        // Luhn over 000001: doubling from the right gives 2, so the check digit is 8.
        assertEquals("TH0000018", MrnRule.fromSequence(1));
        // 123456: 6*2=12->3, 5, 4*2=8, 3, 2*2=4, 1 -> 3+5+8+3+4+1 = 24 -> check 6.
        assertEquals("TH1234566", MrnRule.fromSequence(123_456));
    }

    @Test
    void everyGeneratedMrnIsValidAndUnique() {
        Set<String> seen = new HashSet<>();
        for (long i = 1; i <= 20_000; i++) {
            String mrn = MrnRule.fromSequence(i);
            assertTrue(MrnRule.isValid(mrn), mrn);
            assertTrue(seen.add(mrn), mrn);
        }
    }

    @Test
    void rejectsWrongCheckDigitSingleDigitTyposAndMalformedValues() {
        assertFalse(MrnRule.isValid("TH0000017"));
        assertFalse(MrnRule.isValid("TH0000028"), "one mistyped digit must be caught");
        assertFalse(MrnRule.isValid("TH000018"), "too short");
        assertFalse(MrnRule.isValid("th0000018"), "prefix is upper case");
        assertFalse(MrnRule.isValid("XX0000018"));
        assertFalse(MrnRule.isValid(""));
        assertFalse(MrnRule.isValid(null));
    }

    @Test
    void catchesEverySingleDigitChange() {
        String mrn = MrnRule.fromSequence(4711);
        for (int pos = 2; pos < mrn.length(); pos++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c == mrn.charAt(pos)) {
                    continue;
                }
                String typo = mrn.substring(0, pos) + c + mrn.substring(pos + 1);
                assertFalse(MrnRule.isValid(typo), typo);
            }
        }
    }

    @Test
    void refusesSequenceOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> MrnRule.fromSequence(0));
        assertThrows(IllegalArgumentException.class, () -> MrnRule.fromSequence(1_000_000));
    }
}
