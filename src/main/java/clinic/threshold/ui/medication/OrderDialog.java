package clinic.threshold.ui.medication;

import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DoseUnit;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.OrderRole;
import clinic.threshold.domain.medication.Route;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Writes or edits an order. The drug box completes from the formulary and says the agent's class; a drug
 * outside it is entered as "another drug" (it still meets the interaction and seizure rules). The alerts
 * the draft would raise show live below; a hard stop asks for a documented override before OK saves.
 */
final class OrderDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField agent;
    private final CheckBox other = new CheckBox(Messages.get("medication.agent.other"));
    private final Label agentInfo = new Label();
    private final TextField strength = new TextField();
    private final ComboBox<DoseForm> form = DialogFields.choice(DoseForm.class, false);
    private final ComboBox<DoseUnit> unit = DialogFields.choice(DoseUnit.class, false);
    private final ComboBox<Route> route = DialogFields.choice(Route.class, false);
    private final TextField dose = new TextField();
    private final ComboBox<Frequency> frequency = DialogFields.choice(Frequency.class, false);
    private final CheckBox asNeeded = new CheckBox(Messages.get("medication.field.asNeeded"));
    private final DatePicker start;
    private final DatePicker review;
    private final TextField indication = new TextField();
    private final ComboBox<OrderRole> role = DialogFields.choice(OrderRole.class, false);
    private final TextArea note = new TextArea();
    private final SafetyPanel safety = new SafetyPanel();
    private final Label error = new Label();
    private final SavedOrder existing;
    private final MedicationOverview overview;
    private final LocalDate today;
    private final MedicationsViewModel vm;

    OrderDialog(Window owner, SavedOrder existing, MedicationOverview o, LocalDate today, MedicationsViewModel vm,
                Consumer<OrderResult> after) {
        this.existing = existing;
        this.overview = o;
        this.today = today;
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get(existing == null ? "medication.order.add" : "medication.order.edit"));
        dialog.setResizable(true);
        agent = Fields.drugBox(o, today);
        MedicationOrder m = existing == null ? null : existing.order();
        start = DialogFields.datePicker(m == null ? today : m.start());
        review = DialogFields.datePicker(m == null ? null : m.review());
        fill(m);
        agent.setId("order-agent");
        dose.setId("order-dose");
        frequency.setId("order-frequency");
        start.setId("order-start");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        DialogFields.row(grid, "medication.field.agent", new VBox(4, agent, other, agentInfo));
        DialogFields.row(grid, "medication.field.strength", strength);
        DialogFields.row(grid, "medication.field.form", form);
        DialogFields.row(grid, "medication.field.dose", dose);
        DialogFields.row(grid, "medication.field.unit", unit);
        DialogFields.row(grid, "medication.field.frequency", new VBox(4, frequency, asNeeded));
        DialogFields.row(grid, "medication.field.route", route);
        DialogFields.row(grid, "medication.field.start", start);
        DialogFields.row(grid, "medication.field.review", review);
        DialogFields.row(grid, "medication.field.role", role);
        DialogFields.row(grid, "medication.field.indication", indication);
        DialogFields.row(grid, "medication.field.note", note);
        note.setPrefRowCount(2);
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setId("order-error");
        agentInfo.getStyleClass().add("text-muted");
        agentInfo.setWrapText(true);
        VBox box = new VBox(10, grid, safety, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(580);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(600);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("order-ok");
        for (javafx.beans.Observable x : List.of(agent.textProperty(), other.selectedProperty(), dose.textProperty(),
                frequency.valueProperty(), form.valueProperty(), unit.valueProperty(), start.valueProperty(),
                role.valueProperty())) {
            x.addListener(obs -> refresh());
        }
        form.valueProperty().addListener((obs, a, b) -> {
            if (b != null && unit.getValue() != null && !b.accepts(unit.getValue())) {
                unit.setValue(b.units().iterator().next());
            }
        });
        refresh();
        DialogFields.saveOnOk(dialog, ok, error, (done, failed) -> {
            MedicationOrder draft = read();
            vm.saveOrder(existing, draft, safety.override(), r -> {
                done.run();
                after.accept(r);
            }, e -> failed.accept(safety.explain(e)));
        });
    }

    private void fill(MedicationOrder m) {
        agent.setText(m == null ? "" : m.agent());
        other.setSelected(m != null && !m.inFormulary());
        strength.setText(m == null || m.strength() == null ? "" : m.strength());
        form.setValue(m == null ? DoseForm.TABLET : m.form());
        unit.setValue(m == null ? DoseUnit.MG : m.unit());
        route.setValue(m == null ? Route.ORAL : m.route());
        DoseChange first = m == null || m.doses().isEmpty() ? null : m.doses().get(0);
        dose.setText(first == null ? "" : MedicationText.number(first.dose()));
        frequency.setValue(first == null ? Frequency.ONCE_DAILY : first.frequency());
        asNeeded.setSelected(m != null && m.asNeeded());
        indication.setText(m == null || m.indication() == null ? "" : m.indication());
        role.setValue(m == null ? OrderRole.MONOTHERAPY : m.role());
        note.setText(m == null || m.note() == null ? "" : m.note());
    }

    /** Says what the typed drug is, and asks for the live alerts of the draft as it stands. */
    private void refresh() {
        Optional<FormularyAgent> a = overview.catalog().agent(agent.getText(), today);
        if (agent.getText().isBlank()) {
            agentInfo.setText("");
        } else if (a.isPresent()) {
            agentInfo.setText(Messages.get("medication.agent.info", a.get().genericName(), Messages.label(a.get().drugClass()),
                    MedicationText.number(a.get().minAdequateMgPerDay())));
            other.setSelected(false);
        } else if (overview.catalog().knows(agent.getText())) {
            // Not a formulary agent but named by the safety rules (tramadol, linezolid): another drug, checked.
            other.setSelected(true);
            agentInfo.setText(Messages.get("medication.agent.known"));
        } else {
            List<String> close = overview.catalog().suggestions(agent.getText());
            agentInfo.setText(other.isSelected() ? Messages.get("medication.agent.otherInfo")
                    : close.isEmpty() ? Messages.get("medication.agent.unknown")
                    : Messages.get("medication.agent.suggest", String.join(", ", close)));
        }
        try {
            vm.preview(existing == null ? null : existing.id(), read(), null, safety::show);
        } catch (DialogFields.InputException | RuntimeException e) {
            // an incomplete draft has nothing to check yet
        }
    }

    private MedicationOrder read() throws DialogFields.InputException {
        LocalDate from = DialogFields.date(start, "medication.field.start", true);
        List<DoseChange> doses = new ArrayList<>();
        doses.add(new DoseChange(from, Fields.dose(dose, "medication.field.dose"), frequency.getValue()));
        MedicationOrder m = existing == null ? null : existing.order();
        if (m != null) {
            doses.addAll(m.doses().subList(1, m.doses().size()));
        }
        String name = agent.getText() == null ? "" : agent.getText().strip();
        boolean inFormulary = !other.isSelected();
        return new MedicationOrder(name, inFormulary, strength.getText(), form.getValue(), unit.getValue(),
                route.getValue(), asNeeded.isSelected(), from, DialogFields.date(review, "medication.field.review", false),
                m == null ? null : m.stop(), m == null ? vm.prescriberName() : m.prescriber(), indication.getText(),
                role.getValue(), m == null ? null : m.stopReason(), m == null ? null : m.adverseEffect(), note.getText(),
                doses);
    }

    void show() {
        dialog.show();
    }
}
