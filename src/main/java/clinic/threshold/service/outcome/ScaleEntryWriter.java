package clinic.threshold.service.outcome;

import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Stores a validated scale entry, audits it and raises the suicide-risk alert in the same transaction. The one
 * path for an entry typed on the Outcomes tab and one read from an imported history, so neither can skip the alert.
 */
final class ScaleEntryWriter {
    private ScaleEntryWriter() {
    }

    /** {@code how}: appended to the audit detail ("" when typed in, " (imported)" for an import). */
    static SavedEntry write(DSLContext dsl, Guard guard, UserSession s, long patientId, ScaleDefinition d, ScaleEntry entry,
                            Instant now, String how) {
        OutcomeRepository repo = new OutcomeRepository(dsl);
        int total = entry.isTotalOnly() ? entry.totalOnly() : d.total(entry.items());
        SavedEntry saved = repo.insert(patientId, entry, d.safetyItem().map(i -> i.number()).orElse(null), total,
                s.username(), now);
        guard.audit().append(dsl, s.actor(), new AuditEntry("outcome.record", AuditCategory.PATIENT, patientId,
                "scale_entry", Long.toString(saved.id()), AuditOutcome.SUCCESS, d.name() + " " + entry.date()
                + ": " + total + (entry.isTotalOnly() ? " (total only)" : "") + how));
        List<Integer> signals = d.safetySignals(entry);
        if (!signals.isEmpty()) {
            String items = signals.stream().map(String::valueOf).collect(Collectors.joining(","));
            long alert = repo.insertAlert(patientId, saved.id(), items, now);
            guard.audit().append(dsl, s.actor(), new AuditEntry("outcome.safety.raised", AuditCategory.PATIENT,
                    patientId, "safety_alert", Long.toString(alert), AuditOutcome.SUCCESS, d.name() + " item(s) "
                    + items + " above 0"));
        }
        return saved;
    }
}
