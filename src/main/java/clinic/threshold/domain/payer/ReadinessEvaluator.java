package clinic.threshold.domain.payer;

import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.TrialVerdict;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges a patient against a payer policy, criterion by criterion (issue 10, domain.md 6.1): met, unmet or missing
 * data, each with its evidence or what to collect. Every number comes from the policy row; a limit the policy does
 * not state is not judged. A policy's alternative route (a prior TMS response, an ECT candidate) meets the
 * medication-trial criteria when it is documented.
 */
public final class ReadinessEvaluator {
    private ReadinessEvaluator() {
    }

    public static Readiness evaluate(PayerPolicy p, PatientFacts f, LocalDate today) {
        List<Readiness.Criterion> out = new ArrayList<>();
        age(p, f, today, out);
        diagnosis(p, f, out);
        severity(p, f, out);
        Optional<Readiness.Criterion> alt = alternative(p, f);
        trials(p, f, alt, out);
        psychotherapy(p, f, out);
        exclusions(p, f, out);
        Readiness.Overall overall = out.stream().anyMatch(c -> c.status() == Readiness.Status.UNMET) ? Readiness.Overall.NOT_READY
                : out.stream().anyMatch(c -> c.status() == Readiness.Status.MISSING) ? Readiness.Overall.MISSING_INFORMATION
                : Readiness.Overall.READY;
        return new Readiness(p, overall, out);
    }

    private static void age(PayerPolicy p, PatientFacts f, LocalDate today, List<Readiness.Criterion> out) {
        if (p.minAge() == null && p.maxAge() == null) {
            return;
        }
        if (f.birthDate() == null) {
            out.add(missing("age", "payer.missing.birthDate"));
            return;
        }
        int age = Period.between(f.birthDate(), today).getYears();
        boolean ok = (p.minAge() == null || age >= p.minAge()) && (p.maxAge() == null || age <= p.maxAge());
        out.add(ok ? met("age", "payer.evidence.age", age) : unmet("age", "payer.evidence.age", List.of(age),
                "payer.missing.ageRange", p.minAge() == null ? "-" : p.minAge(), p.maxAge() == null ? "-" : p.maxAge()));
    }

    private static void diagnosis(PayerPolicy p, PatientFacts f, List<Readiness.Criterion> out) {
        if (p.diagnosisCodes().isEmpty()) {
            return;
        }
        if (f.diagnosisCode() == null || f.diagnosisCode().isBlank()) {
            out.add(missing("diagnosis", "payer.missing.diagnosis", String.join(", ", sorted(p.diagnosisCodes()))));
        } else if (p.diagnosisCodes().contains(f.diagnosisCode().strip().toUpperCase(java.util.Locale.ROOT))) {
            out.add(met("diagnosis", "payer.evidence.diagnosis", f.diagnosisCode()));
        } else {
            out.add(unmet("diagnosis", "payer.evidence.diagnosis", List.of(f.diagnosisCode()), "payer.missing.diagnosisNotCovered",
                    String.join(", ", sorted(p.diagnosisCodes()))));
        }
    }

    /** The newest total of any scale the policy names; met when one of them reaches its value. */
    private static void severity(PayerPolicy p, PatientFacts f, List<Readiness.Criterion> out) {
        if (p.severityAnyOf().isEmpty()) {
            return;
        }
        String wanted = p.severityAnyOf().stream().map(r -> r.scale() + (r.operator() == SeverityRule.Operator.GE ? " \u2265 " : " > ")
                + r.value()).collect(Collectors.joining(" or "));
        PatientFacts.Score latest = null;
        for (SeverityRule r : p.severityAnyOf()) {
            Optional<PatientFacts.Score> s = f.scores().stream().filter(x -> x.scale().equals(r.scale()))
                    .max(Comparator.comparing(PatientFacts.Score::date));
            if (s.isPresent() && r.operator().holds(s.get().total(), r.value())) {
                out.add(met("severity", "payer.evidence.score", s.get().scale(), s.get().total(), s.get().date()));
                return;
            }
            if (s.isPresent() && (latest == null || s.get().date().isAfter(latest.date()))) {
                latest = s.get();
            }
        }
        out.add(latest == null ? missing("severity", "payer.missing.score", wanted)
                : unmet("severity", "payer.evidence.score", List.of(latest.scale(), latest.total(), latest.date()),
                        "payer.missing.scoreTooLow", wanted));
    }

    private static Optional<Readiness.Criterion> alternative(PayerPolicy p, PatientFacts f) {
        if (p.altPaths().contains(AltPath.PRIOR_TMS_RESPONSE) && f.priorTmsImprovementPct() != null && p.priorResponsePct() != null
                && f.priorTmsImprovementPct() > p.priorResponsePct()) {
            return Optional.of(met("alternative", "payer.evidence.priorTms", f.priorTmsImprovementPct()));
        }
        if (p.altPaths().contains(AltPath.ECT_CANDIDATE) && Boolean.TRUE.equals(f.ectCandidate())) {
            return Optional.of(met("alternative", "payer.evidence.ectCandidate"));
        }
        return Optional.empty();
    }

