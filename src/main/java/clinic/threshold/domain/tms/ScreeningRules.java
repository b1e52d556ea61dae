package clinic.threshold.domain.tms;

import clinic.threshold.domain.common.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The screening rules of domain.md 5.2: every item answered; a "yes" to an absolute or physician-review item
 * says what it is; any absolute "yes" blocks a course; a physician-review "yes" needs a documented clearance.
 */
public final class ScreeningRules {
    private static final int MAX_DETAIL = 400;

    private ScreeningRules() {
    }

    public static List<Violation> validate(List<ScreeningItem> form, List<ScreeningAnswer> answers) {
        Map<Integer, ScreeningAnswer> byItem = answers.stream()
                .collect(Collectors.toMap(ScreeningAnswer::item, Function.identity(), (a, b) -> a));
        List<Violation> out = new ArrayList<>();
        if (byItem.size() != answers.size()) {
            out.add(Violation.of("answers", "tms.error.answeredTwice"));
        }
        for (ScreeningAnswer a : answers) {
            if (form.stream().noneMatch(i -> i.number() == a.item())) {
                out.add(Violation.of("item" + a.item(), "tms.error.unknownItem", a.item()));
            }
        }
        for (ScreeningItem item : form) {
            ScreeningAnswer a = byItem.get(item.number());
            if (a == null) {
                out.add(Violation.of("item" + item.number(), "tms.error.unanswered", item.number()));
            } else if (a.yes() && item.severity() != ScreeningSeverity.INFO && blank(a.detail())) {
                out.add(Violation.of("item" + item.number(), "tms.error.detailRequired", item.number()));
            } else if (a.detail() != null && a.detail().strip().length() > MAX_DETAIL) {
                out.add(Violation.of("item" + item.number(), "tms.error.tooLong", MAX_DETAIL));
            }
        }
        return out;
    }

    public static ScreeningStatus status(List<ScreeningItem> form, Screening s) {
        boolean absolute = yesTo(form, s, ScreeningSeverity.ABSOLUTE);
        if (absolute) {
            return ScreeningStatus.BLOCKED;
        }
        if (yesTo(form, s, ScreeningSeverity.PHYSICIAN_REVIEW)) {
            return s.cleared() ? ScreeningStatus.CLEARED : ScreeningStatus.NEEDS_CLEARANCE;
        }
        return ScreeningStatus.PASSED;
    }

    /** The items answered "yes" with the given severity. */
    public static List<ScreeningItem> yesItems(List<ScreeningItem> form, Screening s, ScreeningSeverity severity) {
        return form.stream().filter(i -> i.severity() == severity)
                .filter(i -> s.answers().stream().anyMatch(a -> a.item() == i.number() && a.yes())).toList();
    }

    private static boolean yesTo(List<ScreeningItem> form, Screening s, ScreeningSeverity severity) {
        return !yesItems(form, s, severity).isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
