package clinic.threshold.service.security;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.data.audit.AuditRepository;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseException;
import clinic.threshold.data.db.ServerConnection;
import clinic.threshold.data.db.ServerDatabase;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.user.SignInStateRepository;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.user.UserRules;
import clinic.threshold.security.PasswordHasher;
import clinic.threshold.security.SecretStore;
import clinic.threshold.security.Secrets;
import clinic.threshold.domain.user.SignInState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The way into a clinic on a PostgreSQL server (issue 13, ADR 0024). The workstation holds the server account's
 * password in its {@link SecretStore}; users sign in against the password hashes in the server's database, so an
 * account made at one workstation works at all of them. Failed sign-ins are counted in the database (one count for
 * the whole clinic, under a row lock) and audited at once, since the trail is reachable before anyone signs in.
 */
final class ServerGate {
    private final ServerConnection connection;
    private final SecretStore secret;
    private final Clock clock;
    private final GateConfig config;
    private final PasswordHasher hasher;
    private final String decoyHash;
    private final ClinicOpener opener;

    ServerGate(ServerConnection connection, SecretStore secret, Clock clock, GateConfig config, PasswordHasher hasher,
               String decoyHash, ClinicOpener opener) {
        this.connection = connection;
        this.secret = secret;
        this.clock = clock;
        this.config = config;
        this.hasher = hasher;
        this.decoyHash = decoyHash;
        this.opener = opener;
    }

    ServerConnection connection() {
        return connection;
    }

    /**
     * Opens the server's database with {@code password} (bringing it up to this version), and keeps the password only
     * when that worked. Returns whether the clinic there has accounts already (otherwise setup comes next). Clears
     * {@code password}.
     */
    boolean connect(char[] password) {
        try (Database db = ServerDatabase.open(connection, password.clone())) {
            boolean accounts = db.dsl().fetchExists(clinic.threshold.data.jooq.Tables.APP_USER);
            secret.write(password);
            return accounts;
        } finally {
            Secrets.clear(password);
        }
    }

    /** Where the password is kept, for the administrator. */
    String secretLocation() {
        return secret.where();
    }

    /** Creates the clinic's first administrator on a server whose database holds no accounts. Clears the passwords. */
    ClinicGate.SetupResult setUp(ClinicSetup s) {
        try {
            List<Violation> v = SetupRules.validate(s);
            if (!v.isEmpty()) {
                throw new ValidationException(v);
            }
            Database db = open();
            try {
                Transactor tx = new Transactor(db.dsl());
                AuditLog audit = opener.auditLog(tx);
                String key = UserRules.key(s.adminUsername());
                String hash = hasher.hash(s.password());
                long adminId = tx.inTransaction(dsl -> {
                    new AuditRepository(dsl).lockHead(); // two workstations setting up at once: the second waits here
                    if (dsl.fetchExists(clinic.threshold.data.jooq.Tables.APP_USER)) {
                        throw new IllegalStateException("The clinic on this server has been set up already: sign in");
                    }
                    return ClinicGate.recordSetup(dsl, audit, s, key, hash, clock.instant());
                });
                SignedInClinic clinic = opener.open(db, new ServerAccountKeys(tx), adminId, tx, audit, location());
                db = null;
                return new ClinicGate.SetupResult(clinic, null);
            } finally {
                if (db != null) {
                    db.close();
                }
            }
        } finally {
            Secrets.clear(s.password());
            Secrets.clear(s.passwordConfirm());
        }
    }

    /** Signs in against the server's accounts. Throws {@link SignInException}; clears {@code password}. */
    SignedInClinic signIn(String username, char[] password) {
        try {
            Database db = open();
            try {
                Transactor tx = new Transactor(db.dsl());
                AuditLog audit = opener.auditLog(tx);
                long userId = checkAccount(tx, audit, UserRules.key(username), password);
                SignedInClinic clinic = opener.open(db, new ServerAccountKeys(tx), userId, tx, audit, location());
                db = null;
                return clinic;
            } catch (DatabaseException e) {
                throw new SignInException(SignInException.Reason.SERVER_UNAVAILABLE, 0, e);
            } catch (org.jooq.exception.DataAccessException e) {
                // the server went away in the middle: said as such (the driver's text holds SQL, not for the screen)
                throw new SignInException(SignInException.Reason.SERVER_UNAVAILABLE, 0, new DatabaseException(
                        DatabaseException.Reason.OTHER, "The connection to the clinic's server was lost", e));
            } finally {
                if (db != null) {
                    db.close();
                }
            }
        } finally {
            Secrets.clear(password);
        }
    }

