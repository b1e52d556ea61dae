package clinic.threshold.service.medication;

import clinic.threshold.data.history.HistoryRepository;
import clinic.threshold.data.medication.MedicationRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.medication.Course;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DrugCatalog;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.MedicationRule;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.OrderValidator;
import clinic.threshold.domain.medication.RecordedDose;
import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.domain.medication.SafetyChecker;
import clinic.threshold.domain.medication.SafetyStopException;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.medication.TrialProposal;
import clinic.threshold.domain.medication.TrialProposer;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Saving one order inside a medication use case's transaction: validation, the safety checks against the
 * saved state (an override only for hard stops the save brings), who recorded each dose, the motor-threshold
 * prompts, the audit events, and the trial the saved order proposes.
 */
final class OrderSaver {
    private static final String ORDER = "MedicationOrder";
    private static final String ENTITY = "medication_order";
    private static final int MAX_REASON = 400;

    private final Clock clock;
    private final Guard guard;

    OrderSaver(Clock clock, Guard guard) {
        this.clock = clock;
        this.guard = guard;
    }

    OrderResult save(DSLContext dsl, UserSession s, long patientId, Long id, int version, MedicationOrder order,
                             String override, List<MedicationPlan> extraPlans, long[] appliedStep) {
        MedicationContext c = MedicationContext.locked(dsl, LocalDate.now(clock), patientId);
        SavedOrder before = id == null ? null : c.order(id);
        requireValid(new OrderValidator(c.catalog()).validate(order));
        MedicationOrder normalised = normalise(order, c.catalog());
        List<MedicationPlan> plans = new ArrayList<>(id == null ? List.of() : c.plansOf(id));
        plans.addAll(extraPlans);
        List<SafetyAlert> alerts = c.checker().check(Course.of(MedicationContext.key(id), normalised, plans), c.othersThan(id));
        List<SafetyAlert> had = before == null ? List.of()
                : c.checker().check(Course.of(MedicationContext.key(id), before.order(), c.plansOf(id)), c.othersThan(id));
        // A hard stop this save brings needs its own documented override; one the saved state already had
        // (overridden then, or from a rule changed since) does not block stopping or reducing the drug.
        String why = overrideFor(alerts, had, override);
        List<RecordedDose> doses = recorded(normalised, before, s.username(), clock.instant(), appliedStep);
        MedicationRepository repo = new MedicationRepository(dsl);
        // The order keeps showing its latest override; the audit trail has every one.
        String shown = why != null ? why : before == null ? null : before.overrideReason();
        String by = why != null ? s.username() : before == null ? null : before.overrideBy();
        SavedOrder saved = id == null ? repo.insertOrder(patientId, normalised, doses, shown, by, clock.instant())
                : repo.updateOrder(id, version, normalised, doses, shown, by, clock.instant())
                .orElseThrow(() -> new ConcurrentEditException(ORDER, id));
        raisePrompts(repo, c.checker(), patientId, saved, before, s.username());
        audit(dsl, s, id == null ? "medication.order.create" : "medication.order.update", patientId, saved.id(),
                describe(normalised));
        auditOverride(dsl, s, patientId, saved.id(), alerts, why);
        boolean stoppedNow = normalised.stop() != null && (before == null || before.order().stop() == null);
        boolean linkedChanged = saved.trialId() != null;
        TrialProposal proposal = stoppedNow || linkedChanged ? proposal(dsl, MedicationContext.read(dsl, LocalDate.now(clock), patientId), saved.id()) : null;
        return new OrderResult(saved, alerts, proposal);
    }

    /** A formulary drug is stored under its generic name, whichever name (a brand) was typed. */
    private static MedicationOrder normalise(MedicationOrder o, DrugCatalog catalog) {
        String agent = o.inFormulary() ? catalog.agent(o.agent(), o.start()).orElseThrow().genericName() : o.agent().strip();
        return new MedicationOrder(agent, o.inFormulary(), o.strength(), o.form(), o.unit(), o.route(), o.asNeeded(),
                o.start(), o.review(), o.stop(), o.prescriber().strip(), o.indication(), o.role(), o.stopReason(),
                o.adverseEffect(), o.note(), o.doses());
    }

    /** Doses already recorded keep who recorded them and when; new ones are recorded now by the user. */
    private static List<RecordedDose> recorded(MedicationOrder o, SavedOrder before, String user, Instant now,
                                               long[] appliedStep) {
        List<RecordedDose> out = new ArrayList<>();
        for (DoseChange d : o.doses()) {
            RecordedDose kept = before == null ? null : before.recorded().stream()
                    .filter(r -> r.change().from().equals(d.from()) && r.change().dose().compareTo(d.dose()) == 0
                            && r.change().frequency() == d.frequency()).findFirst().orElse(null);
            if (kept != null) {
                out.add(kept);
            } else {
                Long plan = appliedStep == null ? null : appliedStep[0];
                Integer step = appliedStep == null ? null : (int) appliedStep[1];
                out.add(new RecordedDose(d, now, user, plan, step));
            }
        }
        return out;
    }

