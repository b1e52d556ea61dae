package clinic.threshold.ui.tms;

import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
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
 * The frame every TMS form shares: a title, a grid of labelled fields (one or two pairs a row), notes above
 * and below, the error text, and an OK that saves and closes only when the service accepts.
 */
final class FormDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private final Label error = new Label();
    private final VBox box = new VBox(10);
    private final Button ok;

    FormDialog(Window owner, String title, String okId, double width) {
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
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(640, 80 + 38 * 14));
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId(okId);
    }

    /** One labelled field on its own row. */
    Label row(String key, Node control) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(control);
        int r = grid.getRowCount();
        grid.add(l, 0, r);
        grid.add(control, 1, r, 3, 1);
        return l;
    }

    /** Two labelled fields side by side. */
    void row(String key1, Node c1, String key2, Node c2) {
        Label l1 = new Label(Messages.get(key1));
        l1.setLabelFor(c1);
        Label l2 = new Label(Messages.get(key2));
        l2.setLabelFor(c2);
        grid.addRow(grid.getRowCount(), l1, c1, l2, c2);
    }

    /** A line across the grid (a section heading or a hint). */
    void line(Node n) {
        grid.add(n, 0, grid.getRowCount(), 4, 1);
    }

    /** Something above the grid (a warning banner). */
    void top(Node n) {
        box.getChildren().add(0, n);
    }

    /** Something between the grid and the error text. */
    void bottom(Node n) {
        box.getChildren().add(box.getChildren().size() - 1, n);
    }

    static Label heading(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("text-bold");
        return l;
    }

    static Label note(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    void onOk(DialogFields.Save save) {
        DialogFields.saveOnOk(dialog, ok, error, save);
    }

    void show() {
        dialog.show();
    }
}
