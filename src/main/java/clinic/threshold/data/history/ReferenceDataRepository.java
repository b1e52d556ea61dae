package clinic.threshold.data.history;

import static clinic.threshold.data.jooq.Tables.ASSESSMENT_RULE;
import static clinic.threshold.data.jooq.Tables.FORMULARY_AGENT;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.RuleSetting;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The formulary and the assessment rules, every version of every row. Nothing is updated in place: an
 * edit inserts a row with a later effective date, so an assessment can always be repeated as of its date.
 */
public final class ReferenceDataRepository {
    private final DSLContext dsl;

    public ReferenceDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<FormularyAgent> formulary() {
        return dsl.selectFrom(FORMULARY_AGENT).orderBy(FORMULARY_AGENT.GENERIC_NAME, FORMULARY_AGENT.EFFECTIVE_FROM)
                .fetch(r -> new FormularyAgent(r.getGenericName(),
                        r.getBrandNames() == null ? List.of() : Arrays.asList(r.getBrandNames().split(";")),
                        StoredValues.enumOf(DrugClass.class, r.getDrugClass()), r.getSubclass(),
                        r.getMinAdequateMgPerDay(), r.getMaxPlausibleMgPerDay(), confidence(r.getConfidence()),
                        r.getSource(), r.getEffectiveFrom()));
    }

    /** Notes of the newest row of each agent, by generic name. */
    public java.util.Map<String, String> formularyNotes() {
        java.util.Map<String, String> notes = new java.util.HashMap<>();
        dsl.select(FORMULARY_AGENT.GENERIC_NAME, FORMULARY_AGENT.NOTE).from(FORMULARY_AGENT)
                .orderBy(FORMULARY_AGENT.EFFECTIVE_FROM).forEach(r -> notes.put(r.value1(), r.value2()));
        return notes;
    }

    public List<RuleSetting> rules() {
        return dsl.selectFrom(ASSESSMENT_RULE).orderBy(ASSESSMENT_RULE.RULE_KEY, ASSESSMENT_RULE.EFFECTIVE_FROM)
                .fetch(r -> new RuleSetting(r.getRuleKey(), r.getRuleValue(), confidence(r.getConfidence()),
                        r.getSource(), r.getEffectiveFrom()));
    }

    public boolean agentVersionExists(String genericName, java.time.LocalDate effectiveFrom) {
        return dsl.fetchExists(FORMULARY_AGENT, FORMULARY_AGENT.GENERIC_NAME.eq(genericName)
                .and(FORMULARY_AGENT.EFFECTIVE_FROM.eq(effectiveFrom)));
    }

    public void insertAgent(FormularyAgent a, String note, Instant now, String by) {
        dsl.insertInto(FORMULARY_AGENT)
                .set(FORMULARY_AGENT.GENERIC_NAME, a.genericName())
                .set(FORMULARY_AGENT.BRAND_NAMES, a.brandNames().isEmpty() ? null : String.join(";", a.brandNames()))
                .set(FORMULARY_AGENT.DRUG_CLASS, a.drugClass().name())
                .set(FORMULARY_AGENT.SUBCLASS, a.subclass())
                .set(FORMULARY_AGENT.MIN_ADEQUATE_MG_PER_DAY, a.minAdequateMgPerDay())
                .set(FORMULARY_AGENT.MAX_PLAUSIBLE_MG_PER_DAY, a.maxPlausibleMgPerDay())
                .set(FORMULARY_AGENT.CONFIDENCE, a.confidence().tag())
                .set(FORMULARY_AGENT.SOURCE, a.source())
                .set(FORMULARY_AGENT.NOTE, note)
                .set(FORMULARY_AGENT.EFFECTIVE_FROM, a.effectiveFrom())
                .set(FORMULARY_AGENT.RECORDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(FORMULARY_AGENT.RECORDED_BY, by)
                .execute();
    }

    public boolean ruleVersionExists(String key, java.time.LocalDate effectiveFrom) {
        return dsl.fetchExists(ASSESSMENT_RULE, ASSESSMENT_RULE.RULE_KEY.eq(key)
                .and(ASSESSMENT_RULE.EFFECTIVE_FROM.eq(effectiveFrom)));
    }

    public void insertRule(RuleSetting r, Instant now, String by) {
        dsl.insertInto(ASSESSMENT_RULE)
                .set(ASSESSMENT_RULE.RULE_KEY, r.key())
                .set(ASSESSMENT_RULE.EFFECTIVE_FROM, r.effectiveFrom())
                .set(ASSESSMENT_RULE.RULE_VALUE, r.value())
                .set(ASSESSMENT_RULE.CONFIDENCE, r.confidence().tag())
                .set(ASSESSMENT_RULE.SOURCE, r.source())
                .set(ASSESSMENT_RULE.RECORDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(ASSESSMENT_RULE.RECORDED_BY, by)
                .execute();
    }

    private static Confidence confidence(String tag) {
        try {
            return Confidence.ofTag(tag.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new clinic.threshold.domain.common.DataDamagedException(e);
        }
    }
}
