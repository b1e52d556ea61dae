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
}
