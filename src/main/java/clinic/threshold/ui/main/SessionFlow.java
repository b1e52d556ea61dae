package clinic.threshold.ui.main;

import clinic.threshold.domain.user.UserSession;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.security.ClinicGate;
import clinic.threshold.service.settings.SettingsService;
import clinic.threshold.ui.common.FxDialogService;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.SessionActions;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import clinic.threshold.ui.common.ViewLoader;
import clinic.threshold.ui.signin.ChangePasswordView;
import clinic.threshold.ui.signin.ChangePasswordViewModel;
import clinic.threshold.ui.signin.DemoAccount;
import clinic.threshold.ui.signin.LockView;
import clinic.threshold.ui.signin.LockViewModel;
import clinic.threshold.ui.signin.ServerConnectView;
import clinic.threshold.ui.signin.ServerConnectViewModel;
import clinic.threshold.ui.signin.SetupView;
import clinic.threshold.ui.signin.SetupViewModel;
import clinic.threshold.ui.signin.SignInView;
import clinic.threshold.ui.signin.SignInViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One window through a working day: setup (first run) or sign-in, a required password change, the main
 * window, the idle lock that hides every patient detail, and sign-out back to the sign-in screen.
 */
public final class SessionFlow implements SessionActions {
    private final Stage stage;
    private final ClinicGate gate;
    private final TaskExecutor executor;
    private final UiPreferences prefs;
    private final Clock clock;
    private final List<DemoAccount> demoAccounts;
    private final StackPane root = new StackPane();
    private java.util.function.Function<java.util.function.Supplier<javafx.stage.Window>, clinic.threshold.ui.common.DialogService>
            dialogFactory = FxDialogService::new;
    private java.util.function.Function<clinic.threshold.domain.common.Progress, String> demoBuilder;
    private ClinicServices services;
    /** A problem to show on the first sign-in screen (a demo clinic whose build was cut short). */
    private String startNotice;
    /** True while a restore, compaction or the demo's build runs: the window may not close. */
    private boolean folderWork;
    private MainWindowView mainView;
    private Parent mainRoot;
    private Parent lockRoot;
    private IdleMonitor idle;
    private List<Window> hiddenWhileLocked = List.of();

    public SessionFlow(Stage stage, ClinicGate gate, TaskExecutor executor, UiPreferences prefs, Clock clock,
                       List<DemoAccount> demoAccounts) {
        this.stage = stage;
        this.gate = gate;
        this.executor = executor;
        this.prefs = prefs;
        this.clock = clock;
        this.demoAccounts = demoAccounts;
    }

    /**
     * The dialogs the main window uses. Tests replace the operating system's file choosers, which cannot be driven
     * headless, and keep everything else.
     */
    /**
     * How to create the demo clinic on first use (returning the sign-in screen's notice); the window shows its progress
     * before the sign-in screen. Null (the default) outside a demo folder.
     */
    public void demoBuilder(java.util.function.Function<clinic.threshold.domain.common.Progress, String> builder) {
        this.demoBuilder = builder;
    }

    /** A problem the first sign-in screen shows (set before {@link #start}). */
    public void startNotice(String problem) {
        this.startNotice = problem;
    }

    public void dialogs(java.util.function.Function<java.util.function.Supplier<javafx.stage.Window>,
            clinic.threshold.ui.common.DialogService> factory) {
        this.dialogFactory = factory;
    }

