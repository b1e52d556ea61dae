package clinic.threshold.data.payer;

import static clinic.threshold.data.jooq.Tables.PAYER_POLICY;
import static clinic.threshold.data.jooq.Tables.PAYER_POLICY_LINK;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

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
}
