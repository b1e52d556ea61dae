package clinic.threshold.service.security;

/**
 * What the user, password and backup services need from wherever the clinic keeps its account secrets: on the
 * embedded clinic the key file's wraps and lock state ({@link KeyHolder}); on a server the lock state in the database
 * and no key at all ({@link ServerAccountKeys}).
 */
public interface AccountKeys {
    /** Makes {@code password} open the clinic for {@code usernameKey} (a new user, a reset or changed password). */
    void wrapFor(String usernameKey, char[] password);

    /** Stops the user's password from opening the clinic (deactivation). */
    void removeWrap(String usernameKey);

    /**
     * Lifts a sign-in lock and clears the failure count (an administrator's unlock, a new account), as part of the
     * caller's transaction {@code dsl} of {@code tx}: on a server in it, so that the unlock and its audit event commit
     * together; in the key file only once it committed, so that no unlock happens without its event.
     */
    void unlock(clinic.threshold.data.db.Transactor tx, org.jooq.DSLContext dsl, String usernameKey);

    boolean isLocked(String usernameKey);

    /** Runs {@code work} with the database file's key as H2 takes it (hex), for backups encrypted like the file. */
    <T> T withKeyHex(java.util.function.Function<String, T> work);

    /** Whether the clinic lives in this workstation's encrypted file (and so has a key and file backups). */
    boolean embedded();

    /** Forgets the key at sign-out. */
    void clear();
}
