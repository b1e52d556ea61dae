package clinic.threshold.service.medication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.medication.AlertLevel;
import clinic.threshold.domain.medication.DrugGroupMember;
import clinic.threshold.domain.medication.MedicationRule;
import clinic.threshold.domain.medication.RuleKind;
import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.user.Role;
import clinic.threshold.testing.Orders;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Administrators edit the safety rules as dated versions with a source; the checks follow at once. */
class MedicationRulesIT {
    private static final LocalDate TODAY = TestClinic.TODAY;

    @TempDir
    Path dir;

    private static MedicationRule version(MedicationRule r, BigDecimal limit, AlertLevel level, boolean active, String source) {
        return new MedicationRule(r.code(), r.kind(), r.subject(), r.other(), r.form(), limit, level, active, r.message(),
                Confidence.DESIGN, source, TODAY);
    }

    private static MedicationRule rule(MedicationRulesService s, String code) {
        return s.load().rules().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aStricterWashoutAndARetiredRuleApplyFromTheirDate() {
        try (var c = TestClinic.open(dir)) {
            Patient p = c.patients().create(TestClinic.person("Ida", "Rules", LocalDate.of(1966, 1, 1), null));
            var sertraline = c.medications().saveOrder(p.id(), null, 0, Orders.daily("sertraline", TODAY.minusMonths(3), "100"), null);
            c.medications().stopOrder(p.id(), sertraline.order().id(), sertraline.order().version(), TODAY.minusDays(1),
                    clinic.threshold.domain.medication.OrderStopReason.INEFFECTIVE, null);
            var phenelzine = Orders.daily("phenelzine", TODAY.plusDays(16), "15");
            List<SafetyAlert> before = c.medications().preview(p.id(), null, phenelzine, null);
            assertTrue(before.stream().noneMatch(a -> a.ruleCode().equals("washout.ssri-maoi")), "17 days meet 14");

            MedicationRulesService rules = c.medicationRules();
            MedicationRule washout = rule(rules, "washout.ssri-maoi");
            rules.addRuleVersion(version(washout, new BigDecimal("21"), AlertLevel.HARD_STOP, true, "clinic policy 2026-11"));
            List<SafetyAlert> after = c.medications().preview(p.id(), null, phenelzine, null);
            assertTrue(after.stream().anyMatch(a -> a.ruleCode().equals("washout.ssri-maoi") && a.hardStop()), after.toString());

            MedicationRule diet = rule(rules, "notice.maoi-diet");
            rules.addRuleVersion(version(diet, null, AlertLevel.NOTICE, false, "printed handout used instead"));
            assertTrue(c.medications().preview(p.id(), null, phenelzine, null).stream()
                    .noneMatch(a -> a.ruleCode().equals("notice.maoi-diet")), "retired");
            assertEquals(2, c.audit().page(new AuditFilter(null, null, "reference.medicationRule.edit", null, null), null).size());
        }
    }

    @Test
    void badRuleVersionsAreRefusedWithTheirField() {
        try (var c = TestClinic.open(dir)) {
            MedicationRulesService rules = c.medicationRules();
            MedicationRule washout = rule(rules, "washout.ssri-maoi");
            ValidationException halfDay = assertThrows(ValidationException.class, () -> rules.addRuleVersion(
                    version(washout, new BigDecimal("14.5"), AlertLevel.HARD_STOP, true, "x")));
            assertEquals("reference.error.wholeDays", halfDay.violations().get(0).messageKey());
            ValidationException noSource = assertThrows(ValidationException.class, () -> rules.addRuleVersion(
                    version(washout, new BigDecimal("14"), AlertLevel.HARD_STOP, true, " ")));
            assertEquals("source", noSource.violations().get(0).field());
            ValidationException unknown = assertThrows(ValidationException.class, () -> rules.addRuleVersion(
                    new MedicationRule("interaction.new", RuleKind.INTERACTION, "MAOI", "SEROTONINERGIC", null, null,
                            AlertLevel.WARNING, true, "typo in the group", Confidence.DESIGN, "test", TODAY)));
            assertEquals("other", unknown.violations().get(0).field());
            assertEquals("reference.error.unknownToken", unknown.violations().get(0).messageKey());
            ValidationException noLimit = assertThrows(ValidationException.class, () -> rules.addRuleVersion(
                    new MedicationRule("dose.sertraline", RuleKind.MAX_DAILY_DOSE, "sertraline", null, null, null,
                            AlertLevel.WARNING, true, "above 200", Confidence.DESIGN, "label", TODAY)));
            assertEquals("limit", noLimit.violations().get(0).field());
            // A new rule that is whole is accepted, and a drug leaves a group from a date.
            rules.addRuleVersion(new MedicationRule("dose.sertraline", RuleKind.MAX_DAILY_DOSE, "sertraline", null, null,
                    new BigDecimal("200"), AlertLevel.WARNING, true, "Sertraline above 200 mg/day", Confidence.SECONDARY,
                    "label maximum", TODAY));
            DrugGroupMember lithium = rules.load().members().stream().filter(m -> m.drug().equals("lithium")
                    && m.group().equals("MT_RAISING")).findFirst().orElseThrow();
            rules.addMemberVersion(new DrugGroupMember(lithium.drug(), lithium.group(), false, Confidence.DESIGN,
                    "clinic review", TODAY));
            assertThrows(ValidationException.class, () -> rules.addMemberVersion(new DrugGroupMember("sertraline", "SSRI", true,
                    Confidence.DESIGN, "classes come from the formulary", TODAY)));
        }
    }

    @Test
    void aClinicianCannotEditTheRules() {
        try (var ctx = TestClinic.open(dir)) {
            TestClinic.addUser(ctx, ctx.context(), "doc", Set.of(Role.CLINICIAN));
        }
        try (var doc = TestClinic.signIn(dir, "doc", TestClinic.PASSWORD)) {
            MedicationRule any = rule(doc.medicationRules(), "notice.maoi-diet");
            assertThrows(AccessDeniedException.class, () -> doc.medicationRules().addRuleVersion(
                    version(any, null, AlertLevel.NOTICE, false, "x")));
        }
    }
}
