package clinic.threshold.service.history;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.history.HistoryRepository;
import clinic.threshold.data.history.ReferenceDataRepository;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.AssessmentRules;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.HistoryDocument;
import clinic.threshold.domain.history.HistoryOverview;
import clinic.threshold.domain.history.HistoryValidator;
import clinic.threshold.domain.history.PatientHistory;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TrdAssessor;
import clinic.threshold.domain.history.TreatmentHistory;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Treatment history use cases: reading a patient's episodes and trials with their TRD assessment, and
 * recording them. Reading needs {@code clinical.read}, recording {@code history.write}. Each change is one
 * transaction with its audit event; the whole history is validated with the change in place, so a save
 * can never leave a trial outside its episode or an augmentation without its base trial.
 */
public final class HistoryService {
    private static final String EPISODE = "Episode";
    private static final String TRIAL = "Trial";
    private static final int MAX_REASON = 400;
    private static final int MAX_NOTE = 2000;

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public HistoryService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** A patient's history with its assessment as of today and the formulary it was judged with. */
    public HistoryOverview overview(long patientId) {
        guard.require(Permission.CLINICAL_READ, "history.read", patientId);
        LocalDate today = LocalDate.now(clock);
        return tx.read(dsl -> {
            PatientHistory h = new HistoryRepository(dsl).load(patientId);
            ReferenceDataRepository ref = new ReferenceDataRepository(dsl);
            Formulary f = new Formulary(ref.formulary());
            TrdAssessment a = new TrdAssessor(f, AssessmentRules.from(RuleSetting.inForce(ref.rules(), today)))
                    .assess(h.toHistory(), today);
            return new HistoryOverview(h, a, f);
        });
    }

    /**
     * Adds ({@code id} null) or changes an episode. Throws {@link ValidationException} with fields named as
     * in the episode dialog, or {@link ConcurrentEditException} when someone else saved it first.
     */
    public SavedEpisode saveEpisode(long patientId, Long id, int version, Episode episode, String note) {
        UserSession s = guard.require(Permission.HISTORY_WRITE, id == null ? "history.episode.create"
                : "history.episode.update", patientId);
        return tx.inTransaction(dsl -> {
            requirePatient(dsl, patientId);
            HistoryRepository repo = new HistoryRepository(dsl);
            PatientHistory current = repo.load(patientId);
            if (id != null && current.episode(id).isEmpty()) {
                throw new NotFoundException(EPISODE, id);
            }
            if (note != null && note.length() > MAX_NOTE) {
                throw new ValidationException(Violation.of("note", "history.error.tooLong", MAX_NOTE));
            }
            String key = id == null ? "new" : Long.toString(id);
            List<Episode> episodes = new ArrayList<>(current.toHistory().episodes());
            Episode candidate = new Episode(key, episode.onset(), episode.end(), episode.severity());
            int index = replaceOrAdd(episodes, candidate, key);
            checkEpisode(new TreatmentHistory(episodes, current.toHistory().trials()), index, formulary(dsl));
            SavedEpisode saved = id == null ? repo.insertEpisode(patientId, episode, note, clock.instant())
                    : repo.updateEpisode(id, version, episode, note, clock.instant())
                    .orElseThrow(() -> new ConcurrentEditException(EPISODE, id));
            guard.audit().append(dsl, s.actor(), new AuditEntry(id == null ? "history.episode.create"
                    : "history.episode.update", AuditCategory.PATIENT, patientId, "episode", Long.toString(saved.id()),
                    AuditOutcome.SUCCESS, "onset " + episode.onset() + (episode.end() == null ? "" : ", end " + episode.end())
                    + ", " + episode.severity()));
            return saved;
        });
    }

    /** Voids an episode entered in error; one that still holds trials is refused. */
    public void voidEpisode(long patientId, long id, int version, String reason) {
        UserSession s = guard.require(Permission.HISTORY_WRITE, "history.episode.void", patientId);
        String why = requireReason(reason);
        tx.inTransaction(dsl -> {
            HistoryRepository repo = new HistoryRepository(dsl);
            PatientHistory h = repo.load(patientId);
            h.episode(id).orElseThrow(() -> new NotFoundException(EPISODE, id));
            long trials = h.trials().stream().filter(t -> t.trial().episodeId().equals(Long.toString(id))).count();
            if (trials > 0) {
                throw new ValidationException(Violation.of("episode", "history.error.episodeHasTrials", trials));
            }
            if (!repo.voidEpisode(id, version, why, clock.instant())) {
                throw new ConcurrentEditException(EPISODE, id);
            }
            guard.audit().append(dsl, s.actor(), new AuditEntry("history.episode.void", AuditCategory.PATIENT,
                    patientId, "episode", Long.toString(id), AuditOutcome.SUCCESS, why));
            return null;
        });
    }

