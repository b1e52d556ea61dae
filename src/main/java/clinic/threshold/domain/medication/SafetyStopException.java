package clinic.threshold.domain.medication;

import java.util.List;

/**
 * A save met a hard stop (an interaction or washout the rules forbid) without a documented override; nothing
 * was saved. {@link #alerts()} holds every alert the change raised, hard stops first.
 */
public class SafetyStopException extends RuntimeException {
    private final transient List<SafetyAlert> alerts;

    public SafetyStopException(List<SafetyAlert> alerts) {
        super("Hard stop: " + alerts.stream().filter(SafetyAlert::hardStop).map(SafetyAlert::ruleCode).toList());
        this.alerts = List.copyOf(alerts);
    }

    public List<SafetyAlert> alerts() {
        return alerts;
    }
}
