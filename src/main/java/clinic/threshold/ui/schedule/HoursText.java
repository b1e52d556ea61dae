package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.schedule.TimeRange;
import clinic.threshold.domain.schedule.WeeklyHours;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weekly hours as typed, one stretch a line: "Mon 07:00-19:00", "Mon-Fri 08:00-12:00". The service checks the
 * stretches (order, overlaps); this only reads the words.
 */
final class HoursText {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private HoursText() {
    }

    /** One line per run of weekdays with the same hours: "Mon-Fri 07:00-19:00". */
    static String format(WeeklyHours h) {
        if (h == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        DayOfWeek runStart = null;
        DayOfWeek prev = null;
        for (DayOfWeek d : DayOfWeek.values()) {
            boolean same = prev != null && !h.on(d).isEmpty() && h.on(d).equals(h.on(prev));
            if (!same && runStart != null) {
                add(lines, h, runStart, prev);
                runStart = null;
            }
            if (runStart == null && !h.on(d).isEmpty()) {
                runStart = d;
            }
            prev = d;
        }
        if (runStart != null) {
            add(lines, h, runStart, DayOfWeek.SUNDAY);
        }
        return String.join("\n", lines);
    }

    private static void add(List<String> lines, WeeklyHours h, DayOfWeek from, DayOfWeek to) {
        String days = name(from) + (from == to ? "" : "-" + name(to));
        for (TimeRange r : h.on(from)) {
            lines.add(days + " " + r.from().format(HM) + "-" + r.to().format(HM));
        }
    }

    private static String name(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    static List<HoursRow> parse(String text) throws DialogFields.InputException {
        List<HoursRow> out = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("\\R")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String[] times = parts.length == 2 ? parts[1].split("[-\u2013]") : new String[0];
            if (times.length != 2) {
                throw new DialogFields.InputException(Messages.get("schedule.hours.bad", n, line));
            }
            LocalTime from = time(times[0], n, line);
            LocalTime to = time(times[1], n, line);
            for (DayOfWeek d : days(parts[0], n, line)) {
                out.add(new HoursRow(d, from, to));
            }
        }
        return out;
    }

    private static List<DayOfWeek> days(String word, int n, String line) throws DialogFields.InputException {
        String[] ends = word.split("-");
        DayOfWeek first = day(ends[0], n, line);
        DayOfWeek last = ends.length == 2 ? day(ends[1], n, line) : first;
        if (ends.length > 2 || last.getValue() < first.getValue()) {
            throw new DialogFields.InputException(Messages.get("schedule.hours.bad", n, line));
        }
        List<DayOfWeek> out = new ArrayList<>();
        for (int v = first.getValue(); v <= last.getValue(); v++) {
            out.add(DayOfWeek.of(v));
        }
        return out;
    }

    private static DayOfWeek day(String w, int n, String line) throws DialogFields.InputException {
        String key = w.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (key.length() >= 2 && d.name().toLowerCase(Locale.ROOT).startsWith(key)) {
                return d;
            }
        }
        throw new DialogFields.InputException(Messages.get("schedule.hours.bad", n, line));
    }

    private static LocalTime time(String t, int n, String line) throws DialogFields.InputException {
        try {
            String s = t.strip();
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            throw new DialogFields.InputException(Messages.get("schedule.hours.bad", n, line));
        }
    }
}
