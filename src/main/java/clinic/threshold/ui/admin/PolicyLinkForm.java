package clinic.threshold.ui.admin;

import clinic.threshold.domain.payer.PolicyRow;
import clinic.threshold.domain.reference.Payer;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.FormDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Links a payer of the registry to a policy: readiness in the chart then checks that payer's patients against it.
 * A payer has one policy, so linking replaces the payer's earlier one.
 */
final class PolicyLinkForm {
    private PolicyLinkForm() {
    }

    static void show(Window owner, PolicyRow row, PolicyAdminViewModel vm) {
        String code = row.policy().code();
        FormDialog form = new FormDialog(owner, Messages.get("payer.policyAdmin.linkTitle", code), "policyAdminLinkOk", 480);
        ComboBox<Payer> payer = new ComboBox<>(vm.payers());
        payer.setId("policyAdminLinkPayer");
        payer.setMaxWidth(Double.MAX_VALUE);
        payer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Payer p) {
                return p == null ? "" : p.name();
            }

            @Override
            public Payer fromString(String s) {
                return null;
            }
        });
        form.row("payer.policyAdmin.field.registryPayer", payer);
        form.row("payer.policyAdmin.col.linked", new Label(row.linkedPayers().isEmpty() ? Messages.get("payer.policyAdmin.none")
                : String.join(", ", row.linkedPayers())));
        form.bottom(FormDialog.note(Messages.get("payer.policyAdmin.linkHint"), "text-muted"));
        form.onOk((done, failed) -> {
            if (payer.getValue() == null) {
                failed.accept(Messages.get("payer.policyAdmin.choosePayer"));
                return;
            }
            vm.link(payer.getValue().id(), code, done, failed);
        });
        form.show();
    }
}
