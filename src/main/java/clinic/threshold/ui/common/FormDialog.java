package clinic.threshold.ui.common;

import clinic.threshold.i18n.Messages;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The frame the TMS and scheduling forms share: a title, a grid of labelled fields (one or two pairs a row), notes above
 * and below, the error text, and an OK that saves and closes only when the service accepts.
 */
public final class FormDialog {
    private static final double MAX_HEIGHT = 540;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final Label error = new Label();
    private final VBox box = new VBox(10);
    private final Button ok;
    private final ScrollPane scroll;

    public FormDialog(Window owner, String title, String okId, double width) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setResizable(true);
        grid.setHgap(10);
        grid.setVgap(8);
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setId(okId + "-error");
        box.getChildren().addAll(grid, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(width);
        scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(width + 4);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().setPrefWidth(width + 40);
        // The theme's stylesheet caps dialogs at 600 px; the session form needs its two columns side by side.
        dialog.getDialogPane().setStyle("-fx-max-width: " + (int) (width + 40) + "px;");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId(okId);
    }

    /** One labelled field on its own row. */
    public Label row(String key, Node control) {
        Label l = label(key, control);
        int r = grid.getRowCount();
        grid.add(l, 0, r);
        grid.add(control, 1, r, 3, 1);
        return l;
    }

    /** Two labelled fields side by side. */
    public void row(String key1, Node c1, String key2, Node c2) {
        Label l1 = label(key1, c1);
        Label l2 = label(key2, c2);
        grid.addRow(grid.getRowCount(), l1, c1, l2, c2);
    }

    /** Labels keep their whole text: the fields give way instead. */
    private static Label label(String key, Node control) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(control);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (control instanceof javafx.scene.control.DatePicker p) {
            p.setMinWidth(150);
        }
        return l;
    }

    /** A line across the grid (a section heading or a hint). */
    public void line(Node n) {
        grid.add(n, 0, grid.getRowCount(), 4, 1);
    }

    /** Something above the grid (a warning banner). */
    public void top(Node n) {
        box.getChildren().add(0, n);
    }

    /** Something between the grid and the error text. */
    public void bottom(Node n) {
        box.getChildren().add(box.getChildren().size() - 1, n);
    }

    public static Label heading(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("text-bold");
        return l;
    }

    public static Label note(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    public void onOk(DialogFields.Save save) {
        DialogFields.saveOnOk(dialog, ok, error, save);
    }

    /** Shows the form, as tall as its fields up to a height that fits a small screen (then it scrolls). */
    public void show() {
        scroll.setPrefViewportHeight(MAX_HEIGHT); // placed for at most this height, then fitted below
        dialog.setOnShown(e -> {
            // Measured once styled and laid out in its window; then the window fits the form.
            scroll.setPrefViewportHeight(Math.min(MAX_HEIGHT, box.prefHeight(box.getWidth() > 0 ? box.getWidth() : -1) + 4));
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        });
        dialog.show();
    }
}
