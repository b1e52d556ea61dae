package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.CourseBookingPlan;
import clinic.threshold.domain.schedule.CourseToBook;
import clinic.threshold.domain.schedule.DaySchedule;
import clinic.threshold.domain.schedule.Technician;
import clinic.threshold.domain.schedule.WaitlistEntry;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.IsoDateConverter;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The schedule: a day with a column per chair (drag to move, drag the lower edge to resize), a week, a month or a
 * technician's day; beside it the courses waiting to be booked, the courses a change has put out of line (re-flow)
 * and the waitlist.
 */
public final class ScheduleView {
    /** How often the screen looks for other workstations' changes (ADR 0025). */
    static final int REFRESH_SECONDS = 4;
    private final ScheduleViewModel vm;
    private final DialogService dialogs;
    private final ScheduleDialogs forms;
    @FXML private Button prevButton;
    @FXML private DatePicker datePicker;
    @FXML private Label scheduleTitle;
    @FXML private ToggleButton dayMode;
    @FXML private ToggleButton weekMode;
    @FXML private ToggleButton monthMode;
    @FXML private ToggleButton techMode;
    @FXML private ComboBox<Technician> technicianBox;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private ScrollPane centre;
    @FXML private ListView<CourseToBook> toBookList;
    @FXML private Button bookCourseButton;
    @FXML private Label reflowLabel;
    @FXML private ListView<CourseBookingPlan> reflowList;
    @FXML private Button reflowButton;
    @FXML private ListView<WaitlistEntry> waitList;
    @FXML private Button whoFitsButton;
    @FXML private Button visitButton;
    @FXML private Label scheduleMessage;
    private DayGrid grid;
    /** Held here: a listener only the scene graph refers to would be collected with its binding. */
    private final ChangeListener<Object> redraw = (o, a, b) -> draw();

    public ScheduleView(ScheduleViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.forms = new ScheduleDialogs(vm);
    }

