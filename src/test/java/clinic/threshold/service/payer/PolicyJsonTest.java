package clinic.threshold.service.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.SeverityRule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {

    static List<PayerPolicy> read(String json) throws Exception {
        return PolicyJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSeedHoldsTheDomainPoliciesAllUnverified() {
        List<PayerPolicy> seed = PolicyJson.seed();
        assertEquals(8, seed.size());
        assertTrue(seed.stream().noneMatch(PayerPolicy::verified), "every seeded row waits for an administrator's review");
        PayerPolicy centene = seed.stream().filter(p -> p.code().equals("CENTENE_CP_BH_200")).findFirst().orElseThrow();
        assertEquals(List.of(new SeverityRule("PHQ9", SeverityRule.Operator.GE, 15)), centene.severityAnyOf());
        PayerPolicy cigna = seed.stream().filter(p -> p.code().equals("CIGNA_EN0383")).findFirst().orElseThrow();
        assertEquals(4, cigna.minWeeksPerTrial());
        assertTrue(seed.stream().allMatch(p -> !p.source().isBlank()), "each row names its source");
    }

    @Test
    void contradictoryLimitsAreRefusedWithEachProblemNamed() {
        String bad = "{\"format\":\"threshold-policy/1\",\"policies\":[{\"code\":\"X\",\"payer\":\"P\",\"effectiveFrom\":\"2026-01-01\","
                + "\"effectiveTo\":\"2025-01-01\",\"minAge\":65,\"maxAge\":18,\"minFailedTrials\":1,\"minDistinctClasses\":2,"
                + "\"altPaths\":[\"PRIOR_TMS_RESPONSE\"],\"source\":\"s\"}]}";
        ValidationException e = assertThrows(ValidationException.class, () -> read(bad));
        assertEquals(List.of("payer.error.endsBeforeStart", "payer.error.ageRange", "payer.error.moreClassesThanTrials",
                "payer.error.priorResponseWithoutPct"), e.violations().stream().map(v -> v.messageKey()).toList());
    }

    @Test
    void anotherFormatOrAWrongKindOfValueIsRefused() {
        assertEquals("payer.error.format", assertThrows(ValidationException.class, () -> read("{\"format\":\"other/1\"}"))
                .violations().get(0).messageKey());
        assertEquals("payer.error.unreadable", assertThrows(ValidationException.class, () -> read(
                "{\"format\":\"threshold-policy/1\",\"policies\":[{\"code\":\"Y\",\"payer\":\"P\",\"effectiveFrom\":\"2026-01-01\","
                + "\"minFailedTrials\":\"two\",\"source\":\"s\"}]}")).violations().get(0).messageKey());
    }
}
