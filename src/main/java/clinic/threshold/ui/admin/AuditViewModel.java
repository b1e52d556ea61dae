package clinic.threshold.ui.admin;

import clinic.threshold.domain.audit.AuditCheck;
import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.audit.AuditService;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit trail for those who may read it: filter by action, patient (MRN) and dates, newest first in
 * pages; verify the hash chain; export to CSV. Each of these is itself audited by the service.
 */
public final class AuditViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ObservableList<AuditRecord> events = FXCollections.observableArrayList();
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty patientMrn = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty more = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private AuditFilter filter = AuditFilter.ALL;

    public AuditViewModel(ClinicServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    /** Applies the filter fields and loads the newest page. */
    public void search() {
        String mrn = patientMrn.get().strip();
        String act = action.get().strip();
        String who = user.get().strip().toLowerCase(java.util.Locale.ROOT);
        LocalDate f;
        LocalDate t;
        try {
            f = Formats.parseDate(from.get());
            t = Formats.parseDate(to.get());
        } catch (java.time.format.DateTimeParseException e) {
            message.set(Messages.get("audit.badDate"));
            return;
        }
        busy.set(true);
        executor.run(() -> {
            Long patientId = null;
            if (!mrn.isEmpty()) {
                List<PatientSummary> found = services.patients().search(PatientQuery.text(mrn));
                patientId = found.stream().filter(p -> p.mrn().equalsIgnoreCase(mrn)).map(PatientSummary::id)
                        .findFirst().orElse(-1L);
            }
            AuditFilter af = new AuditFilter(who.isEmpty() ? null : who, patientId, act.isEmpty() ? null : act, f, t);
            return new Page(af, services.audit().page(af, null));
        }, p -> {
            busy.set(false);
            filter = p.filter;
            events.setAll(p.rows);
            more.set(p.rows.size() == AuditService.PAGE);
            message.set(Messages.get("audit.shown", events.size()));
        }, this::fail);
    }

    /** The next (older) page under the same filter. */
    public void loadOlder() {
        if (events.isEmpty()) {
            return;
        }
        long before = events.get(events.size() - 1).seq();
        AuditFilter af = filter;
        busy.set(true);
        executor.run(() -> services.audit().page(af, before), rows -> {
            busy.set(false);
            events.addAll(rows);
            more.set(rows.size() == AuditService.PAGE);
            message.set(Messages.get("audit.shown", events.size()));
        }, this::fail);
    }

    public void verify() {
        busy.set(true);
        progress.set(0);
        message.set(Messages.get("audit.verifying"));
        executor.run(() -> services.audit().verify(n -> Platform.runLater(() ->
                message.set(Messages.get("audit.verifyingCount", n)))), (AuditCheck r) -> {
            busy.set(false);
            progress.set(-1);
            message.set(r.intact() ? Messages.get("audit.intact", r.eventsChecked())
                    : Messages.get("audit.broken", r.firstBadSeq(), r.problem()));
        }, this::fail);
    }

    public void export(Path file) {
        AuditFilter af = filter;
        busy.set(true);
        executor.run(() -> services.audit().exportCsv(af, file, n -> Platform.runLater(() ->
                message.set(Messages.get("audit.exporting", n)))), n -> {
            busy.set(false);
            message.set(Messages.get("audit.exported", n, file.getFileName().toString()));
        }, this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        progress.set(-1);
        message.set(ErrorText.of(e));
    }

    public ObservableList<AuditRecord> events() {
        return events;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty patientMrnProperty() {
        return patientMrn;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty moreProperty() {
        return more;
    }

    private record Page(AuditFilter filter, List<AuditRecord> rows) {
    }
}
