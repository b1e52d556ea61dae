package clinic.threshold.security;

import clinic.threshold.domain.user.SignInState;
import java.time.Duration;
import java.time.Instant;

/**
 * Throttling of failed sign-ins (ADR 0008): the first {@code freeAttempts} failures cost nothing; from then
 * on each further attempt waits 1 s, 2 s, 4 s ... up to {@code maxDelay}; at {@code lockAfter} failures in
 * a row the account is locked until an administrator unlocks it. Security settings, not clinical numbers.
 */
public record SignInPolicy(int freeAttempts, Duration maxDelay, int lockAfter) {
    public static final SignInPolicy DEFAULT = new SignInPolicy(5, Duration.ofMinutes(5), 10);

    /** The earliest time the next attempt is accepted, or null when it may happen now. */
    public Instant nextAttemptAt(SignInState s) {
        if (s.failures() < freeAttempts || s.lastFailure() == null) {
            return null;
        }
        int doublings = Math.min(s.failures() - freeAttempts, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        return s.lastFailure().plus(delay);
    }

    public SignInState afterFailure(SignInState s, Instant now) {
        int n = s.failures() + 1;
        return new SignInState(n, now, s.locked() || n >= lockAfter);
    }
}
