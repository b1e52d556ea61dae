package clinic.threshold.ui.admin;

import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.backup.BackupService;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Backups for administrators: the list with each backup's verification result, taking one now, checking one
 * again, the folder and how many to keep, and starting a restore (which the session carries out, since it
 * must sign everyone out first). Long work shows its progress.
 */
public final class BackupsViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ObservableList<BackupInfo> backups = FXCollections.observableArrayList();
    private final ObjectProperty<BackupInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty keepDaily = new SimpleStringProperty("");
    private final StringProperty keepWeekly = new SimpleStringProperty("");
    private final StringProperty folderError = new SimpleStringProperty("");
    private final StringProperty keepError = new SimpleStringProperty("");
    private final StringProperty sameDiskWarning = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty databaseSize = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);

    private final java.time.ZoneId zone;

    public BackupsViewModel(ClinicServices services, TaskExecutor executor, java.time.ZoneId zone) {
        this.services = services;
        this.executor = executor;
        this.zone = zone;
    }

    public java.time.ZoneId zone() {
        return zone;
    }

    /** Loads the settings and the list. */
    public void load() {
        busy.set(true);
        BackupService b = services.backups();
        executor.run(() -> new Loaded(b.settings(), b.list()), l -> {
            busy.set(false);
            show(l.settings());
            backups.setAll(l.list());
            message.set(Messages.get("backups.count", l.list().size(),
                    l.list().stream().filter(BackupInfo::good).count()));
        }, this::fail);
    }

    public void createNow() {
        start("backups.creating");
        executor.run(() -> services.backups().createNow(progress()), b -> {
            finished();
            message.set(b.good() ? Messages.get("backups.created", b.fileName())
                    : Messages.get("backups.createdBad", b.fileName(), b.problem()));
            reloadList();
        }, this::fail);
    }

    public void verifySelected() {
        BackupInfo b = selected.get();
        if (b == null) {
            message.set(Messages.get("backups.selectFirst"));
            return;
        }
        start("backups.verifying");
        executor.run(() -> services.backups().verify(b.fileName(), progress()), r -> {
            finished();
            message.set(r.good() ? Messages.get("backups.verified", r.fileName())
                    : Messages.get("backups.verifyFailed", r.fileName(), r.problem()));
            reloadList();
        }, this::fail);
    }

    public void saveSettings() {
        folderError.set("");
        keepError.set("");
        int daily;
        int weekly;
        try {
            daily = Integer.parseInt(keepDaily.get().strip());
            weekly = Integer.parseInt(keepWeekly.get().strip());
        } catch (NumberFormatException e) {
            keepError.set(Messages.get("backups.keepNumbers"));
            return;
        }
        String dir = folder.get();
        busy.set(true);
        executor.run(() -> services.backups().updateSettings(dir, daily, weekly), s -> {
            busy.set(false);
            show(s);
            message.set(Messages.get("backups.settingsSaved"));
            reloadList();
        }, e -> {
            busy.set(false);
            if (e instanceof ValidationException v) {
                v.violations().forEach(x -> (x.field().equals(clinic.threshold.service.backup.BackupFields.FOLDER)
                        ? folderError : keepError).set(Messages.describe(x)));
            } else {
                fail(e);
            }
        });
    }

    /** The selected backup's file, for the restore the session performs; null when nothing is selected. */
    public Path selectedFile() {
        BackupInfo b = selected.get();
        return b == null ? null : Path.of(b.location());
    }

    /** A one-paragraph description of what restoring the selected backup does, for the confirmation. */
    public String restoreWarning() {
        BackupInfo b = selected.get();
        return b == null ? "" : Messages.get("backups.restoreWarning", b.fileName(),
                clinic.threshold.ui.common.Formats.dateTime(b.createdAt(), zone));
    }

    private void reloadList() {
        executor.run(() -> services.backups().list(), backups::setAll, this::fail);
    }

    private void show(BackupService.SettingsView s) {
        folder.set(s.folder());
        keepDaily.set(Integer.toString(s.keepDaily()));
        keepWeekly.set(Integer.toString(s.keepWeekly()));
        sameDiskWarning.set(s.sameDiskAsData() ? Messages.get("backups.sameDisk") : "");
        databaseSize.set(s.databaseBytes() < 0 ? "" : Messages.get("backups.databaseSize",
                String.format("%.1f", s.databaseBytes() / 1048576.0)));
    }

    private void start(String key) {
        busy.set(true);
        progress.set(0);
        message.set(Messages.get(key));
    }

    private void finished() {
        busy.set(false);
        progress.set(0);
    }

    private Progress progress() {
        return (step, f) -> Platform.runLater(() -> progress.set(f));
    }

    private void fail(Throwable e) {
        finished();
        message.set(ErrorText.of(e));
    }

    public ObservableList<BackupInfo> backups() {
        return backups;
    }

    public ObjectProperty<BackupInfo> selectedProperty() {
        return selected;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty keepDailyProperty() {
        return keepDaily;
    }

    public StringProperty keepWeeklyProperty() {
        return keepWeekly;
    }

    public StringProperty folderErrorProperty() {
        return folderError;
    }

    public StringProperty keepErrorProperty() {
        return keepError;
    }

    public StringProperty sameDiskWarningProperty() {
        return sameDiskWarning;
    }

    public StringProperty databaseSizeProperty() {
        return databaseSize;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    private record Loaded(BackupService.SettingsView settings, List<BackupInfo> list) {
    }
}
