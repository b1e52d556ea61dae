package clinic.threshold.domain.audit;

import java.util.List;

/**
 * One event of the trail as another workstation's screens see it (ADR 0025): which patient it concerns, who did it,
 * and whether it changed records at all. Reading, printing, previewing and exporting a chart are audited too, but
 * must never make other screens reload: a reload reads the chart again, which would be audited, and two open charts
 * would then keep reloading each other.
 */
public record RecordChange(long seq, Long patientId, Long userId, String action, AuditOutcome outcome, String rowHash) {
    /** The endings of actions that only look at records (patient.read, letter.print, tms.preview, report.run ...). */
    public static final List<String> LOOK_ONLY = List.of(".read", ".print", ".preview", ".export", ".run", ".search");

    /** A change that happened: not a look, and not a refused or failed attempt (which changed nothing). */
    public boolean changesRecords() {
        return outcome == AuditOutcome.SUCCESS && LOOK_ONLY.stream().noneMatch(action::endsWith);
    }
}
