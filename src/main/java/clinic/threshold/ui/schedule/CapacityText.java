package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Capacity;
import clinic.threshold.i18n.Messages;
import java.time.format.DateTimeFormatter;

/** The week's capacity as a plain table: per chair and day, then by hour of day across chairs. */
final class CapacityText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

    private CapacityText() {
    }

    static String of(ScheduleViewModel.Capacity c) {
        StringBuilder s = new StringBuilder(Messages.get("schedule.capacity.byChair")).append('\n');
        for (Capacity.ChairDay d : c.byChair()) {
            if (d.availableMinutes() == 0 && d.bookedMinutes() == 0) {
                continue;
            }
            s.append(String.format("%-10s %-18s %5d / %5d min  %3d%%%n", d.day().format(DAY), d.chair().name(), d.bookedMinutes(),
                    d.availableMinutes(), d.percentBooked()));
        }
        s.append('\n').append(Messages.get("schedule.capacity.byHour")).append('\n');
        for (Capacity.Hour h : c.byHour()) {
            int pct = h.availableMinutes() == 0 ? 0 : h.bookedMinutes() * 100 / h.availableMinutes();
            s.append(String.format("%s  %5d / %5d min  %3d%%%n", h.from(), h.bookedMinutes(), h.availableMinutes(), pct));
        }
        return s.toString();
    }
}
