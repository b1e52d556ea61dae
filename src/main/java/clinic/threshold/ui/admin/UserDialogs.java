package clinic.threshold.ui.admin;

import clinic.threshold.i18n.Messages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The small forms of user administration: a new account, roles, a temporary password. */
final class UserDialogs {
    private UserDialogs() {
    }

    /** What the new-account form returns. */
    record NewUser(String username, String displayName, Set<String> roles, char[] password) {
    }

    static Optional<NewUser> newUser(Window owner, List<Map.Entry<String, String>> roles) {
        TextField username = new TextField();
        username.setId("newUsername");
        TextField name = new TextField();
        name.setId("newDisplayName");
        PasswordField password = new PasswordField();
        password.setId("newPassword");
        VBox roleBoxes = roleChecks(roles, Set.of());
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label(Messages.get("field.username")), username);
        g.addRow(1, new Label(Messages.get("field.displayName")), name);
        g.addRow(2, new Label(Messages.get("users.temporaryPassword")), password);
        g.addRow(3, new Label(Messages.get("field.roles")), roleBoxes);
        Dialog<NewUser> d = dialog(owner, Messages.get("users.new"), g);
        d.setResultConverter(b -> b == ButtonType.OK ? new NewUser(username.getText(), name.getText(),
                checked(roleBoxes), take(password)) : null);
        return d.showAndWait();
    }

    static Optional<Set<String>> roles(Window owner, String username, List<Map.Entry<String, String>> roles,
                                      Set<String> current) {
        VBox boxes = roleChecks(roles, current);
        Dialog<Set<String>> d = dialog(owner, Messages.get("users.editRoles", username), boxes);
        d.setResultConverter(b -> b == ButtonType.OK ? checked(boxes) : null);
        return d.showAndWait();
    }

    static Optional<char[]> temporaryPassword(Window owner, String username) {
        PasswordField password = new PasswordField();
        password.setId("resetPassword");
        VBox box = new VBox(6, new Label(Messages.get("users.temporaryPasswordFor", username)), password);
        Dialog<char[]> d = dialog(owner, Messages.get("users.resetPassword"), box);
        d.setResultConverter(b -> b == ButtonType.OK ? take(password) : null);
        return d.showAndWait();
    }

    private static VBox roleChecks(List<Map.Entry<String, String>> roles, Set<String> current) {
        VBox box = new VBox(4);
        for (Map.Entry<String, String> r : roles) {
            CheckBox c = new CheckBox(Messages.get("role." + r.getKey()));
            c.setId("role-" + r.getKey());
            c.setUserData(r.getKey());
            c.setSelected(current.contains(r.getKey()));
            box.getChildren().add(c);
        }
        return box;
    }

    private static Set<String> checked(VBox boxes) {
        Set<String> out = new LinkedHashSet<>();
        boxes.getChildren().forEach(n -> {
            if (n instanceof CheckBox c && c.isSelected()) {
                out.add((String) c.getUserData());
            }
        });
        return out;
    }

    private static char[] take(PasswordField f) {
        return clinic.threshold.ui.common.Passwords.take(f.textProperty());
    }

    private static <T> Dialog<T> dialog(Window owner, String title, javafx.scene.Node content) {
        Dialog<T> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return d;
    }
}
