package clinic.threshold.app;

import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.audit.AuditService;
import clinic.threshold.service.common.ReferenceService;
import clinic.threshold.service.patient.PatientService;
import clinic.threshold.service.security.SessionService;
import clinic.threshold.service.settings.SettingsService;
import clinic.threshold.service.user.UserService;

/** A signed-in clinic whose closing also releases the data folder's lock (for one-shot CLI commands). */
public final class ContextBoundServices implements ClinicServices {
    private final ClinicServices clinic;
    private final AppContext context;

    public ContextBoundServices(ClinicServices clinic, AppContext context) {
        this.clinic = clinic;
        this.context = context;
    }

    public AppContext context() {
        return context;
    }

    @Override
    public PatientService patients() {
        return clinic.patients();
    }

    @Override
    public clinic.threshold.service.medication.MedicationService medications() {
        return clinic.medications();
    }

    @Override
    public clinic.threshold.service.medication.MedicationPlanPdf medicationPlanPdf() {
        return clinic.medicationPlanPdf();
    }

    @Override
    public clinic.threshold.service.medication.MedicationRulesService medicationRules() {
        return clinic.medicationRules();
    }

    @Override
    public clinic.threshold.service.outcome.OutcomeService outcomes() {
        return clinic.outcomes();
    }

    @Override
    public clinic.threshold.service.tms.TmsService tms() {
        return clinic.tms();
    }

    @Override
    public clinic.threshold.service.settings.ClinicCalendarService calendar() {
        return clinic.calendar();
    }

    @Override
    public clinic.threshold.service.tms.TmsReferenceService tmsReference() {
        return clinic.tmsReference();
    }

    @Override
    public clinic.threshold.service.schedule.ScheduleService schedule() {
        return clinic.schedule();
    }

    @Override
    public clinic.threshold.service.schedule.ScheduleExports scheduleExports() {
        return clinic.scheduleExports();
    }

    @Override
    public clinic.threshold.service.schedule.ScheduleSetupService scheduleSetup() {
        return clinic.scheduleSetup();
    }

    @Override
    public clinic.threshold.service.schedule.WaitlistService waitlist() {
        return clinic.waitlist();
    }

    @Override
    public clinic.threshold.service.payer.PayerService payers() {
        return clinic.payers();
    }

    @Override
    public clinic.threshold.service.payer.AuthorizationService authorizations() {
        return clinic.authorizations();
    }

    @Override
    public clinic.threshold.service.payer.LetterService letters() {
        return clinic.letters();
    }

    @Override
    public clinic.threshold.service.report.ReportService reports() {
        return clinic.reports();
    }

    @Override
    public clinic.threshold.service.demo.synthetic.SyntheticClinic synthetic() {
        return clinic.synthetic();
    }

    @Override
    public clinic.threshold.service.history.HistoryService history() {
        return clinic.history();
    }

    @Override
    public clinic.threshold.service.history.HistoryTransfer historyTransfer() {
        return clinic.historyTransfer();
    }

    @Override
    public clinic.threshold.service.history.ReferenceDataService referenceData() {
        return clinic.referenceData();
    }

    @Override
    public clinic.threshold.service.payer.PolicyAdminService policyAdmin() {
        return clinic.policyAdmin();
    }

    @Override
    public ReferenceService reference() {
        return clinic.reference();
    }

    @Override
    public UserService users() {
        return clinic.users();
    }

    @Override
    public AuditService audit() {
        return clinic.audit();
    }

    @Override
    public clinic.threshold.service.audit.ChangeFeed changes() {
        return clinic.changes();
    }

    @Override
    public SessionService session() {
        return clinic.session();
    }

    @Override
    public SettingsService settings() {
        return clinic.settings();
    }

    @Override
    public clinic.threshold.service.backup.BackupService backups() {
        return clinic.backups();
    }

    @Override
    public clinic.threshold.service.backup.PostgresMove postgresMove() {
        return clinic.postgresMove();
    }

    @Override
    public String dataLocation() {
        return clinic.dataLocation();
    }

    @Override
    public boolean demo() {
        return clinic.demo();
    }

    @Override
    public boolean onServer() {
        return clinic.onServer();
    }

    @Override
    public String auditProblem() {
        return clinic.auditProblem();
    }

    @Override
    public void close() {
        try {
            clinic.close();
        } finally {
            context.close();
        }
    }
}
