package clinic.threshold.service.medication;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.history.ReferenceDataRepository;
import clinic.threshold.data.medication.MedicationRuleRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.medication.DrugCatalog;
import clinic.threshold.domain.medication.DrugGroupMember;
import clinic.threshold.domain.medication.MedicationRule;
import clinic.threshold.domain.medication.RuleKind;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * The medication safety rules and drug groups as administrators see and edit them. As with the formulary,
 * an edit never changes a row: it adds a version from a date (a rule or a membership is retired by a
 * version with {@code active} false). Every version needs its source.
 */
public final class MedicationRulesService {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,59}");
    private static final Pattern GROUP = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Set<RuleKind> PAIRS = EnumSet.of(RuleKind.INTERACTION, RuleKind.WASHOUT);
    private static final Set<RuleKind> LIMITS = EnumSet.of(RuleKind.WASHOUT, RuleKind.MAX_DAILY_DOSE, RuleKind.MAX_SINGLE_DOSE);
    private static final Set<RuleKind> DOSES = EnumSet.of(RuleKind.MAX_DAILY_DOSE, RuleKind.MAX_SINGLE_DOSE);

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public MedicationRulesService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** Every version of every rule and group membership. */
    public record Rules(List<MedicationRule> rules, List<DrugGroupMember> members) {
    }

    public Rules load() {
        guard.signedIn();
        return tx.read(dsl -> {
            MedicationRuleRepository r = new MedicationRuleRepository(dsl);
            return new Rules(r.rules(), r.members());
        });
    }

    /** Adds a version of a rule (a new code adds a rule). Violations name the dialog's fields. */
    public void addRuleVersion(MedicationRule rule) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.medicationRule.edit", null);
        tx.inTransaction(dsl -> {
            MedicationRuleRepository r = new MedicationRuleRepository(dsl);
            List<Violation> problems = check(rule, catalog(dsl, r), r);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            r.insertRule(rule, clock.instant(), s.username());
            guard.audit().append(dsl, s.actor(), new AuditEntry("reference.medicationRule.edit", AuditCategory.ADMIN,
                    null, "medication_rule", rule.code(), AuditOutcome.SUCCESS, rule.kind() + " " + rule.subject()
                    + (rule.other() == null ? "" : " / " + rule.other()) + (rule.limit() == null ? ""
                    : " limit " + rule.limit().toPlainString()) + ", " + rule.level() + (rule.active() ? "" : ", retired")
                    + " from " + rule.effectiveFrom() + " [" + rule.confidence().tag() + "]"));
            return null;
        });
    }

    /** Adds a drug to a group from a date, or ({@code active} false) takes it out. */
    public void addMemberVersion(DrugGroupMember m) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.drugGroup.edit", null);
        List<Violation> problems = new ArrayList<>();
        if (m.drug() == null || m.drug().isBlank()) {
            problems.add(Violation.of("drug", "validation.required"));
        } else if (m.drug().strip().length() > 80) {
            problems.add(Violation.of("drug", "reference.error.tooLong", 80));
        }
        if (m.group() == null || !GROUP.matcher(m.group()).matches()) {
            problems.add(Violation.of("group", "reference.error.groupFormat"));
        } else if (DrugCatalog.ANTIDEPRESSANT.equals(m.group()) || isClass(m.group())) {
            problems.add(Violation.of("group", "reference.error.groupIsClass", m.group()));
        }
        requireSource(m.source(), m.effectiveFrom(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        DrugGroupMember clean = new DrugGroupMember(m.drug().strip(), m.group(), m.active(), m.confidence(),
                m.source().strip(), m.effectiveFrom());
        tx.inTransaction(dsl -> {
            MedicationRuleRepository r = new MedicationRuleRepository(dsl);
            if (r.memberVersionExists(clean.drug(), clean.group(), clean.effectiveFrom())) {
                throw new ValidationException(Violation.of("effectiveFrom", "reference.error.versionExists",
                        clean.effectiveFrom()));
            }
            r.insertMember(clean, clock.instant(), s.username());
            guard.audit().append(dsl, s.actor(), new AuditEntry("reference.drugGroup.edit", AuditCategory.ADMIN, null,
                    "drug_group", clean.group(), AuditOutcome.SUCCESS, clean.drug() + (clean.active() ? " added" : " removed")
                    + " from " + clean.effectiveFrom() + " [" + clean.confidence().tag() + "]"));
            return null;
        });
    }

    private static DrugCatalog catalog(DSLContext dsl, MedicationRuleRepository r) {
        return new DrugCatalog(new Formulary(new ReferenceDataRepository(dsl).formulary()), r.members());
    }

    private static List<Violation> check(MedicationRule rule, DrugCatalog catalog, MedicationRuleRepository r) {
        List<Violation> v = new ArrayList<>();
        if (rule.code() == null || !CODE.matcher(rule.code()).matches()) {
            v.add(Violation.of("code", "reference.error.codeFormat"));
        }
        if (rule.kind() == null) {
            v.add(Violation.of("kind", "validation.required"));
        }
        if (rule.level() == null) {
            v.add(Violation.of("level", "validation.required"));
        }
        token(rule.subject(), "subject", true, catalog, r, v);
        RuleKind k = rule.kind();
        if (k != null) {
            token(rule.other(), "other", PAIRS.contains(k), catalog, r, v);
            if (!PAIRS.contains(k) && rule.other() != null && !rule.other().isBlank()) {
                v.add(Violation.of("other", "reference.error.notForKind"));
            }
            if (LIMITS.contains(k) && (rule.limit() == null || rule.limit().signum() <= 0)) {
                v.add(Violation.of("limit", "reference.error.notPositive"));
            } else if (!LIMITS.contains(k) && rule.limit() != null) {
                v.add(Violation.of("limit", "reference.error.notForKind"));
            } else if (k == RuleKind.WASHOUT && rule.limit().stripTrailingZeros().scale() > 0) {
                v.add(Violation.of("limit", "reference.error.wholeDays"));
            } else if (rule.limit() != null && rule.limit().compareTo(new BigDecimal("9999999")) > 0) {
                v.add(Violation.of("limit", "reference.error.notPositive"));
            }
            if (rule.form() != null && !DOSES.contains(k)) {
                v.add(Violation.of("form", "reference.error.notForKind"));
            }
        }
        if (rule.message() == null || rule.message().isBlank()) {
            v.add(Violation.of("message", "validation.required"));
        } else if (rule.message().length() > 400) {
            v.add(Violation.of("message", "reference.error.tooLong", 400));
        }
        requireSource(rule.source(), rule.effectiveFrom(), v);
        if (v.isEmpty() && r.ruleVersionExists(rule.code(), rule.effectiveFrom())) {
            v.add(Violation.of("effectiveFrom", "reference.error.versionExists", rule.effectiveFrom()));
        }
        return v;
    }

    /** A rule names a drug the lists know, a class, ANTIDEPRESSANT, or a group with members. */
    private static void token(String t, String field, boolean required, DrugCatalog catalog, MedicationRuleRepository r,
                              List<Violation> v) {
        if (t == null || t.isBlank()) {
            if (required) {
                v.add(Violation.of(field, "validation.required"));
            }
            return;
        }
        boolean known = catalog.knows(t) || isClass(t) || DrugCatalog.ANTIDEPRESSANT.equals(t)
                || r.members().stream().anyMatch(m -> m.group().equals(t));
        if (!known) {
            v.add(Violation.of(field, "reference.error.unknownToken", t));
        }
    }

    private static boolean isClass(String t) {
        for (DrugClass c : DrugClass.values()) {
            if (c.name().equals(t)) {
                return true;
            }
        }
        return false;
    }

    private static void requireSource(String source, java.time.LocalDate from, List<Violation> v) {
        if (source == null || source.isBlank()) {
            v.add(Violation.of("source", "reference.error.sourceRequired"));
        } else if (source.length() > 600) {
            v.add(Violation.of("source", "reference.error.tooLong", 600));
        }
        if (from == null) {
            v.add(Violation.of("effectiveFrom", "validation.required"));
        }
    }
}
