package clinic.threshold.ui.outcome;

import clinic.threshold.domain.outcome.Rater;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.outcome.ScaleItem;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Keyboard-fast entry of one scale: one box per item that takes a single digit in the item's range and
 * moves on to the next item, so a PHQ-9 is nine key presses. The total, its band and remission update as
 * items are typed, and a safety item above 0 is flagged at once. Where the instrument allows it, a total
 * can be entered alone.
 */
final class ScaleEntryPanel extends VBox {
    private final ScaleDefinition scale;
    private final List<TextField> items = new ArrayList<>();
    private final DatePicker date;
    private final TextField ratedBy = new TextField();
    private final CheckBox totalOnly = new CheckBox(Messages.get("outcome.entry.totalOnly"));
    private final TextField total = new TextField();
    private final TextField safetyValue = new TextField();
    private final Label totalLabel = new Label();
    private final Label safety = new Label();
    private final GridPane grid = new GridPane();
    private Runnable onComplete = () -> { };

    ScaleEntryPanel(ScaleDefinition scale, LocalDate today, String user, boolean licensed) {
        super(8);
        this.scale = scale;
        getStyleClass().add("scale-entry");
        date = DialogFields.datePicker(today);
        date.setId("entry-date");
        ratedBy.setText(scale.rater() == Rater.SELF ? Messages.get("outcome.entry.patient") : user);
        ratedBy.setId("entry-rated-by");
        grid.setHgap(8);
        grid.setVgap(4);
        for (ScaleItem item : scale.items()) {
            TextField f = itemField(item);
            items.add(f);
            Label label = new Label(item.number() + ". " + item.label());
            Label range = new Label(item.min() + "\u2013" + item.max());
            range.getStyleClass().add("text-muted");
            if (item.safety()) {
                label.getStyleClass().add("text-bold");
            }
            grid.addRow(item.number() - 1, f, label, range);
        }
        total.setId("entry-total");
        total.setPrefColumnCount(4);
        total.textProperty().addListener(o -> update());
        totalLabel.setId("entry-score");
        totalLabel.getStyleClass().add("title-4");
        safety.setId("entry-safety");
        safety.getStyleClass().add("danger");
        safety.setWrapText(true);
        boolean itemsAllowed = scale.itemEntry(licensed);
        totalOnly.setVisible(scale.totalOnlyAllowed() && itemsAllowed);
        totalOnly.setManaged(totalOnly.isVisible());
        totalOnly.setSelected(!itemsAllowed);
        totalOnly.selectedProperty().addListener(o -> mode());
        GridPane head = new GridPane();
        head.setHgap(10);
        head.setVgap(6);
        DialogFields.row(head, "outcome.entry.date", date);
        DialogFields.row(head, "outcome.entry.ratedBy", ratedBy);
        HBox totalRow = new HBox(8, new Label(Messages.get("outcome.entry.total")), total);
        // A total alone still needs the suicide-risk item: no way of entering a scale skips the alert.
        scale.safetyItem().ifPresent(item -> {
            safetyValue.setPrefColumnCount(2);
            safetyValue.setId("entry-safety-value");
            safetyValue.textProperty().addListener(o -> update());
            totalRow.getChildren().addAll(new Label(Messages.get("outcome.entry.safetyValue", item.number(), item.label())),
                    safetyValue);
        });
        totalRow.setId("entry-total-row");
        getChildren().addAll(head, totalOnly, grid, totalRow, totalLabel, safety);
        if (!itemsAllowed) {
            Label licence = new Label(Messages.get("outcome.entry.licensed", scale.name()));
            licence.getStyleClass().add("text-muted");
            licence.setWrapText(true);
            getChildren().add(2, licence);
        }
        mode();
    }

