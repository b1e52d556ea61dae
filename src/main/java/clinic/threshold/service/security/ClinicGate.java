package clinic.threshold.service.security;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseChoiceFile;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.db.DatabaseException;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.settings.SettingsRepository;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.Role;
import clinic.threshold.domain.user.UserRules;
import clinic.threshold.security.KeyVault;
import clinic.threshold.security.KeyWrap;
import clinic.threshold.security.PasswordHasher;
import clinic.threshold.security.Secrets;
import clinic.threshold.domain.user.SignInState;
import clinic.threshold.service.backup.BackupEngine;
import clinic.threshold.service.backup.BackupRestorer;
import clinic.threshold.service.backup.PreMigrationBackup;
import clinic.threshold.service.settings.SettingsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The way into a clinic's data. The database is encrypted (H2 CIPHER=AES) with a random key that exists
 * on disk only wrapped: once per user under their password and once under a recovery key shown at setup.
 * Setting up creates the key, the database and the first administrator; signing in unwraps the key with
 * the user's password, opens the database, checks the account, writes the sign-in to the audit trail
 * (with any failures that happened while the database was closed) and verifies the chain. See ADR 0008.
 */
public final class ClinicGate {
    private static final int KEY_BYTES = 32;

    private final Path dir;
    private final boolean demo;
    private final Clock clock;
    private final GateConfig config;
    private final PasswordHasher hasher;
    private final String decoyHash;
    private final ClinicOpener opener;

    /** How the gate finds the store for a server's password; tests give one that keeps it in a folder of theirs. */
    public interface SecretStores extends java.util.function.Function<String, clinic.threshold.security.SecretStore> {
    }

    private final SecretStores secrets;
    /** The server this folder points at (database.properties), or null for the embedded file. */
    private volatile ServerGate server;

    /** A gate whose server password (if the folder points at a server) is kept where this computer user keeps it. */
    public ClinicGate(Path dataDir, boolean demo, Clock clock, GateConfig config) {
        this(dataDir, demo, clock, config, account -> clinic.threshold.security.SecretStores.forServer(dataDir,
                Path.of(System.getProperty("user.home")), account, System.getenv()));
    }

    public ClinicGate(Path dataDir, boolean demo, Clock clock, GateConfig config, SecretStores secrets) {
        this.secrets = secrets;
        this.dir = dataDir;
        this.demo = demo;
        this.clock = clock;
        this.config = config;
        this.hasher = new PasswordHasher(config.params());
        this.decoyHash = hasher.decoy();
        this.opener = new ClinicOpener(dataDir, demo, clock, config, hasher);
        clinic.threshold.data.db.ServerConnection c;
        try {
            c = demo ? null : DatabaseChoiceFile.read(dataDir);
        } catch (ValidationException e) {
            throw new DatabaseSettingsException(e.violations());
        }
        this.server = c == null ? null : serverGate(c);
    }

    private ServerGate serverGate(clinic.threshold.data.db.ServerConnection c) {
        String account = c.user() + "@" + c.host() + ":" + c.port() + "/" + c.database();
        return new ServerGate(c, secrets.apply(account), clock, config, hasher, decoyHash, opener);
    }

    /** Whether this folder's clinic lives on a PostgreSQL server (issue 13) rather than in its own file. */
    public boolean onServer() {
        return server != null;
    }

    /** The server this folder points at, as the connection form shows it; empty for the embedded file. */
    public java.util.Optional<ServerFields> serverFields() {
        ServerGate g = server;
        if (g == null) {
            return java.util.Optional.empty();
        }
        clinic.threshold.data.db.ServerConnection c = g.connection();
        return java.util.Optional.of(new ServerFields(c.host(), Integer.toString(c.port()), c.database(), c.user(),
                c.sslMode()));
    }

    /** Where the server's password is kept on this workstation; empty for the embedded file. */
    public java.util.Optional<String> serverSecretLocation() {
        ServerGate g = server;
        return g == null ? java.util.Optional.empty() : java.util.Optional.of(g.secretLocation());
    }

