package clinic.threshold.data.medication;

import static clinic.threshold.data.jooq.Tables.MEDICATION_DOSE;
import static clinic.threshold.data.jooq.Tables.MEDICATION_ORDER;
import static clinic.threshold.data.jooq.Tables.MEDICATION_PLAN;
import static clinic.threshold.data.jooq.Tables.MEDICATION_PLAN_STEP;
import static clinic.threshold.data.jooq.Tables.MT_PROMPT;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.data.jooq.tables.records.MedicationOrderRecord;
import clinic.threshold.data.jooq.tables.records.MedicationPlanRecord;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DoseUnit;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.MtPrompt;
import clinic.threshold.domain.medication.OrderRole;
import clinic.threshold.domain.medication.OrderStopReason;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.medication.RecordedDose;
import clinic.threshold.domain.medication.Route;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.medication.SavedPlan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A patient's medication orders with their doses, their plans with steps, and the MT prompts raised. No
 * delete: orders and plans are voided with a reason; an order's earlier doses stay under its earlier
 * version. Updates are conditional on the version the caller read.
 */
public final class MedicationRepository {
    private final DSLContext dsl;

    public MedicationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The patient's non-voided orders by start date, with the doses of their current version. */
    public List<SavedOrder> orders(long patientId) {
        List<MedicationOrderRecord> rows = dsl.selectFrom(MEDICATION_ORDER)
                .where(MEDICATION_ORDER.PATIENT_ID.eq(patientId).and(MEDICATION_ORDER.VOIDED.isFalse()))
                .orderBy(MEDICATION_ORDER.START_DATE, MEDICATION_ORDER.ID).fetch();
        Map<Long, List<RecordedDose>> doses = new HashMap<>();
        if (!rows.isEmpty()) {
            dsl.select(MEDICATION_DOSE.fields()).from(MEDICATION_DOSE).join(MEDICATION_ORDER)
                    .on(MEDICATION_ORDER.ID.eq(MEDICATION_DOSE.ORDER_ID)
                            .and(MEDICATION_ORDER.VERSION.eq(MEDICATION_DOSE.ORDER_VERSION)))
                    .where(MEDICATION_ORDER.PATIENT_ID.eq(patientId).and(MEDICATION_ORDER.VOIDED.isFalse()))
                    .orderBy(MEDICATION_DOSE.ORDER_ID, MEDICATION_DOSE.CHANGE_NO)
                    .forEach(d -> doses.computeIfAbsent(d.get(MEDICATION_DOSE.ORDER_ID), k -> new ArrayList<>())
                            .add(new RecordedDose(new DoseChange(d.get(MEDICATION_DOSE.FROM_DATE),
                                    StoredValues.plain(d.get(MEDICATION_DOSE.DOSE)),
                                    StoredValues.enumOf(Frequency.class, d.get(MEDICATION_DOSE.FREQUENCY))),
                                    d.get(MEDICATION_DOSE.RECORDED_AT).toInstant(), d.get(MEDICATION_DOSE.RECORDED_BY),
                                    d.get(MEDICATION_DOSE.PLAN_ID), d.get(MEDICATION_DOSE.PLAN_STEP_NO))));
        }
        return rows.stream().map(r -> order(r, doses.getOrDefault(r.getId(), List.of()))).toList();
    }

    public Optional<Long> patientOfOrder(long orderId) {
        return dsl.select(MEDICATION_ORDER.PATIENT_ID).from(MEDICATION_ORDER).where(MEDICATION_ORDER.ID.eq(orderId))
                .fetchOptional(MEDICATION_ORDER.PATIENT_ID);
    }

    public SavedOrder insertOrder(long patientId, MedicationOrder o, List<RecordedDose> doses, String override,
                                  String overrideBy, Instant now) {
        MedicationOrderRecord r = dsl.newRecord(MEDICATION_ORDER);
        write(r, o, override, overrideBy);
        r.setPatientId(patientId);
        r.setVoided(false);
        r.setCreatedAt(utc(now));
        r.setUpdatedAt(utc(now));
        r.setVersion(1);
        r.store();
        writeDoses(r.getId(), 1, doses);
        return order(r, doses);
    }

