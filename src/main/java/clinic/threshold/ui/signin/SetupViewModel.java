package clinic.threshold.ui.signin;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.security.ClinicGate;
import clinic.threshold.service.security.ClinicSetup;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.Passwords;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** First run: the clinic's name and time zone, and its first administrator. */
public final class SetupViewModel {
    private final ClinicGate gate;
    private final TaskExecutor executor;
    private final Consumer<ClinicGate.SetupResult> onDone;
    private final StringProperty clinicName = new SimpleStringProperty("");
    private final StringProperty timeZone = new SimpleStringProperty(ZoneId.systemDefault().getId());
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<String> zones = FXCollections.observableArrayList(
            ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")).sorted()
                    .collect(Collectors.toList()));

    public SetupViewModel(ClinicGate gate, TaskExecutor executor, Consumer<ClinicGate.SetupResult> onDone) {
        this.gate = gate;
        this.executor = executor;
        this.onDone = onDone;
    }

    private Runnable connectToServer;

    /** Offers the server form instead of a clinic in this folder's own file (first run only). */
    public void serverChoice(Runnable connectToServer) {
        this.connectToServer = connectToServer;
    }

    public boolean mayConnectToServer() {
        return connectToServer != null && !gate.onServer();
    }

    public void connectToServer() {
        if (mayConnectToServer()) {
            connectToServer.run();
        }
    }

    /** What is about to be created: an encrypted file here, or the clinic in the server's empty database. */
    public String intro() {
        return gate.serverFields().map(f -> Messages.get("setup.intro.server", f.host(), f.database()))
                .orElse(Messages.get("setup.intro"));
    }

    public void create() {
        ClinicSetup s = new ClinicSetup(clinicName.get(), timeZone.get(), username.get(), displayName.get(),
                Passwords.take(password), Passwords.take(confirm));
        busy.set(true);
        message.set(Messages.get(gate.onServer() ? "setup.working.server" : "setup.working"));
        executor.run(() -> gate.setUp(s), r -> {
            busy.set(false);
            message.set("");
            onDone.accept(r);
        }, e -> {
            busy.set(false);
            message.set(e instanceof ValidationException ? ErrorText.of(e) : ErrorText.of(e));
        });
    }

    public StringProperty clinicNameProperty() {
        return clinicName;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> zones() {
        return zones;
    }
}
