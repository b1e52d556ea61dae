package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The commands on a selected request that the chart's Payer tab and the pipeline share (change status, edit, letter),
 * and the rows that show a request's alerts.
 */
final class RequestCommands {
    private final TableView<AuthorizationRow> table;
    private final AuthorizationDialogs forms;
    private final AuthorizationActions actions;
    private final DialogService dialogs;
    private final StringProperty message;
    private final Supplier<LocalDate> today;
    private final Consumer<String> failed;

    RequestCommands(TableView<AuthorizationRow> table, AuthorizationActions actions, DialogService dialogs, StringProperty message,
            Supplier<LocalDate> today) {
        this.table = table;
        this.forms = new AuthorizationDialogs(actions);
        this.actions = actions;
        this.dialogs = dialogs;
        this.message = message;
        this.today = today;
        this.failed = text -> dialogs.showError(Messages.get("auth.error.title"), text);
    }

    AuthorizationDialogs forms() {
        return forms;
    }

    Consumer<String> failed() {
        return failed;
    }

    void changeStatus() {
        AuthorizationRow r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            forms.changeStatus(table.getScene().getWindow(), r, today.get(), () -> message.set(Messages.get("auth.statusChanged")));
        }
    }

    void edit() {
        AuthorizationRow r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            forms.editRequest(table.getScene().getWindow(), r, () -> message.set(Messages.get("auth.edited")), failed);
        }
    }

    /** Makes the selected request's letter, stores it, then asks where to save the PDF. */
    void letter() {
        AuthorizationRow r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            actions.letter(r.request().patientId(), r.request().id(), name -> dialogs.chooseSaveFile(Messages.get("letter.save"), name),
                    message::set, failed);
        }
    }

    /** Rows of requests with alerts stand out and say why in a tooltip. */
    static TableRow<AuthorizationRow> alertRow() {
        return new TableRow<>() {
            @Override
            protected void updateItem(AuthorizationRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("payer-unmet");
                setTooltip(null);
                if (!empty && item != null && !item.countdown().alerts().isEmpty()) {
                    getStyleClass().add("payer-unmet");
                    setTooltip(new Tooltip(AuthorizationText.alerts(item)));
                }
            }
        };
    }
}
