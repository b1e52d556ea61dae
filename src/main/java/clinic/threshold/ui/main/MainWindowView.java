package clinic.threshold.ui.main;

import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.Navigator;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import clinic.threshold.ui.patients.PatientChartView;
import clinic.threshold.ui.patients.PatientEditorView;
import clinic.threshold.ui.patients.PatientListView;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Popup;
import javafx.stage.Stage;

/** The main window: navigation, global search (Ctrl+K), work tabs for the list and open charts, status bar. */
public final class MainWindowView implements Navigator {
    private final MainWindowViewModel vm;
    private final Screens screens;
    private final DialogService dialogs;
    private final Map<Long, Tab> chartTabs = new HashMap<>();
    private final Map<Long, Stage> editors = new HashMap<>();
    /** Every open patient form, new ones included, so that closing the main window can ask about them. */
    private final java.util.List<PatientEditorView> openEditors = new java.util.ArrayList<>();
    private final Popup searchPopup = new Popup();
    private final ListView<PatientSummary> searchResults = new ListView<>();
    private PatientListView patientList;

    @FXML private TextField globalSearch;
    @FXML private Label demoBadge;
    @FXML private javafx.scene.control.MenuButton userMenu;
    @FXML private javafx.scene.control.MenuItem themeItem;
    @FXML private javafx.scene.control.MenuItem passwordItem;
    @FXML private javafx.scene.control.MenuItem lockItem;
    @FXML private javafx.scene.control.MenuItem signOutItem;
    @FXML private ToggleButton patientsNav;
    @FXML private ToggleButton usersNav;
    @FXML private ToggleButton auditNav;
    @FXML private ToggleButton backupsNav;
    private Tab backupsTab;
    @FXML private ToggleButton referenceNav;
    @FXML private ToggleButton calendarNav;
    private Tab calendarTab;
    @FXML private ToggleButton workListNav;
    @FXML private ToggleButton scheduleNav;
    @FXML private ToggleButton authorizationsNav;
    @FXML private ToggleButton reportsNav;
    private Tab reportsTab;
    private Tab authorizationsTab;
    private Tab scheduleTab;
    @FXML private ToggleButton setupNav;
    private Tab setupTab;
    private Tab workListTab;
    private Tab referenceTab;
    private Tab usersTab;
    private Tab auditTab;
    @FXML private TabPane workTabs;
    @FXML private Tab patientsTab;
    @FXML private Label dataLabel;
    @FXML private Label statusLabel;
    @FXML private Label auditWarning;
    /** How often the open charts and lists look for other workstations' changes (ADR 0025). */
    static final double FOLLOW_SECONDS = 4;
    private static final int AUDIT_POLL_SECONDS = 5;

    private final clinic.threshold.ui.common.SessionActions session;

    public MainWindowView(MainWindowViewModel vm, Screens screens, DialogService dialogs,
                          clinic.threshold.ui.common.SessionActions session) {
        this.vm = vm;
        this.screens = screens;
        this.dialogs = dialogs;
        this.session = session;
    }

