package clinic.threshold.ui.main;

import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.audit.ChangeFeed;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.LatestOnly;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.UiPreferences;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The window around the screens: global patient search, theme, and the status bar's facts. */
public final class MainWindowViewModel {
    /** The quick search shows a short list; the patient list screen shows more. */
    static final int QUICK_SEARCH_LIMIT = 12;

    private final ClinicServices services;
    private final TaskExecutor executor;
    private final LatestOnly latest;
    private final StringProperty globalSearch = new SimpleStringProperty("");
    private final ObservableList<PatientSummary> globalResults = FXCollections.observableArrayList();
    private final ObjectProperty<UiPreferences.Theme> theme = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final PatientEvents events;
    /** The last trail event whose changes the screens have heard of; -1 until the first poll. */
    private long followFrom = -1;
    private boolean following;

    public MainWindowViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events,
                               UiPreferences prefs) {
        this.services = services;
        this.executor = executor;
        this.latest = new LatestOnly(executor);
        theme.set(prefs.theme());
        theme.addListener((o, a, b) -> {
            prefs.setTheme(b);
            executor.run(() -> {
                prefs.save();
                return null;
            }, ok -> { }, e -> status.set(ErrorText.of(e)));
        });
        globalSearch.addListener((o, a, b) -> search(b));
        this.events = events;
        events.onChanged(id -> refreshStatus());
    }

    public void start() {
        refreshStatus();
        followOtherWorkstations(() -> true); // takes the trail's head as the point to follow from
    }

    /**
     * Asks the trail what other workstations changed since the last look and tells the open screens, which reload the
     * patients concerned (ADR 0025). One poll at a time; a failed poll (the server briefly away) is tried again next
     * time from the same point, so nothing is missed.
     */
    public void followOtherWorkstations(java.util.function.BooleanSupplier stillShown) {
        if (following) {
            return;
        }
        following = true;
        long from = followFrom;
        try {
            poll(from, stillShown);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            following = false; // the window is closing and its executor with it
        }
    }

    private void poll(long from, java.util.function.BooleanSupplier stillShown) {
        executor.run(() -> from < 0 ? new ChangeFeed.Changes(services.changes().head(), java.util.Set.of())
                : services.changes().since(from), c -> {
                    following = false;
                    if (!stillShown.getAsBoolean()) {
                        return; // locked (or closed) meanwhile: asked again from the same point once shown
                    }
                    followFrom = c.lastSeq();
                    c.patientIds().forEach(events::changed);
                }, e -> following = false);
    }

    private void search(String text) {
        if (text == null || text.isBlank()) {
            latest.run(() -> java.util.List.<PatientSummary>of(), globalResults::setAll, e -> { });
            return;
        }
        PatientQuery q = new PatientQuery(text, Set.of(), null, QUICK_SEARCH_LIMIT);
        latest.run(() -> services.patients().search(q), globalResults::setAll,
                e -> status.set(ErrorText.of(e)));
    }

    private void refreshStatus() {
        executor.run(services.patients()::count,
                n -> status.set(Messages.get("status.patients", n)),
                e -> status.set(ErrorText.of(e)));
    }

    public void toggleTheme() {
        theme.set(theme.get() == UiPreferences.Theme.DARK ? UiPreferences.Theme.LIGHT : UiPreferences.Theme.DARK);
    }

    /** "Ada Lovelace · Administrator" for the user menu in the top bar. */
    public String userText() {
        return services.session().current().map(u -> Messages.get("session.user", u.displayName(),
                u.roles().stream().map(r -> Messages.get("role." + r)).sorted()
                        .collect(java.util.stream.Collectors.joining(", ")))).orElse("");
    }

    /** A warning for those who may read the audit trail when the chain check at sign-in failed; else empty. */
    public String auditWarning() {
        boolean auditor = services.session().current().map(u -> u.may(Permission.AUDIT_READ)).orElse(false);
        return auditor && services.auditProblem() != null
                ? Messages.get("audit.brokenAtSignIn", services.auditProblem()) : "";
    }

    public boolean may(String permission) {
        return services.session().current().map(u -> u.may(permission)).orElse(false);
    }

    /** Whether the records are on a PostgreSQL server (the status bar names it as such). */
    public boolean onServer() {
        return services.onServer();
    }

    public String dataLocation() {
        return services.dataLocation();
    }

    public boolean demo() {
        return services.demo();
    }

    public StringProperty globalSearchProperty() {
        return globalSearch;
    }

    public ObservableList<PatientSummary> globalResults() {
        return globalResults;
    }

    public ObjectProperty<UiPreferences.Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
