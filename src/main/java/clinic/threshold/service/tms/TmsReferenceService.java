package clinic.threshold.service.tms;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.payer.PolicyRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.outcome.OutcomeRules;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.TmsRules;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The TMS reference data as administrators edit it: protocols (a running course keeps the template it copied),
 * devices, and new versions of the TMS and outcome rules (older versions stay for what happened before). Reading
 * needs a sign-in; changes need {@code reference.edit}, carry a source, and are audited.
 */
public final class TmsReferenceService {
    private static final String CODE = "[A-Z0-9_]{2,20}";
    private static final int MAX_NAME = 80;
    /** A typing guard, not a clinical limit: no protocol runs above twice the motor threshold. */
    private static final int MAX_PCT_MT = 200;

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public TmsReferenceService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    public clinic.threshold.domain.tms.TmsReferenceData load() {
        guard.signedIn();
        return tx.read(dsl -> {
            TmsReferenceRepository r = new TmsReferenceRepository(dsl);
            OutcomeRepository o = new OutcomeRepository(dsl);
            return new clinic.threshold.domain.tms.TmsReferenceData(r.protocols(), r.devices(), r.deviceVersions(), r.rules(), o.rules(),
                    o.scales().stream().map(d -> d.code()).toList(), PatientCourses.defaultScale(dsl, LocalDate.now(clock)),
                    r.screeningFormVersion(), r.screeningForm());
        });
    }