    /** A one-digit box: a value in range is kept and the focus moves on to the next item (or ends the form). */
    private TextField itemField(ScaleItem item) {
        TextField f = new TextField();
        f.setPrefColumnCount(2);
        f.setId("item-" + item.number());
        f.setTextFormatter(new TextFormatter<String>(change -> {
            String next = change.getControlNewText();
            if (next.isEmpty()) {
                return change;
            }
            // Typing over a filled box replaces its value.
            String digit = change.getText();
            if (digit.length() == 1 && Character.isDigit(digit.charAt(0))
                    && item.accepts(Character.digit(digit.charAt(0), 10))) {
                change.setRange(0, change.getControlText().length());
                change.setText(digit);
                change.setCaretPosition(1);
                change.setAnchor(1);
                return change;
            }
            return null;
        }));
        f.textProperty().addListener((o, a, b) -> {
            update();
            if (b != null && !b.isEmpty()) {
                int index = items.indexOf(f);
                if (index + 1 < items.size()) {
                    items.get(index + 1).requestFocus();
                } else {
                    onComplete.run();
                }
            }
        });
        return f;
    }

    private void mode() {
        boolean byTotal = totalOnly.isSelected();
        grid.setVisible(!byTotal);
        grid.setManaged(!byTotal);
        Node totalRow = lookup("#entry-total-row");
        if (totalRow != null) {
            totalRow.setVisible(byTotal);
            totalRow.setManaged(byTotal);
        }
        update();
    }

    /** The live score: total of the items typed so far (or the total typed), band and remission. */
    private void update() {
        Integer t = currentTotal();
        if (t == null) {
            totalLabel.setText(Messages.get("outcome.entry.partial", answered(), scale.items().size()));
        } else {
            String band = scale.band(t).map(b -> b.label()).orElse("");
            totalLabel.setText(Messages.get("outcome.entry.score", t, scale.totalMax(), band)
                    + (scale.inRemission(t) ? "  \u00b7  " + Messages.get("outcome.remission") : ""));
        }
        List<Integer> values = values();
        List<Integer> signals;
        if (totalOnly.isSelected()) {
            Integer sv = typedSafetyValue();
            signals = sv != null && sv > 0 ? scale.safetyItem().map(i -> List.of(i.number())).orElse(List.of()) : List.of();
        } else {
            signals = scale.items().stream().filter(ScaleItem::safety).filter(i -> {
                Integer v = values.get(i.number() - 1);
                return v != null && v > 0;
            }).map(ScaleItem::number).toList();
        }
        safety.setText(signals.isEmpty() ? "" : Messages.get("outcome.entry.safety", signals.get(0)));
        safety.setVisible(!signals.isEmpty());
        safety.setManaged(!signals.isEmpty());
    }

    private Integer typedSafetyValue() {
        try {
            return safetyValue.getText() == null || safetyValue.getText().isBlank() ? null
                    : Integer.valueOf(safetyValue.getText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Integer currentTotal() {
        if (totalOnly.isSelected()) {
            try {
                return total.getText().isBlank() ? null : Integer.valueOf(total.getText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        List<Integer> v = values();
        return v.contains(null) ? null : scale.total(v);
    }

    private long answered() {
        return values().stream().filter(x -> x != null).count();
    }

    private List<Integer> values() {
        List<Integer> v = new ArrayList<>();
        for (TextField f : items) {
            v.add(f.getText() == null || f.getText().isEmpty() ? null : Integer.valueOf(f.getText()));
        }
        return v;
    }

    /** The entry as typed (missing items stay null, so that the service names them). */
    ScaleEntry read() throws DialogFields.InputException {
        LocalDate day = DialogFields.date(date, "outcome.entry.date", true);
        if (totalOnly.isSelected()) {
            Integer t = DialogFields.wholeNumber(total.getText(), "outcome.entry.total");
            Integer sv = DialogFields.wholeNumber(safetyValue.getText(), "outcome.entry.safetyValueField");
            return new ScaleEntry(scale.code(), day, List.of(), t, ratedBy.getText(), sv);
        }
        return new ScaleEntry(scale.code(), day, values(), null, ratedBy.getText());
    }

    void onComplete(Runnable r) {
        this.onComplete = r;
    }

    void focusFirst() {
        if (!items.isEmpty() && !totalOnly.isSelected()) {
            items.get(0).requestFocus();
        } else {
            total.requestFocus();
        }
    }

    ScaleDefinition scale() {
        return scale;
    }
}
