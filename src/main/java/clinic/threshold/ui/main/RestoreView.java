package clinic.threshold.ui.main;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** Binds the restore-in-progress screen. */
public final class RestoreView {
    private final RestoreViewModel vm;

    @FXML private Label titleLabel;
    @FXML private Label stepLabel;
    @FXML private Label waitLabel;
    @FXML private ProgressBar progressBar;

    public RestoreView(RestoreViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(vm.title());
        waitLabel.setText(vm.hint());
        stepLabel.textProperty().bind(vm.stepProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        vm.start();
    }
}
