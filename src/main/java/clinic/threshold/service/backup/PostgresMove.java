package clinic.threshold.service.backup;

import clinic.threshold.audit.AuditAnchor;
import clinic.threshold.audit.AuditVerifier;
import clinic.threshold.data.db.ClinicCopy;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.ServerConnection;
import clinic.threshold.data.db.ServerDatabase;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditHead;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.util.Optional;

/**
 * Moves the signed-in clinic from its embedded H2 file to a PostgreSQL server (issue 13): the same migrations build the
 * server's database, every table is copied, the counts are compared and the audit chain is verified there against
 * the head this clinic holds. The H2 file stays as it was (apart from the audit event saying the clinic was copied
 * out, which is itself copied) and remains the clinic until the settings point at the server.
 */
public final class PostgresMove {
    /** Where to: a JDBC URL ({@code jdbc:postgresql://host:port/db}), the account, and how TLS is checked. */
    public record Target(String url, String user, char[] password, Tls tls) {
    }

    /** TLS to the server is required by default, with the server's certificate and name checked. */
    public enum Tls {
        VERIFY_FULL("verify-full"), REQUIRE("require"), DISABLE("disable");

        final String sslmode;

        Tls(String sslmode) {
            this.sslmode = sslmode;
        }
    }

    /** What was copied (every table's count matched) and the audit events verified on the server. */
    public record Outcome(long rows, int tables, long auditEventsVerified) {
    }

    private final Transactor tx;
    private final Guard guard;

    public PostgresMove(Transactor tx, Guard guard) {
        this.tx = tx;
        this.guard = guard;
    }

    /** Copies the whole clinic to {@code target}; throws {@link BackupException} with the reason when it cannot. */
    public Outcome copyTo(Target target, Progress progress) {
        UserSession s;
        ServerConnection server;
        try {
            s = guard.require(Permission.SETTINGS_ADMIN, "database.migrate", null);
            server = ServerConnection.fromUrl(target.url(), target.user(), target.tls().sslmode); // every field checked
        } catch (RuntimeException e) {
            java.util.Arrays.fill(target.password(), '\0'); // refused before the server was reached
            throw e;
        }
        String where = redacted(target.url()) + " (TLS " + target.tls().sslmode + ")";
        // Audited before the copy, so the server's trail records how its records came there.
        audit(s, AuditOutcome.SUCCESS, "copying the whole clinic to " + where);
        try {
            return copy(server, target.password(), progress);
        } catch (BackupException e) {
            audit(s, AuditOutcome.FAILED, "the copy to " + where + " failed: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            audit(s, AuditOutcome.FAILED, "the copy to " + where + " failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    private void audit(UserSession s, AuditOutcome outcome, String detail) {
        tx.inTransaction(dsl -> guard.audit().append(dsl, s.actor(), new AuditEntry("database.migrate", AuditCategory.EXPORT,
                null, "database", null, outcome, detail)));
    }

    private Outcome copy(ServerConnection to, char[] password, Progress progress) {
        progress.update("migrate", -1);
        try (Database server = ServerDatabase.open(to, password)) {
            ClinicCopy.Result copy = tx.read(h2 -> ClinicCopy.copy(h2, server.dsl(), progress));
            if (!copy.whole()) {
                throw new BackupException("the copy is not whole: " + String.join(", ", copy.differences()));
            }
            progress.update("audit", -1);
            Optional<AuditHead> head = guard.audit().anchor().read();
            var check = new AuditVerifier(fixed(head)).verify(server.dsl(), n -> { });
            if (!check.intact()) {
                throw new BackupException("the audit trail does not verify on the server: " + check.problem());
            }
            return new Outcome(copy.rows(), copy.counts().size(), check.eventsChecked());
        } catch (ClinicCopy.TargetNotEmptyException e) {
            throw new BackupException("the server's database already holds a clinic (" + e.getMessage()
                    + "); copy into a new, empty database");
        } catch (clinic.threshold.data.db.DatabaseException e) {
            throw new BackupException(e.getMessage());
        } catch (org.jooq.exception.DataAccessException e) {
            // The state and class only: a server's message can quote a row's values.
            throw new BackupException("the copy failed (SQL state " + e.sqlState() + ", " + rootClass(e)
                    + "); the server's database is left as it was before the copy");
        }
    }

    /** The verification on the server compares with this clinic's head, and must not move it. */
    private static AuditAnchor fixed(Optional<AuditHead> head) {
        return new AuditAnchor() {
            @Override
            public Optional<AuditHead> read() {
                return head;
            }

            @Override
            public void write(AuditHead h) {
                // the clinic's own anchor stays with the clinic's file
            }
        };
    }

    /** The URL without any password given in its query. */
    private static String redacted(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }

    private static String rootClass(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
