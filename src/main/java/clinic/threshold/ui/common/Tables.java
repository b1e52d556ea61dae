package clinic.threshold.ui.common;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Table set-up shared by the screens. */
public final class Tables {
    private Tables() {
    }

    /**
     * The last column takes the width left over. Every other column keeps at least three quarters of its preferred
     * width: in a real window a table first laid out in a hidden tab (no width yet) had its other columns squeezed
     * to nothing by the constrained policy, and they did not come back (seen on Reference data under X11).
     */
    public static void flexLastColumn(TableView<?> table) {
        var columns = table.getColumns();
        for (int i = 0; i < columns.size() - 1; i++) {
            TableColumn<?, ?> c = columns.get(i);
            c.setMinWidth(Math.max(c.getMinWidth(), c.getPrefWidth() * 0.75));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }
}
