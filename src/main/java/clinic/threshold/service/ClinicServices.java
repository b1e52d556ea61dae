package clinic.threshold.service;

import clinic.threshold.service.audit.AuditService;
import clinic.threshold.service.common.ReferenceService;
import clinic.threshold.service.patient.PatientService;
import clinic.threshold.service.security.SessionService;
import clinic.threshold.service.settings.SettingsService;
import clinic.threshold.service.user.UserService;

/**
 * The use cases the UI and the CLI may call for one signed-in user, as one bundle. Closing it signs the
 * user out, closes the database and forgets its key.
 */
public interface ClinicServices extends AutoCloseable {
    PatientService patients();

    ReferenceService reference();

    UserService users();

    AuditService audit();

    /** What other workstations changed, for screens that follow them (ADR 0025). */
    clinic.threshold.service.audit.ChangeFeed changes();

    SessionService session();

    SettingsService settings();

    clinic.threshold.service.backup.BackupService backups();

    /** Copying the whole clinic to a PostgreSQL server (issue 13). */
    clinic.threshold.service.backup.PostgresMove postgresMove();

    clinic.threshold.service.history.HistoryService history();

    clinic.threshold.service.history.HistoryTransfer historyTransfer();

    clinic.threshold.service.history.ReferenceDataService referenceData();

    /** Payer policies as administrators edit, verify, import and export them. */
    clinic.threshold.service.payer.PolicyAdminService policyAdmin();

    clinic.threshold.service.medication.MedicationService medications();

    clinic.threshold.service.medication.MedicationPlanPdf medicationPlanPdf();

    clinic.threshold.service.medication.MedicationRulesService medicationRules();

    clinic.threshold.service.outcome.OutcomeService outcomes();

    clinic.threshold.service.tms.TmsService tms();

    clinic.threshold.service.settings.ClinicCalendarService calendar();

    clinic.threshold.service.tms.TmsReferenceService tmsReference();

    clinic.threshold.service.schedule.ScheduleService schedule();

    clinic.threshold.service.schedule.ScheduleExports scheduleExports();

    clinic.threshold.service.schedule.ScheduleSetupService scheduleSetup();

    clinic.threshold.service.schedule.WaitlistService waitlist();

    clinic.threshold.service.payer.PayerService payers();

    clinic.threshold.service.payer.AuthorizationService authorizations();

    clinic.threshold.service.payer.LetterService letters();

    clinic.threshold.service.report.ReportService reports();

    /** Generating a synthetic clinic (benchmarks and demonstrations; administrators, empty clinics only). */
    clinic.threshold.service.demo.synthetic.SyntheticClinic synthetic();

    /** Human-readable location of the data folder, for status bars and CLI messages. */
    String dataLocation();

    boolean demo();

    /**
     * Whether the clinic lives on a PostgreSQL server (issue 13) rather than in this workstation's file: backups are
     * then the server's own ({@code pg_dump}), and other workstations change the records while this one shows them.
     */
    default boolean onServer() {
        return false;
    }

    /** The result of checking the audit chain at sign-in: null when intact, otherwise what is wrong. */
    String auditProblem();

    @Override
    void close();
}
