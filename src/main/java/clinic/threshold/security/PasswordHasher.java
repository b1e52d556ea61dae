package clinic.threshold.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Password hashes as PHC strings: {@code $argon2id$v=19$m=65536,t=3,p=1$salt$hash} (base64 without padding).
 * Verification is constant-time. The caller owns the {@code char[]} and clears it after use.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Argon2Params params;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(Argon2Params params) {
        this.params = params;
    }

    public PasswordHasher() {
        this(Argon2Params.CURRENT);
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return phc(salt, Argon2.derive(password, salt, params, HASH_BYTES));
    }

    private String phc(byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p="
                + params.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * A stored hash no password matches (random salt and random hash bytes) with this hasher's parameters, so
     * verifying against it costs the same Argon2 work as a real account: sign-in checks an unknown name's password
     * against it, and timing reveals no names. Made without hashing anything: hashing a decoy password at start-up
     * held the sign-in window back by the time of one Argon2 run (about 0.45 s, docs/benchmarks.md).
     */
    public String decoy() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(hash);
        return phc(salt, hash);
    }

    /** True when {@code password} matches the stored PHC string; false also for a malformed string. */
    public boolean verify(char[] password, String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        if (m == null || !m.matches()) {
            return false;
        }
        Argon2Params p = paramsOf(m);
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = Argon2.derive(password, salt, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** True when the stored hash was made with weaker parameters than this hasher's: re-hash at sign-in. */
    public boolean needsRehash(String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        return m == null || !m.matches() || paramsOf(m).weakerThan(params);
    }

    /** The parameters a stored hash was made with. */
    public static Argon2Params parametersOf(String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        return paramsOf(m);
    }

    private static Argon2Params paramsOf(Matcher m) {
        return new Argon2Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }
}