    /** Adds a protocol ({@code isNew}) or saves a changed one; every number is checked, nothing half-saved. */
    public void saveProtocol(Protocol p, boolean isNew) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.tms.protocol", null);
        tx.inTransaction(dsl -> {
            List<Violation> problems = check(p, new OutcomeRepository(dsl).scales().stream().map(d -> d.code()).toList());
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            TmsReferenceRepository r = new TmsReferenceRepository(dsl);
            if (isNew && !r.insertProtocol(p)) {
                throw new ValidationException(Violation.of("code", "reference.error.codeTaken", p.code()));
            }
            if (!isNew && !r.updateProtocol(p)) {
                throw new ConcurrentEditException("Protocol", p.code());
            }
            audit(dsl, s, "reference.tms.protocol", "tms_protocol", p.code(), (isNew ? "added " : "changed ") + p.code()
                    + " [" + p.confidence().tag() + "]");
            return null;
        });
    }

    public void saveDevice(Device d, boolean isNew, int version) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.tms.device", null);
        List<Violation> problems = new ArrayList<>();
        code(d.code(), problems);
        text(d.name(), "name", problems);
        text(d.coil(), "coil", problems);
        if (d.maxOutputPct() < 1 || d.maxOutputPct() > 100) {
            problems.add(Violation.of("maxOutputPct", "reference.error.range", 1, 100));
        }
        source(d.source(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        tx.inTransaction(dsl -> {
            TmsReferenceRepository r = new TmsReferenceRepository(dsl);
            if (isNew && !r.insertDevice(d)) {
                throw new ValidationException(Violation.of("code", "reference.error.codeTaken", d.code()));
            }
            if (!isNew && !r.updateDevice(d, version)) {
                throw new ConcurrentEditException("Device", d.code());
            }
            audit(dsl, s, "reference.tms.device", "tms_device", d.code(), (isNew ? "added " : "changed ") + d.code()
                    + ", max " + d.maxOutputPct() + "%");
            return null;
        });
    }

    /**
     * Saves a new version of the safety screening form from the newest one ({@code basedOn}, refused when another
     * version was saved since): items reworded, their severity changed, added, or retired by leaving them out.
     * Every item says where its wording comes from (a source or the reviewer's note). Screenings already recorded
     * keep reading the version they were answered on; new screenings use this one. The payer exclusion rules that
     * read a "yes" on the newest version are carried to the new one for the items it keeps, so that a screening on
     * the new version still shows the exclusion; an item such a rule reads cannot be retired while the rule is in
     * force, nor can an item the pre-session check relies on (metal, implants, pregnancy). Returns the new version.
     */
    public int saveScreeningForm(int basedOn, List<ScreeningItem> items) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.tms.screening", null);
        List<Violation> problems = ScreeningFormCheck.check(items);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return tx.inTransaction(dsl -> {
            TmsReferenceRepository r = new TmsReferenceRepository(dsl);
            int newest = r.screeningFormVersion();
            if (newest != basedOn) {
                throw new ConcurrentEditException("Screening form", basedOn);
            }
            // Two saves from the same version queue on its rows; the second then finds the first's version.
            r.lockScreeningForm(newest);
            if (r.screeningFormVersion() != basedOn) {
                throw new ConcurrentEditException("Screening form", basedOn);
            }
            List<ScreeningItem> before = r.screeningForm(newest);
            if (ScreeningFormCheck.same(before, items)) {
                throw new ValidationException(Violation.of("items", "reference.error.formUnchanged"));
            }
            int version = newest + 1;
            Map<Integer, String> topics = ScreeningRuleCarry.topics(r.screeningTopics(newest), items);
            List<ExclusionRule> carried = ScreeningRuleCarry.carried(new PolicyRepository(dsl).exclusionRules(), newest,
                    version, items);
            if (!r.insertScreeningForm(version, items)) {
                throw new ConcurrentEditException("Screening form", basedOn);
            }
            r.insertScreeningTopics(version, topics);
            audit(dsl, s, "reference.tms.screening", "screening_item", Integer.toString(version), "screening form version "
                    + version + " from " + newest + ": " + ScreeningFormCheck.changes(before, items));
            for (ExclusionRule rule : carried) {
                new PolicyRepository(dsl).addExclusionRule(rule, s.username(), clock.instant());
                audit(dsl, s, "payer.exclusion.add", "payer_exclusion_rule", rule.exclusion().name(), rule.evidence() + " "
                        + rule.match() + " -> " + rule.exclusion() + " [" + rule.confidence().tag() + "]: carried from form "
                        + newest);
            }
            return version;
        });
    }

    /** A new version of a TMS rule, refused when the rule set in force from its date would not be whole and valid. */
    public void addTmsRuleVersion(RuleSetting rule) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.tms.rule", null);
        checkRule(rule);
        tx.inTransaction(dsl -> {
            TmsReferenceRepository r = new TmsReferenceRepository(dsl);
            List<RuleSetting> all = new ArrayList<>(r.rules());
            known(all, rule);
            if (r.ruleVersionExists(rule.key(), rule.effectiveFrom())) {
                throw new ValidationException(Violation.of("effectiveFrom", "reference.error.versionExists",
                        rule.effectiveFrom()));
            }
            all.add(rule);
            positiveWholeNumbers(rule);
            TmsRules.from(RuleSetting.inForce(all, rule.effectiveFrom()));
            r.insertRule(rule, clock.instant(), s.username());
            audit(dsl, s, "reference.tms.rule", "tms_rule", rule.key(), rule.value() + " from " + rule.effectiveFrom()
                    + " [" + rule.confidence().tag() + "]");
            return null;
        });
    }

    /** A new version of an outcome rule (response thresholds, assessment schedule), checked the same way. */
    public void addOutcomeRuleVersion(RuleSetting rule) {
        UserSession s = guard.require(Permission.REFERENCE_EDIT, "reference.outcome.rule", null);
        checkRule(rule);
        tx.inTransaction(dsl -> {
            OutcomeRepository o = new OutcomeRepository(dsl);
            List<RuleSetting> all = new ArrayList<>(o.rules());
            known(all, rule);
            if (o.ruleVersionExists(rule.key(), rule.effectiveFrom())) {
                throw new ValidationException(Violation.of("effectiveFrom", "reference.error.versionExists",
                        rule.effectiveFrom()));
            }
            all.add(rule);
            outcomeRuleValue(rule, o);
            Map<String, String> v = RuleSetting.inForce(all, rule.effectiveFrom()).stream()
                    .collect(Collectors.toMap(RuleSetting::key, RuleSetting::value));
            try {
                new OutcomeRules(Integer.parseInt(v.get("response.minReductionPct")),
                        Integer.parseInt(v.get("partialResponse.minReductionPct")));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(Violation.of("value", "reference.error.badRuleValue", e.getMessage()));
            }
            o.insertRule(rule, clock.instant(), s.username());
            audit(dsl, s, "reference.outcome.rule", "outcome_rule", rule.key(), rule.value() + " from "
                    + rule.effectiveFrom() + " [" + rule.confidence().tag() + "]");
            return null;
        });
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static List<Violation> check(Protocol p, List<String> scales) {
        List<Violation> out = new ArrayList<>();
        code(p.code(), out);
        text(p.name(), "name", out);
        positive(p.frequencyHz(), "frequencyHz", out);
        positive(p.trainOnSeconds(), "trainOnSeconds", out);
        positive(p.stimulationMinutes(), "stimulationMinutes", out);
        if (p.trainOffSeconds() == null || p.trainOffSeconds().signum() < 0) {
            out.add(Violation.of("trainOffSeconds", "reference.error.notNegative"));
        }
        if (p.minPctMt() < 1 || p.maxPctMt() > MAX_PCT_MT || p.minPctMt() > p.intensityPctMt()
                || p.intensityPctMt() > p.maxPctMt()) {
            out.add(Violation.of("intensityPctMt", "reference.error.pctOrder", MAX_PCT_MT));
        }
        for (var n : List.of(Map.entry("pulses", p.pulses()), Map.entry("trains", p.trains()),
                Map.entry("slotMinutes", p.slotMinutes()), Map.entry("acuteSessions", p.template().acuteSessions()),
                Map.entry("assessEveryDays", p.assessEveryDays()))) {
            if (n.getValue() < 1) {
                out.add(Violation.of(n.getKey(), "reference.error.notPositive"));
            }
        }
        if (p.firstSlotMinutes() < p.slotMinutes()) {
            out.add(Violation.of("firstSlotMinutes", "reference.error.firstSlot"));
        }
        if (!scales.contains(p.assessmentScale())) {
            out.add(Violation.of("assessmentScale", "reference.error.unknownScale", p.assessmentScale()));
        }
        source(p.source(), out);
        return out;
    }

    private static void checkRule(RuleSetting rule) {
        if (rule.source() == null || rule.source().isBlank()) {
            throw new ValidationException(Violation.of("source", "reference.error.sourceRequired"));
        }
        if (rule.effectiveFrom() == null) {
            throw new ValidationException(Violation.of("effectiveFrom", "validation.required"));
        }
    }

    private static void known(List<RuleSetting> all, RuleSetting rule) {
        if (all.stream().noneMatch(r -> r.key().equals(rule.key()))) {
            throw new ValidationException(Violation.of("key", "reference.error.unknownRule", rule.key()));
        }
    }

    /** Every TMS and outcome rule is a whole number of days, sessions or percent, at least 1. */
    /**
     * Most outcome rules are whole numbers above 0; the report rules also hold a decimal benchmark, the instrument of the
     * twelve-month measure and its diagnosis code lists (docs/reports.md).
     */
    private static void outcomeRuleValue(RuleSetting rule, OutcomeRepository o) {
        String v = rule.value().strip();
        if (rule.key().endsWith("Codes")) {
            if (!v.matches("[A-Z][0-9A-Z.]*(\\s*,\\s*[A-Z][0-9A-Z.]*)*")) {
                throw new ValidationException(Violation.of("value", "reference.error.codeList"));
            }
        } else if (rule.key().equals("report.cms159.scale") || rule.key().equals(PatientCourses.DEFAULT_SCALE)) {
            if (o.scales().stream().noneMatch(d -> d.code().equals(v))) {
                throw new ValidationException(Violation.of("value", "reference.error.unknownScale", v));
            }
        } else if (rule.key().equals("report.seizureBenchmarkPer10000")) {
            try {
                if (new java.math.BigDecimal(v).signum() <= 0) {
                    throw new ValidationException(Violation.of("value", "reference.error.notPositive"));
                }
            } catch (NumberFormatException e) {
                throw new ValidationException(Violation.of("value", "reference.error.badRuleValue", rule.value()));
            }
        } else {
            positiveWholeNumbers(rule);
            if (rule.key().endsWith("Pct") && Integer.parseInt(v) > 100) {
                throw new ValidationException(Violation.of("value", "reference.error.atMost100"));
            }
        }
    }

    private static void positiveWholeNumbers(RuleSetting rule) {
        try {
            if (Integer.parseInt(rule.value().strip()) < 1) {
                throw new ValidationException(Violation.of("value", "reference.error.notPositive"));
            }
        } catch (NumberFormatException e) {
            throw new ValidationException(Violation.of("value", "reference.error.badRuleValue", rule.value()));
        }
    }

    private static void code(String code, List<Violation> out) {
        if (code == null || !code.matches(CODE)) {
            out.add(Violation.of("code", "reference.error.code"));
        }
    }

    private static void text(String value, String field, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(Violation.of(field, "validation.required"));
        } else if (value.strip().length() > MAX_NAME) {
            out.add(Violation.of(field, "reference.error.tooLong", MAX_NAME));
        }
    }

    private static void positive(java.math.BigDecimal v, String field, List<Violation> out) {
        if (v == null || v.signum() <= 0) {
            out.add(Violation.of(field, "reference.error.notPositive"));
        }
    }

    private static void source(String source, List<Violation> out) {
        if (source == null || source.isBlank()) {
            out.add(Violation.of("source", "reference.error.sourceRequired"));
        }
    }

    private void audit(org.jooq.DSLContext dsl, UserSession s, String action, String entity, String id, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry(action, AuditCategory.ADMIN, null, entity, id,
                AuditOutcome.SUCCESS, detail));
    }
}
