package clinic.threshold.data.medication;

import static clinic.threshold.data.jooq.Tables.DRUG_GROUP_MEMBER;
import static clinic.threshold.data.jooq.Tables.MEDICATION_RULE;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.medication.AlertLevel;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DrugGroupMember;
import clinic.threshold.domain.medication.MedicationRule;
import clinic.threshold.domain.medication.RuleKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/** The medication safety rules and drug groups (V014), every version; an edit inserts a newer row. */
public final class MedicationRuleRepository {
    private final DSLContext dsl;

    public MedicationRuleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<MedicationRule> rules() {
        return dsl.selectFrom(MEDICATION_RULE).orderBy(MEDICATION_RULE.RULE_CODE, MEDICATION_RULE.EFFECTIVE_FROM)
                .fetch(r -> new MedicationRule(r.getRuleCode(), StoredValues.enumOf(RuleKind.class, r.getKind()),
                        r.getSubject(), r.getOther(),
                        r.getDoseForm() == null ? null : StoredValues.enumOf(DoseForm.class, r.getDoseForm()),
                        StoredValues.plain(r.getLimitValue()),
                        StoredValues.enumOf(AlertLevel.class, r.getAlertLevel()), r.getActive(), r.getMessage(),
                        Confidence.ofTag(r.getConfidence()), r.getSource(), r.getEffectiveFrom()));
    }

    public List<DrugGroupMember> members() {
        return dsl.selectFrom(DRUG_GROUP_MEMBER)
                .orderBy(DRUG_GROUP_MEMBER.GROUP_CODE, DRUG_GROUP_MEMBER.DRUG_NAME, DRUG_GROUP_MEMBER.EFFECTIVE_FROM)
                .fetch(r -> new DrugGroupMember(r.getDrugName(), r.getGroupCode(), r.getActive(),
                        Confidence.ofTag(r.getConfidence()), r.getSource(), r.getEffectiveFrom()));
    }

    public boolean ruleVersionExists(String code, java.time.LocalDate effectiveFrom) {
        return dsl.fetchExists(MEDICATION_RULE, MEDICATION_RULE.RULE_CODE.eq(code)
                .and(MEDICATION_RULE.EFFECTIVE_FROM.eq(effectiveFrom)));
    }

    public void insertRule(MedicationRule r, Instant now, String by) {
        dsl.insertInto(MEDICATION_RULE).set(MEDICATION_RULE.RULE_CODE, r.code())
                .set(MEDICATION_RULE.EFFECTIVE_FROM, r.effectiveFrom()).set(MEDICATION_RULE.KIND, r.kind().name())
                .set(MEDICATION_RULE.SUBJECT, r.subject()).set(MEDICATION_RULE.OTHER, r.other())
                .set(MEDICATION_RULE.DOSE_FORM, r.form() == null ? null : r.form().name())
                .set(MEDICATION_RULE.LIMIT_VALUE, r.limit()).set(MEDICATION_RULE.ALERT_LEVEL, r.level().name())
                .set(MEDICATION_RULE.ACTIVE, r.active()).set(MEDICATION_RULE.MESSAGE, r.message())
                .set(MEDICATION_RULE.CONFIDENCE, r.confidence().tag()).set(MEDICATION_RULE.SOURCE, r.source())
                .set(MEDICATION_RULE.RECORDED_AT, now.atOffset(ZoneOffset.UTC)).set(MEDICATION_RULE.RECORDED_BY, by)
                .execute();
    }

    public boolean memberVersionExists(String drug, String group, java.time.LocalDate effectiveFrom) {
        return dsl.fetchExists(DRUG_GROUP_MEMBER, DRUG_GROUP_MEMBER.DRUG_NAME.eq(drug)
                .and(DRUG_GROUP_MEMBER.GROUP_CODE.eq(group)).and(DRUG_GROUP_MEMBER.EFFECTIVE_FROM.eq(effectiveFrom)));
    }

    public void insertMember(DrugGroupMember m, Instant now, String by) {
        dsl.insertInto(DRUG_GROUP_MEMBER).set(DRUG_GROUP_MEMBER.DRUG_NAME, m.drug())
                .set(DRUG_GROUP_MEMBER.GROUP_CODE, m.group()).set(DRUG_GROUP_MEMBER.EFFECTIVE_FROM, m.effectiveFrom())
                .set(DRUG_GROUP_MEMBER.ACTIVE, m.active()).set(DRUG_GROUP_MEMBER.CONFIDENCE, m.confidence().tag())
                .set(DRUG_GROUP_MEMBER.SOURCE, m.source()).set(DRUG_GROUP_MEMBER.RECORDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(DRUG_GROUP_MEMBER.RECORDED_BY, by).execute();
    }
}
