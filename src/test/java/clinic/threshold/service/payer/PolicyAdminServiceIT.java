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
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.PolicyRow;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Administrators edit, verify, link, export and import payer policies; versions are only ever added. */
class PolicyAdminServiceIT {
    static final String AETNA = "AETNA_CPB_0469";
    /** Magellan Healthcare in the payer registry (V002): no policy linked in the seed. */
    static final int MAGELLAN = 11;

    @TempDir
    Path dir;

    static PolicyRow row(ClinicServices c, String code) {
        return c.policyAdmin().list().stream().filter(r -> r.policy().code().equals(code)).findFirst().orElseThrow();
    }

    /** {@code p} with other ages and initial sessions (the rest unchanged). */
    static PayerPolicy changed(PayerPolicy p, String code, Integer minAge, Integer maxAge, Integer initialSessions) {
        return new PayerPolicy(code, p.version(), p.payer(), p.plan(), p.effectiveFrom(), p.effectiveTo(), minAge, maxAge,
                p.diagnosisCodes(), p.severityAnyOf(), p.minFailedTrials(), p.minDistinctClasses(), p.minWeeksPerTrial(),
                p.intoleranceCounts(), p.augmentationTrialRequired(), p.psychotherapyRequired(), p.psychotherapyMinSessions(),
                p.altPaths(), p.priorResponsePct(), initialSessions, p.taperSessions(), p.extensionMinImprovementPct(),
                p.extensionSessions(), p.retreatmentMinPriorImprovementPct(), p.exclusions(), p.maintenanceCovered(),
                p.acceleratedCovered(), p.priorAuthRequired(), p.source(), p.confidence(), p.verifiedOn());
    }

    static List<String> keys(ValidationException e) {
        return e.violations().stream().map(Violation::messageKey).toList();
    }

    @Test
    void savingAddsTheNextVersionUnverifiedAndKeepsTheEarlierOne() {
        try (var c = TestClinic.open(dir)) {
            c.policyAdmin().verify(AETNA, 1);
            PayerPolicy v1 = row(c, AETNA).policy();
            PayerPolicy saved = c.policyAdmin().saveVersion(changed(v1, AETNA, 18, null, 36));
            assertEquals(2, saved.version());
            assertFalse(saved.verified(), "a changed policy waits for review again");

            PolicyRow listed = row(c, AETNA);
            assertEquals(2, listed.policy().version());
            assertEquals(36, listed.policy().initialSessions());
            assertFalse(listed.verified());
            assertEquals(List.of("Aetna"), listed.linkedPayers());
            List<PayerPolicy> stored = c.payers().policies().stream().filter(p -> p.code().equals(AETNA)).toList();
            assertEquals(List.of(1, 2), stored.stream().map(PayerPolicy::version).toList(), "version 1 is kept");
            assertTrue(stored.get(0).verified(), "the earlier version keeps its verification");
            assertEquals(30, stored.get(0).initialSessions());
            AuditRecord audit = c.audit().page(AuditFilter.ALL, null).stream()
                    .filter(r -> r.action().equals("payer.policy.edit")).findFirst().orElseThrow();
            assertEquals(AETNA, audit.entityId());
            assertEquals(TestClinic.TESTER, audit.username());
        }
    }

    @Test
    void contradictoryLimitsAreRefusedWithThePolicyNamedAndNothingStored() {
        try (var c = TestClinic.open(dir)) {
            PayerPolicy v1 = row(c, AETNA).policy();
            int before = c.payers().policies().size();
            ValidationException e = assertThrows(ValidationException.class,
                    () -> c.policyAdmin().saveVersion(changed(v1, AETNA, 65, 18, 30)));
            assertEquals(List.of("payer.error.ageRange"), keys(e));
            assertEquals(List.of(AETNA, 65, 18), e.violations().get(0).args());
            assertEquals(List.of("payer.error.codeFormat"), keys(assertThrows(ValidationException.class,
                    () -> c.policyAdmin().saveVersion(changed(v1, "aetna new", 18, null, 30)))));
            assertEquals(before, c.payers().policies().size());
            assertEquals(1, row(c, AETNA).policy().version());
        }
    }

    @Test
    void verifyingRecordsWhoAndWhenAndClearsTheUnverifiedFlag() {
        try (var c = TestClinic.open(dir)) {
            assertTrue(c.policyAdmin().list().stream().noneMatch(PolicyRow::verified), "the seed is unverified");
            c.policyAdmin().verify(AETNA, 1);
            PolicyRow r = row(c, AETNA);
            assertTrue(r.verified());
            assertEquals(TestClinic.TODAY, r.policy().verifiedOn());
            assertEquals(TestClinic.TESTER, r.verifiedBy());
            assertTrue(c.payers().policies().stream().filter(p -> p.code().equals(AETNA)).allMatch(PayerPolicy::verified),
                    "the chart's Payer tab reads the same flag");
            assertEquals(7, c.policyAdmin().list().stream().filter(x -> !x.verified()).count());
            assertThrows(NotFoundException.class, () -> c.policyAdmin().verify(AETNA, 9));
        }
    }

