package clinic.threshold.service.security;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.user.SignInStateRepository;
import clinic.threshold.domain.user.SignInState;
import java.util.function.Function;

/**
 * Account secrets of a clinic on a server (ADR 0024): nothing to wrap, since users sign in against the password
 * hashes in the database and the data is protected at rest by the server; lock state is the {@code sign_in_state}
 * row every workstation sees.
 */
final class ServerAccountKeys implements AccountKeys {
    private final Transactor tx;

    ServerAccountKeys(Transactor tx) {
        this.tx = tx;
    }

    @Override
    public void wrapFor(String usernameKey, char[] password) {
        // The stored hash is the whole credential on a server; there is no key to wrap.
    }

    @Override
    public void removeWrap(String usernameKey) {
        // A deactivated account is refused by its row's active flag.
    }

    @Override
    public void unlock(Transactor unused, org.jooq.DSLContext dsl, String usernameKey) {
        SignInStateRepository states = new SignInStateRepository(dsl);
        states.lock(usernameKey);
        states.save(usernameKey, SignInState.CLEAN);
    }

    @Override
    public boolean isLocked(String usernameKey) {
        return tx.read(dsl -> new SignInStateRepository(dsl).find(usernameKey)).locked();
    }

    @Override
    public <T> T withKeyHex(Function<String, T> work) {
        // Only backups ask for the key: on a server they are the server's own (the backups screen explains them).
        throw new clinic.threshold.service.backup.BackupException("This clinic is on a PostgreSQL server: it is backed "
                + "up with the server's own tools (pg_dump), not by Threshold. See docs/postgresql.md");
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public void clear() {
        // no key held
    }
}
