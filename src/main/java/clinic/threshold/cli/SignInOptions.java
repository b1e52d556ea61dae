package clinic.threshold.cli;

import clinic.threshold.service.ClinicServices;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/**
 * How a sub-command signs in: --user, and the password from the terminal (never echoed) or, for scripts,
 * one line on standard input with --password-stdin. In the demo clinic the demo administrator is the default.
 */
public final class SignInOptions {
    @Option(names = "--user", paramLabel = "NAME", description = "User name to sign in as.")
    String user;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    /** A user name and password, asked for but not yet used. */
    record Credentials(String user, char[] password) {
    }

    /** Signs in through {@code root}'s data folder and returns the signed-in services. */
    ClinicServices open(ThresholdCommand root) {
        Credentials c = credentials(root);
        return root.hooks().open(root.dataDir, root.demo, root.allowNetworkFolder, c.user(), c.password());
    }

    /** The user name and password (the demo administrator's in the demo clinic when --user is not given). */
    Credentials credentials(ThresholdCommand root) {
        if (user == null && root.demo) {
            String[] demo = root.hooks().demoAdmin();
            return new Credentials(demo[0], demo[1].toCharArray());
        }
        if (user == null) {
            throw new CliException("--user is required: sub-commands act as a signed-in user", CliException.INVALID_INPUT);
        }
        return new Credentials(user, readPassword(user));
    }

    private char[] readPassword(String name) {
        if (passwordStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new CliException("--password-stdin: no password on standard input", CliException.INVALID_INPUT);
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new CliException("--password-stdin: cannot read standard input", CliException.INVALID_INPUT);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException("no terminal to ask for the password: use --password-stdin",
                    CliException.INVALID_INPUT);
        }
        char[] pw = console.readPassword("Password for %s: ", name);
        if (pw == null) {
            throw new CliException("no password given", CliException.INVALID_INPUT);
        }
        return pw;
    }
}
