package clinic.threshold.ui.signin;

import clinic.threshold.i18n.Messages;
import clinic.threshold.service.security.ClinicGate;
import clinic.threshold.service.security.ServerFields;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.Passwords;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Points this workstation at a clinic on a PostgreSQL server (issue 13): the server's address, the clinic's account
 * there and its password, and how TLS is checked. Connecting opens the server's database off the window's thread
 * (and brings it up to this version); only a connection that worked is kept.
 */
public final class ServerConnectViewModel {
    private final ClinicGate gate;
    private final TaskExecutor executor;
    private final Consumer<Boolean> onConnected;
    private final StringProperty host = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty database = new SimpleStringProperty();
    private final StringProperty user = new SimpleStringProperty();
    private final StringProperty tls = new SimpleStringProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<String> tlsModes = FXCollections.observableArrayList(ServerFields.TLS_MODES);
    // Held here: a binding only the view's listener refers to could be collected, and the hint would stop following.
    private final javafx.beans.binding.StringBinding tlsHint = Bindings.createStringBinding(() -> Messages.get(
            "server.tls." + (tls.get() == null ? ServerFields.TLS_MODES.get(0) : tls.get())), tls);
    private final BooleanBinding tlsOff = Bindings.equal("disable", tls);

    /** {@code onConnected} hears whether the server's clinic has accounts already (sign in) or not (set it up). */
    public ServerConnectViewModel(ClinicGate gate, TaskExecutor executor, Consumer<Boolean> onConnected) {
        this.gate = gate;
        this.executor = executor;
        this.onConnected = onConnected;
        ServerFields f = gate.serverFields().orElse(ServerFields.blank());
        host.set(f.host());
        port.set(f.port());
        database.set(f.database());
        user.set(f.user());
        tls.set(f.tls());
    }

    public void connect() {
        ServerFields f = new ServerFields(host.get(), port.get(), database.get(), user.get(), tls.get());
        char[] pw = Passwords.take(password);
        busy.set(true);
        message.set(Messages.get("server.connecting", f.host()));
        executor.run(() -> gate.connectToServer(f, pw), accounts -> {
            busy.set(false);
            message.set("");
            onConnected.accept(accounts);
        }, e -> {
            busy.set(false);
            message.set(ErrorText.of(e));
        });
    }

    /** Shown under the TLS choice: what the chosen mode checks, and a warning when it checks nothing. */
    public javafx.beans.binding.StringBinding tlsHint() {
        return tlsHint;
    }

    public BooleanBinding tlsOff() {
        return tlsOff;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty tlsProperty() {
        return tls;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> tlsModes() {
        return tlsModes;
    }

    /** Where a connected workstation keeps the password, for the form's note; empty before the first connection. */
    public String secretLocation() {
        return gate.serverSecretLocation().map(w -> Messages.get("server.secretWhere", w)).orElse("");
    }
}