    /** Updates when still at {@code version}; keeps the trial link; empty when someone else saved first. */
    public Optional<SavedOrder> updateOrder(long id, int version, MedicationOrder o, List<RecordedDose> doses,
                                            String override, String overrideBy, Instant now) {
        MedicationOrderRecord r = dsl.newRecord(MEDICATION_ORDER);
        write(r, o, override, overrideBy);
        r.setUpdatedAt(utc(now));
        r.setVersion(version + 1);
        r.changed(MEDICATION_ORDER.TRIAL_ID, false);
        int n = dsl.update(MEDICATION_ORDER).set(r).where(MEDICATION_ORDER.ID.eq(id)
                .and(MEDICATION_ORDER.VERSION.eq(version)).and(MEDICATION_ORDER.VOIDED.isFalse())).execute();
        if (n != 1) {
            return Optional.empty();
        }
        writeDoses(id, version + 1, doses);
        return Optional.of(order(dsl.fetchSingle(MEDICATION_ORDER, MEDICATION_ORDER.ID.eq(id)), doses));
    }

    /**
     * Links the order to the trial it stands for, if it is still linked to {@code expected} (null: to none):
     * false when someone else linked it first. The version does not change: the order itself did not.
     */
    public boolean linkTrial(long orderId, Long expected, long trialId) {
        return dsl.update(MEDICATION_ORDER).set(MEDICATION_ORDER.TRIAL_ID, trialId)
                .where(MEDICATION_ORDER.ID.eq(orderId).and(expected == null ? MEDICATION_ORDER.TRIAL_ID.isNull()
                        : MEDICATION_ORDER.TRIAL_ID.eq(expected))).execute() == 1;
    }

    /** Records the documented override of a hard stop a plan brought (the order's own row shows the latest). */
    public void setOverride(long orderId, String reason, String by) {
        dsl.update(MEDICATION_ORDER).set(MEDICATION_ORDER.OVERRIDE_REASON, reason).set(MEDICATION_ORDER.OVERRIDE_BY, by)
                .where(MEDICATION_ORDER.ID.eq(orderId)).execute();
    }

    /** Locks the patient's row until the transaction ends (SELECT ... FOR UPDATE, on H2 and PostgreSQL). */
    public void lockPatient(long patientId) {
        dsl.select(clinic.threshold.data.jooq.Tables.PATIENT.ID).from(clinic.threshold.data.jooq.Tables.PATIENT)
                .where(clinic.threshold.data.jooq.Tables.PATIENT.ID.eq(patientId)).forUpdate().fetch();
    }

    public boolean voidOrder(long id, int version, String reason, Instant now) {
        return dsl.update(MEDICATION_ORDER).set(MEDICATION_ORDER.VOIDED, true).set(MEDICATION_ORDER.VOID_REASON, reason)
                .set(MEDICATION_ORDER.UPDATED_AT, utc(now)).set(MEDICATION_ORDER.VERSION, version + 1)
                .where(MEDICATION_ORDER.ID.eq(id).and(MEDICATION_ORDER.VERSION.eq(version))
                        .and(MEDICATION_ORDER.VOIDED.isFalse())).execute() == 1;
    }

    /** The patient's non-voided plans with their steps. */
    public List<SavedPlan> plans(long patientId) {
        List<MedicationPlanRecord> rows = dsl.selectFrom(MEDICATION_PLAN)
                .where(MEDICATION_PLAN.PATIENT_ID.eq(patientId).and(MEDICATION_PLAN.VOIDED.isFalse()))
                .orderBy(MEDICATION_PLAN.STARTS_ON, MEDICATION_PLAN.ID).fetch();
        Map<Long, List<PlanStep>> steps = new HashMap<>();
        if (!rows.isEmpty()) {
            dsl.select(MEDICATION_PLAN_STEP.fields()).from(MEDICATION_PLAN_STEP).join(MEDICATION_PLAN)
                    .on(MEDICATION_PLAN.ID.eq(MEDICATION_PLAN_STEP.PLAN_ID))
                    .where(MEDICATION_PLAN.PATIENT_ID.eq(patientId).and(MEDICATION_PLAN.VOIDED.isFalse()))
                    .orderBy(MEDICATION_PLAN_STEP.PLAN_ID, MEDICATION_PLAN_STEP.STEP_NO)
                    .forEach(s -> steps.computeIfAbsent(s.get(MEDICATION_PLAN_STEP.PLAN_ID), k -> new ArrayList<>())
                            .add(new PlanStep(s.get(MEDICATION_PLAN_STEP.DAY_OFFSET),
                                    StoredValues.plain(s.get(MEDICATION_PLAN_STEP.DOSE)),
                                    s.get(MEDICATION_PLAN_STEP.FREQUENCY) == null ? null
                                            : StoredValues.enumOf(Frequency.class, s.get(MEDICATION_PLAN_STEP.FREQUENCY)),
                                    s.get(MEDICATION_PLAN_STEP.CONDITION_TEXT), s.get(MEDICATION_PLAN_STEP.NOTE),
                                    instant(s.get(MEDICATION_PLAN_STEP.APPLIED_AT)), s.get(MEDICATION_PLAN_STEP.APPLIED_BY))));
        }
        return rows.stream().map(r -> new SavedPlan(r.getId(), r.getOrderId(), r.getSwitchId(), r.getVersion(),
                new MedicationPlan(r.getStartsOn(), steps.getOrDefault(r.getId(), List.of()), r.getNote()),
                r.getCreatedBy())).toList();
    }

