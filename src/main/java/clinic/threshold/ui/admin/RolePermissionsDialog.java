package clinic.threshold.ui.admin;

import clinic.threshold.i18n.Messages;
import clinic.threshold.service.user.UserService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** A grid of permissions (rows) by roles (columns); returns each role's ticked permissions. */
final class RolePermissionsDialog {
    private RolePermissionsDialog() {
    }

    static Optional<Map<String, Set<String>>> show(Window owner, UserService.RoleMatrix m) {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(6);
        int col = 1;
        for (String role : m.roles().keySet()) {
            g.add(new Label(Messages.get("role." + role)), col++, 0);
        }
        Map<String, Map<String, CheckBox>> boxes = new LinkedHashMap<>();
        int row = 1;
        for (Map.Entry<String, String> p : m.permissions().entrySet()) {
            Label name = new Label(p.getKey());
            name.setTooltip(new Tooltip(p.getValue()));
            g.add(name, 0, row);
            col = 1;
            for (String role : m.roles().keySet()) {
                CheckBox c = new CheckBox();
                c.setId("perm-" + role + "-" + p.getKey());
                c.setSelected(m.roles().get(role).contains(p.getKey()));
                boxes.computeIfAbsent(role, k -> new LinkedHashMap<>()).put(p.getKey(), c);
                g.add(c, col++, row);
            }
            row++;
        }
        Dialog<Map<String, Set<String>>> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get("users.rolePermissions"));
        d.setHeaderText(Messages.get("users.rolePermissions.header"));
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            Map<String, Set<String>> out = new LinkedHashMap<>();
            boxes.forEach((role, perms) -> {
                Set<String> ticked = new TreeSet<>();
                perms.forEach((p, c) -> {
                    if (c.isSelected()) {
                        ticked.add(p);
                    }
                });
                out.put(role, ticked);
            });
            return out;
        });
        return d.showAndWait();
    }
}
