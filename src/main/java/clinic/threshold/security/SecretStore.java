package clinic.threshold.security;

import java.util.Optional;

/**
 * Where a workstation keeps the one secret it needs before anyone signs in: the password of the clinic's account on
 * its PostgreSQL server (issue 13, ADR 0024). Callers clear what they pass in and what they get back.
 */
public interface SecretStore {
    Optional<char[]> read();

    /** Keeps {@code secret}, replacing any earlier one; throws {@link SecretStoreException} when it cannot. */
    void write(char[] secret);

    /** Forgets the secret, if any (a newer one was kept elsewhere); quietly does nothing when it cannot. */
    void remove();

    /** In the administrator's words: where the secret is kept. */
    String where();

    /** The store could not keep or give back the secret (no keyring running, a file that cannot be written). */
    final class SecretStoreException extends RuntimeException {
        public SecretStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
