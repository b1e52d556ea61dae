package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.CourseBookingPlan;
import clinic.threshold.domain.schedule.CourseToBook;
import clinic.threshold.domain.schedule.DaySchedule;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.WaitlistEntry;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The schedule screen's state: the day (or week or month) shown, the clinic's resources, the courses waiting to be
 * booked, the courses that need a re-flow, the waitlist, and the last message. Every call runs off the JavaFX thread.
 */
public final class ScheduleViewModel {
    /** What the centre shows. */
    public enum Mode {
        DAY, WEEK, MONTH, TECHNICIAN
    }

    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.DAY);
    private final ObjectProperty<DaySchedule> day = new SimpleObjectProperty<>();
    private final ObservableList<Appointment> range = FXCollections.observableArrayList();
    private final ObjectProperty<ScheduleResources> resources = new SimpleObjectProperty<>();
    private final ObservableList<CourseToBook> toBook = FXCollections.observableArrayList();
    private final ObservableList<CourseBookingPlan> reflow = FXCollections.observableArrayList();
    private final ObservableList<WaitlistEntry> waitlist = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Counts finished loads: a reload equal to what was shown (a refused drag) must still redraw. */
    private final javafx.beans.property.IntegerProperty loads = new javafx.beans.property.SimpleIntegerProperty();
    /** The fingerprint taken with the data on screen; null before the first load. */
    private clinic.threshold.domain.schedule.ChangeMark shownMark;

    public ScheduleViewModel(ClinicServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
        date.set(services.schedule().today());
    }

    public boolean mayBook() {
        return services.session().current().map(s -> s.may(Permission.SCHEDULE_WRITE)).orElse(false);
    }

    /** Reloads what the screen shows: the day or range, and the side lists (after a change, or on opening). */
    public void load() {
        load(true);
    }

    /**
     * Reloads only the day or range shown: paging through dates leaves the side lists as they are, since working
     * out which courses need a re-flow reads every booked course.
     */
    public void loadShown() {
        load(false);
    }

    private void load(boolean sides) {
        LocalDate d = date.get();
        Mode m = mode.get();
        busy.set(true);
        // The mark is taken before the data: a change in between makes the next check reload once more, never miss.
        executor.run(() -> new Snapshot(services.schedule().changeMark(shownFrom(d, m), shownTo(d, m)),
                services.scheduleSetup().resources(),
                m == Mode.DAY || m == Mode.TECHNICIAN ? services.schedule().day(d) : null,
                m == Mode.WEEK || m == Mode.MONTH ? services.schedule().between(from(d, m), to(d, m)) : List.of(),
                sides ? services.schedule().unbooked() : null, sides ? services.schedule().reflowNeeded() : null,
                sides ? services.waitlist().waiting() : null), s -> {
                    busy.set(false);
                    shownMark = s.mark();
                    resources.set(s.resources());
                    day.set(s.day());
                    if (s.day() != null) {
                        loadFlags(s.day());
                    }
                    range.setAll(s.range());
                    if (s.toBook() != null) {
                        toBook.setAll(s.toBook());
                        reflow.setAll(s.reflow());
                        waitlist.setAll(s.waitlist());
                    }
                    loads.set(loads.get() + 1);
                }, this::fail);
    }

    private java.util.function.BooleanSupplier flagsMayRedraw = () -> true;

    /** What the view says about redrawing when the flags arrive (no while a block is dragged). */
    public void flagsMayRedraw(java.util.function.BooleanSupplier quiet) {
        this.flagsMayRedraw = quiet;
    }

    /**
     * Adds the bookings' flags (MT due, scale due) to the day once they are read: they follow each booked patient's
     * courses, so the grid does not wait for them. A day replaced meanwhile keeps its own.
     */
    private void loadFlags(clinic.threshold.domain.schedule.DaySchedule shown) {
        try {
            executor.run(() -> services.schedule().dayFlags(shown.date()), flags -> {
                // Not while a block is being dragged: the flags wait for the next load rather than break the drag.
                if (day.get() == shown && flagsMayRedraw.getAsBoolean()) {
                    day.set(shown.withFlags(flags));
                    loads.set(loads.get() + 1);
                }
            }, e -> { }); // without flags the day still shows; the next load asks again
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the window is closing
        }
    }

    /**
     * Reloads the days shown if another workstation changed them since they were read (a booking, a move, a
     * cancellation, a session recorded). Called every few seconds by the view; does nothing while a load runs, nor
     * when {@code mayRedraw} says no once the answer is in (a drag began meanwhile).
     */
    public void refreshIfChanged(java.util.function.BooleanSupplier mayRedraw) {
        if (busy.get() || shownMark == null) {
            return;
        }
        LocalDate d = date.get();
        Mode m = mode.get();
        clinic.threshold.domain.schedule.ChangeMark seen = shownMark;
        try {
            executor.run(() -> services.schedule().changeMark(shownFrom(d, m), shownTo(d, m)), now -> {
                if (!now.equals(seen) && seen == shownMark && !busy.get() && d.equals(date.get()) && m == mode.get()
                        && mayRedraw.getAsBoolean()) {
                    loadShown();
                }
            }, e -> { }); // a failed check is retried at the next tick; a real failure shows at the next load
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the window is closing: no more checks
        }
    }

    private static LocalDate shownFrom(LocalDate d, Mode m) {
        return m == Mode.WEEK || m == Mode.MONTH ? from(d, m) : d;
    }

    private static LocalDate shownTo(LocalDate d, Mode m) {
        return m == Mode.WEEK || m == Mode.MONTH ? to(d, m) : d;
    }

    private record Snapshot(clinic.threshold.domain.schedule.ChangeMark mark, ScheduleResources resources, DaySchedule day, List<Appointment> range, List<CourseToBook> toBook,
            List<CourseBookingPlan> reflow, List<WaitlistEntry> waitlist) {
    }

    static LocalDate from(LocalDate d, Mode m) {
        return switch (m) {
            case WEEK -> d.with(DayOfWeek.MONDAY);
            case MONTH -> d.withDayOfMonth(1).with(DayOfWeek.MONDAY);
            default -> d;
        };
    }

    static LocalDate to(LocalDate d, Mode m) {
        return switch (m) {
            case WEEK -> d.with(DayOfWeek.SUNDAY);
            case MONTH -> d.withDayOfMonth(d.lengthOfMonth()).with(DayOfWeek.SUNDAY);
            default -> d;
        };
    }

    public void step(int direction) {
        LocalDate d = date.get();
        date.set(switch (mode.get()) {
            case WEEK -> d.plusWeeks(direction);
            case MONTH -> d.plusMonths(direction);
            default -> d.plusDays(direction);
        });
    }

    /** A drag or resize: refused ones come back with the reason and the nearest free alternatives. */
    public void move(Appointment a, Long chairId, LocalDate to, LocalTime start, int minutes) {
        act(() -> services.schedule().move(a.id(), a.version(), chairId, null, to, start, minutes),
                Messages.get("schedule.moved", a.patientName(), start));
    }

    public void cancel(Appointment a, String reason, Runnable done, Consumer<String> failed) {
        form(() -> {
            services.schedule().cancel(a.id(), a.version(), reason);
            return null;
        }, Messages.get("schedule.cancelled"), done, failed);
    }

    public void arrive(Appointment a) {
        act(() -> {
            services.schedule().arrive(a.id(), a.version());
            return null;
        }, Messages.get("schedule.arrived", a.patientName()));
    }

    public void plan(long courseId, Preference p, Consumer<CourseBookingPlan> shown, Consumer<String> failed) {
        executor.run(() -> services.schedule().planCourse(courseId, p), shown,
                e -> failed.accept(ConflictText.failure(e, resources.get())));
    }

    public void apply(CourseBookingPlan plan, Runnable done, Consumer<String> failed) {
        form(() -> {
            services.schedule().apply(plan);
            return null;
        }, Messages.get("schedule.applied", plan.patientName()), done, failed);
    }

    public void applyAll(List<CourseBookingPlan> plans, Runnable done, Consumer<String> failed) {
        form(() -> {
            services.schedule().apply(plans);
            return null;
        }, Messages.get("schedule.reflowed", plans.size()), done, failed);
    }

    public LocalDate today() {
        return services.schedule().today();
    }

    /** Writes the day's run sheet (PDF) to {@code file}, off the JavaFX thread. */
    public void saveRunSheet(java.nio.file.Path file) {
        LocalDate d = date.get();
        act(() -> java.nio.file.Files.write(file, services.scheduleExports().runSheetPdf(d)),
                Messages.get("schedule.saved", file.getFileName()));
    }

    /** Writes the reminder list (CSV) for {@code day} to {@code file}. */
    public void saveReminders(LocalDate day, java.nio.file.Path file) {
        act(() -> java.nio.file.Files.writeString(file, services.scheduleExports().remindersCsv(day)),
                Messages.get("schedule.saved", file.getFileName()));
    }

    /** Takes a patient off the waitlist: started their course, or no longer waiting (with the reason). */
    public void leaveWaitlist(WaitlistEntry w, boolean started, String reason) {
        act(() -> {
            services.waitlist().remove(w.id(), w.version(), started, reason);
            return null;
        }, Messages.get("schedule.waitlist.left", w.patientName()));
    }

    public void whoFits(LocalDate start, Consumer<List<clinic.threshold.domain.schedule.Waitlist.Fit>> shown,
            Consumer<String> failed) {
        executor.run(() -> services.waitlist().whoFits(start), shown, e -> failed.accept(ConflictText.failure(e, resources.get())));
    }

    /** The shown week's capacity per chair and day, and by hour of day. */
    public void capacity(Consumer<Capacity> shown, Consumer<String> failed) {
        LocalDate from = from(date.get(), Mode.WEEK);
        LocalDate to = to(date.get(), Mode.WEEK);
        executor.run(() -> new Capacity(from, services.waitlist().capacity(from, to), services.waitlist().capacityByHour(from, to)),
                shown, e -> failed.accept(ConflictText.failure(e, resources.get())));
    }

    /** A week's capacity as the capacity window shows it. */
    public record Capacity(LocalDate from, List<clinic.threshold.domain.schedule.Capacity.ChairDay> byChair,
            List<clinic.threshold.domain.schedule.Capacity.Hour> byHour) {
    }

    public void bookVisit(long patientId, clinic.threshold.domain.schedule.AppointmentKind kind, String clinician, String room,
            LocalDate day, LocalTime start, int minutes, Runnable done, Consumer<String> failed) {
        form(() -> services.schedule().bookVisit(patientId, kind, clinician, room, day, start, minutes),
                Messages.get("schedule.visitBooked"), done, failed);
    }

    /** Patients whose name, MRN or phone starts with {@code text} (for the visit form). */
    public void findPatients(String text, Consumer<List<clinic.threshold.domain.patient.PatientSummary>> shown) {
        executor.run(() -> services.patients().search(new clinic.threshold.domain.patient.PatientQuery(text, null, null, 20)),
                shown, this::fail);
    }

    private void act(Callable<?> work, String done) {
        busy.set(true);
        executor.run(work, r -> {
            error.set(false);
            message.set(done);
            load();
        }, e -> {
            fail(e);
            load(); // a refused drag snaps back
        });
    }

    private void form(Callable<?> work, String done, Runnable closed, Consumer<String> failed) {
        executor.run(work, r -> {
            error.set(false);
            message.set(done);
            closed.run();
            load();
        }, e -> failed.accept(ConflictText.failure(e, resources.get())));
    }

    private void fail(Throwable e) {
        busy.set(false);
        error.set(true);
        message.set(ConflictText.failure(e, resources.get()));
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public javafx.beans.property.IntegerProperty loadsProperty() {
        return loads;
    }

    public ObjectProperty<DaySchedule> dayProperty() {
        return day;
    }

    public ObservableList<Appointment> range() {
        return range;
    }

    public ObjectProperty<ScheduleResources> resourcesProperty() {
        return resources;
    }

    public ObservableList<CourseToBook> toBook() {
        return toBook;
    }

    public ObservableList<CourseBookingPlan> reflow() {
        return reflow;
    }

    public ObservableList<WaitlistEntry> waitlist() {
        return waitlist;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
