package clinic.threshold.service.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.payer.PayerPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyJsonWriterTest {

    @Test
    void aWrittenDocumentReadsBackAsTheSamePolicies() throws Exception {
        List<PayerPolicy> seed = PolicyJson.seed();
        String json = PolicyJsonWriter.document(seed);
        assertEquals(seed, PolicyJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aStoredBodyCarriesNoVerificationAndTheSamePolicyAlwaysWritesTheSameText() {
        PayerPolicy p = PolicyJson.seed().get(0);
        PayerPolicy verified = PolicyJson.stored(PolicyJsonWriter.body(p, 3), java.time.LocalDate.of(2026, 1, 2));
        assertTrue(PolicyJsonWriter.body(verified, 3).contains("\"verifiedOn\":null"));
        assertEquals(3, verified.version());
        assertTrue(PolicyJsonWriter.sameContent(p, verified), "versions and verification do not count as content");
        assertFalse(PolicyJsonWriter.sameContent(p, PolicyJson.seed().get(1)));
    }

    @Test
    void storageLimitsNameThePolicy() {
        PayerPolicy p = PolicyJson.seed().get(0);
        assertEquals(List.of(), PolicyAdminChecks.check(p));
        PayerPolicy huge = new PayerPolicy(p.code(), 1, p.payer(), p.plan(), p.effectiveFrom(), null, 18, null, Set.of(), List.of(),
                1, null, null, true, false, false, null, Set.of(), null, 30, null, null, null, null, Set.of(), false, false, false,
                "x".repeat(16_001), "Q", null);
        assertEquals(List.of("payer.error.confidence", "payer.error.tooLong"), PolicyAdminChecks.check(huge).stream()
                .map(v -> v.messageKey()).toList());
    }
}