    @FXML
    private void initialize() {
        Screens.Loaded<PatientListView> list = screens.patientList(this);
        patientList = list.view();
        patientsTab.setContent(list.root());
        demoBadge.setVisible(vm.demo());
        demoBadge.setManaged(vm.demo());
        dataLabel.setText(Messages.get(vm.onServer() ? "status.server" : "status.data", vm.dataLocation()));
        statusLabel.textProperty().bind(vm.statusProperty());
        javafx.scene.control.ToggleGroup nav = new javafx.scene.control.ToggleGroup();
        for (ToggleButton b : java.util.List.of(patientsNav, workListNav, scheduleNav, authorizationsNav, reportsNav, setupNav, usersNav, auditNav, referenceNav, calendarNav,
                backupsNav)) {
            b.setToggleGroup(nav);
        }
        patientsNav.setSelected(true);
        patientsNav.setOnAction(e -> {
            patientsNav.setSelected(true);
            workTabs.getSelectionModel().select(patientsTab);
        });
        // Only sections the signed-in role may use are listed.
        // Clinicians review alerts and decide on courses; technicians see the overdue assessments of courses.
        workListNav.setVisible(vm.may(Permission.SAFETY_REVIEW) || vm.may(Permission.OUTCOME_RECORD));
        workListNav.setManaged(workListNav.isVisible());
        workListNav.setOnAction(e -> {
            workListNav.setSelected(true);
            workListTab = openSection(workListTab, "nav.worklist", () -> screens.workList(this, dialogs).root());
        });
        scheduleNav.setVisible(vm.may(Permission.PATIENT_READ));
        scheduleNav.setManaged(scheduleNav.isVisible());
        scheduleNav.setOnAction(e -> {
            scheduleNav.setSelected(true);
            scheduleTab = openSection(scheduleTab, "nav.schedule", () -> screens.schedule(dialogs).root());
        });
        // The front desk follows requests; intake coordinators and clinicians also see what each patient still needs.
        authorizationsNav.setVisible(vm.may(Permission.AUTHORIZATION_MANAGE));
        authorizationsNav.setManaged(authorizationsNav.isVisible());
        authorizationsNav.setOnAction(e -> {
            authorizationsNav.setSelected(true);
            authorizationsTab = openSection(authorizationsTab, "nav.authorizations", () -> screens.authorizations(this, dialogs).root());
        });
        reportsNav.setVisible(vm.may(Permission.REPORT_RUN));
        reportsNav.setManaged(reportsNav.isVisible());
        reportsNav.setOnAction(e -> {
            reportsNav.setSelected(true);
            reportsTab = openSection(reportsTab, "nav.reports", () -> screens.reports(dialogs).root());
        });
        setupNav.setVisible(vm.may(Permission.SETTINGS_ADMIN) || vm.may(Permission.SCHEDULE_WRITE));
        setupNav.setManaged(setupNav.isVisible());
        setupNav.setOnAction(e -> {
            setupNav.setSelected(true);
            setupTab = openSection(setupTab, "nav.setup", () -> screens.scheduleSetup(vm.may(Permission.SETTINGS_ADMIN)).root());
        });
        usersNav.setVisible(vm.may(Permission.USER_ADMIN));
        usersNav.setManaged(usersNav.isVisible());
        auditNav.setVisible(vm.may(Permission.AUDIT_READ));
        auditNav.setManaged(auditNav.isVisible());
        referenceNav.setVisible(vm.may(Permission.REFERENCE_EDIT) || vm.may(Permission.CLINICAL_READ));
        referenceNav.setManaged(referenceNav.isVisible());
        referenceNav.setOnAction(e -> {
            referenceNav.setSelected(true);
            referenceTab = openSection(referenceTab, "nav.reference", () -> screens.referenceData(dialogs).root());
        });
        calendarNav.setVisible(vm.may(Permission.SETTINGS_ADMIN));
        calendarNav.setManaged(calendarNav.isVisible());
        calendarNav.setOnAction(e -> {
            calendarNav.setSelected(true);
            calendarTab = openSection(calendarTab, "nav.calendar", () -> screens.clinicCalendar().root());
        });
        backupsNav.setVisible(vm.may(Permission.BACKUP_MANAGE));
        backupsNav.setManaged(backupsNav.isVisible());
        backupsNav.setOnAction(e -> {
            backupsNav.setSelected(true);
            backupsTab = openSection(backupsTab, "nav.backups", () -> screens.backups(dialogs, session).root());
        });
        usersNav.setOnAction(e -> {
            usersNav.setSelected(true);
            usersTab = openSection(usersTab, "nav.users", () -> screens.users().root());
        });
        auditNav.setOnAction(e -> {
            auditNav.setSelected(true);
            auditTab = openSection(auditTab, "nav.audit", () -> screens.audit(dialogs).root());
        });
        themeItem.setOnAction(e -> vm.toggleTheme());
        userMenu.setText(vm.userText());
        lockItem.setOnAction(e -> session.lockNow());
        passwordItem.setOnAction(e -> session.changePassword());
        signOutItem.setOnAction(e -> session.signOut());
        showAuditWarning();
        watchAuditWarning();
        themeItem.textProperty().bind(vm.themeProperty().map(t -> Messages.get(
                t == UiPreferences.Theme.DARK ? "theme.toLight" : "theme.toDark")));
        vm.themeProperty().addListener((o, a, b) -> Themes.apply(b));
        setUpGlobalSearch();
        vm.start();
    }

