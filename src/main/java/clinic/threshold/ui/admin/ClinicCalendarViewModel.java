package clinic.threshold.ui.admin;

import clinic.threshold.domain.tms.ClinicClosure;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The clinic calendar for administrators: open weekdays and closures, which every course plan skips. */
public final class ClinicCalendarViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ObservableList<ClinicClosure> closures = FXCollections.observableArrayList();
    private final ObjectProperty<Set<DayOfWeek>> openDays = new SimpleObjectProperty<>(EnumSet.noneOf(DayOfWeek.class));
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ClinicCalendarViewModel(ClinicServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    public void load() {
        busy.set(true);
        executor.run(() -> services.calendar().setup(), s -> {
            busy.set(false);
            closures.setAll(s.closures());
            openDays.set(s.openDays());
        }, this::fail);
    }

    public void saveOpenDays(Set<DayOfWeek> days) {
        act(() -> {
            services.calendar().setOpenDays(days);
            return null;
        }, Messages.get("settings.calendar.daysSaved"));
    }

    public void add(LocalDate day, boolean yearly, String label, Runnable onDone) {
        act(() -> services.calendar().addClosure(day, yearly, label), Messages.get("settings.calendar.added"), onDone);
    }

    public void remove(ClinicClosure c) {
        act(() -> {
            services.calendar().removeClosure(c);
            return null;
        }, Messages.get("settings.calendar.removed"));
    }

    private void act(Callable<?> work, String done) {
        act(work, done, () -> { });
    }

    private void act(Callable<?> work, String done, Runnable after) {
        busy.set(true);
        executor.run(work, r -> {
            message.set(done);
            after.run();
            load();
        }, this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        message.set(ErrorText.of(e));
    }

    public ObservableList<ClinicClosure> closures() {
        return closures;
    }

    public ObjectProperty<Set<DayOfWeek>> openDaysProperty() {
        return openDays;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
