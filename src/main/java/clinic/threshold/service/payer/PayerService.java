package clinic.threshold.service.payer;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.history.HistoryRepository;
import clinic.threshold.data.history.ReferenceDataRepository;
import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.data.payer.PolicyRepository;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.history.AssessmentRules;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.PatientHistory;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TrdAssessor;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.payer.FactsFromHistory;
import clinic.threshold.domain.payer.PatientFacts;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.domain.payer.ReadinessEvaluator;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Payer policies and a patient's readiness for their payer (issue 10). Reading policies needs a signed-in user;
 * readiness is clinical ({@code clinical.read}): it shows the trial history and the scores it rests on.
 */
public final class PayerService {
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public PayerService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** Every stored policy version, newest version of each code last. */
    public List<PayerPolicy> policies() {
        guard.signedIn();
        return tx.read(dsl -> new PolicyRepository(dsl).all().stream()
                .map(p -> PolicyJson.stored(p.body(), p.verifiedOn())).toList());
    }

    /**
     * The patient against the policy of their payer, in force today (the newest version of the linked code); empty
     * when the patient has no payer or the payer has no policy.
     */
    public Optional<Readiness> readiness(long patientId) {
        guard.require(Permission.CLINICAL_READ, "payer.readiness", patientId);
        LocalDate today = LocalDate.now(clock);
        return tx.read(dsl -> {
            Patient p = new PatientRepository(dsl).findById(patientId).filter(x -> !x.voided())
                    .orElseThrow(() -> new NotFoundException("Patient", patientId));
            Integer payer = p.details().payerId();
            if (payer == null) {
                return Optional.<Readiness>empty();
            }
            Optional<PayerPolicy> policy = policyFor(dsl, payer, today);
            return policy.map(pol -> ReadinessEvaluator.evaluate(pol, facts(dsl, p, today), today));
        });
    }

    /**
     * The intake coordinator's list: every patient in intake (no course under way; no course yet or an open request)
     * with their payer's readiness and their newest request.
     */
    public List<clinic.threshold.domain.payer.IntakeRow> intake() {
        guard.require(Permission.CLINICAL_READ, "payer.intake", null);
        LocalDate today = LocalDate.now(clock);
        return tx.read(dsl -> {
            var requests = new clinic.threshold.data.payer.AuthorizationRepository(dsl);
            java.util.Map<Long, clinic.threshold.domain.payer.PriorAuthorization> newest = new java.util.HashMap<>();
            for (var r : requests.list(null)) {
                newest.putIfAbsent(r.patientId(), r);
            }
            PatientRepository patients = new PatientRepository(dsl);
            java.util.List<clinic.threshold.domain.payer.IntakeRow> out = new java.util.ArrayList<>();
            for (long id : requests.intakePatients()) {
                Patient p = patients.findById(id).orElseThrow();
                Integer payer = p.details().payerId();
                Readiness r = payer == null ? null : policyFor(dsl, payer, today)
                        .map(pol -> ReadinessEvaluator.evaluate(pol, facts(dsl, p, today), today)).orElse(null);
                String payerName = payer == null ? null : AuthorizationService.payerName(dsl, p);
                out.add(new clinic.threshold.domain.payer.IntakeRow(id, p.details().familyName() + ", " + p.details().givenName(),
                        p.details().mrn(), payerName, r, newest.get(id)));
            }
            return out;
        });
    }

    static Optional<PayerPolicy> policyFor(DSLContext dsl, int payerId, LocalDate today) {
        PolicyRepository repo = new PolicyRepository(dsl);
        return repo.codeForPayer(payerId).flatMap(code -> repo.all().stream().filter(s -> s.code().equals(code))
                .filter(PolicyRepository.StoredPolicy::active).map(s -> PolicyJson.stored(s.body(), s.verifiedOn()))
                .filter(x -> x.inForce(today)).max(Comparator.comparingInt(PayerPolicy::version)));
    }

