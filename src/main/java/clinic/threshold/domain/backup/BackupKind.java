package clinic.threshold.domain.backup;

/** Why a backup was taken; retention treats the kinds differently (see {@link RetentionRule}). */
public enum BackupKind {
    /** Taken when the database closes, or the first time each day the app is open: a file copy. */
    DAILY,
    /** Logical dump, version-portable: once a week. */
    WEEKLY,
    /** Logical dump taken just before a migration changes the schema; kept until removed by hand. */
    PRE_MIGRATION,
    /** Asked for by an administrator: a file copy that counts as the day's backup. */
    MANUAL
}
