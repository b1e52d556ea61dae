package clinic.threshold.service.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.PayerFixture;
import clinic.threshold.testing.TestClinic;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Letters read back from their PDFs; a letter short of data lists what is missing; templates are checked. */
class LetterServiceIT {
    static final LocalDate TODAY = TestClinic.TODAY;

    @TempDir
    Path dir;

    static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theLetterOfMedicalNecessityCarriesTheChartAndIsStoredWithANewDraft() throws IOException {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Lena", "Letter");
            var letter = c.letters().forPatient(p.id());
            String pdf = text(letter.pdf());
            for (String expected : List.of("Letter of medical necessity", "Lena Letter", "member ID CEN-445566", "F33.2",
                    "Centene / Ambetter", "sertraline", "venlafaxine", "SSRI", "SNRI", "100 mg/day", "150 mg/day", "10.0",
                    "not responded to 2 adequate antidepressant trials from 2 distinct classes", "CBT", "PHQ-9 19 (moderately severe)",
                    "36 sessions (30 acute, 6 taper)", "90867", "90868", "90869", "Test tester", "Test Clinic",
                    "TMS safety screening on")) {
                assertTrue(pdf.contains(expected), () -> "missing \"" + expected + "\" in: " + pdf);
            }
            assertTrue(!pdf.contains("{") && !pdf.contains("null"), pdf);
            var request = c.authorizations().ofPatient(p.id()).get(0).request();
            assertEquals(letter.authorizationId(), request.id());
            assertEquals(1, c.letters().letters(request.id()).size());

            var again = c.letters().pdf(letter.letterId());
            assertEquals(letter.text(), again.text(), "the stored letter prints as it was made");
            assertEquals(pdf, text(again.pdf()));

            c.letters().forPatient(p.id());
            assertEquals(1, c.authorizations().ofPatient(p.id()).size(), "the open request takes the second letter");
            assertEquals(2, c.letters().letters(request.id()).size());
        }
    }

    @Test
    void aLetterShortOfDataListsWhatIsMissingAndStoresNothing() {
        try (var c = TestClinic.open(dir)) {
            var p = c.patients().create(new PatientDetails(null, "Mia", "Missing", null, LocalDate.of(1985, 2, 2), Sex.FEMALE, null,
                    null, null, null, null, AuthorizationFixture.CENTENE, null, null, "F33.2", null));
            c.historyTransfer().importJson(PayerFixture.history(p.mrn()));
            var e = assertThrows(ValidationException.class, () -> c.letters().forPatient(p.id()));
            List<String> fields = e.violations().stream().map(Violation::field).toList();
            assertTrue(fields.containsAll(List.of("patient.memberId", "severity", "screening", "scoreTable")), fields.toString());
            assertTrue(fields.stream().noneMatch(f -> f.equals("trialTable") || f.equals("diagnosis")), fields.toString());
            assertEquals("letter.error.missing", e.violations().get(0).messageKey());
            assertTrue(c.authorizations().ofPatient(p.id()).isEmpty(), "no draft is left behind");
        }
    }

    @Test
    void templatesAreCheckedAndANewVersionWritesTheNextLetter() throws IOException {
        try (var c = TestClinic.open(dir)) {
            var bad = assertThrows(ValidationException.class, () -> c.letters().saveTemplate(AuthKind.INITIAL, "Letter",
                    "Dear reviewer, {patient.nmae} needs TMS.\n\nTrials: {trialTable}"));
            assertEquals(List.of("letter.error.unknownPlaceholder", "letter.error.blockInline"),
                    bad.violations().stream().map(Violation::messageKey).toList());
            assertEquals(1, c.letters().templates().stream().filter(t -> t.kind() == AuthKind.INITIAL).findFirst().orElseThrow()
                    .version(), "nothing stored");

            int v = c.letters().saveTemplate(AuthKind.INITIAL, "Short letter", "{patient.name} has failed {failedTrials} trials.\n\n"
                    + "{trialTable}\n\n{signature}");
            assertEquals(2, v);
            var p = AuthorizationFixture.readyPatient(c, "Tess", "Template");
            String pdf = text(c.letters().forPatient(p.id()).pdf());
            assertTrue(pdf.contains("Short letter") && pdf.contains("Tess Template has failed 2 trials."), pdf);
        }
    }

    @Test
    void anExtensionRequestShowsThePartialResponseAndTheChart() throws IOException {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Eli", "Extend");
            LocalDate start = TODAY.minusWeeks(6).with(DayOfWeek.MONDAY);
            c.outcomes().record(p.id(), AuthorizationFixture.phq(start.minusDays(2), 3, 3, 3, 3, 2, 2, 2, 2, 0), false); // 20
            long course = AuthorizationFixture.courseWithSessions(c, p.id(), start, TODAY.minusDays(1));
            c.outcomes().record(p.id(), AuthorizationFixture.phq(start.plusDays(14), 2, 2, 2, 2, 2, 2, 2, 2, 0), false); // 16
            c.outcomes().record(p.id(), AuthorizationFixture.phq(TODAY.minusDays(1), 2, 2, 2, 1, 1, 1, 1, 2, 0), false); // 12
            long id = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.EXTENSION, course, null, 10, null, null));
            var e = assertThrows(ValidationException.class, () -> c.letters().generate(id));
            assertTrue(e.violations().stream().anyMatch(v -> v.field().equals("authorization.number")),
                    "the extension template quotes the first authorization's number");
            c.tms().setAuthorization(p.id(), course, c.tms().overview(p.id()).courses().get(0).course().version(),
                    new clinic.threshold.domain.tms.Authorization("Centene / Ambetter", "CEN-1", 30, start, TODAY.plusDays(10)));
            String pdf = text(c.letters().generate(id).pdf());
            for (String expected : List.of("Request for additional TMS sessions", "authorization CEN-1", "PHQ-9", "20 on",
                    "12 on", "improvement of 40%", "10 additional sessions", "PHQ-9 over the course", "remission cut-off 5")) {
                assertTrue(pdf.contains(expected), () -> "missing \"" + expected + "\" in: " + pdf);
            }
        }
    }

    @Test
    void aRetreatmentRequestShowsTheEarlierResponseAndTheRelapse() throws IOException {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Rita", "Relapse");
            LocalDate start = TODAY.minusWeeks(30).with(DayOfWeek.MONDAY);
            c.outcomes().record(p.id(), AuthorizationFixture.phq(start.minusDays(2), 3, 3, 3, 3, 2, 2, 2, 2, 0), false); // 20
            AuthorizationFixture.screen(c, p.id(), start.minusDays(4));
            long course = AuthorizationFixture.courseWithSessions(c, p.id(), start, start.plusWeeks(6).minusDays(3));
            c.outcomes().record(p.id(), AuthorizationFixture.phq(start.plusWeeks(4), 1, 1, 1, 1, 1, 0, 0, 0, 0), false); // 5
            c.outcomes().record(p.id(), AuthorizationFixture.phq(start.plusWeeks(6).minusDays(3), 1, 1, 1, 1, 1, 1, 1, 0, 0), false); // 7
            c.tms().endCourse(p.id(), course, c.tms().overview(p.id()).courses().get(0).course().version(),
                    clinic.threshold.domain.tms.CourseStatus.COMPLETED, "course done");
            c.outcomes().record(p.id(), AuthorizationFixture.phq(TODAY.minusDays(4), 3, 3, 2, 2, 2, 2, 2, 2, 0), false); // 18
            long id = c.authorizations().create(p.id(), new AuthorizationService.Draft(AuthKind.RETREATMENT, null, null, null, null, null));
            String pdf = text(c.letters().generate(id).pdf());
            for (String expected : List.of("Request for a TMS retreatment course", "Rita Relapse", "improved from 20 on", "to 7 on",
                    "an improvement of 65%", "PHQ-9 18 (moderately severe)", "PHQ-9 over the course")) {
                assertTrue(pdf.contains(expected), () -> "missing \"" + expected + "\" in: " + pdf);
            }
        }
    }

    @Test
    void theTreatingPrescriberSignsWhenTheRequesterIsNotAClinician() {
        try (var c = TestClinic.open(dir)) {
            var p = AuthorizationFixture.readyPatient(c, "Ina", "Take");
            c.medications().saveOrder(p.id(), null, 0, clinic.threshold.testing.Orders.daily("sertraline", TODAY.minusDays(90), "100"),
                    null);
            TestClinic.addUser(c, c.context(), "intake1", java.util.Set.of(clinic.threshold.domain.user.Role.INTAKE));
        }
        try (var intake = TestClinic.signIn(dir, "intake1", TestClinic.PASSWORD)) {
            long patient = intake.patients().search(clinic.threshold.domain.patient.PatientQuery.text("Take")).get(0).id();
            assertEquals(TestClinic.TESTER, intake.authorizations().suggest(patient, AuthKind.INITIAL).clinician(),
                    "the prescriber of the newest order");
            var letter = intake.letters().forPatient(patient);
            assertTrue(letter.text().contains("Test tester"), letter.text());
        }
    }
}
