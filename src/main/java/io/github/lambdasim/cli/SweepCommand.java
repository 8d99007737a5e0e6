package io.github.lambdasim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.model.Experiment;
import io.github.lambdasim.model.KeyFigures;
import io.github.lambdasim.model.Recommendation;
import io.github.lambdasim.report.OutputFolder;
import io.github.lambdasim.report.ReportRenderer;
import io.github.lambdasim.report.SummaryJson;
import io.github.lambdasim.report.SweepFiles;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.ReportFiles;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioException;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lambdasim sweep}: a grid of variants of one scenario, with replications and a recommendation. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Simulate every combination of the varied values, each with replications and common random numbers, "
            + "and recommend the best point meeting the constraints.",
            "Writes sweep.csv and sweep.json, then the charts (charts/, PNG and SVG) and report.html drawn from them; "
                + "prints a table and the recommendation."},
        footer = {"", "Example: lambdasim sweep scenarios/memory-hashing.yaml --vary functions.hash-1thread-128mb.memorySize=128,512,1024",
            "         lambdasim sweep s.yaml --vary functions.api.memorySize=512..3008:512 --slo 'p99<=300ms' --objective cost"})
final class SweepCommand implements Callable<Integer> {
    static final int MAX_POINTS = 10_000;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", required = true,
            description = "A scenario value and the values to try: a list (512,1024,1769) or a range (512..3008:256). Repeatable: "
                    + "every combination is simulated.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
            description = "Independent replications per point (default ${DEFAULT-VALUE}); confidence intervals need 2 or more.")
    int replications;

    @Option(names = "--objective", paramLabel = "GOAL", defaultValue = "cost",
            description = "What 'best' means: cost, latency (p99) or balanced (default ${DEFAULT-VALUE}).")
    String objective;

    @Option(names = "--balanced-weight", paramLabel = "W",
            description = "With --objective balanced, the weight of cost against p99 latency, as AWS Lambda Power "
                    + "Tuning's balancedWeight: the point with the lowest W x cost / highest cost + (1 - W) x latency / "
                    + "highest latency wins; 0 is the fastest, 1 the cheapest (default 0.5).")
    Double balancedWeight;

    @Option(names = "--memory-axis", paramLabel = "SCALE", defaultValue = "linear",
            description = "How the power-tuning charts place the memory sizes: linear (to scale, default) or categorical "
                    + "(evenly, as Power Tuning does, so that 128 and 256 MB do not crowd together).")
    String memoryAxis;

    @Option(names = "--slo", paramLabel = "BOUND",
            description = "A latency objective such as 'p99<=300ms' (" + Grid.SLO_STATISTICS + "; <= or <). Repeatable.")
    List<String> slos = new ArrayList<>();

    @Option(names = "--max-throttle-rate", paramLabel = "FRACTION", description = "At most this share of requests throttled, e.g. 0.001.")
    Double maxThrottleRate;

    @Option(names = "--max-error-rate", paramLabel = "FRACTION", description = "At most this share of invocations failed.")
    Double maxErrorRate;

    @Option(names = "--max-cold-start-rate", paramLabel = "FRACTION", description = "At most this share of invocations cold.")
    Double maxColdStartRate;

    @Option(names = "--max-drop-rate", paramLabel = "FRACTION",
            description = "At most this share of the function's asynchronous events dropped (event-driven scenarios).")
    Double maxDropRate;

    @Option(names = "--max-cost", paramLabel = "USD", description = "At most this monthly cost, in dollars: the cost the "
            + "sweep weighs, the function's own when only its settings are varied in a scenario of several functions, "
            + "else the whole scenario's.")
    Double maxCost;

    @Option(names = "--function", paramLabel = "NAME",
            description = "The function whose latency and rates the objective and constraints use (default: the first).")
    String function;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output/<scenario name>-sweep).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations run at once (default: one per core).")
    Integer threads;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Simulate only share K of N of the (point, replication) pairs and write a part "
                    + "(default folder: output/<scenario name>-sweep-shard-K-of-N); `lambdasim merge` joins the N parts into "
                    + "exactly the files of the whole sweep. A part already complete is not simulated again.")
    String shard;

    @Spec
    CommandSpec spec;

    /**
     * What the sweep's results are written from besides the simulations: the scenario's name,
     * description and seed, the grid, the function, the cost it weighs ({@link Recommendation#sweepCost},
     * null for a scenario of one function), the objective, the constraints and the figures. A shard
     * keeps it in its part, so that merge writes the same files.
     */
    record Plan(String name, String description, long seed, int replications, Map<String, List<String>> grid,
                String function, String cost, Recommendation.Objective goal, double balancedWeight,
                List<Recommendation.Constraint> constraints, List<String> figures, String memoryAxis) {
        static final String KIND = "sweep";

        Path defaultTarget() {
            return Path.of("output", name + "-sweep");
        }

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("name", name);
            o.put("description", description);
            o.put("seed", seed);
            o.put("replications", replications);
            ObjectNode g = o.putObject("vary");
            grid.forEach((path, values) -> {
                ArrayNode a = g.putArray(path);
                values.forEach(a::add);
            });
            o.put("function", function);
            o.put("cost", cost);
            o.put("objective", goal.name());
            o.put("balancedWeight", balancedWeight);
            o.put("memoryAxis", memoryAxis);
            ArrayNode cs = o.putArray("constraints");
            for (Recommendation.Constraint c : constraints) {
                ObjectNode n = cs.addObject();
                n.put("figure", c.figure());
                n.put("label", c.label());
                n.put("strict", c.strict());
                n.put("limit", c.limit());
                n.put("limitText", c.limitText());
            }
            ArrayNode fs = o.putArray("figures");
            figures.forEach(fs::add);
            return o;
        }

        static Plan fromJson(JsonNode o, String where) {
            String at = where + ": command";
            Map<String, List<String>> grid = new LinkedHashMap<>();
            JsonNode g = o.path("vary");
            if (!g.isObject()) {
                throw new IllegalArgumentException(at + ": vary is missing or not an object");
            }
            g.fieldNames().forEachRemaining(path -> grid.put(path, Part.texts(g, path, at + ": vary")));
            List<Recommendation.Constraint> constraints = new ArrayList<>();
            JsonNode cs = ReportFiles.array(o, "constraints", at);
            for (int i = 0; i < cs.size(); i++) {
                JsonNode c = cs.get(i);
                String ci = at + ": constraints[" + i + "]";
                if (!c.path("strict").isBoolean()) {
                    throw new IllegalArgumentException(ci + ": strict is missing or not true/false");
                }
                constraints.add(new Recommendation.Constraint(ReportFiles.string(c, "figure", ci), ReportFiles.string(c, "label", ci),
                        c.path("strict").asBoolean(), ReportFiles.decimal(c, "limit", ci), ReportFiles.string(c, "limitText", ci)));
            }
            Recommendation.Objective goal;
            try {
                goal = Recommendation.Objective.valueOf(ReportFiles.string(o, "objective", at));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": objective is not one of COST, LATENCY, BALANCED");
            }
            JsonNode seed = o.path("seed");
            if (!seed.isIntegralNumber()) {
                throw new IllegalArgumentException(at + ": seed is missing or not a whole number");
            }
            return new Plan(ReportFiles.string(o, "name", at), o.path("description").isTextual() ? o.path("description").asText() : null,
                    seed.asLong(), Part.whole(o, "replications", at), grid, ReportFiles.string(o, "function", at),
                    o.path("cost").isTextual() ? o.path("cost").asText() : null, goal,
                    ReportFiles.decimal(o, "balancedWeight", at), constraints, Part.texts(o, "figures", at),
                    ReportFiles.string(o, "memoryAxis", at));
        }
    }

    @Override
    public Integer call() throws IOException {
        Shard share = shard == null ? null : Shard.parse(shard);
        Grid.checkReplications(replications, 1);
        Recommendation.Objective goal = switch (objective.toLowerCase(Locale.ROOT)) {
            case "cost" -> Recommendation.Objective.COST;
            case "latency" -> Recommendation.Objective.LATENCY;
            case "balanced" -> Recommendation.Objective.BALANCED;
            default -> throw new IllegalArgumentException("--objective: expected cost, latency or balanced, found '" + objective + "'");
        };
        if (balancedWeight != null && goal != Recommendation.Objective.BALANCED) {
            throw new IllegalArgumentException("--balanced-weight: only with --objective balanced");
        }
        if (balancedWeight != null && !(balancedWeight >= 0 && balancedWeight <= 1)) {
            throw new IllegalArgumentException("--balanced-weight: expected a number from 0 (the fastest) to 1 (the cheapest), "
                    + "found " + balancedWeight);
        }
        String axis = memoryAxis.toLowerCase(Locale.ROOT);
        if (!axis.equals("linear") && !axis.equals("categorical")) {
            throw new IllegalArgumentException("--memory-axis: expected linear or categorical, found '" + memoryAxis + "'");
        }
        Map<String, List<String>> grid = Grid.parse(vary);
        List<Map<String, String>> combos = Grid.combinations(grid);
        if (combos.size() > MAX_POINTS) {
            throw new IllegalArgumentException("the grid has " + combos.size() + " points; at most " + MAX_POINTS);
        }
        ScenarioSpec base = options.load();
        List<ScenarioSpec> points = new ArrayList<>();
        // Each problem once, with the points it is found at: a misspelt --vary path is wrong at every point.
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map<String, String> combo : combos) {
            List<String> overrides = new ArrayList<>(options.allOverrides());
            combo.forEach((k, v) -> overrides.add(k + "=" + v));
            try {
                points.add(ScenarioLoader.load(options.scenario, overrides));
            } catch (ScenarioException e) {
                for (var p : e.problems()) {
                    problems.computeIfAbsent(p.format(), k -> new ArrayList<>()).add(Grid.label(combo));
                }
            }
        }
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>();
            problems.forEach((problem, at) -> lines.add((at.size() == combos.size() && combos.size() > 1
                    ? "every point" : at.size() == 1 ? "point " + at.get(0)
                    : "points " + String.join("; ", at.subList(0, Math.min(3, at.size())))
                    + (at.size() > 3 ? " and " + (at.size() - 3) + " more" : "")) + ": " + problem));
            throw new IllegalArgumentException((problems.values().stream().allMatch(at -> at.size() == combos.size())
                    ? "the sweep's points are not valid scenarios" : "some points of the sweep are not valid scenarios")
                    + ":\n  " + String.join("\n  ", lines.subList(0, Math.min(20, lines.size()))));
        }
        String fn = function != null ? function : base.functions().get(0).name();
        if (base.functions().stream().map(FunctionSpec::name).noneMatch(fn::equals)) {
            throw new IllegalArgumentException("--function: no function named '" + fn + "'");
        }
        if (maxDropRate != null && !base.eventDriven()) {
            throw new IllegalArgumentException("--max-drop-rate: " + base.name() + " has no asynchronous events to drop");
        }
        String cost = Recommendation.sweepCost(base.functions().stream().map(FunctionSpec::name).toList(), fn,
                grid.keySet());
        List<String> figureNames = KeyFigures.names(base);
        Plan plan = new Plan(base.name(), base.description(), base.seed(), replications, grid, fn, cost, goal,
                balancedWeight != null ? balancedWeight : Recommendation.DEFAULT_BALANCED_WEIGHT,
                constraints(fn, latencyBase(figureNames, fn), cost), figureNames, axis);
        int threadCount = threads != null ? threads : Experiment.defaultThreads();
        PrintWriter stdout = spec.commandLine().getOut();
        if (share != null) {
            share.checkWork(points.size() * replications);
            String digest = Part.digest(Plan.KIND, List.of(options.scenario), options.allOverrides(), plan.toJson());
            Path target = out != null ? out : Path.of("output", base.name() + "-sweep" + share.folderSuffix());
            if (Part.alreadyDone(target, Plan.KIND, digest, share, stdout)) {
                return 0;
            }
            Progress progress = new Progress(spec.commandLine().getErr(), base.name() + " sweep, shard " + share);
            List<Experiment.PairResult> pairs = Experiment.runPairs(points, replications, null, threadCount, false, progress,
                    share::owns);
            progress.done();
            try (OutputFolder folder = new OutputFolder(target)) {
                folder.write(Part.FILE, Part.render(Plan.KIND, digest, share, points.size(), replications, plan.toJson(),
                        pairs, List.of()));
                folder.commit();
                MergeCommand.printPart(stdout, "sweep of " + base.name(), share, pairs.size(), points.size() * replications,
                        folder.target(), out == null ? "output/" + base.name() + "-sweep-shard-*-of-" + share.n() : null);
            }
            return 0;
        }

        Progress progress = new Progress(spec.commandLine().getErr(), base.name() + " sweep");
        List<Experiment.PointResult> results = Experiment.run(points, replications, null, threadCount, false, progress);
        progress.done();
        return write(plan, results.stream().map(Experiment.PointResult::replications).toList(),
                out != null ? out : plan.defaultTarget(), stdout, spec.commandLine().getErr());
    }

    /**
     * Writes the sweep's files from the key figures of each point's replications (in order) and
     * prints its table: the end of an unsharded sweep, and of {@code lambdasim merge}.
     */
    static int write(Plan plan, List<List<Map<String, Double>>> replications, Path target, PrintWriter stdout,
                     PrintWriter stderr) throws IOException {
        List<Map<String, String>> combos = Grid.combinations(plan.grid());
        List<String> figures = plan.figures();
        List<Recommendation.Point> estimated = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            estimated.add(new Recommendation.Point(combos.get(i), estimates(figures, replications.get(i))));
        }
        Recommendation.Result result = Recommendation.recommend(estimated, plan.goal(), plan.balancedWeight(),
                plan.constraints(), plan.cost(), Recommendation.costFigure(plan.cost()),
                latencyBase(plan.figures(), plan.function()) + ".p99");

        List<String> varied = new ArrayList<>(plan.grid().keySet());
        try (OutputFolder folder = new OutputFolder(target)) {
            folder.write("sweep.csv", SweepFiles.csv(varied, figures, estimated, result));
            folder.write("sweep.json", SummaryJson.render(SweepFiles.json(plan.name(), plan.description(), plan.seed(),
                    plan.replications(), plan.grid(), plan.function(), plan.cost(), plan.goal().name().toLowerCase(Locale.ROOT),
                    plan.goal() == Recommendation.Objective.BALANCED ? plan.balancedWeight() : null, plan.memoryAxis(),
                    plan.constraints(), figures, estimated, result)));
            String reportFailure = null;
            try {
                ReportRenderer.renderSweep(folder.staging(), folder);
            } catch (RuntimeException | java.awt.AWTError e) {
                // The results are worth keeping without their charts; `lambdasim report` can try again.
                reportFailure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            folder.commit();
            print(stdout, plan, varied, estimated, result, folder);
            if (reportFailure != null) {
                return Errors.reportFailed(stderr, folder, reportFailure);
            }
        }
        return 0;
    }

    static Map<String, Estimate> estimates(List<String> figures, List<Map<String, Double>> replications) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        for (String f : figures) {
            double[] values = new double[replications.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = replications.get(r).get(f);
            }
            m.put(f, Estimate.of(values));
        }
        return m;
    }

    /**
     * The latency a sweep weighs: the function's, or for a function that consumes an SQS queue its
     * messages' end-to-end latency (the wait in the queue and for the batch, then the batch's
     * invocation), {@code queues.<queue>.consumers.<function>.endToEndMs}.
     */
    static String latencyBase(List<String> figures, String fn) {
        String suffix = ".consumers." + fn + ".endToEndMs.p99";
        for (String f : figures) {
            if (f.startsWith("queues.") && f.endsWith(suffix)) {
                return f.substring(0, f.length() - ".p99".length());
            }
        }
        return fn + ".latencyMs";
    }

    private static boolean endToEnd(String latencyBase) {
        return latencyBase.endsWith(".endToEndMs");
    }

    private List<Recommendation.Constraint> constraints(String fn, String latencyBase, String cost) {
        List<Recommendation.Constraint> list = new ArrayList<>();
        for (String slo : slos) {
            list.add(endToEnd(latencyBase) ? Grid.slo(latencyBase, "end-to-end latency", slo,
                    new java.util.LinkedHashSet<>(List.of("mean", "p50", "p90", "p99", "max"))) : Grid.slo(fn, slo));
        }
        if (maxThrottleRate != null) {
            list.add(new Recommendation.Constraint(fn + ".throttleRate", "throttle rate", false, maxThrottleRate,
                    Double.toString(maxThrottleRate)));
        }
        if (maxErrorRate != null) {
            list.add(new Recommendation.Constraint(fn + ".errorRate", "error rate", false, maxErrorRate,
                    Double.toString(maxErrorRate)));
        }
        if (maxColdStartRate != null) {
            list.add(new Recommendation.Constraint(fn + ".coldStartRate", "cold-start rate", false, maxColdStartRate,
                    Double.toString(maxColdStartRate)));
        }
        if (maxDropRate != null) {
            list.add(new Recommendation.Constraint(fn + ".events.asyncDropRate", "events dropped", false, maxDropRate,
                    Double.toString(maxDropRate)));
        }
        if (maxCost != null) {
            list.add(new Recommendation.Constraint(Recommendation.costFigure(cost), cost == null ? "monthly cost"
                    : Recommendation.costFunction(cost) != null ? "monthly cost of " + Recommendation.costFunction(cost)
                    : "monthly cost (all functions)", false, maxCost,
                    String.format(Locale.ROOT, "$%.2f", maxCost)));
        }
        return list;
    }

    private static void print(PrintWriter out, Plan plan, List<String> varied,
                              List<Recommendation.Point> points, Recommendation.Result result, OutputFolder folder) {
        String fn = plan.function();
        out.printf(Locale.ROOT, "%s: %d points x %d replications (figures of %s; 95%% confidence intervals)%n%n", plan.name(),
                points.size(), plan.replications(), fn);
        // A function that receives asynchronous events: what they lose too.
        boolean events = !points.isEmpty() && points.get(0).figures().containsKey(fn + ".events.asyncDropRate")
                && points.stream().anyMatch(p -> p.figures().get(fn + ".events.asyncEventsDropped").mean() > 0
                || p.figures().get(fn + ".events.asyncRetries").mean() > 0);
        // A memory sweep: Power Tuning's two figures too, the mean duration and the cost of one invocation.
        boolean averages = varied.stream().anyMatch(v -> shortName(v).equals("memorySize"))
                && points.stream().allMatch(p -> p.figures().containsKey(fn + ".durationMs.mean"));
        // A queue's consumer: its messages' end-to-end latency and their cost per million (batching's two figures).
        String latency = latencyBase(plan.figures(), fn) + ".p99";
        boolean consumer = endToEnd(latency.substring(0, latency.length() - ".p99".length()));
        String perMillionMessages = consumer
                ? latency.substring(0, latency.length() - ".endToEndMs.p99".length()) + ".costPerMillionMessagesUsd" : null;
        boolean seconds = Format.inSeconds(points.stream().map(p -> p.figures().get(latency)).toList());
        boolean durationSeconds = averages
                && Format.inSeconds(points.stream().map(p -> p.figures().get(fn + ".durationMs.mean")).toList());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(varied.stream().map(SweepCommand::shortName).toList());
        header.addAll(List.of(consumer ? "end to end p99" : "latency p99", Recommendation.costLabel(plan.cost())));
        if (consumer) {
            header.add("per 1M messages");
        }
        if (averages) {
            header.addAll(List.of("duration mean", "cost per invocation"));
        }
        header.addAll(List.of("throttled", "cold"));
        if (events) {
            header.addAll(List.of("retries", "dropped"));
        }
        rows.add(header);
        for (Recommendation.Point p : points) {
            List<String> row = new ArrayList<>(varied.stream().map(v -> p.values().get(v)).toList());
            row.add(Format.ms(p.figures().get(latency), seconds));
            row.add(Format.usd(p.figures().get(Recommendation.costFigure(plan.cost()))));
            if (consumer) {
                row.add(Format.usd(p.figures().get(perMillionMessages)));
            }
            if (averages) {
                Estimate perMillion = p.figures().get(fn + ".costPerMillionInvocationsUsd");
                row.add(Format.ms(p.figures().get(fn + ".durationMs.mean"), durationSeconds));
                row.add(Format.usdSmall(perMillion.scaled(1e-6)));
            }
            row.add(percent(p.figures().get(fn + ".throttleRate").mean()));
            row.add(percent(p.figures().get(fn + ".coldStartRate").mean()));
            if (events) {
                row.add(Format.count(Math.round(p.figures().get(fn + ".events.asyncRetries").mean())));
                row.add(percent(p.figures().get(fn + ".events.asyncDropRate").mean()));
            }
            rows.add(row);
        }
        // Each column as wide as its widest cell, three spaces between columns.
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                line.append(String.format(Locale.ROOT, "%-" + (widths[c] + 3) + "s", rows.get(r).get(c)));
            }
            int i = r - 1;
            if (i >= 0 && i == result.best()) {
                line.append("<- recommended");
            } else if (i >= 0 && !result.meets().get(i)) {
                line.append("misses a constraint");
            }
            if (i >= 0 && !result.uncertain().get(i).isEmpty()) {
                line.append("  (uncertain: ").append(String.join(", ", result.uncertain().get(i))).append(')');
            }
            out.println(line.toString().stripTrailing());
        }
        out.printf(Locale.ROOT, "%n%s%n%nResults in %s: %s%n", result.sentence(), TextSummary.display(folder.target()),
                TextSummary.listing(folder.files()));
        if (folder.files().contains(ReportRenderer.HTML)) {
            out.printf(Locale.ROOT, "Open %s to see the charts.%n", TextSummary.display(folder.target().resolve(ReportRenderer.HTML)));
        }
        out.flush();
    }

    private static String shortName(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, fraction >= 0.1 ? "%.0f%%" : "%.2f%%", fraction * 100);
    }
}
