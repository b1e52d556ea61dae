package clinic.threshold.service.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored policies equal the shipped seed; a patient's readiness for their payer from the chart's own records. */
class PayerServiceIT {
    static final LocalDate TODAY = TestClinic.TODAY;
    /** Centene / Ambetter in the payer registry (V002). */
    static final int CENTENE = 7;

    @TempDir
    Path dir;

    @Test
    void theStoredPoliciesAreTheShippedSeedAndUnverified() {
        try (var c = TestClinic.open(dir)) {
            List<PayerPolicy> stored = c.payers().policies();
            assertEquals(PolicyJson.seed().stream().sorted(Comparator.comparing(PayerPolicy::code)).toList(), stored);
            assertTrue(stored.stream().noneMatch(PayerPolicy::verified));
        }
    }

    @Test
    void readinessForThePatientsPayerFollowsTheChart() {
        try (var c = TestClinic.open(dir)) {
            var p = c.patients().create(new PatientDetails(null, "Rae", "Ready", null, LocalDate.of(1981, 5, 1), Sex.FEMALE, null,
                    null, null, null, null, CENTENE, "M-1", null, "F33.2", null));
            Readiness before = c.payers().readiness(p.id()).orElseThrow();
            assertEquals("CENTENE_CP_BH_200", before.policy().code());
            assertEquals(Readiness.Overall.MISSING_INFORMATION, before.overall(), "no history and no score yet");

            c.historyTransfer().importJson(clinic.threshold.testing.PayerFixture.history(p.mrn()));
            Readiness noScore = c.payers().readiness(p.id()).orElseThrow();
            assertEquals(Readiness.Overall.MISSING_INFORMATION, noScore.overall());
            assertEquals(List.of("severity"), noScore.criteria().stream().filter(x -> x.status() != Readiness.Status.MET)
                    .map(Readiness.Criterion::id).toList(), "only the score is missing");

            c.outcomes().record(p.id(), new ScaleEntry("PHQ9", TODAY.minusDays(2),
                    Arrays.asList(3, 3, 3, 2, 2, 2, 2, 2, 0), null, "patient"), false);
            Readiness ready = c.payers().readiness(p.id()).orElseThrow();
            assertEquals(Readiness.Overall.READY, ready.overall(), ready.criteria().toString());
        }
    }

    @Test
    void aPatientWithoutAPayerHasNoAnswer() {
        try (var c = TestClinic.open(dir)) {
            long id = c.patients().create(TestClinic.person("No", "Payer", LocalDate.of(1970, 1, 1), null)).id();
            assertTrue(c.payers().readiness(id).isEmpty());
        }
    }
}