    @Test
    void anExportImportsIntoAnotherClinicAsNewVersionsEqualToTheOriginals(@TempDir Path other) throws Exception {
        String json;
        PayerPolicy edited;
        PayerPolicy added;
        try (var c = TestClinic.open(dir)) {
            PayerPolicy v1 = row(c, AETNA).policy();
            edited = c.policyAdmin().saveVersion(changed(v1, AETNA, 21, 64, 36));
            added = c.policyAdmin().saveVersion(changed(v1, "AETNA_STATE_PLAN", 18, null, 30));
            c.policyAdmin().verify("AETNA_STATE_PLAN", 1);
            json = c.policyAdmin().exportJson(List.of(AETNA, "AETNA_STATE_PLAN", "CIGNA_EN0383"));
        }
        assertTrue(json.contains("\"format\" : \"threshold-policy/1\""), json);
        assertEquals(3, PolicyJson.read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .size(), "the export reads back as the seed file does");
        try (var c = TestClinic.open(other)) {
            assertEquals(new PolicyAdminService.Imported(1, 1, 1), c.policyAdmin().importJson(json),
                    "Aetna's edit is a new version, the state plan a new policy, Cigna unchanged");
            PolicyRow aetna = row(c, AETNA);
            assertEquals(2, aetna.policy().version());
            assertTrue(PolicyJsonWriter.sameContent(edited, aetna.policy()));
            PolicyRow state = row(c, "AETNA_STATE_PLAN");
            assertEquals(1, state.policy().version());
            assertTrue(PolicyJsonWriter.sameContent(added, state.policy()));
            assertFalse(state.verified(), "a verification elsewhere is not one here");
            assertEquals(1, row(c, "CIGNA_EN0383").policy().version());
            assertEquals(new PolicyAdminService.Imported(0, 0, 3), c.policyAdmin().importJson(json), "importing twice adds nothing");
        }
    }

    @Test
    void aMalformedForeignOrPartlyInvalidFileIsRefusedWholeWithEachProblemNamed() {
        try (var c = TestClinic.open(dir)) {
            int before = c.payers().policies().size();
            assertEquals(List.of("payer.error.notJson"), keys(assertThrows(ValidationException.class,
                    () -> c.policyAdmin().importJson("{\"format\": \"threshold-policy/1\", \"policies\": [{"))));
            assertEquals(List.of("payer.error.format"), keys(assertThrows(ValidationException.class,
                    () -> c.policyAdmin().importJson("{\"format\": \"threshold-history/1\"}"))));
            assertEquals(List.of("payer.error.noPolicies"), keys(assertThrows(ValidationException.class,
                    () -> c.policyAdmin().importJson("{\"format\": \"threshold-policy/1\", \"policies\": []}"))));
            String good = "{\"code\":\"GOOD_ONE\",\"payer\":\"P\",\"effectiveFrom\":\"2026-01-01\",\"source\":\"s\"}";
            String bad = "{\"code\":\"BAD_ONE\",\"payer\":\"P\",\"effectiveFrom\":\"2026-01-01\",\"effectiveTo\":\"2025-01-01\","
                    + "\"source\":\"s\"}";
            ValidationException e = assertThrows(ValidationException.class, () -> c.policyAdmin().importJson(
                    "{\"format\":\"threshold-policy/1\",\"policies\":[" + good + "," + bad + "]}"));
            assertEquals(List.of("payer.error.endsBeforeStart"), keys(e));
            assertEquals(List.of("BAD_ONE"), e.violations().get(0).args());
            assertEquals(before, c.payers().policies().size(), "not even the good policy was stored");
            assertTrue(c.policyAdmin().list().stream().noneMatch(r -> r.policy().code().equals("GOOD_ONE")));
        }
    }

    @Test
    void linkingPointsARegistryPayerAtAPolicy() {
        try (var c = TestClinic.open(dir)) {
            c.policyAdmin().link(MAGELLAN, AETNA);
            assertEquals(List.of("Aetna", "Magellan Healthcare"), row(c, AETNA).linkedPayers());
            assertEquals(List.of("payer.error.unknownPayer"), keys(assertThrows(ValidationException.class,
                    () -> c.policyAdmin().link(999, AETNA))));
            assertEquals(List.of("payer.error.unknownCode"), keys(assertThrows(ValidationException.class,
                    () -> c.policyAdmin().link(MAGELLAN, "NO_SUCH_POLICY"))));
        }
    }

    @Test
    void onlyAdministratorsChangePoliciesButEveryoneMayReadThem() {
        String json;
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "clin", Set.of(Role.CLINICIAN));
            json = c.policyAdmin().exportJson(List.of(AETNA));
        }
        try (var c = TestClinic.signIn(dir, "clin", TestClinic.PASSWORD)) {
            PayerPolicy v1 = row(c, AETNA).policy();
            for (Executable call : List.<Executable>of(() -> c.policyAdmin().saveVersion(changed(v1, AETNA, 18, null, 36)),
                    () -> c.policyAdmin().verify(AETNA, 1), () -> c.policyAdmin().exportJson(List.of(AETNA)),
                    () -> c.policyAdmin().importJson(json.replace("\"initialSessions\" : 30", "\"initialSessions\" : 36")),
                    () -> c.policyAdmin().link(MAGELLAN, AETNA))) {
                assertThrows(AccessDeniedException.class, call);
            }
            PolicyRow after = row(c, AETNA);
            assertEquals(1, after.policy().version());
            assertFalse(after.verified());
            assertEquals(List.of("Aetna"), after.linkedPayers());
        }
    }
}
