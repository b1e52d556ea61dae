package clinic.threshold.ui.tms;

import clinic.threshold.domain.tms.MtDueReason;
import clinic.threshold.domain.tms.SessionResult;
import clinic.threshold.i18n.Messages;
import java.util.List;
import java.util.stream.Collectors;

/** Sentences of the TMS screens built from results. */
final class TmsText {
    private TmsText() {
    }

    static String saved(SessionResult r) {
        String text = Messages.get("tms.session.saved", r.number(), r.billingCode(), r.outputPct());
        return r.mtWarnings().isEmpty() ? text : text + "\n" + Messages.get("tms.session.mtReminder", reasons(r.mtWarnings()));
    }

    static String reasons(List<MtDueReason> reasons) {
        return reasons.stream().map(Messages::label).collect(Collectors.joining(", "));
    }

    /** A stimulator as its pickers show it: name and coil ("NeuroStar (figure-8)"); typed text is never read back. */
    static javafx.util.StringConverter<clinic.threshold.domain.tms.Device> devices() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(clinic.threshold.domain.tms.Device d) {
                return d == null ? "" : d.name() + " (" + d.coil() + ")";
            }

            @Override
            public clinic.threshold.domain.tms.Device fromString(String s) {
                return null;
            }
        };
    }
}
