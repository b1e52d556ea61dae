package clinic.threshold.service.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRule.Evidence;
import clinic.threshold.domain.payer.ExclusionRuleRow;
import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Administrators add and retire the rules that find excluded conditions in the chart; readiness follows at once. */
class ExclusionRulesIT {
    /** V023 seeds 14 rules, all in force. */
    static final int SEEDED = 14;
    static final ExclusionRule DYSTHYMIA_AS_BIPOLAR = new ExclusionRule(Exclusion.BIPOLAR_OR_SCHIZOPHRENIA, Evidence.DIAGNOSIS,
            " f34 ", Confidence.UNCONFIRMED, " test mapping: F34 persistent mood disorders ");

    @TempDir
    Path dir;

    static ExclusionRule rule(Exclusion e, Evidence ev, String match) {
        return new ExclusionRule(e, ev, match, Confidence.DESIGN, "test source");
    }

    static Readiness.Criterion exclusions(ClinicServices c, long patientId) {
        return c.payers().readiness(patientId).orElseThrow().criteria().stream().filter(x -> x.id().equals("exclusions"))
                .findFirst().orElseThrow();
    }

    static ExclusionRuleRow row(ClinicServices c, Exclusion e, Evidence ev, String match) {
        return c.policyAdmin().exclusionRules().stream().filter(r -> r.rule().exclusion() == e && r.rule().evidence() == ev
                && r.rule().match().equals(match)).findFirst().orElseThrow();
    }

    static List<AuditRecord> audit(ClinicServices c, String action) {
        return c.audit().page(AuditFilter.ALL, null).stream().filter(r -> r.action().equals(action)).toList();
    }

    /** A Centene patient (the policy excludes bipolar disorder and schizophrenia) whose diagnosis is now F34.1. */
    static Patient dysthymicCentenePatient(ClinicServices c) {
        Patient p = AuthorizationFixture.readyPatient(c, "Dys", "Thymia");
        PatientDetails d = c.patients().get(p.id()).details();
        c.patients().update(p.id(), c.patients().get(p.id()).version(), new PatientDetails(d.mrn(), d.givenName(),
                d.familyName(), null, d.birthDate(), d.sex(), null, null, null, null, null, d.payerId(), d.memberId(), null,
                "F34.1", null));
        return p;
    }

