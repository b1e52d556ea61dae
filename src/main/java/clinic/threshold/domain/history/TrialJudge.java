package clinic.threshold.domain.history;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges single trials: weeks at adequate dose, adequacy, failure and intolerance, each with its reasons. */
final class TrialJudge {
    private final Formulary formulary;
    private final AssessmentRules rules;
    private final LocalDate asOf;

    TrialJudge(Formulary formulary, AssessmentRules rules, LocalDate asOf) {
        this.formulary = formulary;
        this.rules = rules;
        this.asOf = asOf;
    }

    /**
     * The trial as it was known on the day assessed: one that ended after that day had no outcome yet (its recorded
     * outcome and stop reason came later). A trial with no end keeps what is recorded, as it does today.
     */
    TreatmentTrial asKnown(TreatmentTrial t) {
        if (t.end() == null || !t.end().isAfter(asOf)) {
            return t;
        }
        return new TreatmentTrial(t.id(), t.episodeId(), t.kind(), t.agent(), t.role(), t.augments(), t.start(), t.end(),
                t.doses(), t.adherence(), TrialOutcome.UNKNOWN, null, t.modality(), t.sessions(), t.laterality(),
                t.protocol(), t.note());
    }

    /** Judges the trial as {@link #asKnown known} on the day assessed. */
    TrialVerdict judge(TreatmentTrial recorded, boolean inCurrentEpisode) {
        List<Reason> reasons = new ArrayList<>();
        if (!inCurrentEpisode) {
            reasons.add(Reason.of("history.reason.earlierEpisode"));
        }
        TreatmentTrial t = asKnown(recorded);
        if (t != recorded) {
            reasons.add(Reason.of("history.reason.endedAfterAsOf", recorded.end(), asOf));
        }
        return switch (t.kind()) {
            case MEDICATION -> medication(t, inCurrentEpisode, reasons);
            case PSYCHOTHERAPY -> psychotherapy(t, inCurrentEpisode, reasons);
            default -> somatic(t, inCurrentEpisode, reasons);
        };
    }

    /** A trial begun after the day assessed: listed, never counted. */
    TrialVerdict notYetBegun(TreatmentTrial t) {
        return new TrialVerdict(t.id(), false, false, false, false, 0,
                List.of(Reason.of("history.reason.afterAsOf", t.start(), asOf)));
    }

    /** Days from each step's start to the next step's start (or the trial's end) at or above {@code min}. */
    long daysAtOrAbove(TreatmentTrial t, BigDecimal min) {
        // Weeks after the day assessed are not known yet (a looking-back assessment, or a planned end date).
        LocalDate last = t.endOr(asOf).isAfter(asOf) ? asOf : t.endOr(asOf);
        List<DoseStep> steps = t.doses().stream().sorted(java.util.Comparator.comparing(DoseStep::from)).toList();
        long days = 0;
        for (int i = 0; i < steps.size(); i++) {
            LocalDate from = steps.get(i).from().isBefore(t.start()) ? t.start() : steps.get(i).from();
            LocalDate to = i + 1 < steps.size() ? steps.get(i + 1).from() : last;
            if (to.isAfter(last)) {
                to = last;
            }
            if (steps.get(i).mgPerDay().compareTo(min) >= 0 && to.isAfter(from)) {
                days += ChronoUnit.DAYS.between(from, to);
            }
        }
        return days;
    }

