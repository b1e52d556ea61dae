package clinic.threshold.service.outcome;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.history.HistoryRepository;
import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.outcome.DuplicateEntryException;
import clinic.threshold.domain.outcome.InstrumentSeries;
import clinic.threshold.domain.outcome.OutcomeClassifier;
import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.OutcomeRules;
import clinic.threshold.domain.outcome.RecordResult;
import clinic.threshold.domain.outcome.RiskAlert;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.outcome.ScaleEntryValidator;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Rating scales: recording an administration (validated, scored, and a suicide-risk alert raised at once
 * when a safety item is above 0), a patient's series per instrument against its baseline, and the review
 * that closes an alert. Recording needs {@code outcome.record}, reading {@code clinical.read}, reviewing
 * an alert {@code safety.review}. An instrument's series baseline is its first entry in the current episode
 * (the whole record when there is none); per TMS course, each instrument is measured from the course baseline.
 */
public final class OutcomeService {
    private static final int MAX_REASON = 400;
    private static final int MAX_NOTE = 2000;

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public OutcomeService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    public List<ScaleDefinition> scales() {
        guard.signedIn();
        return tx.read(dsl -> new OutcomeRepository(dsl).scales());
    }

    public OutcomeOverview overview(long patientId) {
        guard.require(Permission.CLINICAL_READ, "outcome.read", patientId);
        return tx.read(dsl -> overview(dsl, patientId));
    }

    /**
     * Records a scale. Throws {@link ValidationException} naming the form's fields, or {@link
     * DuplicateEntryException} when the instrument is already recorded that day and {@code confirmDuplicate}
     * is false (nothing is saved in either case).
     */
    public RecordResult record(long patientId, ScaleEntry entry, boolean confirmDuplicate) {
        UserSession s = guard.require(Permission.OUTCOME_RECORD, "outcome.record", patientId);
        LocalDate today = LocalDate.now(clock);
        return tx.inDurableTransaction(dsl -> {
            requirePatient(dsl, patientId);
            OutcomeRepository repo = new OutcomeRepository(dsl);
            ScaleDefinition d = repo.scales().stream().filter(x -> x.code().equals(entry.scale())).findFirst()
                    .orElseThrow(() -> new ValidationException(Violation.of("scale", "outcome.error.unknownScale", entry.scale())));
            List<Violation> problems = ScaleEntryValidator.validate(d, entry, today, licensed(dsl));
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            if (!confirmDuplicate && repo.existsOn(patientId, d.code(), entry.date())) {
                throw new DuplicateEntryException(d.name(), entry.date());
            }
            SavedEntry saved = ScaleEntryWriter.write(dsl, guard, s, patientId, d, entry, clock.instant(), "");
            int total = saved.total();
            List<Integer> signals = d.safetySignals(entry);
            String band = d.band(total).map(b -> b.label()).orElse("");
            return new RecordResult(saved, band, d.inRemission(total), signals);
        });
    }

    /**
     * Voids an entry made in error: it leaves the series, the chart and the course outcomes, and stays in the record
     * marked void with the reason. Its suicide-risk alert, if any, stays open and listed until a clinician reviews it.
     */
    public void voidEntry(long patientId, long entryId, int version, String reason) {
        UserSession s = guard.require(Permission.OUTCOME_RECORD, "outcome.void", patientId);
        String why = text(reason, "reason", MAX_REASON, true);
        tx.inTransaction(dsl -> {
            OutcomeRepository repo = new OutcomeRepository(dsl);
            repo.entries(patientId).stream().filter(e -> e.id() == entryId).findFirst()
                    .orElseThrow(() -> new NotFoundException("ScaleEntry", entryId));
            // Voiding must not make a suicide-risk alert disappear: it stays open (and listed) until a
            // clinician documents the review, and only a clinician may void the entry that raised it.
            boolean alerted = repo.openAlerts(patientId).stream().anyMatch(a -> a.entryId() == entryId);
            if (alerted && !guard.may(Permission.SAFETY_REVIEW)) {
                throw new ValidationException(Violation.of("entry", "outcome.error.alertOpen"));
            }
            if (!repo.voidEntry(entryId, version, why)) {
                throw new ConcurrentEditException("ScaleEntry", entryId);
            }
            guard.audit().append(dsl, s.actor(), new AuditEntry("outcome.void", AuditCategory.PATIENT, patientId,
                    "scale_entry", Long.toString(entryId), AuditOutcome.SUCCESS, why
                    + (alerted ? " (its suicide-risk alert stays open until reviewed)" : "")));
            return null;
        });
    }

