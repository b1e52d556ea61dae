package clinic.threshold.domain.payer;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An approved authorization against the course it covers: units (sessions) used inside the window and left, days left
 * in the window, and the alerts the front desk needs before either runs out or the plan goes past them.
 */
public record UnitCountdown(AuthStatus status, int used, Integer left, Long daysLeft, List<Alert> alerts) {

    public enum AlertKind {
        WINDOW_ENDED, WINDOW_ENDING, UNITS_USED_UP, UNITS_LOW, PLAN_PASSES_WINDOW, PLAN_PASSES_UNITS, DELIVERED_OUTSIDE_WINDOW
    }

    /** An alert with its numbers (days, units or sessions, and the day concerned when there is one). */
    public record Alert(AlertKind kind, int count, LocalDate day) {
    }

    public UnitCountdown {
        alerts = List.copyOf(alerts);
    }

    /** As {@link #of(PriorAuthorization, List, List, LocalDate, AuthorizationRules, boolean)} for a request still in use. */
    public static UnitCountdown of(PriorAuthorization a, List<LocalDate> delivered, List<LocalDate> planned, LocalDate today,
            AuthorizationRules rules) {
        return of(a, delivered, planned, today, rules, true);
    }

    /**
     * Counts {@code delivered} session days inside the window as used units and checks the {@code planned} days still
     * to come (from the window's first day) against the window and the units left. Only approvals in use alert: not
     * one whose course has ended, nor a first approval an extension has taken over ({@code live} false).
     */
    public static UnitCountdown of(PriorAuthorization a, List<LocalDate> delivered, List<LocalDate> planned, LocalDate today,
            AuthorizationRules rules, boolean live) {
        AuthStatus status = a.statusOn(today);
        int used = (int) delivered.stream().filter(d -> inWindow(a, d)).count();
        Integer left = a.units() == null ? null : Math.max(0, a.units() - used);
        Long daysLeft = a.last() == null ? null : ChronoUnit.DAYS.between(today, a.last());
        List<Alert> alerts = new ArrayList<>();
        if (a.status() != AuthStatus.APPROVED || !live) {
            return new UnitCountdown(status, used, left, daysLeft, alerts);
        }
        if (status == AuthStatus.EXPIRED) {
            alerts.add(new Alert(AlertKind.WINDOW_ENDED, 0, a.last()));
        } else if (daysLeft != null && daysLeft <= rules.alertDaysBeforeEnd()) {
            alerts.add(new Alert(AlertKind.WINDOW_ENDING, daysLeft.intValue(), a.last()));
        }
        if (left != null && left == 0) {
            alerts.add(new Alert(AlertKind.UNITS_USED_UP, a.units(), null));
        } else if (left != null && left <= rules.alertUnitsLeft()) {
            alerts.add(new Alert(AlertKind.UNITS_LOW, left, null));
        }
        // Planned days before the window (an extension's) belong to the earlier approval, not to these units.
        List<LocalDate> ahead = planned.stream().filter(d -> !d.isBefore(today) && (a.first() == null || !d.isBefore(a.first())))
                .toList();
        List<LocalDate> past = ahead.stream().filter(d -> a.last() != null && d.isAfter(a.last())).toList();
        if (status != AuthStatus.EXPIRED && !past.isEmpty()) {
            alerts.add(new Alert(AlertKind.PLAN_PASSES_WINDOW, past.size(), past.get(0)));
        }
        if (left != null && ahead.size() > left) {
            alerts.add(new Alert(AlertKind.PLAN_PASSES_UNITS, ahead.size() - left, ahead.get(left)));
        }
        // Sessions before an extension's window were the first authorization's; after any window, nobody's.
        long outside = delivered.stream().filter(d -> a.last() != null && d.isAfter(a.last())
                || a.kind() != AuthKind.EXTENSION && a.first() != null && d.isBefore(a.first())).count();
        if (outside > 0) {
            alerts.add(new Alert(AlertKind.DELIVERED_OUTSIDE_WINDOW, (int) outside, null));
        }
        return new UnitCountdown(status, used, left, daysLeft, alerts);
    }

    private static boolean inWindow(PriorAuthorization a, LocalDate d) {
        return (a.first() == null || !d.isBefore(a.first())) && (a.last() == null || !d.isAfter(a.last()));
    }
}
