package clinic.threshold.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TRD profile of the clinic's patients (docs/reports.md, "TRD profile"): how many failed adequate trials in the
 * current episode, which Thase-Rush stage and Maudsley band, and how many meet the TRD definition, each as the chart's
 * TRD assessment computes it from the structured history.
 */
public final class TrdProfileReport {
    private TrdProfileReport() {
    }

    /** One patient's assessment: failed adequate trials, Thase-Rush stage (0-5), Maudsley band code (null without an episode). */
    public record Profile(int failedTrials, int thaseRushStage, String maudsleyBand, boolean trd) {
    }

    public static final String FAILED = "failedTrials";
    public static final String THASE_RUSH = "thaseRush";
    public static final String MAUDSLEY = "maudsley";
    public static final String TRD = "trd";
    public static final String NOT_STAGED = "NOT_STAGED";
    private static final String[] STAGES = {"0", "I", "II", "III", "IV", "V"};

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("dimension", ReportTable.Kind.TEXT),
            new ReportTable.Column("value", ReportTable.Kind.TEXT),
            new ReportTable.Column("patients", ReportTable.Kind.COUNT),
            new ReportTable.Column("sharePct", ReportTable.Kind.PERCENT));

    /** @param bands the Maudsley band codes in order, each shown even with no patient */
    public static ReportResult compute(ReportParams params, List<String> bands, List<Profile> profiles, int trdThreshold) {
        int n = profiles.size();
        int most = profiles.stream().mapToInt(Profile::failedTrials).max().orElse(0);
        Map<Integer, Integer> failed = new TreeMap<>();
        for (int i = 0; i <= Math.max(most, trdThreshold); i++) {
            failed.put(i, 0);
        }
        Map<Integer, Integer> stages = new TreeMap<>();
        for (int i = 0; i < STAGES.length; i++) {
            stages.put(i, 0);
        }
        Map<String, Integer> maudsley = new java.util.LinkedHashMap<>();
        bands.forEach(b -> maudsley.put(b, 0));
        maudsley.put(NOT_STAGED, 0);
        int trd = 0;
        for (Profile p : profiles) {
            failed.merge(p.failedTrials(), 1, Integer::sum);
            stages.merge(p.thaseRushStage(), 1, Integer::sum);
            maudsley.merge(p.maudsleyBand() == null ? NOT_STAGED : p.maudsleyBand(), 1, Integer::sum);
            trd += p.trd() ? 1 : 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        failed.forEach((k, c) -> rows.add(row(FAILED, Integer.toString(k), c, n)));
        stages.forEach((k, c) -> rows.add(row(THASE_RUSH, k < STAGES.length ? "stage." + STAGES[k] : Integer.toString(k), c, n)));
        maudsley.forEach((k, c) -> rows.add(row(MAUDSLEY, k, c, n)));
        rows.add(row(TRD, "trd.yes", trd, n));
        rows.add(row(TRD, "trd.no", n - trd, n));
        rows.add(row(ReportTable.TOTAL, "", n, n));
        java.math.BigDecimal mean = Stats.mean(profiles.stream().map(Profile::failedTrials).toList());
        return new ReportResult(ReportId.TRD_PROFILE, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "value", List.of("patients"), "dimension", FAILED),
                List.of(new ReportResult.Note("report.note.trd.scope", List.of(n, trd, trdThreshold,
                        mean == null ? "\u2014" : mean.toPlainString()))));
    }

    private static List<Object> row(String dimension, String value, int count, int n) {
        List<Object> row = new ArrayList<>();
        row.add(dimension);
        row.add(value);
        row.add(count);
        row.add(Stats.percent(count, n));
        return row;
    }
}
