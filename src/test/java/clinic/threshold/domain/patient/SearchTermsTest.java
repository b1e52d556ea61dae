package clinic.threshold.domain.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void splitsWordsIntoUpperCaseNamePrefixes() {
        assertEquals(List.of(new SearchTerms.NameToken("LOVE"), new SearchTerms.NameToken("ADA")),
                SearchTerms.parse("  love, ada ").tokens());
    }

    @Test
    void readsIsoAndUsDatesAsBirthDates() {
        LocalDate d = LocalDate.of(1980, 4, 23);
        assertEquals(List.of(new SearchTerms.DateToken(d)), SearchTerms.parse("1980-04-23").tokens());
        assertEquals(List.of(new SearchTerms.DateToken(d)), SearchTerms.parse("4/23/1980").tokens());
    }

    @Test
    void phoneLikeInputBecomesDigits() {
        assertEquals(List.of(new SearchTerms.DigitsToken("5552013344")), SearchTerms.parse("(555)201-3344").tokens());
        assertEquals(List.of(new SearchTerms.DigitsToken("3344")), SearchTerms.parse("3344").tokens());
    }

    @Test
    void shortDigitRunsAreNotPhoneSearches() {
        assertEquals(List.of(new SearchTerms.NameToken("12")), SearchTerms.parse("12").tokens());
    }

    @Test
    void mrnIsANamePrefix() {
        assertEquals(List.of(new SearchTerms.NameToken("TH00001")), SearchTerms.parse("th00001").tokens());
    }

    @Test
    void blankOrNullIsEmpty() {
        assertTrue(SearchTerms.parse(null).isEmpty());
        assertTrue(SearchTerms.parse("   ").isEmpty());
    }
}
