package clinic.threshold.ui.history;

import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.PatientHistory;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialVerdict;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The history drawn against time: episodes as bands, each trial as a bar in its own row, and a medication
 * bar split into its dose steps (solid where the dose is at or above the formulary minimum). Failed trials
 * have a red outline, intolerances an amber one. Clicking a bar selects the trial in the table.
 */
final class HistoryTimeline extends Pane {
    private static final double ROW = 24;
    private static final double AXIS = 22;
    private static final double LABEL_WIDTH = 150;
    private Model model;
    private Consumer<SavedTrial> onSelect = t -> { };

    record Model(PatientHistory history, TrdAssessment assessment, Formulary formulary) {
    }

    HistoryTimeline() {
        getStyleClass().add("history-timeline");
        widthProperty().addListener((o, a, b) -> redraw());
        setMinHeight(AXIS + ROW);
    }

    void onSelect(Consumer<SavedTrial> handler) {
        this.onSelect = handler;
    }

    void show(Model m) {
        this.model = m;
        double h = AXIS + ROW * Math.max(1, m.history().trials().size()) + 8;
        setPrefHeight(h);
        setMinHeight(h);
        redraw();
    }

    private void redraw() {
        getChildren().clear();
        if (model == null || getWidth() <= LABEL_WIDTH + 20) {
            return;
        }
        PatientHistory h = model.history();
        LocalDate asOf = model.assessment().asOf();
        if (h.isEmpty()) {
            Label empty = new Label(Messages.get("history.timeline.empty"));
            empty.getStyleClass().add("text-muted");
            empty.relocate(8, 8);
            getChildren().add(empty);
            return;
        }
        LocalDate from = h.episodes().stream().map(e -> e.episode().onset()).min(LocalDate::compareTo).orElse(asOf);
        for (SavedTrial t : h.trials()) {
            from = t.trial().start().isBefore(from) ? t.trial().start() : from;
        }
        from = from.withDayOfMonth(1);
        LocalDate to = asOf;
        for (SavedTrial t : h.trials()) {
            to = t.trial().end() != null && t.trial().end().isAfter(to) ? t.trial().end() : to;
        }
        Scale x = new Scale(from, to.plusDays(15), LABEL_WIDTH, getWidth() - 8);
        double bottom = AXIS + ROW * Math.max(1, h.trials().size());
        for (SavedEpisode e : h.episodes()) {
            drawEpisode(e, x, bottom, asOf);
        }
        drawAxis(x, bottom);
        for (int i = 0; i < h.trials().size(); i++) {
            drawTrial(h.trials().get(i), AXIS + i * ROW, x, asOf);
        }
    }

    private void drawEpisode(SavedEpisode e, Scale x, double bottom, LocalDate asOf) {
        LocalDate end = e.episode().end() == null ? asOf : e.episode().end();
        Rectangle band = new Rectangle(x.at(e.episode().onset()), 0, Math.max(2, x.at(end) - x.at(e.episode().onset())),
                bottom);
        band.getStyleClass().add("timeline-episode");
        Tooltip.install(band, new Tooltip(Messages.get("history.timeline.episode", Formats.date(e.episode().onset()),
                e.episode().end() == null ? Messages.get("history.ongoing") : Formats.date(e.episode().end()),
                Messages.label(e.episode().severity()))));
        getChildren().add(band);
    }

    private void drawAxis(Scale x, double bottom) {
        for (int year = x.from.getYear(); year <= x.to.getYear(); year++) {
            LocalDate jan = LocalDate.of(year, 1, 1);
            if (jan.isBefore(x.from)) {
                continue;
            }
            Line tick = new Line(x.at(jan), AXIS - 4, x.at(jan), bottom);
            tick.getStyleClass().add("timeline-tick");
            Label year0 = new Label(Integer.toString(year));
            year0.getStyleClass().add("timeline-year");
            year0.relocate(x.at(jan) + 3, 2);
            getChildren().addAll(tick, year0);
        }
    }

