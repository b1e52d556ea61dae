package clinic.threshold.service.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.TrialRole;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.Adherence;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording a history through the services on a real clinic: the assessment follows every save, a save
 * that would break the history is refused whole, changes are audited, clinical rows are voided (never
 * deleted), reference edits apply from their date, and import and export round-trip.
 */
class HistoryServiceIT {
    @TempDir
    Path dir;

    private static final LocalDate ONSET = TestClinic.TODAY.minusMonths(18);

    static TreatmentTrial medication(String episode, String agent, LocalDate start, int weeks, int mg, TrialOutcome outcome) {
        return clinic.threshold.testing.HistoryFixtures.medication(episode, agent, start, weeks, mg, outcome);
    }

    private static Patient patient(ClinicServices c, String family) {
        return c.patients().create(TestClinic.person("Ann", family, LocalDate.of(1975, 5, 5), null));
    }

    @Test
    void theAssessmentFollowsEverySaveAndEachChangeIsAudited() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "History");
            SavedEpisode e = c.history().saveEpisode(p.id(), null, 0, new Episode(null, ONSET, null, Severity.MODERATE), "referral");
            String ep = Long.toString(e.id());
            c.history().saveTrial(p.id(), null, 0, medication(ep, "sertraline", ONSET.plusDays(10), 8, 100, TrialOutcome.NO_RESPONSE));
            var one = c.history().overview(p.id());
            assertEquals(1, one.assessment().failedAdequateTrials());
            assertFalse(one.assessment().trd());
            SavedTrial second = c.history().saveTrial(p.id(), null, 0,
                    medication(ep, "Effexor XR", ONSET.plusWeeks(12), 8, 150, TrialOutcome.PARTIAL_RESPONSE));
            var two = c.history().overview(p.id());
            assertTrue(two.assessment().trd());
            assertEquals(2, two.assessment().thaseRushStage());
            assertEquals(Long.toString(e.id()), two.assessment().currentEpisodeId());

            // Editing the dose below the minimum makes it inadequate: TRD goes away; the old steps stay stored.
            TreatmentTrial lower = medication(ep, "Effexor XR", ONSET.plusWeeks(12), 8, 37, TrialOutcome.PARTIAL_RESPONSE);
            c.history().saveTrial(p.id(), second.id(), second.version(), lower);
            assertFalse(c.history().overview(p.id()).assessment().trd());
            List<String> steps = new ArrayList<>();
            TestClinic.sqlQuery(dir, "SELECT trial_version || ':' || mg_per_day FROM trial_dose WHERE trial_id = "
                    + second.id() + " ORDER BY trial_version", steps::add);
            assertEquals(2, steps.size(), "both versions' dose steps are kept: " + steps);

            // A second save over the version already replaced is refused.
            assertThrows(ConcurrentEditException.class, () -> c.history().saveTrial(p.id(), second.id(),
                    second.version(), lower));

            var actions = c.audit().page(new AuditFilter(null, p.id(), null, null, null), null).stream()
                    .map(a -> a.action()).toList();
            assertTrue(actions.containsAll(List.of("history.episode.create", "history.trial.create", "history.trial.update")),
                    actions.toString());
        }
    }

    @Test
    void aSaveThatWouldBreakTheHistoryIsRefusedWithTheFieldsNamed() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Refused");
            SavedEpisode e = c.history().saveEpisode(p.id(), null, 0, new Episode(null, ONSET, null, Severity.SEVERE), null);
            String ep = Long.toString(e.id());
            ValidationException before = assertThrows(ValidationException.class, () -> c.history().saveTrial(p.id(), null, 0,
                    medication(ep, "sertraline", ONSET.minusDays(30), 8, 100, TrialOutcome.NO_RESPONSE)));
            assertEquals(List.of("start"), before.violations().stream().map(Violation::field).toList());
            ValidationException dose = assertThrows(ValidationException.class, () -> c.history().saveTrial(p.id(), null, 0,
                    medication(ep, "sertralin", ONSET.plusDays(1), 8, 100, TrialOutcome.NO_RESPONSE)));
            assertEquals("history.error.unknownAgentSuggest", dose.violations().get(0).messageKey());
            assertTrue(c.history().overview(p.id()).history().trials().isEmpty(), "nothing saved");

            SavedTrial t = c.history().saveTrial(p.id(), null, 0,
                    medication(ep, "sertraline", ONSET.plusDays(40), 8, 100, TrialOutcome.NO_RESPONSE));
            // Moving the onset after the trial's start would leave it outside its episode.
            ValidationException moved = assertThrows(ValidationException.class, () -> c.history().saveEpisode(p.id(),
                    e.id(), e.version(), new Episode(null, ONSET.plusDays(60), null, Severity.SEVERE), null));
            assertEquals("history.error.episodeExcludesTrials", moved.violations().get(0).messageKey());
            // A base trial cannot stop being one while an augmentation adds to it.
            TreatmentTrial aug = new TreatmentTrial(null, ep, TrialKind.MEDICATION, "aripiprazole", TrialRole.AUGMENTATION,
                    Long.toString(t.id()), ONSET.plusDays(50), ONSET.plusDays(90), List.of(), Adherence.GOOD,
                    TrialOutcome.UNKNOWN, null, null, null, null, null, null);
            SavedTrial augmentation = c.history().saveTrial(p.id(), null, 0, aug);
            TreatmentTrial baseAsAugmentation = new TreatmentTrial(null, ep, TrialKind.MEDICATION, "sertraline",
                    TrialRole.AUGMENTATION, Long.toString(augmentation.id()), ONSET.plusDays(40), ONSET.plusDays(96),
                    t.trial().doses(), Adherence.GOOD, TrialOutcome.NO_RESPONSE, null, null, null, null, null, null);
            ValidationException breaks = assertThrows(ValidationException.class,
                    () -> c.history().saveTrial(p.id(), t.id(), t.version(), baseAsAugmentation));
            assertTrue(breaks.violations().stream().anyMatch(v -> v.messageKey().equals("history.error.breaksOtherTrials")),
                    breaks.violations().toString());
            c.history().voidTrial(p.id(), augmentation.id(), augmentation.version(), "test");
            // An episode holding trials is not voided; the trial is, and then the episode can be.
            assertThrows(ValidationException.class, () -> c.history().voidEpisode(p.id(), e.id(), e.version(), "error"));
            c.history().voidTrial(p.id(), t.id(), t.version(), "entered twice");
            assertTrue(c.history().overview(p.id()).history().trials().isEmpty());
            List<String> voided = new ArrayList<>();
            TestClinic.sqlQuery(dir, "SELECT void_reason FROM treatment_trial WHERE id = " + t.id(), voided::add);
            assertEquals(List.of("entered twice"), voided, "the row stays, marked void");
        }
    }

    @Test
    void aSchedulerCannotReadTheHistory() {
        try (var ctx = TestClinic.open(dir)) {
            TestClinic.addUser(ctx, ctx.context(), "sched", Set.of(Role.SCHEDULER));
            patient(ctx, "Private");
        }
        try (var s = TestClinic.signIn(dir, "sched", TestClinic.PASSWORD)) {
            long id = s.patients().search(new clinic.threshold.domain.patient.PatientQuery("Private", null, null, 5))
                    .get(0).id();
            assertThrows(AccessDeniedException.class, () -> s.history().overview(id));
            assertThrows(AccessDeniedException.class, () -> s.history().saveEpisode(id, null, 0,
                    new Episode(null, ONSET, null, Severity.MILD), null));
        }
    }

    @Test
    void aNewFormularyVersionAppliesFromItsDateAndBadRulesAreRefused() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Reference");
            SavedEpisode e = c.history().saveEpisode(p.id(), null, 0, new Episode(null, ONSET, null, Severity.MILD), null);
            c.history().saveTrial(p.id(), null, 0,
                    medication(Long.toString(e.id()), "sertraline", ONSET.plusDays(5), 8, 75, TrialOutcome.NO_RESPONSE));
            assertEquals(1, c.history().overview(p.id()).assessment().failedAdequateTrials());
            FormularyAgent current = c.history().formulary().find("sertraline", TestClinic.TODAY).orElseThrow();
            c.referenceData().addAgentVersion(new FormularyAgent("sertraline", current.brandNames(), current.drugClass(),
                    null, new BigDecimal("100"), current.maxPlausibleMgPerDay(), Confidence.DESIGN,
                    "clinic policy 2026", TestClinic.TODAY), "raised for this clinic");
            assertEquals(0, c.history().overview(p.id()).assessment().failedAdequateTrials(),
                    "75 mg/day is below the clinic's new minimum");

            ValidationException bad = assertThrows(ValidationException.class, () -> c.referenceData().addRuleVersion(
                    new RuleSetting("trd.minFailedTrials", "two", Confidence.DESIGN, "typo", TestClinic.TODAY)));
            assertEquals("value", bad.violations().get(0).field());
            assertThrows(ValidationException.class, () -> c.referenceData().addRuleVersion(
                    new RuleSetting("no.such.rule", "1", Confidence.DESIGN, "x", TestClinic.TODAY)));
            c.referenceData().addRuleVersion(new RuleSetting("trd.minFailedTrials", "1", Confidence.DESIGN,
                    "clinic policy", TestClinic.TODAY));
            var data = c.referenceData().load();
            assertEquals(2, data.rules().stream().filter(r -> r.key().equals("trd.minFailedTrials")).count());
            var edits = c.audit().page(new AuditFilter(null, null, "reference.formulary.edit", null, null), null);
            assertEquals(1, edits.size());
        }
    }

    @Test
    void exportThenImportIntoAnotherPatientLosesNothing() throws Exception {
        try (var c = TestClinic.open(dir)) {
            Patient a = patient(c, "Source");
            var v = Vignettes.all().stream().filter(x -> x.name().equals("v20.json")).findFirst().orElseThrow();
            var doc = (com.fasterxml.jackson.databind.node.ObjectNode) v.history().deepCopy();
            doc.putObject("patient").put("mrn", a.mrn()).put("givenName", "ann").put("familyName", "SOURCE");
            ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("episodes").get(0)).put("note", "referred by GP");
            // A PHQ-9 item by item (item 9 at 1: an alert), and a MADRS as a total alone with its item 10.
            doc.set("assessments", Vignettes.JSON.readTree("[{\"instrument\": \"phq-9\", \"date\": \"2025-01-10\","
                    + " \"total\": 16, \"items\": [2, 2, 2, 2, 2, 2, 2, 1, 1], \"ratedBy\": \"self\"},"
                    + " {\"instrument\": \"MADRS\", \"date\": \"2025-01-12\", \"total\": 28, \"safetyValue\": 0}]"));
            String json = doc.toString();
            var imported = c.historyTransfer().importJson(json);
            assertEquals(1, imported.episodes());
            assertEquals(9, imported.trials());
            assertEquals(2, imported.assessments());
            assertEquals(1, c.outcomes().overview(a.id()).openAlerts().size(), "an imported item 9 above 0 raises its alert");
            assertEquals(1, c.audit().page(new AuditFilter(null, a.id(), "outcome.safety.raised", null, null), null).size());
            // A second import into the same, no longer empty, history is refused, and so are the scales it repeats.
            HistoryFormatException twice = assertThrows(HistoryFormatException.class, () -> c.historyTransfer().importJson(json));
            assertEquals(List.of("history.error.historyExists", "history.error.scaleAlreadyRecorded",
                    "history.error.scaleAlreadyRecorded"), twice.problems().stream().map(Violation::messageKey).toList());

            var exportedA = c.historyTransfer().export(a.mrn());
            assertEquals("referred by GP", exportedA.episodeNotes().values().iterator().next());
            assertEquals(List.of("PHQ-9", "MADRS"), exportedA.assessments().stream()
                    .map(clinic.threshold.domain.history.HistoryDocument.ScaleResult::instrument).toList());
            var madrs = exportedA.assessments().get(1);
            assertEquals(0, madrs.safetyValue());
            assertEquals(clinic.threshold.service.outcome.ScaleImport.UNRECORDED_RATER, madrs.ratedBy());
            assertEquals("self", exportedA.assessments().get(0).ratedBy());

            String exported = HistoryJson.write(exportedA);
            Patient b = patient(c, "Copy");
            c.historyTransfer().importJson(exported.replace("\"" + a.mrn() + "\"", "\"" + b.mrn() + "\"")
                    .replace("\"Source\"", "\"Copy\""));
            var docA = c.historyTransfer().export(a.mrn());
            var docB = c.historyTransfer().export(b.mrn());
            assertEquals(normalized(docA), normalized(docB));
            // And the stored history is the file's, field by field (only the ids are the database's own).
            // The file's scales come back under the scale's own name, and the one without a rater says so.
            var read = HistoryJson.read(json, c.history().formulary());
            var asStored = read.assessments().stream().map(r -> new clinic.threshold.domain.history.HistoryDocument.ScaleResult(
                    r.instrument().toUpperCase(java.util.Locale.ROOT), r.date(), r.total(), r.items(),
                    r.ratedBy() == null ? clinic.threshold.service.outcome.ScaleImport.UNRECORDED_RATER : r.ratedBy(),
                    r.safetyValue())).toList();
            assertEquals(normalized(new clinic.threshold.domain.history.HistoryDocument(read.patient(), read.history(),
                    asStored, read.episodeNotes())), normalized(docA));
            assertEquals(c.history().overview(a.id()).assessment().failedAdequateTrials(),
                    c.history().overview(b.id()).assessment().failedAdequateTrials());
            assertEquals(7, c.history().overview(b.id()).assessment().failedAdequateTrials());
            assertEquals(2, c.outcomes().overview(b.id()).series().size(), "both scales arrived");
            assertEquals(2, c.audit().page(new AuditFilter(null, a.id(), "history.export", null, null), null).size(),
                    "each export of patient data is audited");
        }
    }

    @Test
    void anImportWithOneBadTrialStoresNothing() {
        try (var c = TestClinic.open(dir)) {
            Patient a = patient(c, "Partial");
            String json = "{\"format\": \"threshold-history/1\", \"patient\": {\"mrn\": \"" + a.mrn() + "\"},"
                    + " \"episodes\": [{\"id\": \"e1\", \"onset\": \"2024-01-01\", \"severity\": \"mild\"}],"
                    + " \"trials\": [{\"id\": \"t1\", \"episode\": \"e1\", \"kind\": \"medication\", \"agent\": \"sertraline\","
                    + " \"role\": \"monotherapy\", \"start\": \"2024-02-01\", \"doses\": [{\"from\": \"2024-02-01\", \"mgPerDay\": 100}]},"
                    + " {\"id\": \"t2\", \"episode\": \"e1\", \"kind\": \"medication\", \"agent\": \"nosuchdrug\","
                    + " \"role\": \"monotherapy\", \"start\": \"2024-05-01\"}]}";
            HistoryFormatException e = assertThrows(HistoryFormatException.class, () -> c.historyTransfer().importJson(json));
            assertEquals(List.of("trials[1].agent"), e.problems().stream().map(Violation::field).toList());
            assertTrue(c.history().overview(a.id()).history().isEmpty(), "nothing was imported");
            // A bad scale is named by its path along with every other problem, and nothing is stored.
            HistoryFormatException scales = assertThrows(HistoryFormatException.class, () -> c.historyTransfer()
                    .importJson(withScales(json, "{\"instrument\": \"PHQ-9\", \"date\": \"2024-02-01\", \"items\": [1, 1, 1, 1, 1, 1, 1, 1, 4]},"
                            + " {\"instrument\": \"HADS\", \"date\": \"2024-02-01\", \"total\": 9},"
                            + " {\"instrument\": \"PHQ-9\", \"date\": \"2024-03-01\", \"total\": 12, \"items\": [1, 1, 1, 1, 1, 1, 1, 1, 1]},"
                            + " {\"instrument\": \"MADRS\", \"date\": \"2024-03-01\", \"total\": 20}")));
            assertEquals(List.of("trials[1].agent", "assessments[0].items[8]", "assessments[1].instrument",
                    "assessments[2].total", "assessments[3].safetyValue"), scales.problems().stream().map(Violation::field).toList());
            assertTrue(c.history().overview(a.id()).history().isEmpty());
            assertTrue(c.outcomes().overview(a.id()).series().isEmpty(), "no scale was stored either");
            HistoryFormatException noPatient = assertThrows(HistoryFormatException.class, () -> c.historyTransfer()
                    .importJson(json.replace(a.mrn(), "TH9999999").replace("nosuchdrug", "sertraline")));
            assertEquals("history.error.noPatient", noPatient.problems().get(0).messageKey());
        }
    }

    @Test
    void twoIdenticalResultsOfOneScaleOnOneDayInOneFileAreBothStored() {
        try (var c = TestClinic.open(dir)) {
            Patient a = patient(c, "Twice");
            // The Outcomes tab stores a confirmed second entry of the same day, so an export can hold two alike; the
            // file must import again (ImportBench found one on the generated clinic).
            String json = withScales("{\"format\": \"threshold-history/1\", \"patient\": {\"mrn\": \"" + a.mrn() + "\"},"
                    + " \"episodes\": [{\"id\": \"e1\", \"onset\": \"2024-01-01\", \"severity\": \"mild\"}], \"trials\": []}",
                    "{\"instrument\": \"PHQ-9\", \"date\": \"2024-02-01\", \"items\": [2, 2, 2, 2, 2, 2, 1, 1, 0]},"
                            + " {\"instrument\": \"PHQ-9\", \"date\": \"2024-02-01\", \"items\": [2, 2, 2, 2, 2, 2, 1, 1, 0]}");
            assertEquals(2, c.historyTransfer().importJson(json).assessments());
            var exported = c.historyTransfer().export(a.mrn()).assessments();
            assertEquals(List.of("2024-02-01 14", "2024-02-01 14"), exported.stream().map(r -> r.date() + " " + r.total()).toList());
        }
    }

    @Test
    void aVoidedPatientsHistoryIsNotExported() {
        try (var c = TestClinic.open(dir)) {
            Patient a = patient(c, "Mistake");
            c.patients().voidPatient(a.id(), a.version(), "registered twice");
            // A record entered in error is not sent on to another system, as none is imported into it.
            ValidationException e = assertThrows(ValidationException.class, () -> c.historyTransfer().export(a.mrn()));
            assertEquals("history.error.noPatient", e.violations().get(0).messageKey());
            assertTrue(c.audit().page(new AuditFilter(null, a.id(), "history.export", null, null), null).isEmpty(),
                    "nothing left the clinic, so no export is audited");
        }
    }

    @Test
    void aSecondOpenEpisodeIsRefusedUntilTheFirstEnds() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Episodes");
            SavedEpisode first = c.history().saveEpisode(p.id(), null, 0, new Episode(null, ONSET, null, Severity.MILD), null);
            LocalDate later = ONSET.plusMonths(6);
            ValidationException open = assertThrows(ValidationException.class, () -> c.history().saveEpisode(p.id(), null, 0,
                    new Episode(null, later, null, Severity.SEVERE), null));
            assertEquals(List.of("onset"), open.violations().stream().map(Violation::field).toList());
            assertEquals("history.error.earlierStillOpen", open.violations().get(0).messageKey());
            assertEquals(List.of(ONSET), open.violations().get(0).args(), "the other episode is named by its dates");
            ValidationException into = assertThrows(ValidationException.class, () -> c.history().saveEpisode(p.id(), null, 0,
                    new Episode(null, ONSET.minusYears(2), ONSET, Severity.MILD), null));
            assertEquals(List.of("end"), into.violations().stream().map(Violation::field).toList());
            assertEquals("history.error.overlapsLater", into.violations().get(0).messageKey());
            assertEquals(1, c.history().overview(p.id()).history().episodes().size(), "neither was saved");

            c.history().saveEpisode(p.id(), first.id(), first.version(), new Episode(null, ONSET, later.minusDays(1),
                    Severity.MILD), null);
            c.history().saveEpisode(p.id(), null, 0, new Episode(null, later, null, Severity.SEVERE), null);
            assertEquals(2, c.history().overview(p.id()).history().episodes().size());
        }
    }

    @Test
    void aFileAboutSomeoneElseIsRefusedWhateverItsMrn() {
        try (var c = TestClinic.open(dir)) {
            Patient a = patient(c, "Right");
            String json = "{\"format\": \"threshold-history/1\", \"patient\": {\"mrn\": \"" + a.mrn() + "\","
                    + " \"givenName\": \"Ann\", \"familyName\": \"Wrong\", \"birthDate\": \"1975-05-06\"},"
                    + " \"episodes\": [{\"id\": \"e1\", \"onset\": \"2024-01-01\", \"severity\": \"mild\"}], \"trials\": []}";
            HistoryFormatException e = assertThrows(HistoryFormatException.class, () -> c.historyTransfer().importJson(json));
            assertEquals(List.of("patient"), e.problems().stream().map(Violation::field).toList());
            assertEquals("history.error.identityMismatch", e.problems().get(0).messageKey());
            assertEquals(List.of("familyName, birthDate", a.mrn()), e.problems().get(0).args(),
                    "names what differs, without repeating the registered patient's details");
            assertTrue(c.history().overview(a.id()).history().isEmpty());
        }
    }

    /** The document with the given rating-scale results (JSON objects, comma-separated) added at its end. */
    private static String withScales(String json, String results) {
        String body = json.strip();
        return body.substring(0, body.length() - 1) + ", \"assessments\": [" + results + "]}";
    }

    /** The document with its ids replaced by their position (and every reference with them), patient blanked. */
    private static String normalized(clinic.threshold.domain.history.HistoryDocument d) {
        java.util.Map<String, String> episodes = new java.util.HashMap<>();
        java.util.Map<String, String> trials = new java.util.HashMap<>();
        for (int i = 0; i < d.history().episodes().size(); i++) {
            episodes.put(d.history().episodes().get(i).id(), "e#" + i);
        }
        for (int i = 0; i < d.history().trials().size(); i++) {
            trials.put(d.history().trials().get(i).id(), "t#" + i);
        }
        List<Episode> eps = d.history().episodes().stream()
                .map(e -> new Episode(episodes.get(e.id()), e.onset(), e.end(), e.severity())).toList();
        List<TreatmentTrial> ts = d.history().trials().stream().map(t -> new TreatmentTrial(trials.get(t.id()),
                episodes.get(t.episodeId()), t.kind(), t.agent(), t.role(), t.augments() == null ? null
                : trials.get(t.augments()), t.start(), t.end(), t.doses(), t.adherence(), t.outcome(), t.stopReason(),
                t.modality(), t.sessions(), t.laterality(), t.protocol(), t.note())).toList();
        java.util.Map<String, String> notes = new java.util.HashMap<>();
        d.episodeNotes().forEach((id, note) -> notes.put(episodes.get(id), note));
        return HistoryJson.write(new clinic.threshold.domain.history.HistoryDocument(
                new clinic.threshold.domain.history.HistoryDocument.PatientRef("X", null, null, null, null),
                new clinic.threshold.domain.history.TreatmentHistory(eps, ts), d.assessments(), notes));
    }
}
