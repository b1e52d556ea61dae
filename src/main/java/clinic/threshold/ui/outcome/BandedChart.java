package clinic.threshold.ui.outcome;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Rectangle;

/**
 * A line chart with shaded bands behind its lines: vertical bands (TMS course phases, x from and to) and
 * horizontal ones (an instrument's remission zone, y from and to). Bands are laid out with the plot, so they
 * follow the axes when the chart resizes.
 */
final class BandedChart extends LineChart<Number, Number> {
    /** A shaded region: vertical when {@code vertical}, between two x values, else between two y values. */
    record Band(boolean vertical, double from, double to, List<String> styleClasses, String tip) {
    }

    private final List<Band> bands = new ArrayList<>();
    private final List<Rectangle> shapes = new ArrayList<>();

    BandedChart(NumberAxis x, NumberAxis y) {
        super(x, y);
    }

    void setBands(List<Band> next) {
        getPlotChildren().removeAll(shapes);
        shapes.clear();
        bands.clear();
        bands.addAll(next);
        for (Band b : bands) {
            Rectangle r = new Rectangle();
            r.getStyleClass().addAll(b.styleClasses());
            r.setMouseTransparent(b.tip() == null);
            if (b.tip() != null) {
                javafx.scene.control.Tooltip.install(r, new javafx.scene.control.Tooltip(b.tip()));
            }
            shapes.add(r);
        }
        getPlotChildren().addAll(0, shapes);
        requestChartLayout();
    }

    /** How many vertical bands (course phases) are drawn. */
    int verticalBands() {
        return (int) bands.stream().filter(Band::vertical).count();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        double width = x.getWidth();
        double height = y.getHeight();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            Rectangle r = shapes.get(i);
            if (b.vertical()) {
                double x0 = clamp(x.getDisplayPosition(b.from()), width);
                double x1 = clamp(x.getDisplayPosition(b.to()), width);
                r.setX(Math.min(x0, x1));
                r.setY(0);
                r.setWidth(Math.abs(x1 - x0));
                r.setHeight(height);
            } else {
                double y0 = clamp(y.getDisplayPosition(b.from()), height);
                double y1 = clamp(y.getDisplayPosition(b.to()), height);
                r.setX(0);
                r.setY(Math.min(y0, y1));
                r.setWidth(width);
                r.setHeight(Math.abs(y1 - y0));
            }
        }
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