    @Test
    void aNewDiagnosisRuleFindsTheExclusionAndRetiringItClearsItAgain() {
        try (var c = TestClinic.open(dir)) {
            Patient p = dysthymicCentenePatient(c);
            assertEquals("CENTENE_CP_BH_200", c.payers().readiness(p.id()).orElseThrow().policy().code());
            assertEquals(Readiness.Status.MET, exclusions(c, p.id()).status(), "no rule finds anything in F34.1 yet");

            ExclusionRule stored = c.policyAdmin().addExclusionRule(DYSTHYMIA_AS_BIPOLAR);
            assertEquals("F34", stored.match(), "trimmed and in upper case, as the chart's codes are compared");
            assertEquals("test mapping: F34 persistent mood disorders", stored.source());
            Readiness.Criterion found = exclusions(c, p.id());
            assertEquals(Readiness.Status.UNMET, found.status());
            assertEquals(List.of("BIPOLAR_OR_SCHIZOPHRENIA"), found.evidence());
            assertEquals(Readiness.Overall.NOT_READY, c.payers().readiness(p.id()).orElseThrow().overall());
            ExclusionRuleRow added = row(c, Exclusion.BIPOLAR_OR_SCHIZOPHRENIA, Evidence.DIAGNOSIS, "F34");
            assertTrue(added.active());
            assertTrue(added.needsReview());
            assertEquals(TestClinic.TESTER, added.recordedBy());
            assertEquals(TestClinic.CLOCK.instant(), added.recordedAt());
            assertEquals(SEEDED + 1, c.policyAdmin().exclusionRules().size());
            AuditRecord addAudit = audit(c, "payer.exclusion.add").get(0);
            assertEquals("payer_exclusion_rule", addAudit.entity());
            assertEquals("BIPOLAR_OR_SCHIZOPHRENIA", addAudit.entityId());
            assertTrue(addAudit.detail().contains("DIAGNOSIS F34") && addAudit.detail().contains("[U]"), addAudit.detail());

            c.policyAdmin().retireExclusionRule(Exclusion.BIPOLAR_OR_SCHIZOPHRENIA, Evidence.DIAGNOSIS, "F34");
            assertEquals(Readiness.Status.MET, exclusions(c, p.id()).status());
            assertFalse(row(c, Exclusion.BIPOLAR_OR_SCHIZOPHRENIA, Evidence.DIAGNOSIS, "F34").active(), "kept, retired");
            assertEquals(SEEDED + 1, c.policyAdmin().exclusionRules().size(), "nothing is deleted");
            assertEquals(1, audit(c, "payer.exclusion.retire").size());

            c.policyAdmin().addExclusionRule(new ExclusionRule(Exclusion.BIPOLAR_OR_SCHIZOPHRENIA, Evidence.DIAGNOSIS, "F34",
                    Confidence.SECONDARY, "checked against Centene CP.BH.200"));
            ExclusionRuleRow back = row(c, Exclusion.BIPOLAR_OR_SCHIZOPHRENIA, Evidence.DIAGNOSIS, "F34");
            assertTrue(back.active(), "adding a retired rule again puts it back in force");
            assertEquals(Confidence.SECONDARY, back.rule().confidence());
            assertEquals("checked against Centene CP.BH.200", back.rule().source());
            assertEquals(SEEDED + 1, c.policyAdmin().exclusionRules().size());
            assertEquals(Readiness.Status.UNMET, exclusions(c, p.id()).status());
        }
    }

    @Test
    void eachKindOfMatchIsStoredInTheFormTheChartIsComparedIn() {
        try (var c = TestClinic.open(dir)) {
            assertEquals("SEVERE", c.policyAdmin().addExclusionRule(rule(Exclusion.PSYCHOTIC_FEATURES, Evidence.EPISODE,
                    "severe")).match());
            assertEquals("1/12", c.policyAdmin().addExclusionRule(rule(Exclusion.METAL_NEAR_COIL, Evidence.SCREENING,
                    " 1 / 12 ")).match());
            c.policyAdmin().retireExclusionRule(Exclusion.ACTIVE_SUICIDALITY, Evidence.RISK_ALERT, "OPEN");
            assertEquals("OPEN", c.policyAdmin().addExclusionRule(rule(Exclusion.ACTIVE_SUICIDALITY, Evidence.RISK_ALERT,
                    "open")).match());
            assertTrue(row(c, Exclusion.ACTIVE_SUICIDALITY, Evidence.RISK_ALERT, "OPEN").active(), "back in force");
            assertEquals("F33.3", c.policyAdmin().addExclusionRule(rule(Exclusion.NEUROLOGICAL_CONDITION, Evidence.DIAGNOSIS,
                    "F33.3")).match(), "the same match may find another condition");
            assertEquals(SEEDED + 3, c.policyAdmin().exclusionRules().stream().filter(ExclusionRuleRow::active).count());
        }
    }

