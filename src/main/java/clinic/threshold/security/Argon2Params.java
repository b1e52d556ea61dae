package clinic.threshold.security;

/**
 * Argon2id cost parameters. {@link #CURRENT} is what new hashes and key wraps use; OWASP's floor is
 * m=19,456 KiB, t=2, p=1 (reliability-security.md B.4), and a desktop sign-in a few times a day can
 * afford more, so we take 64 MiB and 3 passes. Raising these upgrades stored hashes at the next sign-in.
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
    public static final Argon2Params OWASP_MINIMUM = new Argon2Params(19_456, 2, 1);
    public static final Argon2Params CURRENT = new Argon2Params(65_536, 3, 1);

    public Argon2Params {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
    }

    /** True when these parameters are weaker than {@code other} in memory or passes. */
    public boolean weakerThan(Argon2Params other) {
        return memoryKiB < other.memoryKiB || iterations < other.iterations;
    }
}
