package clinic.threshold.ui.common;

import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.i18n.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Formatting and parsing of what screens show: dates in ISO form (unambiguous), statuses by name. */
public final class Formats {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final List<DateTimeFormatter> INPUT = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT));

    private Formats() {
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** Parses yyyy-MM-dd or M/d/yyyy; null for blank; throws {@link DateTimeParseException} otherwise. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        DateTimeParseException last = null;
        for (DateTimeFormatter f : INPUT) {
            try {
                return LocalDate.parse(text.strip(), f);
            } catch (DateTimeParseException e) {
                last = e;
            }
        }
        throw last;
    }

    public static String status(PatientStatus s) {
        return s == null ? "" : Messages.get("patient.status." + s.name());
    }

    public static String sex(Sex s) {
        return s == null ? "" : Messages.get("patient.sex." + s.name());
    }

    public static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
