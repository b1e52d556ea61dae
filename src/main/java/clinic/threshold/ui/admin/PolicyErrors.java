package clinic.threshold.ui.admin;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.ErrorText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * What the payer policy screen shows for a refusal: each problem on its own line. The policy messages already name
 * the policy and the limit ("policy AETNA_CPB_0469 ends before it takes effect"), so no field label is put before
 * them; file trouble says what happened to the file.
 */
final class PolicyErrors {
    private PolicyErrors() {
    }

    static String of(Throwable t) {
        if (t instanceof ValidationException v) {
            return v.violations().stream().map(Messages::violationMessage).collect(Collectors.joining("\n"));
        }
        Throwable io = t instanceof UncheckedIOException u ? u.getCause() : t;
        if (io instanceof java.nio.file.NoSuchFileException) {
            return Messages.get("payer.policyAdmin.file.notFound");
        }
        if (io instanceof java.nio.file.AccessDeniedException) {
            return Messages.get("payer.policyAdmin.file.denied");
        }
        if (io instanceof java.nio.charset.CharacterCodingException) {
            return Messages.get("payer.policyAdmin.file.encoding");
        }
        if (io instanceof IOException) {
            return Messages.get("payer.policyAdmin.file.other");
        }
        return ErrorText.of(t);
    }
}
