package clinic.threshold.ui.main;

import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Navigator;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.ViewLoader;
import clinic.threshold.ui.patients.PatientChartView;
import clinic.threshold.ui.patients.PatientChartViewModel;
import clinic.threshold.ui.patients.PatientEditorView;
import clinic.threshold.ui.patients.PatientEditorViewModel;
import clinic.threshold.ui.patients.PatientListView;
import clinic.threshold.ui.patients.PatientListViewModel;
import java.time.Clock;
import javafx.scene.Parent;

/** Builds each screen with its ViewModel and what it needs; the UI's share of the composition root. */
public final class Screens {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final PatientEvents events;
    private final Clock clock;

    public Screens(ClinicServices services, TaskExecutor executor, PatientEvents events, Clock clock) {
        this.services = services;
        this.executor = executor;
        this.events = events;
        this.clock = clock;
    }

    public record Loaded<V>(Parent root, V view) {
    }

    public Loaded<PatientListView> patientList(Navigator nav) {
        PatientListView view = new PatientListView(new PatientListViewModel(services, executor, events), nav, clock);
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<PatientChartView> chart(long patientId, Navigator nav, DialogService dialogs) {
        PatientChartView view = new PatientChartView(
                new PatientChartViewModel(services, executor, events, clock, patientId), nav, dialogs, clock);
        Parent root = ViewLoader.load(view);
        if (view.viewModel().may(clinic.threshold.domain.user.Permission.CLINICAL_READ)) {
            // Schedulers and administrators without clinical access never get the tab (nor its data).
            var history = new clinic.threshold.ui.history.TreatmentHistoryView(
                    new clinic.threshold.ui.history.TreatmentHistoryViewModel(services, executor, events, patientId),
                    dialogs, clock);
            view.addTab("historyTab", clinic.threshold.i18n.Messages.get("chart.tab.history"), ViewLoader.load(history));
            view.viewModel().onDispose(history.viewModel()::dispose);
            var outcomes = new clinic.threshold.ui.outcome.OutcomesView(
                    new clinic.threshold.ui.outcome.OutcomesViewModel(services, executor, events, patientId), dialogs, clock);
            view.addTab("outcomesTab", clinic.threshold.i18n.Messages.get("chart.tab.outcomes"), ViewLoader.load(outcomes));
            view.viewModel().onDispose(outcomes.viewModel()::dispose);
            view.bindRiskAlerts(outcomes.viewModel().overviewProperty());
            var tms = new clinic.threshold.ui.tms.TmsView(
                    new clinic.threshold.ui.tms.TmsViewModel(services, executor, events, patientId), dialogs, clock);
            view.addTab("tmsTab", clinic.threshold.i18n.Messages.get("chart.tab.tms"), ViewLoader.load(tms));
            view.viewModel().onDispose(tms.viewModel()::dispose);
            view.bindTms(tms.viewModel().overviewProperty());
            var payer = new clinic.threshold.ui.payer.PayerView(new clinic.threshold.ui.payer.PayerViewModel(services, executor, events,
                    patientId, clock), dialogs);
            view.addTab("payerTab", clinic.threshold.i18n.Messages.get("chart.tab.payer"), ViewLoader.load(payer));
            view.viewModel().onDispose(payer.viewModel()::dispose);
        }
        if (view.viewModel().may(clinic.threshold.domain.user.Permission.MEDICATION_READ)) {
            // Technicians and schedulers see the list read-only (the TMS safety screen needs it).
            var meds = new clinic.threshold.ui.medication.MedicationsView(
                    new clinic.threshold.ui.medication.MedicationsViewModel(services, executor, events, patientId),
                    dialogs, clock);
            view.addTab("medicationsTab", clinic.threshold.i18n.Messages.get("chart.tab.medications"), ViewLoader.load(meds));
            view.bindMedicationFlags(meds.viewModel().overviewProperty());
            view.viewModel().onDispose(meds.viewModel()::dispose);
        }
        // Everyone who can open a chart sees the patient's appointments (front desk, technicians, clinicians).
        var appointments = new clinic.threshold.ui.schedule.PatientAppointmentsView(
                new clinic.threshold.ui.schedule.PatientAppointmentsViewModel(services, executor, events, patientId), dialogs, clock);
        view.addTab("appointmentsTab", clinic.threshold.i18n.Messages.get("chart.tab.appointments"), ViewLoader.load(appointments));
        view.viewModel().onDispose(appointments.viewModel()::dispose);
        return new Loaded<>(root, view);
    }

    public Loaded<PatientEditorView> editor(Long patientId, Navigator nav, Runnable close) {
        PatientEditorView view = new PatientEditorView(
                new PatientEditorViewModel(services, executor, events, clock, patientId), nav, close);
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.outcome.WorkListView> workList(Navigator nav, DialogService dialogs) {
        var view = new clinic.threshold.ui.outcome.WorkListView(new clinic.threshold.ui.outcome.WorkListViewModel(services,
                executor, events), nav, dialogs);
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.admin.UsersView> users() {
        var view = new clinic.threshold.ui.admin.UsersView(new clinic.threshold.ui.admin.UsersViewModel(services, executor));
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.admin.AuditView> audit(DialogService dialogs) {
        var view = new clinic.threshold.ui.admin.AuditView(new clinic.threshold.ui.admin.AuditViewModel(services, executor),
                dialogs, clock.getZone());
        return new Loaded<>(ViewLoader.load(view), view);
    }

    /** The backups screen; on a server, the screen that explains the server's own backups (issue 13). */
    public Loaded<?> backups(DialogService dialogs, clinic.threshold.ui.common.SessionActions session) {
        if (services.onServer()) {
            var server = new clinic.threshold.ui.admin.ServerBackupsView(services.dataLocation());
            return new Loaded<>(ViewLoader.load(server), server);
        }
        var view = new clinic.threshold.ui.admin.BackupsView(new clinic.threshold.ui.admin.BackupsViewModel(services,
                executor, clock.getZone()), dialogs, session::restoreBackup, session::compactDatabase);
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.payer.AuthorizationsView> authorizations(Navigator nav, DialogService dialogs) {
        var view = new clinic.threshold.ui.payer.AuthorizationsView(new clinic.threshold.ui.payer.AuthorizationsViewModel(services,
                executor, events, clock), nav, dialogs);
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.report.ReportsView> reports(DialogService dialogs) {
        var view = new clinic.threshold.ui.report.ReportsView(new clinic.threshold.ui.report.ReportsViewModel(services, executor,
                clock), dialogs);
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.schedule.ScheduleView> schedule(DialogService dialogs) {
        var view = new clinic.threshold.ui.schedule.ScheduleView(new clinic.threshold.ui.schedule.ScheduleViewModel(services,
                executor), dialogs);
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.schedule.ScheduleSetupView> scheduleSetup(boolean admin) {
        var view = new clinic.threshold.ui.schedule.ScheduleSetupView(new clinic.threshold.ui.schedule.ScheduleSetupViewModel(
                services, executor), admin);
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.admin.ClinicCalendarView> clinicCalendar() {
        var view = new clinic.threshold.ui.admin.ClinicCalendarView(new clinic.threshold.ui.admin.ClinicCalendarViewModel(
                services, executor));
        return new Loaded<>(ViewLoader.load(view), view);
    }

    public Loaded<clinic.threshold.ui.admin.ReferenceDataView> referenceData(DialogService dialogs) {
        var view = new clinic.threshold.ui.admin.ReferenceDataView(new clinic.threshold.ui.admin.ReferenceDataViewModel(
                services, executor, clock), dialogs);
        Parent root = ViewLoader.load(view);
        var tmsVm = new clinic.threshold.ui.tms.TmsReferenceViewModel(services, executor);
        // The screening form's tab shares the TMS tab's view model: one load, and both show a saved change.
        var screening = new clinic.threshold.ui.tms.ScreeningFormView(tmsVm);
        Parent screeningRoot = ViewLoader.load(screening);
        var tms = new clinic.threshold.ui.tms.TmsReferenceView(tmsVm);
        view.addTab(clinic.threshold.i18n.Messages.get("tms.ref.tab"), ViewLoader.load(tms));
        view.addTab(clinic.threshold.i18n.Messages.get("tms.ref.screeningTab"), screeningRoot);
        return new Loaded<>(root, view);
    }

    public MainWindowViewModel mainWindowViewModel(clinic.threshold.ui.common.UiPreferences prefs) {
        return new MainWindowViewModel(services, executor, events, prefs);
    }
}
