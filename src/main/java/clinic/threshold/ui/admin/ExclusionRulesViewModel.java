package clinic.threshold.ui.admin;

import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRuleRow;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The exclusion rules tab of the reference data: which chart records show an excluded condition, in force first, with
 * the count of rules still to be reviewed; administrators add and retire. Every service call runs through the
 * TaskExecutor, never on the JavaFX thread.
 */
public final class ExclusionRulesViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final ObservableList<ExclusionRuleRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper review = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ExclusionRulesViewModel(ClinicServices services, TaskExecutor executor, ZoneId zone) {
        this.services = services;
        this.executor = executor;
        this.zone = zone;
    }

    public void load() {
        busy.set(true);
        executor.run(() -> services.policyAdmin().exclusionRules(), loaded -> {
            busy.set(false);
            error.set("");
            // In force first: retired rules stay listed (nothing is deleted) but matter less.
            rows.setAll(loaded.stream().sorted(Comparator.comparing((ExclusionRuleRow r) -> !r.active())).toList());
            long n = loaded.stream().filter(r -> r.active() && r.needsReview()).count();
            review.set(n == 0 ? "" : Messages.get("payer.exclusionRule.reviewCount", n));
        }, this::fail);
    }

    /** Puts {@code rule} in force; the form closes on success and shows the service's reasons otherwise. */
    public void add(ExclusionRule rule, Runnable onDone, Consumer<String> onError) {
        busy.set(true);
        message.set("");
        executor.run(() -> services.policyAdmin().addExclusionRule(rule), stored -> {
            busy.set(false);
            onDone.run();
            message.set(Messages.get("payer.exclusionRule.added", ExclusionRuleText.args(stored)));
            load();
        }, e -> {
            busy.set(false);
            onError.accept(PolicyErrors.of(e));
        });
    }

    /** Takes the row's rule out of force (it stays listed as retired). */
    public void retire(ExclusionRuleRow row) {
        ExclusionRule r = row.rule();
        busy.set(true);
        message.set("");
        executor.run(() -> {
            services.policyAdmin().retireExclusionRule(r.exclusion(), r.evidence(), r.match());
            return null;
        }, done -> {
            busy.set(false);
            message.set(Messages.get("payer.exclusionRule.retired", ExclusionRuleText.args(r)));
            load();
        }, this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        message.set("");
        error.set(PolicyErrors.of(e));
    }

    /** "2026-11-27 00:00 by seed": when and by whom the rule was last added or retired. */
    public String recorded(ExclusionRuleRow r) {
        return Messages.get("payer.exclusionRule.recorded", Formats.dateTime(r.recordedAt(), zone), Formats.orDash(r.recordedBy()));
    }

    public boolean mayEdit() {
        return services.session().current().map(u -> u.may(Permission.REFERENCE_EDIT)).orElse(false);
    }

    public ObservableList<ExclusionRuleRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "11 rules are unconfirmed or a design mapping: review before use", or empty when none in force is. */
    public ReadOnlyStringProperty reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
