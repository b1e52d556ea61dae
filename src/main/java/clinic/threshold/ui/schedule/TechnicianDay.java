package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.DaySchedule;
import clinic.threshold.domain.schedule.Technician;
import clinic.threshold.i18n.Messages;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A technician's day: their sessions in time order, with chair, patient, protocol and session number. */
final class TechnicianDay {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private TechnicianDay() {
    }

    static Node of(DaySchedule d, Technician t) {
        VBox box = new VBox(4);
        box.setId("technicianDay");
        if (t == null) {
            box.getChildren().add(new Label(Messages.get("schedule.tech.none")));
            return box;
        }
        List<Appointment> mine = d.appointments().stream().filter(a -> a.technicianId() != null && a.technicianId() == t.id())
                .sorted(ScheduleView.byTime()).toList();
        Label head = new Label(Messages.get("schedule.tech.title", t.name(), mine.stream().filter(a -> a.status().live()).count()));
        head.getStyleClass().add("title-4");
        box.getChildren().add(head);
        if (d.absences().stream().anyMatch(a -> a.kind() == clinic.threshold.domain.schedule.Absence.Kind.TECHNICIAN
                && a.resourceId() == t.id())) {
            Label away = new Label(Messages.get("schedule.tech.away"));
            away.getStyleClass().add("warning");
            box.getChildren().add(away);
        }
        for (Appointment a : mine) {
            Label l = new Label(Messages.get("schedule.tech.line", a.start().format(HM), a.end().format(HM), a.chairName(),
                    a.patientName(), a.protocolName(), a.sessionNumber() == null ? "" : a.sessionNumber(), Messages.label(a.status()))
                    + flags(d, a));
            l.getStyleClass().addAll("appt-line", "appt-" + a.status().name().toLowerCase(Locale.ROOT));
            l.setMaxWidth(Double.MAX_VALUE);
            box.getChildren().add(l);
        }
        if (mine.isEmpty()) {
            box.getChildren().add(new Label(Messages.get("schedule.tech.empty")));
        }
        return box;
    }

    /** The session's needs, as on the day view's block (MT due, scale due or overdue), after its line. */
    private static String flags(DaySchedule d, Appointment a) {
        String due = DayGrid.flags(d.flags().getOrDefault(a.id(), clinic.threshold.domain.schedule.SessionFlags.NONE));
        return due.isEmpty() ? "" : "  \u00b7  " + due;
    }
}
