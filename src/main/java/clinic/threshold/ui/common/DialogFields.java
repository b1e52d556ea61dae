package clinic.threshold.ui.common;

import clinic.threshold.i18n.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * Small helpers the clinical dialogs share: labelled rows, enum choices shown by their labels, and reading
 * typed dates and numbers with a clear message instead of a silent empty value.
 */
public final class DialogFields {
    private DialogFields() {
    }

    /** A problem with what was typed, found before anything is sent to the service. */
    public static final class InputException extends Exception {
        public InputException(String message) {
            super(message);
        }
    }

    public static <E extends Enum<E>> ComboBox<E> choice(Class<E> type, boolean allowEmpty) {
        List<E> values = new java.util.ArrayList<>();
        if (allowEmpty) {
            values.add(null);
        }
        values.addAll(List.of(type.getEnumConstants()));
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? Messages.get("history.none") : Messages.label(e);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    public static DatePicker datePicker(LocalDate value) {
        DatePicker p = new DatePicker(value);
        p.setConverter(new IsoDateConverter());
        p.setPromptText(Messages.get("date.prompt"));
        p.setEditable(true);
        return p;
    }

    /** The date typed in {@code p} (empty text: null when optional). */
    public static LocalDate date(DatePicker p, String fieldKey, boolean required) throws InputException {
        String text = p.getEditor().getText();
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InputException(Messages.get("violation.format", Messages.get(fieldKey),
                        Messages.get("history.error.required")));
            }
            return null;
        }
        try {
            return Formats.parseDate(text.strip());
        } catch (DateTimeParseException e) {
            throw new InputException(Messages.get("violation.format", Messages.get(fieldKey),
                    Messages.get("history.error.notDate", text.strip())));
        }
    }

    public static BigDecimal number(String text, String label) throws InputException {
        if (text == null || text.isBlank()) {
            throw new InputException(Messages.get("violation.format", label, Messages.get("history.error.required")));
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InputException(Messages.get("violation.format", label,
                    Messages.get("history.error.notANumber", text.strip())));
        }
    }

    public static Integer wholeNumber(String text, String fieldKey) throws InputException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException(Messages.get("violation.format", Messages.get(fieldKey),
                    Messages.get("history.error.notWholeNumber", text.strip())));
        }
    }

    /** What a dialog's OK does: reads the form (or throws with a message) and starts the save. */
    public interface Save {
        void start(Runnable onDone, java.util.function.Consumer<String> onError) throws InputException;
    }

    /**
     * Makes OK save instead of close: the dialog stays open, with the reasons in {@code error}, until the
     * service has accepted the save; OK is disabled while a save runs.
     */
    public static void saveOnOk(javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog,
                         javafx.scene.control.Button ok, Label error, Save save) {
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            try {
                ok.setDisable(true);
                save.start(() -> {
                    dialog.setResult(javafx.scene.control.ButtonType.OK);
                    dialog.close();
                }, msg -> {
                    ok.setDisable(false);
                    error.setText(msg);
                });
            } catch (InputException ex) {
                ok.setDisable(false);
                error.setText(ex.getMessage());
            }
        });
    }

    /** Adds "label: control" as the next row of {@code grid}; returns the label (to hide with its control). */
    public static Label row(GridPane grid, String key, javafx.scene.Node control) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(control);
        grid.addRow(grid.getRowCount(), l, control);
        return l;
    }
}
