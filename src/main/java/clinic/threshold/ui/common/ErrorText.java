package clinic.threshold.ui.common;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.i18n.Messages;
import java.util.stream.Collectors;

/** Turns what a service threw into words a clinician understands. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable t) {
        if (t instanceof ValidationException v) {
            return v.violations().stream().map(Messages::describe).collect(Collectors.joining("\n"));
        }
        if (t instanceof clinic.threshold.service.security.SignInException s) {
            return Messages.get("signin.error." + s.reason().name(), s.waitSeconds(), s.detail());
        }
        if (t instanceof ConcurrentEditException) {
            return Messages.get("error.concurrentEdit");
        }
        if (t instanceof clinic.threshold.domain.common.DataDamagedException) {
            return Messages.get("startup.database.DAMAGED");
        }
        if (t instanceof AccessDeniedException) {
            return Messages.get("error.accessDenied");
        }
        if (t instanceof NotFoundException) {
            return Messages.get("error.notFound");
        }
        if (t instanceof clinic.threshold.service.backup.RestoreRefusedException r) {
            return Messages.get("backup.restore.refused." + r.reason().name(), r.getMessage());
        }
        if (t instanceof clinic.threshold.service.backup.BackupException b) {
            return b.getMessage(); // written for administrators: what failed and where
        }
        return Messages.get("error.unexpected", t.getClass().getSimpleName());
    }
}
