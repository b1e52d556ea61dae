package clinic.threshold.ui.admin;

import clinic.threshold.i18n.Messages;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/**
 * The backups screen of a clinic on a PostgreSQL server: Threshold does not copy a server's database file, so the
 * screen says how the server is backed up and restored with PostgreSQL's own tools, and what stays the same (the audit
 * trail's check). The procedure in full is in docs/postgresql.md.
 */
public final class ServerBackupsView {
    private final String location;

    @FXML private Label whereLabel;

    public ServerBackupsView(String location) {
        this.location = location;
    }

    @FXML
    private void initialize() {
        whereLabel.setText(Messages.get("backups.server.where", location));
    }
}
