package clinic.threshold.ui.admin;

import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.PolicyRow;
import clinic.threshold.domain.reference.Payer;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Payer policies tab of the reference data: each policy's newest version with its verification, and the
 * administrators' edit, verify, link, import and export. Service calls and file reading and writing run through the
 * TaskExecutor, never on the JavaFX thread.
 */
public final class PolicyAdminViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ObservableList<PolicyRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Payer> payers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unverified = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public PolicyAdminViewModel(ClinicServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    private record Loaded(List<PolicyRow> rows, List<Payer> payers) {
    }

    public void load() {
        busy.set(true);
        executor.run(() -> new Loaded(services.policyAdmin().list(), services.reference().payers()), loaded -> {
            busy.set(false);
            error.set("");
            rows.setAll(loaded.rows());
            payers.setAll(loaded.payers());
            long n = loaded.rows().stream().filter(r -> !r.verified()).count();
            unverified.set(n == 0 ? "" : Messages.get("payer.policyAdmin.unverifiedCount", n));
        }, this::fail);
    }

    /** Stores the form's policy as a new version; the dialog closes on success and shows the reasons otherwise. */
    public void save(PayerPolicy p, Runnable onDone, Consumer<String> onError) {
        busy.set(true);
        executor.run(() -> services.policyAdmin().saveVersion(p), saved -> {
            busy.set(false);
            onDone.run();
            message.set(Messages.get("payer.policyAdmin.saved", saved.code(), saved.version()));
            load();
        }, e -> {
            busy.set(false);
            onError.accept(PolicyErrors.of(e));
        });
    }

    public void link(int payerId, String code, Runnable onDone, Consumer<String> onError) {
        busy.set(true);
        executor.run(() -> {
            services.policyAdmin().link(payerId, code);
            return null;
        }, r -> {
            busy.set(false);
            onDone.run();
            message.set(Messages.get("payer.policyAdmin.linked", code));
            load();
        }, e -> {
            busy.set(false);
            onError.accept(PolicyErrors.of(e));
        });
    }

    public void verify(PolicyRow row) {
        PayerPolicy p = row.policy();
        act(() -> {
            services.policyAdmin().verify(p.code(), p.version());
            return null;
        }, r -> Messages.get("payer.policyAdmin.verified", p.code(), p.version()));
    }

    /** Writes the listed policies to {@code file} in threshold-policy/1. */
    public void exportTo(Path file) {
        List<String> codes = rows.stream().map(r -> r.policy().code()).toList();
        act(() -> {
            Files.writeString(file, services.policyAdmin().exportJson(codes), StandardCharsets.UTF_8);
            return codes.size();
        }, n -> Messages.get("payer.policyAdmin.exported", n, file.getFileName().toString()));
    }

    /** Reads {@code file} and imports it whole, or names every problem and stores nothing. */
    public void importFrom(Path file) {
        act(() -> services.policyAdmin().importJson(Files.readString(file, StandardCharsets.UTF_8)),
                r -> Messages.get("payer.policyAdmin.imported", r.newVersions(), r.newPolicies(), r.unchanged()));
    }

    private <T> void act(Callable<T> work, java.util.function.Function<T, String> done) {
        busy.set(true);
        message.set("");
        executor.run(work, r -> {
            busy.set(false);
            error.set("");
            message.set(done.apply(r));
            load();
        }, this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        message.set("");
        error.set(PolicyErrors.of(e));
    }

    public boolean mayEdit() {
        return services.session().current().map(u -> u.may(Permission.REFERENCE_EDIT)).orElse(false);
    }

    public ObservableList<PolicyRow> rows() {
        return rows;
    }

    /** The registry's active payers, for linking one to a policy. */
    public ObservableList<Payer> payers() {
        return payers;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "3 policies unverified: review before use", or empty when every policy has been checked. */
    public ReadOnlyStringProperty unverifiedProperty() {
        return unverified.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
