package clinic.threshold.service.payer;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.payer.PolicyRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRuleChecks;
import clinic.threshold.domain.payer.ExclusionRuleRow;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The exclusion-rule half of {@link PolicyAdminService} (its public methods carry the contracts): the same
 * {@code reference.edit} check, one transaction per change and the audit row in it, kept apart so that each file has
 * one subject.
 */
final class ExclusionRuleAdmin {
    /** The audit rows' entity; the id is the condition (a rule's whole key can exceed the 40-character id column). */
    private static final String ENTITY = "payer_exclusion_rule";
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    ExclusionRuleAdmin(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    List<ExclusionRuleRow> list() {
        guard.signedIn();
        return tx.read(dsl -> new PolicyRepository(dsl).allExclusionRules());
    }

    ExclusionRule add(ExclusionRule rule) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "payer.exclusion.add", null);
        ExclusionRule r = ExclusionRuleChecks.normalized(Objects.requireNonNull(rule, "rule"));
        List<Violation> problems = ExclusionRuleChecks.check(r);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return tx.inTransaction(dsl -> {
            PolicyRepository repo = new PolicyRepository(dsl);
            List<Violation> stored = againstStored(dsl, repo, r);
            if (!stored.isEmpty()) {
                throw new ValidationException(stored);
            }
            repo.addExclusionRule(r, s.username(), clock.instant());
            audit(dsl, s, "payer.exclusion.add", r.exclusion(), r.evidence() + " " + r.match() + " -> " + r.exclusion()
                    + " [" + r.confidence().tag() + "]: " + r.source());
            return r;
        });
    }

    void retire(Exclusion exclusion, ExclusionRule.Evidence evidence, String match) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "payer.exclusion.retire", null);
        tx.inTransaction(dsl -> {
            if (exclusion == null || evidence == null || match == null || !new PolicyRepository(dsl)
                    .retireExclusionRule(exclusion, evidence, match, s.username(), clock.instant())) {
                throw new NotFoundException("ExclusionRule", exclusion + "/" + evidence + "/" + match);
            }
            audit(dsl, s, "payer.exclusion.retire", exclusion, "retired " + evidence + " " + match + " -> " + exclusion);
            return null;
        });
    }

    /** What a well-formed rule must also meet against the stored data: its screening item exists; it is not in force. */
    private static List<Violation> againstStored(DSLContext dsl, PolicyRepository repo, ExclusionRule r) {
        List<Violation> out = new ArrayList<>();
        if (r.evidence() == ExclusionRule.Evidence.SCREENING) {
            // Any stored form version: charts screened on an older form still hold its answers.
            ExclusionRuleChecks.ScreeningItemRef ref = ExclusionRuleChecks.ScreeningItemRef.parse(r.match()).orElseThrow();
            if (new TmsReferenceRepository(dsl).screeningForm(ref.form()).stream().noneMatch(i -> i.number() == ref.item())) {
                out.add(Violation.of("match", "payer.error.ruleNoScreeningItem", Integer.toString(ref.form()),
                        Integer.toString(ref.item())));
            }
        }
        if (repo.exclusionRules().stream().anyMatch(x -> x.exclusion() == r.exclusion() && x.evidence() == r.evidence()
                && x.match().equals(r.match()))) {
            out.add(Violation.of("match", "payer.error.ruleDuplicate", r.match()));
        }
        return out;
    }

    private void audit(DSLContext dsl, UserSession s, String action, Exclusion exclusion, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry(action, AuditCategory.ADMIN, null, ENTITY, exclusion.name(),
                AuditOutcome.SUCCESS, detail));
    }
}