    private static void trials(PayerPolicy p, PatientFacts f, Optional<Readiness.Criterion> alt, List<Readiness.Criterion> out) {
        boolean any = p.minFailedTrials() != null || p.minDistinctClasses() != null || p.minWeeksPerTrial() != null
                || p.augmentationTrialRequired();
        if (!any) {
            return;
        }
        if (alt.isPresent()) {
            out.add(alt.get());
            return;
        }
        if (!f.historyRecorded() || f.assessment() == null) {
            out.add(missing("failedTrials", "payer.missing.history"));
            return;
        }
        List<TrialVerdict> failed = f.assessment().trials().stream().filter(TrialVerdict::counted)
                .filter(t -> f.medicationTrial(t.trialId()))
                .filter(t -> t.failed() || (p.intoleranceCounts() && t.intolerance())).toList();
        if (p.minFailedTrials() != null) {
            int n = failed.size();
            out.add(n >= p.minFailedTrials() ? met("failedTrials", "payer.evidence.failedTrials", n)
                    : unmet("failedTrials", "payer.evidence.failedTrials", List.of(n), "payer.missing.moreTrials",
                            p.minFailedTrials() - n, p.minFailedTrials()));
        }
        if (p.minDistinctClasses() != null) {
            List<DrugClass> classes = f.assessment().failedClasses().stream().filter(DrugClass::isAntidepressantClass).sorted().toList();
            String names = classes.stream().map(Enum::name).collect(Collectors.joining(", "));
            out.add(classes.size() >= p.minDistinctClasses() ? met("classes", "payer.evidence.classes", classes.size(), names)
                    : unmet("classes", "payer.evidence.classes", List.of(classes.size(), names), "payer.missing.moreClasses",
                            p.minDistinctClasses()));
        }
        if (p.minWeeksPerTrial() != null) {
            long longEnough = failed.stream().filter(t -> t.weeksAtAdequateDose() >= p.minWeeksPerTrial()).count();
            int need = p.minFailedTrials() == null ? 1 : p.minFailedTrials();
            out.add(longEnough >= need ? met("weeksPerTrial", "payer.evidence.weeks", longEnough, p.minWeeksPerTrial())
                    : unmet("weeksPerTrial", "payer.evidence.weeks", List.of(longEnough, p.minWeeksPerTrial()),
                            "payer.missing.weeks", need, p.minWeeksPerTrial()));
        }
        if (p.augmentationTrialRequired()) {
            out.add(f.augmentationFailed() ? met("augmentation", "payer.evidence.augmentation")
                    : unmet("augmentation", "payer.evidence.noAugmentation", List.of(), "payer.missing.augmentation"));
        }
    }

    private static void psychotherapy(PayerPolicy p, PatientFacts f, List<Readiness.Criterion> out) {
        if (!p.psychotherapyRequired()) {
            return;
        }
        int need = p.psychotherapyMinSessions() == null ? 1 : p.psychotherapyMinSessions();
        if (!f.historyRecorded()) {
            out.add(missing("psychotherapy", "payer.missing.psychotherapy", need));
        } else if (f.assessment() != null && f.assessment().failedPsychotherapyTrials() > 0 && f.psychotherapySessions() >= need) {
            out.add(met("psychotherapy", "payer.evidence.psychotherapy", f.assessment().failedPsychotherapyTrials(),
                    f.psychotherapySessions()));
        } else {
            out.add(unmet("psychotherapy", "payer.evidence.psychotherapy", List.of(
                    f.assessment() == null ? 0 : f.assessment().failedPsychotherapyTrials(), f.psychotherapySessions()),
                    "payer.missing.psychotherapy", need));
        }
    }

    private static void exclusions(PayerPolicy p, PatientFacts f, List<Readiness.Criterion> out) {
        if (p.exclusions().isEmpty()) {
            return;
        }
        List<String> present = p.exclusions().stream().filter(f.exclusionsPresent()::contains).map(Enum::name).sorted().toList();
        if (present.isEmpty() && Boolean.FALSE.equals(f.screened())) {
            out.add(missing("exclusions", "payer.missing.screening"));
            return;
        }
        out.add(present.isEmpty() ? met("exclusions", "payer.evidence.noExclusion")
                : unmet("exclusions", "payer.evidence.exclusions", List.of(String.join(", ", present)), "payer.missing.excluded"));
    }

    private static List<String> sorted(java.util.Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static Readiness.Criterion met(String id, String key, Object... args) {
        return new Readiness.Criterion(id, Readiness.Status.MET, key, List.of(args), null, List.of());
    }

    private static Readiness.Criterion unmet(String id, String key, List<Object> args, String missingKey, Object... missing) {
        return new Readiness.Criterion(id, Readiness.Status.UNMET, key, args, missingKey, List.of(missing));
    }

    private static Readiness.Criterion missing(String id, String missingKey, Object... args) {
        return new Readiness.Criterion(id, Readiness.Status.MISSING, null, List.of(), missingKey, List.of(args));
    }
}
