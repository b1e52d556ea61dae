package clinic.threshold.service.security;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseException;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;

/** What the gate checks about a database file just opened: saves put back, saves lost, a registry gone wrong. */
final class DatabaseStateChecks {
    private DatabaseStateChecks() {
    }

    /** A database that lost saves and got them back from the commit journal says so in the trail. */
    static void recordRecovery(Database db, AuditLog audit) {
        clinic.threshold.data.journal.JournalRecovery.Result r = db.recovery();
        if (r.outcome() == clinic.threshold.data.journal.JournalRecovery.Outcome.REPLAYED) {
            audit.appendAlone(Actor.SYSTEM, AuditEntry.security("database.recover", AuditOutcome.SUCCESS,
                    "database", null, "the database file reopened without " + r.transactions() + " saved transactions"
                            + (r.toSeq() > r.fromSeq() ? " (audit events " + (r.fromSeq() + 1) + " to " + r.toSeq() + ")" : "")
                            + "; they were put back from the commit journal (" + r.rows() + " rows)"));
        }
    }

    /**
     * After a crash or damage, H2 may open an older complete state of the file without any error (it falls
     * back to the newest chunk whose references all check out). Every save is audited and the chain's head
     * is copied outside the database after each commit, so a database whose head is behind that copy has
     * lost saves: it is refused as damaged (and a restore offered), never opened as if whole. A head copy
     * that cannot be read proves nothing here; the chain check at sign-in reports it.
     */
    static void refuseRolledBack(Transactor tx, AuditLog audit) {
        clinic.threshold.domain.audit.AuditHead inDb = tx.read(dsl -> new clinic.threshold.data.audit.AuditRepository(dsl)
                .head());
        audit.anchor().read().filter(outside -> outside.seq() != Long.MAX_VALUE && outside.seq() > inDb.seq())
                .ifPresent(outside -> {
                    throw new DatabaseException(DatabaseException.Reason.DAMAGED, "The database file holds audit "
                            + "event " + inDb.seq() + " as its newest, but event " + outside.seq() + " was saved: "
                            + "the file has lost saved records", null);
                });
    }

    /**
     * A file whose registry disagrees with its audit trail (a registered patient missing, a patient voided
     * that nobody voided) is damaged even when H2 opened it without an error: refused, and a restore offered.
     */
    static void refuseInconsistent(Transactor tx) {
        int[] found = tx.read(dsl -> {
            clinic.threshold.data.audit.RegistryConsistency c = new clinic.threshold.data.audit.RegistryConsistency(dsl);
            return new int[] {c.missingPatients(), c.unexplainedVoids()};
        });
        if (found[0] > 0 || found[1] > 0) {
            throw new DatabaseException(DatabaseException.Reason.DAMAGED, "The patient registry disagrees with the "
                    + "audit trail (" + found[0] + " registered patient(s) missing, " + found[1] + " voided without a "
                    + "record of it): the file is damaged", null);
        }
    }
}
