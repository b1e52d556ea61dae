package clinic.threshold.ui.outcome;

import clinic.threshold.domain.outcome.InstrumentSeries;
import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * Totals against time, one line per instrument; the baseline, the first response and the first remission
 * are marked points (per TMS course where a course measures the instrument: {@link ChartMarks}), each instrument's remission cut-off is a dashed line over a shaded remission zone, and
 * the TMS course phases (acute, extension, taper; planned ones lighter) are bands behind the lines.
 */
final class OutcomeChart extends StackPane {
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final BandedChart chart = new BandedChart(x, y);
    private java.util.Map<Long, ChartMarks.Mark> shownMarks = java.util.Map.of();

    OutcomeChart() {
        getStyleClass().add("outcome-chart");
        x.setForceZeroInRange(false);
        x.setAutoRanging(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.date(LocalDate.ofEpochDay(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
        y.setLabel(Messages.get("outcome.chart.total"));
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setId("outcome-chart");
        chart.setLegendVisible(true);
        getChildren().add(chart);
    }

    void show(OutcomeOverview o) {
        chart.getData().clear();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (InstrumentSeries s : o.series()) {
            for (SavedEntry e : s.entries()) {
                min = Math.min(min, e.entry().date().toEpochDay());
                max = Math.max(max, e.entry().date().toEpochDay());
            }
        }
        for (var c : o.courses()) {
            for (var p : c.phases()) {
                min = Math.min(min, p.from().toEpochDay());
                max = Math.max(max, p.to().toEpochDay());
            }
        }
        if (min == Long.MAX_VALUE) {
            chart.setBands(List.of());
            return;
        }
        long pad = Math.max(3, (max - min) / 20);
        x.setLowerBound(min - pad);
        x.setUpperBound(max + pad);
        x.setTickUnit(Math.max(7, (max - min + 2 * pad) / 6));
        java.util.List<XYChart.Series<Number, Number>> cutoffs = new java.util.ArrayList<>();
        java.util.Map<Long, ChartMarks.Mark> marks = ChartMarks.of(o);
        shownMarks = marks;
        java.util.Map<javafx.scene.Node, List<String>> pointStyles = new java.util.LinkedHashMap<>();
        for (InstrumentSeries s : o.series()) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(s.scale().name());
            for (SavedEntry e : s.entries()) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(e.entry().date().toEpochDay(), e.total());
                ChartMarks.Mark mark = marks.get(e.id());
                javafx.scene.layout.StackPane node = new javafx.scene.layout.StackPane();
                pointStyles.put(node, mark == null ? List.of("outcome-point") : mark.baseline()
                        ? List.of("outcome-point-marked", "outcome-point-baseline") : List.of("outcome-point-marked"));
                Tooltip.install(node, new Tooltip(s.scale().name() + " " + e.total() + ", " + Formats.date(e.entry().date())
                        + (mark == null ? "" : "\n" + String.join("\n", mark.words()))));
                d.setNode(node);
                line.getData().add(d);
            }
            chart.getData().add(line);
            // The remission cut-off as a flat line (the value that still counts as remission).
            int cut = s.scale().remissionBelow() ? s.scale().remissionValue() - 1 : s.scale().remissionValue();
            XYChart.Series<Number, Number> cutoff = new XYChart.Series<>();
            cutoff.setName(Messages.get("outcome.chart.cutoff", s.scale().name(), cut));
            cutoff.getData().add(new XYChart.Data<>(min - pad, cut));
            cutoff.getData().add(new XYChart.Data<>(max + pad, cut));
            chart.getData().add(cutoff);
            cutoffs.add(cutoff);
        }
        chart.setBands(bands(o));
        // Styled once every series is in: adding a series resets the style classes of the earlier ones.
        pointStyles.forEach((node, styles) -> node.getStyleClass().addAll(styles));
        for (XYChart.Series<Number, Number> cutoff : cutoffs) {
            cutoff.getNode().getStyleClass().add("outcome-cutoff");
            cutoff.getData().forEach(d -> d.getNode().setVisible(false));
        }
    }

    /** Course phases behind the lines (given sessions solid, planned ones lighter) and each remission zone. */
    private static List<BandedChart.Band> bands(OutcomeOverview o) {
        List<BandedChart.Band> out = new ArrayList<>();
        for (var c : o.courses()) {
            for (var p : c.phases()) {
                List<String> style = new ArrayList<>(List.of("outcome-phase", "outcome-phase-" + p.phase().toLowerCase(
                        java.util.Locale.ROOT)));
                if (p.planned()) {
                    style.add("outcome-phase-planned");
                }
                out.add(new BandedChart.Band(true, p.from().toEpochDay() - 0.5, p.to().toEpochDay() + 0.5, style,
                        Messages.get("outcome.chart.phase", c.label(), Messages.get("history.enum.SessionPhase." + p.phase()),
                                Formats.date(p.from()), Formats.date(p.to()))
                                + (p.planned() ? " " + Messages.get("outcome.chart.planned") : "")));
            }
        }
        for (InstrumentSeries s : o.series()) {
            int cut = s.scale().remissionBelow() ? s.scale().remissionValue() - 1 : s.scale().remissionValue();
            out.add(new BandedChart.Band(false, 0, cut, List.of("outcome-remission-zone"), null));
        }
        return out;
    }

    /** Used by tests: how many course-phase bands are behind the lines. */
    int phaseBands() {
        return chart.verticalBands();
    }

    int lines() {
        return (int) chart.getData().stream().filter(s -> !s.getNode().getStyleClass().contains("outcome-cutoff")).count();
    }

    /** The words marked on each entry drawn (for tests), by entry id. */
    java.util.Map<Long, ChartMarks.Mark> marks() {
        return shownMarks;
    }

    /** The chart's points (for tests): every plotted total of every instrument. */
    int points() {
        return chart.getData().stream().filter(s -> !s.getNode().getStyleClass().contains("outcome-cutoff"))
                .mapToInt(s -> s.getData().size()).sum();
    }
}
