package clinic.threshold.domain.backup;

/** How the database is held in a backup. */
public enum BackupMethod {
    /** H2's BACKUP TO: a consistent copy of the encrypted file, restored with this H2 version. */
    FILE,
    /** H2's SCRIPT TO, encrypted: SQL that any later H2 version can run (RUNSCRIPT). */
    SCRIPT;

    public static BackupMethod of(BackupKind kind) {
        return kind == BackupKind.DAILY || kind == BackupKind.MANUAL ? FILE : SCRIPT;
    }
}
