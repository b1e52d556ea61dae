package clinic.threshold.domain.patient;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user typed into a search box, split into tokens that each must match some field.
 * A token that reads as a date matches the date of birth; a token of digits matches a phone number
 * (from the start or from the end) or an MRN; any other token matches the start of a name or an MRN.
 */
public record SearchTerms(List<Token> tokens) {

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("d.M.uuuu", Locale.ROOT));

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
            LocalDate date = parseDate(raw);
            if (date != null) {
                tokens.add(new DateToken(date));
            } else if (raw.matches("[\\d()+.\\-]+") && Text.digits(raw) != null
                    && Text.digits(raw).length() >= MIN_PHONE_DIGITS) {
                tokens.add(new DigitsToken(Text.digits(raw)));
            } else {
                tokens.add(new NameToken(raw.toUpperCase(Locale.ROOT)));
            }
        }
        return new SearchTerms(List.copyOf(tokens));
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    private static LocalDate parseDate(String raw) {
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(raw, f);
            } catch (DateTimeParseException e) {
                // not this format; try the next
            }
        }
        return null;
    }
}