    public SavedPlan insertPlan(long patientId, long orderId, Long switchId, MedicationPlan p, Instant now, String by) {
        MedicationPlanRecord r = dsl.newRecord(MEDICATION_PLAN);
        r.setPatientId(patientId);
        r.setOrderId(orderId);
        r.setSwitchId(switchId);
        r.setStartsOn(p.startsOn());
        r.setNote(p.note());
        r.setVoided(false);
        r.setCreatedAt(utc(now));
        r.setCreatedBy(by);
        r.setVersion(1);
        r.store();
        for (int i = 0; i < p.steps().size(); i++) {
            PlanStep s = p.steps().get(i);
            dsl.insertInto(MEDICATION_PLAN_STEP).set(MEDICATION_PLAN_STEP.PLAN_ID, r.getId())
                    .set(MEDICATION_PLAN_STEP.STEP_NO, i + 1).set(MEDICATION_PLAN_STEP.DAY_OFFSET, s.dayOffset())
                    .set(MEDICATION_PLAN_STEP.DOSE, s.dose())
                    .set(MEDICATION_PLAN_STEP.FREQUENCY, s.frequency() == null ? Frequency.ONCE_DAILY.name() : s.frequency().name())
                    .set(MEDICATION_PLAN_STEP.CONDITION_TEXT, blankToNull(s.condition()))
                    .set(MEDICATION_PLAN_STEP.NOTE, blankToNull(s.note())).execute();
        }
        return new SavedPlan(r.getId(), orderId, switchId, 1, p, by);
    }

    /** A cross-taper's two plans share the id of its first plan. */
    public void setSwitch(long planId, long switchId) {
        dsl.update(MEDICATION_PLAN).set(MEDICATION_PLAN.SWITCH_ID, switchId).where(MEDICATION_PLAN.ID.eq(planId)).execute();
    }

    /** Marks a step applied, once: false when it already was or the plan changed since it was read. */
    public boolean markApplied(long planId, int planVersion, int stepNo, Instant now, String by) {
        int bumped = dsl.update(MEDICATION_PLAN).set(MEDICATION_PLAN.VERSION, planVersion + 1)
                .where(MEDICATION_PLAN.ID.eq(planId).and(MEDICATION_PLAN.VERSION.eq(planVersion))
                        .and(MEDICATION_PLAN.VOIDED.isFalse())).execute();
        return bumped == 1 && dsl.update(MEDICATION_PLAN_STEP).set(MEDICATION_PLAN_STEP.APPLIED_AT, utc(now))
                .set(MEDICATION_PLAN_STEP.APPLIED_BY, by)
                .where(MEDICATION_PLAN_STEP.PLAN_ID.eq(planId).and(MEDICATION_PLAN_STEP.STEP_NO.eq(stepNo))
                        .and(MEDICATION_PLAN_STEP.APPLIED_AT.isNull())).execute() == 1;
    }

    public boolean voidPlan(long id, int version, String reason) {
        return dsl.update(MEDICATION_PLAN).set(MEDICATION_PLAN.VOIDED, true).set(MEDICATION_PLAN.VOID_REASON, reason)
                .set(MEDICATION_PLAN.VERSION, version + 1)
                .where(MEDICATION_PLAN.ID.eq(id).and(MEDICATION_PLAN.VERSION.eq(version))
                        .and(MEDICATION_PLAN.VOIDED.isFalse())).execute() == 1;
    }

