package clinic.threshold.ui.admin;

import clinic.threshold.domain.tms.ClinicClosure;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.IsoDateConverter;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/** Open weekdays and closures (one-off and yearly) of the clinic: the days course plans may use. */
public final class ClinicCalendarView {
    private final ClinicCalendarViewModel vm;
    private final Map<DayOfWeek, CheckBox> days = new EnumMap<>(DayOfWeek.class);

    @FXML private FlowPane dayBox;
    @FXML private DatePicker closureDate;
    @FXML private CheckBox closureYearly;
    @FXML private TextField closureLabel;
    @FXML private Button addClosureButton;
    @FXML private Button removeClosureButton;
    @FXML private Button saveDaysButton;
    @FXML private Label messageLabel;
    @FXML private TableView<ClinicClosure> closureTable;
    @FXML private ProgressIndicator busyIndicator;

    public ClinicCalendarView(ClinicCalendarViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox box = new CheckBox(d.getDisplayName(TextStyle.FULL, Locale.getDefault()));
            box.setId("open-" + d.name());
            days.put(d, box);
            dayBox.getChildren().add(box);
        }
        vm.openDaysProperty().addListener((o, a, b) -> days.forEach((d, box) -> box.setSelected(b.contains(d))));
        closureDate.setConverter(new IsoDateConverter());
        closureDate.setEditable(true);
        closureTable.setItems(vm.closures());
        closureTable.setPlaceholder(new Label(Messages.get("settings.calendar.none")));
        closureTable.getColumns().setAll(List.of(
                column("settings.calendar.col.date", c -> c.yearly() ? Messages.get("settings.calendar.every",
                        c.date().getMonth().getDisplayName(TextStyle.FULL, Locale.getDefault()), c.date().getDayOfMonth())
                        : Formats.date(c.date())),
                column("settings.calendar.col.label", ClinicClosure::label)));
        clinic.threshold.ui.common.Tables.flexLastColumn(closureTable);
        removeClosureButton.disableProperty().bind(closureTable.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        addClosureButton.disableProperty().bind(vm.busyProperty());
        saveDaysButton.disableProperty().bind(vm.busyProperty());
        vm.load();
    }

    private static TableColumn<ClinicClosure, String> column(String key, Function<ClinicClosure, String> value) {
        TableColumn<ClinicClosure, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    @FXML
    private void onSaveDays() {
        Set<DayOfWeek> open = EnumSet.noneOf(DayOfWeek.class);
        days.forEach((d, box) -> {
            if (box.isSelected()) {
                open.add(d);
            }
        });
        vm.saveOpenDays(open);
    }

    @FXML
    private void onAdd() {
        String typed = closureDate.getEditor().getText();
        java.time.LocalDate day;
        try {
            day = Formats.parseDate(typed);
        } catch (java.time.format.DateTimeParseException e) {
            vm.messageProperty().set(Messages.get("history.error.notDate", typed));
            return;
        }
        vm.add(day, closureYearly.isSelected(), closureLabel.getText(), () -> {
            closureLabel.clear();
            closureDate.setValue(null);
            closureDate.getEditor().clear();
            closureYearly.setSelected(false);
        });
    }

    @FXML
    private void onRemove() {
        ClinicClosure c = closureTable.getSelectionModel().getSelectedItem();
        if (c != null) {
            vm.remove(c);
        }
    }
}
