package clinic.threshold.service.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.outcome.Change;
import clinic.threshold.domain.outcome.DuplicateEntryException;
import clinic.threshold.domain.outcome.InstrumentSeries;
import clinic.threshold.domain.outcome.RecordResult;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording scales on a real clinic: scores, baseline, response and remission, the item-9 alert and its review. */
class OutcomeServiceIT {
    private static final LocalDate TODAY = TestClinic.TODAY;

    @TempDir
    Path dir;

    private static List<Integer> items(String values) {
        return Arrays.stream(values.split(" ")).map(Integer::valueOf).toList();
    }

    private static ScaleEntry phq(LocalDate day, String values) {
        return new ScaleEntry("PHQ9", day, items(values), null, "tech.kim");
    }

    private static Patient patient(ClinicServices c, String family) {
        return c.patients().create(TestClinic.person("Lea", family, LocalDate.of(1985, 4, 4), null));
    }

    private static int count(Path dir, String table) {
        List<String> n = new ArrayList<>();
        TestClinic.sqlQuery(dir, "SELECT COUNT(*) FROM " + table, n::add);
        return Integer.parseInt(n.get(0));
    }

    @Test
    void aCourseOfWeeklyPhq9sShowsResponseThenRemissionAgainstTheBaseline() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Trajectory");
            c.history().saveEpisode(p.id(), null, 0, new Episode(null, TODAY.minusMonths(6), null, Severity.SEVERE), null);
            // Before this episode: not the baseline.
            c.outcomes().record(p.id(), phq(TODAY.minusYears(2), "1 1 1 1 1 1 1 1 0"), false);
            RecordResult base = c.outcomes().record(p.id(), phq(TODAY.minusWeeks(6), "3 3 2 2 2 2 2 2 0"), false);
            assertEquals(18, base.saved().total());
            assertEquals("moderately severe", base.band());
            c.outcomes().record(p.id(), phq(TODAY.minusWeeks(4), "2 2 2 2 2 2 1 1 0"), false);
            c.outcomes().record(p.id(), phq(TODAY.minusWeeks(2), "1 1 1 1 1 1 1 1 0"), false);
            RecordResult last = c.outcomes().record(p.id(), phq(TODAY, "1 1 1 0 0 0 0 0 0"), false);
            assertTrue(last.remission());
            InstrumentSeries s = c.outcomes().overview(p.id()).series().get(0);
            assertEquals(TODAY.minusWeeks(6), s.baseline().entry().date(), "the first PHQ-9 of the current episode");
            assertEquals(5, s.entries().size());
            assertEquals(Change.RESPONSE, s.latest().change());
            assertTrue(s.latest().remission());
            assertEquals(TODAY.minusWeeks(2), s.firstResponse().date(), "8 of 18 is the first 50% reduction");
            assertEquals(TODAY, s.firstRemission().date());
        }
    }

    @Test
    void item9AboveZeroRaisesAnAlertThatOnlyAClinicianCloses() {
        long patientId;
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "tech", Set.of(Role.TMS_TECHNICIAN));
            TestClinic.addUser(c, c.context(), "doc", Set.of(Role.CLINICIAN));
            patientId = patient(c, "Risk").id();
        }
        try (var tech = TestClinic.signIn(dir, "tech", TestClinic.PASSWORD)) {
            RecordResult r = tech.outcomes().record(patientId, phq(TODAY, "1 1 1 1 0 0 0 0 1"), false);
            assertEquals(List.of(9), r.safetySignals(), "a total of 5 but item 9 is 1");
            var open = tech.outcomes().overview(patientId).openAlerts();
            assertEquals(1, open.size());
            assertThrows(AccessDeniedException.class, () -> tech.outcomes().reviewAlert(patientId, open.get(0).id(),
                    open.get(0).version(), "seen"));
        }
        try (var doc = TestClinic.signIn(dir, "doc", TestClinic.PASSWORD)) {
            var list = doc.outcomes().workList();
            assertEquals(1, list.size());
            assertEquals("Risk, Lea", list.get(0).patientName());
            assertThrows(ValidationException.class, () -> doc.outcomes().reviewAlert(patientId, list.get(0).id(),
                    list.get(0).version(), " "), "the review must be documented");
            doc.outcomes().reviewAlert(patientId, list.get(0).id(), list.get(0).version(),
                    "C-SSRS screen negative for intent or plan; safety plan reviewed");
            assertTrue(doc.outcomes().workList().isEmpty());
            assertTrue(doc.outcomes().overview(patientId).openAlerts().isEmpty());
        }
        try (var admin = TestClinic.open(dir)) {
            assertEquals(1, admin.audit().page(new AuditFilter(null, null, "outcome.safety.raised", null, null), null).size());
            var reviews = admin.audit().page(new AuditFilter(null, null, "outcome.safety.review", null, null), null);
            assertEquals(1, reviews.stream().filter(e -> e.outcome() == clinic.threshold.domain.audit.AuditOutcome.SUCCESS)
                    .count(), "the clinician's review");
            assertEquals(1, reviews.stream().filter(e -> e.outcome() == clinic.threshold.domain.audit.AuditOutcome.DENIED)
                    .count(), "the technician's refused attempt");
        }
    }

    @Test
    void badEntriesAreRefusedAndNothingIsSaved() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Badscale");
            int before = count(dir, "scale_entry");
            ValidationException range = assertThrows(ValidationException.class,
                    () -> c.outcomes().record(p.id(), phq(TODAY, "0 0 0 0 0 0 0 0 4"), false));
            assertEquals("items[8]", range.violations().get(0).field());
            assertThrows(ValidationException.class, () -> c.outcomes().record(p.id(), phq(TODAY.plusDays(1),
                    "0 0 0 0 0 0 0 0 0"), false));
            assertThrows(ValidationException.class, () -> c.outcomes().record(p.id(),
                    new ScaleEntry("PHQ9", TODAY, List.of(), 14, "tech"), false), "PHQ-9 needs item 9");
            assertEquals(before, count(dir, "scale_entry"));
            assertEquals(0, count(dir, "safety_alert"));

            c.outcomes().record(p.id(), new ScaleEntry("MADRS", TODAY, List.of(), 28, "dr.rivera", 0), false);
            DuplicateEntryException dup = assertThrows(DuplicateEntryException.class, () -> c.outcomes().record(p.id(),
                    new ScaleEntry("MADRS", TODAY, List.of(), 26, "dr.rivera", 0), false));
            assertEquals("MADRS", dup.scale());
            c.outcomes().record(p.id(), new ScaleEntry("MADRS", TODAY, List.of(), 26, "dr.rivera", 0), true);
            InstrumentSeries madrs = c.outcomes().overview(p.id()).series().get(0);
            assertEquals(2, madrs.entries().size());
            assertTrue(madrs.entries().get(0).entry().isTotalOnly(), "a clinician scale kept as a total alone");
            assertEquals(28, madrs.entries().get(0).total());
        }
    }

    @Test
    void aTotalAloneStillRaisesTheAlertAndVoidingTheEntryDoesNotHideIt() {
        long patientId;
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "tech", Set.of(Role.TMS_TECHNICIAN));
            patientId = patient(c, "Copied").id();
        }
        long entryId;
        try (var tech = TestClinic.signIn(dir, "tech", TestClinic.PASSWORD)) {
            // A MADRS total copied from a letter, whose item 10 (suicidal thoughts) was 4.
            RecordResult r = tech.outcomes().record(patientId, new ScaleEntry("MADRS", TODAY, List.of(), 28, "dr.letter", 4),
                    false);
            assertEquals(List.of(10), r.safetySignals());
            entryId = r.saved().id();
            assertEquals(Integer.valueOf(4), tech.outcomes().overview(patientId).series().get(0).entries().get(0).entry()
                    .safetyValue(), "the answer is stored with the total");
            final long id = entryId;
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> tech.outcomes().voidEntry(patientId, id, 1, "entered in error"));
            assertEquals("outcome.error.alertOpen", refused.violations().get(0).messageKey());
        }
        try (var c = TestClinic.open(dir)) {
            c.outcomes().voidEntry(patientId, entryId, 1, "wrong patient");
            assertTrue(c.outcomes().overview(patientId).series().isEmpty(), "the entry is void");
            assertEquals(1, c.outcomes().workList().size(), "its alert stays open until a clinician reviews it");
            var a = c.outcomes().workList().get(0);
            c.outcomes().reviewAlert(patientId, a.id(), a.version(), "Checked with the referring psychiatrist: wrong chart");
            assertTrue(c.outcomes().workList().isEmpty());
        }
    }

    @Test
    void licensedItemsAreEnteredOnlyWhenTheClinicSaysItHoldsTheLicence() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Licence");
            List<Integer> items = java.util.Collections.nCopies(21, 1);
            assertThrows(ValidationException.class, () -> c.outcomes().record(p.id(),
                    new ScaleEntry("BDI2", TODAY, items, null, "patient"), false), "no licence: items refused");
            assertTrue(!c.outcomes().overview(p.id()).itemsLicensed());
            c.settings().setLicensedItems(true);
            assertTrue(c.outcomes().overview(p.id()).itemsLicensed());
            assertEquals(21, c.outcomes().record(p.id(), new ScaleEntry("BDI2", TODAY, items, null, "patient"), false)
                    .saved().total());
        }
    }
}
