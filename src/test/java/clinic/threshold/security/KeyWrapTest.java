package clinic.threshold.security;

import clinic.threshold.domain.user.SignInState;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyWrapTest {
    static final Argon2Params FAST = new Argon2Params(1024, 1, 1);

    @Test
    void unwrapsWithThePasswordAndLabelOnly() {
        byte[] key = KeyWrap.random(32);
        KeyWrap w = KeyWrap.wrap(key, "a long passphrase".toCharArray(), "ada", FAST);
        assertArrayEquals(key, w.unwrap("a long passphrase".toCharArray(), "ada"));
        assertNull(w.unwrap("a long passphrasE".toCharArray(), "ada"), "wrong password");
        assertNull(w.unwrap("a long passphrase".toCharArray(), "grace"), "a wrap cannot be moved to another user");
    }

    @Test
    void vaultRoundTripsWrapsThrottlingAndPendingEvents(@TempDir Path dir) {
        byte[] key = KeyWrap.random(32);
        KeyVault v = KeyVault.create(dir);
        v.putUserWrap("ada", KeyWrap.wrap(key, "a long passphrase".toCharArray(), "ada", FAST));
        v.putRecoveryWrap(KeyWrap.wrap(key, "RECOV-ERYKE-Y0000".toCharArray(), KeyVault.RECOVERY, FAST));
        v.putState("ada", new SignInState(3, Instant.ofEpochMilli(1000), false));
        v.addPending(new KeyVault.PendingEvent(Instant.ofEpochMilli(5), "mallory", "user.signin", "FAILED", null));
        v.save();

        KeyVault back = KeyVault.load(dir);
        assertArrayEquals(key, back.userWrap("ada").orElseThrow().unwrap("a long passphrase".toCharArray(), "ada"));
        assertArrayEquals(key, back.recoveryWrap().orElseThrow()
                .unwrap("RECOV-ERYKE-Y0000".toCharArray(), KeyVault.RECOVERY));
        assertEquals(new SignInState(3, Instant.ofEpochMilli(1000), false), back.state("ada"));
        assertEquals(SignInState.CLEAN, back.state("nobody"));
        assertEquals("mallory", back.pending().get(0).username());
        back.clearPending();
        assertTrue(back.pending().isEmpty());
        assertEquals(java.util.List.of("ada"), back.usersWithWraps());
    }

    @Test
    void aDamagedKeyFileIsReportedNotIgnored(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(KeyVault.FILE), "garbage without a format line\n");
        assertThrows(KeyVault.DamagedKeyFileException.class, () -> KeyVault.load(dir));
        Files.writeString(dir.resolve(KeyVault.FILE), "format=threshold-keys/1\nuser.ada.wrapped=@@@\nuser.ada.params=x\n");
        KeyVault v = KeyVault.load(dir);
        assertThrows(KeyVault.DamagedKeyFileException.class, () -> v.userWrap("ada"));
    }

    @Test
    void throttlingWaitsAfterFiveFailuresAndLocksAtTen() {
        SignInPolicy p = SignInPolicy.DEFAULT;
        Instant t = Instant.parse("2026-11-27T10:00:00Z");
        SignInState s = SignInState.CLEAN;
        for (int i = 1; i <= 4; i++) {
            s = p.afterFailure(s, t);
            assertNull(p.nextAttemptAt(s), "no wait after " + i + " failures");
        }
        s = p.afterFailure(s, t);
        assertEquals(t.plusSeconds(1), p.nextAttemptAt(s));
        s = p.afterFailure(s, t);
        assertEquals(t.plusSeconds(2), p.nextAttemptAt(s));
        for (int i = 7; i <= 9; i++) {
            s = p.afterFailure(s, t);
        }
        assertEquals(9, s.failures());
        assertEquals(t.plusSeconds(16), p.nextAttemptAt(s));
        assertTrue(!s.locked());
        s = p.afterFailure(s, t);
        assertTrue(s.locked(), "locked at ten failures in a row");
        SignInState many = new SignInState(40, t, true);
        assertEquals(t.plusSeconds(300), p.nextAttemptAt(many), "the wait is capped at five minutes");
    }
}