    public void insertPrompt(long patientId, long orderId, String ruleCode, LocalDate effectiveOn, Instant now,
                             String by) {
        dsl.insertInto(MT_PROMPT).set(MT_PROMPT.PATIENT_ID, patientId).set(MT_PROMPT.ORDER_ID, orderId)
                .set(MT_PROMPT.RULE_CODE, ruleCode).set(MT_PROMPT.EFFECTIVE_ON, effectiveOn)
                .set(MT_PROMPT.RAISED_AT, utc(now)).set(MT_PROMPT.RAISED_BY, by).execute();
    }

    /** The prompts no one has resolved yet, oldest first. */
    public List<MtPrompt> openPrompts(long patientId) {
        return dsl.select(MT_PROMPT.ID, MT_PROMPT.ORDER_ID, MEDICATION_ORDER.AGENT, MT_PROMPT.RULE_CODE,
                        MT_PROMPT.EFFECTIVE_ON, MT_PROMPT.RAISED_AT, MT_PROMPT.RAISED_BY)
                .from(MT_PROMPT).join(MEDICATION_ORDER).on(MEDICATION_ORDER.ID.eq(MT_PROMPT.ORDER_ID))
                .where(MT_PROMPT.PATIENT_ID.eq(patientId).and(MT_PROMPT.RESOLVED_AT.isNull()))
                .orderBy(MT_PROMPT.RAISED_AT, MT_PROMPT.ID)
                .fetch(r -> new MtPrompt(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().toInstant(), r.value7()));
    }

    private void writeDoses(long orderId, int version, List<RecordedDose> doses) {
        for (int i = 0; i < doses.size(); i++) {
            RecordedDose d = doses.get(i);
            dsl.insertInto(MEDICATION_DOSE).set(MEDICATION_DOSE.ORDER_ID, orderId)
                    .set(MEDICATION_DOSE.ORDER_VERSION, version).set(MEDICATION_DOSE.CHANGE_NO, i + 1)
                    .set(MEDICATION_DOSE.FROM_DATE, d.change().from()).set(MEDICATION_DOSE.DOSE, d.change().dose())
                    .set(MEDICATION_DOSE.FREQUENCY, d.change().frequency().name())
                    .set(MEDICATION_DOSE.RECORDED_AT, utc(d.recordedAt())).set(MEDICATION_DOSE.RECORDED_BY, d.recordedBy())
                    .set(MEDICATION_DOSE.PLAN_ID, d.planId()).set(MEDICATION_DOSE.PLAN_STEP_NO, d.stepNo()).execute();
        }
    }

    private static void write(MedicationOrderRecord r, MedicationOrder o, String override, String overrideBy) {
        r.setAgent(o.agent().strip());
        r.setInFormulary(o.inFormulary());
        r.setStrength(blankToNull(o.strength()));
        r.setDoseForm(o.form().name());
        r.setDoseUnit(o.unit().name());
        r.setRoute(o.route().name());
        r.setAsNeeded(o.asNeeded());
        r.setStartDate(o.start());
        r.setReviewDate(o.review());
        r.setStopDate(o.stop());
        r.setPrescriber(o.prescriber());
        r.setIndication(blankToNull(o.indication()));
        r.setOrderRole(o.role().name());
        r.setStopReason(o.stopReason() == null ? null : o.stopReason().name());
        r.setAdverseEffect(blankToNull(o.adverseEffect()));
        r.setNote(blankToNull(o.note()));
        r.setOverrideReason(override);
        r.setOverrideBy(overrideBy);
    }

    private static SavedOrder order(MedicationOrderRecord r, List<RecordedDose> doses) {
        MedicationOrder o = new MedicationOrder(r.getAgent(), r.getInFormulary(), r.getStrength(),
                StoredValues.enumOf(DoseForm.class, r.getDoseForm()), StoredValues.enumOf(DoseUnit.class, r.getDoseUnit()),
                StoredValues.enumOf(Route.class, r.getRoute()), r.getAsNeeded(), r.getStartDate(), r.getReviewDate(),
                r.getStopDate(), r.getPrescriber(), r.getIndication(), StoredValues.enumOf(OrderRole.class, r.getOrderRole()),
                r.getStopReason() == null ? null : StoredValues.enumOf(OrderStopReason.class, r.getStopReason()),
                r.getAdverseEffect(), r.getNote(), doses.stream().map(RecordedDose::change).toList());
        return new SavedOrder(r.getId(), r.getVersion(), o, doses, r.getTrialId(), r.getOverrideReason(),
                r.getOverrideBy());
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
