package clinic.threshold.ui.history;

import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialVerdict;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.util.stream.Collectors;

/** How a trial and its verdict read in the table, the timeline and the reasons. */
final class TrialText {
    private TrialText() {
    }

    /** "sertraline", "CBT psychotherapy", "Bilateral ECT". */
    static String name(TreatmentTrial t) {
        return switch (t.kind()) {
            case MEDICATION -> t.agent() == null ? Messages.label(t.kind()) : t.agent();
            case PSYCHOTHERAPY -> Messages.get("history.name.psychotherapy",
                    t.modality() == null ? "" : Messages.label(t.modality()));
            case ECT -> Messages.get("history.name.ect", t.laterality() == null ? "" : Messages.label(t.laterality()));
            default -> Messages.label(t.kind());
        };
    }

    /** Dose steps as "50 → 100 → 150 mg/day". */
    static String doses(TreatmentTrial t) {
        if (t.kind() != TrialKind.MEDICATION || t.doses().isEmpty()) {
            return t.sessions() == null ? "" : Messages.get("history.sessions", t.sessions());
        }
        return t.doses().stream().map(DoseStep::mgPerDay).map(Formats::number).collect(Collectors.joining(" → "))
                + " " + Messages.get("history.unit.mgPerDay");
    }

    static String dates(TreatmentTrial t) {
        return Formats.date(t.start()) + " – " + (t.end() == null ? Messages.get("history.ongoing") : Formats.date(t.end()));
    }

    static String summary(TreatmentTrial t) {
        return name(t) + ", " + dates(t) + (doses(t).isEmpty() ? "" : ", " + doses(t));
    }

    /** "Failed adequate trial", "Intolerance", "Adequate", "Not adequate", or "Earlier episode". */
    static String verdict(TrialVerdict v) {
        if (!v.counted()) {
            return Messages.get("history.verdict.earlier");
        }
        if (v.failed()) {
            return Messages.get("history.verdict.failed");
        }
        if (v.intolerance()) {
            return Messages.get("history.verdict.intolerance");
        }
        return Messages.get(v.adequate() ? "history.verdict.adequate" : "history.verdict.notAdequate");
    }

    static String reasons(TrialVerdict v) {
        return v.reasons().stream().map(Messages::reason).collect(Collectors.joining(" "));
    }
}
