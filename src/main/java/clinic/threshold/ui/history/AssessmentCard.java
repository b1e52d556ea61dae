package clinic.threshold.ui.history;

import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.MaudsleyScore;
import clinic.threshold.domain.history.MghScore;
import clinic.threshold.domain.history.PatientHistory;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialRole;
import clinic.threshold.domain.history.TrialVerdict;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The TRD assessment at a glance: one tile per number (TRD, failed adequate trials, classes, intolerances,
 * psychotherapy, Thase-Rush, Maudsley, MGH). Selecting a tile lists the reasons behind its number.
 */
final class AssessmentCard {
    private final FlowPane tiles;
    private final VBox reasons;
    private final ToggleGroup group = new ToggleGroup();
    private String selected = "trd";

    AssessmentCard(FlowPane tiles, VBox reasons) {
        this.tiles = tiles;
        this.reasons = reasons;
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                a.setSelected(true); // one tile is always open
            }
        });
    }

    void show(TrdAssessment a, PatientHistory h, Formulary f) {
        tiles.getChildren().clear();
        group.getToggles().clear();
        tile("trd", Messages.get(a.trd() ? "history.card.trd.yes" : "history.card.trd.no"), "history.card.trd",
                a.trd() ? "danger" : "success", trdReasons(a, h));
        tile("failed", Integer.toString(a.failedAdequateTrials()), "history.card.failed", null,
                verdicts(a, h, v -> v.failed() && h.trial(Long.parseLong(v.trialId()))
                        .map(t -> t.trial().kind() == TrialKind.MEDICATION).orElse(false)));
        tile("classes", Integer.toString(a.distinctFailedClasses()), "history.card.classes", null, classes(a, h, f));
        tile("intolerance", Integer.toString(a.intolerances()), "history.card.intolerances",
                a.intolerances() > 0 ? "warning" : null, verdicts(a, h, TrialVerdict::intolerance));
        tile("psychotherapy", Integer.toString(a.failedPsychotherapyTrials()), "history.card.psychotherapy", null,
                verdicts(a, h, v -> v.counted() && h.trial(Long.parseLong(v.trialId()))
                        .map(t -> t.trial().kind() == TrialKind.PSYCHOTHERAPY).orElse(false)));
        tile("thase", Integer.toString(a.thaseRushStage()), "history.card.thaseRush", null,
                a.thaseRushReasons().stream().map(Messages::reason).toList());
        MaudsleyScore m = a.maudsley();
        tile("maudsley", Messages.get("history.card.maudsley.value", m.total(),
                Messages.get("history.band." + m.band().name())), "history.card.maudsley", null, maudsley(m));
        MghScore g = a.mgh();
        List<String> mgh = new ArrayList<>(List.of(Messages.get("history.mgh.parts", g.failedTrials(),
                g.augmentationOrCombinationTrials(), g.failedEct() ? 1 : 0)));
        mgh.addAll(mghTrials(a, h));
        tile("mgh", Formats.number(g.total()), "history.card.mgh", null, mgh);
        group.getToggles().stream().filter(t -> selected.equals(t.getUserData())).findFirst()
                .orElse(group.getToggles().get(0)).setSelected(true);
    }

    private void tile(String id, String value, String captionKey, String style, List<String> why) {
        Label number = new Label(value);
        number.getStyleClass().addAll("tile-value");
        if (style != null) {
            number.getStyleClass().add(style);
        }
        Label caption = new Label(Messages.get(captionKey));
        caption.getStyleClass().add("tile-caption");
        ToggleButton b = new ToggleButton();
        b.setGraphic(new VBox(2, number, caption));
        b.getStyleClass().add("assessment-tile");
        b.setUserData(id);
        b.setToggleGroup(group);
        b.setId("tile-" + id);
        b.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                selected = id;
                reasons.getChildren().setAll(why.stream().map(AssessmentCard::reasonLine).toList());
            }
        });
        tiles.getChildren().add(b);
    }

    private static Label reasonLine(String text) {
        Label l = new Label("• " + text);
        l.setWrapText(true);
        return l;
    }

    private static List<String> trdReasons(TrdAssessment a, PatientHistory h) {
        List<String> out = new ArrayList<>();
        out.add(Messages.get(a.trd() ? "history.trd.because" : "history.trd.notYet", a.failedAdequateTrials(),
                a.trdThreshold()));
        for (TrialVerdict v : a.trials()) {
            if (v.failed() && h.trial(Long.parseLong(v.trialId())).map(t -> t.trial().kind() == TrialKind.MEDICATION)
                    .orElse(false)) {
                h.trial(Long.parseLong(v.trialId())).ifPresent(t -> out.add(line(t, v)));
            }
        }
        return out;
    }

    private static List<String> verdicts(TrdAssessment a, PatientHistory h, Predicate<TrialVerdict> which) {
        List<String> out = new ArrayList<>();
        for (TrialVerdict v : a.trials()) {
            if (which.test(v)) {
                h.trial(Long.parseLong(v.trialId())).ifPresent(t -> out.add(line(t, v)));
            }
        }
        if (out.isEmpty()) {
            out.add(Messages.get("history.card.none"));
        }
        return out;
    }

    private static String line(SavedTrial t, TrialVerdict v) {
        return TrialText.name(t.trial()) + " (" + TrialText.dates(t.trial()) + "): " + TrialText.reasons(v);
    }

    /** Each failed class with the trials that failed in it ("SSRI: sertraline (…), fluoxetine (…)"). */
    private static List<String> classes(TrdAssessment a, PatientHistory h, Formulary f) {
        if (a.failedClasses().isEmpty()) {
            return List.of(Messages.get("history.card.noClasses"));
        }
        java.util.Map<DrugClass, List<String>> byClass = new java.util.TreeMap<>();
        for (TrialVerdict v : a.trials()) {
            if (!v.failed()) {
                continue;
            }
            h.trial(Long.parseLong(v.trialId())).filter(t -> t.trial().kind() == TrialKind.MEDICATION)
                    .ifPresent(t -> f.find(t.trial().agent(), a.asOf()).map(FormularyAgent::drugClass)
                            .filter(a.failedClasses()::contains)
                            .ifPresent(c -> byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(
                                    TrialText.name(t.trial()) + " (" + TrialText.dates(t.trial()) + ")")));
        }
        List<String> out = new ArrayList<>();
        byClass.forEach((c, trials) -> out.add(Messages.get("history.card.classLine", Messages.label(c),
                String.join(", ", trials))));
        return out;
    }

    /** The trials behind each part of the MGH score, so the total can be checked by hand. */
    private static List<String> mghTrials(TrdAssessment a, PatientHistory h) {
        List<String> out = new ArrayList<>();
        for (TrialVerdict v : a.trials()) {
            if (!v.counted()) {
                continue;
            }
            h.trial(Long.parseLong(v.trialId())).ifPresent(saved -> {
                TreatmentTrial t = saved.trial();
                String which = TrialText.name(t) + " (" + TrialText.dates(t) + ")";
                if (t.kind() == TrialKind.MEDICATION && v.failed()) {
                    out.add(Messages.get("history.mgh.failedTrial", which));
                }
                if (t.kind() == TrialKind.MEDICATION
                        && (t.role() == TrialRole.AUGMENTATION || t.role() == TrialRole.COMBINATION)) {
                    out.add(Messages.get("history.mgh.augmentationTrial", which));
                }
                if (t.kind() == TrialKind.ECT && v.failed()) {
                    out.add(Messages.get("history.mgh.failedEct", which));
                }
            });
        }
        return out;
    }

    private static List<String> maudsley(MaudsleyScore m) {
        return List.of(Messages.get("history.maudsley.duration", m.durationMonths(), m.durationPoints()),
                Messages.get("history.maudsley.severity", m.severityPoints()),
                Messages.get("history.maudsley.failures", m.failurePoints()),
                Messages.get("history.maudsley.augmentation", m.augmentationPoints()),
                Messages.get("history.maudsley.ect", m.ectPoints()));
    }
}
