package clinic.threshold.data.payer;

import static clinic.threshold.data.jooq.Tables.PAYER;
import static clinic.threshold.data.jooq.Tables.PAYER_EXCLUSION_RULE;
import static clinic.threshold.data.jooq.Tables.PAYER_POLICY;
import static clinic.threshold.data.jooq.Tables.PAYER_POLICY_LINK;

import clinic.threshold.data.jooq.tables.records.PayerExclusionRuleRecord;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRuleRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Payer policy documents (threshold-policy/1 bodies), which policy applies to which payer, and the exclusion rules. */
public final class PolicyRepository {
    private final DSLContext dsl;

    public PolicyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A stored policy version: its document, and who verified it when. */
    public record StoredPolicy(String code, int version, String body, LocalDate verifiedOn, String verifiedBy, boolean active) {
    }

    public List<StoredPolicy> all() {
        return dsl.selectFrom(PAYER_POLICY).orderBy(PAYER_POLICY.CODE, PAYER_POLICY.VERSION)
                .fetch(r -> new StoredPolicy(r.getCode(), r.getVersion(), r.getBody(), r.getVerifiedOn(), r.getVerifiedBy(),
                        r.getActive()));
    }

    /** The code of the policy that applies to a payer of the registry, if one is linked. */
    public Optional<String> codeForPayer(int payerId) {
        return dsl.select(PAYER_POLICY_LINK.POLICY_CODE).from(PAYER_POLICY_LINK).where(PAYER_POLICY_LINK.PAYER_ID.eq(payerId))
                .fetchOptional(PAYER_POLICY_LINK.POLICY_CODE);
    }

    /** A registry payer and the policy code it is linked to. */
    public record Link(int payerId, String payerName, String code) {
    }

    /** Every payer-to-policy link, with the payer's name from the registry, by name. */
    public List<Link> links() {
        return dsl.select(PAYER_POLICY_LINK.PAYER_ID, PAYER.NAME, PAYER_POLICY_LINK.POLICY_CODE).from(PAYER_POLICY_LINK)
                .join(PAYER).on(PAYER.ID.eq(PAYER_POLICY_LINK.PAYER_ID)).orderBy(PAYER.NAME)
                .fetch(r -> new Link(r.value1(), r.value2(), r.value3()));
    }

    /** The highest version stored for {@code code}, active or not; 0 when the code is new. */
    public int newestVersion(String code) {
        Integer v = dsl.select(DSL.max(PAYER_POLICY.VERSION)).from(PAYER_POLICY).where(PAYER_POLICY.CODE.eq(code))
                .fetchOne(0, Integer.class);
        return v == null ? 0 : v;
    }

    /** Adds one version, unverified and active. Versions are only ever added: none is rewritten. */
    public void insert(String code, int version, String body, Instant at, String by) {
        dsl.insertInto(PAYER_POLICY).set(PAYER_POLICY.CODE, code).set(PAYER_POLICY.VERSION, version)
                .set(PAYER_POLICY.BODY, body).set(PAYER_POLICY.ACTIVE, true)
                .set(PAYER_POLICY.RECORDED_AT, at.atOffset(ZoneOffset.UTC)).set(PAYER_POLICY.RECORDED_BY, by).execute();
    }

    /** Records who checked a version against the payer's text, and when; false when there is no such version. */
    public boolean markVerified(String code, int version, LocalDate on, String by) {
        return dsl.update(PAYER_POLICY).set(PAYER_POLICY.VERIFIED_ON, on).set(PAYER_POLICY.VERIFIED_BY, by)
                .where(PAYER_POLICY.CODE.eq(code), PAYER_POLICY.VERSION.eq(version)).execute() == 1;
    }

    /** Points a registry payer at a policy code, replacing the code it pointed at before. */
    public void link(int payerId, String code) {
        int changed = dsl.update(PAYER_POLICY_LINK).set(PAYER_POLICY_LINK.POLICY_CODE, code)
                .where(PAYER_POLICY_LINK.PAYER_ID.eq(payerId)).execute();
        if (changed == 0) {
            dsl.insertInto(PAYER_POLICY_LINK).set(PAYER_POLICY_LINK.PAYER_ID, payerId)
                    .set(PAYER_POLICY_LINK.POLICY_CODE, code).execute();
        }
    }

