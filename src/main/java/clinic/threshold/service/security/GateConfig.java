package clinic.threshold.service.security;

import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.security.Argon2Params;
import clinic.threshold.security.SignInPolicy;
import java.util.List;
import org.jooq.ExecuteListener;

/**
 * How the gate hashes, throttles and opens the database. Tests pass cheaper hashing, extra listeners,
 * other migration sets (an older target, a failing migration), a file system that fails on purpose, and
 * switch off the automatic backups that would otherwise run at every close.
 */
public record GateConfig(Argon2Params params, SignInPolicy policy, List<ExecuteListener> listeners,
                         DatabaseConfig.Migrations migrations, boolean automaticBackups, String fileSystem) {
    public static final GateConfig DEFAULT = new GateConfig(Argon2Params.CURRENT, SignInPolicy.DEFAULT, List.of());

    public GateConfig {
        listeners = List.copyOf(listeners);
    }

    public GateConfig(Argon2Params params, SignInPolicy policy, List<ExecuteListener> listeners) {
        this(params, policy, listeners, DatabaseConfig.Migrations.DEFAULT, true, "file:");
    }

    public GateConfig withMigrations(DatabaseConfig.Migrations m) {
        return new GateConfig(params, policy, listeners, m, automaticBackups, fileSystem);
    }

    public GateConfig withPolicy(SignInPolicy p) {
        return new GateConfig(params, p, listeners, migrations, automaticBackups, fileSystem);
    }

    public GateConfig withAutomaticBackups(boolean on) {
        return new GateConfig(params, policy, listeners, migrations, on, fileSystem);
    }

    /** H2's file-system prefix for the database: "file:" always, except in fault-injection tests. */
    public GateConfig withFileSystem(String prefix) {
        return new GateConfig(params, policy, listeners, migrations, automaticBackups, prefix);
    }
}
