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
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a patient's history in and out in the {@code threshold-history/1} format. Import is all or nothing
 * (one transaction) and only into an empty history, so importing a file twice cannot double a history.
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
    public record Imported(long patientId, String mrn, int episodes, int trials) {
    }

    /**
     * Stores the document's episodes and trials for the patient with its MRN. Throws
     * {@link ValidationException} (fields are JSON paths) when the patient is unknown, already has a history,
     * or the document breaks a rule; nothing is stored then.
     */
    public Imported importHistory(HistoryDocument doc) {
        UserSession s = guard.require(Permission.HISTORY_WRITE, "history.import", null);
        return tx.inTransaction(dsl -> {
            if (!doc.assessments().isEmpty()) {
                // Rating scales have no store yet (the outcomes issue): refuse rather than drop them silently.
                throw new ValidationException(Violation.of("assessments", "history.error.assessmentsNotStored",
                        doc.assessments().size()));
            }
            Patient p = HistoryService.patientByMrn(dsl, doc.patient().mrn());
            HistoryRepository repo = new HistoryRepository(dsl);
            if (!repo.load(p.id()).isEmpty()) {
                throw new ValidationException(Violation.of("patient.mrn", "history.error.historyExists", p.mrn()));
            }
            List<Violation> problems = new HistoryValidator(HistoryService.formulary(dsl)).validate(doc.history());
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Map<String, Long> episodeIds = new HashMap<>();
            for (Episode e : doc.history().episodes()) {
                SavedEpisode saved = repo.insertEpisode(p.id(), e, null, clock.instant());
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
            guard.audit().append(dsl, s.actor(), new AuditEntry("history.import", AuditCategory.PATIENT, p.id(),
                    "patient", Long.toString(p.id()), AuditOutcome.SUCCESS, doc.history().episodes().size()
                    + " episode(s), " + doc.history().trials().size() + " trial(s)"));
            return new Imported(p.id(), p.mrn(), doc.history().episodes().size(), doc.history().trials().size());
        });
    }

    /**
     * Reads {@code json} against the clinic's own formulary and imports it. Every problem, structural or
     * clinical, comes back in one {@link HistoryFormatException} with JSON paths; nothing is stored then.
     */
    public Imported importJson(String json) {
        guard.require(Permission.HISTORY_WRITE, "history.import", null);
        HistoryDocument doc = HistoryJson.read(json, tx.read(HistoryService::formulary));
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
                    + h.trials().size() + " trial(s)"));
            var d = p.details();
            return new HistoryDocument(new HistoryDocument.PatientRef(p.mrn(), d.givenName(), d.familyName(),
                    d.birthDate(), d.sex()), h.toHistory(), List.of());
        });
    }
}
