package clinic.threshold.data.outcome;

import static clinic.threshold.data.jooq.Tables.OUTCOME_RULE;
import static clinic.threshold.data.jooq.Tables.PATIENT;
import static clinic.threshold.data.jooq.Tables.SAFETY_ALERT;
import static clinic.threshold.data.jooq.Tables.SCALE_BAND;
import static clinic.threshold.data.jooq.Tables.SCALE_DEFINITION;
import static clinic.threshold.data.jooq.Tables.SCALE_ENTRY;
import static clinic.threshold.data.jooq.Tables.SCALE_ENTRY_ITEM;
import static clinic.threshold.data.jooq.Tables.SCALE_ITEM;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.outcome.Rater;
import clinic.threshold.domain.outcome.RiskAlert;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.outcome.ScaleItem;
import clinic.threshold.domain.outcome.Scoring;
import clinic.threshold.domain.outcome.SeverityBand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Rating-scale definitions, a patient's administrations with their items, and the suicide-risk alerts.
 * No delete: entries are voided with a reason; an alert is closed by a documented review.
 */
public final class OutcomeRepository {
    private final DSLContext dsl;

    public OutcomeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<ScaleDefinition> scales() {
        Map<String, List<ScaleItem>> items = new HashMap<>();
        dsl.selectFrom(SCALE_ITEM).orderBy(SCALE_ITEM.SCALE_CODE, SCALE_ITEM.ITEM_NO).forEach(r -> items
                .computeIfAbsent(r.getScaleCode(), k -> new ArrayList<>()).add(new ScaleItem(r.getItemNo(), r.getLabel(),
                        r.getMinValue(), r.getMaxValue(), r.getSafety())));
        Map<String, List<SeverityBand>> bands = new HashMap<>();
        dsl.selectFrom(SCALE_BAND).orderBy(SCALE_BAND.SCALE_CODE, SCALE_BAND.MIN_TOTAL).forEach(r -> bands
                .computeIfAbsent(r.getScaleCode(), k -> new ArrayList<>()).add(new SeverityBand(r.getMinTotal(),
                        r.getMaxTotal(), r.getLabel())));
        return dsl.selectFrom(SCALE_DEFINITION).orderBy(SCALE_DEFINITION.CODE).fetch(r -> new ScaleDefinition(r.getCode(),
                r.getName(), StoredValues.enumOf(Rater.class, r.getRater()), StoredValues.enumOf(Scoring.class, r.getScoring()),
                r.getTotalMin(), r.getTotalMax(), r.getRemissionBelow(), r.getRemissionValue(), r.getTotalOnlyAllowed(),
                r.getItemsLicensed(), items.getOrDefault(r.getCode(), List.of()), bands.getOrDefault(r.getCode(), List.of()),
                Confidence.ofTag(r.getConfidence()), r.getSource()));
    }

    public List<RuleSetting> rules() {
        return dsl.selectFrom(OUTCOME_RULE).orderBy(OUTCOME_RULE.RULE_KEY, OUTCOME_RULE.EFFECTIVE_FROM)
                .fetch(r -> new RuleSetting(r.getRuleKey(), r.getRuleValue(), Confidence.ofTag(r.getConfidence()),
                        r.getSource(), r.getEffectiveFrom()));
    }

    public boolean ruleVersionExists(String key, LocalDate from) {
        return dsl.fetchExists(OUTCOME_RULE, OUTCOME_RULE.RULE_KEY.eq(key).and(OUTCOME_RULE.EFFECTIVE_FROM.eq(from)));
    }

    public void insertRule(RuleSetting r, Instant now, String by) {
        dsl.insertInto(OUTCOME_RULE).set(OUTCOME_RULE.RULE_KEY, r.key()).set(OUTCOME_RULE.EFFECTIVE_FROM, r.effectiveFrom())
                .set(OUTCOME_RULE.RULE_VALUE, r.value()).set(OUTCOME_RULE.CONFIDENCE, r.confidence().tag())
                .set(OUTCOME_RULE.SOURCE, r.source()).set(OUTCOME_RULE.RECORDED_AT, utc(now))
                .set(OUTCOME_RULE.RECORDED_BY, by).execute();
    }

