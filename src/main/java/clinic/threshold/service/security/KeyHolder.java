package clinic.threshold.service.security;

import clinic.threshold.security.Argon2Params;
import clinic.threshold.security.KeyVault;
import clinic.threshold.security.KeyWrap;
import clinic.threshold.security.Secrets;

/**
 * The open database's key while someone is signed in, and the key file it is wrapped in. Only this class
 * writes wraps: for a new user, a reset or changed password, and a hash-parameter upgrade. Cleared when the
 * clinic is closed.
 */
public final class KeyHolder implements AccountKeys {
    private final KeyVault vault;
    private final Argon2Params params;
    private byte[] dataKey;

    KeyHolder(KeyVault vault, byte[] dataKey, Argon2Params params) {
        this.vault = vault;
        this.dataKey = dataKey.clone();
        this.params = params;
    }

    /** Wraps the key for {@code usernameKey} under {@code password} and saves the key file. */
    @Override
    public synchronized void wrapFor(String usernameKey, char[] password) {
        if (dataKey == null) {
            throw new IllegalStateException("the clinic is closed");
        }
        vault.putUserWrap(usernameKey, KeyWrap.wrap(dataKey, password, usernameKey, params));
        vault.save();
    }

    /** Removes a user's wrap, so that their password no longer opens the key (deactivation). */
    @Override
    public synchronized void removeWrap(String usernameKey) {
        vault.removeUserWrap(usernameKey);
        vault.save();
    }

    /** Lifts a sign-in lock and clears the failure count (administrator action). */
    @Override
    public void unlock(clinic.threshold.data.db.Transactor tx, org.jooq.DSLContext dsl, String usernameKey) {
        // The key file is outside the database: written once the unlock's audit event has committed.
        tx.afterCommit(() -> clearState(usernameKey));
    }

    private synchronized void clearState(String usernameKey) {
        vault.putState(usernameKey, clinic.threshold.domain.user.SignInState.CLEAN);
        vault.save();
    }

    @Override
    public synchronized boolean isLocked(String usernameKey) {
        return vault.state(usernameKey).locked();
    }

    /** Runs {@code work} with the key as H2 takes it (hex), for backups encrypted like the database. */
    @Override
    public synchronized <T> T withKeyHex(java.util.function.Function<String, T> work) {
        if (dataKey == null) {
            throw new IllegalStateException("the clinic is closed");
        }
        return work.apply(java.util.HexFormat.of().formatHex(dataKey));
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public synchronized void clear() {
        Secrets.clear(dataKey);
        dataKey = null;
    }
}
