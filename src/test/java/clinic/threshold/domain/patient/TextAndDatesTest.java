package clinic.threshold.domain.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.DateInput;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextAndDatesTest {

    @Test
    void nameKeysFoldAccentsApostrophesAndPunctuation() {
        assertEquals("MULLER", Text.nameKey("Müller"));
        assertEquals("OCONNOR", Text.nameKey("O'Connor"));
        assertEquals("OCONNOR", Text.nameKey("O\u2019Connor"));
        assertEquals("GARCIA LOPEZ", Text.nameKey(" García-López "));
        assertEquals("STRASSE", Text.nameKey("Straße"));
        assertEquals("NGUYEN", Text.nameKey("Nguyễn"));
    }

    @Test
    void searchWordsFoldTheSameWay() {
        assertEquals(java.util.List.of(new SearchTerms.NameToken("MULLER")), SearchTerms.parse("müller").tokens());
        assertEquals(java.util.List.of(new SearchTerms.NameToken("GARCIA LOPEZ")),
                SearchTerms.parse("garcia-lopez").tokens());
    }

    @Test
    void impossibleDatesAreRejectedNotRolledOver() {
        assertEquals(Optional.empty(), DateInput.parse("2/31/1980"));
        assertEquals(Optional.empty(), DateInput.parse("1980-02-30"));
        assertEquals(Optional.empty(), DateInput.parse("31.2.1980"));
        assertEquals(Optional.of(LocalDate.of(1980, 2, 29)), DateInput.parse("2/29/1980"));
        assertEquals(Optional.of(LocalDate.of(1980, 4, 23)), DateInput.parse("23.4.1980"));
        assertTrue(DateInput.parse("yesterday").isEmpty());
    }
}
