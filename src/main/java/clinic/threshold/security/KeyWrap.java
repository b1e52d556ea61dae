package clinic.threshold.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The database key wrapped (AES-256-GCM) under a key derived from a password with Argon2id. The label
 * (which user, or the recovery key) is bound in as associated data, so a wrap cannot be moved to another
 * user. A wrong password fails the GCM tag check: {@link #unwrap} then returns null.
 */
public record KeyWrap(byte[] salt, Argon2Params params, byte[] iv, byte[] wrapped) {
    private static final int KEK_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static KeyWrap wrap(byte[] dataKey, char[] password, String label, Argon2Params params) {
        byte[] salt = random(16);
        byte[] iv = random(12);
        byte[] kek = Argon2.derive(password, salt, params, KEK_BYTES);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad(label));
            return new KeyWrap(salt, params, iv, c.doFinal(dataKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Secrets.clear(kek);
        }
    }

    /** The data key, or null when the password (or label) is wrong. */
    public byte[] unwrap(char[] password, String label) {
        byte[] kek = Argon2.derive(password, salt, params, KEK_BYTES);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad(label));
            return c.doFinal(wrapped);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot unwrap the database key", e);
        } finally {
            Secrets.clear(kek);
        }
    }

    public static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] aad(String label) {
        return ("threshold-key-wrap/1:" + label).getBytes(StandardCharsets.UTF_8);
    }
}
