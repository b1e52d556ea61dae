package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentStatus;
import clinic.threshold.i18n.Messages;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The week (a column per day, each appointment a line) and the month (a cell per day with its counts); a day's
 * heading opens that day.
 */
final class RangeViews {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private RangeViews() {
    }

    static Node week(LocalDate from, List<Appointment> appts, Consumer<LocalDate> openDay) {
        GridPane g = grid(7);
        g.setId("weekGrid");
        Map<LocalDate, List<Appointment>> byDay = byDay(appts);
        for (int i = 0; i < 7; i++) {
            LocalDate d = from.plusDays(i);
            VBox col = new VBox(3);
            col.getStyleClass().add("range-day");
            List<Appointment> those = byDay.getOrDefault(d, List.of());
            Hyperlink h = new Hyperlink(Messages.get("schedule.week.day", d.getDayOfWeek().getDisplayName(TextStyle.SHORT,
                    Locale.getDefault()), d.getDayOfMonth(), live(those)));
            h.setOnAction(e -> openDay.accept(d));
            col.getChildren().add(h);
            for (Appointment a : those) {
                Label l = new Label(a.start().format(HM) + "  " + a.patientName() + "\n"
                        + (a.chairName() != null ? a.chairName() + " \u00b7 #" + a.sessionNumber() : a.room()));
                l.setWrapText(true);
                l.setTooltip(new javafx.scene.control.Tooltip(DayGrid.text(a)));
                l.getStyleClass().addAll("appt-line", "appt-" + a.status().name().toLowerCase(Locale.ROOT));
                if (a.protocolCode() != null) {
                    l.getStyleClass().add("appt-protocol-" + a.protocolCode().toLowerCase(Locale.ROOT));
                }
                l.setMaxWidth(Double.MAX_VALUE);
                col.getChildren().add(l);
            }
            g.add(col, i, 0);
        }
        return g;
    }

    static Node month(LocalDate month, LocalDate from, LocalDate to, List<Appointment> appts, Consumer<LocalDate> openDay) {
        GridPane g = grid(7);
        g.setId("monthGrid");
        for (int i = 0; i < 7; i++) {
            Label h = new Label(DayOfWeek.of(i + 1).getDisplayName(TextStyle.SHORT, Locale.getDefault()));
            h.getStyleClass().add("text-bold");
            g.add(h, i, 0);
        }
        Map<LocalDate, List<Appointment>> byDay = byDay(appts);
        int row = 1;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate day = d;
            VBox cell = new VBox(2);
            cell.getStyleClass().add("range-day");
            if (d.getMonth() != month.getMonth()) {
                cell.getStyleClass().add("range-other-month");
            }
            List<Appointment> those = byDay.getOrDefault(d, List.of());
            Hyperlink h = new Hyperlink(Integer.toString(d.getDayOfMonth()));
            h.setOnAction(e -> openDay.accept(day));
            cell.getChildren().add(h);
            if (!those.isEmpty()) {
                long missed = those.stream().filter(a -> a.status() == AppointmentStatus.MISSED).count();
                Label count = new Label(Messages.get("schedule.month.count", live(those) + done(those), missed));
                count.setWrapText(true);
                cell.getChildren().add(count);
            }
            g.add(cell, d.getDayOfWeek().getValue() - 1, row);
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                row++;
            }
        }
        return g;
    }

    private static long live(List<Appointment> a) {
        return a.stream().filter(x -> x.status().live()).count();
    }

    private static long done(List<Appointment> a) {
        return a.stream().filter(x -> x.status() == AppointmentStatus.DONE).count();
    }

    private static Map<LocalDate, List<Appointment>> byDay(List<Appointment> appts) {
        return appts.stream().collect(Collectors.groupingBy(Appointment::date, TreeMap::new, Collectors.toList()));
    }

    private static GridPane grid(int columns) {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.getStyleClass().add("range-grid");
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(c);
        }
        return g;
    }
}
