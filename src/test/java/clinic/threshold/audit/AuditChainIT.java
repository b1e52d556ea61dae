package clinic.threshold.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain detects edits, deletions, reordering and truncation made outside the application. */
class AuditChainIT {
    @TempDir
    Path dir;
    Database db;
    Transactor tx;
    FileAuditAnchor anchor;
    AuditLog log;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseConfig.in(dir));
        tx = new Transactor(db.dsl());
        anchor = new FileAuditAnchor(dir.resolve("audit.head"));
        log = new AuditLog(tx, TestClinic.CLOCK, anchor);
        Actor ada = new Actor(1L, "ada");
        for (int i = 1; i <= 10; i++) {
            log.appendAlone(ada, AuditEntry.patient("patient.read", 100 + i, null));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private clinic.threshold.domain.audit.AuditCheck verify() {
        return new AuditVerifier(anchor).verify(db.dsl(), n -> { });
    }

    private void sql(String s) {
        db.dsl().execute(s);
    }

    @Test
    void anUntouchedChainVerifiesAndTheAnchorFollowsTheHead() {
        clinic.threshold.domain.audit.AuditCheck r = verify();
        assertTrue(r.intact(), r.problem());
        assertEquals(10, r.eventsChecked());
        assertEquals(10, anchor.read().orElseThrow().seq());
    }

    @Test
    void anEditedFieldIsNamed() {
        sql("UPDATE audit_event SET patient_id = 999 WHERE seq = 4");
        clinic.threshold.domain.audit.AuditCheck r = verify();
        assertFalse(r.intact());
        assertEquals(4L, r.firstBadSeq());
        assertTrue(r.problem().contains("altered"), r.problem());
    }

    @Test
    void aWalkFromAVerifiedEventChecksWhatCameAfterAndThatTheEventIsStillTheSame() {
        clinic.threshold.domain.audit.AuditHead mark = new clinic.threshold.domain.audit.AuditHead(6,
                new clinic.threshold.data.audit.AuditRepository(db.dsl()).find(6).orElseThrow().rowHash());
        AuditVerifier v = new AuditVerifier(anchor);
        clinic.threshold.domain.audit.AuditCheck r = v.verifySince(db.dsl(), mark, n -> { });
        assertTrue(r.intact(), r.problem());
        assertEquals(4, r.eventsChecked(), "events 7 to 10");

        sql("UPDATE audit_event SET patient_id = 999 WHERE seq = 3");
        assertTrue(v.verifySince(db.dsl(), mark, n -> { }).intact(), "an edit before the mark is left to the complete walk");
        assertEquals(3L, v.verify(db.dsl(), n -> { }).firstBadSeq(), "which finds it");

        sql("UPDATE audit_event SET patient_id = 999 WHERE seq = 8");
        assertEquals(8L, v.verifySince(db.dsl(), mark, n -> { }).firstBadSeq(), "an edit after the mark is found at once");
        sql("UPDATE audit_event SET patient_id = 999 WHERE seq = 6");
        clinic.threshold.domain.audit.AuditCheck atMark = v.verifySince(db.dsl(), mark, n -> { });
        assertEquals(6L, atMark.firstBadSeq());
        assertTrue(atMark.problem().contains("last verified"), atMark.problem());
    }

    @Test
    void aDeletedEventIsNamed() {
        sql("DELETE FROM audit_event WHERE seq = 6");
        clinic.threshold.domain.audit.AuditCheck r = verify();
        assertEquals(6L, r.firstBadSeq());
        assertTrue(r.problem().contains("missing"), r.problem());
    }

    @Test
    void reorderingIsDetected() {
        sql("UPDATE audit_event SET seq = -1 WHERE seq = 3");
        sql("UPDATE audit_event SET seq = 3 WHERE seq = 4");
        sql("UPDATE audit_event SET seq = 4 WHERE seq = -1");
        clinic.threshold.domain.audit.AuditCheck r = verify();
        assertEquals(3L, r.firstBadSeq());
    }

    @Test
    void truncationIsDetectedEvenWhenTheInDatabaseHeadIsRewound() {
        sql("DELETE FROM audit_event WHERE seq > 7");
        clinic.threshold.domain.audit.AuditCheck r = verify();
        assertFalse(r.intact());
        sql("UPDATE audit_head SET last_seq = 7, last_hash = (SELECT row_hash FROM audit_event WHERE seq = 7)");
        clinic.threshold.domain.audit.AuditCheck rewound = verify();
        assertFalse(rewound.intact(), "the outside anchor still knows event 10");
        assertEquals(8L, rewound.firstBadSeq());
        assertTrue(rewound.problem().contains("cut off"), rewound.problem());
    }

    @Test
    void deletingTheOutsideCopyOfTheHeadIsDetected() throws Exception {
        java.nio.file.Files.delete(dir.resolve("audit.head"));
        var r = verify();
        assertFalse(r.intact());
        assertTrue(r.problem().contains("outside the database is missing"), r.problem());
    }

    @Test
    void eventsForgedAfterTheHeadAreDetected() {
        sql("INSERT INTO audit_event (seq, occurred_at, action, category, outcome, prev_hash, row_hash) "
                + "SELECT 11, occurred_at, 'patient.read', 'PATIENT', 'SUCCESS', row_hash, row_hash FROM audit_event WHERE seq = 10");
        var r = verify();
        assertFalse(r.intact());
        assertEquals(11L, r.firstBadSeq());
    }

    @Test
    void aRolledBackUseCaseLeavesNoEventAndDoesNotMoveTheAnchor() {
        assertThrows(IllegalStateException.class, () -> tx.inTransaction(dsl -> {
            log.append(dsl, new Actor(1L, "ada"), AuditEntry.security("user.create", AuditOutcome.SUCCESS, "user", "2", null));
            throw new IllegalStateException("the write failed");
        }));
        assertEquals(10, anchor.read().orElseThrow().seq());
        assertTrue(verify().intact());
    }

    @Test
    void aUseCaseOfManyEventsMovesTheAnchorOnceToItsLastHead() {
        List<Long> written = new ArrayList<>();
        AuditAnchor counting = new AuditAnchor() {
            @Override
            public java.util.Optional<clinic.threshold.domain.audit.AuditHead> read() {
                return anchor.read();
            }

            @Override
            public void write(clinic.threshold.domain.audit.AuditHead head) {
                written.add(head.seq());
                anchor.write(head);
            }
        };
        AuditLog counted = new AuditLog(tx, TestClinic.CLOCK, counting);
        tx.inTransaction(dsl -> {
            for (int i = 0; i < 5; i++) {
                counted.append(dsl, new Actor(1L, "ada"), AuditEntry.patient("outcome.record", 200 + i, null));
            }
            return null;
        });
        assertEquals(List.of(15L), written, "one write, of the transaction's last event");
        counted.appendAlone(new Actor(1L, "ada"), AuditEntry.patient("patient.read", 300, null));
        assertEquals(List.of(15L, 16L), written, "the next transaction writes its own");
        assertEquals(16, anchor.read().orElseThrow().seq());
        assertTrue(verify().intact());
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> log.append(db.dsl(), Actor.SYSTEM, AuditEntry.patient("patient.read", 1, null)));
    }
}
