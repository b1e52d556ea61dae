package clinic.threshold.ui.tms;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.i18n.Messages;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The safety screening form in the reference data: the newest version's items with their severity, confidence and
 * source; administrators save a new version of it. It shares the TMS tab's view model, which loads the data.
 */
public final class ScreeningFormView {
    private final TmsReferenceViewModel vm;

    @FXML private Label screeningLabel;
    @FXML private TableView<ScreeningItem> screeningTable;
    @FXML private Button screeningVersionButton;

    public ScreeningFormView(TmsReferenceViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        boolean edit = vm.mayEdit();
        screeningVersionButton.setVisible(edit);
        screeningVersionButton.setManaged(edit);
        screeningTable.setId("tms-screening-items");
        screeningTable.getColumns().setAll(List.of(col("tms.ref.col.item", i -> Integer.toString(i.number()), 50),
                col("tms.ref.col.question", ScreeningItem::text, 420),
                col("tms.ref.col.severity", i -> Messages.label(i.severity()), 130),
                col("reference.col.confidence", i -> Messages.label(i.confidence()), 100),
                col("reference.col.source", ScreeningItem::source, 420)));
        // Unconfirmed wording stands out until the clinic has reviewed it.
        screeningTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ScreeningItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("tms-unconfirmed");
                if (!empty && item != null && item.confidence() == Confidence.UNCONFIRMED) {
                    getStyleClass().add("tms-unconfirmed");
                }
            }
        });
        vm.dataProperty().addListener((o, a, d) -> {
            screeningLabel.setText(Messages.get("tms.ref.screening", d.screeningFormVersion()));
            screeningTable.setItems(FXCollections.observableArrayList(d.screeningForm()));
        });
    }

    private static TableColumn<ScreeningItem, String> col(String key, java.util.function.Function<ScreeningItem, String> value,
            double width) {
        TableColumn<ScreeningItem, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @FXML
    private void onScreeningVersion() {
        var d = vm.dataProperty().get();
        if (d != null) {
            ScreeningFormDialog.show(screeningTable.getScene().getWindow(), d.screeningFormVersion(), d.screeningForm(), vm);
        }
    }
}