    /** A start, dose change or stop of a drug that shifts the motor threshold asks for it to be re-measured. */
    private void raisePrompts(MedicationRepository repo, SafetyChecker checker, long patientId, SavedOrder saved,
                              SavedOrder before, String user) {
        List<MedicationRule> rules = checker.mtPrompts(saved.order().agent());
        if (rules.isEmpty()) {
            return;
        }
        List<LocalDate> days = new ArrayList<>();
        for (RecordedDose d : saved.recorded()) {
            boolean isNew = before == null || before.recorded().stream().noneMatch(r -> r.change().equals(d.change()));
            if (isNew) {
                days.add(d.change().from());
            }
        }
        if (saved.order().stop() != null && (before == null || !saved.order().stop().equals(before.order().stop()))) {
            days.add(saved.order().stop().plusDays(1));
        }
        for (LocalDate day : days) {
            for (MedicationRule r : rules) {
                repo.insertPrompt(patientId, saved.id(), r.code(), day, clock.instant(), user);
            }
        }
    }

    /** The linked trial's id while it is still in the history (a voided one is replaced by a new trial). */
    static Long liveTrial(DSLContext dsl, long patientId, Long trialId) {
        return trialId == null ? null : new HistoryRepository(dsl).load(patientId).trial(trialId).map(t -> trialId)
                .orElse(null);
    }

    TrialProposal proposal(DSLContext dsl, MedicationContext c, long orderId) {
        SavedOrder o = c.order(orderId);
        List<TrialProposer.LinkedOrder> all = c.orders().stream()
                .map(x -> new TrialProposer.LinkedOrder(x.id(), x.order(), x.trialId())).toList();
        var episodes = new HistoryRepository(dsl).load(c.patientId()).episodes().stream().map(SavedEpisode::episode).toList();
        var derived = new TrialProposer(c.catalog()).propose(new TrialProposer.LinkedOrder(o.id(), o.order(), o.trialId()),
                episodes, all);
        if (derived.isEmpty()) {
            return null;
        }
        Long linked = liveTrial(dsl, c.patientId(), o.trialId());
        if (linked == null) {
            return new TrialProposal(o.id(), derived.get(), null, 0);
        }
        SavedTrial existing = new HistoryRepository(dsl).load(c.patientId()).trial(linked).orElseThrow();
        TreatmentTrial merged = TrialProposer.keepClinicianChoices(derived.get(), existing.trial());
        // An edit that changes nothing the trial records (a note, a review date) proposes nothing.
        return TrialProposer.sameRecord(merged, existing.trial()) ? null
                : new TrialProposal(o.id(), merged, linked, existing.version());
    }

    static String overrideFor(List<SafetyAlert> alerts, List<SafetyAlert> before, String override) {
        java.util.Set<String> known = new java.util.HashSet<>();
        before.stream().filter(SafetyAlert::hardStop).forEach(a -> known.add(stopKey(a)));
        if (alerts.stream().filter(SafetyAlert::hardStop).allMatch(a -> known.contains(stopKey(a)))) {
            return null;
        }
        if (override == null || override.isBlank()) {
            throw new SafetyStopException(alerts);
        }
        if (override.strip().length() > MAX_REASON) {
            throw new ValidationException(Violation.of("override", "medication.error.tooLong", MAX_REASON));
        }
        return override.strip();
    }

    private static String stopKey(SafetyAlert a) {
        return a.ruleCode() + "|" + a.drug() + "|" + a.otherDrug();
    }

    void auditOverride(DSLContext dsl, UserSession s, long patientId, long orderId, List<SafetyAlert> alerts,
                               String why) {
        if (why == null) {
            return;
        }
        String codes = String.join(", ", alerts.stream().filter(SafetyAlert::hardStop).map(SafetyAlert::ruleCode)
                .distinct().toList());
        audit(dsl, s, "medication.override", patientId, orderId, codes + ": " + why);
    }

    void audit(DSLContext dsl, UserSession s, String action, long patientId, long orderId, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry(action, AuditCategory.PATIENT, patientId, ENTITY,
                Long.toString(orderId), AuditOutcome.SUCCESS, detail));
    }

    /** The audit detail: the drug, doses and dates, never the note. */
    static String describe(MedicationOrder o) {
        StringBuilder b = new StringBuilder(o.agent());
        DoseChange last = o.doses().isEmpty() ? null : o.doses().get(o.doses().size() - 1);
        if (last != null) {
            b.append(' ').append(last.dose().toPlainString()).append(' ').append(o.unit().name().toLowerCase(java.util.Locale.ROOT))
                    .append(' ').append(last.frequency().name().toLowerCase(java.util.Locale.ROOT));
        }
        b.append(", from ").append(o.start());
        if (o.stop() != null) {
            b.append(" to ").append(o.stop()).append(" (").append(o.stopReason().name().toLowerCase(java.util.Locale.ROOT))
                    .append(')');
        }
        return b.append(", ").append(o.doses().size()).append(" dose(s)").toString();
    }

    private static void requireValid(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
