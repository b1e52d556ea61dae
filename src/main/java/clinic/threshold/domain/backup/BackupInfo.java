package clinic.threshold.domain.backup;

import java.time.Instant;

/**
 * One backup file as the catalog sees it: from its manifest and its verification record.
 * {@code problem} says why verification failed (null otherwise); {@code rows} is the total row count; {@code auditSeq} and {@code auditHash} the audit chain's head in it.
 */
public record BackupInfo(String fileName, String location, BackupKind kind, BackupMethod method, Instant createdAt,
                         long sizeBytes, BackupStatus status, String problem, String schemaVersion, long rows,
                         long auditSeq, String auditHash, Instant checkedAt) {

    public boolean good() {
        return status == BackupStatus.VERIFIED;
    }
}
