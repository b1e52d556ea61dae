package clinic.threshold.service.payer;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.payer.PolicyRepository;
import clinic.threshold.data.payer.PolicyRepository.StoredPolicy;
import clinic.threshold.data.reference.ReferenceRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRuleRow;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.PolicyRow;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Payer policies as administrators keep them (issue 10): list, edit, verify, import and export. A change never
 * rewrites a stored version: it adds the next version, unverified until someone checks it against the payer's text.
 * The exclusion rules (which chart records show an excluded condition) are kept here too: added and retired, never
 * deleted. Every change needs {@code reference.edit}, runs in one transaction and leaves an audit row in it.
 */
public final class PolicyAdminService {
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;
    private final ExclusionRuleAdmin exclusionRules;

    public PolicyAdminService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.exclusionRules = new ExclusionRuleAdmin(tx, clock, guard);
    }

    /** What an import stored: new versions of known codes, new codes, and policies equal to their newest version. */
    public record Imported(int newVersions, int newPolicies, int unchanged) {
    }

    /**
     * Every policy code's newest active version, by code, with who verified it and the registry payers linked to
     * it. Any signed-in user may read it (the chart's Payer tab shows the same policies).
     */
    public List<PolicyRow> list() {
        guard.signedIn();
        return tx.read(dsl -> {
            PolicyRepository repo = new PolicyRepository(dsl);
            Map<String, List<String>> payers = repo.links().stream().collect(Collectors.groupingBy(
                    PolicyRepository.Link::code, Collectors.mapping(PolicyRepository.Link::payerName, Collectors.toList())));
            return newestActive(repo).values().stream().map(s -> new PolicyRow(PolicyJson.stored(s.body(), s.verifiedOn()),
                    s.verifiedBy(), payers.getOrDefault(s.code(), List.of()))).toList();
        });
    }

    /**
     * Stores {@code p} as the next version of its code (version 1 of a new code), unverified. Throws
     * {@link ValidationException} naming the policy and each problem (contradictory limits, a missing source...);
     * nothing is stored then. Returns the stored version.
     */
    public PayerPolicy saveVersion(PayerPolicy p) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "payer.policy.edit", null);
        List<Violation> problems = PolicyAdminChecks.check(p);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return tx.inTransaction(dsl -> store(dsl, s, p, "payer.policy.edit"));
    }

    /**
     * Marks one version as checked against the payer's text today, by the signed-in user; the "unverified: review
     * before use" flag goes. Throws {@link NotFoundException} when there is no such version.
     */
    public void verify(String code, int version) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "payer.policy.verify", null);
        LocalDate today = LocalDate.now(clock);
        tx.inTransaction(dsl -> {
            if (!new PolicyRepository(dsl).markVerified(code, version, today, s.username())) {
                throw new NotFoundException("PayerPolicy", code + " v" + version);
            }
            audit(dsl, s, "payer.policy.verify", AuditCategory.ADMIN, code, "version " + version + " verified on " + today);
            return null;
        });
    }

    /**
     * The newest active version of each code as a {@code threshold-policy/1} document, each with the date it was
     * verified. Throws {@link ValidationException} for a code the clinic does not have.
     */
    public String exportJson(List<String> codes) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "payer.policy.export", null);
        return tx.inTransaction(dsl -> {
            Map<String, StoredPolicy> newest = newestActive(new PolicyRepository(dsl));
            List<PayerPolicy> out = new ArrayList<>();
            for (String code : codes) {
                StoredPolicy stored = Optional.ofNullable(newest.get(code)).orElseThrow(() -> new ValidationException(
                        Violation.of("code", "payer.error.unknownCode", code)));
                out.add(PolicyJson.stored(stored.body(), stored.verifiedOn()));
            }
            audit(dsl, s, "payer.policy.export", AuditCategory.EXPORT, null, out.size() + " policies: "
                    + String.join(", ", codes));
            return PolicyJsonWriter.document(out);
        });
    }

    /**
     * Reads a {@code threshold-policy/1} document and stores each policy as the next version of its code (or
     * version 1 of a new code), unverified: the file's versions and verification dates are not taken over, since
     * nobody here has checked the text yet. A policy equal to its code's newest version is left alone, so importing
     * the same file twice adds nothing. All or nothing: an unreadable file, another format or any invalid policy
     * throws {@link ValidationException} naming each policy and problem, and nothing is stored.
     */
    public Imported importJson(String json) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "payer.policy.import", null);
        List<PayerPolicy> policies = parse(json);
        List<Violation> problems = new ArrayList<>();
        policies.forEach(p -> problems.addAll(PolicyAdminChecks.limits(p)));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<PayerPolicy> ordered = policies.stream().sorted(Comparator.comparing(PayerPolicy::code)
                .thenComparingInt(PayerPolicy::version)).toList();
        return tx.inTransaction(dsl -> {
            PolicyRepository repo = new PolicyRepository(dsl);
            int versions = 0;
            int codes = 0;
            int unchanged = 0;
            for (PayerPolicy p : ordered) {
                Optional<StoredPolicy> newest = Optional.ofNullable(newestActive(repo).get(p.code()));
                if (newest.isPresent() && PolicyJsonWriter.sameContent(p, PolicyJson.stored(newest.get().body(), null))) {
                    unchanged++;
                    continue;
                }
                if (repo.newestVersion(p.code()) == 0) {
                    codes++;
                } else {
                    versions++;
                }
                store(dsl, s, p, "payer.policy.import");
            }
            return new Imported(versions, codes, unchanged);
        });
    }

    /**
     * Makes {@code code} the policy for a registry payer's patients (replacing any earlier link). Throws
     * {@link ValidationException} for an unknown payer or code.
     */
    public void link(int payerId, String code) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "payer.policy.link", null);
        tx.inTransaction(dsl -> {
            var payer = new ReferenceRepository(dsl).payer(payerId).orElseThrow(() -> new ValidationException(
                    Violation.of("payer", "payer.error.unknownPayer", payerId)));
            PolicyRepository repo = new PolicyRepository(dsl);
            if (repo.newestVersion(code) == 0) {
                throw new ValidationException(Violation.of("code", "payer.error.unknownCode", code));
            }
            repo.link(payerId, code);
            audit(dsl, s, "payer.policy.link", AuditCategory.ADMIN, code, "payer " + payer.code() + " -> " + code);
            return null;
        });
    }

    /**
     * Every exclusion rule (which chart record shows which excluded condition), in force and retired, with its
     * confidence and source and who last recorded it when. Any signed-in user may read it, as they may the policies.
     */
    public List<ExclusionRuleRow> exclusionRules() {
        return exclusionRules.list();
    }

    /**
     * Puts a rule in force, so that readiness finds its condition in every chart that shows the match. The match is
     * stored trimmed (codes, severities and OPEN in upper case). A retired rule with the same condition, kind and
     * match is re-activated with this confidence and source. Throws {@link ValidationException} naming each problem
     * (a missing condition, kind or source; a match this kind of record cannot show; a screening item the form does
     * not have; the same rule already in force); nothing is stored then. Returns the rule as stored.
     */
    public ExclusionRule addExclusionRule(ExclusionRule rule) {
        return exclusionRules.add(rule);
    }

    /**
     * Takes a rule out of force: readiness stops finding its condition from that match. The rule is kept, marked
     * retired, and may be added again. Throws {@link NotFoundException} when no such rule is in force.
     */
    public void retireExclusionRule(Exclusion exclusion, ExclusionRule.Evidence evidence, String match) {
        exclusionRules.retire(exclusion, evidence, match);
    }

    private PayerPolicy store(DSLContext dsl, UserSession s, PayerPolicy p, String action) {
        PolicyRepository repo = new PolicyRepository(dsl);
        int version = repo.newestVersion(p.code()) + 1;
        String body = PolicyJsonWriter.body(p, version);
        repo.insert(p.code(), version, body, clock.instant(), s.username());
        audit(dsl, s, action, AuditCategory.ADMIN, p.code(), "version " + version + " (unverified), from "
                + p.effectiveFrom() + " [" + p.confidence() + "]");
        return PolicyJson.stored(body, null);
    }

    private void audit(DSLContext dsl, UserSession s, String action, AuditCategory category, String code, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry(action, category, null, code == null ? null : "payer_policy",
                code, AuditOutcome.SUCCESS, detail));
    }

    /** The newest active version of each code, by code. */
    private static Map<String, StoredPolicy> newestActive(PolicyRepository repo) {
        Map<String, StoredPolicy> newest = new TreeMap<>();
        repo.all().stream().filter(StoredPolicy::active).forEach(s -> newest.merge(s.code(), s,
                (a, b) -> a.version() >= b.version() ? a : b));
        return newest;
    }

    /** The file's policies, each checked; a file that is not JSON at all is refused like one in another format. */
    private static List<PayerPolicy> parse(String json) {
        List<PayerPolicy> policies;
        try {
            policies = PolicyJson.read(new ByteArrayInputStream((json == null ? "" : json).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ValidationException(Violation.of("file", "payer.error.notJson", PolicyJson.FORMAT));
        }
        if (policies.isEmpty()) {
            throw new ValidationException(Violation.of("file", "payer.error.noPolicies"));
        }
        return policies;
    }
}
