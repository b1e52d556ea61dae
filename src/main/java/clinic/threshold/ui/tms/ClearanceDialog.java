package clinic.threshold.ui.tms;

import clinic.threshold.ui.common.FormDialog;

import clinic.threshold.domain.tms.Screening;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.ScreeningRules;
import clinic.threshold.domain.tms.ScreeningSeverity;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.i18n.Messages;
import java.util.stream.Collectors;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** A physician's documented clearance of the physician-review answers of the latest screening, on its own form. */
final class ClearanceDialog {
    private final FormDialog form;

    ClearanceDialog(Window owner, TmsOverview overview, TmsViewModel vm) {
        Screening s = overview.screening().latest();
        form = new FormDialog(owner, Messages.get("tms.clear.title"), "tms-clear-ok", 480);
        String items = ScreeningRules.yesItems(overview.latestForm(), s, ScreeningSeverity.PHYSICIAN_REVIEW).stream()
                .map(ScreeningItem::text).collect(Collectors.joining("; "));
        String detail = s.answers().stream().filter(a -> a.yes() && a.detail() != null).map(a -> a.item() + ": " + a.detail())
                .collect(Collectors.joining("; "));
        form.top(FormDialog.note(Messages.get("tms.clear.items", items, detail), "warning"));
        TextArea note = new TextArea();
        note.setId("tms-clear-note");
        note.setPrefRowCount(4);
        note.setWrapText(true);
        form.row("tms.field.note", note);
        form.onOk((done, failed) -> vm.clear(s, note.getText(), done, e -> failed.accept(TmsErrors.of(e))));
    }

    void show() {
        form.show();
    }
}