    private void drawTrial(SavedTrial saved, double y, Scale x, LocalDate asOf) {
        TreatmentTrial t = saved.trial();
        Optional<TrialVerdict> v = model.assessment().verdict(t.id());
        Label name = new Label(TrialText.name(t));
        name.getStyleClass().add("timeline-label");
        name.setMaxWidth(LABEL_WIDTH - 8);
        name.relocate(4, y + 3);
        getChildren().add(name);
        LocalDate end = t.endOr(asOf);
        String summary = TrialText.summary(t) + v.map(vd -> "\n" + TrialText.verdict(vd)).orElse("");
        List<javafx.scene.Node> parts = new ArrayList<>();
        // Under the steps, the whole trial: days before the first dose step still show the trial and open it.
        Rectangle whole = bar(x, t.start(), end, y, "timeline-backdrop");
        Tooltip.install(whole, new Tooltip(summary));
        whole.setOnMouseClicked(e -> onSelect.accept(saved));
        whole.getStyleClass().add("timeline-step");
        parts.add(whole);
        if (t.kind() == TrialKind.MEDICATION && !t.doses().isEmpty()) {
            Optional<FormularyAgent> agent = model.formulary().find(t.agent(), asOf);
            for (int i = 0; i < t.doses().size(); i++) {
                DoseStep d = t.doses().get(i);
                LocalDate stepEnd = i + 1 < t.doses().size() ? t.doses().get(i + 1).from() : end;
                boolean adequate = agent.isPresent() && d.mgPerDay().compareTo(agent.get().minAdequateMgPerDay()) >= 0;
                Rectangle r = bar(x, d.from(), stepEnd, y, adequate ? "timeline-dose-adequate" : "timeline-dose-low");
                // Each step says its own dose, then what the whole trial came to.
                Tooltip.install(r, new Tooltip(Messages.get("history.timeline.dose", Formats.number(d.mgPerDay()),
                        Formats.date(d.from())) + "\n" + summary));
                r.setOnMouseClicked(e -> onSelect.accept(saved));
                r.getStyleClass().add("timeline-step");
                parts.add(r);
                if (i > 0) {
                    // A change of dose is visible even between two adequate steps of the same colour.
                    Line step = new Line(x.at(d.from()), y + 4, x.at(d.from()), y + ROW - 4);
                    step.getStyleClass().add("timeline-step-change");
                    step.setMouseTransparent(true);
                    parts.add(step);
                }
            }
        } else {
            Rectangle course = bar(x, t.start(), end, y, "timeline-course");
            Tooltip.install(course, new Tooltip(summary));
            course.setOnMouseClicked(e -> onSelect.accept(saved));
            course.getStyleClass().add("timeline-step");
            parts.add(course);
        }
        Rectangle outline = bar(x, t.start(), end, y, "timeline-outline");
        v.ifPresent(verdict -> {
            if (verdict.failed()) {
                outline.getStyleClass().add("failed");
            } else if (verdict.intolerance()) {
                outline.getStyleClass().add("intolerance");
            }
        });
        // Drawn over the steps for its coloured border only: the steps underneath take the mouse.
        outline.setMouseTransparent(true);
        getChildren().addAll(parts);
        getChildren().add(outline);
    }

    private static Rectangle bar(Scale x, LocalDate from, LocalDate to, double y, String style) {
        double left = x.at(from);
        Rectangle r = new Rectangle(left, y + 4, Math.max(3, x.at(to) - left), ROW - 8);
        r.getStyleClass().add(style);
        return r;
    }

    /** Maps dates to x positions between {@code left} and {@code right}. */
    private record Scale(LocalDate from, LocalDate to, double left, double right) {
        double at(LocalDate d) {
            long total = Math.max(1, ChronoUnit.DAYS.between(from, to));
            return left + (right - left) * ChronoUnit.DAYS.between(from, d) / (double) total;
        }
    }
}