    /** A clinician documents the suicide-risk review that closes an alert. */
    public void reviewAlert(long patientId, long alertId, int version, String note) {
        UserSession s = guard.require(Permission.SAFETY_REVIEW, "outcome.safety.review", patientId);
        String text = text(note, "note", MAX_NOTE, true);
        tx.inDurableTransaction(dsl -> {
            OutcomeRepository repo = new OutcomeRepository(dsl);
            RiskAlert a = repo.alertsOf(patientId).stream().filter(x -> x.id() == alertId).findFirst()
                    .orElseThrow(() -> new NotFoundException("SafetyAlert", alertId));
            if (!a.open()) {
                throw new ValidationException(Violation.of("alert", "outcome.error.reviewed", a.reviewedBy()));
            }
            if (!repo.review(alertId, version, s.username(), text, clock.instant())) {
                throw new ConcurrentEditException("SafetyAlert", alertId);
            }
            guard.audit().append(dsl, s.actor(), new AuditEntry("outcome.safety.review", AuditCategory.PATIENT, patientId,
                    "safety_alert", Long.toString(alertId), AuditOutcome.SUCCESS, "reviewed"));
            return null;
        });
    }

    /** Every open suicide-risk alert, oldest first: the clinicians' work list. */
    public List<RiskAlert> workList() {
        guard.require(Permission.SAFETY_REVIEW, "outcome.worklist", null);
        return tx.read(dsl -> new OutcomeRepository(dsl).openAlerts(null));
    }

    private OutcomeOverview overview(DSLContext dsl, long patientId) {
        requirePatient(dsl, patientId);
        OutcomeRepository repo = new OutcomeRepository(dsl);
        LocalDate today = LocalDate.now(clock);
        List<ScaleDefinition> scales = repo.scales();
        OutcomeRules outcomeRules = rules(repo.rules(), today);
        OutcomeClassifier classifier = new OutcomeClassifier(outcomeRules);
        LocalDate from = new HistoryRepository(dsl).load(patientId).episodes().stream().map(SavedEpisode::episode)
                .filter(e -> e.end() == null).map(e -> e.onset()).max(Comparator.naturalOrder()).orElse(null);
        Map<String, List<SavedEntry>> byScale = repo.entries(patientId).stream()
                .collect(Collectors.groupingBy(e -> e.entry().scale()));
        List<InstrumentSeries> series = new ArrayList<>();
        for (ScaleDefinition d : scales) {
            List<SavedEntry> entries = byScale.getOrDefault(d.code(), List.of());
            if (entries.isEmpty()) {
                continue;
            }
            SavedEntry baseline = entries.stream().filter(e -> from == null || !e.entry().date().isBefore(from))
                    .findFirst().orElse(null);
            SavedEntry latest = entries.get(entries.size() - 1);
            OutcomeClassifier.Result result = baseline == null || baseline == latest ? null
                    : classifier.classify(d, baseline.total(), latest.total());
            OutcomeClassifier.Point firstResponse = null;
            OutcomeClassifier.Point firstRemission = null;
            if (baseline != null) {
                OutcomeClassifier.Point base = new OutcomeClassifier.Point(baseline.entry().date(), baseline.total());
                List<OutcomeClassifier.Point> after = entries.stream().filter(e -> e != baseline)
                        .map(e -> new OutcomeClassifier.Point(e.entry().date(), e.total())).toList();
                firstResponse = classifier.firstResponse(d, base, after).orElse(null);
                firstRemission = classifier.firstRemission(d, base, after).orElse(null);
            }
            series.add(new InstrumentSeries(d, entries, baseline, result, firstResponse, firstRemission));
        }
        // TMS courses: each instrument measured from the course baseline, and the phases behind the trend.
        List<clinic.threshold.domain.outcome.CourseWindow> windows = windows(dsl, patientId, today);
        return new OutcomeOverview(today, series, repo.openAlerts(patientId), scales, from, windows,
                perCourse(dsl, windows, scales, byScale, classifier, today), licensed(dsl), outcomeRules);
    }

