package clinic.threshold.ui.admin;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.payer.AltPath;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.FormDialog;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.stage.Window;

/**
 * The form for one payer policy: every field of the threshold-policy/1 document. OK stores the next version,
 * unverified; the form stays open with the service's reasons when the policy contradicts itself.
 */
final class PolicyForm {
    private static final String ID = "policyAdmin";
    private static final double WIDTH = 860;
    private final FormDialog form;
    private final PayerPolicy current;
    private final TextField code;
    private final TextField payer;
    private final TextField plan;
    private final ComboBox<Confidence> confidence = DialogFields.choice(Confidence.class, false);
    private final DatePicker from;
    private final DatePicker to;
    private final TextField minAge;
    private final TextField maxAge;
    private final TextField diagnoses;
    private final TextField severity;
    private final TextField minTrials;
    private final TextField minClasses;
    private final TextField minWeeks;
    private final CheckBox intolerance;
    private final CheckBox augmentation;
    private final CheckBox psychotherapy;
    private final TextField psychSessions;
    private final TextField priorPct;
    private final Map<AltPath, CheckBox> altPaths = new EnumMap<>(AltPath.class);
    private final TextField initial;
    private final TextField taper;
    private final TextField extension;
    private final TextField extensionPct;
    private final TextField retreatPct;
    private final Map<Exclusion, CheckBox> exclusions = new EnumMap<>(Exclusion.class);
    private final CheckBox maintenance;
    private final CheckBox accelerated;
    private final CheckBox priorAuth;
    private final TextArea source;

    /** Opens the form on {@code current} (null: a new policy, with the format's defaults). */
    static void show(Window owner, PayerPolicy current, PolicyAdminViewModel vm) {
        new PolicyForm(owner, current).open(vm);
    }

    private PolicyForm(Window owner, PayerPolicy p) {
        this.current = p;
        boolean isNew = p == null;
        form = new FormDialog(owner, isNew ? Messages.get("payer.policyAdmin.new")
                : Messages.get("payer.policyAdmin.editTitle", p.code(), p.version()), ID + "Ok", WIDTH);
        code = text(isNew ? "" : p.code(), "Code");
        code.setDisable(!isNew); // a new code is a new policy; editing keeps the code and adds a version
        payer = text(isNew ? "" : p.payer(), "Payer");
        plan = text(isNew ? "" : p.plan(), "Plan");
        confidence.setValue(isNew ? Confidence.UNCONFIRMED : tag(p.confidence()));
        confidence.setId(ID + "Confidence");
        from = DialogFields.datePicker(isNew ? null : p.effectiveFrom());
        from.setId(ID + "From");
        to = DialogFields.datePicker(isNew ? null : p.effectiveTo());
        to.setId(ID + "To");
        minAge = number(isNew ? Integer.valueOf(18) : p.minAge(), "MinAge");
        maxAge = number(isNew ? null : p.maxAge(), "MaxAge");
        diagnoses = text(isNew ? "" : PolicyText.codes(p.diagnosisCodes()), "Diagnoses");
        severity = text(isNew ? "" : PolicyText.severity(p.severityAnyOf()), "Severity");
        minTrials = number(isNew ? null : p.minFailedTrials(), "MinTrials");
        minClasses = number(isNew ? null : p.minDistinctClasses(), "MinClasses");
        minWeeks = number(isNew ? null : p.minWeeksPerTrial(), "MinWeeks");
        intolerance = check("intoleranceCounts", isNew || p.intoleranceCounts(), "Intolerance");
        augmentation = check("augmentationRequired", !isNew && p.augmentationTrialRequired(), "Augmentation");
        psychotherapy = check("psychotherapyRequired", !isNew && p.psychotherapyRequired(), "Psychotherapy");
        psychSessions = number(isNew ? null : p.psychotherapyMinSessions(), "PsychSessions");
        priorPct = number(isNew ? null : p.priorResponsePct(), "PriorPct");
        for (AltPath a : AltPath.values()) {
            altPaths.put(a, checkLabel(Messages.get("payer.policyAdmin.altPath." + a.name()), !isNew && p.altPaths().contains(a),
                    "Alt-" + a.name()));
        }
        initial = number(isNew ? null : p.initialSessions(), "Initial");
        taper = number(isNew ? null : p.taperSessions(), "Taper");
        extension = number(isNew ? null : p.extensionSessions(), "Extension");
        extensionPct = number(isNew ? null : p.extensionMinImprovementPct(), "ExtensionPct");
        retreatPct = number(isNew ? null : p.retreatmentMinPriorImprovementPct(), "RetreatPct");
        for (Exclusion x : Exclusion.values()) {
            exclusions.put(x, checkLabel(Messages.get("payer.policyAdmin.exclusion." + x.name()),
                    !isNew && p.exclusions().contains(x), "Exclusion-" + x.name()));
        }
        maintenance = check("maintenanceCovered", !isNew && p.maintenanceCovered(), "Maintenance");
        accelerated = check("acceleratedCovered", !isNew && p.acceleratedCovered(), "Accelerated");
        priorAuth = check("priorAuthRequired", isNew || p.priorAuthRequired(), "PriorAuth");
        source = new TextArea(isNew ? "" : p.source());
        source.setPrefRowCount(3);
        source.setWrapText(true);
        source.setId(ID + "Source");
    }

