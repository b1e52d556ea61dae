package clinic.threshold.domain.backup;

/** What verification said about a backup. Only VERIFIED backups count as good. */
public enum BackupStatus {
    VERIFIED,
    FAILED,
    /** Written but not (yet) checked, for example when the app stopped in between. */
    UNVERIFIED
}
