package clinic.threshold.ui.medication;

import clinic.threshold.domain.medication.Course;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.medication.SavedPlan;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Doses against time, one row per order: each dose a bar as tall as the dose is against that drug's
 * largest, recorded doses solid and planned ones pale with a dashed edge, today as a line, and the days a
 * cross-taper's two drugs overlap as a shaded band. Clicking a bar selects the order.
 */
final class MedicationTimeline extends Pane {
    private static final double ROW = 28;
    private static final double AXIS = 22;
    private static final double LABEL_WIDTH = 150;
    private MedicationOverview model;
    private LongConsumer onSelect = id -> { };

    MedicationTimeline() {
        getStyleClass().add("medication-timeline");
        widthProperty().addListener((o, a, b) -> redraw());
        setMinHeight(AXIS + ROW);
    }

    void onSelect(LongConsumer handler) {
        this.onSelect = handler;
    }

    void show(MedicationOverview o) {
        this.model = o;
        double h = AXIS + ROW * Math.max(1, o.orders().size()) + 8;
        setPrefHeight(h);
        setMinHeight(h);
        redraw();
    }

    private void redraw() {
        getChildren().clear();
        if (model == null) {
            return;
        }
        if (model.orders().isEmpty()) {
            Label empty = new Label(Messages.get("medication.timeline.empty"));
            empty.relocate(8, 8);
            getChildren().add(empty);
            return;
        }
        // Newest first: what the patient takes now and what is planned sit on top, the history below.
        List<SavedOrder> orders = model.orders().stream()
                .sorted(Comparator.comparing((SavedOrder s) -> s.order().start()).reversed()).toList();
        Map<Long, Course> courses = new HashMap<>();
        orders.forEach(s -> courses.put(s.id(), model.course(s)));
        LocalDate today = model.asOf();
        LocalDate first = orders.stream().map(s -> s.order().start()).min(LocalDate::compareTo).orElse(today);
        LocalDate last = courses.values().stream().map(c -> c.lastDay() == null ? today : c.lastDay())
                .max(LocalDate::compareTo).orElse(today);
        for (Course c : courses.values()) {
            for (Course.Dose d : c.doses()) {
                last = d.change().from().isAfter(last) ? d.change().from() : last;
            }
        }
        LocalDate xMin = first.minusDays(7);
        LocalDate xMax = (last.isAfter(today) ? last : today).plusDays(21);
        double width = Math.max(200, getWidth() - LABEL_WIDTH - 12);
        double perDay = width / Math.max(1, ChronoUnit.DAYS.between(xMin, xMax));
        axis(xMin, xMax, perDay);
        overlaps(courses, xMin, perDay, orders.size());
        for (int i = 0; i < orders.size(); i++) {
            row(orders.get(i), courses.get(orders.get(i).id()), i, xMin, xMax, perDay);
        }
        double x = LABEL_WIDTH + ChronoUnit.DAYS.between(xMin, today) * perDay;
        Line now = new Line(x, AXIS - 4, x, AXIS + ROW * orders.size());
        now.getStyleClass().add("timeline-today");
        getChildren().add(now);
    }

    /** Date ticks at least a label's width apart: weeks for a short view, months or quarters for a long one. */
    private void axis(LocalDate xMin, LocalDate xMax, double perDay) {
        long days = ChronoUnit.DAYS.between(xMin, xMax);
        int step = 365;
        for (int candidate : new int[] {7, 14, 30, 61, 91, 182, 365}) {
            if (candidate * perDay >= 100) {
                step = candidate;
                break;
            }
        }
        java.time.format.DateTimeFormatter months = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy",
                java.util.Locale.ENGLISH);
        double right = getWidth() - 70;
        for (long d = 0; d <= days && LABEL_WIDTH + d * perDay <= right; d += step) {
            LocalDate day = xMin.plusDays(d);
            Label l = new Label(step >= 30 ? months.format(day) : Formats.date(day));
            l.getStyleClass().add("timeline-axis");
            l.relocate(LABEL_WIDTH + d * perDay, 0);
            getChildren().add(l);
        }
    }

    /** The days two drugs of one cross-taper are taken together. */
    private void overlaps(Map<Long, Course> courses, LocalDate xMin, double perDay, int rowCount) {
        Map<Long, List<Long>> bySwitch = new HashMap<>();
        for (SavedPlan p : model.plans()) {
            if (p.switchId() != null) {
                bySwitch.computeIfAbsent(p.switchId(), k -> new ArrayList<>()).add(p.orderId());
            }
        }
        for (List<Long> pair : bySwitch.values()) {
            if (pair.size() != 2 || courses.get(pair.get(0)) == null || courses.get(pair.get(1)) == null) {
                continue;
            }
            LocalDate[] days = courses.get(pair.get(0)).overlap(courses.get(pair.get(1)));
            if (days == null || days[1] == null) {
                continue;
            }
            double x = LABEL_WIDTH + ChronoUnit.DAYS.between(xMin, days[0]) * perDay;
            double w = Math.max(2, (ChronoUnit.DAYS.between(days[0], days[1]) + 1) * perDay);
            Rectangle band = new Rectangle(x, AXIS - 2, w, ROW * rowCount + 4);
            band.getStyleClass().add("timeline-overlap");
            Tooltip.install(band, new Tooltip(Messages.get("medication.timeline.overlap", Formats.date(days[0]),
                    Formats.date(days[1]))));
            getChildren().add(band);
        }
    }

    private void row(SavedOrder s, Course c, int index, LocalDate xMin, LocalDate xMax, double perDay) {
        double y = AXIS + index * ROW;
        Label name = new Label(s.order().agent());
        name.getStyleClass().add("timeline-label");
        name.setMaxWidth(LABEL_WIDTH - 8);
        name.relocate(4, y + 4);
        getChildren().add(name);
        BigDecimal max = c.doses().stream().map(d -> d.change().dose()).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        for (int i = 0; i < c.doses().size(); i++) {
            Course.Dose d = c.doses().get(i);
            LocalDate from = d.change().from();
            LocalDate to = i + 1 < c.doses().size() ? c.doses().get(i + 1).change().from()
                    : c.lastDay() == null ? xMax : c.lastDay().plusDays(1);
            double x = LABEL_WIDTH + ChronoUnit.DAYS.between(xMin, from) * perDay;
            double w = Math.max(2, ChronoUnit.DAYS.between(from, to) * perDay);
            double share = max.signum() == 0 ? 1 : Math.max(0.3, d.change().dose().doubleValue() / max.doubleValue());
            double h = (ROW - 8) * share;
            Rectangle bar = new Rectangle(x, y + (ROW - 4 - h), w, h);
            bar.getStyleClass().addAll("timeline-dose", d.planned() ? "planned" : "recorded");
            String text = MedicationText.number(d.change().dose()) + " " + Messages.label(s.order().unit());
            Tooltip.install(bar, new Tooltip(s.order().agent() + " " + text + ", " + Messages.label(d.change().frequency())
                    + "\n" + Formats.date(from) + (d.planned() ? " " + Messages.get("medication.timeline.planned") : "")));
            bar.setOnMouseClicked(e -> onSelect.accept(s.id()));
            getChildren().add(bar);
            if (w > 44) {
                Label l = new Label(text);
                l.getStyleClass().add("timeline-dose-label");
                l.setMouseTransparent(true);
                l.relocate(x + 3, y + 5);
                getChildren().add(l);
            }
        }
    }
}