    /**
     * Points this data folder at a clinic on a PostgreSQL server: checks every field, opens the server's database with
     * {@code password} (bringing it up to this version of Threshold), and only then keeps the password and the
     * address. A folder that holds a clinic in its own file is refused (its records would be left behind unseen).
     * Returns whether the server's clinic has accounts already; when not, setup comes next. Clears the password.
     */
    public boolean connectToServer(ServerFields f, char[] password) {
        try {
            if (isEmbeddedClinic()) {
                throw new ValidationException(Violation.of("host", "server.error.embeddedHere"));
            }
            clinic.threshold.data.db.ServerConnection c = parse(f);
            if (password == null || password.length == 0) {
                throw new ValidationException(Violation.of("password", "server.error.password"));
            }
            ServerGate g = serverGate(c);
            ServerGate before = server;
            boolean accounts;
            try {
                accounts = g.connect(password.clone());
            } catch (DatabaseException e) {
                throw new SignInException(SignInException.Reason.SERVER_UNAVAILABLE, 0, e);
            } catch (clinic.threshold.security.SecretStore.SecretStoreException e) {
                throw new ValidationException(Violation.of("password", "server.error.secret", e.getMessage()));
            }
            if (before == null || !before.connection().url().equals(c.url())) {
                // Marks left by another database's trail (this folder pointed elsewhere before) cannot match this one.
                forgetTrailMarks();
            }
            DatabaseChoiceFile.write(dir, c);
            server = g;
            return accounts;
        } finally {
            Secrets.clear(password);
        }
    }

