package clinic.threshold.ui.tms;

import clinic.threshold.domain.tms.TmsOverview.ScorePoint;
import clinic.threshold.i18n.Messages;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * The course's assessment scale over time: x is the day of the course (day 0 is its start), so the treatment
 * and the scores read on one scale; scores from before the course show at negative days (the baseline).
 */
final class ScoreChart extends LineChart<Number, Number> {
    private static final int BEFORE_DAYS = 30;

    ScoreChart() {
        super(new NumberAxis(), new NumberAxis());
        getXAxis().setLabel(Messages.get("tms.scores.day"));
        setLegendVisible(false);
        setAnimated(false);
        setCreateSymbols(true);
        setPrefHeight(200);
        setMinHeight(160);
        getStyleClass().add("tms-score-chart");
    }

    /** The scores around a course; the y axis runs to the scale's highest total so that charts compare at a glance. */
    void show(List<ScorePoint> scores, int scaleMax, LocalDate start, LocalDate end) {
        getData().clear();
        if (start == null) {
            return;
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        LocalDate to = end == null ? LocalDate.MAX : end.plusWeeks(4);
        for (ScorePoint p : scores) {
            long day = ChronoUnit.DAYS.between(start, p.date());
            if (day >= -BEFORE_DAYS && !p.date().isAfter(to)) {
                series.getData().add(new XYChart.Data<>(day, p.total()));
            }
        }
        getData().add(series);
        int top = series.getData().stream().mapToInt(d -> d.getYValue().intValue()).max().orElse(0);
        NumberAxis y = (NumberAxis) getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(Math.max(scaleMax, top));
        y.setTickUnit(5);
    }
}
