package clinic.threshold.domain.backup;

/** How the database is held in a backup, and which kind of backup uses which. */
public enum BackupMethod {
    /** H2's BACKUP TO: a consistent copy of the encrypted file, restored with this H2 version. */
    FILE,
    /** H2's SCRIPT TO, encrypted: SQL that any later H2 version can run (RUNSCRIPT). */
    SCRIPT;

    /**
     * Only an administrator's "back up now" is a file copy. Automatic backups are dumps: with WRITE_DELAY=0
     * and no space reuse (ADR 0010) the file holds mostly superseded chunks, so a copy of it is large and
     * slow (20,000 patients: 875 MB in 36 s) while a dump of the same data is 1.7 MB in 0.6 s.
     */
    public static BackupMethod of(BackupKind kind) {
        return kind == BackupKind.MANUAL ? FILE : SCRIPT;
    }

    /** Daily and manual backups share the daily generations; weekly and pre-migration ones do not. */
    public static boolean dailyTier(BackupKind kind) {
        return kind == BackupKind.DAILY || kind == BackupKind.MANUAL;
    }
}
