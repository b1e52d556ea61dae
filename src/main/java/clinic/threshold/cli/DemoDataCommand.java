package clinic.threshold.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * "threshold demo-data": builds a synthetic clinic (issue 12, ADR 0020) in a new data folder (--data-dir, else the
 * demo folder), with the demo accounts, the same for the same seed. Refuses a clinic that already has patients.
 */
@Command(name = "demo-data", description = "Generate a synthetic clinic (benchmarks, demonstrations) in an empty data folder.",
        mixinStandardHelpOptions = true)
public final class DemoDataCommand implements Callable<Integer> {
    @ParentCommand
    ThresholdCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--patients", paramLabel = "N", description = "Patients to generate (default: 20000).")
    int patients = 20_000;

    @Option(names = "--years", paramLabel = "Y", description = "Years of the clinic's history (default: 10).")
    int years = 10;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed: the same seed gives the same clinic (default: 1).")
    long seed = 1;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String summary = root.hooks().demoData(root.dataDir, root.allowNetworkFolder, patients, years, seed, step -> {
            err.println("demo-data: " + step);
            err.flush();
        });
        spec.commandLine().getOut().println(summary);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
