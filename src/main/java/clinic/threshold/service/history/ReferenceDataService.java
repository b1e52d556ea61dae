package clinic.threshold.service.history;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.history.ReferenceDataRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.AssessmentRules;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The formulary and the TRD assessment rules as administrators see and edit them. An edit never changes a
 * row: it adds a version effective from a date, after checking that the rules still make a whole set.
 */
public final class ReferenceDataService {
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public ReferenceDataService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** Every formulary row and every rule, all versions, with the notes shown beside agents. */
    public record ReferenceData(List<FormularyAgent> formulary, Map<String, String> notes, List<RuleSetting> rules) {
    }

    public ReferenceData load() {
        guard.signedIn();
        return tx.read(dsl -> {
            ReferenceDataRepository r = new ReferenceDataRepository(dsl);
            return new ReferenceData(r.formulary(), r.formularyNotes(), r.rules());
        });
    }

    /** Adds a version of an agent. Throws {@link ValidationException} naming the dialog's fields. */
    public void addAgentVersion(FormularyAgent a, String note) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.formulary.edit", null);
        List<Violation> problems = new ArrayList<>();
        if (a.genericName() == null || a.genericName().isBlank()) {
            problems.add(Violation.of("genericName", "validation.required"));
        }
        if (a.drugClass() == null) {
            problems.add(Violation.of("drugClass", "validation.required"));
        }
        positive(a.minAdequateMgPerDay(), "minAdequateMgPerDay", problems);
        positive(a.maxPlausibleMgPerDay(), "maxPlausibleMgPerDay", problems);
        if (a.minAdequateMgPerDay() != null && a.maxPlausibleMgPerDay() != null
                && a.maxPlausibleMgPerDay().compareTo(a.minAdequateMgPerDay()) < 0) {
            problems.add(Violation.of("maxPlausibleMgPerDay", "reference.error.maxBelowMin"));
        }
        if (a.source() == null || a.source().isBlank()) {
            problems.add(Violation.of("source", "reference.error.sourceRequired"));
        }
        if (a.effectiveFrom() == null) {
            problems.add(Violation.of("effectiveFrom", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        tx.inTransaction(dsl -> {
            ReferenceDataRepository r = new ReferenceDataRepository(dsl);
            if (r.agentVersionExists(a.genericName().strip(), a.effectiveFrom())) {
                throw new ValidationException(Violation.of("effectiveFrom", "reference.error.versionExists",
                        a.effectiveFrom()));
            }
            r.insertAgent(a, note, clock.instant(), s.username());
            guard.audit().append(dsl, s.actor(), new AuditEntry("reference.formulary.edit", AuditCategory.ADMIN, null,
                    "formulary", a.genericName(), AuditOutcome.SUCCESS, "minimum " + a.minAdequateMgPerDay()
                    .toPlainString() + " mg/day, plausible up to " + a.maxPlausibleMgPerDay().toPlainString()
                    + ", from " + a.effectiveFrom() + " [" + a.confidence().tag() + "]"));
            return null;
        });
    }

    /** Adds a version of one rule, refused when the rule set it would make is not whole and valid. */
    public void addRuleVersion(RuleSetting rule) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.rule.edit", null);
        if (rule.source() == null || rule.source().isBlank()) {
            throw new ValidationException(Violation.of("source", "reference.error.sourceRequired"));
        }
        if (rule.effectiveFrom() == null) {
            throw new ValidationException(Violation.of("effectiveFrom", "validation.required"));
        }
        tx.inTransaction(dsl -> {
            ReferenceDataRepository r = new ReferenceDataRepository(dsl);
            if (!AssessmentRules.KEYS.contains(rule.key())) {
                throw new ValidationException(Violation.of("key", "reference.error.unknownRule", rule.key()));
            }
            if (r.ruleVersionExists(rule.key(), rule.effectiveFrom())) {
                throw new ValidationException(Violation.of("effectiveFrom", "reference.error.versionExists",
                        rule.effectiveFrom()));
            }
            List<RuleSetting> all = new ArrayList<>(r.rules());
            all.add(rule);
            try {
                AssessmentRules.from(RuleSetting.inForce(all, rule.effectiveFrom()));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(Violation.of("value", "reference.error.badRuleValue", e.getMessage()));
            }
            r.insertRule(rule, clock.instant(), s.username());
            guard.audit().append(dsl, s.actor(), new AuditEntry("reference.rule.edit", AuditCategory.ADMIN, null,
                    "rule", rule.key(), AuditOutcome.SUCCESS, rule.value() + " from " + rule.effectiveFrom()
                    + " [" + rule.confidence().tag() + "]"));
            return null;
        });
    }

    private static void positive(BigDecimal v, String field, List<Violation> problems) {
        if (v == null) {
            problems.add(Violation.of(field, "validation.required"));
        } else if (v.signum() <= 0) {
            problems.add(Violation.of(field, "reference.error.notPositive"));
        }
    }
}