    private void forgetTrailMarks() {
        for (String f : List.of("audit.head", "audit.verified")) {
            try {
                Files.deleteIfExists(dir.resolve(f));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static clinic.threshold.data.db.ServerConnection parse(ServerFields f) {
        int port;
        try {
            port = Integer.parseInt(f.port() == null ? "" : f.port().strip());
        } catch (NumberFormatException e) {
            port = -1; // named with the other fields by the connection's own checks
        }
        return new clinic.threshold.data.db.ServerConnection(f.host(), port, f.database(), f.user(), f.tls());
    }

    private boolean isEmbeddedClinic() {
        return KeyVault.exists(dir) || Files.exists(databaseFile());
    }

    /** True once setup has run here (the key file exists). */
    public boolean isSetUp() {
        // A folder pointing at a server goes to the sign-in screen, which opens the connection form when the password
        // is missing here (NOT_CONNECTED) and setup when the server's clinic has no accounts yet (NOT_SET_UP).
        return server != null || KeyVault.exists(dir);
    }

    public boolean demo() {
        return demo;
    }

    /**
     * What setup returns: the clinic, signed in as its administrator, and the recovery key to print (null on a server,
     * where another administrator resets a lost password).
     */
    public record SetupResult(SignedInClinic clinic, char[] recoveryKey) {
    }

    /**
     * Creates the clinic: validates everything first, then the key, the encrypted database, the settings,
     * the administrator and the key file. If any step fails, nothing of the new clinic is left behind.
     * Clears the passwords in {@code s}.
     */
    public SetupResult setUp(ClinicSetup s) {
        ServerGate g = server;
        if (g != null) {
            return g.setUp(s);
        }
        try {
            if (isSetUp() || Files.exists(databaseFile())) {
                throw new IllegalStateException("This data folder already holds a clinic");
            }
            List<Violation> v = SetupRules.validate(s);
            if (!v.isEmpty()) {
                throw new ValidationException(v);
            }
            byte[] dataKey = KeyWrap.random(KEY_BYTES);
            char[] recovery = SetupRules.newRecoveryKey();
            Database db = null;
            try {
                String key = UserRules.key(s.adminUsername());
                KeyVault vault = KeyVault.create(dir);
                vault.putUserWrap(key, KeyWrap.wrap(dataKey, s.password(), key, config.params()));
                vault.putRecoveryWrap(KeyWrap.wrap(dataKey, recovery, "recovery", config.params()));
                db = openDatabase(dataKey, true);
                String hash = hasher.hash(s.password());
                Transactor tx = new Transactor(db.dsl());
                AuditLog audit = auditLog(tx);
                Instant now = clock.instant();
                long adminId = tx.inTransaction(dsl -> recordSetup(dsl, audit, s, key, hash, now));
                vault.save();
                SignedInClinic clinic = opener.open(db, new KeyHolder(vault, dataKey, config.params()), adminId, tx, audit, null);
                db = null; // owned by the clinic now
                return new SetupResult(clinic, recovery);
            } catch (RuntimeException e) {
                if (db != null) {
                    db.close();
                }
                removeHalfMadeClinic();
                throw e;
            } finally {
                Secrets.clear(dataKey);
            }
        } finally {
            Secrets.clear(s.password());
            Secrets.clear(s.passwordConfirm());
        }
    }

    /**
     * Signs in: throttles repeated failures, unwraps the key, opens the database and checks the account.
     * Throws {@link SignInException} (wrong credentials, locked, wait, deactivated, damaged key file) or a
     * database exception. Clears {@code password}.
     */
    public SignedInClinic signIn(String username, char[] password) {
        ServerGate g = server;
        if (g != null) {
            return g.signIn(username, password);
        }
        try {
            if (!isSetUp()) {
                throw new SignInException(SignInException.Reason.NOT_SET_UP, 0);
            }
            String key = UserRules.key(username);
            KeyVault vault = loadVault();
            Instant now = clock.instant();
            SignInState state = vault.state(key);
            if (state.locked()) {
                pending(vault, now, key, "user.signin", AuditOutcome.DENIED, "account locked");
                throw new SignInException(SignInException.Reason.LOCKED, 0);
            }
            if (vault.isDeactivated(key)) {
                pending(vault, now, key, "user.signin", AuditOutcome.DENIED, "account deactivated");
                throw new SignInException(SignInException.Reason.DEACTIVATED, 0);
            }
            Instant next = config.policy().nextAttemptAt(state);
            if (next != null && now.isBefore(next)) {
                throw new SignInException(SignInException.Reason.WAIT,
                        Math.max(1, java.time.Duration.between(now, next).toSeconds()));
            }
            java.util.Optional<KeyWrap> wrap = vault.userWrap(key);
            if (wrap.isEmpty()) {
                // Do the same Argon2 work as for a real account, so that timing does not reveal names.
                hasher.verify(password, decoyHash);
            }
            byte[] dataKey = wrap.map(w -> w.unwrap(password, key)).orElse(null);
            if (dataKey == null) {
                throw failed(vault, key, state, now);
            }
            try {
                return openSignedIn(vault, dataKey, key, password);
            } catch (DatabaseException e) {
                throw SignInException.database(e);
            } catch (clinic.threshold.domain.common.DataDamagedException e) {
                // found while the sign-in read the records (the chain check reads every audit event)
                throw new SignInException(SignInException.Reason.DATABASE_DAMAGED, 0, e);
            } finally {
                Secrets.clear(dataKey);
            }
        } finally {
            Secrets.clear(password);
        }
    }

    /**
     * With the recovery key printed at setup: sets a new password for {@code username} (who must then
     * sign in with it) and unlocks the account. For when an administrator's password is lost.
     */
    public void recover(char[] recoveryKey, String username, char[] newPassword, char[] confirm) {
        try {
            if (server != null) {
                throw new ValidationException(Violation.of("recoveryKey", "server.error.recovery"));
            }
            List<Violation> v = UserRules.validatePassword(newPassword, confirm);
            if (!v.isEmpty()) {
                throw new ValidationException(v);
            }
            KeyVault vault = loadVault();
            String normalized = new String(recoveryKey).strip().toUpperCase(java.util.Locale.ROOT);
            byte[] dataKey = vault.recoveryWrap().map(w -> w.unwrap(normalized.toCharArray(), "recovery")).orElse(null);
            if (dataKey == null) {
                pending(vault, clock.instant(), UserRules.key(username), "user.recover", AuditOutcome.FAILED,
                        "wrong recovery key");
                throw new SignInException(SignInException.Reason.WRONG_CREDENTIALS, 0);
            }
            String key = UserRules.key(username);
            try (Database db = openDatabase(dataKey, false)) {
                Transactor tx = new Transactor(db.dsl());
                AuditLog audit = auditLog(tx);
                String hash = hasher.hash(newPassword);
                tx.inTransaction(dsl -> {
                    UserRepository users = new UserRepository(dsl);
                    AppUser u = users.credentials(key).map(UserRepository.Credentials::user)
                            .orElseThrow(() -> new SignInException(SignInException.Reason.WRONG_CREDENTIALS, 0));
                    users.setPasswordHash(u.id(), hash, false, clock.instant());
                    audit.append(dsl, new Actor(u.id(), key), AuditEntry.security("user.recover",
                            AuditOutcome.SUCCESS, "user", Long.toString(u.id()), "password set with the recovery key"));
                    return null;
                });
                vault.putUserWrap(key, KeyWrap.wrap(dataKey, newPassword, key, config.params()));
                vault.putState(key, SignInState.CLEAN);
                vault.save();
            } finally {
                Secrets.clear(dataKey);
            }
        } finally {
            Secrets.clear(recoveryKey);
            Secrets.clear(newPassword);
            Secrets.clear(confirm);
        }
    }

    private SignedInClinic openSignedIn(KeyVault vault, byte[] dataKey, String key, char[] password) {
        Database db = openDatabase(dataKey, false);
        try {
            Transactor tx = new Transactor(db.dsl());
            AuditLog audit = auditLog(tx);
            DatabaseStateChecks.refuseRolledBack(tx, audit);
            DatabaseStateChecks.refuseInconsistent(tx);
            UserRepository.Credentials c = tx.read(dsl -> new UserRepository(dsl).credentials(key)).orElse(null);
            if (c == null || !hasher.verify(password, c.passwordHash())) {
                // The wrap opened but the account disagrees: treat as a failed sign-in, never as success.
                db.close();
                throw failed(vault, key, vault.state(key), clock.instant());
            }
            if (!c.user().active()) {
                audit.appendAlone(new Actor(c.user().id(), key), AuditEntry.security("user.signin",
                        AuditOutcome.DENIED, "user", Long.toString(c.user().id()), "account deactivated"));
                db.close();
                throw new SignInException(SignInException.Reason.DEACTIVATED, 0);
            }
            boolean rehash = hasher.needsRehash(c.passwordHash());
            String newHash = rehash ? hasher.hash(password) : null;
            boolean rewrap = vault.userWrap(key).map(w -> w.params().weakerThan(config.params())).orElse(false);
            List<KeyVault.PendingEvent> pending = vault.pending();
            int dropped = vault.droppedPending();
            tx.inTransaction(dsl -> {
                for (KeyVault.PendingEvent p : pending) {
                    audit.append(dsl, new Actor(null, p.username()), new AuditEntry(p.action(),
                            clinic.threshold.domain.audit.AuditCategory.SECURITY, null, "user", null,
                            AuditOutcome.valueOf(p.outcome()), "at " + p.at() + (p.detail() == null ? "" : ": " + p.detail())));
                }
                if (dropped > 0) {
                    audit.append(dsl, Actor.SYSTEM, AuditEntry.security("user.signin", AuditOutcome.FAILED, "user",
                            null, dropped + " further sign-in events were not kept (queue full)"));
                }
                if (rehash) {
                    new UserRepository(dsl).setPasswordHash(c.user().id(), newHash, c.user().mustChangePassword(),
                            clock.instant());
                    audit.append(dsl, new Actor(c.user().id(), key), AuditEntry.security("user.password.rehash",
                            AuditOutcome.SUCCESS, "user", Long.toString(c.user().id()), "hash parameters raised"));
                }
                audit.append(dsl, new Actor(c.user().id(), key), AuditEntry.security("user.signin",
                        AuditOutcome.SUCCESS, "user", Long.toString(c.user().id()), null));
                return null;
            });
            if (rewrap) {
                vault.putUserWrap(key, KeyWrap.wrap(dataKey, password, key, config.params()));
            }
            vault.clearPending();
            vault.putState(key, SignInState.CLEAN);
            vault.save();
            SignedInClinic clinic = opener.open(db, new KeyHolder(vault, dataKey, config.params()), c.user().id(), tx, audit, null);
            db = null;
            return clinic;
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    /** The clinic's settings, its first administrator and their audit events, in the caller's transaction. */
    static long recordSetup(org.jooq.DSLContext dsl, AuditLog audit, ClinicSetup s, String key, String hash, Instant now) {
        SettingsRepository settings = new SettingsRepository(dsl);
        settings.put(SettingsService.CLINIC_NAME, s.clinicName().strip(), now);
        settings.put(SettingsService.TIME_ZONE, ZoneId.of(s.timeZone().strip()).getId(), now);
        long id = new UserRepository(dsl).insert(key, key, s.adminDisplayName().strip(), hash, false,
                Set.of(Role.ADMIN), now);
        Actor admin = new Actor(id, key);
        audit.append(dsl, admin, AuditEntry.security("clinic.setup", AuditOutcome.SUCCESS, "clinic", null,
                "clinic " + s.clinicName().strip() + ", time zone " + s.timeZone().strip()));
        audit.append(dsl, admin, AuditEntry.security("user.create", AuditOutcome.SUCCESS, "user",
                Long.toString(id), "username " + key + ", roles [ADMIN]"));
        return id;
    }

    private SignInException failed(KeyVault vault, String key, SignInState state, Instant now) {
        SignInState after = config.policy().afterFailure(state, now);
        boolean known = vault.userWrap(key).isPresent();
        if (known) {
            vault.putState(key, after);
        }
        vault.addPending(new KeyVault.PendingEvent(now, key, "user.signin", AuditOutcome.FAILED.name(),
                known ? "wrong password (" + after.failures() + " in a row)" : "unknown user name"));
        if (known && after.locked() && !state.locked()) {
            vault.addPending(new KeyVault.PendingEvent(now, key, "user.lock", AuditOutcome.SUCCESS.name(),
                    "locked after " + after.failures() + " failed sign-ins"));
        }
        vault.save();
        return new SignInException(known && after.locked() ? SignInException.Reason.LOCKED
                : SignInException.Reason.WRONG_CREDENTIALS, 0);
    }

    private static void pending(KeyVault vault, Instant now, String key, String action, AuditOutcome outcome,
                                String detail) {
        vault.addPending(new KeyVault.PendingEvent(now, key, action, outcome.name(), detail));
        vault.save();
    }

    private KeyVault loadVault() {
        try {
            return KeyVault.load(dir);
        } catch (KeyVault.DamagedKeyFileException e) {
            throw new SignInException(SignInException.Reason.KEY_FILE_DAMAGED, 0);
        }
    }

    /**
     * Opens the database with a key that a GCM tag has just proven right: if H2 still reports a key error,
     * the file is damaged, and the user is told so (not that the key is wrong). Only setup creates a file;
     * before migrations change an existing one, a verified backup is taken.
     */
    private Database openDatabase(byte[] dataKey, boolean create) {
        String hex = HexFormat.of().formatHex(dataKey);
        DatabaseConfig c = DatabaseConfig.in(dir.resolve("db")).withListeners(config.listeners()).withFileKey(hex)
                .withFileSystem(config.fileSystem())
                .withMigrations(config.migrations().withGuard(new PreMigrationBackup(new BackupEngine(dir, clock), hex)));
        try {
            Database db = Database.open(create ? c : c.existingOnly());
            DatabaseStateChecks.recordRecovery(db, auditLog(new Transactor(db.dsl())));
            return db;
        } catch (DatabaseException e) {
            if (e.reason() == DatabaseException.Reason.WRONG_KEY) {
                throw new DatabaseException(DatabaseException.Reason.DAMAGED, "The database file is damaged", e);
            }
            throw e;
        }
    }

    /** Restores a backup into this closed data folder; see {@link ClinicRestore#restore}. Clears the password. */
    public BackupRestorer.Restored restore(java.nio.file.Path archive, String username, char[] password,
                                           clinic.threshold.domain.common.Progress progress) {
        return maintenance(password).restore(archive, username, password, progress);
    }

    /** Rebuilds the database file from a verified dump; see {@link ClinicRestore#compact}. */
    public BackupRestorer.Restored compact(String username, char[] password,
                                           clinic.threshold.domain.common.Progress progress) {
        return maintenance(password).compact(username, password, progress);
    }

    /** The newest verified backup of this data folder, if any (offered when the database is damaged). */
    public java.util.Optional<java.nio.file.Path> newestGoodBackup() {
        return new BackupRestorer(dir, clock).newestGood();
    }

    /** As {@link #maintenance()}, clearing {@code password} when the work is refused before it starts. */
    private ClinicRestore maintenance(char[] password) {
        try {
            return maintenance();
        } catch (RuntimeException e) {
            Secrets.clear(password);
            throw e;
        }
    }

    private ClinicRestore maintenance() {
        if (server != null) {
            // A file restored here would sit unseen behind database.properties: a server is restored with its tools.
            throw new ValidationException(Violation.of("backup", "server.error.restore"));
        }
        return new ClinicRestore(dir, clock, this::loadVault, this::openDatabase, this::auditLog);
    }

    private AuditLog auditLog(Transactor tx) {
        return opener.auditLog(tx);
    }

    private Path databaseFile() {
        return dir.resolve("db").resolve("threshold.mv.db");
    }

    private void removeHalfMadeClinic() {
        for (Path p : List.of(dir.resolve(KeyVault.FILE), dir.resolve("audit.head"), databaseFile())) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort: a new setup refuses to run over what is left, and says so
            }
        }
        try (Stream<Path> s = Files.exists(dir.resolve("db")) ? Files.list(dir.resolve("db")) : Stream.empty()) {
            s.filter(p -> p.getFileName().toString().startsWith("threshold.")).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // as above
        }
    }
}
