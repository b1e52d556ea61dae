package clinic.threshold.service.outcome;

import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.HistoryDocument.ScaleResult;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.outcome.ScaleEntryValidator;
import clinic.threshold.domain.payer.FactsFromHistory;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Rating-scale results moving in and out with a history file ({@code threshold-history/1}). Each result is checked
 * by the same rules as an entry typed on the Outcomes tab, with its problems named by JSON path, and stored through
 * the same writer, so an imported item 9 above 0 raises its alert like a typed one.
 */
public final class ScaleImport {
    /** Stored as the rater when the file does not say who rated it (the format makes it optional). */
    public static final String UNRECORDED_RATER = "not recorded (imported)";

    private ScaleImport() {
    }

    /** One result, checked and ready to store. */
    public record Pending(ScaleDefinition definition, ScaleEntry entry) {
    }

    /**
     * Checks every result against the clinic's scale definitions and the patient's stored entries; the problems
     * are added to {@code problems} (fields {@code assessments[i]...}) and the good results returned.
     */
    public static List<Pending> check(DSLContext dsl, Long patientId, List<ScaleResult> results, LocalDate today,
                                      List<Violation> problems) {
        OutcomeRepository repo = new OutcomeRepository(dsl);
        List<ScaleDefinition> scales = repo.scales();
        boolean licensed = OutcomeService.licensed(dsl);
        // patientId is null when the file's MRN is unknown: the scales are still checked, so every problem is listed.
        List<SavedEntry> stored = results.isEmpty() || patientId == null ? List.of() : repo.entries(patientId);
        List<Pending> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String path = "assessments[" + i + "]";
            ScaleResult r = results.get(i);
            Optional<ScaleDefinition> found = find(scales, r.instrument());
            if (found.isEmpty()) {
                problems.add(Violation.of(path + ".instrument", "history.error.unknownInstrument", r.instrument(),
                        scales.stream().map(ScaleDefinition::name).collect(Collectors.joining(", "))));
                continue;
            }
            ScaleDefinition d = found.get();
            int before = problems.size();
            Integer total = wholeTotal(r.total(), path, problems);
            if (problems.size() > before) {
                continue;
            }
            String rater = r.ratedBy() == null ? UNRECORDED_RATER : r.ratedBy();
            ScaleEntry entry = r.items().isEmpty()
                    ? new ScaleEntry(d.code(), r.date(), List.of(), total, rater, r.safetyValue())
                    : new ScaleEntry(d.code(), r.date(), r.items(), null, rater);
            for (Violation v : ScaleEntryValidator.validate(d, entry, today, licensed)) {
                problems.add(new Violation(path + "." + v.field(), v.messageKey(), v.args()));
            }
            if (problems.size() == before && !r.items().isEmpty()) {
                if (total != null && total != d.total(r.items())) {
                    problems.add(Violation.of(path + ".total", "history.error.totalMismatch", total, d.total(r.items())));
                }
                if (r.safetyValue() != null) {
                    problems.add(Violation.of(path + ".safetyValue", "history.error.safetyValueWithItems"));
                }
            }
            if (stored.stream().anyMatch(e -> e.entry().scale().equals(d.code()) && e.entry().date().equals(r.date()))) {
                problems.add(Violation.of(path, "history.error.scaleAlreadyRecorded", d.name(), r.date()));
            }
            if (problems.size() == before) {
                out.add(new Pending(d, entry));
            }
        }
        return out;
    }

    /** Whether storing {@code pending} raises a suicide-risk alert (the import then commits durably, as typing does). */
    public static boolean raisesAlert(List<Pending> pending) {
        return pending.stream().anyMatch(p -> !p.definition().safetySignals(p.entry()).isEmpty());
    }

    /** Stores checked results for the patient, each audited as an import. */
    public static void store(DSLContext dsl, Guard guard, UserSession s, long patientId, List<Pending> pending,
                             Instant now) {
        for (Pending p : pending) {
            ScaleEntryWriter.write(dsl, guard, s, patientId, p.definition(), p.entry(), now, " (imported)");
        }
    }

    /** The patient's stored (not voided) entries as interchange results, oldest first. */
    public static List<ScaleResult> export(DSLContext dsl, long patientId) {
        OutcomeRepository repo = new OutcomeRepository(dsl);
        Map<String, ScaleDefinition> byCode = repo.scales().stream()
                .collect(Collectors.toMap(ScaleDefinition::code, Function.identity()));
        List<ScaleResult> out = new ArrayList<>();
        for (SavedEntry e : repo.entries(patientId)) {
            ScaleDefinition d = byCode.get(e.entry().scale());
            String name = d == null ? e.entry().scale() : d.name();
            out.add(new ScaleResult(name, e.entry().date(), BigDecimal.valueOf(e.total()), e.entry().items(),
                    e.entry().ratedBy(), e.entry().isTotalOnly() ? e.entry().safetyValue() : null));
        }
        return out;
    }

    /** By the app's code ("PHQ9"), the scale's name in any case ("phq-9"), or the spellings people write. */
    static Optional<ScaleDefinition> find(List<ScaleDefinition> scales, String instrument) {
        if (instrument == null) {
            return Optional.empty();
        }
        String code = FactsFromHistory.scaleCode(instrument);
        return scales.stream().filter(d -> d.code().equals(code) || d.code().equalsIgnoreCase(instrument.strip())
                || d.name().toLowerCase(Locale.ROOT).equals(instrument.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    private static Integer wholeTotal(BigDecimal total, String path, List<Violation> problems) {
        if (total == null) {
            return null;
        }
        BigDecimal t = total.stripTrailingZeros();
        if (t.scale() > 0) {
            problems.add(Violation.of(path + ".total", "history.error.notWholeNumber", total.toPlainString()));
            return null;
        }
        try {
            return t.intValueExact();
        } catch (ArithmeticException e) {
            problems.add(Violation.of(path + ".total", "history.error.notWholeNumber", total.toPlainString()));
            return null;
        }
    }
}
