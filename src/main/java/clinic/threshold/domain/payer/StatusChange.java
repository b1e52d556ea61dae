package clinic.threshold.domain.payer;

import clinic.threshold.domain.common.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A request moving to a new status on a day, with what the move needs: an approval its number, units and window, a
 * denial its reason. {@link #check} says everything wrong at once.
 */
public record StatusChange(AuthStatus to, LocalDate on, String number, Integer units, LocalDate first, LocalDate last,
        String reason, String note) {
    private static final int MAX_REASON = 400;
    private static final int MAX_NUMBER = 60;

    public List<Violation> check(PriorAuthorization current, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        if (to == null) {
            out.add(Violation.of("status", "validation.required"));
            return out;
        }
        if (!current.status().next().contains(to)) {
            out.add(Violation.of("status", "auth.error.move", current.status(), to, current.status().next()));
        }
        if (on == null) {
            out.add(Violation.of("on", "validation.required"));
        } else if (on.isAfter(today)) {
            out.add(Violation.of("on", "auth.error.future", on));
        } else if (current.submittedOn() != null && on.isBefore(current.submittedOn())) {
            out.add(Violation.of("on", "auth.error.beforeSubmitted", on, current.submittedOn()));
        }
        if (to == AuthStatus.APPROVED) {
            if (blank(number)) {
                out.add(Violation.of("number", "auth.error.numberRequired"));
            } else if (number.strip().length() > MAX_NUMBER) {
                out.add(Violation.of("number", "validation.tooLong", MAX_NUMBER));
            }
            if (units == null || units <= 0) {
                out.add(Violation.of("units", "auth.error.unitsRequired"));
            }
            if (first == null || last == null) {
                out.add(Violation.of("window", "auth.error.windowRequired"));
            } else if (last.isBefore(first)) {
                out.add(Violation.of("window", "auth.error.windowOrder", first, last));
            }
        }
        if ((to == AuthStatus.DENIED || to == AuthStatus.PENDING_INFO || to == AuthStatus.APPEAL) && blank(reason)) {
            out.add(Violation.of("reason", "auth.error.reasonRequired." + to.name()));
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            out.add(Violation.of("reason", "validation.tooLong", MAX_REASON));
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
