package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Booking;
import clinic.threshold.domain.schedule.BookingCheck;
import clinic.threshold.domain.schedule.Conflict;
import clinic.threshold.domain.schedule.ScheduleConflictException;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.ViolationText;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** A refused booking in words: "Chair 2 is booked 08:00–08:45 for another patient. Free: Chair 1 at 08:00; …". */
final class ConflictText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ConflictText() {
    }

    static String of(Conflict c) {
        return Messages.withValues(c.messageKey(), c.args());
    }

    static String of(BookingCheck check, ScheduleResources r) {
        String why = check.conflicts().stream().map(ConflictText::of).collect(Collectors.joining("; "));
        String text = Messages.get("schedule.refused", why);
        if (!check.alternatives().isEmpty() && r != null) {
            text += " " + Messages.get("schedule.alternatives", alternatives(check.alternatives(), r));
        }
        return text;
    }

    static String alternatives(List<Booking> alternatives, ScheduleResources r) {
        return alternatives.stream().map(b -> Messages.get("schedule.alternative", r.chairName(b.chairId()),
                b.start().format(TIME), r.technicianName(b.technicianId()))).collect(Collectors.joining("; "));
    }

    /** Any failure of a schedule action: conflicts with alternatives, refused input with its field, or the error. */
    static String failure(Throwable t, ScheduleResources r) {
        if (t instanceof ScheduleConflictException e) {
            return of(e.check(), r);
        }
        return ViolationText.of(t, f -> ViolationText.label("schedule.field.", f));
    }
}
