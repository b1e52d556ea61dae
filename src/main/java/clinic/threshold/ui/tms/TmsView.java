package clinic.threshold.ui.tms;

import clinic.threshold.domain.tms.AdverseEvent;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Formats;
import java.time.Clock;
import java.time.LocalDate;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The TMS tab: one course at a time (the active one first) with its flags, summary, sessions given and planned,
 * motor-threshold history, adverse events and the assessment scale's trend; every TMS action sits in one bar,
 * shown to those whose role allows it.
 */
public final class TmsView {
    private final TmsViewModel vm;
    private final DialogService dialogs;
    private final Clock clock;
    private final ScoreChart chart = new ScoreChart();

    @FXML private ComboBox<CourseView> courseChoice;
    @FXML private Label courseStatusLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private FlowPane flagBox;
    @FXML private Label errorLabel;
    @FXML private Label noticeLabel;
    @FXML private GridPane summaryGrid;
    @FXML private TableView<CourseRow> sessionTable;
    @FXML private TableView<MotorThreshold> mtTable;
    @FXML private VBox eventBox;
    @FXML private Label scheduleTitle;
    @FXML private VBox scheduleBox;
    @FXML private Label scoreTitle;
    @FXML private VBox scoreBox;
    @FXML private Button tmsRecordButton;
    @FXML private Button tmsMissButton;
    @FXML private Button tmsMtButton;
    @FXML private Button tmsScreenButton;
    @FXML private Button tmsClearButton;
    @FXML private Button tmsNewCourseButton;
    @FXML private Button tmsExtendButton;
    @FXML private Button tmsDecisionButton;
    @FXML private Button tmsAuthButton;
    @FXML private Button tmsEndButton;
    @FXML private Button tmsAddendumButton;
    @FXML private Button tmsVoidButton;

    public TmsView(TmsViewModel vm, DialogService dialogs, Clock clock) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    public TmsViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        scoreBox.getChildren().add(chart);
        noticeLabel.setId("tms-notice");
        noticeLabel.managedProperty().bind(noticeLabel.textProperty().isNotEmpty());
        courseChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(CourseView c) {
                return c == null ? "" : Messages.get("tms.course.choice", c.protocol().name(), Formats.date(c.course().start()),
                        Messages.label(c.course().status()));
            }

