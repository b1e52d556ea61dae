package clinic.threshold.ui.schedule;

import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.schedule.Booking;
import clinic.threshold.domain.schedule.Chair;
import clinic.threshold.domain.schedule.CourseBookingPlan;
import clinic.threshold.domain.schedule.CourseToBook;
import clinic.threshold.domain.schedule.Placement;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.schedule.Reflow;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.FormDialog;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * The schedule's forms: book a whole course (with its plan shown as you change the window), review and apply
 * re-flows, cancel an appointment, book a visit, see who on the waitlist fits, and the week's capacity.
 */
final class ScheduleDialogs {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");
    private final ScheduleViewModel vm;

    ScheduleDialogs(ScheduleViewModel vm) {
        this.vm = vm;
    }

    /** One line for a plan: who, and what would change. */
    static String summary(CourseBookingPlan p) {
        Reflow.Result r = p.result();
        List<String> parts = new ArrayList<>();
        part(parts, "schedule.plan.kept", r.kept().size());
        part(parts, "schedule.plan.moved", r.moved().size());
        part(parts, "schedule.plan.new", r.placed().size());
        part(parts, "schedule.plan.cancelled", r.cancelled().size());
        part(parts, "schedule.plan.renumbered", r.renumbered());
        part(parts, "schedule.plan.notPlaced", r.unplaced().size());
        return Messages.get("schedule.plan.summary", p.patientName(), String.join(", ", parts));
    }

    /** Only what is there: "23 kept, 1 moved", not "0 new, 0 cancelled". */
    private static void part(List<String> parts, String key, int n) {
        if (n > 0) {
            parts.add(Messages.get(key, n));
        }
    }

