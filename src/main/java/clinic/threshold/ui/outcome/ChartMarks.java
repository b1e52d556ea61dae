package clinic.threshold.ui.outcome;

import clinic.threshold.domain.outcome.CourseOutcome;
import clinic.threshold.domain.outcome.InstrumentSeries;
import clinic.threshold.domain.outcome.OutcomeClassifier;
import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the trend chart marks on a plotted entry, in words. An instrument measured over a TMS course is marked from
 * each course's baseline (the baseline, the first response and the first remission, by session), as the course
 * table reads it; the episode's baseline and firsts are marked only for instruments no course measures, so that
 * two baselines of one line never compete on the chart.
 */
final class ChartMarks {
    /** The marks of one entry; {@code baseline}: one of them is a baseline (drawn differently). */
    record Mark(List<String> words, boolean baseline) {
    }

    private ChartMarks() {
    }

    /** The marks by entry id. */
    static Map<Long, Mark> of(OutcomeOverview o) {
        Map<Long, List<String>> words = new LinkedHashMap<>();
        Map<Long, Boolean> baselines = new LinkedHashMap<>();
        Set<String> byCourse = o.courseOutcomes().stream().map(c -> c.scale().code()).collect(Collectors.toSet());
        int pct = o.rules().responsePct();
        for (CourseOutcome c : o.courseOutcomes()) {
            List<SavedEntry> entries = entriesOf(o, c.scale().code());
            String course = Messages.get("outcome.course.label", c.course().label(),
                    clinic.threshold.ui.common.Formats.date(c.course().start()));
            add(words, c.baseline().id(), Messages.get("outcome.chart.courseBaseline", course));
            baselines.put(c.baseline().id(), true);
            entryAt(entries, c, c.firstResponse()).ifPresent(e -> add(words, e.id(),
                    Messages.get("outcome.chart.courseResponse", course, c.firstResponseSession(), pct)));
            entryAt(entries, c, c.firstRemission()).ifPresent(e -> add(words, e.id(),
                    Messages.get("outcome.chart.courseRemission", course, c.firstRemissionSession())));
        }
        for (InstrumentSeries s : o.series()) {
            if (byCourse.contains(s.scale().code()) || s.baseline() == null) {
                continue;
            }
            add(words, s.baseline().id(), Messages.get("outcome.chart.baseline"));
            baselines.put(s.baseline().id(), true);
            firstOn(s, s.firstResponse()).ifPresent(e -> add(words, e.id(), Messages.get("outcome.chart.firstResponse", pct)));
            firstOn(s, s.firstRemission()).ifPresent(e -> add(words, e.id(), Messages.get("outcome.chart.firstRemission")));
        }
        Map<Long, Mark> out = new LinkedHashMap<>();
        words.forEach((id, w) -> out.put(id, new Mark(List.copyOf(w), baselines.getOrDefault(id, false))));
        return out;
    }

    private static void add(Map<Long, List<String>> words, long entryId, String text) {
        words.computeIfAbsent(entryId, k -> new ArrayList<>()).add(text);
    }

    private static List<SavedEntry> entriesOf(OutcomeOverview o, String scale) {
        return o.series().stream().filter(s -> s.scale().code().equals(scale)).flatMap(s -> s.entries().stream()).toList();
    }

    /** The entry a course's first response or remission was read from: of that day and total, after the baseline. */
    private static java.util.Optional<SavedEntry> entryAt(List<SavedEntry> entries, CourseOutcome c,
            OutcomeClassifier.Point p) {
        if (p == null) {
            return java.util.Optional.empty();
        }
        return entries.stream().filter(e -> e.entry().date().isAfter(c.baseline().entry().date()))
                .filter(e -> e.entry().date().equals(p.date()) && e.total() == p.total()).findFirst();
    }

    private static java.util.Optional<SavedEntry> firstOn(InstrumentSeries s, OutcomeClassifier.Point p) {
        if (p == null) {
            return java.util.Optional.empty();
        }
        return s.entries().stream().filter(e -> e != s.baseline() && e.entry().date().equals(p.date())
                && e.total() == p.total()).findFirst();
    }
}
