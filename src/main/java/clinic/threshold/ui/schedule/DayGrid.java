package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.Chair;
import clinic.threshold.domain.schedule.DaySchedule;
import clinic.threshold.domain.schedule.SessionFlags;
import clinic.threshold.domain.schedule.TimeRange;
import clinic.threshold.i18n.Messages;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

/**
 * The day with one column per chair (and one for visits with a clinician and a room): appointments as blocks at
 * their time, coloured by protocol and status. A block can be dragged to another time or chair, or resized from
 * its lower edge; where it lands is snapped to 5 minutes and handed to {@link Mover}, which checks it (a refused
 * move is re-drawn where it was).
 */
final class DayGrid extends Pane {
    static final double GUTTER = 56;
    static final double HEADER = 30;
    static final double PX_PER_MIN = 1.4;
    static final int SNAP = 5;
    static final double MIN_COLUMN = 150;
    private static final double EDGE = 7;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    /** What a finished drag asks for: the appointment, its chair (null for a visit), start and length. */
    interface Mover {
        void move(Appointment a, Long chairId, LocalTime start, int minutes);
    }

    private final Mover mover;
    private final Consumer<Appointment> arrive;
    private final Consumer<Appointment> cancel;
    private final boolean editable;
    private List<Long> columns = List.of();
    private LocalTime first = LocalTime.of(7, 0);
    private double columnWidth = MIN_COLUMN;

    DayGrid(Mover mover, Consumer<Appointment> arrive, Consumer<Appointment> cancel, boolean editable) {
        this.mover = mover;
        this.arrive = arrive;
        this.cancel = cancel;
        this.editable = editable;
        getStyleClass().add("day-grid");
        setId("dayGrid");
    }

    /** Draws the day; the chair columns share {@code width} (at least {@link #MIN_COLUMN} each). */
    void show(DaySchedule d, double width) {
        getChildren().clear();
        List<Chair> chairs = d.chairs();
        columns = new ArrayList<>(chairs.stream().map(Chair::id).toList());
        boolean visits = d.appointments().stream().anyMatch(a -> a.chairId() == null);
        if (visits) {
            columns.add(null);
        }
        columnWidth = Math.max(MIN_COLUMN, (width - GUTTER - 12) / Math.max(1, columns.size()));
        LocalTime from = d.hours().stream().map(TimeRange::from).min(LocalTime::compareTo).orElse(LocalTime.of(7, 0));
        LocalTime to = d.hours().stream().map(TimeRange::to).max(LocalTime::compareTo).orElse(LocalTime.of(19, 0));
        for (Appointment a : d.appointments()) {
            from = a.start().isBefore(from) ? a.start() : from;
            to = a.end().isAfter(to) ? a.end() : to;
        }
        first = from.withMinute(0);
        int minutes = (int) java.time.Duration.between(first, to).toMinutes() + 30;
        double height = HEADER + minutes * PX_PER_MIN;
        setPrefSize(GUTTER + Math.max(1, columns.size()) * columnWidth + 1, height);
        setMinHeight(height);
        for (int i = 0; i < columns.size(); i++) {
            Long id = columns.get(i);
            Label h = new Label(id == null ? Messages.get("schedule.visits")
                    : chairs.stream().filter(c -> c.id() == id).map(Chair::name).findFirst().orElse("?"));
            h.getStyleClass().add("day-grid-header");
            h.relocate(GUTTER + i * columnWidth + 6, 6);
            getChildren().add(h);
            if (id != null) {
                d.absences().stream().filter(a -> a.kind() == Absence.Kind.CHAIR && a.resourceId() == id).findFirst()
                        .ifPresent(a -> shade(columns.indexOf(id), a.reason(), height));
            }
        }
        for (int m = 0; m <= minutes; m += 30) {
            double y = HEADER + m * PX_PER_MIN;
            Line line = new Line(GUTTER, y, GUTTER + columns.size() * columnWidth, y);
            line.getStyleClass().add(m % 60 == 0 ? "day-grid-hour" : "day-grid-half");
            getChildren().add(line);
            if (m % 60 == 0) {
                Label t = new Label(first.plusMinutes(m).format(HM));
                t.getStyleClass().add("day-grid-time");
                t.relocate(6, y - 8);
                getChildren().add(t);
            }
        }
        if (!d.open()) {
            Label closed = new Label(Messages.get("schedule.closedDay"));
            closed.getStyleClass().addAll("day-grid-closed", "text-muted");
            closed.relocate(GUTTER + 12, HEADER + 12);
            getChildren().add(closed);
        }
        for (Appointment a : d.appointments()) {
            int col = columns.indexOf(a.chairId());
            if (col >= 0) {
                Label b = block(a, col, d.flags().getOrDefault(a.id(), SessionFlags.NONE));
                if (d.flags().containsKey(a.id())) {
                    b.getStyleClass().add("appt-flags-read"); // the flags follow the day: this block has its answer
                }
                getChildren().add(b);
            }
        }
    }

