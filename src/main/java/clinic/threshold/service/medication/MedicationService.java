package clinic.threshold.service.medication;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.medication.MedicationRepository;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.medication.Course;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.OrderStopReason;
import clinic.threshold.domain.medication.OrderValidator;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.domain.medication.SafetyStopException;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.medication.SavedPlan;
import clinic.threshold.domain.medication.TrialProposal;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.history.HistoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * Medication use cases: the record, orders, dose changes, plans and cross-tapers, applying plan steps, and
 * trials derived from orders. Every write is validated, checked against the safety rules in force (a hard
 * stop needs a clinician's documented override) and saved with its audit event in one durable transaction.
 * Reading needs {@code medication.read}; writing {@code medication.prescribe}; confirming a trial also
 * {@code history.write}.
 */
public final class MedicationService {
    private static final String ORDER = "MedicationOrder";
    private static final String PLAN = "MedicationPlan";
    private static final String ENTITY = "medication_order";
    private static final int MAX_REASON = 400;
    private static final Set<String> SEIZURE_GROUPS = Set.of("SEIZURE_STRONG", "SEIZURE_RELATIVE");

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;
    private final HistoryService history;
    private final OrderSaver saver;

    public MedicationService(Transactor tx, Clock clock, Guard guard, HistoryService history) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.history = history;
        this.saver = new OrderSaver(clock, guard);
    }

    /** The patient's medication record as of today, with the alerts each order raises now. */
    public MedicationOverview overview(long patientId) {
        guard.require(Permission.MEDICATION_READ, "medication.read", patientId);
        return tx.read(dsl -> overview(dsl, patientId));
    }

    /**
     * The medication list inside another use case's read (the TMS screen shows the seizure-threshold-lowering
     * drugs); the caller has checked its own permission.
     */
    public MedicationOverview overviewWithin(DSLContext dsl, long patientId) {
        return overview(dsl, patientId);
    }

    /** The alerts a change would raise, without saving it (the order dialog's live warnings). */
    public List<SafetyAlert> preview(long patientId, Long orderId, MedicationOrder order, MedicationPlan plan) {
        guard.require(Permission.MEDICATION_READ, "medication.preview", patientId);
        return tx.read(dsl -> {
            MedicationContext c = MedicationContext.read(dsl, LocalDate.now(clock), patientId);
            List<MedicationPlan> plans = new ArrayList<>(orderId == null ? List.of() : c.plansOf(orderId));
            if (plan != null) {
                plans.add(plan);
            }
            return c.checker().check(Course.of(MedicationContext.key(orderId), order, plans), c.othersThan(orderId));
        });
    }

    /**
     * Adds ({@code id} null) or changes an order. Throws {@link ValidationException} (fields as in the order
     * dialog), {@link SafetyStopException} when a hard stop has no override, or
     * {@link ConcurrentEditException}. A stop, or a change to an order already linked to a trial, proposes
     * the trial in the result.
     */
    public OrderResult saveOrder(long patientId, Long id, int version, MedicationOrder order, String override) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, id == null ? "medication.order.create"
                : "medication.order.update", patientId);
        return tx.inDurableTransaction(dsl -> saver.save(dsl, s, patientId, id, version, order, override, List.of(), null));
    }

    /** Stops an order: {@code lastDay} is the last day taken. Proposes the trial it stands for. */
    public OrderResult stopOrder(long patientId, long id, int version, LocalDate lastDay, OrderStopReason reason,
                                 String adverseEffect) {
        return stopOrder(patientId, id, version, lastDay, reason, adverseEffect, null);
    }

    /**
     * As {@link #stopOrder(long, long, int, LocalDate, OrderStopReason, String)}, with an override for the rare
     * stop that brings a hard stop of its own (a later last day that now overlaps a planned MAOI).
     */
    public OrderResult stopOrder(long patientId, long id, int version, LocalDate lastDay, OrderStopReason reason,
                                 String adverseEffect, String override) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, "medication.order.stop", patientId);
        return tx.inDurableTransaction(dsl -> {
            SavedOrder current = MedicationContext.read(dsl, LocalDate.now(clock), patientId).order(id);
            return saver.save(dsl, s, patientId, id, version, current.order().withStop(lastDay, reason, adverseEffect),
                    override, List.of(), null);
        });
    }

    /** Records a new dose from a date on (after the last recorded change). */
    public OrderResult changeDose(long patientId, long id, int version, DoseChange change, String override) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, "medication.dose.change", patientId);
        return tx.inDurableTransaction(dsl -> {
            SavedOrder current = MedicationContext.read(dsl, LocalDate.now(clock), patientId).order(id);
            List<DoseChange> doses = new ArrayList<>(current.order().doses());
            doses.add(change);
            return saver.save(dsl, s, patientId, id, version, current.order().withDoses(doses), override, List.of(), null);
        });
    }

    /** Adds a titration or taper plan to an order, checked with the order's other plans. */
    public SavedPlan savePlan(long patientId, long orderId, MedicationPlan plan, String override) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, "medication.plan.create", patientId);
        return tx.inDurableTransaction(dsl -> {
            MedicationContext c = MedicationContext.locked(dsl, LocalDate.now(clock), patientId);
            SavedOrder o = c.order(orderId);
            if (o.order().stop() != null) {
                throw new ValidationException(Violation.of("plan", "medication.error.orderStopped", o.order().stop()));
            }
            requireValid(new OrderValidator(c.catalog()).validatePlan(o.order(), plan));
            List<MedicationPlan> plans = new ArrayList<>(c.plansOf(orderId));
            plans.add(plan);
            List<SafetyAlert> alerts = c.checker().check(Course.of(MedicationContext.key(orderId), o.order(), plans), c.othersThan(orderId));
            List<SafetyAlert> had = c.checker().check(Course.of(MedicationContext.key(orderId), o.order(), c.plansOf(orderId)),
                    c.othersThan(orderId));
            String why = OrderSaver.overrideFor(alerts, had, override);
            MedicationRepository repo = new MedicationRepository(dsl);
            SavedPlan saved = repo.insertPlan(patientId, orderId, null, plan, clock.instant(), s.username());
            if (why != null) {
                repo.setOverride(orderId, why, s.username());
            }
            saver.audit(dsl, s, "medication.plan.create", patientId, orderId, o.order().agent() + ", " + plan.steps().size()
                    + " step(s) from " + plan.startsOn());
            saver.auditOverride(dsl, s, patientId, orderId, alerts, why);
            return saved;
        });
    }

    /**
     * A cross-taper: {@code down} tapers order {@code fromOrderId} (its last step stops it), and the new order
     * {@code to} starts at its first dose and follows {@code up}. Both are checked together, so the overlap
     * days are checked for interactions and a later start for washouts. Returns the new order.
     */
    public OrderResult crossTaper(long patientId, long fromOrderId, MedicationPlan down, MedicationOrder to,
                                  MedicationPlan up, String override) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, "medication.switch.create", patientId);
        return tx.inDurableTransaction(dsl -> {
            MedicationContext c = MedicationContext.locked(dsl, LocalDate.now(clock), patientId);
            SavedOrder from = c.order(fromOrderId);
            if (from.order().stop() != null) {
                throw new ValidationException(Violation.of("down", "medication.error.orderStopped", from.order().stop()));
            }
            OrderValidator validator = new OrderValidator(c.catalog());
            List<Violation> problems = new ArrayList<>(prefixed("down.", validator.validatePlan(from.order(), down)));
            if (down.stopDay() == null) {
                problems.add(Violation.of("down.steps", "medication.error.taperDoesNotStop"));
            }
            problems.addAll(prefixed("to.", validator.validate(to)));
            if (up != null && !up.steps().isEmpty()) {
                problems.addAll(prefixed("up.", validator.validatePlan(to, up)));
            }
            requireValid(problems);
            List<SafetyAlert> alerts = switchAlerts(c, from, down, to, up);
            List<SafetyAlert> had = c.checker().check(Course.of(MedicationContext.key(from.id()), from.order(), c.plansOf(from.id())),
                    c.othersThan(from.id())).stream().filter(a -> a.otherDrug() == null).toList();
            String why = OrderSaver.overrideFor(alerts, had, override);
            MedicationRepository repo = new MedicationRepository(dsl);
            Instant now = clock.instant();
            SavedPlan downSaved = repo.insertPlan(patientId, fromOrderId, null, down, now, s.username());
            repo.setSwitch(downSaved.id(), downSaved.id());
            // The new order is checked again with its own plan, so an override its plan needs is stored with it.
            OrderResult created = saver.save(dsl, s, patientId, null, 0, to, why, up == null ? List.of() : List.of(up), null);
            if (up != null) {
                repo.insertPlan(patientId, created.order().id(), downSaved.id(), up, now, s.username());
            }
            saver.audit(dsl, s, "medication.switch.create", patientId, fromOrderId, from.order().agent() + " to "
                    + to.agent() + ", taper from " + down.startsOn() + ", last day " + down.stopDay().minusDays(1));
            return new OrderResult(created.order(), alerts, null);
        });
    }

    /** The alerts a cross-taper would raise, without saving it (the cross-taper dialog's live warnings). */
    public List<SafetyAlert> previewSwitch(long patientId, long fromOrderId, MedicationPlan down, MedicationOrder to,
                                           MedicationPlan up) {
        guard.require(Permission.MEDICATION_READ, "medication.preview", patientId);
        return tx.read(dsl -> {
            MedicationContext c = MedicationContext.read(dsl, LocalDate.now(clock), patientId);
            return switchAlerts(c, c.order(fromOrderId), down, to, up);
        });
    }

    /** The new drug checked against the tapered one (with its taper) and the rest; the taper's own notices. */
    private static List<SafetyAlert> switchAlerts(MedicationContext c, SavedOrder from, MedicationPlan down, MedicationOrder to,
                                                  MedicationPlan up) {
        List<MedicationPlan> fromPlans = new ArrayList<>(c.plansOf(from.id()));
        fromPlans.add(down);
        Course fromCourse = Course.of(MedicationContext.key(from.id()), from.order(), fromPlans);
        List<Course> others = new ArrayList<>(c.othersThan(from.id()));
        others.add(fromCourse);
        Course toCourse = Course.of("new", to, up == null ? List.of() : List.of(up));
        List<SafetyAlert> alerts = new ArrayList<>(c.checker().check(toCourse, others));
        alerts.addAll(c.checker().check(fromCourse, c.othersThan(from.id())).stream()
                .filter(a -> a.otherDrug() == null).toList());
        return alerts;
    }

    /**
     * Applies a plan step: records its dose from its date, or, for a stop step, stops the order the day
     * before ({@code stopReason} needed unless the plan is half of a cross-taper, which is a planned switch).
     */
    public OrderResult applyStep(long patientId, long planId, int planVersion, int stepNo, OrderStopReason stopReason,
                                 String override) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, "medication.plan.apply", patientId);
        return tx.inDurableTransaction(dsl -> {
            MedicationContext c = MedicationContext.locked(dsl, LocalDate.now(clock), patientId);
            SavedPlan plan = c.plans().stream().filter(p -> p.id() == planId).findFirst()
                    .orElseThrow(() -> new NotFoundException(PLAN, planId));
            if (stepNo < 1 || stepNo > plan.plan().steps().size()) {
                throw new NotFoundException(PLAN, planId);
            }
            PlanStep step = plan.plan().steps().get(stepNo - 1);
            if (step.applied()) {
                throw new ValidationException(Violation.of("step", "medication.error.stepApplied"));
            }
            SavedOrder o = c.order(plan.orderId());
            if (o.order().stop() != null) {
                // Its stop (and the trial it implies) stays as recorded; the plan is void.
                throw new ValidationException(Violation.of("step", "medication.error.orderStopped", o.order().stop()));
            }
            LocalDate day = step.date(plan.plan().startsOn());
            MedicationOrder changed;
            if (step.stops()) {
                OrderStopReason why = stopReason != null ? stopReason
                        : plan.switchId() != null ? OrderStopReason.SWITCH_PLANNED : null;
                if (why == null) {
                    throw new ValidationException(Violation.of("stopReason", "medication.error.stopReasonRequired"));
                }
                changed = o.order().withStop(day.minusDays(1), why, o.order().adverseEffect());
            } else {
                LocalDate last = o.order().doses().get(o.order().doses().size() - 1).from();
                if (!day.isAfter(last)) {
                    throw new ValidationException(Violation.of("step", "medication.error.stepBeforeRecorded", last));
                }
                List<DoseChange> doses = new ArrayList<>(o.order().doses());
                doses.add(new DoseChange(day, step.dose(), step.frequency()));
                changed = o.order().withDoses(doses);
            }
            if (!new MedicationRepository(dsl).markApplied(planId, planVersion, stepNo, clock.instant(), s.username())) {
                throw new ConcurrentEditException(PLAN, planId);
            }
            return saver.save(dsl, s, patientId, o.id(), o.version(), changed, override, List.of(), new long[] {planId, stepNo});
        });
    }

    /** Voids an order entered in error (with its plans); a linked trial stays in the history. */
    public void voidOrder(long patientId, long id, int version, String reason) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, "medication.order.void", patientId);
        String why = requireReason(reason);
        tx.inDurableTransaction(dsl -> {
            MedicationContext c = MedicationContext.locked(dsl, LocalDate.now(clock), patientId);
            SavedOrder o = c.order(id);
            MedicationRepository repo = new MedicationRepository(dsl);
            if (!repo.voidOrder(id, version, why, clock.instant())) {
                throw new ConcurrentEditException(ORDER, id);
            }
            for (SavedPlan p : c.plans().stream().filter(p -> p.orderId() == id).toList()) {
                if (!repo.voidPlan(p.id(), p.version(), why)) {
                    throw new ConcurrentEditException(PLAN, p.id());
                }
            }
            saver.audit(dsl, s, "medication.order.void", patientId, id, o.order().agent() + ": " + why);
            return null;
        });
    }

    /** Voids a plan (its applied steps stay recorded as dose changes of the order). */
    public void voidPlan(long patientId, long planId, int version, String reason) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, "medication.plan.void", patientId);
        String why = requireReason(reason);
        tx.inDurableTransaction(dsl -> {
            MedicationContext c = MedicationContext.read(dsl, LocalDate.now(clock), patientId);
            SavedPlan p = c.plans().stream().filter(x -> x.id() == planId).findFirst()
                    .orElseThrow(() -> new NotFoundException(PLAN, planId));
            if (!new MedicationRepository(dsl).voidPlan(planId, version, why)) {
                throw new ConcurrentEditException(PLAN, planId);
            }
            saver.audit(dsl, s, "medication.plan.void", patientId, p.orderId(), why);
            return null;
        });
    }

    /** The trial an order stands for, to confirm; empty for orders that stand for none. */
    public java.util.Optional<TrialProposal> proposeTrial(long patientId, long orderId) {
        guard.require(Permission.MEDICATION_READ, "medication.trial.propose", patientId);
        return tx.read(dsl -> java.util.Optional.ofNullable(saver.proposal(dsl, MedicationContext.read(dsl, LocalDate.now(clock), patientId), orderId)));
    }

    /**
     * Saves the confirmed (possibly edited) trial into the history and links the order to it, in one
     * transaction: a new trial when the order has none, else an update of its trial at {@code trialVersion}.
     */
    public SavedTrial confirmTrial(long patientId, long orderId, TreatmentTrial trial, int trialVersion) {
        UserSession s = guard.require(Permission.MEDICATION_PRESCRIBE, "medication.trial.confirm", patientId);
        guard.require(Permission.HISTORY_WRITE, "medication.trial.confirm", patientId);
        return tx.inDurableTransaction(dsl -> {
            SavedOrder o = MedicationContext.locked(dsl, LocalDate.now(clock), patientId).order(orderId);
            Long linked = OrderSaver.liveTrial(dsl, patientId, o.trialId());
            SavedTrial saved = history.saveTrialWithin(dsl, s, patientId, linked, trialVersion, trial);
            if (!new MedicationRepository(dsl).linkTrial(orderId, o.trialId(), saved.id())) {
                throw new ConcurrentEditException(ORDER, orderId);
            }
            saver.audit(dsl, s, "medication.trial.confirm", patientId, orderId, "trial " + saved.id());
            return saved;
        });
    }












    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(Violation.of("reason", "validation.required"));
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new ValidationException(Violation.of("reason", "medication.error.tooLong", MAX_REASON));
        }
        return reason.strip();
    }

    private static void requireValid(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static List<Violation> prefixed(String prefix, List<Violation> vs) {
        return vs.stream().map(v -> new Violation(prefix + v.field(), v.messageKey(), v.args())).toList();
    }


    private MedicationOverview overview(DSLContext dsl, long patientId) {
        MedicationContext c = MedicationContext.read(dsl, LocalDate.now(clock), patientId);
        Map<Long, List<SafetyAlert>> alerts = new LinkedHashMap<>();
        Map<String, Set<String>> seizure = new TreeMap<>();
        LocalDate today = LocalDate.now(clock);
        for (SavedOrder o : c.orders()) {
            Course course = Course.of(MedicationContext.key(o.id()), o.order(), c.plansOf(o.id()));
            boolean relevant = course.lastDay() == null || !course.lastDay().isBefore(today);
            if (relevant) {
                alerts.put(o.id(), c.checker().check(course, c.othersThan(o.id())));
            }
            if (o.order().activeOn(today)) {
                Set<String> groups = new TreeSet<>(c.catalog().groups(o.order().agent(), today));
                groups.retainAll(SEIZURE_GROUPS);
                if (!groups.isEmpty()) {
                    seizure.put(o.order().agent(), groups);
                }
            }
        }
        return new MedicationOverview(today, c.orders(), c.plans(), alerts, seizure,
                new MedicationRepository(dsl).openPrompts(patientId), c.catalog());
    }



}