    /**
     * Each TMS course of the patient measured from its own baseline, per instrument, as the Outcomes tab shows it:
     * for readers that need a course's response without the whole overview (a payer's prior-response rule).
     */
    public static List<clinic.threshold.domain.outcome.CourseOutcome> courseOutcomes(DSLContext dsl, long patientId, LocalDate today) {
        OutcomeRepository repo = new OutcomeRepository(dsl);
        Map<String, List<SavedEntry>> byScale = repo.entries(patientId).stream()
                .collect(Collectors.groupingBy(e -> e.entry().scale()));
        return perCourse(dsl, windows(dsl, patientId, today), repo.scales(), byScale,
                new OutcomeClassifier(rules(repo.rules(), today)), today);
    }

    private static List<clinic.threshold.domain.outcome.CourseWindow> windows(DSLContext dsl, long patientId, LocalDate today) {
        var ref = clinic.threshold.service.tms.PatientCourses.reference(dsl, today);
        return clinic.threshold.service.tms.PatientCourses.track(dsl, patientId, ref, today).stream()
                .map(clinic.threshold.service.tms.PatientCourses::window).toList();
    }

    private static List<clinic.threshold.domain.outcome.CourseOutcome> perCourse(DSLContext dsl,
            List<clinic.threshold.domain.outcome.CourseWindow> windows, List<ScaleDefinition> scales,
            Map<String, List<SavedEntry>> byScale, OutcomeClassifier classifier, LocalDate today) {
        var schedule = clinic.threshold.service.tms.PatientCourses.scheduleRules(dsl, today);
        List<clinic.threshold.domain.outcome.CourseOutcome> perCourse = new ArrayList<>();
        for (var w : windows) {
            perCourse.addAll(clinic.threshold.domain.outcome.CourseOutcome.of(w, scales, byScale, classifier,
                    schedule.baselineDaysBefore(), schedule.windowDays()));
        }
        return perCourse;
    }

    /** The response thresholds in force (rule values are whole percentages). */
    public static OutcomeRules rules(List<RuleSetting> all, LocalDate on) {
        Map<String, String> v = RuleSetting.inForce(all, on).stream()
                .collect(Collectors.toMap(RuleSetting::key, RuleSetting::value));
        return new OutcomeRules(Integer.parseInt(v.get("response.minReductionPct")),
                Integer.parseInt(v.get("partialResponse.minReductionPct")));
    }

    /** Whether the clinic holds the licences of licensed instruments (a clinic setting; off unless set). */
    static boolean licensed(DSLContext dsl) {
        return new clinic.threshold.data.settings.SettingsRepository(dsl)
                .get(clinic.threshold.service.settings.SettingsService.LICENSED_ITEMS).map(Boolean::parseBoolean).orElse(false);
    }

    private static void requirePatient(DSLContext dsl, long patientId) {
        new PatientRepository(dsl).findById(patientId).filter(p -> !p.voided())
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
    }

    private static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new ValidationException(Violation.of(field, "validation.required"));
            }
            return null;
        }
        if (value.strip().length() > max) {
            throw new ValidationException(Violation.of(field, "outcome.error.tooLong", max));
        }
        return value.strip();
    }
}