    private long checkAccount(Transactor tx, AuditLog audit, String key, char[] password) {
        if (!tx.read(dsl -> dsl.fetchExists(clinic.threshold.data.jooq.Tables.APP_USER))) {
            throw new SignInException(SignInException.Reason.NOT_SET_UP, 0);
        }
        Instant now = clock.instant();
        SignInState state = tx.read(dsl -> new SignInStateRepository(dsl).find(key));
        if (state.locked()) {
            audit.appendAlone(new Actor(null, key), AuditEntry.security("user.signin", AuditOutcome.DENIED, "user",
                    null, "account locked"));
            throw new SignInException(SignInException.Reason.LOCKED, 0);
        }
        Instant next = config.policy().nextAttemptAt(state);
        if (next != null && now.isBefore(next)) {
            throw new SignInException(SignInException.Reason.WAIT, Math.max(1, Duration.between(now, next).toSeconds()));
        }
        Optional<UserRepository.Credentials> c = tx.read(dsl -> new UserRepository(dsl).credentials(key));
        if (c.isEmpty()) {
            hasher.verify(password, decoyHash); // the same Argon2 work as for a real account: timing reveals no names
            // Counted, delayed and locked like a real account, so that the replies reveal no names either.
            throw failed(tx, audit, key, null, now);
        }
        long id = c.get().user().id();
        if (!hasher.verify(password, c.get().passwordHash())) {
            throw failed(tx, audit, key, id, now);
        }
        if (!c.get().user().active()) {
            audit.appendAlone(new Actor(id, key), AuditEntry.security("user.signin", AuditOutcome.DENIED, "user",
                    Long.toString(id), "account deactivated"));
            throw new SignInException(SignInException.Reason.DEACTIVATED, 0);
        }
        String newHash = hasher.needsRehash(c.get().passwordHash()) ? hasher.hash(password) : null;
        tx.inTransaction(dsl -> {
            SignInStateRepository states = new SignInStateRepository(dsl);
            if (states.lock(key).locked()) {
                // locked by failures at another workstation while this password was being checked
                throw new SignInException(SignInException.Reason.LOCKED, 0);
            }
            states.save(key, SignInState.CLEAN);
            if (newHash != null) {
                new UserRepository(dsl).setPasswordHash(id, newHash, c.get().user().mustChangePassword(), clock.instant());
                audit.append(dsl, new Actor(id, key), AuditEntry.security("user.password.rehash", AuditOutcome.SUCCESS,
                        "user", Long.toString(id), "hash parameters raised"));
            }
            audit.append(dsl, new Actor(id, key), AuditEntry.security("user.signin", AuditOutcome.SUCCESS, "user",
                    Long.toString(id), null));
            return null;
        });
        return id;
    }

    /** Counts the failure where every workstation sees it, locks the account at the limit, and audits both. */
    private SignInException failed(Transactor tx, AuditLog audit, String key, Long id, Instant now) {
        SignInState after = tx.inTransaction(dsl -> {
            SignInStateRepository states = new SignInStateRepository(dsl);
            SignInState before = states.lock(key);
            SignInState a = config.policy().afterFailure(before, now);
            states.save(key, a);
            String entity = id == null ? null : id.toString();
            audit.append(dsl, new Actor(null, key), AuditEntry.security("user.signin", AuditOutcome.FAILED, "user",
                    entity, id == null ? "unknown user name (" + a.failures() + " in a row)"
                            : "wrong password (" + a.failures() + " in a row)"));
            if (a.locked() && !before.locked()) {
                audit.append(dsl, Actor.SYSTEM, AuditEntry.security("user.lock", AuditOutcome.SUCCESS, "user",
                        entity, "locked after " + a.failures() + " failed sign-ins"));
            }
            return a;
        });
        return new SignInException(after.locked() ? SignInException.Reason.LOCKED
                : SignInException.Reason.WRONG_CREDENTIALS, 0);
    }

    private Database open() {
        char[] pw = secret.read().orElseThrow(() -> new SignInException(SignInException.Reason.NOT_CONNECTED, 0));
        try {
            return ServerDatabase.open(connection, pw);
        } catch (DatabaseException e) {
            throw new SignInException(SignInException.Reason.SERVER_UNAVAILABLE, 0, e);
        }
    }

    private String location() {
        return "PostgreSQL " + connection.host() + ":" + connection.port() + "/" + connection.database();
    }
}
