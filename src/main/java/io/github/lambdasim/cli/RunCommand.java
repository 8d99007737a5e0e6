package io.github.lambdasim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.github.lambdasim.report.SourcesCsv;
import io.github.lambdasim.report.SummaryJson;
import io.github.lambdasim.report.data.ReportFiles;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.Units;
import io.github.lambdasim.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    @Option(names = "--report-log", paramLabel = "WHICH", defaultValue = "sample",
            description = "Which REPORT lines report-log.txt holds: sample (every cold start up to 200 and about 1,000 "
                    + "invocations, the default) or all (every invocation, as the run goes; one replication only), which "
                    + "lambdasim fit reads like CloudWatch's.")
    String reportLog;

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

    @Option(names = "--shard", paramLabel = "K/N",
            description = "With --replications 2 or more: simulate only share K of N of the replications and write a part "
                    + "(default folder: output/<scenario name>-shard-K-of-N); `lambdasim merge` joins the N parts into exactly "
                    + "the files of the whole run. A part already complete is not simulated again.")
    String shard;

    @Mixin
    ChartsOption charts;

    @Spec
    CommandSpec spec;

    /**
     * What a run's files are written from besides replication 0's own: the scenario's name, the
     * replications, the period, whether the report is drawn and for how many functions, the
     * functions (in order), and the key figures estimated across replications. A shard keeps it in
     * its part, so that merge writes the same files.
     */
    record Plan(String name, int replications, Long periodMicros, boolean noReport, int chartsFor, List<String> functions,
                boolean eventDriven, List<String> figures) {
        static final String KIND = "run";

        Path defaultTarget() {
            return Path.of("output", name);
        }

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("scenario", name);
            o.put("replications", replications);
            if (periodMicros == null) {
                o.putNull("periodMicros");
            } else {
                o.put("periodMicros", periodMicros.longValue());
            }
            o.put("noReport", noReport);
            o.put("chartsFor", chartsFor);
            o.put("eventDriven", eventDriven);
            ArrayNode fs = o.putArray("functions");
            functions.forEach(fs::add);
            ArrayNode ks = o.putArray("figures");
            figures.forEach(ks::add);
            return o;
        }

        static Plan fromJson(JsonNode o, String where) {
            String at = where + ": command";
            JsonNode period = o.path("periodMicros");
            if (!period.isNull() && !(period.isIntegralNumber() && period.canConvertToLong() && period.asLong() > 0)) {
                throw new IllegalArgumentException(at + ": periodMicros is missing or not a whole number");
            }
            for (String flag : List.of("noReport", "eventDriven")) {
                if (!o.path(flag).isBoolean()) {
                    throw new IllegalArgumentException(at + ": " + flag + " is missing or not true or false");
                }
            }
            int replications = Part.whole(o, "replications", at);
            if (replications < 2) {
                throw new IllegalArgumentException(at + ": replications: fewer than 2");
            }
            return new Plan(ReportFiles.string(o, "scenario", at), replications, period.isNull() ? null : period.asLong(),
                    o.path("noReport").asBoolean(), Part.whole(o, "chartsFor", at), Part.texts(o, "functions", at),
                    o.path("eventDriven").asBoolean(), Part.texts(o, "figures", at));
        }
    }

    @Override
    public Integer call() throws IOException {
        Shard share = shard == null ? null : Shard.parse(shard);
        if (share != null && replications < 2) {
            throw new IllegalArgumentException("--shard: shares the replications of a run: give --replications 2 or more "
                    + "(one simulation cannot be shared)");
        }
        if (share != null && check) {
            throw new IllegalArgumentException("--check cannot be used with --shard: check replication 0 with an unsharded "
                    + "run (lambdasim run SCENARIO --check)");
        }
        ScenarioSpec scenario = options.load();
        int chartsFor = charts.chartsFor();
        Long periodMicros = periodMicros(scenario);
        double limit = maxWork();
        Path target = out != null ? out : Path.of("output", scenario.name() + (share != null ? share.folderSuffix() : ""));
        checkOutputFolder(target, out != null ? "--out" : "the output folder");
        RunEstimate estimate = RunEstimate.of(scenario, periodMicros != null ? periodMicros
                : Simulation.defaultPeriodMicros(scenario.durationMicros()));
        if (!force) {
            refuseIfTooBig(scenario, estimate, limit);
        }

        PrintWriter stdout = spec.commandLine().getOut();
        Grid.checkReplications(replications, 1);
        if (share != null && !reportLog.equals("sample")) {
            throw new IllegalArgumentException("--report-log: a shard writes no report-log.txt; run without --shard");
        }
        if (share != null) {
            return runShard(share, scenario, periodMicros, chartsFor, target, stdout);
        }
        if (!reportLog.equals("sample") && !reportLog.equals("all")) {
            throw new IllegalArgumentException("--report-log: expected sample or all, found '" + reportLog + "'");
        }
        if (reportLog.equals("all") && replications > 1) {
            throw new IllegalArgumentException("--report-log all: one replication only (its lines are replication 0's)");
        }
        Progress progress = new Progress(spec.commandLine().getErr(), scenario.name());
        RunResult result;
        Map<String, Estimate> estimates = null;
        Path allLines = reportLog.equals("all") ? Files.createTempFile("lambdasim-report-log", ".txt") : null;
        try {
            if (replications == 1 && allLines != null) {
                try (java.io.BufferedWriter out = Files.newBufferedWriter(allLines, java.nio.charset.StandardCharsets.UTF_8)) {
                    out.write(ReportLines.allHeader(scenario, scenario.seed()));
                    StringBuilder line = new StringBuilder(256);
                    result = new Simulation(scenario, 0, periodMicros, progress).withInvocationLog(
                            (f, n, start, init, duration, billed, memory, flags) -> {
                                line.setLength(0);
                                ReportLines.append(line, scenario, scenario.seed(), 0, f, n, start, init, duration, billed,
                                        memory, flags);
                                try {
                                    out.append(line);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }).run();
                }
            } else if (replications == 1) {
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
            deleteQuietly(allLines);
            throw new IllegalStateException(e.getMessage(), e);
        } catch (RuntimeException | IOException e) {
            deleteQuietly(allLines);
            throw e;
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
            SummaryJson.addRun(summary, result);
            if (estimates != null) {
                SummaryJson.addReplications(summary, replications, estimates);
            }
            writeResults(folder, result, summary);
            if (allLines != null) {
                folder.write(FILES.get(2), out -> {
                    try (java.io.BufferedReader in = Files.newBufferedReader(allLines, java.nio.charset.StandardCharsets.UTF_8)) {
                        char[] buffer = new char[1 << 16];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            out.append(java.nio.CharBuffer.wrap(buffer, 0, n));
                        }
                    }
                });
            }
            String reportFailure = renderReport(folder, noReport, chartsFor);
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
            deleteQuietly(allLines);
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

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind
            }
        }
    }

    /**
     * Writes a run's result files: summary.json (as given), metrics.csv, report-log.txt, queues.csv and
     * streams.csv (of a run with queues or streams) and data/.
     */
    private static void writeResults(OutputFolder folder, RunResult result, ObjectNode summary) throws IOException {
        folder.write(FILES.get(0), SummaryJson.render(summary));
        folder.write(FILES.get(1), out -> MetricsCsv.write(result.series(), result.scenario().clock(), out));
        folder.write(FILES.get(2), ReportLines.render(result));
        SourcesCsv.write(result, folder);
        RunDataFiles.write(result, folder);
    }

    /**
     * Draws the charts and report.html from the staged result files, unless {@code noReport};
     * returns why they could not be drawn, or null.
     */
    private static String renderReport(OutputFolder folder, boolean noReport, int chartsFor) throws IOException {
        try {
            if (!noReport) {
                ReportRenderer.render(folder.staging(), folder, chartsFor);
            }
            return null;
        } catch (RuntimeException | java.awt.AWTError e) {
            // The results are worth keeping without their charts; `lambdasim report` can try again.
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /**
     * Simulates the replications shard {@code share} owns and writes its part: the key figures of
     * each, and the result files of replication 0 (without the block across replications, which
     * merge adds) when the shard owns it.
     */
    private int runShard(Shard share, ScenarioSpec scenario, Long periodMicros, int chartsFor, Path target,
                         PrintWriter stdout) throws IOException {
        share.checkWork(replications);
        Plan plan = new Plan(scenario.name(), replications, periodMicros, noReport, chartsFor,
                scenario.functions().stream().map(FunctionSpec::name).toList(), scenario.eventDriven(),
                KeyFigures.names(scenario));
        String digest = Part.digest(Plan.KIND, List.of(options.scenario), options.allOverrides(), plan.toJson());
        if (Part.alreadyDone(target, Plan.KIND, digest, share, stdout)) {
            return 0;
        }
        Progress progress = new Progress(spec.commandLine().getErr(), scenario.name() + ", shard " + share);
        List<Experiment.PairResult> pairs;
        try {
            pairs = Experiment.runPairs(List.of(scenario), replications, periodMicros, Experiment.defaultThreads(), true,
                    progress, share::owns);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        progress.done();
        OutputFolder part;
        try {
            part = new OutputFolder(target);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try (OutputFolder folder = part) {
            for (Experiment.PairResult pair : pairs) {
                if (pair.run() != null) {
                    ObjectNode summary = SummaryJson.build(pair.run());
                    SummaryJson.addRun(summary, pair.run());
                    writeResults(folder, pair.run(), summary);
                }
            }
            List<String> files = folder.files();
            List<Experiment.PairResult> figuresOnly = pairs.stream()
                    .map(p -> new Experiment.PairResult(p.point(), p.replication(), p.figures(), null)).toList();
            folder.write(Part.FILE, Part.render(Plan.KIND, digest, share, 1, replications, plan.toJson(), figuresOnly, files));
            folder.commit();
            MergeCommand.printPart(stdout, "replications of " + scenario.name(), share, pairs.size(), replications,
                    folder.target(), out == null ? "output/" + scenario.name() + "-shard-*-of-" + share.n() : null);
        }
        return 0;
    }

    /**
     * Writes what {@code run --replications} writes from the parts of a sharded run: replication
     * 0's files from {@code source} (its summary.json with the block across replications added),
     * then the charts and report.html drawn from them; prints the key figures across replications.
     */
    static int merge(Plan plan, List<Map<String, Double>> figures, Path source, List<String> files, int shards, Path target,
                     PrintWriter stdout, PrintWriter stderr) throws IOException {
        checkOutputFolder(target, "--out");
        Map<String, Estimate> estimates = SweepCommand.estimates(plan.figures(), figures);
        try (OutputFolder folder = new OutputFolder(target)) {
            for (String f : files) {
                byte[] bytes = Files.readAllBytes(source.resolve(f));
                if (f.equals(FILES.get(0))) {
                    ObjectNode summary;
                    try {
                        summary = SummaryJson.parse(new String(bytes, StandardCharsets.UTF_8));
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        throw new IllegalArgumentException(source.resolve(f) + ": not the summary of a run (run its shard "
                                + "again)", e);
                    }
                    SummaryJson.addReplications(summary, plan.replications(), estimates);
                    folder.write(f, SummaryJson.render(summary));
                } else {
                    folder.write(f, bytes);
                }
            }
            String reportFailure = renderReport(folder, plan.noReport(), plan.chartsFor());
            folder.commit();
            stdout.printf(Locale.ROOT, "%s: %d replications, merged from %d shards.%n", plan.name(), plan.replications(),
                    shards);
            stdout.print(TextSummary.replications(plan.functions(), plan.eventDriven(), plan.replications(), estimates,
                    "the files and charts show replication 0"));
            stdout.print(TextSummary.where(folder.target(), folder.files()));
            stdout.flush();
            if (reportFailure != null) {
                return Errors.reportFailed(stderr, folder, reportFailure);
            }
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
