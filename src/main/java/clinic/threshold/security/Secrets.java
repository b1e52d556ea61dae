package clinic.threshold.security;

import java.util.Arrays;

/** Clearing secrets from memory once used: passwords travel as char[], keys as byte[]. */
public final class Secrets {
    private Secrets() {
    }

    public static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    public static void clear(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
