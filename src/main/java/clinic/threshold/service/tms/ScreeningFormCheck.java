package clinic.threshold.service.tms;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.tms.ScreeningItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The checks of a new screening form version, and what changed from the version before (for the audit). */
final class ScreeningFormCheck {
    /** The widths of the screening_item columns. */
    private static final int MAX_TEXT = 300;
    private static final int MAX_SOURCE = 600;

    private ScreeningFormCheck() {
    }

    static List<Violation> check(List<ScreeningItem> items) {
        List<Violation> out = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            out.add(Violation.of("items", "reference.error.formEmpty"));
            return out;
        }
        Set<Integer> seen = new HashSet<>();
        for (ScreeningItem i : items) {
            String field = "item" + i.number();
            if (i.number() < 1) {
                out.add(Violation.of(field, "reference.error.notPositive"));
            } else if (!seen.add(i.number())) {
                out.add(Violation.of(field, "reference.error.itemTwice", i.number()));
            }
            if (i.text() == null || i.text().isBlank()) {
                out.add(Violation.of(field, "validation.required"));
            } else if (i.text().strip().length() > MAX_TEXT) {
                out.add(Violation.of(field, "reference.error.tooLong", MAX_TEXT));
            }
            if (i.severity() == null || i.confidence() == null) {
                out.add(Violation.of(field, "validation.required"));
            }
            if (i.source() == null || i.source().isBlank()) {
                out.add(Violation.of(field, "reference.error.itemSourceRequired", i.number()));
            } else if (i.source().strip().length() > MAX_SOURCE) {
                out.add(Violation.of(field, "reference.error.tooLong", MAX_SOURCE));
            }
        }
        return out;
    }

    static boolean same(List<ScreeningItem> before, List<ScreeningItem> after) {
        return before.size() == after.size() && changes(before, after).equals("no change");
    }

    /** "added 20; retired 4; changed 6, 11" (item numbers), or "no change". */
    static String changes(List<ScreeningItem> before, List<ScreeningItem> after) {
        Map<Integer, ScreeningItem> old = before.stream().collect(Collectors.toMap(ScreeningItem::number, Function.identity()));
        Map<Integer, ScreeningItem> now = after.stream().collect(Collectors.toMap(ScreeningItem::number, Function.identity(),
                (a, b) -> a));
        List<String> parts = new ArrayList<>();
        part("added", now.keySet().stream().filter(n -> !old.containsKey(n)).sorted().toList(), parts);
        part("retired", old.keySet().stream().filter(n -> !now.containsKey(n)).sorted().toList(), parts);
        part("changed", now.keySet().stream().filter(old::containsKey).filter(n -> differs(old.get(n), now.get(n))).sorted()
                .toList(), parts);
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

    private static boolean differs(ScreeningItem a, ScreeningItem b) {
        return !Objects.equals(strip(a.text()), strip(b.text())) || a.severity() != b.severity()
                || a.confidence() != b.confidence() || !Objects.equals(strip(a.source()), strip(b.source()));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static void part(String what, List<Integer> numbers, List<String> out) {
        if (!numbers.isEmpty()) {
            out.add(what + " " + numbers.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }
}