    /** The patient's non-voided entries, oldest first, with their items. */
    public List<SavedEntry> entries(long patientId) {
        var rows = dsl.selectFrom(SCALE_ENTRY).where(SCALE_ENTRY.PATIENT_ID.eq(patientId).and(SCALE_ENTRY.VOIDED.isFalse()))
                .orderBy(SCALE_ENTRY.RATED_ON, SCALE_ENTRY.ID).fetch();
        Map<Long, List<Integer>> items = new HashMap<>();
        if (!rows.isEmpty()) {
            dsl.select(SCALE_ENTRY_ITEM.ENTRY_ID, SCALE_ENTRY_ITEM.ITEM_VALUE).from(SCALE_ENTRY_ITEM).join(SCALE_ENTRY)
                    .on(SCALE_ENTRY.ID.eq(SCALE_ENTRY_ITEM.ENTRY_ID))
                    .where(SCALE_ENTRY.PATIENT_ID.eq(patientId).and(SCALE_ENTRY.VOIDED.isFalse()))
                    .orderBy(SCALE_ENTRY_ITEM.ENTRY_ID, SCALE_ENTRY_ITEM.ITEM_NO)
                    .forEach(r -> items.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        return rows.stream().map(r -> {
            List<Integer> values = items.getOrDefault(r.getId(), List.of());
            // A total-only entry's one stored item is its suicide-risk answer, not a list of items.
            ScaleEntry e = r.getTotalOnly()
                    ? new ScaleEntry(r.getScaleCode(), r.getRatedOn(), List.of(), r.getTotal(), r.getRatedBy(),
                    values.isEmpty() ? null : values.get(0))
                    : new ScaleEntry(r.getScaleCode(), r.getRatedOn(), values, null, r.getRatedBy());
            return new SavedEntry(r.getId(), r.getVersion(), e, r.getTotal(), r.getEnteredBy(), r.getEnteredAt().toInstant());
        }).toList();
    }

    public boolean existsOn(long patientId, String scale, LocalDate day) {
        return dsl.fetchExists(SCALE_ENTRY, SCALE_ENTRY.PATIENT_ID.eq(patientId).and(SCALE_ENTRY.SCALE_CODE.eq(scale))
                .and(SCALE_ENTRY.RATED_ON.eq(day)).and(SCALE_ENTRY.VOIDED.isFalse()));
    }

    /** {@code safetyItemNo}: the instrument's suicide-risk item (null when it has none). */
    public SavedEntry insert(long patientId, ScaleEntry e, Integer safetyItemNo, int total, String by, Instant now) {
        var r = dsl.newRecord(SCALE_ENTRY);
        r.setPatientId(patientId);
        r.setScaleCode(e.scale());
        r.setRatedOn(e.date());
        r.setTotal(total);
        r.setTotalOnly(e.isTotalOnly());
        r.setRatedBy(e.ratedBy().strip());
        r.setEnteredBy(by);
        r.setEnteredAt(utc(now));
        r.setVoided(false);
        r.setVersion(1);
        r.store();
        for (int i = 0; i < e.items().size(); i++) {
            dsl.insertInto(SCALE_ENTRY_ITEM).set(SCALE_ENTRY_ITEM.ENTRY_ID, r.getId()).set(SCALE_ENTRY_ITEM.ITEM_NO, i + 1)
                    .set(SCALE_ENTRY_ITEM.ITEM_VALUE, e.items().get(i)).execute();
        }
        if (e.isTotalOnly() && e.safetyValue() != null && safetyItemNo != null) {
            // A total alone keeps the one item it was asked for: the suicide-risk item.
            dsl.insertInto(SCALE_ENTRY_ITEM).set(SCALE_ENTRY_ITEM.ENTRY_ID, r.getId()).set(SCALE_ENTRY_ITEM.ITEM_NO, safetyItemNo)
                    .set(SCALE_ENTRY_ITEM.ITEM_VALUE, e.safetyValue()).execute();
        }
        return new SavedEntry(r.getId(), 1, e, total, by, now);
    }

    public boolean voidEntry(long id, int version, String reason) {
        return dsl.update(SCALE_ENTRY).set(SCALE_ENTRY.VOIDED, true).set(SCALE_ENTRY.VOID_REASON, reason)
                .set(SCALE_ENTRY.VERSION, version + 1).where(SCALE_ENTRY.ID.eq(id).and(SCALE_ENTRY.VERSION.eq(version))
                        .and(SCALE_ENTRY.VOIDED.isFalse())).execute() == 1;
    }

    public long insertAlert(long patientId, long entryId, String items, Instant now) {
        return dsl.insertInto(SAFETY_ALERT).set(SAFETY_ALERT.PATIENT_ID, patientId).set(SAFETY_ALERT.ENTRY_ID, entryId)
                .set(SAFETY_ALERT.ITEMS, items).set(SAFETY_ALERT.RAISED_AT, utc(now)).set(SAFETY_ALERT.VERSION, 1)
                .returningResult(SAFETY_ALERT.ID).fetchOne().value1();
    }

    /** Open alerts of one patient, or of every patient (the clinicians' work list) when {@code patientId} is null. */
    public List<RiskAlert> openAlerts(Long patientId) {
        Condition c = SAFETY_ALERT.REVIEWED_AT.isNull();
        if (patientId != null) {
            c = c.and(SAFETY_ALERT.PATIENT_ID.eq(patientId));
        }
        return alerts(c);
    }

    public List<RiskAlert> alertsOf(long patientId) {
        return alerts(SAFETY_ALERT.PATIENT_ID.eq(patientId));
    }

    private List<RiskAlert> alerts(Condition c) {
        return dsl.select(SAFETY_ALERT.fields()).select(PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME, SCALE_DEFINITION.NAME,
                        SCALE_ENTRY.RATED_ON)
                .from(SAFETY_ALERT).join(PATIENT).on(PATIENT.ID.eq(SAFETY_ALERT.PATIENT_ID))
                .join(SCALE_ENTRY).on(SCALE_ENTRY.ID.eq(SAFETY_ALERT.ENTRY_ID))
                .join(SCALE_DEFINITION).on(SCALE_DEFINITION.CODE.eq(SCALE_ENTRY.SCALE_CODE))
                // Alerts of voided entries stay: an alert closes only by a documented review.
                .where(c).orderBy(SAFETY_ALERT.RAISED_AT, SAFETY_ALERT.ID)
                .fetch(OutcomeRepository::alert);
    }

    private static RiskAlert alert(Record r) {
        return new RiskAlert(r.get(SAFETY_ALERT.ID), r.get(SAFETY_ALERT.VERSION), r.get(SAFETY_ALERT.PATIENT_ID),
                r.get(PATIENT.FAMILY_NAME) + ", " + r.get(PATIENT.GIVEN_NAME), r.get(SAFETY_ALERT.ENTRY_ID),
                r.get(SCALE_DEFINITION.NAME), r.get(SCALE_ENTRY.RATED_ON), r.get(SAFETY_ALERT.ITEMS),
                instant(r.get(SAFETY_ALERT.RAISED_AT)), instant(r.get(SAFETY_ALERT.REVIEWED_AT)),
                r.get(SAFETY_ALERT.REVIEWED_BY), r.get(SAFETY_ALERT.REVIEW_NOTE));
    }

    /** Closes an alert with the clinician's review, once: false when reviewed already or changed since read. */
    public boolean review(long id, int version, String by, String note, Instant now) {
        return dsl.update(SAFETY_ALERT).set(SAFETY_ALERT.REVIEWED_AT, utc(now)).set(SAFETY_ALERT.REVIEWED_BY, by)
                .set(SAFETY_ALERT.REVIEW_NOTE, note).set(SAFETY_ALERT.VERSION, version + 1)
                .where(SAFETY_ALERT.ID.eq(id).and(SAFETY_ALERT.VERSION.eq(version)).and(SAFETY_ALERT.REVIEWED_AT.isNull()))
                .execute() == 1;
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