    /** Selects a section's tab, creating it (and loading its screen) the first time or after it was closed. */
    private Tab openSection(Tab existing, String titleKey, java.util.function.Supplier<javafx.scene.Parent> content) {
        if (existing != null && workTabs.getTabs().contains(existing)) {
            workTabs.getSelectionModel().select(existing);
            return existing;
        }
        Tab tab = new Tab(Messages.get(titleKey), content.get());
        workTabs.getTabs().add(tab);
        workTabs.getSelectionModel().select(tab);
        return tab;
    }

    /** Installs the window's keyboard shortcuts once the scene exists. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().clear();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), session::lockNow);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newPatient);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), this::closeTab);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            workTabs.getSelectionModel().select(patientsTab);
            patientList.focusSearch();
        });
    }

    private void setUpGlobalSearch() {
        searchResults.setId("globalSearchResults");
        searchResults.setItems(vm.globalResults());
        searchResults.setPrefSize(460, 280);
        searchResults.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PatientSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : Messages.get("search.result", s.familyName(), s.givenName(),
                        s.mrn(), Formats.date(s.birthDate()), Formats.status(s.status())));
            }
        });
        searchResults.setOnMouseClicked(e -> openFromSearch(searchResults.getSelectionModel().getSelectedItem()));
        searchResults.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openFromSearch(searchResults.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchPopup.hide();
                globalSearch.requestFocus();
            }
        });
        searchPopup.getContent().add(searchResults);
        searchPopup.setAutoHide(true);
        globalSearch.textProperty().bindBidirectional(vm.globalSearchProperty());
        vm.globalResults().addListener((javafx.collections.ListChangeListener<PatientSummary>) c -> {
            if (vm.globalResults().isEmpty() || !globalSearch.isFocused()) {
                searchPopup.hide();
            } else if (!searchPopup.isShowing() && globalSearch.getScene() != null) {
                Bounds b = globalSearch.localToScreen(globalSearch.getBoundsInLocal());
                searchPopup.show(globalSearch, b.getMinX(), b.getMaxY() + 2);
            }
        });
        globalSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !vm.globalResults().isEmpty()) {
                searchResults.requestFocus();
                searchResults.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER && !vm.globalResults().isEmpty()) {
                openFromSearch(vm.globalResults().get(0));
            } else if (e.getCode() == KeyCode.ESCAPE) {
                globalSearch.clear();
                searchPopup.hide();
            }
        });
    }

    private void openFromSearch(PatientSummary s) {
        if (s == null) {
            return;
        }
        searchPopup.hide();
        globalSearch.clear();
        openChart(s.id());
    }

    /** Puts the keyboard on the patient table, where the working day starts (search hints stay visible). */
    public void focusWorkArea() {
        patientList.focusTable();
    }

    public void focusSearch() {
        globalSearch.requestFocus();
        globalSearch.selectAll();
    }

    private void closeTab() {
        Tab t = workTabs.getSelectionModel().getSelectedItem();
        if (t != null && t != patientsTab) {
            closeChartTab(t);
        }
    }