    @Test
    void eachBadRuleIsRefusedWithItsOwnMessageAndNothingIsStored() {
        Map<ExclusionRule, List<String>> cases = new LinkedHashMap<>();
        cases.put(rule(null, Evidence.DIAGNOSIS, "F34"), List.of("payer.error.ruleNoExclusion"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, null, "F34"), List.of("payer.error.ruleNoEvidence"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.DIAGNOSIS, "  "), List.of("payer.error.ruleNoMatch"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.DIAGNOSIS, "F3"), List.of("payer.error.ruleDiagnosis"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.DIAGNOSIS, "G40.12345"), List.of("payer.error.ruleDiagnosis"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.DIAGNOSIS, "340.1"), List.of("payer.error.ruleDiagnosis"));
        cases.put(rule(Exclusion.PSYCHOTIC_FEATURES, Evidence.EPISODE, "PSYCHOTIC"), List.of("payer.error.ruleEpisode"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.SCREENING, "6"), List.of("payer.error.ruleScreening"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.SCREENING, "0/6"), List.of("payer.error.ruleScreening"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.SCREENING, "1/99"), List.of("payer.error.ruleNoScreeningItem"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.SCREENING, "2/6"), List.of("payer.error.ruleNoScreeningItem"));
        cases.put(rule(Exclusion.ACTIVE_SUICIDALITY, Evidence.RISK_ALERT, "CLOSED"), List.of("payer.error.ruleRiskAlert"));
        cases.put(new ExclusionRule(Exclusion.SEIZURE_DISORDER, Evidence.DIAGNOSIS, "G40", null, "s"),
                List.of("payer.error.ruleNoConfidence"));
        cases.put(new ExclusionRule(Exclusion.SEIZURE_DISORDER, Evidence.DIAGNOSIS, "G40", Confidence.DESIGN, " "),
                List.of("payer.error.ruleNoSource"));
        cases.put(new ExclusionRule(Exclusion.SEIZURE_DISORDER, Evidence.DIAGNOSIS, "G40", Confidence.DESIGN, "x".repeat(401)),
                List.of("payer.error.ruleSourceTooLong"));
        cases.put(rule(Exclusion.SEIZURE_DISORDER, Evidence.SCREENING, "1/6"), List.of("payer.error.ruleDuplicate"));
        cases.put(new ExclusionRule(null, Evidence.RISK_ALERT, "OPEN", Confidence.DESIGN, null),
                List.of("payer.error.ruleNoExclusion", "payer.error.ruleNoSource"));
        try (var c = TestClinic.open(dir)) {
            List<ExclusionRuleRow> before = c.policyAdmin().exclusionRules();
            for (var e : cases.entrySet()) {
                ValidationException refused = assertThrows(ValidationException.class,
                        () -> c.policyAdmin().addExclusionRule(e.getKey()), e.getKey().toString());
                assertEquals(e.getValue(), refused.violations().stream().map(Violation::messageKey).toList(),
                        e.getKey().toString());
            }
            ValidationException missingItem = assertThrows(ValidationException.class, () -> c.policyAdmin().addExclusionRule(
                    rule(Exclusion.SEIZURE_DISORDER, Evidence.SCREENING, "1/99")));
            assertEquals(List.of("1", "99"), missingItem.violations().get(0).args());
            assertEquals(before, c.policyAdmin().exclusionRules(), "nothing stored");
            assertEquals(List.of(), audit(c, "payer.exclusion.add"));
            assertThrows(NotFoundException.class, () -> c.policyAdmin().retireExclusionRule(Exclusion.SEIZURE_DISORDER,
                    Evidence.SCREENING, "1/7"), "no such rule in force");
        }
    }

    @Test
    void onlyAdministratorsAddOrRetireRulesButEveryoneMayReadThem() {
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "clin", Set.of(Role.CLINICIAN));
        }
        try (var c = TestClinic.signIn(dir, "clin", TestClinic.PASSWORD)) {
            List<ExclusionRuleRow> seeded = c.policyAdmin().exclusionRules();
            assertEquals(SEEDED, seeded.size());
            assertTrue(seeded.stream().allMatch(r -> r.active() && r.recordedBy().equals("seed")));
            for (Executable call : List.<Executable>of(() -> c.policyAdmin().addExclusionRule(DYSTHYMIA_AS_BIPOLAR),
                    () -> c.policyAdmin().retireExclusionRule(Exclusion.SEIZURE_DISORDER, Evidence.SCREENING, "1/6"))) {
                assertThrows(AccessDeniedException.class, call);
            }
            assertEquals(seeded, c.policyAdmin().exclusionRules(), "nothing changed");
        }
    }
}
