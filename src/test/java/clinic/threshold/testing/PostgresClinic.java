package clinic.threshold.testing;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.audit.FileAuditAnchor;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.user.Role;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.security.SessionHolder;
import clinic.threshold.service.common.Guard;
import java.nio.file.Path;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A clinic database on the test PostgreSQL server, migrated, with the app's jOOQ settings in the PostgreSQL dialect and
 * one signed-in user holding {@code roles}: enough to run the services' use cases there (issue 13).
 */
public final class PostgresClinic {
    public final DSLContext dsl;
    public final Transactor tx;
    public final AuditLog audit;
    public Guard guard;

    public PostgresClinic(Path anchorDir, Set<String> roles) {
        this(anchorDir, roles, true);
    }

    /** {@code withUser} false: a freshly migrated database with no user yet (the target of a copy). */
    public PostgresClinic(Path anchorDir, Set<String> roles, boolean withUser) {
        String url = PostgresServer.shared().newDatabase();
        Flyway.configure().dataSource(url, PostgresServer.user(), "")
                .locations(DatabaseConfig.Migrations.DEFAULT.locations().toArray(String[]::new)).load().migrate();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(PostgresServer.user());
        dsl = DSL.using(ds, SQLDialect.POSTGRES, Database.settings());
        tx = new Transactor(dsl);
        audit = new AuditLog(tx, TestClinic.CLOCK, new FileAuditAnchor(anchorDir.resolve("audit.head")));
        if (withUser) {
            long userId = tx.inTransaction(d -> new UserRepository(d).insert("ada", "ada", "Dr. Ada", "x", false, roles,
                    TestClinic.CLOCK.instant()));
            signIn(userId);
        }
    }

    /** Signs in as the first administrator the database holds (after a copy, the clinic's own). */
    public void signInFirstAdmin() {
        signIn(tx.read(d -> new UserRepository(d).all()).stream().filter(u -> u.roles().contains(Role.ADMIN))
                .findFirst().orElseThrow().id());
    }

    private void signIn(long userId) {
        var user = tx.read(d -> new UserRepository(d).findById(userId)).orElseThrow();
        Set<String> permissions = tx.read(d -> new UserRepository(d).permissionsOf(user.roles()));
        SessionHolder sessions = new SessionHolder();
        sessions.signIn(new UserSession(userId, user.username(), user.displayName(), user.roles(), permissions, false));
        guard = new Guard(sessions, audit);
    }
}