    @FXML
    private void initialize() {
        boolean book = vm.mayBook();
        grid = new DayGrid((a, chair, start, minutes) -> vm.move(a, chair, a.date(), start, minutes), vm::arrive,
                a -> forms.cancel(centre.getScene().getWindow(), a), book);
        ToggleGroup modes = new ToggleGroup();
        for (ToggleButton t : List.of(dayMode, weekMode, monthMode, techMode)) {
            t.setToggleGroup(modes);
        }
        dayMode.setSelected(true);
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            vm.modeProperty().set(b == weekMode ? ScheduleViewModel.Mode.WEEK : b == monthMode ? ScheduleViewModel.Mode.MONTH
                    : b == techMode ? ScheduleViewModel.Mode.TECHNICIAN : ScheduleViewModel.Mode.DAY);
        });
        datePicker.setConverter(new IsoDateConverter());
        datePicker.valueProperty().bindBidirectional(vm.dateProperty());
        vm.dateProperty().addListener((o, a, b) -> vm.loadShown());
        vm.modeProperty().addListener((o, a, b) -> {
            technicianBox.setVisible(b == ScheduleViewModel.Mode.TECHNICIAN);
            vm.loadShown();
        });
        technicianBox.setVisible(false);
        technicianBox.setCellFactory(l -> new NamedCell<>(Technician::name));
        technicianBox.setButtonCell(new NamedCell<>(Technician::name));
        technicianBox.valueProperty().addListener(redraw);
        vm.resourcesProperty().addListener((o, a, r) -> {
            Technician chosen = technicianBox.getValue();
            technicianBox.getItems().setAll(r.technicians().stream().filter(Technician::active).toList());
            technicianBox.setValue(chosen == null ? technicianBox.getItems().stream().findFirst().orElse(null)
                    : technicianBox.getItems().stream().filter(t -> t.id() == chosen.id()).findFirst().orElse(null));
        });
        vm.loadsProperty().addListener(redraw);
        vm.flagsMayRedraw(this::quiet);
        centre.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getWidth() != b.getWidth() && vm.modeProperty().get() == ScheduleViewModel.Mode.DAY) {
                draw();
            }
        });
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        scheduleMessage.textProperty().bind(vm.messageProperty());
        vm.errorProperty().addListener((o, a, b) -> style(b));
        for (ListView<?> l : List.of(toBookList, reflowList, waitList)) {
            l.getStyleClass().add("wrapping-list");
        }
        toBookList.setItems(vm.toBook());
        toBookList.setCellFactory(l -> new NamedCell<>(c -> Messages.get("schedule.toBook.line", c.patientName(),
                c.protocolName(), c.sessions(), c.firstDay())));
        toBookList.setPlaceholder(new Label(Messages.get("schedule.toBook.none")));
        reflowList.setItems(vm.reflow());
        reflowList.setCellFactory(l -> new NamedCell<>(p -> ScheduleDialogs.summary(p)));
        reflowList.setPlaceholder(new Label(Messages.get("schedule.reflow.none")));
        reflowLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("schedule.reflow.title", vm.reflow().size()), vm.reflow()));
        waitList.setItems(vm.waitlist());
        waitList.setCellFactory(l -> new NamedCell<>(w -> Messages.get("schedule.waitlist.line", w.patientName(), w.protocolCode(),
                w.joinedOn(), w.preference().earliest(), w.preference().latest())));
        waitList.setPlaceholder(new Label(Messages.get("schedule.waitlist.none")));
        // A course to book, or one listed under re-flow (to give it another window when sessions found no place).
        bookCourseButton.disableProperty().bind(toBookList.getSelectionModel().selectedItemProperty().isNull()
                .and(reflowList.getSelectionModel().selectedItemProperty().isNull()));
        toBookList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                reflowList.getSelectionModel().clearSelection();
            }
        });
        reflowList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                toBookList.getSelectionModel().clearSelection();
            }
        });
        bookCourseButton.setVisible(book);
        reflowButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.reflow()));
        reflowButton.setVisible(book);
        visitButton.setVisible(book);
        if (book) {
            javafx.scene.control.MenuItem started = new javafx.scene.control.MenuItem(Messages.get("schedule.waitlist.started"));
            started.setOnAction(e -> selectedWaiting().ifPresent(w -> vm.leaveWaitlist(w, true, null)));
            javafx.scene.control.MenuItem removed = new javafx.scene.control.MenuItem(Messages.get("schedule.waitlist.remove"));
            removed.setOnAction(e -> selectedWaiting().ifPresent(w -> dialogs.askText(Messages.get("schedule.waitlist.remove"),
                    w.patientName(), Messages.get("schedule.field.reason")).ifPresent(r -> vm.leaveWaitlist(w, false, r))));
            waitList.setContextMenu(new javafx.scene.control.ContextMenu(started, removed));
        }
        whoFitsButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.waitlist()));
        watchOtherWorkstations();
        vm.load();
    }

    /**
     * Other workstations book and move sessions too (issue 13): while this screen is shown it checks every few seconds
     * whether the days on screen changed, and redraws them; never in the middle of a drag.
     */
    private void watchOtherWorkstations() {
        clinic.threshold.ui.common.WhileInScene.every(datePicker, REFRESH_SECONDS, () -> {
            if (quiet()) {
                vm.refreshIfChanged(this::quiet);
            }
        });
    }

    /** No session being dragged or resized: a redraw now would pull it from under the pointer. */
    private boolean quiet() {
        return datePicker.getScene() != null && datePicker.getScene().lookup(".appt-dragging") == null;
    }

    private java.util.Optional<WaitlistEntry> selectedWaiting() {
        return java.util.Optional.ofNullable(waitList.getSelectionModel().getSelectedItem());
    }

    private void style(boolean error) {
        scheduleMessage.getStyleClass().removeAll("danger", "success");
        scheduleMessage.getStyleClass().add(error ? "danger" : "success");
    }

    private void draw() {
        ScheduleViewModel.Mode m = vm.modeProperty().get();
        scheduleTitle.setText(title(m));
        switch (m) {
            case DAY -> {
                DaySchedule d = vm.dayProperty().get();
                if (d != null && d.date().equals(vm.dateProperty().get())) {
                    grid.show(d, centre.getViewportBounds().getWidth());
                    centre.setContent(grid);
                    centre.setFitToWidth(false);
                }
            }
            case TECHNICIAN -> {
                DaySchedule d = vm.dayProperty().get();
                Technician t = technicianBox.getValue();
                centre.setFitToWidth(true);
                centre.setContent(d == null ? new VBox() : TechnicianDay.of(d, t));
            }
            case WEEK -> {
                centre.setFitToWidth(true);
                centre.setContent(RangeViews.week(ScheduleViewModel.from(vm.dateProperty().get(), m), List.copyOf(vm.range()),
                        this::openDay));
            }
            case MONTH -> {
                centre.setFitToWidth(true);
                centre.setContent(RangeViews.month(vm.dateProperty().get(), ScheduleViewModel.from(vm.dateProperty().get(), m),
                        ScheduleViewModel.to(vm.dateProperty().get(), m), List.copyOf(vm.range()), this::openDay));
            }
            default -> throw new IllegalStateException(m.name());
        }
    }

    private String title(ScheduleViewModel.Mode m) {
        var d = vm.dateProperty().get();
        return switch (m) {
            case MONTH -> d.format(DateTimeFormatter.ofPattern("MMMM yyyy"));
            case WEEK -> Messages.get("schedule.weekOf", ScheduleViewModel.from(d, m).format(DateTimeFormatter.ofLocalizedDate(
                    FormatStyle.MEDIUM)));
            default -> d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL));
        };
    }

    private void openDay(java.time.LocalDate d) {
        vm.dateProperty().set(d);
        dayMode.setSelected(true);
    }

    @FXML
    private void onPrev() {
        vm.step(-1);
    }

    @FXML
    private void onNext() {
        vm.step(1);
    }

    @FXML
    private void onToday() {
        vm.dateProperty().set(vm.today());
    }

    @FXML
    private void onBookCourse() {
        CourseToBook c = toBookList.getSelectionModel().getSelectedItem();
        CourseBookingPlan p = reflowList.getSelectionModel().getSelectedItem();
        if (c != null) {
            forms.bookCourse(centre.getScene().getWindow(), c, null);
        } else if (p != null) {
            forms.bookCourse(centre.getScene().getWindow(), new CourseToBook(p.courseId(), p.patientId(), p.patientName(),
                    p.protocolName(), p.result().kept().size() + p.result().moved().size() + p.result().placed().size()
                    + p.result().unplaced().size(), p.result().kept().stream().map(b -> b.day()).min(java.time.LocalDate::compareTo)
                    .orElse(vm.today())), p.preference());
        }
    }

    @FXML
    private void onReflow() {
        forms.reflow(centre.getScene().getWindow(), List.copyOf(vm.reflow()));
    }

    @FXML
    private void onWhoFits() {
        forms.whoFits(centre.getScene().getWindow());
    }

    @FXML
    private void onBookVisit() {
        forms.visit(centre.getScene().getWindow());
    }

    @FXML
    private void onCapacity() {
        forms.capacity(centre.getScene().getWindow());
    }

    @FXML
    private void onRunSheet() {
        dialogs.chooseSaveFile(Messages.get("schedule.runSheet"), "run-sheet-" + vm.dateProperty().get() + ".pdf")
                .ifPresent(vm::saveRunSheet);
    }

    @FXML
    private void onReminders() {
        var day = vm.dateProperty().get().plusDays(1);
        dialogs.chooseSaveFile(Messages.get("schedule.reminders"), "reminders-" + day + ".csv")
                .ifPresent(p -> vm.saveReminders(day, p));
    }

    /** A list cell showing one line of text for its item. */
    static class NamedCell<T> extends ListCell<T> {
        private final java.util.function.Function<T, String> text;

        NamedCell(java.util.function.Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
            if (getListView() != null && getListView().getStyleClass().contains("wrapping-list")) {
                // Side lists are narrow: whole lines wrap instead of running off under a scroll bar.
                setWrapText(true);
                setPrefWidth(0);
            }
        }
    }

    static Comparator<Appointment> byTime() {
        return Comparator.comparing(Appointment::start).thenComparing(a -> a.chairName() == null ? "" : a.chairName());
    }
}
