package clinic.threshold.ui.report;

import clinic.threshold.domain.reference.Payer;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportCancelledException;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.SavedReport;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.report.ReportFormat;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.ViolationText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Reports screen: which reports the user may run, their parameters (last quarter by default), a run off the
 * JavaFX thread with progress and cancel, the result, its exports, and saved definitions.
 */
public final class ReportsViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<ReportId> reports = FXCollections.observableArrayList();
    private final ObservableList<SavedReport> saved = FXCollections.observableArrayList();
    private final ObservableList<Protocol> protocols = FXCollections.observableArrayList();
    private final ObservableList<Payer> payers = FXCollections.observableArrayList();
    private final ObjectProperty<ReportId> report = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty protocol = new SimpleStringProperty();
    private final ObjectProperty<Integer> payer = new SimpleObjectProperty<>();
    private final StringProperty technician = new SimpleStringProperty("");
    private final StringProperty clinician = new SimpleStringProperty("");
    private final ObservableList<clinic.threshold.domain.schedule.Chair> chairs = FXCollections.observableArrayList();
    private final ObjectProperty<Long> chair = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportParams.GroupBy> groupBy = new SimpleObjectProperty<>(ReportParams.GroupBy.PROTOCOL);
    private final ObjectProperty<ReportResult> result = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private volatile AtomicBoolean cancel = new AtomicBoolean();
    private java.util.Map<ReportId, List<Object>> helpValues = java.util.Map.of();

    public ReportsViewModel(ClinicServices services, TaskExecutor executor, Clock clock) {
        this.services = services;
        this.executor = executor;
        this.clock = clock;
        lastQuarter();
        // Another report chosen: the last one's figures would read as this one's.
        report.addListener((o, a, b) -> {
            if (a != b && !running.get()) {
                result.set(null);
                message.set("");
            }
        });
    }

    /** The last full calendar quarter: the range administrators quote to payers. */
    private void lastQuarter() {
        LocalDate today = LocalDate.now(clock);
        LocalDate thisQuarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        from.set(thisQuarter.minusMonths(3));
        to.set(thisQuarter.minusDays(1));
    }

    public void load() {
        executor.run(() -> {
            List<ReportId> available = services.reports().available();
            return new Choices(available, services.reports().saved(),
                    services.tms().reference().protocols().stream().filter(Protocol::active).toList(), services.reference().payers(),
                    services.scheduleSetup().resources().chairs(),
                    available.isEmpty() ? java.util.Map.of() : services.reports().helpValues());
        }, c -> {
                    helpValues = c.helpValues();
                    reports.setAll(c.reports());
                    chairs.setAll(c.chairs());
                    saved.setAll(c.saved());
                    protocols.setAll(c.protocols());
                    payers.setAll(c.payers());
                    if (report.get() == null && !reports.isEmpty()) {
                        report.set(reports.get(0));
                    }
                }, e -> error.set(ErrorText.of(e)));
    }

    private record Choices(List<ReportId> reports, List<SavedReport> saved, List<Protocol> protocols, List<Payer> payers,
            List<clinic.threshold.domain.schedule.Chair> chairs, java.util.Map<ReportId, List<Object>> helpValues) {
    }

    /** The report's help text, with the rule values in force (an administrator may have changed one). */
    public String help(ReportId id) {
        return clinic.threshold.i18n.Messages.get("report.help." + id.name(),
                helpValues.getOrDefault(id, List.of()).toArray());
    }

    public ReportParams params() {
        return new ReportParams(from.get(), to.get(), protocol.get(), chair.get(), blankToNull(technician.get()),
                blankToNull(clinician.get()), payer.get(), groupBy.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Runs the chosen report; progress and cancel work while it runs. */
    public void run() {
        ReportId id = report.get();
        if (id == null || running.get()) {
            return;
        }
        ReportParams p = params();
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        running.set(true);
        progress.set(-1);
        error.set("");
        message.set(Messages.get("report.running", ReportFormat.title(id)));
        Progress listener = new Progress() {
            @Override
            public void step(long done, long total) {
                double share = total == 0 ? 1 : (double) done / total;
                if (Platform.isFxApplicationThread()) {
                    progress.set(share);
                } else {
                    Platform.runLater(() -> progress.set(share));
                }
            }

            @Override
            public boolean cancelled() {
                return stop.get();
            }
        };
        executor.run(() -> services.reports().run(id, p, listener), r -> {
            running.set(false);
            progress.set(1);
            result.set(r);
            message.set(Messages.get("report.done", ReportFormat.title(id), r.table().rows().size()));
        }, e -> {
            running.set(false);
            progress.set(0);
            if (e instanceof ReportCancelledException) {
                message.set(Messages.get("report.cancelled"));
            } else {
                message.set("");
                error.set(ViolationText.of(e, f -> ViolationText.label("report.field.", f)));
            }
        });
    }

    public void cancel() {
        cancel.set(true);
    }

    public void exportCsv(Path file) {
        export(file, true);
    }

    public void exportPdf(Path file) {
        export(file, false);
    }

    private void export(Path file, boolean csv) {
        ReportResult r = result.get();
        if (r == null) {
            return;
        }
        executor.run(() -> Files.write(file, csv ? services.reports().csv(r) : services.reports().pdf(r)),
                p -> message.set(Messages.get("report.saved", file.getFileName())), e -> error.set(ErrorText.of(e)));
    }

    public void save(String name, Consumer<String> failed) {
        ReportId id = report.get();
        ReportParams p = params();
        executor.run(() -> {
            services.reports().save(name, id, p);
            return services.reports().saved();
        }, list -> {
            saved.setAll(list);
            message.set(Messages.get("report.definition.saved", name));
        }, e -> failed.accept(ViolationText.of(e, f -> ViolationText.label("report.field.", f))));
    }

    /** Puts a saved definition's report and parameters back in the form, ready to run. */
    public void use(SavedReport s) {
        report.set(s.report());
        from.set(s.params().from());
        to.set(s.params().to());
        protocol.set(s.params().protocol());
        payer.set(s.params().payerId());
        technician.set(s.params().technician() == null ? "" : s.params().technician());
        clinician.set(s.params().clinician() == null ? "" : s.params().clinician());
        chair.set(s.params().chairId());
        groupBy.set(s.params().groupBy() == null ? ReportParams.GroupBy.PROTOCOL : s.params().groupBy());
    }

    public void retire(SavedReport s) {
        executor.run(() -> {
            services.reports().retire(s.id());
            return services.reports().saved();
        }, saved::setAll, e -> error.set(ErrorText.of(e)));
    }

    public ObservableList<ReportId> reports() {
        return reports;
    }

    public ObservableList<SavedReport> saved() {
        return saved;
    }

    public ObservableList<Protocol> protocols() {
        return protocols;
    }

    public ObservableList<Payer> payers() {
        return payers;
    }

    public ObjectProperty<ReportId> reportProperty() {
        return report;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The protocol code to report on, null for all. */
    public StringProperty protocolProperty() {
        return protocol;
    }

    /** The payer (registry id) to report on, null for all. */
    public ObjectProperty<Integer> payerProperty() {
        return payer;
    }

    public ObservableList<clinic.threshold.domain.schedule.Chair> chairs() {
        return chairs;
    }

    /** The chair (id) to report on, null for all. */
    public ObjectProperty<Long> chairProperty() {
        return chair;
    }

    /** A clinician's username: their patients only (administrators' reports; a clinician's own are always theirs). */
    public StringProperty clinicianProperty() {
        return clinician;
    }

    public StringProperty technicianProperty() {
        return technician;
    }

    public ObjectProperty<ReportParams.GroupBy> groupByProperty() {
        return groupBy;
    }

    public ObjectProperty<ReportResult> resultProperty() {
        return result;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Texts the view shows, worded by the service's formatter (the view itself does not use service types). */
    public String title(ReportId id) {
        return ReportFormat.title(id);
    }

    public String heading(clinic.threshold.domain.report.ReportTable.Column c) {
        return ReportFormat.heading(c);
    }

    public String cell(clinic.threshold.domain.report.ReportTable.Column c, Object v) {
        return ReportFormat.cell(c, v);
    }

    public String category(ReportResult r, List<Object> row) {
        return ReportFormat.category(r.table(), r.chart(), row);
    }

    public Double value(clinic.threshold.domain.report.ReportTable t, List<Object> row, String column) {
        return ReportFormat.value(t, row, column);
    }

    public List<String> notes(ReportResult r) {
        return ReportFormat.notes(r);
    }

    public boolean percentChart(ReportResult r) {
        return r.chart() != null && ReportFormat.percentChart(r.table(), r.chart());
    }

    public String paramsText(ReportResult r) {
        return ReportFormat.params(r.id(), r.params());
    }
}
