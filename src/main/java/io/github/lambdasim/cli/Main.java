package io.github.lambdasim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lambdasim}: the top command; each capability is a subcommand. */
@Command(name = "lambdasim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Discrete-event simulator of AWS Lambda scaling and billing.%n"
                + "Replays your traffic against a model of the Lambda platform and reports latency, "
                + "cold starts, throttles and cost.",
        subcommands = {RunCommand.class, ReportCommand.class, ValidateCommand.class, SweepCommand.class, CompareCommand.class, MergeCommand.class,
            CostCommand.class, FitCommand.class, ImportCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failure while running, 2 invalid input.",
            "Example: lambdasim run scenarios/quickstart.yaml"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Charts are drawn off screen: never look for a display.
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line in-process and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new Errors.Handler());
        cl.setParameterExceptionHandler(new Errors.ParameterHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(Errors::executeGuarded);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest (set by Maven), or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"lambdasim " + (v == null ? "dev" : v)};
        }
    }
}
