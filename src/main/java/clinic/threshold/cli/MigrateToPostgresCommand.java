package clinic.threshold.cli;

import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.backup.BackupException;
import clinic.threshold.service.backup.PostgresMove;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * "threshold migrate-to-postgres": copies the whole clinic from its H2 file to a new, empty database on a PostgreSQL
 * server (issue 13), verifies every table's row count and the audit chain there, and leaves the H2 file in place. The
 * server's password comes from the PGPASSWORD environment variable, never from the command line.
 */
@Command(name = "migrate-to-postgres", description = "Copy the clinic to an empty PostgreSQL database and verify the copy.",
        mixinStandardHelpOptions = true)
public final class MigrateToPostgresCommand implements Callable<Integer> {
    @ParentCommand
    ThresholdCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    SignInOptions signIn = new SignInOptions();

    @Option(names = "--url", required = true, paramLabel = "JDBC-URL",
            description = "The new database, e.g. jdbc:postgresql://db.clinic.local:5432/threshold")
    String url;

    @Option(names = "--db-user", required = true, paramLabel = "NAME", description = "The PostgreSQL account.")
    String dbUser;

    @Option(names = "--tls", paramLabel = "MODE", description = "verify-full (default), require or disable.")
    String tls = "verify-full";

    @Override
    public Integer call() {
        PostgresMove.Tls mode = switch (tls) {
            case "verify-full" -> PostgresMove.Tls.VERIFY_FULL;
            case "require" -> PostgresMove.Tls.REQUIRE;
            case "disable" -> PostgresMove.Tls.DISABLE;
            default -> throw new CliException("--tls must be verify-full, require or disable", CliException.INVALID_INPUT);
        };
        String password = System.getenv("PGPASSWORD");
        PrintWriter err = spec.commandLine().getErr();
        if (mode == PostgresMove.Tls.DISABLE) {
            err.println("migrate-to-postgres: TLS is off: patient records will cross the network unencrypted");
        } else if (mode == PostgresMove.Tls.REQUIRE) {
            err.println("migrate-to-postgres: TLS without checking the server's certificate: another machine could"
                    + " pose as the server");
        }
        try (ClinicServices s = signIn.open(root)) {
            var r = s.postgresMove().copyTo(new PostgresMove.Target(url, dbUser,
                    password == null ? new char[0] : password.toCharArray(), mode), (step, fraction) -> {
                        if (fraction < 0 || fraction == 1) {
                            err.println("migrate-to-postgres: " + step);
                            err.flush();
                        }
                    });
            PrintWriter out = spec.commandLine().getOut();
            out.println("Copied " + r.rows() + " rows in " + r.tables() + " tables; every count"
                    + " matches; audit trail intact on the server (" + r.auditEventsVerified() + " events).");
            out.println("The H2 file is unchanged and still the clinic's database until the settings point at the server.");
            out.flush();
            return 0;
        } catch (BackupException e) {
            throw new CliException("migrate-to-postgres: " + e.getMessage(), CliException.CHECK_FAILED);
        } catch (clinic.threshold.domain.common.ValidationException e) {
            throw new CliException("migrate-to-postgres: " + e.violations().stream().map(
                    clinic.threshold.i18n.Messages::describe).collect(java.util.stream.Collectors.joining(" ")),
                    CliException.INVALID_INPUT);
        }
    }
}