    /** The chart records that show an excluded condition (V023), retired rules left out. */
    public List<ExclusionRule> exclusionRules() {
        return dsl.selectFrom(PAYER_EXCLUSION_RULE).where(PAYER_EXCLUSION_RULE.ACTIVE.isTrue())
                .orderBy(PAYER_EXCLUSION_RULE.EXCLUSION, PAYER_EXCLUSION_RULE.EVIDENCE, PAYER_EXCLUSION_RULE.MATCH_VALUE)
                .fetch(PolicyRepository::rule);
    }

    /** Every exclusion rule, in force and retired, with who last recorded it when; by condition, kind and match. */
    public List<ExclusionRuleRow> allExclusionRules() {
        return dsl.selectFrom(PAYER_EXCLUSION_RULE)
                .orderBy(PAYER_EXCLUSION_RULE.EXCLUSION, PAYER_EXCLUSION_RULE.EVIDENCE, PAYER_EXCLUSION_RULE.MATCH_VALUE)
                .fetch(r -> new ExclusionRuleRow(rule(r), r.getActive(), r.getRecordedAt().toInstant(), r.getRecordedBy()));
    }

    /**
     * Puts a rule in force, recorded by {@code by} at {@code at}. A retired rule with the same condition, kind and
     * match is re-activated with the new confidence and source (the key is the table's primary key, and rules are
     * never deleted); otherwise the rule is inserted. An active rule with that key makes the insert fail: callers
     * check for one first.
     */
    public void addExclusionRule(ExclusionRule rule, String by, Instant at) {
        int revived = dsl.update(PAYER_EXCLUSION_RULE).set(PAYER_EXCLUSION_RULE.ACTIVE, true)
                .set(PAYER_EXCLUSION_RULE.CONFIDENCE, rule.confidence().tag()).set(PAYER_EXCLUSION_RULE.SOURCE, rule.source())
                .set(PAYER_EXCLUSION_RULE.RECORDED_AT, at.atOffset(ZoneOffset.UTC)).set(PAYER_EXCLUSION_RULE.RECORDED_BY, by)
                .where(key(rule.exclusion(), rule.evidence(), rule.match()), PAYER_EXCLUSION_RULE.ACTIVE.isFalse()).execute();
        if (revived == 0) {
            dsl.insertInto(PAYER_EXCLUSION_RULE).set(PAYER_EXCLUSION_RULE.EXCLUSION, rule.exclusion().name())
                    .set(PAYER_EXCLUSION_RULE.EVIDENCE, rule.evidence().name()).set(PAYER_EXCLUSION_RULE.MATCH_VALUE, rule.match())
                    .set(PAYER_EXCLUSION_RULE.CONFIDENCE, rule.confidence().tag()).set(PAYER_EXCLUSION_RULE.SOURCE, rule.source())
                    .set(PAYER_EXCLUSION_RULE.ACTIVE, true).set(PAYER_EXCLUSION_RULE.RECORDED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(PAYER_EXCLUSION_RULE.RECORDED_BY, by).execute();
        }
    }

    /**
     * Takes a rule out of force (readiness stops reading it), recorded by {@code by} at {@code at}; the row stays.
     * False when there is no such rule in force.
     */
    public boolean retireExclusionRule(Exclusion exclusion, ExclusionRule.Evidence evidence, String match, String by,
            Instant at) {
        return dsl.update(PAYER_EXCLUSION_RULE).set(PAYER_EXCLUSION_RULE.ACTIVE, false)
                .set(PAYER_EXCLUSION_RULE.RECORDED_AT, at.atOffset(ZoneOffset.UTC)).set(PAYER_EXCLUSION_RULE.RECORDED_BY, by)
                .where(key(exclusion, evidence, match), PAYER_EXCLUSION_RULE.ACTIVE.isTrue()).execute() == 1;
    }

    private static Condition key(Exclusion exclusion, ExclusionRule.Evidence evidence, String match) {
        return PAYER_EXCLUSION_RULE.EXCLUSION.eq(exclusion.name()).and(PAYER_EXCLUSION_RULE.EVIDENCE.eq(evidence.name()))
                .and(PAYER_EXCLUSION_RULE.MATCH_VALUE.eq(match));
    }

    private static ExclusionRule rule(PayerExclusionRuleRecord r) {
        return new ExclusionRule(Exclusion.valueOf(r.getExclusion()), ExclusionRule.Evidence.valueOf(r.getEvidence()),
                r.getMatchValue(), Confidence.ofTag(r.getConfidence()), r.getSource());
    }
}
