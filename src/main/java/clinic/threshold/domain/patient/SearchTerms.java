package clinic.threshold.domain.patient;

import clinic.threshold.domain.common.DateInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user typed into a search box, split into tokens that each must match some field.
 * A token that reads as a date matches the date of birth; a token of digits matches a phone number
 * (from the start or from the end) or an MRN; any other token matches the start of a name or an MRN.
 */
public record SearchTerms(List<Token> tokens) {

    /** Shortest digit run treated as part of a phone number, so that "3" does not match half the registry. */
    private static final int MIN_PHONE_DIGITS = 3;

    public sealed interface Token permits NameToken, DigitsToken, DateToken {
    }

    /** Upper-cased prefix of a name or MRN. */
    public record NameToken(String prefix) implements Token {
    }

    /** A run of digits: phone prefix or suffix, or MRN fragment. */
    public record DigitsToken(String digits) implements Token {
    }

    public record DateToken(LocalDate date) implements Token {
    }

    public static SearchTerms parse(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return new SearchTerms(tokens);
        }
        for (String raw : text.strip().split("[\\s,]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            LocalDate date = DateInput.parse(raw).orElse(null);
            if (date != null) {
                tokens.add(new DateToken(date));
            } else if (raw.matches("[\\d()+.\\-]+") && Text.digits(raw) != null
                    && Text.digits(raw).length() >= MIN_PHONE_DIGITS) {
                tokens.add(new DigitsToken(Text.digits(raw)));
            } else {
                // "garcía-lópez" stays one token, GARCIA LOPEZ, matching the start of the stored key.
                tokens.add(new NameToken(Text.nameKey(raw)));
            }
        }
        return new SearchTerms(List.copyOf(tokens));
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
