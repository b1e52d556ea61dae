package clinic.threshold.service.security;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.audit.AuditVerifier;
import clinic.threshold.audit.FileAuditAnchor;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditCheck;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.security.PasswordHasher;
import clinic.threshold.security.SessionHolder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * The last step of every way in (setup, sign-in, embedded or on a server): the signed-in user's session, the services
 * bound to it, and the audit trail's checks (the quick one now, the complete walk in the background).
 */
final class ClinicOpener {
    private final Path dir;
    private final boolean demo;
    private final Clock clock;
    private final GateConfig config;
    private final PasswordHasher hasher;

    ClinicOpener(Path dir, boolean demo, Clock clock, GateConfig config, PasswordHasher hasher) {
        this.dir = dir;
        this.demo = demo;
        this.clock = clock;
        this.config = config;
        this.hasher = hasher;
    }

    /** The trail, with its head copied after each commit into this workstation's data folder. */
    AuditLog auditLog(Transactor tx) {
        return new AuditLog(tx, clock, new FileAuditAnchor(dir.resolve("audit.head")));
    }

    /**
     * Opens the clinic for {@code userId}; {@code serverLocation} is null for the embedded file. Automatic file
     * backups run only on the embedded clinic: a server is backed up with its own tools.
     */
    SignedInClinic open(Database db, AccountKeys keys, long userId, Transactor tx, AuditLog audit, String serverLocation) {
        AppUser user = tx.read(dsl -> new UserRepository(dsl).findById(userId)).orElseThrow();
        Set<String> permissions = tx.read(dsl -> new UserRepository(dsl).permissionsOf(user.roles()));
        SessionHolder sessions = new SessionHolder();
        sessions.signIn(new UserSession(userId, user.username(), user.displayName(), user.roles(), permissions,
                user.mustChangePassword()));
        AuditVerifier verifier = new AuditVerifier(audit.anchor());
        AuditWatch watch = new AuditWatch(tx, verifier, dir);
        SignedInClinic clinic = new SignedInClinic(db, tx, keys, sessions, audit, verifier, clock, hasher, dir, demo,
                config.automaticBackups() && serverLocation == null, watch, serverLocation);
        clinic.patients().upgradeSearchKeys();
        AuditCheck r = watch.atSignIn();
        if (!r.intact()) {
            clinic.setAuditProblem(r.problem());
            audit.appendAlone(Actor.SYSTEM, AuditEntry.security("audit.verify", AuditOutcome.FAILED, "audit", null,
                    "at sign-in: " + r.problem()));
        } else {
            watch.walkInBackground(audit, clinic::setAuditProblem);
        }
        return clinic;
    }
}
