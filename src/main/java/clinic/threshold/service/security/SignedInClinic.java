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
import java.nio.file.Path;
import java.time.Clock;

/** An open clinic for one signed-in user: the database, the key, and every service bound to that user. */
public final class SignedInClinic implements ClinicServices {
    private final Database db;
    private final KeyHolder keys;
    private final SessionHolder sessions;
    private final AuditLog audit;
    private final Path dataDir;
    private final boolean demo;
    private final PatientService patients;
    private final ReferenceService reference;
    private final UserService users;
    private final AuditService auditService;
    private final SessionService session;
    private final SettingsService settings;
    private volatile String auditProblem;
    private boolean closed;

    SignedInClinic(Database db, Transactor tx, KeyHolder keys, SessionHolder sessions, AuditLog audit,
                   AuditVerifier verifier, Clock clock, PasswordHasher hasher, Path dataDir, boolean demo) {
        this.db = db;
        this.keys = keys;
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
        this.session = new SessionService(tx, clock, sessions, guard, hasher, keys);
    }

    void setAuditProblem(String problem) {
        this.auditProblem = problem;
    }

    @Override
    public PatientService patients() {
        return patients;
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
    public SessionService session() {
        return session;
    }

    @Override
    public SettingsService settings() {
        return settings;
    }

    @Override
    public String dataLocation() {
        return dataDir.toString();
    }

    @Override
    public boolean demo() {
        return demo;
    }

    @Override
    public String auditProblem() {
        return auditProblem;
    }

    /** Signs out (audited), closes the database and forgets the key. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
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