    private void open(PolicyAdminViewModel vm) {
        String f = "payer.policyAdmin.field.";
        form.row(f + "code", code, f + "payer", payer);
        form.row(f + "plan", plan, f + "confidence", confidence);
        form.row(f + "effectiveFrom", from, f + "effectiveTo", to);
        form.row(f + "minAge", minAge, f + "maxAge", maxAge);
        form.row(f + "diagnosisCodes", diagnoses);
        form.row(f + "severity", severity);
        form.line(hint(Messages.get("payer.policyAdmin.severityHint")));
        form.line(FormDialog.heading("payer.policyAdmin.section.trials"));
        form.row(f + "minFailedTrials", minTrials, f + "minDistinctClasses", minClasses);
        form.row(f + "minWeeksPerTrial", minWeeks, f + "psychotherapyMinSessions", psychSessions);
        form.row(f + "trialRules", boxes(intolerance, augmentation, psychotherapy));
        form.row(f + "altPaths", boxes(altPaths.values().toArray(CheckBox[]::new)));
        // Both thresholds on an earlier TMS course's improvement, side by side (and the longest labels off the first column).
        form.row(f + "priorResponsePct", priorPct, f + "retreatmentMinPriorImprovementPct", retreatPct);
        form.line(FormDialog.heading("payer.policyAdmin.section.sessions"));
        form.row(f + "initialSessions", initial, f + "taperSessions", taper);
        form.row(f + "extensionSessions", extension, f + "extensionMinImprovementPct", extensionPct);
        form.line(FormDialog.heading("payer.policyAdmin.section.coverage"));
        form.row(f + "exclusions", boxes(exclusions.values().toArray(CheckBox[]::new)));
        form.row(f + "coverage", boxes(maintenance, accelerated, priorAuth));
        form.row(f + "source", source);
        form.bottom(FormDialog.note(Messages.get("payer.policyAdmin.saveHint"), "text-muted"));
        form.onOk((done, failed) -> vm.save(read(), done, failed));
        form.show();
    }

    /** The policy as typed; a field that is not a number or a date is named before anything is sent. */
    private PayerPolicy read() throws DialogFields.InputException {
        String f = "payer.policyAdmin.field.";
        Set<AltPath> alt = EnumSet.noneOf(AltPath.class);
        altPaths.forEach((k, box) -> {
            if (box.isSelected()) {
                alt.add(k);
            }
        });
        Set<Exclusion> excluded = EnumSet.noneOf(Exclusion.class);
        exclusions.forEach((k, box) -> {
            if (box.isSelected()) {
                excluded.add(k);
            }
        });
        return new PayerPolicy(code.getText().strip().toUpperCase(java.util.Locale.ROOT), current == null ? 1 : current.version(),
                blank(payer.getText()), blank(plan.getText()), DialogFields.date(from, f + "effectiveFrom", true),
                DialogFields.date(to, f + "effectiveTo", false), whole(minAge, f + "minAge"), whole(maxAge, f + "maxAge"),
                PolicyText.parseCodes(diagnoses.getText()), PolicyText.parseSeverity(severity.getText()),
                whole(minTrials, f + "minFailedTrials"), whole(minClasses, f + "minDistinctClasses"),
                whole(minWeeks, f + "minWeeksPerTrial"), intolerance.isSelected(), augmentation.isSelected(),
                psychotherapy.isSelected(), whole(psychSessions, f + "psychotherapyMinSessions"), alt,
                whole(priorPct, f + "priorResponsePct"), whole(initial, f + "initialSessions"), whole(taper, f + "taperSessions"),
                whole(extensionPct, f + "extensionMinImprovementPct"), whole(extension, f + "extensionSessions"),
                whole(retreatPct, f + "retreatmentMinPriorImprovementPct"), excluded, maintenance.isSelected(),
                accelerated.isSelected(), priorAuth.isSelected(), blank(source.getText()), confidence.getValue().tag(), null);
    }

    /** Check boxes side by side, wrapping within the form rather than widening it. */
    private static FlowPane boxes(CheckBox... boxes) {
        FlowPane pane = new FlowPane(14, 6, boxes);
        pane.setPrefWrapLength(WIDTH - 260);
        return pane;
    }

    /** A muted line across the form that wraps at the form's width (its one-line width would widen the form). */
    private static javafx.scene.control.Label hint(String text) {
        javafx.scene.control.Label l = FormDialog.note(text, "text-muted");
        l.setPrefWidth(WIDTH - 40);
        return l;
    }

    private static Integer whole(TextField field, String key) throws DialogFields.InputException {
        return DialogFields.wholeNumber(field.getText(), key);
    }

    private static TextField text(String value, String id) {
        TextField t = new TextField(value == null ? "" : value);
        t.setId(ID + id);
        return t;
    }

    private static TextField number(Integer value, String id) {
        TextField t = text(value == null ? "" : value.toString(), id);
        t.setPrefColumnCount(5);
        return t;
    }

    private static CheckBox check(String key, boolean selected, String id) {
        return checkLabel(Messages.get("payer.policyAdmin.check." + key), selected, id);
    }

    private static CheckBox checkLabel(String label, boolean selected, String id) {
        CheckBox box = new CheckBox(label);
        box.setSelected(selected);
        box.setId(ID + id);
        return box;
    }

    /** A tag the format does not know reads as unconfirmed, so that saving it asks for review rather than failing. */
    private static Confidence tag(String t) {
        try {
            return Confidence.ofTag(t);
        } catch (IllegalArgumentException e) {
            return Confidence.UNCONFIRMED;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
