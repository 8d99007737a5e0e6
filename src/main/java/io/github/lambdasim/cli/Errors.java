package io.github.lambdasim.cli;

import io.github.lambdasim.scenario.Problem;
import io.github.lambdasim.scenario.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns failures into messages and exit codes: 2 for invalid input, 1 for a failure while running. */
final class Errors {
    static final int INVALID_INPUT = 2;
    static final int FAILURE = 1;

    private Errors() {
    }

    /** Prints every problem of an invalid scenario, one per line. */
    static int invalid(PrintWriter err, ScenarioException e) {
        err.println("lambdasim: the scenario is not valid (" + e.problems().size() + " problem"
                + (e.problems().size() == 1 ? "" : "s") + "):");
        for (Problem p : e.problems()) {
            err.println("  " + p.format());
        }
        err.flush();
        return INVALID_INPUT;
    }

    /** Results written but their report not drawn: says so, and how to draw it once the cause is fixed. */
    static int reportFailed(PrintWriter err, io.github.lambdasim.report.OutputFolder folder, String reason) {
        err.println("lambdasim: the results are written, but the charts and report.html could not be drawn: " + reason);
        err.println("(once fixed: lambdasim report " + TextSummary.display(folder.target()) + ")");
        err.flush();
        return FAILURE;
    }

    /**
     * Runs the chosen command; an {@link Error} the handler does not see (out of memory, a stack
     * overflow) becomes a message and exit code 1 instead of a stack trace.
     */
    static int executeGuarded(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError | StackOverflowError e) {
            CommandLine cl = parseResult.commandSpec().commandLine();
            PrintWriter err = cl.getErr();
            err.println(e instanceof OutOfMemoryError
                    ? String.format(java.util.Locale.ROOT, "lambdasim: failed: ran out of memory (this Java may use %.1f GB); "
                    + "give it more (java -Xmx8g -jar lambdasim.jar ...) or simulate less: fewer functions, a shorter "
                    + "duration, a longer --period", Runtime.getRuntime().maxMemory() / (double) (1L << 30))
                    : "lambdasim: failed: " + e);
            err.flush();
            return FAILURE;
        }
    }

    static final class Handler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            if (ex instanceof ScenarioException se) {
                return invalid(err, se);
            }
            if (ex instanceof IllegalArgumentException) {
                err.println("lambdasim: " + ex.getMessage());
                err.flush();
                return INVALID_INPUT;
            }
            err.println("lambdasim: failed: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("LAMBDASIM_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set LAMBDASIM_DEBUG=1 to see where)");
            }
            err.flush();
            return FAILURE;
        }
    }

    /**
     * A command that says in its own words what is missing when too few positional parameters are
     * given, instead of picocli's "Expected parameter 2 (of 2 mandatory parameters)".
     */
    interface MissingPositionals {
        String missingPositionals();
    }

    static final class ParameterHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            if (ex instanceof CommandLine.MissingParameterException missing && cl.getCommand() instanceof MissingPositionals m
                    && missing.getMissing().stream().anyMatch(CommandLine.Model.ArgSpec::isPositional)) {
                err.println("lambdasim: " + m.missingPositionals());
            } else {
                err.println("lambdasim: " + ex.getMessage());
            }
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return INVALID_INPUT;
        }
    }
}