            @Override
            public CourseView fromString(String s) {
                return null;
            }
        });
        courseChoice.valueProperty().addListener((o, a, b) -> showCourse());
        TmsTables.sessions(sessionTable);
        TmsTables.motorThresholds(mtTable);
        boolean record = vm.mayRecord();
        boolean manage = vm.mayManage();
        show(record, tmsRecordButton, tmsMissButton, tmsMtButton, tmsScreenButton, tmsAddendumButton);
        show(manage, tmsClearButton, tmsNewCourseButton, tmsExtendButton, tmsDecisionButton, tmsAuthButton, tmsEndButton,
                tmsVoidButton);
        tmsVoidButton.disableProperty().bind(sessionTable.getSelectionModel().selectedItemProperty().isNull());
        if (manage) {
            mtTable.setRowFactory(t -> {
                javafx.scene.control.TableRow<MotorThreshold> row = new javafx.scene.control.TableRow<>();
                javafx.scene.control.MenuItem voidItem = new javafx.scene.control.MenuItem(Messages.get("tms.mt.void"));
                voidItem.setOnAction(e -> voidMt(row.getItem()));
                row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                        .then((javafx.scene.control.ContextMenu) null).otherwise(new javafx.scene.control.ContextMenu(voidItem)));
                return row;
            });
        }
        tmsAddendumButton.disableProperty().bind(sessionTable.getSelectionModel().selectedItemProperty().isNull());
        vm.stateProperty().addListener((o, a, b) -> refresh());
        vm.load();
    }

    private static void show(boolean visible, Button... buttons) {
        for (Button b : buttons) {
            b.setVisible(visible);
            b.setManaged(visible);
        }
    }

    private void refresh() {
        TmsViewModel.State s = vm.stateProperty().get();
        if (s == null) {
            return;
        }
        Long selected = courseChoice.getValue() == null ? null : courseChoice.getValue().course().id();
        var courses = FXCollections.observableArrayList(s.overview().courses());
        FXCollections.reverse(courses);
        courseChoice.setItems(courses);
        CourseView pick = courses.stream().filter(c -> selected != null && c.course().id() == selected).findFirst()
                .orElse(s.overview().active() != null ? s.overview().active() : courses.isEmpty() ? null : courses.get(0));
        courseChoice.setValue(pick);
        var mts = FXCollections.observableArrayList(s.overview().motorThresholds());
        FXCollections.reverse(mts);
        mtTable.setItems(mts);
        showCourse();
    }

    private void showCourse() {
        TmsViewModel.State s = vm.stateProperty().get();
        if (s == null) {
            return;
        }
        CourseView c = courseChoice.getValue();
        flagBox.getChildren().clear();
        for (TmsSummary.Flag f : TmsSummary.flags(s.overview(), c)) {
            Label l = new Label(f.text());
            l.getStyleClass().addAll("medication-flag", f.style());
            l.setWrapText(true);
            l.maxWidthProperty().bind(flagBox.widthProperty());
            flagBox.getChildren().add(l);
        }
        TmsSummary.fill(summaryGrid, s.overview(), c);
        courseStatusLabel.setText(c == null ? Messages.get("tms.course.empty") : "");
        boolean active = c != null && c.course().status() == clinic.threshold.domain.tms.CourseStatus.ACTIVE;
        for (Button b : new Button[] {tmsRecordButton, tmsMissButton, tmsExtendButton, tmsDecisionButton, tmsEndButton}) {
            b.setDisable(!active);
        }
        tmsAuthButton.setDisable(c == null);
        tmsClearButton.setDisable(s.overview().screening().status()
                != clinic.threshold.domain.tms.ScreeningStatus.NEEDS_CLEARANCE);
        var rows = FXCollections.observableArrayList(c == null ? java.util.List.<CourseRow>of() : CourseRow.of(c.progress()));
        sessionTable.setItems(rows);
        // The work is at the boundary between given and planned: show the last sessions and the next ones.
        int next = rows.stream().filter(CourseRow::planned).findFirst().map(rows::indexOf).orElse(rows.size());
        sessionTable.scrollTo(Math.max(0, next - 3));
        showSchedule(s.overview().scale(), c);
        eventBox.getChildren().clear();
        if (c != null) {
            for (SavedSession ss : c.progress().sessions()) {
                if (ss.delivered()) {
                    for (AdverseEvent e : ss.entry().events()) {
                        Label l = new Label(Messages.get("tms.events.line", Formats.date(ss.date()), ss.number(),
                                Messages.label(e.type()), Messages.label(e.severity()), e.action()));
                        l.setWrapText(true);
                        eventBox.getChildren().add(l);
                    }
                }
            }
        }
        if (eventBox.getChildren().isEmpty()) {
            Label none = new Label(Messages.get("tms.events.none"));
            none.getStyleClass().add("text-muted");
            eventBox.getChildren().add(none);
        }
        scoreTitle.setText(Messages.get(s.overview().scores().isEmpty() ? "tms.scores.none" : "tms.scores.title",
                s.overview().scale()));
        chart.show(s.overview().scores(), s.overview().scaleMax(), c == null ? null : c.course().start(),
                c == null ? null : c.progress().authorization().projectedEnd());
    }

    /** The course's assessment schedule: each point with its day and whether it was done. */
    private void showSchedule(String scale, CourseView c) {
        scheduleTitle.setText(Messages.get("tms.schedule.title", scale));
        scheduleBox.getChildren().clear();
        if (c == null) {
            return;
        }
        for (var d : c.assessments()) {
            // A baseline taken after the first session clears the flag but cannot be the course's baseline (ADR 0014).
            boolean lateBaseline = d.status() == clinic.threshold.domain.tms.DueAssessment.Status.LATE
                    && d.kind() == clinic.threshold.domain.tms.DueAssessment.Kind.BASELINE;
            String status = Messages.get(lateBaseline ? "tms.schedule.status.lateBaseline"
                    : "tms.schedule.status." + d.status().name(), Formats.date(d.doneOn()));
            Label l = new Label(Messages.get("tms.schedule.line", Formats.date(d.due()),
                    Messages.get("tms.schedule.kind." + d.kind().name()), status));
            switch (d.status()) {
                case OVERDUE, MISSED -> l.getStyleClass().add("warning");
                case LATE -> l.getStyleClass().add(lateBaseline ? "warning" : "success");
                case DONE -> l.getStyleClass().add("success");
                default -> l.getStyleClass().add("text-muted");
            }
            scheduleBox.getChildren().add(l);
        }
    }

    private Window window() {
        return sessionTable.getScene() == null ? null : sessionTable.getScene().getWindow();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private TmsViewModel.State state() {
        return vm.stateProperty().get();
    }

    @FXML
    private void onRecord() {
        if (state() != null && courseChoice.getValue() != null) {
            new SessionDialog(window(), state(), courseChoice.getValue(), today(), vm,
                    r -> noticeLabel.setText(TmsText.saved(r))).show();
        }
    }

    @FXML
    private void onMiss() {
        if (courseChoice.getValue() != null) {
            new MissDialog(window(), courseChoice.getValue(), today(), vm).show();
        }
    }

    @FXML
    private void onMt() {
        if (state() != null) {
            new MtDialog(window(), state(), courseChoice.getValue(), today(), vm).show();
        }
    }

    @FXML
    private void onScreen() {
        if (state() != null) {
            new ScreeningDialog(window(), state().overview(), today(), vm).show();
        }
    }

    @FXML
    private void onClear() {
        var latest = state() == null ? null : state().overview().screening().latest();
        if (latest != null) {
            new ClearanceDialog(window(), state().overview(), vm).show();
        }
    }

    @FXML
    private void onNewCourse() {
        if (state() != null) {
            new CourseDialog(window(), state(), today(), vm).show();
        }
    }

    @FXML
    private void onExtend() {
        if (state() != null && courseChoice.getValue() != null) {
            CourseActions.extend(window(), courseChoice.getValue(), state().reference().rules().extensionStep(), vm);
        }
    }

    @FXML
    private void onDecide() {
        if (courseChoice.getValue() != null) {
            CourseActions.decide(window(), courseChoice.getValue(), vm);
        }
    }

    @FXML
    private void onAuthorization() {
        if (courseChoice.getValue() != null) {
            CourseActions.authorization(window(), courseChoice.getValue(), vm);
        }
    }

    @FXML
    private void onEnd() {
        if (courseChoice.getValue() != null) {
            CourseActions.end(window(), courseChoice.getValue(), vm);
        }
    }

    @FXML
    private void onVoid() {
        CourseRow row = sessionTable.getSelectionModel().getSelectedItem();
        if (row == null || row.planned()) {
            dialogs.showInfo(Messages.get("tms.action.void"), Messages.get("tms.void.pick"));
            return;
        }
        dialogs.askText(Messages.get("tms.action.void"), Messages.get("tms.void.header", Formats.date(row.date()),
                row.session().delivered() ? Messages.get("tms.void.given", row.number()) : Messages.label(row.session().status())),
                Messages.get("tms.field.reason")).ifPresent(reason -> vm.voidSession(row.session(), reason,
                        e -> dialogs.showError(Messages.get("tms.action.void"), TmsErrors.of(e))));
    }

    private void voidMt(MotorThreshold mt) {
        if (mt != null) {
            dialogs.askText(Messages.get("tms.mt.void"), Messages.get("tms.mt.voidHeader", mt.outputPct(),
                    Formats.date(mt.measuredOn())), Messages.get("tms.field.reason")).ifPresent(reason -> vm.voidMt(mt,
                    reason, e -> dialogs.showError(Messages.get("tms.mt.void"), TmsErrors.of(e))));
        }
    }

    @FXML
    private void onAddendum() {
        CourseRow row = sessionTable.getSelectionModel().getSelectedItem();
        if (row == null || row.planned() || !row.session().delivered()) {
            dialogs.showInfo(Messages.get("tms.action.addendum"), Messages.get("tms.addendum.pick"));
            return;
        }
        dialogs.askText(Messages.get("tms.action.addendum"), Messages.get("tms.addendum.header", row.number(),
                Formats.date(row.date())), Messages.get("tms.addendum.label"))
                .ifPresent(text -> vm.addendum(row.session(), text, e -> dialogs.showError(
                        Messages.get("tms.action.addendum"), TmsErrors.of(e))));
    }
}
