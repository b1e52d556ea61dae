package clinic.threshold.ui.tms;

import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.SessionStatus;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The columns of the TMS tab's tables: sessions given and planned (styled by state), and motor thresholds. */
final class TmsTables {
    private TmsTables() {
    }

    static void sessions(TableView<CourseRow> sessionTable) {
        sessionTable.setId("tms-sessions");
        sessionTable.setPlaceholder(new Label(Messages.get("tms.sessions.empty")));
        sessionTable.getColumns().add(column("tms.col.number", r -> r.number() == null ? "" : r.number().toString(), 40));
        sessionTable.getColumns().add(column("tms.col.date", r -> Formats.date(r.date()), 105));
        sessionTable.getColumns().add(column("tms.col.phase", r -> r.phase() == null ? "" : Messages.label(r.phase()), 80));
        sessionTable.getColumns().add(column("tms.col.status", TmsTables::status, 150));
        sessionTable.getColumns().add(column("tms.col.code", r -> r.planned() ? "" : Formats.orDash(r.session().billingCode()), 60));
        sessionTable.getColumns().add(column("tms.col.intensity", r -> r.planned() || !r.session().delivered() ? ""
                : Messages.get("tms.col.intensityValue", r.session().entry().pctMt(), r.session().outputPct(),
                        r.session().mtUsedPct()), 150));
        sessionTable.getColumns().add(column("tms.col.pulses", r -> r.planned() || !r.session().delivered() ? ""
                : r.session().entry().pulsesDelivered() + " / " + r.session().entry().pulsesPlanned(), 100));
        sessionTable.getColumns().add(column("tms.col.pain", r -> r.planned() || !r.session().delivered()
                || r.session().entry().pain() == null ? "" : r.session().entry().pain().toString(), 45));
        sessionTable.getColumns().add(column("tms.col.operator", r -> r.planned() || !r.session().delivered() ? ""
                : r.session().entry().technician(), 110));
        sessionTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CourseRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("tms-planned", "tms-missed", "tms-event");
                if (!empty && r != null) {
                    if (r.planned()) {
                        getStyleClass().add("tms-planned");
                    } else if (!r.session().delivered()) {
                        getStyleClass().add("tms-missed");
                    } else if (!r.session().entry().events().isEmpty()) {
                        getStyleClass().add("tms-event");
                    }
                }
            }
        });
    }

    private static String status(CourseRow r) {
        if (r.planned()) {
            return Messages.get("tms.status.planned");
        }
        SavedSession s = r.session();
        if (s.status() != SessionStatus.DELIVERED) {
            return Messages.label(s.status()) + ": " + s.missReason();
        }
        return Messages.get("tms.status.signed", s.signedBy()) + (s.addenda().isEmpty() ? ""
                : " " + Messages.get("tms.status.addenda", s.addenda().size()));
    }

    static void motorThresholds(TableView<MotorThreshold> mtTable) {
        mtTable.setId("tms-mt");
        mtTable.setPlaceholder(new Label(Messages.get("tms.mt.none")));
        mtTable.getColumns().add(mtColumn("tms.col.date", m -> Formats.date(m.measuredOn()), 100));
        mtTable.getColumns().add(mtColumn("tms.col.output", m -> m.outputPct() + "%", 60));
        mtTable.getColumns().add(mtColumn("tms.col.method", m -> Messages.label(m.method()), 60));
        mtTable.getColumns().add(mtColumn("tms.col.coil", MotorThreshold::coil, 70));
        mtTable.getColumns().add(mtColumn("tms.col.reason", MotorThreshold::reason, 140));
    }

    private static TableColumn<CourseRow, String> column(String key, Function<CourseRow, String> value, double width) {
        TableColumn<CourseRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<MotorThreshold, String> mtColumn(String key, Function<MotorThreshold, String> value,
            double width) {
        TableColumn<MotorThreshold, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
