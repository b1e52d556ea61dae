package clinic.threshold.service.history;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.history.HistoryRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.HistoryDocument;
import clinic.threshold.domain.history.HistoryValidator;
import clinic.threshold.domain.history.PatientHistory;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialRole;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.outcome.ScaleImport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Moves a patient's history, with their rating scales, in and out in the {@code threshold-history/1} format.
 * Import is all or nothing for each file (every check before the first write; one transaction for a file, or for a
 * batch of files, ADR 0027) and only into an empty history, so importing a file twice cannot double a history.
 * Export writes the stored ids; import gives the rows new ones and keeps every link between them.
 */
public final class HistoryTransfer {
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public HistoryTransfer(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** What an import stored. */
    public record Imported(long patientId, String mrn, int episodes, int trials, int assessments) {
        public Imported(long patientId, String mrn, int episodes, int trials) {
            this(patientId, mrn, episodes, trials, 0);
        }
    }

    /**
     * Stores the document's episodes, trials and rating-scale results for the patient with its MRN. Throws
     * {@link ValidationException} (fields are JSON paths) listing every problem: the patient unknown or not the
     * one the file names, a history already there, or any rule broken; nothing is stored then.
     */
    public Imported importHistory(HistoryDocument doc) {
        UserSession s = guard.require(Permission.HISTORY_WRITE, "history.import", null);
        if (!doc.assessments().isEmpty()) {
            guard.require(Permission.OUTCOME_RECORD, "outcome.record", null);
        }
        LocalDate today = LocalDate.now(clock);
        // A suicide-risk alert among the scales is committed durably, as a typed one is; the rest need not wait for the disk.
        return tx.inTransaction(dsl -> store(dsl, s, doc, today), Stored::alert).imported();
    }

    /**
     * Files per {@link #importBatch} call for a caller with many: enough that commits stop costing, few enough that the
     * audit trail, which every write appends to, is held for only about two seconds (measured, ADR 0027).
     */
    public static final int BATCH = 200;

    /** One file of a batch: a name to report it by (its path) and its JSON. */
    public record BatchFile(String name, String json) {
    }

    /** How one file of a batch went: imported, or refused with every problem (nothing of it stored). */
    public record BatchResult(String name, Imported imported, List<Violation> problems) {
        public BatchResult {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Imports several files in one transaction, each all or nothing as {@link #importJson} imports one: a file with a
     * problem is refused whole (every check comes before the first write) and the others are stored. For moving a
     * clinic's histories in: one commit per file made 20,000 files take minutes (docs/benchmarks.md). A database
     * failure rolls the whole group back and is thrown.
     */
    public List<BatchResult> importBatch(List<BatchFile> files) {
        UserSession s = guard.require(Permission.HISTORY_WRITE, "history.import", null);
        LocalDate today = LocalDate.now(clock);
        HistoryDocument[] docs = new HistoryDocument[files.size()];
        BatchResult[] out = new BatchResult[files.size()];
        for (int i = 0; i < files.size(); i++) {
            try {
                docs[i] = HistoryJson.parse(files.get(i).json());
            } catch (HistoryFormatException e) {
                out[i] = new BatchResult(files.get(i).name(), null, e.problems());
            }
        }
        if (java.util.Arrays.stream(docs).anyMatch(d -> d != null && !d.assessments().isEmpty())) {
            guard.require(Permission.OUTCOME_RECORD, "outcome.record", null);
        }
        tx.inTransaction(dsl -> {
            boolean alert = false;
            for (int i = 0; i < docs.length; i++) {
                if (docs[i] == null) {
                    continue;
                }
                try {
                    Stored stored = store(dsl, s, docs[i], today);
                    alert |= stored.alert();
                    out[i] = new BatchResult(files.get(i).name(), stored.imported(), List.of());
                } catch (ValidationException e) {
                    out[i] = new BatchResult(files.get(i).name(), null, e.violations());
                }
            }
            return alert;
        }, alert -> alert);
        return List.of(out);
    }

    /** What one file stored, and whether it raised a suicide-risk alert. */
    private record Stored(Imported imported, boolean alert) {
    }

    /** Checks the whole document, then stores it; a {@link ValidationException} comes before anything is written. */
    private Stored store(DSLContext dsl, UserSession s, HistoryDocument doc, LocalDate today) {
        List<Violation> problems = new ArrayList<>();
        Optional<Patient> found = new PatientRepository(dsl).findByMrn(doc.patient().mrn()).filter(p -> !p.voided());
        if (found.isEmpty()) {
            problems.add(Violation.of("patient.mrn", "history.error.noPatient", doc.patient().mrn()));
        }
        HistoryRepository repo = new HistoryRepository(dsl);
        found.ifPresent(p -> {
            identity(doc.patient(), p, problems);
            if (!repo.load(p.id()).isEmpty()) {
                problems.add(Violation.of("patient.mrn", "history.error.historyExists", p.mrn()));
            }
        });
        problems.addAll(new HistoryValidator(HistoryService.formulary(dsl)).validate(doc.history()));
        List<ScaleImport.Pending> scales = ScaleImport.check(dsl, found.map(Patient::id).orElse(null),
                doc.assessments(), today, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Patient p = found.get();
        Map<String, Long> episodeIds = new HashMap<>();
        for (Episode e : doc.history().episodes()) {
            SavedEpisode saved = repo.insertEpisode(p.id(), e, doc.episodeNotes().get(e.id()), clock.instant());
            episodeIds.put(e.id(), saved.id());
        }
        // Base trials first, so that every augmentation can point at its base's new id.
        List<TreatmentTrial> ordered = new ArrayList<>(doc.history().trials().stream()
                .filter(t -> t.role() != TrialRole.AUGMENTATION).toList());
        ordered.addAll(doc.history().trials().stream().filter(t -> t.role() == TrialRole.AUGMENTATION).toList());
        Map<String, Long> trialIds = new HashMap<>();
        for (TreatmentTrial t : ordered) {
            SavedTrial saved = repo.insertTrial(p.id(), episodeIds.get(t.episodeId()),
                    t.augments() == null ? null : trialIds.get(t.augments()), t, clock.instant());
            trialIds.put(t.id(), saved.id());
        }
        ScaleImport.store(dsl, guard, s, p.id(), scales, clock.instant());
        guard.audit().append(dsl, s.actor(), new AuditEntry("history.import", AuditCategory.PATIENT, p.id(),
                "patient", Long.toString(p.id()), AuditOutcome.SUCCESS, doc.history().episodes().size()
                + " episode(s), " + doc.history().trials().size() + " trial(s), " + scales.size() + " rating scale(s)"));
        return new Stored(new Imported(p.id(), p.mrn(), doc.history().episodes().size(), doc.history().trials().size(),
                scales.size()), ScaleImport.raisesAlert(scales));
    }

    /**
     * The names and birth date a file gives must be the stored patient's: an MRN typed wrong would otherwise put
     * one person's history in another's chart. Fields the file leaves out are not compared, and the message names
     * the fields that differ without repeating the registered patient's details.
     */
    private static void identity(HistoryDocument.PatientRef ref, Patient p, List<Violation> problems) {
        var d = p.details();
        List<String> differ = new ArrayList<>();
        if (!same(ref.givenName(), d.givenName())) {
            differ.add("givenName");
        }
        if (!same(ref.familyName(), d.familyName())) {
            differ.add("familyName");
        }
        if (ref.birthDate() != null && !ref.birthDate().equals(d.birthDate())) {
            differ.add("birthDate");
        }
        if (!differ.isEmpty()) {
            problems.add(Violation.of("patient", "history.error.identityMismatch", String.join(", ", differ), p.mrn()));
        }
    }

    private static boolean same(String inFile, String stored) {
        return inFile == null || inFile.strip().equalsIgnoreCase(stored == null ? "" : stored.strip());
    }

    /**
     * Reads {@code json} against the clinic's own formulary and imports it. Every problem, structural or
     * clinical, comes back in one {@link HistoryFormatException} with JSON paths; nothing is stored then.
     */
    public Imported importJson(String json) {
        guard.require(Permission.HISTORY_WRITE, "history.import", null);
        HistoryDocument doc = HistoryJson.parse(json);
        try {
            return importHistory(doc);
        } catch (ValidationException e) {
            throw new HistoryFormatException(e.violations());
        }
    }

    /** The patient's history as an interchange document (audited as an export of patient data). */
    public HistoryDocument export(String mrn) {
        UserSession s = guard.require(Permission.CLINICAL_READ, "history.export", null);
        return tx.inTransaction(dsl -> {
            Patient p = HistoryService.patientByMrn(dsl, mrn);
            PatientHistory h = new HistoryRepository(dsl).load(p.id());
            guard.audit().append(dsl, s.actor(), new AuditEntry("history.export", AuditCategory.EXPORT, p.id(),
                    "patient", Long.toString(p.id()), AuditOutcome.SUCCESS, h.episodes().size() + " episode(s), "
                    + h.trials().size() + " trial(s) and their rating scales"));
            var d = p.details();
            Map<String, String> notes = new HashMap<>();
            h.episodes().stream().filter(e -> e.note() != null)
                    .forEach(e -> notes.put(e.episode().id(), e.note()));
            return new HistoryDocument(new HistoryDocument.PatientRef(p.mrn(), d.givenName(), d.familyName(),
                    d.birthDate(), d.sex()), h.toHistory(), ScaleImport.export(dsl, p.id()), notes);
        });
    }
}
