package clinic.threshold.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.app.LaunchOptions;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo clinic: a separate folder, a varied registry, the same patients for the same seed. */
class DemoClinicSeederIT {

    private static List<PatientSummary> everyone(AppContext c) {
        return c.patients().search(new PatientQuery("", null, null, 1000));
    }

    private static AppContext openDemo(Path dir) {
        return AppContext.open(new LaunchOptions(dir, true), Map.of(), TestClinic.CLOCK, List.of());
    }

    @Test
    void demoHasAtLeastFortyVariedPatientsInItsOwnFolder(@TempDir Path dir) {
        try (AppContext demo = openDemo(dir)) {
            List<PatientSummary> all = everyone(demo);
            assertEquals(DemoClinicSeeder.DEFAULT_PATIENTS, all.size());
            assertTrue(all.size() >= 40);
            assertTrue(demo.dataLocation().endsWith("demo"));
            Set<PatientStatus> statuses = all.stream().map(PatientSummary::status).collect(Collectors.toSet());
            assertEquals(Set.of(PatientStatus.values()), statuses);
            assertTrue(all.stream().map(PatientSummary::payerName).distinct().count() >= 6);
            assertTrue(all.stream().map(PatientSummary::familyName).distinct().count() >= 20);
            Set<String> codes = new HashSet<>();
            Set<Integer> decades = new HashSet<>();
            for (PatientSummary s : all) {
                Patient p = demo.patients().get(s.id());
                codes.add(p.details().primaryDiagnosisCode());
                decades.add(p.ageOn(TestClinic.TODAY) / 10);
            }
            assertTrue(codes.size() >= 4, codes.toString());
            assertTrue(decades.size() >= 5, decades.toString());
        }
        try (AppContext real = TestClinic.open(dir)) {
            assertEquals(0, real.patients().count(), "the real clinic stays empty");
        }
    }

    @Test
    void sameSeedSamePatientsAndReopeningAddsNone(@TempDir Path a, @TempDir Path b) {
        List<String> first;
        try (AppContext demo = openDemo(a)) {
            first = everyone(demo).stream().map(s -> s.mrn() + s.familyName() + s.birthDate()).toList();
        }
        try (AppContext demo = openDemo(b)) {
            assertEquals(first, everyone(demo).stream().map(s -> s.mrn() + s.familyName() + s.birthDate()).toList());
        }
        try (AppContext again = openDemo(a)) {
            assertEquals(DemoClinicSeeder.DEFAULT_PATIENTS, again.patients().count());
        }
    }
}