    @Override
    public void openChart(long patientId) {
        Tab existing = chartTabs.get(patientId);
        if (existing != null) {
            workTabs.getSelectionModel().select(existing);
            return;
        }
        Screens.Loaded<PatientChartView> chart = screens.chart(patientId, this, dialogs);
        Tab tab = new Tab(Messages.get("chart.loading"), chart.root());
        tab.setId("chart-" + patientId);
        chart.view().viewModel().dataProperty().addListener((o, a, d) -> {
            if (d != null) {
                tab.setText(Messages.get("patient.name.format", d.patient().details().familyName(),
                        d.patient().details().givenName()));
            }
        });
        chart.view().viewModel().closedProperty().addListener((o, a, closed) -> {
            if (closed) {
                closeChartTab(tab);
            }
        });
        tab.setOnClosed(e -> forget(patientId, chart.view()));
        tab.setUserData(chart.view());
        chartTabs.put(patientId, tab);
        workTabs.getTabs().add(tab);
        workTabs.getSelectionModel().select(tab);
    }

    private void closeChartTab(Tab tab) {
        workTabs.getTabs().remove(tab);
        if (tab.getUserData() instanceof PatientChartView v) {
            forget(v.viewModel().patientId(), v);
        }
    }

    private void forget(long patientId, PatientChartView view) {
        chartTabs.remove(patientId);
        view.viewModel().dispose();
    }

    /** Asks before the main window closes while patient forms hold unsaved typing; true when it may close. */
    private void showAuditWarning() {
        String w = vm.auditWarning();
        auditWarning.setText(w);
        auditWarning.setVisible(!w.isEmpty());
        auditWarning.setManaged(!w.isEmpty());
    }

    /**
     * The complete walk of the audit trail finishes after sign-in, in the background (ADR 0022): its finding is picked
     * up every few seconds while this window shows (a field read, no database work).
     */
    private void watchAuditWarning() {
        // Anchored on the status line, which is always there while the window shows (the warning is hidden until needed).
        clinic.threshold.ui.common.WhileInScene.every(dataLabel, AUDIT_POLL_SECONDS, this::showAuditWarning);
        clinic.threshold.ui.common.WhileInScene.every(dataLabel, FOLLOW_SECONDS, () -> vm.followOtherWorkstations(
                () -> clinic.threshold.ui.common.WhileInScene.shown(dataLabel)));
    }

    public boolean mayClose() {
        long unsaved = openEditors.stream().filter(PatientEditorView::hasUnsavedChanges).count();
        return unsaved == 0 || dialogs.confirm(Messages.get("app.close.title"),
                Messages.get("app.close.unsaved", unsaved));
    }

    private boolean mayDiscard(PatientEditorView editor, Stage editorStage) {
        return !editor.hasUnsavedChanges() || dialogs.forWindow(editorStage).confirm(Messages.get("patient.editor.discard.title"),
                Messages.get("patient.editor.discard.message"));
    }

    @Override
    public void newPatient() {
        openEditor(null);
    }

    @Override
    public void editPatient(long patientId) {
        openEditor(patientId);
    }

    private void openEditor(Long patientId) {
        Stage open = patientId == null ? null : editors.get(patientId);
        if (open != null) {
            open.toFront();
            return;
        }
        Stage stage = new Stage();
        stage.initOwner(workTabs.getScene().getWindow());
        AtomicReference<PatientEditorView> view = new AtomicReference<>();
        // Cancel, Esc and the window's close box all ask before unsaved typing is thrown away.
        Screens.Loaded<PatientEditorView> editor = screens.editor(patientId, this, () -> {
            if (mayDiscard(view.get(), stage)) {
                stage.close();
            }
        });
        view.set(editor.view());
        Scene scene = new Scene(editor.root());
        scene.getStylesheets().add(Themes.appStylesheet());
        stage.setScene(scene);
        stage.setTitle(Messages.get(patientId == null ? "patient.editor.titleNew" : "patient.editor.titleEdit"));
        stage.setOnCloseRequest(e -> {
            if (!mayDiscard(editor.view(), stage)) {
                e.consume();
            }
        });
        openEditors.add(editor.view());
        stage.setOnHidden(e -> {
            openEditors.remove(editor.view());
            if (patientId != null) {
                editors.remove(patientId);
            }
        });
        if (patientId != null) {
            editors.put(patientId, stage);
        }
        stage.setHeight(Math.min(880, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 40));
        stage.show();
    }
}
