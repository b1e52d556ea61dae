package clinic.threshold.domain.user;

import java.time.Instant;

/** One account's run of failed sign-ins: how many in a row, when the last was, and whether it is locked. */
public record SignInState(int failures, Instant lastFailure, boolean locked) {
    public static final SignInState CLEAN = new SignInState(0, null, false);
}
