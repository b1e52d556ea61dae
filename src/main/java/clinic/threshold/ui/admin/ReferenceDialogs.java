package clinic.threshold.ui.admin;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.IsoDateConverter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * New versions of a formulary agent and of a rule: the form starts from the row in force, and the new row
 * applies from the chosen date. The dialog stays open until the service has accepted it.
 */
final class ReferenceDialogs {
    private ReferenceDialogs() {
    }

    static void agent(Window owner, FormularyAgent current, String note, ReferenceDataViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get(current == null ? "reference.newAgent" : "reference.newVersion"));
        TextField generic = new TextField(current == null ? "" : current.genericName());
        generic.setEditable(current == null);
        TextField brands = new TextField(current == null ? "" : String.join("; ", current.brandNames()));
        ComboBox<DrugClass> drugClass = choice(DrugClass.values(), current == null ? null : current.drugClass());
        TextField subclass = new TextField(current == null || current.subclass() == null ? "" : current.subclass());
        TextField min = new TextField(current == null ? "" : Formats.number(current.minAdequateMgPerDay()));
        TextField max = new TextField(current == null ? "" : Formats.number(current.maxPlausibleMgPerDay()));
        ComboBox<Confidence> confidence = choice(Confidence.values(), current == null ? Confidence.UNCONFIRMED
                : current.confidence());
        TextArea source = area(current == null ? "" : current.source());
        TextArea noteArea = area(note);
        DatePicker from = date(vm.today());
        min.setId("agent-min");
        GridPane g = grid();
        row(g, "reference.col.generic", generic);
        row(g, "reference.col.brands", brands);
        row(g, "reference.col.class", drugClass);
        row(g, "reference.col.subclass", subclass);
        row(g, "reference.col.min", min);
        row(g, "reference.col.max", max);
        row(g, "reference.col.confidence", confidence);
        row(g, "reference.col.source", source);
        row(g, "reference.col.note", noteArea);
        row(g, "reference.col.effective", from);
        show(d, g, err -> {
            BigDecimal minV = decimal(min.getText());
            BigDecimal maxV = decimal(max.getText());
            if (minV == null || maxV == null) {
                err.accept(Messages.get("reference.error.numbers"));
                return;
            }
            FormularyAgent a = new FormularyAgent(generic.getText().strip(), Arrays.stream(brands.getText().split("[;,]"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(), drugClass.getValue(),
                    blank(subclass.getText()), minV, maxV, confidence.getValue(), blank(source.getText()),
                    new IsoDateConverter().fromString(from.getEditor().getText()));
            vm.addAgentVersion(a, blank(noteArea.getText()), () -> close(d), err);
        });
    }

    static void rule(Window owner, RuleSetting current, ReferenceDataViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get("reference.newVersion"));
        Label key = new Label(current.key());
        TextField value = new TextField(current.value());
        value.setId("rule-value");
        ComboBox<Confidence> confidence = choice(Confidence.values(), current.confidence());
        TextArea source = area(current.source());
        DatePicker from = date(vm.today());
        GridPane g = grid();
        row(g, "reference.col.rule", key);
        row(g, "reference.col.value", value);
        row(g, "reference.col.confidence", confidence);
        row(g, "reference.col.source", source);
        row(g, "reference.col.effective", from);
        show(d, g, err -> vm.addRuleVersion(new RuleSetting(current.key(), value.getText().strip(), confidence.getValue(),
                blank(source.getText()), new IsoDateConverter().fromString(from.getEditor().getText())), () -> close(d), err));
    }

    private static void show(Dialog<ButtonType> d, GridPane g, Consumer<Consumer<String>> save) {
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        VBox box = new VBox(10, g, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(520);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("reference-ok");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ok.setDisable(true); // one save at a time: a double click must not add two versions
            save.accept(msg -> {
                ok.setDisable(false);
                error.setText(msg);
            });
        });
        d.show();
    }

    private static void close(Dialog<ButtonType> d) {
        d.setResult(ButtonType.OK);
        d.close();
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    private static void row(GridPane g, String key, Node control) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(control);
        g.addRow(g.getRowCount(), l, control);
    }

    private static TextArea area(String text) {
        TextArea a = new TextArea(text);
        a.setPrefRowCount(2);
        a.setWrapText(true);
        return a;
    }

    private static DatePicker date(LocalDate value) {
        DatePicker p = new DatePicker(value);
        p.setConverter(new IsoDateConverter());
        p.setEditable(true);
        return p;
    }

    private static <E extends Enum<E>> ComboBox<E> choice(E[] values, E value) {
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(List.of(values)));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : Messages.label(e);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.setValue(value);
        return box;
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
