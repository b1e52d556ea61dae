package clinic.threshold.service.security;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.audit.AuditVerifier;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.security.PasswordHasher;
import clinic.threshold.security.SessionHolder;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.audit.AuditService;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.common.ReferenceService;
import clinic.threshold.service.patient.PatientService;
import clinic.threshold.service.settings.SettingsService;
import clinic.threshold.service.user.UserService;
import clinic.threshold.service.backup.BackupEngine;
import clinic.threshold.service.backup.BackupService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An open clinic for one signed-in user: the database, the key, and every service bound to that user. */
public final class SignedInClinic implements ClinicServices {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignedInClinic.class);
    private static final Duration FIRST_BACKUP_CHECK = Duration.ofMinutes(2);
    private static final Duration BACKUP_CHECK = Duration.ofMinutes(30);
    /** A backup in progress at close is allowed to finish; it holds the audit lock only while copying. */
    private static final Duration BACKUP_WAIT = Duration.ofMinutes(10);
    private final Database db;
    private final AccountKeys keys;
    /** Where the clinic's server is (host:port/database), or null for the embedded file. */
    private final String serverLocation;
    private final SessionHolder sessions;
    private final AuditLog audit;
    private final Path dataDir;
    private final boolean demo;
    private final PatientService patients;
    private final ReferenceService reference;
    private final UserService users;
    private final AuditService auditService;
    private final clinic.threshold.service.audit.ChangeFeed changes;
    private final SessionService session;
    private final SettingsService settings;
    private final BackupService backups;
    private final clinic.threshold.service.history.HistoryService history;
    private final clinic.threshold.service.history.HistoryTransfer historyTransfer;
    private final clinic.threshold.service.history.ReferenceDataService referenceData;
    private final clinic.threshold.service.payer.PolicyAdminService policyAdmin;
    private final clinic.threshold.service.medication.MedicationService medications;
    private final clinic.threshold.service.medication.MedicationPlanPdf medicationPlanPdf;
    private final clinic.threshold.service.medication.MedicationRulesService medicationRules;
    private final clinic.threshold.service.outcome.OutcomeService outcomes;
    private final clinic.threshold.service.tms.TmsService tms;
    private final clinic.threshold.service.settings.ClinicCalendarService calendar;
    private final clinic.threshold.service.tms.TmsReferenceService tmsReference;
    private final clinic.threshold.service.schedule.ScheduleService schedule;
    private final clinic.threshold.service.schedule.ScheduleExports scheduleExports;
    private final clinic.threshold.service.schedule.ScheduleSetupService scheduleSetup;
    private final clinic.threshold.service.schedule.WaitlistService waitlist;
    private final clinic.threshold.service.payer.PayerService payers;
    private final clinic.threshold.service.payer.AuthorizationService authorizations;
    private final clinic.threshold.service.payer.LetterService letters;
    private final clinic.threshold.service.report.ReportService reports;
    private final clinic.threshold.service.demo.synthetic.SyntheticClinic synthetic;
    private final clinic.threshold.service.backup.PostgresMove postgresMove;
    private final ScheduledExecutorService backupTimer;
    private volatile String auditProblem;
    private final AuditWatch watch;
    private boolean closed;

    SignedInClinic(Database db, Transactor tx, AccountKeys keys, SessionHolder sessions, AuditLog audit,
                   AuditVerifier verifier, Clock clock, PasswordHasher hasher, Path dataDir, boolean demo,
                   boolean automaticBackups, AuditWatch watch, String serverLocation) {
        this.db = db;
        this.watch = watch;
        this.keys = keys;
        this.serverLocation = serverLocation;
        this.sessions = sessions;
        this.audit = audit;
        this.dataDir = dataDir;
        this.demo = demo;
        Guard guard = new Guard(sessions, audit);
        this.patients = new PatientService(tx, clock, guard);
        this.reference = new ReferenceService(tx, guard);
        this.users = new UserService(tx, clock, guard, hasher, keys);
        this.settings = new SettingsService(tx, clock, guard);
        this.auditService = new AuditService(tx, guard, verifier, settings.timeZone());
        this.changes = new clinic.threshold.service.audit.ChangeFeed(tx, guard);
        this.session = new SessionService(tx, clock, sessions, guard, hasher, keys);
        this.backups = new BackupService(tx, clock, guard, keys, new BackupEngine(dataDir, clock), settings::timeZone);
        this.history = new clinic.threshold.service.history.HistoryService(tx, clock, guard);
        this.historyTransfer = new clinic.threshold.service.history.HistoryTransfer(tx, clock, guard);
        this.referenceData = new clinic.threshold.service.history.ReferenceDataService(tx, clock, guard);
        this.policyAdmin = new clinic.threshold.service.payer.PolicyAdminService(tx, clock, guard);
        this.medications = new clinic.threshold.service.medication.MedicationService(tx, clock, guard, history);
        this.medicationPlanPdf = new clinic.threshold.service.medication.MedicationPlanPdf(tx, clock, guard, medications);
        this.medicationRules = new clinic.threshold.service.medication.MedicationRulesService(tx, clock, guard);
        this.outcomes = new clinic.threshold.service.outcome.OutcomeService(tx, clock, guard);
        this.tms = new clinic.threshold.service.tms.TmsService(tx, clock, guard, medications);
        this.calendar = new clinic.threshold.service.settings.ClinicCalendarService(tx, clock, guard);
        this.tmsReference = new clinic.threshold.service.tms.TmsReferenceService(tx, clock, guard);
        this.schedule = new clinic.threshold.service.schedule.ScheduleService(tx, clock, guard);
        this.scheduleExports = new clinic.threshold.service.schedule.ScheduleExports(tx, clock, guard);
        this.scheduleSetup = new clinic.threshold.service.schedule.ScheduleSetupService(tx, clock, guard);
        this.waitlist = new clinic.threshold.service.schedule.WaitlistService(tx, clock, guard);
        this.payers = new clinic.threshold.service.payer.PayerService(tx, clock, guard);
        this.authorizations = new clinic.threshold.service.payer.AuthorizationService(tx, clock, guard);
        this.letters = new clinic.threshold.service.payer.LetterService(tx, clock, guard, history, outcomes, tms, authorizations);
        this.reports = new clinic.threshold.service.report.ReportService(tx, clock, guard);
        this.synthetic = new clinic.threshold.service.demo.synthetic.SyntheticClinic(tx, clock, guard);
        this.postgresMove = new clinic.threshold.service.backup.PostgresMove(tx, guard);
        this.backupTimer = automaticBackups ? startBackupTimer() : null;
    }

    /** Daily copies and weekly dumps while the clinic is open: checked soon after sign-in, then twice an hour. */
    private ScheduledExecutorService startBackupTimer() {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "threshold-backups");
            th.setDaemon(true);
            th.setPriority(Thread.MIN_PRIORITY);
            return th;
        });
        t.scheduleWithFixedDelay(this::runDueBackups, FIRST_BACKUP_CHECK.toSeconds(), BACKUP_CHECK.toSeconds(),
                TimeUnit.SECONDS);
        return t;
    }

    private void runDueBackups() {
        try {
            backups.runDue();
        } catch (RuntimeException e) {
            // Reported in the audit trail by the service; the timer keeps running for the next check.
            LOG.warn("Automatic backup failed: {}", e.getClass().getSimpleName());
        }
    }

    void setAuditProblem(String problem) {
        this.auditProblem = problem;
    }

    private void awaitTimer() {
        try {
            backupTimer.awaitTermination(BACKUP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public PatientService patients() {
        return patients;
    }

    @Override
    public clinic.threshold.service.medication.MedicationService medications() {
        return medications;
    }

    @Override
    public clinic.threshold.service.medication.MedicationPlanPdf medicationPlanPdf() {
        return medicationPlanPdf;
    }

    @Override
    public clinic.threshold.service.medication.MedicationRulesService medicationRules() {
        return medicationRules;
    }

    @Override
    public clinic.threshold.service.outcome.OutcomeService outcomes() {
        return outcomes;
    }

    @Override
    public clinic.threshold.service.tms.TmsService tms() {
        return tms;
    }

    @Override
    public clinic.threshold.service.settings.ClinicCalendarService calendar() {
        return calendar;
    }

    @Override
    public clinic.threshold.service.tms.TmsReferenceService tmsReference() {
        return tmsReference;
    }

    @Override
    public clinic.threshold.service.schedule.ScheduleService schedule() {
        return schedule;
    }

    @Override
    public clinic.threshold.service.schedule.ScheduleExports scheduleExports() {
        return scheduleExports;
    }

    @Override
    public clinic.threshold.service.schedule.ScheduleSetupService scheduleSetup() {
        return scheduleSetup;
    }

    @Override
    public clinic.threshold.service.schedule.WaitlistService waitlist() {
        return waitlist;
    }

    @Override
    public clinic.threshold.service.payer.PayerService payers() {
        return payers;
    }

    @Override
    public clinic.threshold.service.payer.AuthorizationService authorizations() {
        return authorizations;
    }

    @Override
    public clinic.threshold.service.payer.LetterService letters() {
        return letters;
    }

    @Override
    public clinic.threshold.service.demo.synthetic.SyntheticClinic synthetic() {
        return synthetic;
    }

    @Override
    public clinic.threshold.service.report.ReportService reports() {
        return reports;
    }

    @Override
    public clinic.threshold.service.history.HistoryService history() {
        return history;
    }

    @Override
    public clinic.threshold.service.history.HistoryTransfer historyTransfer() {
        return historyTransfer;
    }

    @Override
    public clinic.threshold.service.history.ReferenceDataService referenceData() {
        return referenceData;
    }

    @Override
    public clinic.threshold.service.payer.PolicyAdminService policyAdmin() {
        return policyAdmin;
    }

    @Override
    public ReferenceService reference() {
        return reference;
    }

    @Override
    public UserService users() {
        return users;
    }

    @Override
    public AuditService audit() {
        return auditService;
    }

    @Override
    public clinic.threshold.service.audit.ChangeFeed changes() {
        return changes;
    }

    @Override
    public SessionService session() {
        return session;
    }

    @Override
    public SettingsService settings() {
        return settings;
    }

    @Override
    public String dataLocation() {
        return serverLocation != null ? serverLocation : dataDir.toString();
    }

    @Override
    public boolean demo() {
        return demo;
    }

    @Override
    public boolean onServer() {
        return serverLocation != null;
    }

    @Override
    public String auditProblem() {
        return auditProblem;
    }

    @Override
    public clinic.threshold.service.backup.PostgresMove postgresMove() {
        return postgresMove;
    }

    @Override
    public BackupService backups() {
        return backups;
    }

    /**
     * Takes the close-time backup (when automatic backups are on and anything was done since the last good
     * one), signs out (audited), closes the database and forgets the key. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            watch.stop();
            if (backupTimer != null) {
                backupTimer.shutdown(); // never interrupt: an interrupted H2 file channel closes the database
                awaitTimer();
                if (Thread.currentThread().isInterrupted()) {
                    // H2 closes its file channel when an interrupted thread does I/O: no backup now.
                    LOG.warn("Backup at close skipped: the closing thread was interrupted");
                } else {
                    try {
                        backups.atClose();
                    } catch (RuntimeException e) {
                        LOG.warn("Backup at close failed: {}", e.getClass().getSimpleName());
                    }
                }
            }
            UserSession s = sessions.current().orElse(null);
            if (s != null) {
                audit.appendAlone(s.actor(), AuditEntry.security("user.signout", AuditOutcome.SUCCESS, "user",
                        Long.toString(s.userId()), null));
            }
        } finally {
            sessions.signOut();
            keys.clear();
            db.close();
        }
    }
}
