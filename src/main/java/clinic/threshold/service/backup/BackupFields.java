package clinic.threshold.service.backup;

/** Field names in backup-setting violations, for the form to place the messages. */
public final class BackupFields {
    public static final String FOLDER = "backup.folder";
    public static final String KEEP_DAILY = "backup.keepDaily";
    public static final String KEEP_WEEKLY = "backup.keepWeekly";

    private BackupFields() {
    }
}
