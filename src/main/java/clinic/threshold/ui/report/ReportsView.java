package clinic.threshold.ui.report;

import clinic.threshold.domain.reference.Payer;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.ReportTable;
import clinic.threshold.domain.report.SavedReport;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Choice;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.IsoDateConverter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.print.PrinterJob;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Reports (issue 11): pick a report, set its range and filters, run it (progress and cancel), read the chart and the
 * table (sort by any column, filter by text), export CSV or PDF, print, save the definition to run again.
 */
public final class ReportsView {
    private final ReportsViewModel vm;
    private final DialogService dialogs;
    private final ObservableList<List<Object>> rows = FXCollections.observableArrayList();
    private final FilteredList<List<Object>> filtered = new FilteredList<>(rows);

    @FXML private ListView<ReportId> reportList;
    @FXML private ListView<SavedReport> savedList;
    @FXML private Label reportTitle;
    @FXML private Label reportHelp;
    @FXML private DatePicker reportFrom;
    @FXML private DatePicker reportTo;
    @FXML private ComboBox<Choice<String>> reportProtocol;
    @FXML private ComboBox<Choice<Integer>> reportPayer;
    @FXML private TextField reportTechnician;
    @FXML private ComboBox<ReportParams.GroupBy> reportGroupBy;
    @FXML private ComboBox<Choice<Long>> reportChair;
    @FXML private TextField reportClinician;
    @FXML private Button reportRun;
    @FXML private Button reportCancel;
    @FXML private ProgressBar reportProgress;
    @FXML private Button reportCsv;
    @FXML private Button reportPdf;
    @FXML private Button reportPrint;
    @FXML private Button reportSave;
    @FXML private Label reportParams;
    @FXML private BarChart<String, Number> reportChart;
    @FXML private TextField reportFilter;
    @FXML private TableView<List<Object>> reportTable;
    @FXML private Label reportNotes;
    @FXML private Label reportMessage;
    @FXML private Label reportError;
    @FXML private VBox reportResultBox;