    /** What the chart holds for readiness: the history and its assessment, the diagnosis, and every scale total. */
    static PatientFacts facts(DSLContext dsl, Patient p, LocalDate today) {
        PatientHistory h = new HistoryRepository(dsl).load(p.id());
        ReferenceDataRepository ref = new ReferenceDataRepository(dsl);
        TrdAssessment a = new TrdAssessor(new Formulary(ref.formulary()), AssessmentRules.from(RuleSetting.inForce(ref.rules(),
                today))).assess(h.toHistory(), today);
        OutcomeRepository outcomes = new OutcomeRepository(dsl);
        List<PatientFacts.Score> scores = outcomes.entries(p.id()).stream()
                .map(e -> new PatientFacts.Score(e.entry().scale(), e.total(), e.entry().date())).toList();
        var signs = signs(dsl, p, h, a, outcomes);
        Set<clinic.threshold.domain.payer.Exclusion> excluded = signs.findings(new PolicyRepository(dsl).exclusionRules()).keySet();
        // ECT candidacy is a clinician's judgement the chart does not record yet: not judged as met.
        return FactsFromHistory.of(h.toHistory(), a, p.details().birthDate(), p.details().primaryDiagnosisCode(), scores,
                excluded, priorTmsImprovement(dsl, p.id(), today), null).withScreened(signs.screeningForm() != null);
    }

    /** What exclusion rules look at: diagnosis, the current episode's severity, the latest screening, open risk alerts. */
    private static clinic.threshold.domain.payer.ChartSigns signs(DSLContext dsl, Patient p, PatientHistory h, TrdAssessment a,
            OutcomeRepository outcomes) {
        var severity = h.episodes().stream().map(e -> e.episode()).filter(e -> e.id().equals(a.currentEpisodeId()))
                .map(e -> e.severity()).findFirst().orElse(null);
        var latest = new clinic.threshold.data.tms.TmsRepository(dsl).screenings(p.id()).stream()
                .max(Comparator.comparing(clinic.threshold.domain.tms.Screening::screenedOn)
                        .thenComparing(clinic.threshold.domain.tms.Screening::id)).orElse(null);
        // A physician's clearance judged the "yes" answers safe to treat with: they no longer show an excluded condition.
        Set<Integer> yes = latest == null || latest.cleared() ? Set.of() : latest.answers().stream().filter(x -> x.yes())
                .map(clinic.threshold.domain.tms.ScreeningAnswer::item).collect(java.util.stream.Collectors.toSet());
        return new clinic.threshold.domain.payer.ChartSigns(p.details().primaryDiagnosisCode(), severity,
                latest == null ? null : latest.formVersion(), yes, !outcomes.openAlerts(p.id()).isEmpty());
    }

    /**
     * The best improvement any finished TMS course of the clinic's gave on its protocol's depression scale (not GAD-7 or
     * another scale recorded alongside), from its baseline to its last score, in whole percent rounded down (so "above
     * 50%" is met only when the scores clearly show it); null when no finished course has both.
     */
    static Integer priorTmsImprovement(DSLContext dsl, long patientId, LocalDate today) {
        java.util.Map<Long, String> scaleOf = new java.util.HashMap<>();
        var ref = clinic.threshold.service.tms.PatientCourses.reference(dsl, today);
        for (var c : new clinic.threshold.data.tms.TmsRepository(dsl).courses(patientId)) {
            ref.protocol(c.protocolCode()).ifPresent(p -> scaleOf.put(c.id(), p.assessmentScale()));
        }
        return clinic.threshold.service.outcome.OutcomeService.courseOutcomes(dsl, patientId, today).stream()
                .filter(o -> !o.course().active() && o.result() != null && o.result().reductionPct() != null)
                .filter(o -> o.scale().code().equals(scaleOf.get(o.course().courseId())))
                .map(o -> o.result().reductionPct().setScale(0, java.math.RoundingMode.FLOOR).intValue())
                .max(Integer::compare).orElse(null);
    }
}
