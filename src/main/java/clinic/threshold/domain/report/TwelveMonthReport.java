package clinic.threshold.domain.report;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remission and response at twelve months (docs/reports.md, "Remission and response at 12 months"; CMS159 / MIPS 370
 * and CBE 1885 as domain.md 3 gives them): patients whose first qualifying score in the range (the index) is above the
 * index threshold, with a depressive diagnosis and none of the excluding ones, and old enough at the index; the last
 * score inside the window around twelve months after the index decides remission (below the cut-off) and response (a
 * fall of at least the response share from the index score). A patient whose window has not closed is not counted yet.
 */
public final class TwelveMonthReport {
    private TwelveMonthReport() {
    }

    /** The measure's numbers and code lists, all reference data (outcome_rule report.cms159.*). */
    public record Rules(String scale, int indexAbove, int remissionBelow, int months, int windowDays, int minAge, int responseReductionPct,
            List<String> diagnosisCodes, List<String> excludedCodes) {
        public Rules {
            diagnosisCodes = List.copyOf(diagnosisCodes);
            excludedCodes = List.copyOf(excludedCodes);
        }

        /** A code matches a listed code or any code under it ("F33" covers "F33.2", "F33.4" covers "F33.41"). */
        static boolean listed(List<String> codes, String code) {
            return code != null && codes.stream().anyMatch(code::startsWith);
        }
    }

    public record Score(LocalDate date, int total) {
    }

    /** A patient with their primary diagnosis code, their group (the breakdown chosen) and scores, oldest first. */
    public record Patient(LocalDate birthDate, String diagnosis, String group, List<Score> scores) {
        public Patient {
            scores = List.copyOf(scores);
        }
    }

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("group", ReportTable.Kind.TEXT),
            new ReportTable.Column("denominator", ReportTable.Kind.COUNT),
            new ReportTable.Column("remitted", ReportTable.Kind.COUNT),
            new ReportTable.Column("remissionPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("responded", ReportTable.Kind.COUNT),
            new ReportTable.Column("responsePct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("noScoreInWindow", ReportTable.Kind.COUNT),
            new ReportTable.Column("windowOpen", ReportTable.Kind.COUNT),
            new ReportTable.Column("excluded", ReportTable.Kind.COUNT));

    private enum Kind {
        MEASURED, NO_SCORE, WINDOW_OPEN, EXCLUDED
    }

    /** Where a patient ends up; remission and response are judged separately (the rules may make either alone possible). */
    private record Fate(Kind kind, boolean remitted, boolean responded) {
        static Fate of(Kind k) {
            return new Fate(k, false, false);
        }
    }

    private static final class Tally {
        int denominator;
        int remitted;
        int responded;
        int noScore;
        int open;
        int excluded;
    }

    public static ReportResult compute(ReportParams params, Rules rules, List<Patient> patients, LocalDate today, boolean grouped) {
        Map<String, Tally> byGroup = new TreeMap<>();
        Tally all = new Tally();
        int notEligible = 0;
        for (Patient p : patients) {
            Score index = p.scores().stream().filter(s -> params.covers(s.date()) && s.total() > rules.indexAbove()).findFirst()
                    .orElse(null);
            // An excluding diagnosis (bipolar, psychotic...) is counted as excluded, not as a patient without depression.
            if (index == null || Period.between(p.birthDate(), index.date()).getYears() < rules.minAge()
                    || !Rules.listed(rules.diagnosisCodes(), p.diagnosis()) && !Rules.listed(rules.excludedCodes(), p.diagnosis())) {
                notEligible += index == null ? 0 : 1;
                continue;
            }
            Fate f = fate(p, index, rules, today);
            tally(all, f);
            if (grouped) {
                tally(byGroup.computeIfAbsent(p.group(), k -> new Tally()), f);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        byGroup.forEach((g, t) -> rows.add(row(g, t)));
        rows.add(row(ReportTable.TOTAL, all));
        return new ReportResult(ReportId.REMISSION_12_MONTHS, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "group", List.of("remissionPct", "responsePct")),
                List.of(new ReportResult.Note("report.note.twelve.rules", List.of(rules.scale(), rules.indexAbove(), rules.months(), rules.windowDays(),
                                rules.remissionBelow(), rules.responseReductionPct())),
                        new ReportResult.Note("report.note.twelve.notEligible", List.of(notEligible, rules.minAge())),
                        new ReportResult.Note("report.note.twelve.unrecorded", List.of())));
    }

    private static Fate fate(Patient p, Score index, Rules rules, LocalDate today) {
        if (Rules.listed(rules.excludedCodes(), p.diagnosis())) {
            return Fate.of(Kind.EXCLUDED);
        }
        LocalDate mid = index.date().plusMonths(rules.months());
        LocalDate first = mid.minusDays(rules.windowDays());
        LocalDate last = mid.plusDays(rules.windowDays());
        if (!last.isBefore(today)) {
            return Fate.of(Kind.WINDOW_OPEN);
        }
        Score end = null;
        for (Score s : p.scores()) {
            if (!s.date().isBefore(first) && !s.date().isAfter(last)) {
                end = s; // scores are oldest first: the last one in the window wins
            }
        }
        if (end == null) {
            return Fate.of(Kind.NO_SCORE);
        }
        boolean responded = (long) (index.total() - end.total()) * 100 >= (long) rules.responseReductionPct() * index.total();
        return new Fate(Kind.MEASURED, end.total() < rules.remissionBelow(), responded);
    }

    private static void tally(Tally t, Fate f) {
        switch (f.kind()) {
            case EXCLUDED -> t.excluded++;
            case WINDOW_OPEN -> t.open++;
            default -> {
                t.denominator++;
                t.noScore += f.kind() == Kind.NO_SCORE ? 1 : 0;
                t.remitted += f.remitted() ? 1 : 0;
                t.responded += f.responded() ? 1 : 0;
            }
        }
    }

    private static List<Object> row(String group, Tally t) {
        List<Object> row = new ArrayList<>();
        row.add(group);
        row.add(t.denominator);
        row.add(t.remitted);
        row.add(Stats.percent(t.remitted, t.denominator));
        row.add(t.responded);
        row.add(Stats.percent(t.responded, t.denominator));
        row.add(t.noScore);
        row.add(t.open);
        row.add(t.excluded);
        return row;
    }
}