    /** Puts the first screen in the stage and shows it. */
    public void start() {
        Themes.apply(prefs.theme());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Themes.appStylesheet());
        stage.setScene(scene);
        stage.setTitle(Messages.get(gate.demo() ? "app.titleDemo" : "app.title"));
        stage.setOnCloseRequest(e -> {
            // Work on the whole folder (a restore, a compaction, the demo being built) must not be cut off:
            // its screen says so, and the window stays until it is done.
            if (folderWork || (mainView != null && !mainView.mayClose())) {
                e.consume();
            }
        });
        if (demoBuilder != null && !gate.isSetUp()) {
            showFolderWork(Messages.get("demo.building.title"), Messages.get("demo.building.wait"), null, new char[0], demoBuilder);
        } else if (gate.isSetUp()) {
            showSignIn(startNotice, startNotice != null);
        } else {
            showSetup();
        }
        WindowPlacement.place(stage, prefs.bounds());
        stage.show();
    }

    /** The signed-in services, or null at the sign-in screen (the application closes them on exit). */
    public ClinicServices services() {
        return services;
    }

    private void showSetup() {
        SetupViewModel vm = new SetupViewModel(gate, executor, r -> {
            if (r.recoveryKey() != null) { // none on a server: another administrator resets a lost password there
                String key = new String(r.recoveryKey());
                java.util.Arrays.fill(r.recoveryKey(), '\0');
                new FxDialogService(() -> stage).showInfo(Messages.get("setup.recovery.title"),
                        Messages.get("setup.recovery.message", key));
            }
            enter(r.clinic());
        });
        vm.serverChoice(() -> showServerConnect(this::showSetup));
        root.getChildren().setAll(ViewLoader.load(new SetupView(vm)));
    }

    /** The form that points this workstation at a clinic on a server; {@code back} returns to where it was opened. */
    private void showServerConnect(Runnable back) {
        ServerConnectView view = new ServerConnectView(new ServerConnectViewModel(gate, executor, accounts -> {
            if (accounts) {
                showSignIn(Messages.get("server.connected", gate.serverFields().map(f -> f.host()).orElse("")));
            } else {
                showSetup();
            }
        }), back);
        root.getChildren().setAll(ViewLoader.load(view));
    }

    private void showSignIn(String notice) {
        showSignIn(notice, false);
    }

    private void showSignIn(String notice, boolean noticeIsError) {
        SignInViewModel vm = new SignInViewModel(gate, executor, demoAccounts, notice, noticeIsError, this::enter,
                (archive, user, password) -> showRestore(archive, user, password, null));
        vm.serverActions(() -> showServerConnect(() -> showSignIn(null)), this::showSetup);
        root.getChildren().setAll(ViewLoader.load(new SignInView(vm)));
    }

    private void showRestore(java.nio.file.Path archive, String user, char[] password, ClinicServices closing) {
        showFolderWork(Messages.get("restore.title", archive.getFileName().toString()), Messages.get("restore.wait"),
                closing, password, p -> {
            var r = gate.restore(archive, user, password, p);
            return Messages.get("backup.restore.done", r.backup(), r.createdAt(), r.replacedFiles());
        });
    }

    /** Shows the progress screen for work on the whole data folder, then the sign-in screen with its outcome. */
    private void showFolderWork(String title, String hint, ClinicServices closing, char[] password,
                                java.util.function.Function<clinic.threshold.domain.common.Progress, String> job) {
        folderWork = true;
        RestoreView view = new RestoreView(new RestoreViewModel(executor, title, hint, closing, password, job,
                done -> {
                    folderWork = false;
                    showSignIn(done);
                }, problem -> {
                    folderWork = false;
                    showSignIn(problem, true);
                }));
        root.getChildren().setAll(ViewLoader.load(view));
    }

    @Override
    public void compactDatabase(char[] password) {
        if (services == null || (mainView != null && !mainView.mayClose())) {
            java.util.Arrays.fill(password, '\0');
            return;
        }
        String user = services.session().current().map(UserSession::username).orElse("");
        ClinicServices closing = leaveSession();
        showFolderWork(Messages.get("compact.title"), Messages.get("compact.wait"), closing, password, p -> {
            var r = gate.compact(user, password, p);
            return Messages.get("compact.done", r.replacedFiles());
        });
    }

    @Override
    public void restoreBackup(java.nio.file.Path backup, char[] password) {
        if (services == null || (mainView != null && !mainView.mayClose())) {
            java.util.Arrays.fill(password, '\0');
            return;
        }
        String user = services.session().current().map(UserSession::username).orElse("");
        ClinicServices closing = leaveSession();
        showRestore(backup, user, password, closing);
    }

    /** Opens the main window for a signed-in user (after a required password change). */
    public void enter(ClinicServices signedIn) {
        this.services = signedIn;
        UserSession s = signedIn.session().current().orElseThrow();
        if (s.mustChangePassword()) {
            ChangePasswordView view = new ChangePasswordView(new ChangePasswordViewModel(signedIn, executor, true,
                    () -> enter(signedIn)), () -> { });
            root.getChildren().setAll(ViewLoader.load(view));
            return;
        }
        Screens screens = new Screens(signedIn, executor, new PatientEvents(), clock);
        mainView = new MainWindowView(screens.mainWindowViewModel(prefs), screens, dialogFactory.apply(() -> stage),
                this);
        mainRoot = ViewLoader.load(mainView);
        root.getChildren().setAll(mainRoot);
        mainView.installShortcuts(stage.getScene());
        Platform.runLater(mainView::focusWorkArea);
        executor.run(signedIn.settings()::idleTimes, this::watchIdle, e -> watchIdle(
                new SettingsService.IdleTimes(SettingsService.IDLE_LOCK_DEFAULT, SettingsService.SIGN_OUT_DEFAULT)));
    }

    private void watchIdle(SettingsService.IdleTimes t) {
        if (services == null) {
            return;
        }
        idle = new IdleMonitor(clock, Duration.ofMinutes(t.lockMinutes()), Duration.ofMinutes(t.signOutMinutes()),
                this::lockNow, () -> signOutWith(Messages.get("session.signedOutIdle")));
        idle.start(stage.getScene());
    }

    /** Hides every patient detail behind the lock screen; open forms are hidden, not closed. */
    @Override
    public void lockNow() {
        if (services == null || lockRoot != null) {
            return;
        }
        hiddenWhileLocked = Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).toList();
        hiddenWhileLocked.forEach(Window::hide);
        mainRoot.setVisible(false);
        LockView view = new LockView(new LockViewModel(services, executor, this::unlocked,
                () -> signOutWith(Messages.get("session.signedOutLock"))), this::signOut);
        lockRoot = ViewLoader.load(view);
        root.getChildren().add(lockRoot);
        Platform.runLater(view::focus);
        ClinicServices s = services;
        executor.run(() -> {
            s.session().locked();
            return null;
        }, ok -> { }, e -> { });
    }

    private void unlocked() {
        root.getChildren().remove(lockRoot);
        lockRoot = null;
        mainRoot.setVisible(true);
        hiddenWhileLocked.forEach(w -> {
            if (w instanceof Stage st) {
                st.show();
            }
        });
        hiddenWhileLocked = List.of();
        if (idle != null) {
            idle.touch();
        }
    }

    @Override
    public void signOut() {
        if (mainView != null && lockRoot == null && !mainView.mayClose()) {
            return;
        }
        signOutWith(Messages.get("session.signedOut"));
    }

    private void signOutWith(String notice) {
        ClinicServices closing = leaveSession();
        showSignIn(notice);
        if (closing != null) {
            executor.run(() -> {
                closing.close();
                return null;
            }, ok -> { }, e -> { });
        }
    }

    /** Stops the idle watch, hides every other window and forgets the session; returns it for closing. */
    private ClinicServices leaveSession() {
        if (idle != null) {
            idle.stop();
            idle = null;
        }
        Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
        ClinicServices closing = services;
        services = null;
        mainView = null;
        mainRoot = null;
        lockRoot = null;
        hiddenWhileLocked = List.of();
        return closing;
    }

    @Override
    public void changePassword() {
        if (services == null) {
            return;
        }
        Stage dialog = new Stage();
        dialog.initOwner(stage);
        dialog.initModality(javafx.stage.Modality.WINDOW_MODAL);
        ChangePasswordView view = new ChangePasswordView(new ChangePasswordViewModel(services, executor, false,
                dialog::close), dialog::close);
        Scene scene = new Scene(ViewLoader.load(view));
        scene.getStylesheets().add(Themes.appStylesheet());
        dialog.setScene(scene);
        dialog.setTitle(Messages.get("password.title"));
        dialog.show();
    }

    /** For tests: the idle monitor's check, run now instead of at the next tick. */
    public void checkIdleNow() {
        if (idle != null) {
            idle.check();
        }
    }

    public boolean locked() {
        return lockRoot != null;
    }
}
