package clinic.threshold.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * "threshold recover": when a password is lost (every administrator's, say), sets a new one with the
 * recovery key printed at setup. Asks for the recovery key and the new password twice on the terminal, or
 * reads them as three lines of standard input with --stdin.
 */
@Command(name = "recover", description = "Set a new password for a user with the clinic's recovery key.",
        mixinStandardHelpOptions = true)
final class RecoverCommand implements Callable<Integer> {
    @ParentCommand
    ThresholdCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Whose password to set.")
    String user;

    @Option(names = "--stdin", description = "Read the recovery key, the new password and its repetition as three lines.")
    boolean stdin;

    @Override
    public Integer call() {
        char[][] answers = stdin ? fromStdin() : fromConsole();
        root.hooks().recover(root.dataDir, root.demo, user, answers[0], answers[1], answers[2]);
        spec.commandLine().getOut().println("New password set for " + user + ". Sign in with it now.");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static char[][] fromStdin() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            char[][] out = new char[3][];
            for (int i = 0; i < 3; i++) {
                String line = in.readLine();
                if (line == null) {
                    throw new CliException("--stdin needs three lines: recovery key, new password, new password again",
                            CliException.INVALID_INPUT);
                }
                out[i] = line.toCharArray();
            }
            return out;
        } catch (IOException e) {
            throw new CliException("cannot read standard input", CliException.INVALID_INPUT);
        }
    }

    private static char[][] fromConsole() {
        Console c = System.console();
        if (c == null) {
            throw new CliException("no terminal to ask on: use --stdin", CliException.INVALID_INPUT);
        }
        return new char[][] {c.readPassword("Recovery key: "), c.readPassword("New password: "),
                c.readPassword("New password again: ")};
    }
}
