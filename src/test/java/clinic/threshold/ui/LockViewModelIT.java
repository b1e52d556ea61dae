package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.SameThreadTaskExecutor;
import clinic.threshold.ui.signin.LockViewModel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock screen signs out after five wrong passwords instead of letting anyone guess forever. */
class LockViewModelIT {
    @Test
    void fiveWrongPasswordsSignOut(@TempDir Path dir) {
        try (var c = TestClinic.open(dir)) {
            AtomicBoolean unlocked = new AtomicBoolean();
            AtomicBoolean signedOut = new AtomicBoolean();
            LockViewModel vm = new LockViewModel(c, new SameThreadTaskExecutor(), () -> unlocked.set(true),
                    () -> signedOut.set(true));
            for (int i = 1; i <= 4; i++) {
                vm.passwordProperty().set("guess number " + i);
                vm.unlock();
                assertFalse(signedOut.get(), "still locked after " + i);
                assertEquals("", vm.passwordProperty().get(), "the typed password is cleared");
            }
            vm.passwordProperty().set("guess number 5");
            vm.unlock();
            assertTrue(signedOut.get());
            assertFalse(unlocked.get());
        }
    }
}
