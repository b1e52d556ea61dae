package clinic.threshold.ui.tms;

import clinic.threshold.ui.common.FormDialog;

import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.ScreeningSeverity;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The safety screening (domain.md 5.2) on the newest form: each item answered yes or no (no is the default,
 * so a yes is a deliberate tick), a detail for a yes that matters, and beside it the patient's current
 * seizure-threshold-lowering drugs from the medication list.
 */
final class ScreeningDialog {
    private final FormDialog form;
    private final List<CheckBox> yes = new ArrayList<>();
    private final List<TextField> details = new ArrayList<>();

    ScreeningDialog(Window owner, TmsOverview overview, LocalDate today, TmsViewModel vm) {
        form = new FormDialog(owner, Messages.get("tms.screening.title"), "tms-screen-ok", 640);
        DatePicker date = DialogFields.datePicker(today);
        date.setId("tms-screen-date");
        form.row("tms.field.date", date);
        form.top(drugs(overview.seizureDrugs()));
        List<ScreeningItem> items = overview.form();
        for (ScreeningItem item : items) {
            CheckBox box = new CheckBox(Messages.get("tms.screening.yes"));
            box.setId("tms-screen-yes-" + item.number());
            TextField detail = new TextField();
            detail.setId("tms-screen-detail-" + item.number());
            detail.setPromptText(Messages.get("tms.screening.detail"));
            detail.disableProperty().bind(box.selectedProperty().not());
            Label text = new Label(item.number() + ". " + item.text() + (item.confidence().tag().equals("U")
                    ? " " + Messages.get("tms.screening.unverified") : ""));
            text.setWrapText(true);
            text.setMaxWidth(360);
            Label severity = new Label(Messages.label(item.severity()));
            severity.getStyleClass().addAll("medication-flag", item.severity() == ScreeningSeverity.ABSOLUTE ? "danger"
                    : item.severity() == ScreeningSeverity.PHYSICIAN_REVIEW ? "warning" : "accent");
            HBox answer = new HBox(8, box, detail);
            HBox.setHgrow(detail, Priority.ALWAYS);
            form.line(new HBox(8, severity, text));
            form.line(answer);
            yes.add(box);
            details.add(detail);
        }
        form.onOk((done, failed) -> {
            List<ScreeningAnswer> answers = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                answers.add(new ScreeningAnswer(items.get(i).number(), yes.get(i).isSelected(),
                        yes.get(i).isSelected() ? details.get(i).getText() : null));
            }
            vm.screen(overview.formVersion(), DialogFields.date(date, "tms.field.date", true), answers, done,
                    e -> failed.accept(TmsErrors.of(e)));
        });
    }

    private static Label drugs(Map<String, Set<String>> seizureDrugs) {
        if (seizureDrugs.isEmpty()) {
            return FormDialog.note(Messages.get("tms.screening.noSeizureDrugs"), "text-muted");
        }
        List<String> lines = new ArrayList<>();
        seizureDrugs.forEach((drug, groups) -> lines.add(drug + " (" + (groups.contains("SEIZURE_STRONG")
                ? Messages.get("medication.flag.strong") : Messages.get("medication.flag.relative")) + ")"));
        Label l = FormDialog.note(Messages.get("tms.screening.seizureDrugs", String.join(", ", lines)), "warning");
        l.setId("tms-screen-drugs");
        return l;
    }

    void show() {
        form.show();
    }
}
