package clinic.threshold.ui.common;

import clinic.threshold.domain.common.DateInput;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.i18n.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Formatting and parsing of what screens show: dates in ISO form (unambiguous), statuses by name. */
public final class Formats {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Formats() {
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A moment as the clinic reads it: local date and time in {@code zone}, to the minute. */
    public static String dateTime(java.time.Instant t, java.time.ZoneId zone) {
        return t == null ? "" : DATE_TIME.format(t.atZone(zone));
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** Parses a typed date (see {@link DateInput}); null for blank; throws {@link DateTimeParseException} otherwise. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return DateInput.parse(text).orElseThrow(() -> new DateTimeParseException("not a date", text, 0));
    }

    public static String status(PatientStatus s) {
        return s == null ? "" : Messages.get("patient.status." + s.name());
    }

    public static String sex(Sex s) {
        return s == null ? "" : Messages.get("patient.sex." + s.name());
    }

    /** A dose or score without trailing zeros or exponent: 37.5, 150, 0.025. */
    public static String number(java.math.BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    public static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
