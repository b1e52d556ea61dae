package clinic.threshold.service.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * An RFC 5545 calendar of appointments in the clinic's time zone: local start and end times with a TZID, and the
 * VTIMEZONE that TZID must name (the zone's offset changes over the span of the events, from the Java zone rules,
 * so that a calendar program that does not know the zone by name still places them right). Text is escaped,
 * lines end in CRLF and are folded at 75 octets without splitting a character.
 */
final class IcsWriter {
    static final String PRODID = "-//Threshold//Schedule//EN";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** One appointment as an event; {@code sequence} rises with each change so an import updates the old copy. */
    record Event(String uid, int sequence, LocalDateTime start, LocalDateTime end, String summary, String location) {
    }

    private IcsWriter() {
    }

    /** The calendar; its time zone covers {@code from} to the last event (always one component, as RFC 5545 asks). */
    static String calendar(ZoneId zone, Instant stamp, LocalDate from, List<Event> events) {
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "PRODID:" + PRODID);
        line(b, "VERSION:2.0");
        line(b, "CALSCALE:GREGORIAN");
        line(b, "METHOD:PUBLISH");
        LocalDate to = events.stream().map(e -> e.end().toLocalDate()).max(LocalDate::compareTo).orElse(from);
        timeZone(b, zone, from, to.isBefore(from) ? from : to);
        String dtstamp = LOCAL.format(LocalDateTime.ofInstant(stamp, ZoneOffset.UTC)) + "Z";
        String tzid = ";TZID=" + zone.getId() + ":";
        for (Event e : events) {
            line(b, "BEGIN:VEVENT");
            line(b, "UID:" + e.uid());
            line(b, "DTSTAMP:" + dtstamp);
            line(b, "SEQUENCE:" + e.sequence());
            line(b, "DTSTART" + tzid + LOCAL.format(e.start()));
            line(b, "DTEND" + tzid + LOCAL.format(e.end()));
            line(b, "SUMMARY:" + escape(e.summary()));
            if (e.location() != null && !e.location().isBlank()) {
                line(b, "LOCATION:" + escape(e.location()));
            }
            line(b, "STATUS:CONFIRMED");
            line(b, "TRANSP:OPAQUE");
            line(b, "END:VEVENT");
        }
        line(b, "END:VCALENDAR");
        return b.toString();
    }

    /**
     * The observance in force on {@code from} and each change up to {@code to}, as one-off STANDARD and DAYLIGHT
     * parts; a zone that never changes gets one fixed STANDARD part.
     */
    private static void timeZone(StringBuilder b, ZoneId zone, LocalDate from, LocalDate to) {
        ZoneRules rules = zone.getRules();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        line(b, "BEGIN:VTIMEZONE");
        line(b, "TZID:" + zone.getId());
        ZoneOffsetTransition t = rules.previousTransition(start);
        if (t == null) {
            ZoneOffset fixed = rules.getOffset(start);
            observance(b, "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), fixed, fixed);
        }
        for (; t != null && t.getInstant().isBefore(end); t = rules.nextTransition(t.getInstant())) {
            observance(b, rules.isDaylightSavings(t.getInstant()) ? "DAYLIGHT" : "STANDARD", t.getDateTimeBefore(),
                    t.getOffsetBefore(), t.getOffsetAfter());
        }
        line(b, "END:VTIMEZONE");
    }

    private static void observance(StringBuilder b, String kind, LocalDateTime onset, ZoneOffset before, ZoneOffset after) {
        line(b, "BEGIN:" + kind);
        line(b, "DTSTART:" + LOCAL.format(onset));
        line(b, "TZOFFSETFROM:" + offset(before));
        line(b, "TZOFFSETTO:" + offset(after));
        line(b, "END:" + kind);
    }

    /** "-0800": RFC 5545 UTC offsets have no colon (and seconds only when there are any). */
    static String offset(ZoneOffset o) {
        int s = o.getTotalSeconds();
        int abs = Math.abs(s);
        String out = String.format("%s%02d%02d", s < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? out : out + String.format("%02d", abs % 60);
    }

    /** TEXT value escaping: backslash, semicolon, comma and line breaks; other control characters become spaces. */
    static String escape(String text) {
        String t = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder b = new StringBuilder();
        for (char c : t.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                default -> b.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String content) {
        b.append(fold(content));
    }

    /** The content line ended by CRLF, broken before it would pass 75 octets; each continuation starts with a space. */
    static String fold(String line) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + n > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        return out.append("\r\n").toString();
    }
}
