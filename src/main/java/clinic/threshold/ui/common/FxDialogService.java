package clinic.threshold.ui.common;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** JavaFX dialogs, owned by one window so that they stay on top of it and focus returns there afterwards. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait()
                .filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String header, String label) {
        TextArea area = new TextArea();
        area.setId("dialogText");
        area.setPrefRowCount(3);
        area.setWrapText(true);
        Dialog<String> d = dialog(title, header, new VBox(6, new Label(label), area));
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(area.textProperty().isEmpty());
        d.setResultConverter(b -> b == ButtonType.OK ? area.getText() : null);
        area.requestFocus();
        return d.showAndWait();
    }

    @Override
    public Optional<LocalDate> askDate(String title, String header, String label, LocalDate initial) {
        DatePicker picker = new DatePicker(initial);
        picker.setId("dialogDate");
        picker.setConverter(new IsoDateConverter());
        Dialog<LocalDate> d = dialog(title, header, new VBox(6, new Label(label), picker));
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(picker.valueProperty().isNull());
        d.setResultConverter(b -> b == ButtonType.OK ? picker.getValue() : null);
        return d.showAndWait();
    }

    @Override
    public Optional<char[]> askPassword(String title, String header, String label) {
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("dialogPassword");
        Dialog<char[]> d = dialog(title, header, new VBox(6, new Label(label), field));
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(field.textProperty().isEmpty());
        d.setResultConverter(b -> b == ButtonType.OK ? Passwords.take(field.textProperty()) : null);
        javafx.application.Platform.runLater(field::requestFocus);
        Optional<char[]> r = d.showAndWait();
        field.clear();
        return r;
    }

    @Override
    public Optional<java.nio.file.Path> chooseFolder(String title, java.nio.file.Path initial) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && java.nio.file.Files.isDirectory(initial)) {
            chooser.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(java.io.File::toPath);
    }

    private <T> Dialog<T> dialog(String title, String header, javafx.scene.Node content) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return d;
    }

    @Override
    public Optional<java.nio.file.Path> chooseSaveFile(String title, String suggestedName) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public Optional<java.nio.file.Path> chooseOpenFile(String title) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(java.io.File::toPath);
    }

    @Override
    public DialogService forWindow(Window window) {
        return new FxDialogService(() -> window);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        return a;
    }
}
