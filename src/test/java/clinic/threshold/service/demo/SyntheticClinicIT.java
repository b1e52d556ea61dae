package clinic.threshold.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.patient.MrnRule;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.ReportTable;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.demo.synthetic.SyntheticClinic;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small synthetic clinic, generated in bulk and read back through the services: the same for the same seed, its
 * audit chain intact, every chart and report readable, its figures plausible, and the services adding to it after.
 */
class SyntheticClinicIT {
    static final SyntheticClinic.Plan PLAN = new SyntheticClinic.Plan(300, 4, 42);

    @TempDir
    Path dir;

    @TempDir
    Path other;

    /** What identifies a generated clinic: each patient's MRN, birth date and number of scores, in order. */
    static List<String> fingerprint(ClinicServices c) {
        List<String> out = new ArrayList<>();
        for (var p : c.patients().search(new PatientQuery("", null, null, 1000))) {
            out.add(p.mrn() + " " + p.birthDate() + " " + c.outcomes().overview(p.id()).series().stream()
                    .mapToInt(s -> s.entries().size()).sum());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameClinicWhoseRecordsTheServicesRead() {
        List<String> first;
        try (var c = TestClinic.open(dir)) {
            SyntheticClinic.Summary s = c.synthetic().generate(PLAN, step -> { });
            assertEquals(300, s.patients());
            assertTrue(s.courses() > 150 && s.courses() < 320, "about three in four patients have a course: " + s.courses());
            assertTrue(s.sessions() > s.courses() * 20L, "most courses run their sessions: " + s.sessions());
            assertEquals(300, c.patients().count());
            assertTrue(c.audit().verify(n -> { }).intact(), "the generated trail is a valid chain");
            first = fingerprint(c);

            // Every chart opens: history with its TRD assessment, TMS courses with their schedule, outcomes.
            for (var p : c.patients().search(new PatientQuery("", null, null, 40))) {
                c.history().overview(p.id());
                c.tms().overview(p.id());
                c.outcomes().overview(p.id());
            }
            // Every report runs over the whole clinic.
            ReportParams all = ReportParams.between(TestClinic.TODAY.minusYears(4), TestClinic.TODAY);
            for (ReportId id : ReportId.values()) {
                ReportResult r = c.reports().run(id, all, Progress.NONE);
                assertTrue(!r.table().rows().isEmpty(), id + " has rows");
            }
            ReportResult outcomes = c.reports().run(ReportId.OUTCOMES, all, Progress.NONE);
            List<Object> phq = outcomes.table().rows().stream().filter(x -> !ReportTable.TOTAL.equals(x.get(0))).findFirst().orElseThrow();
            BigDecimal response = (BigDecimal) phq.get(3);
            assertTrue(response.compareTo(new BigDecimal("30")) > 0 && response.compareTo(new BigDecimal("80")) < 0,
                    "about half respond: " + response + "% in " + phq);
            ReportResult profile = c.reports().run(ReportId.TRD_PROFILE, ReportParams.between(null, null), Progress.NONE);
            int trd = (int) profile.table().rows().stream().filter(x -> x.get(1).equals("trd.yes")).findFirst().orElseThrow().get(2);
            assertTrue(trd > 60 && trd < 290, "most patients of a TRD clinic meet the definition: " + trd);

            // The services add to it after: fresh ids and MRNs.
            var added = c.patients().create(TestClinic.person("Nia", "After", java.time.LocalDate.of(1990, 1, 1), null));
            assertTrue(MrnRule.isValid(added.mrn()));
            assertEquals(301, c.patients().count());
            assertEquals("synthetic.error.notEmpty", assertThrows(ValidationException.class,
                    () -> c.synthetic().generate(PLAN, step -> { })).violations().get(0).messageKey(), "never into a clinic with patients");
        }
        try (var c = TestClinic.open(other)) {
            c.synthetic().generate(PLAN, step -> { });
            assertEquals(first.subList(0, 300), fingerprint(c).subList(0, 300), "the same seed, the same clinic");
        }
    }

    @Test
    void anotherSeedAnotherClinicAndOnlyAdministratorsGenerate() {
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "dr.b", Set.of(Role.CLINICIAN));
            c.synthetic().generate(new SyntheticClinic.Plan(20, 2, 7), step -> { });
            List<String> seven = fingerprint(c);
            try (var o = TestClinic.open(other)) {
                o.synthetic().generate(new SyntheticClinic.Plan(20, 2, 8), step -> { });
                assertNotEquals(seven, fingerprint(o));
            }
            assertEquals("synthetic.error.patients", assertThrows(ValidationException.class,
                    () -> c.synthetic().generate(new SyntheticClinic.Plan(0, 2, 7), step -> { })).violations().get(0).messageKey());
        }
        try (var b = TestClinic.signIn(dir, "dr.b", TestClinic.PASSWORD)) {
            assertThrows(AccessDeniedException.class, () -> b.synthetic().generate(new SyntheticClinic.Plan(5, 1, 1), step -> { }));
        }
    }
}