    /** @param saved the course's saved preference when it is already booked (null for a course not yet booked) */
    void bookCourse(Window owner, CourseToBook c, Preference saved) {
        FormDialog f = new FormDialog(owner, Messages.get("schedule.book.title", c.patientName()), "book-ok", 620);
        f.line(FormDialog.note(Messages.get("schedule.book.intro", c.protocolName(), c.sessions(), c.firstDay()), "text-muted"));
        if (saved != null) {
            f.line(FormDialog.note(Messages.get("schedule.book.keeps"), "text-muted"));
        }
        TextField earliest = time("book-earliest", saved == null ? "08:00" : saved.earliest().format(HM));
        TextField latest = time("book-latest", saved == null ? "10:00" : saved.latest().format(HM));
        f.row("schedule.field.earliest", earliest, "schedule.field.latest", latest);
        ComboBox<Chair> chair = chairs("book-chair");
        if (saved != null && saved.chairId() != null) {
            chair.getItems().stream().filter(x -> x != null && x.id() == saved.chairId()).findFirst().ifPresent(chair::setValue);
        }
        f.row("schedule.field.chair", chair);
        javafx.scene.layout.FlowPane days = new javafx.scene.layout.FlowPane(10, 4);
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            javafx.scene.control.CheckBox b = new javafx.scene.control.CheckBox(
                    d.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.getDefault()));
            b.setId("book-day-" + d.name());
            b.setUserData(d);
            b.setSelected(saved != null && saved.days().contains(d));
            days.getChildren().add(b);
        }
        f.row("schedule.field.days", days);
        f.line(FormDialog.note(Messages.get("schedule.book.daysHint"), "text-muted"));
        TextArea preview = new TextArea();
        preview.setId("book-preview");
        preview.setEditable(false);
        preview.setPrefRowCount(12);
        preview.setWrapText(true);
        f.bottom(preview);
        CourseBookingPlan[] plan = new CourseBookingPlan[1];
        int[] asked = new int[1]; // previews may come back out of order: only the newest one is shown and applied
        Runnable refresh = () -> {
            plan[0] = null;
            int ask = ++asked[0];
            Preference p = preference(earliest, latest, chair, days, preview);
            if (p != null) {
                preview.setText(Messages.get("schedule.book.planning"));
                vm.plan(c.courseId(), p, shown -> {
                    if (ask == asked[0]) {
                        plan[0] = shown;
                        preview.setText(describe(shown, vm.resourcesProperty().get()));
                    }
                }, error -> {
                    if (ask == asked[0]) {
                        preview.setText(error);
                    }
                });
            }
        };
        earliest.textProperty().addListener((o, a, b) -> refresh.run());
        latest.textProperty().addListener((o, a, b) -> refresh.run());
        chair.valueProperty().addListener((o, a, b) -> refresh.run());
        days.getChildren().forEach(n -> ((javafx.scene.control.CheckBox) n).selectedProperty().addListener((o, a, b) -> refresh.run()));
        refresh.run();
        f.onOk((done, error) -> {
            if (plan[0] == null) {
                throw new DialogFields.InputException(Messages.get("schedule.book.noPlan"));
            }
            vm.apply(plan[0], done, error);
        });
        f.show();
    }

    void reflow(Window owner, List<CourseBookingPlan> plans) {
        FormDialog f = new FormDialog(owner, Messages.get("schedule.reflow.dialog"), "reflow-ok", 640);
        f.line(FormDialog.note(Messages.get("schedule.reflow.intro"), "text-muted"));
        TextArea text = new TextArea(plans.stream().map(p -> describe(p, vm.resourcesProperty().get()))
                .collect(Collectors.joining("\n\n")));
        text.setId("reflow-preview");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(16);
        f.bottom(text);
        f.onOk((done, error) -> vm.applyAll(plans, done, error));
        f.show();
    }

    void cancel(Window owner, Appointment a) {
        FormDialog f = new FormDialog(owner, Messages.get("schedule.cancel.title", a.patientName(), a.date(), a.start().format(HM)),
                "cancel-ok", 460);
        TextField reason = new TextField();
        reason.setId("cancel-reason");
        f.row("schedule.field.reason", reason);
        f.onOk((done, error) -> vm.cancel(a, reason.getText(), done, error));
        f.show();
    }

    void visit(Window owner) {
        FormDialog f = new FormDialog(owner, Messages.get("schedule.visit.title"), "visit-ok", 520);
        TextField search = new TextField();
        search.setId("visit-search");
        search.setPromptText(Messages.get("schedule.visit.searchPrompt"));
        ComboBox<PatientSummary> patient = new ComboBox<>();
        patient.setId("visit-patient");
        patient.setMaxWidth(Double.MAX_VALUE);
        patient.setCellFactory(l -> new ScheduleView.NamedCell<>(p -> p.familyName() + ", " + p.givenName() + " (" + p.mrn() + ")"));
        patient.setButtonCell(new ScheduleView.NamedCell<>(p -> p.familyName() + ", " + p.givenName() + " (" + p.mrn() + ")"));
        search.textProperty().addListener((o, a, b) -> {
            if (b.strip().length() >= 2) {
                vm.findPatients(b.strip(), found -> {
                    patient.getItems().setAll(found);
                    if (!found.isEmpty()) {
                        patient.setValue(found.get(0));
                    }
                });
            }
        });
        ComboBox<AppointmentKind> kind = new ComboBox<>();
        kind.getItems().setAll(AppointmentKind.CONSULT, AppointmentKind.FOLLOW_UP, AppointmentKind.MT_ONLY);
        kind.setCellFactory(l -> new ScheduleView.NamedCell<>(Messages::label));
        kind.setButtonCell(new ScheduleView.NamedCell<>(Messages::label));
        kind.setValue(AppointmentKind.CONSULT);
        TextField clinician = new TextField();
        TextField room = new TextField();
        var date = DialogFields.datePicker(vm.dateProperty().get());
        TextField start = time("visit-start", "09:00");
        TextField minutes = new TextField("30");
        f.row("schedule.field.patientSearch", search);
        f.row("schedule.field.patient", patient);
        f.row("schedule.field.kind", kind);
        f.row("schedule.field.clinician", clinician, "schedule.field.room", room);
        f.row("schedule.field.date", date, "schedule.field.start", start);
        f.row("schedule.field.minutes", minutes);
        f.onOk((done, error) -> {
            if (patient.getValue() == null) {
                throw new DialogFields.InputException(Messages.get("schedule.visit.noPatient"));
            }
            LocalDate day = DialogFields.date(date, "schedule.field.date", true);
            Integer length = DialogFields.wholeNumber(minutes.getText(), "schedule.field.minutes");
            vm.bookVisit(patient.getValue().id(), kind.getValue(), clinician.getText(), room.getText(), day,
                    parse(start.getText(), "schedule.field.start"), length == null ? 0 : length, done, error);
        });
        f.show();
    }

    void whoFits(Window owner) {
        FormDialog f = new FormDialog(owner, Messages.get("schedule.fits.title"), "fits-ok", 560);
        var date = DialogFields.datePicker(vm.today().plusDays(1));
        f.row("schedule.field.startOn", date);
        TextArea out = new TextArea();
        out.setId("fits-result");
        out.setEditable(false);
        out.setWrapText(true);
        out.setPrefRowCount(10);
        f.bottom(out);
        Runnable run = () -> {
            if (date.getValue() == null) {
                return;
            }
            out.setText(Messages.get("schedule.book.planning"));
            vm.whoFits(date.getValue(), fits -> out.setText(fits.isEmpty() ? Messages.get("schedule.fits.none")
                    : fits.stream().map(x -> Messages.get("schedule.fits.line", x.who().name(), x.who().since(),
                    first(x.placement()), x.placement().placed().size())).collect(Collectors.joining("\n"))), out::setText);
        };
        date.valueProperty().addListener((o, a, b) -> run.run());
        run.run();
        f.onOk((done, error) -> done.run());
        f.show();
    }

    void capacity(Window owner) {
        FormDialog f = new FormDialog(owner, Messages.get("schedule.capacity.title"), "capacity-ok", 600);
        TextArea out = new TextArea(Messages.get("schedule.book.planning"));
        out.setId("capacity-result");
        out.setEditable(false);
        out.setPrefRowCount(18);
        out.setStyle("-fx-font-family: monospace;");
        f.bottom(out);
        vm.capacity(c -> out.setText(CapacityText.of(c)), out::setText);
        f.onOk((done, error) -> done.run());
        f.show();
    }

    private static String first(Placement p) {
        Booking b = p.placed().get(0);
        return b.day().format(DAY) + " " + b.start().format(HM);
    }

    /** The plan in words: counts, the first and last day, the usual time and chair, each change, each failure. */
    static String describe(CourseBookingPlan p, ScheduleResources r) {
        Reflow.Result res = p.result();
        List<String> lines = new ArrayList<>();
        lines.add(summary(p));
        java.util.stream.Stream.concat(java.util.stream.Stream.concat(res.kept().stream(), res.placed().stream()),
                res.moved().stream().map(Reflow.Move::to)).map(Booking::day).max(LocalDate::compareTo)
                .ifPresent(last -> lines.add(Messages.get("schedule.plan.last", last.format(DAY))));
        for (Reflow.Move m : res.moved()) {
            lines.add(Messages.get("schedule.plan.move", m.to().sessionNumber(), line(m.from(), r), line(m.to(), r),
                    m.why().stream().map(ConflictText::of).collect(Collectors.joining("; "))));
        }
        for (Booking b : res.placed()) {
            lines.add(Messages.get("schedule.plan.place", b.sessionNumber(), line(b, r)));
        }
        for (Booking b : res.cancelled()) {
            lines.add(Messages.get("schedule.plan.cancel", line(b, r)));
        }
        for (Placement.Unplaced u : res.unplaced()) {
            lines.add(Messages.get("schedule.plan.unplaced", u.session().number(), u.session().date().format(DAY),
                    u.reasons().stream().map(ConflictText::of).collect(Collectors.joining("; "))));
        }
        return String.join("\n", lines);
    }

    private static String line(Booking b, ScheduleResources r) {
        return b.day().format(DAY) + " " + b.start().format(HM) + ", " + (r == null ? "" : r.chairName(b.chairId()) + ", "
                + r.technicianName(b.technicianId()));
    }

    private Preference preference(TextField earliest, TextField latest, ComboBox<Chair> chair, javafx.scene.layout.FlowPane days,
            TextArea error) {
        try {
            LocalTime from = parse(earliest.getText(), "schedule.field.earliest");
            LocalTime to = parse(latest.getText(), "schedule.field.latest");
            if (to.isBefore(from)) {
                error.setText(Messages.get("schedule.book.windowOrder"));
                return null;
            }
            java.util.Set<java.time.DayOfWeek> chosen = days.getChildren().stream().map(n -> (javafx.scene.control.CheckBox) n)
                    .filter(javafx.scene.control.CheckBox::isSelected).map(b -> (java.time.DayOfWeek) b.getUserData())
                    .collect(Collectors.toSet());
            return new Preference(from, to, chair.getValue() == null ? null : chair.getValue().id(), chosen);
        } catch (DialogFields.InputException e) {
            error.setText(e.getMessage());
            return null;
        }
    }

    private ComboBox<Chair> chairs(String id) {
        ComboBox<Chair> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        ScheduleResources r = vm.resourcesProperty().get();
        if (r != null) {
            box.getItems().addAll(r.chairs().stream().filter(Chair::active).toList());
        }
        box.setCellFactory(l -> new ScheduleView.NamedCell<>(Chair::name) {
            @Override
            protected void updateItem(Chair item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && item == null) {
                    setText(Messages.get("schedule.anyChair"));
                }
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        return box;
    }

    private static TextField time(String id, String value) {
        TextField t = new TextField(value);
        t.setId(id);
        t.setPrefColumnCount(5);
        t.setPromptText("HH:mm");
        return t;
    }

    static LocalTime parse(String text, String fieldKey) throws DialogFields.InputException {
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeParseException e) {
            throw new DialogFields.InputException(Messages.get("schedule.error.time", Messages.get(fieldKey)));
        }
    }
}