    private TrialVerdict medication(TreatmentTrial t, boolean counted, List<Reason> reasons) {
        Optional<FormularyAgent> agent = formulary.find(t.agent(), asOf);
        if (agent.isEmpty()) {
            reasons.add(Reason.of("history.reason.unknownAgent", String.valueOf(t.agent())));
            return new TrialVerdict(t.id(), counted, false, false, false, 0, reasons);
        }
        BigDecimal min = agent.get().minAdequateMgPerDay();
        double weeks = daysAtOrAbove(t, min) / 7.0;
        BigDecimal shown = BigDecimal.valueOf(weeks).setScale(1, RoundingMode.DOWN).stripTrailingZeros();
        if (t.doses().isEmpty()) {
            reasons.add(Reason.of("history.reason.noDoses"));
        } else {
            reasons.add(Reason.of(weeks >= rules.minWeeksAdequate() ? "history.reason.weeksMet" : "history.reason.weeksShort",
                    shown.toPlainString(), min.stripTrailingZeros().toPlainString(), rules.minWeeksAdequate()));
        }
        boolean poor = rules.poorAdherenceInadequate() && t.adherence() == Adherence.POOR;
        if (poor) {
            reasons.add(Reason.of("history.reason.poorAdherence"));
        }
        boolean adequate = weeks >= rules.minWeeksAdequate() && !poor;
        boolean intolerance = t.outcome() == TrialOutcome.INTOLERANCE || t.stopReason() == StopReason.ADVERSE_EFFECTS;
        boolean failed = false;
        if (intolerance) {
            reasons.add(Reason.of("history.reason.intolerance"));
        } else if (t.role() == TrialRole.AUGMENTATION) {
            reasons.add(Reason.of("history.reason.augmentation"));
        } else if (!t.outcome().isNonResponse()) {
            reasons.add(Reason.of(t.outcome() == TrialOutcome.UNKNOWN ? "history.reason.outcomeUnknown"
                    : "history.reason.outcomeNotFailure", t.outcome()));
        } else if (weeks < rules.minWeeksFailure()) {
            reasons.add(Reason.of("history.reason.underFailureFloor", shown.toPlainString(), rules.minWeeksFailure()));
        } else if (adequate) {
            failed = true;
            reasons.add(Reason.of("history.reason.failed", agent.get().drugClass()));
        } else {
            reasons.add(Reason.of("history.reason.inadequateNotFailure"));
        }
        return new TrialVerdict(t.id(), counted, adequate, counted && failed, counted && intolerance, weeks, reasons);
    }

    private TrialVerdict psychotherapy(TreatmentTrial t, boolean counted, List<Reason> reasons) {
        boolean listed = t.modality() != null && rules.psychotherapyModalities().contains(t.modality());
        int sessions = t.sessions() == null ? 0 : t.sessions();
        if (!listed) {
            reasons.add(Reason.of("history.reason.modalityNotListed", String.valueOf(t.modality())));
        }
        reasons.add(Reason.of(sessions >= rules.psychotherapyMinSessions() ? "history.reason.sessionsMet"
                : "history.reason.sessionsShort", sessions, rules.psychotherapyMinSessions()));
        boolean adequate = listed && sessions >= rules.psychotherapyMinSessions();
        boolean failed = adequate && t.outcome().isNonResponse();
        reasons.add(failed ? Reason.of("history.reason.psychotherapyFailed")
                : Reason.of(t.outcome() == TrialOutcome.UNKNOWN ? "history.reason.outcomeUnknown"
                : "history.reason.outcomeNotFailure", t.outcome()));
        return new TrialVerdict(t.id(), counted, adequate, counted && failed, false, 0, reasons);
    }

    /** ECT, ketamine, esketamine and TMS: no adequacy rule; a course taken to an outcome counts. */
    private TrialVerdict somatic(TreatmentTrial t, boolean counted, List<Reason> reasons) {
        boolean reachedOutcome = t.outcome() != TrialOutcome.UNKNOWN && t.outcome() != TrialOutcome.INTOLERANCE;
        boolean failed = t.outcome().isNonResponse();
        if (t.kind() == TrialKind.ECT) {
            reasons.add(Reason.of(failed ? "history.reason.ectFailed" : "history.reason.ectNotFailed",
                    t.laterality() == null ? "-" : t.laterality(), t.outcome()));
        } else {
            reasons.add(Reason.of("history.reason.somaticCourse", t.kind(), t.outcome()));
        }
        // Intolerance counts medication trials only: it is the payers' alternative to an antidepressant failure.
        return new TrialVerdict(t.id(), counted, reachedOutcome, counted && failed, false, 0, reasons);
    }

    boolean isFailedBilateralEct(TreatmentTrial t) {
        return t.kind() == TrialKind.ECT && t.laterality() == Laterality.BILATERAL && t.outcome().isNonResponse();
    }

    Optional<DrugClass> classOf(TreatmentTrial t) {
        return formulary.find(t.agent(), asOf).map(FormularyAgent::drugClass);
    }
}