    /**
     * Adds ({@code id} null) or changes a trial; its {@code episodeId} and {@code augments} are stored ids as
     * text. Violations name the trial dialog's fields ({@code agent}, {@code doses[1].mgPerDay}).
     */
    public SavedTrial saveTrial(long patientId, Long id, int version, TreatmentTrial trial) {
        UserSession s = guard.require(Permission.HISTORY_WRITE, id == null ? "history.trial.create"
                : "history.trial.update", patientId);
        return tx.inTransaction(dsl -> saveTrialWithin(dsl, s, patientId, id, version, trial));
    }

    /**
     * {@link #saveTrial} inside a transaction the caller runs, for a use case that saves a trial together with
     * its own records (a trial confirmed from a medication order). The caller checked {@code history.write}.
     */
    public SavedTrial saveTrialWithin(DSLContext dsl, UserSession s, long patientId, Long id, int version,
                                      TreatmentTrial trial) {
        requirePatient(dsl, patientId);
        HistoryRepository repo = new HistoryRepository(dsl);
        PatientHistory current = repo.load(patientId);
        if (id != null && current.trial(id).isEmpty()) {
            throw new NotFoundException(TRIAL, id);
        }
        String key = id == null ? "new" : Long.toString(id);
        TreatmentTrial candidate = withId(trial, key);
        List<TreatmentTrial> trials = new ArrayList<>(current.toHistory().trials());
        int index = -1;
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).id().equals(key)) {
                index = i;
            }
        }
        if (index < 0) {
            trials.add(candidate);
            index = trials.size() - 1;
        } else {
            trials.set(index, candidate);
        }
        HistoryValidator validator = new HistoryValidator(formulary(dsl));
        List<Violation> problems = validator.validate(new TreatmentHistory(current.toHistory().episodes(), trials));
        List<Violation> own = new ArrayList<>(relative(problems, "trials[" + index + "]"));
        // A change to one trial must not break another (an augmentation whose base stops being one).
        java.util.Set<String> before = new java.util.HashSet<>();
        validator.validate(current.toHistory()).forEach(v -> before.add(v.field() + " " + v.messageKey()));
        String prefix = "trials[" + index + "].";
        long broken = problems.stream().filter(v -> v.field().startsWith("trials[") && !v.field().startsWith(prefix)
                && !before.contains(v.field() + " " + v.messageKey())).count();
        if (broken > 0) {
            own.add(Violation.of("trial", "history.error.breaksOtherTrials", broken));
        }
        if (!own.isEmpty()) {
            throw new ValidationException(own);
        }
        long episodeId = Long.parseLong(trial.episodeId());
        Long augments = trial.augments() == null ? null : Long.parseLong(trial.augments());
        SavedTrial saved = id == null ? repo.insertTrial(patientId, episodeId, augments, trial, clock.instant())
                : repo.updateTrial(id, version, episodeId, augments, trial, clock.instant())
                .orElseThrow(() -> new ConcurrentEditException(TRIAL, id));
        guard.audit().append(dsl, s.actor(), new AuditEntry(id == null ? "history.trial.create"
                : "history.trial.update", AuditCategory.PATIENT, patientId, "trial", Long.toString(saved.id()),
                AuditOutcome.SUCCESS, describe(trial)));
        return saved;
    }

    /** Voids a trial entered in error; a trial that an active augmentation adds to is refused. */
    public void voidTrial(long patientId, long id, int version, String reason) {
        UserSession s = guard.require(Permission.HISTORY_WRITE, "history.trial.void", patientId);
        String why = requireReason(reason);
        tx.inTransaction(dsl -> {
            HistoryRepository repo = new HistoryRepository(dsl);
            PatientHistory h = repo.load(patientId);
            h.trial(id).orElseThrow(() -> new NotFoundException(TRIAL, id));
            h.trials().stream().filter(t -> Long.toString(id).equals(t.trial().augments())).findFirst().ifPresent(t -> {
                throw new ValidationException(Violation.of("trial", "history.error.trialIsAugmented", t.id()));
            });
            if (!repo.voidTrial(id, version, why, clock.instant())) {
                throw new ConcurrentEditException(TRIAL, id);
            }
            guard.audit().append(dsl, s.actor(), new AuditEntry("history.trial.void", AuditCategory.PATIENT,
                    patientId, "trial", Long.toString(id), AuditOutcome.SUCCESS, why));
            return null;
        });
    }

    /** The formulary as stored (every version), for search-as-you-type in the trial dialog. */
    public Formulary formulary() {
        guard.require(Permission.CLINICAL_READ, "history.formulary", null);
        return tx.read(HistoryService::formulary);
    }

    static Formulary formulary(DSLContext dsl) {
        return new Formulary(new ReferenceDataRepository(dsl).formulary());
    }

    private static void requirePatient(DSLContext dsl, long patientId) {
        new PatientRepository(dsl).findById(patientId).filter(p -> !p.voided())
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(Violation.of("reason", "validation.required"));
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new ValidationException(Violation.of("reason", "history.error.tooLong", MAX_REASON));
        }
        return reason.strip();
    }

    private static int replaceOrAdd(List<Episode> episodes, Episode e, String key) {
        for (int i = 0; i < episodes.size(); i++) {
            if (episodes.get(i).id().equals(key)) {
                episodes.set(i, e);
                return i;
            }
        }
        episodes.add(e);
        return episodes.size() - 1;
    }

    /** The episode's own problems by field, and trials its new dates would leave outside as one problem. */
    private static void checkEpisode(TreatmentHistory h, int index, Formulary f) {
        List<Violation> all = new HistoryValidator(f).validate(h);
        List<Violation> own = new ArrayList<>(relative(all, "episodes[" + index + "]"));
        long outside = all.stream().filter(v -> v.field().startsWith("trials[") && (v.messageKey().equals(
                "history.error.beforeEpisode") || v.messageKey().equals("history.error.outsideEpisode")
                || v.messageKey().equals("history.error.afterEpisode"))).count();
        if (outside > 0) {
            own.add(Violation.of("onset", "history.error.episodeExcludesTrials", outside));
        }
        // Overlaps are judged here against the saved episode only, in dates: the validator's own wording names ids, and
        // an old overlap between two other episodes must not block this save.
        own.removeIf(v -> v.messageKey().equals("history.error.episodeStillOpen")
                || v.messageKey().equals("history.error.episodesOverlap"));
        own.addAll(EpisodeOrder.check(h.episodes(), index));
        if (!own.isEmpty()) {
            throw new ValidationException(own);
        }
    }

    /** The violations under {@code prefix}, with the prefix (and its dot) taken off their field paths. */
    static List<Violation> relative(List<Violation> all, String prefix) {
        List<Violation> out = new ArrayList<>();
        for (Violation v : all) {
            if (v.field().startsWith(prefix + ".")) {
                out.add(new Violation(v.field().substring(prefix.length() + 1), v.messageKey(), v.args()));
            }
        }
        return out;
    }

    static TreatmentTrial withId(TreatmentTrial t, String id) {
        return new TreatmentTrial(id, t.episodeId(), t.kind(), t.agent(), t.role(), t.augments(), t.start(), t.end(),
                t.doses(), t.adherence(), t.outcome(), t.stopReason(), t.modality(), t.sessions(), t.laterality(),
                t.protocol(), t.note());
    }

    /** The audit detail of a trial: what was tried and when, never the free-text note. */
    static String describe(TreatmentTrial t) {
        StringBuilder b = new StringBuilder(t.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (t.agent() != null) {
            b.append(' ').append(t.agent());
        }
        b.append(", ").append(t.start()).append(t.end() == null ? " onward" : " to " + t.end());
        if (!t.doses().isEmpty()) {
            b.append(", ").append(t.doses().size()).append(" dose step(s)");
        }
        return b.append(", outcome ").append(t.outcome().name().toLowerCase(java.util.Locale.ROOT)).toString();
    }

    /** Looks up the patient an interchange document names. */
    static Patient patientByMrn(DSLContext dsl, String mrn) {
        return new PatientRepository(dsl).findByMrn(mrn).orElseThrow(() -> new ValidationException(
                Violation.of("patient.mrn", "history.error.noPatient", mrn)));
    }
}
