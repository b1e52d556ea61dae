package clinic.threshold.data.history;

import static clinic.threshold.data.jooq.Tables.EPISODE;
import static clinic.threshold.data.jooq.Tables.TREATMENT_TRIAL;
import static clinic.threshold.data.jooq.Tables.TRIAL_DOSE;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.data.jooq.tables.records.EpisodeRecord;
import clinic.threshold.data.jooq.tables.records.TreatmentTrialRecord;
import clinic.threshold.domain.history.Adherence;
import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.Laterality;
import clinic.threshold.domain.history.Modality;
import clinic.threshold.domain.history.PatientHistory;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.history.StopReason;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.history.TrialRole;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * A patient's episodes and trials with their dose steps. No delete: episodes and trials are voided with a
 * reason, and a trial's earlier dose steps stay under its earlier version. Updates are conditional on the
 * version the caller read. Ids travel as text inside the domain records (the interchange format's ids); here
 * they are the stored numbers.
 */
public final class HistoryRepository {
    private final DSLContext dsl;

    public HistoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The patient's non-voided episodes (by onset) and trials (by start), dose steps included. */
    public PatientHistory load(long patientId) {
        return read(EPISODE.PATIENT_ID.eq(patientId), TREATMENT_TRIAL.PATIENT_ID.eq(patientId))
                .getOrDefault(patientId, new PatientHistory(patientId, List.of(), List.of()));
    }

    /**
     * The histories of many patients at once (reports), in three statements whatever their number; a patient with
     * nothing recorded is absent from the map.
     */
    public Map<Long, PatientHistory> loadMany(Select<? extends Record1<Long>> patientIds) {
        return read(EPISODE.PATIENT_ID.in(patientIds), TREATMENT_TRIAL.PATIENT_ID.in(patientIds));
    }

    private Map<Long, PatientHistory> read(Condition episodesOf, Condition trialsOf) {
        Map<Long, List<SavedEpisode>> episodes = new HashMap<>();
        dsl.selectFrom(EPISODE).where(episodesOf.and(EPISODE.VOIDED.isFalse())).orderBy(EPISODE.PATIENT_ID, EPISODE.ONSET, EPISODE.ID)
                .forEach(r -> episodes.computeIfAbsent(r.getPatientId(), k -> new ArrayList<>()).add(episode(r)));
        Condition trials = trialsOf.and(TREATMENT_TRIAL.VOIDED.isFalse());
        List<TreatmentTrialRecord> rows = dsl.selectFrom(TREATMENT_TRIAL).where(trials)
                .orderBy(TREATMENT_TRIAL.PATIENT_ID, TREATMENT_TRIAL.START_DATE, TREATMENT_TRIAL.ID).fetch();
        Map<Long, List<DoseStep>> doses = new HashMap<>();
        if (!rows.isEmpty()) {
            dsl.select(TRIAL_DOSE.TRIAL_ID, TRIAL_DOSE.FROM_DATE, TRIAL_DOSE.MG_PER_DAY).from(TRIAL_DOSE)
                    .join(TREATMENT_TRIAL).on(TREATMENT_TRIAL.ID.eq(TRIAL_DOSE.TRIAL_ID)
                            .and(TREATMENT_TRIAL.VERSION.eq(TRIAL_DOSE.TRIAL_VERSION)))
                    .where(trials)
                    .orderBy(TRIAL_DOSE.TRIAL_ID, TRIAL_DOSE.STEP_NO)
                    .forEach(d -> doses.computeIfAbsent(d.value1(), k -> new ArrayList<>())
                            .add(new DoseStep(d.value2(), d.value3().stripTrailingZeros())));
        }
        Map<Long, List<SavedTrial>> byPatient = new HashMap<>();
        rows.forEach(r -> byPatient.computeIfAbsent(r.getPatientId(), k -> new ArrayList<>())
                .add(trial(r, doses.getOrDefault(r.getId(), List.of()))));
        Map<Long, PatientHistory> out = new HashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>(episodes.keySet());
        ids.addAll(byPatient.keySet());
        for (Long id : ids) {
            out.put(id, new PatientHistory(id, episodes.getOrDefault(id, List.of()), byPatient.getOrDefault(id, List.of())));
        }
        return out;
    }

    public Optional<Long> patientOfEpisode(long episodeId) {
        return dsl.select(EPISODE.PATIENT_ID).from(EPISODE).where(EPISODE.ID.eq(episodeId)).fetchOptional(EPISODE.PATIENT_ID);
    }

    public Optional<Long> patientOfTrial(long trialId) {
        return dsl.select(TREATMENT_TRIAL.PATIENT_ID).from(TREATMENT_TRIAL).where(TREATMENT_TRIAL.ID.eq(trialId))
                .fetchOptional(TREATMENT_TRIAL.PATIENT_ID);
    }

    public SavedEpisode insertEpisode(long patientId, Episode e, String note, Instant now) {
        EpisodeRecord r = dsl.newRecord(EPISODE);
        writeEpisode(r, e, note);
        r.setPatientId(patientId);
        r.setVoided(false);
        r.setCreatedAt(now.atOffset(ZoneOffset.UTC));
        r.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        r.setVersion(1);
        r.store();
        return episode(r);
    }

    /** Updates when still at {@code version} and not voided; empty when someone else saved first. */
    public Optional<SavedEpisode> updateEpisode(long id, int version, Episode e, String note, Instant now) {
        EpisodeRecord r = dsl.newRecord(EPISODE);
        writeEpisode(r, e, note);
        r.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        r.setVersion(version + 1);
        int n = dsl.update(EPISODE).set(r)
                .where(EPISODE.ID.eq(id).and(EPISODE.VERSION.eq(version)).and(EPISODE.VOIDED.isFalse())).execute();
        return n == 1 ? Optional.of(episode(dsl.fetchSingle(EPISODE, EPISODE.ID.eq(id)))) : Optional.empty();
    }

    public boolean voidEpisode(long id, int version, String reason, Instant now) {
        return dsl.update(EPISODE).set(EPISODE.VOIDED, true).set(EPISODE.VOID_REASON, reason)
                .set(EPISODE.UPDATED_AT, now.atOffset(ZoneOffset.UTC)).set(EPISODE.VERSION, version + 1)
                .where(EPISODE.ID.eq(id).and(EPISODE.VERSION.eq(version)).and(EPISODE.VOIDED.isFalse())).execute() == 1;
    }

    /** Inserts a trial; {@code episodeId} and {@code augmentsId} are stored ids. */
    public SavedTrial insertTrial(long patientId, long episodeId, Long augmentsId, TreatmentTrial t, Instant now) {
        TreatmentTrialRecord r = dsl.newRecord(TREATMENT_TRIAL);
        writeTrial(r, episodeId, augmentsId, t);
        r.setPatientId(patientId);
        r.setVoided(false);
        r.setCreatedAt(now.atOffset(ZoneOffset.UTC));
        r.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        r.setVersion(1);
        r.store();
        writeDoses(r.getId(), 1, t.doses());
        return trial(r, t.doses());
    }

    public Optional<SavedTrial> updateTrial(long id, int version, long episodeId, Long augmentsId, TreatmentTrial t,
                                            Instant now) {
        TreatmentTrialRecord r = dsl.newRecord(TREATMENT_TRIAL);
        writeTrial(r, episodeId, augmentsId, t);
        r.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        r.setVersion(version + 1);
        int n = dsl.update(TREATMENT_TRIAL).set(r).where(TREATMENT_TRIAL.ID.eq(id)
                .and(TREATMENT_TRIAL.VERSION.eq(version)).and(TREATMENT_TRIAL.VOIDED.isFalse())).execute();
        if (n != 1) {
            return Optional.empty();
        }
        writeDoses(id, version + 1, t.doses());
        return Optional.of(trial(dsl.fetchSingle(TREATMENT_TRIAL, TREATMENT_TRIAL.ID.eq(id)), t.doses()));
    }

    public boolean voidTrial(long id, int version, String reason, Instant now) {
        return dsl.update(TREATMENT_TRIAL).set(TREATMENT_TRIAL.VOIDED, true).set(TREATMENT_TRIAL.VOID_REASON, reason)
                .set(TREATMENT_TRIAL.UPDATED_AT, now.atOffset(ZoneOffset.UTC)).set(TREATMENT_TRIAL.VERSION, version + 1)
                .where(TREATMENT_TRIAL.ID.eq(id).and(TREATMENT_TRIAL.VERSION.eq(version))
                        .and(TREATMENT_TRIAL.VOIDED.isFalse())).execute() == 1;
    }

    private void writeDoses(long trialId, int trialVersion, List<DoseStep> doses) {
        for (int i = 0; i < doses.size(); i++) {
            dsl.insertInto(TRIAL_DOSE).set(TRIAL_DOSE.TRIAL_ID, trialId).set(TRIAL_DOSE.TRIAL_VERSION, trialVersion)
                    .set(TRIAL_DOSE.STEP_NO, i + 1)
                    .set(TRIAL_DOSE.FROM_DATE, doses.get(i).from()).set(TRIAL_DOSE.MG_PER_DAY, doses.get(i).mgPerDay())
                    .execute();
        }
    }

    private static void writeEpisode(EpisodeRecord r, Episode e, String note) {
        r.setOnset(e.onset());
        r.setEndDate(e.end());
        r.setSeverity(e.severity().name());
        r.setNote(note);
    }

    private static void writeTrial(TreatmentTrialRecord r, long episodeId, Long augmentsId, TreatmentTrial t) {
        r.setEpisodeId(episodeId);
        r.setKind(t.kind().name());
        r.setAgent(t.agent());
        r.setTrialRole(name(t.role()));
        r.setAugmentsId(augmentsId);
        r.setStartDate(t.start());
        r.setEndDate(t.end());
        r.setAdherence(t.adherence().name());
        r.setOutcome(t.outcome().name());
        r.setStopReason(name(t.stopReason()));
        r.setModality(name(t.modality()));
        r.setSessions(t.sessions());
        r.setLaterality(name(t.laterality()));
        r.setProtocol(t.protocol());
        r.setNote(t.note());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E optional(Class<E> type, String stored) {
        return stored == null ? null : StoredValues.enumOf(type, stored);
    }

    private static SavedEpisode episode(EpisodeRecord r) {
        return new SavedEpisode(r.getId(), r.getVersion(), new Episode(Long.toString(r.getId()), r.getOnset(),
                r.getEndDate(), StoredValues.enumOf(Severity.class, r.getSeverity())), r.getNote());
    }

    private static SavedTrial trial(TreatmentTrialRecord r, List<DoseStep> doses) {
        TreatmentTrial t = new TreatmentTrial(Long.toString(r.getId()), Long.toString(r.getEpisodeId()),
                StoredValues.enumOf(TrialKind.class, r.getKind()), r.getAgent(), optional(TrialRole.class, r.getTrialRole()),
                r.getAugmentsId() == null ? null : Long.toString(r.getAugmentsId()), r.getStartDate(), r.getEndDate(),
                doses, StoredValues.enumOf(Adherence.class, r.getAdherence()),
                StoredValues.enumOf(TrialOutcome.class, r.getOutcome()), optional(StopReason.class, r.getStopReason()),
                optional(Modality.class, r.getModality()), r.getSessions(), optional(Laterality.class, r.getLaterality()),
                r.getProtocol(), r.getNote());
        return new SavedTrial(r.getId(), r.getVersion(), t);
    }
}
