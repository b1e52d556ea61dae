package clinic.threshold.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.util.StringConverter;

/** DatePicker text in yyyy-MM-dd (also accepts M/d/yyyy); unreadable text gives no date rather than an error. */
public final class IsoDateConverter extends StringConverter<LocalDate> {
    @Override
    public String toString(LocalDate date) {
        return Formats.date(date);
    }

    @Override
    public LocalDate fromString(String text) {
        try {
            return Formats.parseDate(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
