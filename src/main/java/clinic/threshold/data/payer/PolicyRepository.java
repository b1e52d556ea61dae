package clinic.threshold.data.payer;

import static clinic.threshold.data.jooq.Tables.PAYER;
import static clinic.threshold.data.jooq.Tables.PAYER_POLICY;
import static clinic.threshold.data.jooq.Tables.PAYER_POLICY_LINK;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Payer policy documents (threshold-policy/1 bodies) and which policy applies to which payer. */
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
    public java.util.List<clinic.threshold.domain.payer.ExclusionRule> exclusionRules() {
        var t = clinic.threshold.data.jooq.Tables.PAYER_EXCLUSION_RULE;
        return dsl.selectFrom(t).where(t.ACTIVE.isTrue()).orderBy(t.EXCLUSION, t.EVIDENCE, t.MATCH_VALUE).fetch(r -> new clinic.threshold.domain.payer.ExclusionRule(
                clinic.threshold.domain.payer.Exclusion.valueOf(r.getExclusion()),
                clinic.threshold.domain.payer.ExclusionRule.Evidence.valueOf(r.getEvidence()), r.getMatchValue(),
                clinic.threshold.domain.history.Confidence.ofTag(r.getConfidence()), r.getSource()));
    }
}