    private void shade(int col, String reason, double height) {
        Region r = new Region();
        r.getStyleClass().add("day-grid-out");
        r.resizeRelocate(GUTTER + col * columnWidth, HEADER, columnWidth, height - HEADER);
        Label l = new Label(Messages.get("schedule.chairOut", reason));
        l.getStyleClass().add("text-muted");
        l.relocate(GUTTER + col * columnWidth + 6, HEADER + 4);
        getChildren().addAll(r, l);
    }

    private Label block(Appointment a, int col, SessionFlags flags) {
        String due = flags(flags);
        Label b = new Label(text(a) + (due.isEmpty() ? "" : "\n" + due));
        b.setId("appt-" + a.id());
        b.getStyleClass().addAll("appt", "appt-" + a.status().name().toLowerCase(java.util.Locale.ROOT));
        if (a.protocolCode() != null) {
            b.getStyleClass().add("appt-protocol-" + a.protocolCode().toLowerCase(java.util.Locale.ROOT));
        }
        b.setWrapText(true);
        b.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        double y = y(a.start());
        b.resizeRelocate(x(col) + 2, y, columnWidth - 4, Math.max(14, a.minutes() * PX_PER_MIN - 1));
        b.setManaged(false);
        b.setTooltip(new Tooltip(tooltip(a) + (due.isEmpty() ? "" : "\n" + due)));
        if (editable && a.status().live()) {
            drag(b, a, col);
            ContextMenu menu = new ContextMenu();
            MenuItem arrived = new MenuItem(Messages.get("schedule.action.arrived"));
            arrived.setOnAction(e -> arrive.accept(a));
            MenuItem cancelled = new MenuItem(Messages.get("schedule.action.cancel"));
            cancelled.setOnAction(e -> cancel.accept(a));
            menu.getItems().addAll(arrived, cancelled);
            b.setContextMenu(menu);
        }
        return b;
    }

    static String text(Appointment a) {
        String what = a.kind() == clinic.threshold.domain.schedule.AppointmentKind.TMS
                ? Messages.get("schedule.block.tms", a.protocolName(), a.sessionNumber() == null ? "" : a.sessionNumber())
                : Messages.label(a.kind()) + " \u00b7 " + a.clinician() + ", " + a.room();
        return a.start().format(HM) + "  " + a.patientName() + "\n" + what;
    }

    /** What the session needs besides itself, as the run sheet says it: MT due, scale due or overdue. */
    static String flags(SessionFlags f) {
        List<String> out = new ArrayList<>();
        if (f.mtDue()) {
            out.add(Messages.get("schedule.export.mtDue"));
        }
        if (f.scaleDue()) {
            out.add(Messages.get(f.scaleOverdue() ? "schedule.block.scaleOverdue" : "schedule.export.scaleDue"));
        }
        return String.join(" \u00b7 ", out);
    }

    private static String tooltip(Appointment a) {
        return text(a) + "\n" + Messages.label(a.status()) + (a.technicianName() == null ? "" : " \u00b7 " + a.technicianName());
    }

    /** Press inside: move; press on the lower edge: resize. Release hands the snapped result to the mover. */
    private void drag(Label b, Appointment a, int col) {
        double[] press = new double[4];
        boolean[] resize = new boolean[1];
        b.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            press[0] = e.getSceneX();
            press[1] = e.getSceneY();
            press[2] = b.getLayoutX();
            press[3] = b.getHeight();
            resize[0] = e.getY() > b.getHeight() - EDGE;
            b.toFront();
            b.getStyleClass().add("appt-dragging");
            e.consume();
        });
        b.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double dx = e.getSceneX() - press[0];
            double dy = e.getSceneY() - press[1];
            if (resize[0]) {
                b.resize(b.getWidth(), Math.max(SNAP * PX_PER_MIN, press[3] + dy));
            } else {
                b.setTranslateX(dx);
                b.setTranslateY(dy);
            }
            e.consume();
        });
        b.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            b.getStyleClass().remove("appt-dragging");
            double dx = e.getSceneX() - press[0];
            double dy = e.getSceneY() - press[1];
            b.setTranslateX(0);
            b.setTranslateY(0);
            if (Math.abs(dx) < 3 && Math.abs(dy) < 3) {
                return; // a click, not a drag
            }
            if (resize[0]) {
                int minutes = snap((press[3] + dy) / PX_PER_MIN);
                mover.move(a, a.chairId(), a.start(), Math.max(SNAP, minutes));
            } else {
                int newCol = (int) Math.floor((press[2] + dx + columnWidth / 2 - GUTTER) / columnWidth);
                newCol = Math.max(0, Math.min(columns.size() - 1, newCol));
                Long chair = columns.get(newCol);
                if ((chair == null) != (a.chairId() == null)) {
                    chair = a.chairId(); // a TMS session stays on a chair; a visit stays a visit
                }
                int startMinute = snap((y(a.start()) + dy - HEADER) / PX_PER_MIN);
                LocalTime start = first.plusMinutes(Math.max(0, startMinute));
                mover.move(a, chair, start, a.minutes());
            }
            e.consume();
        });
    }

    private static int snap(double minutes) {
        return (int) Math.round(minutes / SNAP) * SNAP;
    }

    double x(int col) {
        return GUTTER + col * columnWidth;
    }

    double y(LocalTime t) {
        return HEADER + java.time.Duration.between(first, t).toMinutes() * PX_PER_MIN;
    }
}
