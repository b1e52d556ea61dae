package clinic.threshold.ui.admin;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.history.ReferenceDataService;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The formulary and the TRD assessment rules: the rows in force today (each with its confidence, so that
 * unconfirmed numbers stand out), a filter, and new versions for administrators.
 */
public final class ReferenceDataViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<FormularyAgent> agents = FXCollections.observableArrayList();
    private final ObservableList<FormularyAgent> shownAgents = FXCollections.observableArrayList();
    private final ObservableList<RuleSetting> rules = FXCollections.observableArrayList();
    private final ObservableList<clinic.threshold.domain.medication.MedicationRule> medicationRules =
            FXCollections.observableArrayList();
    private final ObservableList<clinic.threshold.domain.medication.DrugGroupMember> members =
            FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private java.util.Map<String, String> notes = java.util.Map.of();
    private final PolicyAdminViewModel policyAdmin;
    private final ExclusionRulesViewModel exclusionRules;

    public ReferenceDataViewModel(ClinicServices services, TaskExecutor executor, Clock clock) {
        this.services = services;
        this.executor = executor;
        this.clock = clock;
        this.policyAdmin = new PolicyAdminViewModel(services, executor);
        this.exclusionRules = new ExclusionRulesViewModel(services, executor, clock.getZone());
        filter.addListener((o, a, b) -> applyFilter());
    }

    public void load() {
        busy.set(true);
        executor.run(() -> new Loaded(services.referenceData().load(), services.medicationRules().load()), loaded -> {
            busy.set(false);
            error.set("");
            var d = loaded.reference();
            LocalDate today = LocalDate.now(clock);
            agents.setAll(new Formulary(d.formulary()).current(today));
            rules.setAll(RuleSetting.inForce(d.rules(), today));
            notes = d.notes();
            // Every rule's newest version, retired ones included (shown as such), and current memberships.
            java.util.Map<String, clinic.threshold.domain.medication.MedicationRule> newest = new java.util.TreeMap<>();
            loaded.medication().rules().stream().filter(r -> !r.effectiveFrom().isAfter(today))
                    .forEach(r -> newest.put(r.code(), r));
            medicationRules.setAll(newest.values());
            java.util.Map<String, clinic.threshold.domain.medication.DrugGroupMember> current = new java.util.TreeMap<>();
            loaded.medication().members().stream().filter(m -> !m.effectiveFrom().isAfter(today))
                    .sorted(java.util.Comparator.comparing(clinic.threshold.domain.medication.DrugGroupMember::effectiveFrom))
                    .forEach(m -> current.put(m.group() + "|" + m.drug().toLowerCase(Locale.ROOT), m));
            members.setAll(current.values().stream().filter(clinic.threshold.domain.medication.DrugGroupMember::active).toList());
            applyFilter();
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    private void applyFilter() {
        String f = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        shownAgents.setAll(agents.stream().filter(a -> f.isEmpty() || a.genericName().toLowerCase(Locale.ROOT).contains(f)
                || a.brandNames().stream().anyMatch(b -> b.toLowerCase(Locale.ROOT).contains(f))
                || a.drugClass().name().toLowerCase(Locale.ROOT).contains(f)).toList());
    }

    public void addAgentVersion(FormularyAgent a, String note, Runnable onDone, Consumer<String> onError) {
        save(() -> services.referenceData().addAgentVersion(a, note), onDone, onError);
    }

    private record Loaded(clinic.threshold.service.history.ReferenceDataService.ReferenceData reference,
                          clinic.threshold.service.medication.MedicationRulesService.Rules medication) {
    }

    public void addMedicationRuleVersion(clinic.threshold.domain.medication.MedicationRule rule, Runnable onDone,
                                         Consumer<String> onError) {
        save(() -> services.medicationRules().addRuleVersion(rule), onDone, onError);
    }

    public void addMemberVersion(clinic.threshold.domain.medication.DrugGroupMember member, Runnable onDone,
                                 Consumer<String> onError) {
        save(() -> services.medicationRules().addMemberVersion(member), onDone, onError);
    }

    public ObservableList<clinic.threshold.domain.medication.MedicationRule> medicationRules() {
        return medicationRules;
    }

    public ObservableList<clinic.threshold.domain.medication.DrugGroupMember> members() {
        return members;
    }

    public void addRuleVersion(RuleSetting rule, Runnable onDone, Consumer<String> onError) {
        save(() -> services.referenceData().addRuleVersion(rule), onDone, onError);
    }

    /** Runs an edit off the JavaFX thread; on success the dialog closes and the tables reload. */
    private void save(Runnable edit, Runnable onDone, Consumer<String> onError) {
        busy.set(true);
        executor.run(() -> {
            edit.run();
            return null;
        }, r -> {
            busy.set(false);
            onDone.run();
            load();
        }, e -> {
            busy.set(false);
            onError.accept(ErrorText.of(e));
        });
    }

    public long unconfirmedCount() {
        return agents.stream().filter(a -> a.confidence() == Confidence.UNCONFIRMED).count()
                + rules.stream().filter(r -> r.confidence() == Confidence.UNCONFIRMED).count()
                + medicationRules.stream().filter(r -> r.active() && r.confidence() == Confidence.UNCONFIRMED).count()
                + members.stream().filter(m -> m.confidence() == Confidence.UNCONFIRMED).count();
    }

    public String note(FormularyAgent a) {
        return notes.getOrDefault(a.genericName(), "");
    }

    public boolean mayEdit() {
        return services.session().current().map(u -> u.may(Permission.REFERENCE_EDIT)).orElse(false);
    }

    /** The Payer policies tab's own ViewModel (it loads and saves on its own). */
    public PolicyAdminViewModel policyAdmin() {
        return policyAdmin;
    }

    /** The exclusion rules tab's own ViewModel (it loads and saves on its own). */
    public ExclusionRulesViewModel exclusionRules() {
        return exclusionRules;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ObservableList<FormularyAgent> agents() {
        return shownAgents;
    }

    public ObservableList<RuleSetting> rules() {
        return rules;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
