package clinic.threshold.service.audit;

import clinic.threshold.audit.AuditVerifier;
import clinic.threshold.data.audit.AuditRepository;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.common.Guard;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongConsumer;

/** Reading, checking and exporting the audit trail (permission {@code audit.read}); each is audited. */
public final class AuditService {
    public static final int PAGE = 200;

    private final Transactor tx;
    private final Guard guard;
    private final AuditVerifier verifier;
    private final ZoneId zone;

    public AuditService(Transactor tx, Guard guard, AuditVerifier verifier, ZoneId zone) {
        this.tx = tx;
        this.guard = guard;
        this.verifier = verifier;
        this.zone = zone;
    }

    /** One page, newest first, of events matching {@code f} and older than {@code beforeSeq} (null: newest). */
    public List<AuditRecord> page(AuditFilter f, Long beforeSeq) {
        guard.require(Permission.AUDIT_READ, "audit.search", f.patientId());
        return tx.read(dsl -> new AuditRepository(dsl).search(f, beforeSeq, PAGE, zone));
    }

    /** Walks the whole chain (progress: events checked so far) and records the outcome in the trail. */
    public clinic.threshold.domain.audit.AuditCheck verify(LongConsumer progress) {
        UserSession s = guard.require(Permission.AUDIT_READ, "audit.verify", null);
        clinic.threshold.domain.audit.AuditCheck r = tx.read(dsl -> verifier.verify(dsl, progress));
        guard.audit().appendAlone(s.actor(), AuditEntry.security("audit.verify",
                r.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, "audit", null,
                r.intact() ? r.eventsChecked() + " events intact" : r.problem()));
        return r;
    }

    /**
     * Writes every event matching {@code f} to a CSV file, newest first, a page at a time; the export itself
     * is audited first. Returns the number of events written.
     */
    public long exportCsv(AuditFilter f, Path file, LongConsumer progress) {
        UserSession s = guard.require(Permission.AUDIT_READ, "audit.export", f.patientId());
        guard.audit().appendAlone(s.actor(), new AuditEntry("audit.export", clinic.threshold.domain.audit.AuditCategory.EXPORT,
                f.patientId(), "audit", null, AuditOutcome.SUCCESS, "to " + file.getFileName()));
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("seq,occurred_at,user_id,username,action,category,patient_id,entity,entity_id,outcome,detail,row_hash\n");
            Long before = null;
            while (true) {
                Long b = before;
                List<AuditRecord> page = tx.read(dsl -> new AuditRepository(dsl).search(f, b, 1000, zone));
                if (page.isEmpty()) {
                    return n;
                }
                for (AuditRecord r : page) {
                    w.write(CsvRow.of(r));
                    n++;
                }
                before = page.get(page.size() - 1).seq();
                progress.accept(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