    public ReportsView(ReportsViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    public ReportsViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        reportList.setItems(vm.reports());
        reportList.setCellFactory(l -> cell(vm::title));
        reportList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.reportProperty().set(b);
            }
        });
        vm.reportProperty().addListener((o, a, b) -> {
            reportList.getSelectionModel().select(b);
            reportTitle.setText(b == null ? "" : vm.title(b));
            reportHelp.setText(b == null ? "" : vm.help(b));
            groupings(b);
        });
        savedList.setItems(vm.saved());
        savedList.setCellFactory(l -> cell(s -> s.name() + " \u00b7 " + vm.title(s.report())));
        savedList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && savedList.getSelectionModel().getSelectedItem() != null) {
                vm.use(savedList.getSelectionModel().getSelectedItem());
                vm.run();
            }
        });
        params();
        reportRun.disableProperty().bind(vm.runningProperty().or(vm.reportProperty().isNull()));
        reportCancel.disableProperty().bind(vm.runningProperty().not());
        reportProgress.progressProperty().bind(vm.progressProperty());
        reportProgress.visibleProperty().bind(vm.runningProperty());
        // Takes room only while a report runs, so the buttons keep their labels on a narrow window.
        reportProgress.managedProperty().bind(vm.runningProperty());
        for (Button b : List.of(reportCsv, reportPdf, reportPrint)) {
            b.disableProperty().bind(vm.resultProperty().isNull().or(vm.runningProperty()));
        }
        reportMessage.textProperty().bind(vm.messageProperty());
        reportError.textProperty().bind(vm.errorProperty());
        SortedList<List<Object>> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(reportTable.comparatorProperty());
        reportTable.setItems(sorted);
        reportTable.setPlaceholder(new Label(Messages.get("report.placeholder")));
        reportFilter.textProperty().addListener((o, a, b) -> filter(b));
        vm.resultProperty().addListener((o, a, b) -> show(b));
        // Nothing to draw or list before the first run.
        reportResultBox.visibleProperty().bind(vm.resultProperty().isNotNull());
        reportResultBox.managedProperty().bind(reportResultBox.visibleProperty());
        vm.load();
    }

    private void params() {
        reportFrom.setConverter(new IsoDateConverter());
        reportTo.setConverter(new IsoDateConverter());
        reportFrom.valueProperty().bindBidirectional(vm.fromProperty());
        reportTo.valueProperty().bindBidirectional(vm.toProperty());
        choices(reportProtocol, vm.protocols(), Protocol::code, Protocol::name, vm.protocolProperty());
        choices(reportPayer, vm.payers(), Payer::id, Payer::name, vm.payerProperty());
        choices(reportChair, vm.chairs(), clinic.threshold.domain.schedule.Chair::id, clinic.threshold.domain.schedule.Chair::name,
                vm.chairProperty());
        reportTechnician.textProperty().bindBidirectional(vm.technicianProperty());
        reportClinician.textProperty().bindBidirectional(vm.clinicianProperty());
        groupings(vm.reportProperty().get());
        reportGroupBy.setConverter(names(g -> Messages.get("report.groupBy." + g.name())));
        reportGroupBy.valueProperty().bindBidirectional(vm.groupByProperty());
    }

    /**
     * The filters the report applies are on, the others off (they would not change its figures); group by offers the
     * report's own breakdowns, and is off for a report without any.
     */
    private void groupings(ReportId id) {
        java.util.Set<ReportId.Filter> filters = id == null ? java.util.Set.of() : id.filters();
        reportProtocol.setDisable(!filters.contains(ReportId.Filter.PROTOCOL));
        reportPayer.setDisable(!filters.contains(ReportId.Filter.PAYER));
        reportChair.setDisable(!filters.contains(ReportId.Filter.CHAIR));
        reportTechnician.setDisable(!filters.contains(ReportId.Filter.TECHNICIAN));
        reportClinician.setDisable(!filters.contains(ReportId.Filter.CLINICIAN));
        List<ReportParams.GroupBy> offered = id == null ? List.of() : id.groupings();
        ReportParams.GroupBy chosen = vm.groupByProperty().get();
        reportGroupBy.getItems().setAll(offered);
        reportGroupBy.setDisable(offered.isEmpty());
        if (!offered.isEmpty()) {
            vm.groupByProperty().set(chosen != null && offered.contains(chosen) ? chosen : offered.get(0));
            reportGroupBy.setValue(vm.groupByProperty().get());
        }
    }

    /**
     * A filter's choices: "All" first (value null), then the source's items as they load; the chosen value follows the
     * view model both ways (a saved definition sets it).
     */
    private static <T, K> void choices(ComboBox<Choice<K>> box, ObservableList<T> source, Function<T, K> key, Function<T, String> label,
            javafx.beans.property.Property<K> value) {
        Runnable fill = () -> {
            List<Choice<K>> items = new java.util.ArrayList<>();
            items.add(new Choice<>(null, Messages.get("report.all")));
            source.forEach(t -> items.add(new Choice<>(key.apply(t), label.apply(t))));
            box.getItems().setAll(items);
            box.setValue(items.stream().filter(c -> java.util.Objects.equals(c.value(), value.getValue())).findFirst()
                    .orElse(items.get(0)));
        };
        source.addListener((javafx.collections.ListChangeListener<T>) c -> fill.run());
        fill.run();
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                value.setValue(b.value());
            }
        });
        value.addListener((o, a, b) -> box.getItems().stream().filter(c -> java.util.Objects.equals(c.value(), b)).findFirst()
                .ifPresent(box::setValue));
    }

    private void show(ReportResult r) {
        reportTable.getColumns().clear();
        reportChart.getData().clear();
        if (r == null) {
            rows.clear();
            return;
        }
        ReportTable t = r.table();
        for (int i = 0; i < t.columns().size(); i++) {
            reportTable.getColumns().add(column(t.columns().get(i), i));
        }
        rows.setAll(t.rows());
        filter(reportFilter.getText());
        reportParams.setText(vm.paramsText(r));
        reportNotes.setText(String.join("\n", vm.notes(r)));
        if (r.chart() != null) {
            // Percentages run to 100 so that two reports side by side read the same; other figures fit their data.
            var axis = (javafx.scene.chart.NumberAxis) reportChart.getYAxis();
            boolean percent = vm.percentChart(r);
            axis.setAutoRanging(!percent);
            if (percent) {
                axis.setLowerBound(0);
                axis.setUpperBound(100);
                axis.setTickUnit(25);
            }
            for (String key : r.chart().valueColumns()) {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(vm.heading(t.columns().get(t.column(key))));
                for (List<Object> row : t.rows().stream().filter(x -> r.chart().draws(t, x)).toList()) {
                    Double v = vm.value(t, row, key);
                    s.getData().add(new XYChart.Data<>(vm.category(r, row), v == null ? 0 : v));
                }
                reportChart.getData().add(s);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TableColumn<List<Object>, Object> column(ReportTable.Column c, int index) {
        TableColumn<List<Object>, Object> col = new TableColumn<>(vm.heading(c));
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().get(index)));
        // Typed cells sort as numbers and dates; empty figures sort first.
        col.setComparator((a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : ((Comparable) a).compareTo(b));
        col.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : vm.cell(c, item));
            }
        });
        col.setPrefWidth(c.kind() == ReportTable.Kind.TEXT ? 160 : 120);
        return col;
    }

    private void filter(String text) {
        ReportResult r = vm.resultProperty().get();
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(row -> q.isEmpty() || r == null || java.util.stream.IntStream.range(0, row.size())
                .anyMatch(i -> vm.cell(r.table().columns().get(i), row.get(i)).toLowerCase(Locale.ROOT).contains(q)));
    }

    @FXML
    private void onRun() {
        vm.run();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onCsv() {
        ReportResult r = vm.resultProperty().get();
        if (r != null) {
            dialogs.chooseSaveFile(Messages.get("report.exportCsv"), fileName(r, "csv")).ifPresent(vm::exportCsv);
        }
    }

    @FXML
    private void onPdf() {
        ReportResult r = vm.resultProperty().get();
        if (r != null) {
            dialogs.chooseSaveFile(Messages.get("report.exportPdf"), fileName(r, "pdf")).ifPresent(vm::exportPdf);
        }
    }

    @FXML
    private void onPrint() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            dialogs.showInfo(Messages.get("report.print"), Messages.get("report.noPrinter"));
            return;
        }
        if (job.showPrintDialog(reportTable.getScene().getWindow()) && job.printPage(reportResultBox)) {
            job.endJob();
        }
    }

    @FXML
    private void onSave() {
        dialogs.askText(Messages.get("report.definition.title"), Messages.get("report.definition.header"),
                Messages.get("report.definition.name")).ifPresent(name -> vm.save(name,
                e -> dialogs.showError(Messages.get("report.definition.title"), e)));
    }

    @FXML
    private void onRetire() {
        SavedReport s = savedList.getSelectionModel().getSelectedItem();
        if (s != null && dialogs.confirm(Messages.get("report.definition.retire"), Messages.get("report.definition.retireAsk", s.name()))) {
            vm.retire(s);
        }
    }

    private String fileName(ReportResult r, String ext) {
        return r.id().cliName() + "-" + vm.today() + "." + ext;
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static <T> StringConverter<T> names(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? Messages.get("report.all") : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
