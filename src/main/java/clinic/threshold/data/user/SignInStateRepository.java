package clinic.threshold.data.user;

import static clinic.threshold.data.jooq.Tables.SIGN_IN_STATE;

import clinic.threshold.data.jooq.tables.records.SignInStateRecord;
import clinic.threshold.domain.user.SignInState;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Failed sign-ins of a clinic on a server, per account (ADR 0024). Two workstations failing for one account at the
 * same moment both count: the row is created if absent (never twice) and then read under a row lock.
 */
public final class SignInStateRepository {
    private final DSLContext dsl;

    public SignInStateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The account's state as it is now, without a lock (the check before a password is tried). */
    public SignInState find(String usernameKey) {
        return dsl.selectFrom(SIGN_IN_STATE).where(SIGN_IN_STATE.USERNAME_KEY.eq(usernameKey)).fetchOptional()
                .map(SignInStateRepository::toState).orElse(SignInState.CLEAN);
    }

    /** The state, locked until the transaction ends, so that a failure counted elsewhere is never overwritten. */
    public SignInState lock(String usernameKey) {
        dsl.insertInto(SIGN_IN_STATE, SIGN_IN_STATE.USERNAME_KEY, SIGN_IN_STATE.FAILURES, SIGN_IN_STATE.LOCKED)
                .values(usernameKey, 0, false).onConflictDoNothing().execute();
        return toState(dsl.selectFrom(SIGN_IN_STATE).where(SIGN_IN_STATE.USERNAME_KEY.eq(usernameKey)).forUpdate()
                .fetchSingle());
    }

    /** Stores the state of an account locked by {@link #lock} in the same transaction. */
    public void save(String usernameKey, SignInState s) {
        dsl.update(SIGN_IN_STATE).set(SIGN_IN_STATE.FAILURES, s.failures())
                .set(SIGN_IN_STATE.LAST_FAILURE, s.lastFailure() == null ? null : s.lastFailure().atOffset(ZoneOffset.UTC))
                .set(SIGN_IN_STATE.LOCKED, s.locked())
                .where(SIGN_IN_STATE.USERNAME_KEY.eq(usernameKey)).execute();
    }

    private static SignInState toState(SignInStateRecord r) {
        return new SignInState(r.getFailures(), r.getLastFailure() == null ? null : r.getLastFailure().toInstant(),
                r.getLocked());
    }
}
