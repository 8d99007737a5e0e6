package io.github.lambdasim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.model.Experiment;
import io.github.lambdasim.model.Invariants;
import io.github.lambdasim.model.KeyFigures;
import io.github.lambdasim.model.RunEstimate;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.model.Simulation;
import io.github.lambdasim.report.MetricsCsv;
import io.github.lambdasim.report.OutputFolder;
import io.github.lambdasim.report.ReportLines;
import io.github.lambdasim.report.ReportRenderer;
import io.github.lambdasim.report.RunDataFiles;
import io.github.lambdasim.report.SummaryJson;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.Units;
import io.github.lambdasim.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lambdasim run}: simulates a scenario and writes its results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate a scenario and write its results and its report.",
            "Writes summary.json, metrics.csv, report-log.txt and data/, then the charts (charts/, PNG and SVG)"
                + " and report.html drawn from them.",
            "A one-screen summary goes to standard output, progress to standard error.",
            "Runs estimated to need more than the work of 2 billion requests, or more memory than the JVM may use, "
                    + "are refused up front (see --max-requests and --force)."})
final class RunCommand implements Callable<Integer> {
    /** The files a run writes; a folder in the way of one is refused before simulating. */
    static final List<String> FILES = List.of("summary.json", "metrics.csv", "report-log.txt");
    /** At most this many periods in metrics.csv, whatever --period says. */
    static final long MAX_PERIODS = 100_000;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output/<scenario name>).")
    Path out;

    @Option(names = "--period", paramLabel = "DURATION",
            description = "Length of a metrics period, e.g. 1m or 10s (default: 1m, longer for long runs so charts keep "
                    + "at most about 1,500 points).")
    String period;

    @Option(names = "--max-requests", paramLabel = "N",
            description = "Refuse runs whose estimated work is above N requests (default 2B; e.g. 500M, 10B).")
    String maxRequests;

    @Option(names = "--force", description = "Run even when the estimate says the run is too long or too big.")
    boolean force;

    @Option(names = "--no-report", description = "Write the results only (summary.json, metrics.csv, report-log.txt, "
            + "data/): no charts or report.html; `lambdasim report DIR` draws them later.")
    boolean noReport;

    @Option(names = "--check", description = "Check the run's invariants (counts add up, limits hold, nothing negative); "
            + "print any violation and exit with 1.")
    boolean check;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Independent replications, run in parallel over the cores (default ${DEFAULT-VALUE}); with 2 or more, "
                    + "summary.json gives each key figure's mean and 95%% confidence half-width. Files and charts show replication 0.")
    int replications;

    @Mixin
    ChartsOption charts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ScenarioSpec scenario = options.load();
        int chartsFor = charts.chartsFor();
        Long periodMicros = periodMicros(scenario);
        double limit = maxWork();
        Path target = out != null ? out : Path.of("output", scenario.name());
        checkOutputFolder(target, out != null ? "--out" : "the output folder");
        RunEstimate estimate = RunEstimate.of(scenario, periodMicros != null ? periodMicros
                : Simulation.defaultPeriodMicros(scenario.durationMicros()));
        if (!force) {
            refuseIfTooBig(scenario, estimate, limit);
        }

        PrintWriter stdout = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr(), scenario.name());
        Grid.checkReplications(replications, 1);
        RunResult result;
        Map<String, Estimate> estimates = null;
        try {
            if (replications == 1) {
                result = new Simulation(scenario, 0, periodMicros, progress).run();
            } else {
                Experiment.PointResult point = Experiment.run(List.of(scenario), replications, periodMicros,
                        Experiment.defaultThreads(), true, progress).get(0);
                result = point.first();
                estimates = SweepCommand.estimates(KeyFigures.names(result.scenario()),
                        point.replications());
            }
        } catch (IllegalArgumentException e) {
            // The input was checked: anything wrong from here on is a failure while running (exit 1).
            throw new IllegalStateException(e.getMessage(), e);
        }
        progress.done();

        OutputFolder folder;
        try {
            folder = new OutputFolder(target);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        // Interrupted while writing (Ctrl-C): drop the staged files, leave the earlier results.
        Thread cleanup = new Thread(folder::close, "lambdasim-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (folder) {
            ObjectNode summary = SummaryJson.build(result);
            if (estimates != null) {
                summary.set("replications", SummaryJson.replications(replications, estimates));
            }
            SummaryJson.addRun(summary, result);
            folder.write(FILES.get(0), SummaryJson.render(summary));
            folder.write(FILES.get(1), out -> MetricsCsv.write(result.series(), out));
            folder.write(FILES.get(2), ReportLines.render(result));
            RunDataFiles.write(result, folder);
            String reportFailure = null;
            try {
                if (!noReport) {
                    ReportRenderer.render(folder.staging(), folder, chartsFor);
                }
            } catch (RuntimeException | java.awt.AWTError e) {
                // The results are worth keeping without their charts; `lambdasim report` can try again.
                reportFailure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            folder.commit();
            stdout.print(TextSummary.render(result, folder.target(), folder.files()));
            if (estimates != null) {
                stdout.print(TextSummary.replications(result, replications, estimates));
            }
            if (reportFailure != null) {
                stdout.flush();
                return Errors.reportFailed(spec.commandLine().getErr(), folder, reportFailure);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        stdout.flush();
        if (check) {
            return checkInvariants(result, stdout);
        }
        return 0;
    }

    private Long periodMicros(ScenarioSpec scenario) {
        if (period == null) {
            return null;
        }
        long micros;
        try {
            micros = Units.parseDurationMicros(period);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--period: " + e.getMessage());
        }
        if (micros < Units.MICROS_PER_SECOND) {
            throw new IllegalArgumentException("--period: at least 1s");
        }
        if (scenario.durationMicros() / micros > MAX_PERIODS) {
            throw new IllegalArgumentException("--period: " + period + " gives more than " + String.format(Locale.ROOT, "%,d",
                    MAX_PERIODS) + " periods; choose a longer one");
        }
        return micros;
    }

    private double maxWork() {
        if (maxRequests == null) {
            return RunEstimate.DEFAULT_MAX_WORK;
        }
        try {
            long n = Units.parseCount(maxRequests.trim());
            if (n < 1) {
                throw new IllegalArgumentException("'" + maxRequests + "' is not a positive count");
            }
            return n;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--max-requests: " + e.getMessage());
        }
    }

    /**
     * Refuses, before anything is simulated, an output folder that cannot be: a file, a path
     * through a file, a folder that cannot be written, or a folder in the way of a result file.
     */
    static void checkOutputFolder(Path target, String option) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + ": " + target + " is a file, not a folder; give a folder for "
                    + String.join(", ", FILES));
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IllegalArgumentException(option + ": cannot create " + target + ": no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + ": cannot create " + target + ": " + existing + " is a file");
        }
        // Results are staged beside the folder and moved in, so its parent must be writable too.
        Path writable = existing.equals(abs) && abs.getParent() != null ? abs.getParent() : existing;
        for (Path p : new Path[] {writable, existing}) {
            if (!Files.isWritable(p)) {
                throw new IllegalArgumentException(option + ": cannot write in " + p + " (permission denied)");
            }
        }
        for (String f : FILES) {
            if (Files.isDirectory(abs.resolve(f))) {
                throw new IllegalArgumentException(option + ": " + abs.resolve(f) + " is a folder; lambdasim writes a file "
                        + "there: move it away or choose another --out");
            }
        }
    }

    private static void refuseIfTooBig(ScenarioSpec scenario, RunEstimate e, double limit) {
        String refusal = refusal(scenario, e, limit);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /** Why a run of this estimate is refused (the estimate and how to go ahead), or null when it is not. */
    static String refusal(ScenarioSpec scenario, RunEstimate e, double limit) {
        if (e.work() > limit) {
            String what;
            if (e.work() <= 1.1 * e.requests()) {
                what = "about " + count(e.requests()) + " requests expected";
            } else {
                StringBuilder parts = new StringBuilder(count(e.requests()) + " requests expected");
                if (e.drawsPerRequest() >= 2) {
                    parts.append(String.format(Locale.ROOT, ", each drawing %,.0f random values", e.drawsPerRequest()));
                }
                if (e.provisionedWork() > 0.1 * e.work()) {
                    parts.append("; ").append(count(e.provisionedChanges())).append(" provisioned concurrency changes");
                }
                if (e.metricsWork() > 0.1 * e.work()) {
                    parts.append("; ").append(count(e.metricRows())).append(" rows of metrics");
                }
                what = "the work of about " + count(e.work()) + " simple requests (" + parts + ")";
            }
            String forever = e.seconds() > 1000 * 86400.0 ? "would never end"
                    : "is too much work for one run (roughly " + duration(e.seconds()) + ")";
            return scenario.name() + " " + forever + ": " + what + ", above the limit of " + count(limit) + ".\n"
                    + "Shorten the duration (--set duration=1h) or lower the rates"
                    + (e.seconds() > 1000 * 86400.0 ? "." : "; or run it anyway with --max-requests " + suggestion(e.work())
                    + " (or --force).");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (heap != Long.MAX_VALUE && e.memoryBytes() > 0.9 * heap) {
            return String.format(Locale.ROOT, "%s could need about %s of memory "
                    + "(up to %s execution environments, %s rows of metrics, statistics for %d functions), more than the %s this Java "
                    + "may use.%nGive it more (java -Xmx%dg -jar lambdasim.jar ...), use a longer --period or fewer functions; "
                    + "or try anyway with --force.", scenario.name(), bytes(e.memoryBytes()), count(e.environments()),
                    count(e.metricRows()), scenario.functions().size(), bytes(heap),
                    (long) Math.ceil(e.memoryBytes() / 0.9 / (1L << 30)));
        }
        return null;
    }

    private int checkInvariants(RunResult result, PrintWriter stdout) {
        List<String> violations = Invariants.check(result);
        if (violations.isEmpty()) {
            stdout.println("Check: every invariant holds (counts add up, limits respected, nothing negative).");
            stdout.flush();
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("lambdasim: check: " + violations.size() + " invariant" + (violations.size() == 1 ? "" : "s")
                + " broken:");
        for (String v : violations) {
            err.println("  " + v);
        }
        err.flush();
        return Errors.FAILURE;
    }

    static String count(double n) {
        if (n >= 1e12) {
            return String.format(Locale.ROOT, n >= 1e14 ? "%,.0f trillion" : "%.1f trillion", n / 1e12);
        }
        if (n >= 1e9) {
            return String.format(Locale.ROOT, "%.1f billion", n / 1e9);
        }
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    /** A round limit a little above the work, as --max-requests takes it (800k, 30M, 17B). */
    private static String suggestion(double work) {
        double n = work * 1.2;
        if (n < 1e6) {
            return String.format(Locale.ROOT, "%.0fk", Math.ceil(n / 1e3));
        }
        return n < 1e9 ? String.format(Locale.ROOT, "%.0fM", Math.ceil(n / 1e6))
                : String.format(Locale.ROOT, "%.0fB", Math.ceil(n / 1e9));
    }

    static String duration(double seconds) {
        if (seconds < 1) {
            return "under a second";
        }
        if (seconds < 2) {
            return "a second or two";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f seconds", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f minutes", seconds / 60);
        }
        if (seconds < 3 * 86400) {
            return String.format(Locale.ROOT, "%.0f hours", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%,.0f days", seconds / 86400);
    }

    static String bytes(double b) {
        return b >= 1 << 30 ? String.format(Locale.ROOT, "%.1f GB", b / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", b / (1 << 20));
    }
}
