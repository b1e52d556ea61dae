package clinic.threshold.ui.tms;

import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The TMS part of the reference data: protocols, devices, and the TMS and outcome rules with their versions. */
public final class TmsReferenceViewModel {
    /** Which table a rule belongs to. */
    public enum RuleSet {
        TMS, OUTCOME
    }

    /** A rule row: its set and the rule. */
    public record Rule(RuleSet set, RuleSetting rule) {
    }

    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<clinic.threshold.domain.tms.TmsReferenceData> data = new ReadOnlyObjectWrapper<>();
    private final StringProperty error = new SimpleStringProperty("");

    public TmsReferenceViewModel(ClinicServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    public void load() {
        executor.run(() -> services.tmsReference().load(), d -> {
            error.set("");
            data.set(d);
        }, e -> error.set(TmsErrors.of(e)));
    }

    public void saveProtocol(Protocol p, boolean isNew, Runnable onDone, Consumer<String> onError) {
        act(() -> {
            services.tmsReference().saveProtocol(p, isNew);
            return null;
        }, onDone, onError);
    }

    public void saveDevice(Device d, boolean isNew, int version, Runnable onDone, Consumer<String> onError) {
        act(() -> {
            services.tmsReference().saveDevice(d, isNew, version);
            return null;
        }, onDone, onError);
    }

    public void saveScreeningForm(int basedOn, java.util.List<clinic.threshold.domain.tms.ScreeningItem> items,
            Runnable onDone, Consumer<String> onError) {
        act(() -> services.tmsReference().saveScreeningForm(basedOn, items), onDone, onError);
    }

    public void addRuleVersion(RuleSet set, RuleSetting r, Runnable onDone, Consumer<String> onError) {
        act(() -> {
            if (set == RuleSet.TMS) {
                services.tmsReference().addTmsRuleVersion(r);
            } else {
                services.tmsReference().addOutcomeRuleVersion(r);
            }
            return null;
        }, onDone, onError);
    }

    private void act(Callable<Object> work, Runnable onDone, Consumer<String> onError) {
        executor.run(work, r -> {
            onDone.run();
            load();
        }, e -> onError.accept(TmsErrors.of(e)));
    }

    public boolean mayEdit() {
        return services.session().current().map(u -> u.may(Permission.REFERENCE_EDIT)).orElse(false);
    }

    public LocalDate today() {
        return services.tmsReference().today();
    }

    public ReadOnlyObjectProperty<clinic.threshold.domain.tms.TmsReferenceData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
