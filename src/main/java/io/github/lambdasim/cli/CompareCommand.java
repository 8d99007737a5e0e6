package io.github.lambdasim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.model.Experiment;
import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import io.github.lambdasim.model.KeyFigures;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.report.MetricsCsv;
import io.github.lambdasim.report.OutputFolder;
import io.github.lambdasim.report.ReportRenderer;
import io.github.lambdasim.report.SummaryJson;
import io.github.lambdasim.report.data.CompareData;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.ReportFiles;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Difference;
import io.github.lambdasim.stats.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lambdasim compare}: scenarios side by side, with each one's difference from the first
 * and its confidence interval. Replication r of every scenario uses the same random substreams,
 * so scenarios that share traffic are compared on the same arrivals and draws (paired
 * differences, common random numbers). Replication 0 of each is kept in {@code runs/} for the
 * charts over time.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Simulate two or more scenarios with the same replications and show their key figures side by side, "
            + "with each one's difference from the first (95%% confidence intervals, paired by replication).",
            "Writes compare.csv and compare.json, replication 0 of each scenario in runs/ (summary.json and metrics.csv), "
                + "then the charts (charts/, PNG and SVG) and report.html drawn from them."},
        footer = {"", "Each scenario is labelled by its name; where names collide, by its file's name (without .yaml), then by "
            + "what --set K:... changed for it alone (quickstart [memorySize=2048]), then by its position; --label overrides.",
            "",
            "Example: lambdasim compare scenarios/launch-day-none.yaml scenarios/launch-day-schedule.yaml",
            "         lambdasim compare scenarios/quickstart.yaml scenarios/quickstart.yaml --set 2:functions.api.memorySize=2048"})
final class CompareCommand implements Callable<Integer>, Errors.MissingPositionals {
    @Parameters(arity = "2..*", paramLabel = "SCENARIO", description = "Scenario files; the first is the baseline.")
    List<Path> scenarios;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
            description = "Independent replications of each scenario (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--set", paramLabel = "[K:]PATH=VALUE",
            description = "Override a value in every scenario, or with K: in the K-th only (from 1, in the order given), "
                    + "e.g. 2:functions.api.memorySize=2048; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--label", paramLabel = "NAME",
            description = "The label of a scenario in the table, the charts and runs/; one per scenario, in their order "
                    + "(default: the scenarios' names, told apart by file and by --set K:... when they collide).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "1%",
            description = "The practical threshold: a difference is highlighted when its interval excludes zero and it is "
                    + "at least this share of the first scenario's value (default ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--warmup", paramLabel = "DURATION",
            description = "Simulate this long before each scenario and measure only after it, e.g. 10m (overrides the scenarios' warmup).")
    String warmup;

    @Option(names = "--window", paramLabel = "FROM-TO",
            description = {"Measure only the requests arriving in this part of the run, e.g. 12:00-12:05 (a scenario with a "
                + "start: clock: times of its first day; otherwise time since the start) or 12h-12h5m; the whole run is "
                + "still simulated."})
    String window;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output/compare-<first>-vs-<second>...).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations run at once (default: one per core).")
    Integer threads;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Simulate only share K of N of the (scenario, replication) pairs and write a part "
                    + "(default folder: output/compare-...-shard-K-of-N); `lambdasim merge` joins the N parts into exactly "
                    + "the files of the whole comparison. A part already complete is not simulated again.")
    String shard;

    @Spec
    CommandSpec spec;

    @Override
    public String missingPositionals() {
        return "compare needs at least two scenarios; to compare one file with itself under other values: "
                + "compare A.yaml A.yaml --set 2:PATH=VALUE";
    }

    /**
     * What the comparison's results are written from besides the simulations: each scenario's
     * label, name, file, seed and description, the replications, the figures compared, the folders
     * of replication 0 and each scenario's figures that could not be paired (not in every
     * scenario). A shard keeps it in its part, so that merge writes the same files.
     */
    record Plan(List<String> labels, List<String> names, List<String> files, List<Long> seeds, List<String> descriptions,
                int replications, List<String> figures, List<String> runFolders, List<List<String>> unpaired,
                double threshold, String window) {
        static final String KIND = "compare";

        String folderName() {
            String folderName = "compare-" + String.join("-vs-", labels.stream().limit(3).map(CompareSides::folder).toList());
            return folderName.length() > 120 ? folderName.substring(0, 120) : folderName;
        }

        Path defaultTarget() {
            return Path.of("output", folderName());
        }

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ArrayNode list = o.putArray("scenarios");
            for (int i = 0; i < names.size(); i++) {
                ObjectNode n = list.addObject();
                n.put("label", labels.get(i));
                n.put("name", names.get(i));
                n.put("file", files.get(i));
                n.put("seed", seeds.get(i));
                n.put("description", descriptions.get(i));
                n.put("run", runFolders.get(i));
                ArrayNode u = n.putArray("unpaired");
                unpaired.get(i).forEach(u::add);
            }
            o.put("replications", replications);
            o.put("threshold", threshold);
            if (window != null) {
                o.put("window", window);
            }
            ArrayNode fs = o.putArray("figures");
            figures.forEach(fs::add);
            return o;
        }

        static Plan fromJson(com.fasterxml.jackson.databind.JsonNode o, String where) {
            String at = where + ": command";
            List<String> labels = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<List<String>> unpaired = new ArrayList<>();
            List<String> files = new ArrayList<>();
            List<Long> seeds = new ArrayList<>();
            List<String> descriptions = new ArrayList<>();
            List<String> runs = new ArrayList<>();
            var list = ReportFiles.array(o, "scenarios", at);
            for (int i = 0; i < list.size(); i++) {
                var n = list.get(i);
                String si = at + ": scenarios[" + i + "]";
                names.add(ReportFiles.string(n, "name", si));
                labels.add(ReportFiles.string(n, "label", si));
                unpaired.add(Part.texts(n, "unpaired", si));
                files.add(ReportFiles.string(n, "file", si));
                if (!n.path("seed").isIntegralNumber()) {
                    throw new IllegalArgumentException(si + ": seed is missing or not a whole number");
                }
                seeds.add(n.path("seed").asLong());
                descriptions.add(n.path("description").isTextual() ? n.path("description").asText() : null);
                String run = ReportFiles.string(n, "run", si);
                if (!run.startsWith(CompareData.RUNS) || run.contains("..")) {
                    throw new IllegalArgumentException(si + ": run is not a folder under " + CompareData.RUNS);
                }
                runs.add(run);
            }
            if (names.size() < 2) {
                throw new IllegalArgumentException(at + ": scenarios: fewer than 2");
            }
            return new Plan(labels, names, files, seeds, descriptions, Part.whole(o, "replications", at),
                    Part.texts(o, "figures", at), runs, unpaired, ReportFiles.decimal(o, "threshold", at),
                    o.path("window").isTextual() ? o.path("window").asText() : null);
        }
    }

    @Override
    public Integer call() throws IOException {
        Shard share = shard == null ? null : Shard.parse(shard);
        Grid.checkReplications(replications, 2);
        if (warmup != null) {
            overrides.add(ScenarioOptions.warmupOverride(warmup)); // every scenario's, and in the digest of a shard
        }
        List<List<String>> perSide = CompareSides.overrides(overrides, scenarios.size());
        List<ScenarioSpec> specs = new ArrayList<>();
        String windowText = null;
        for (int i = 0; i < scenarios.size(); i++) {
            ScenarioSpec s = ScenarioLoader.load(scenarios.get(i), perSide.get(i));
            if (window != null) {
                ScenarioSpec.Window w = WindowOption.parse(window, s);
                s = s.withWindow(w);
                windowText = WindowOption.describe(window, w);
            }
            specs.add(s);
        }
        Set<String> figures = new LinkedHashSet<>(KeyFigures.names(specs.get(0)));
        for (ScenarioSpec s : specs.subList(1, specs.size())) {
            figures.retainAll(KeyFigures.names(s));
        }
        List<List<String>> unpaired = new ArrayList<>();
        for (ScenarioSpec s : specs) {
            unpaired.add(KeyFigures.names(s).stream().filter(f -> !figures.contains(f)).toList());
        }
        List<String> sideLabels = CompareSides.labels(specs.stream().map(ScenarioSpec::name).toList(), scenarios,
                CompareSides.ownOverrides(overrides, scenarios.size()), labels);
        Plan plan = new Plan(sideLabels, specs.stream().map(ScenarioSpec::name).toList(),
                scenarios.stream().map(Path::toString).toList(), specs.stream().map(ScenarioSpec::seed).toList(),
                specs.stream().map(ScenarioSpec::description).collect(java.util.stream.Collectors.toList()), replications,
                new ArrayList<>(figures), runFolders(sideLabels), unpaired, threshold(threshold), windowText);
        int threadCount = threads != null ? threads : Experiment.defaultThreads();
        PrintWriter stdout = spec.commandLine().getOut();
        if (share != null) {
            share.checkWork(specs.size() * replications);
            String digest = Part.digest(Plan.KIND, scenarios, overrides, plan.toJson());
            Path target = out != null ? out : Path.of("output", plan.folderName() + share.folderSuffix());
            if (Part.alreadyDone(target, Plan.KIND, digest, share, stdout)) {
                return 0;
            }
            Progress progress = new Progress(spec.commandLine().getErr(), "compare, shard " + share);
            List<Experiment.PairResult> pairs = Experiment.runPairs(specs, replications, null, threadCount, true, progress,
                    share::owns);
            progress.done();
            try (OutputFolder folder = new OutputFolder(target)) {
                List<String> files = new ArrayList<>();
                for (Experiment.PairResult pair : pairs) {
                    if (pair.run() != null) {
                        files.addAll(writeFirst(folder, plan.runFolders().get(pair.point()), pair.run()));
                    }
                }
                List<Experiment.PairResult> figuresOnly = pairs.stream()
                        .map(p -> new Experiment.PairResult(p.point(), p.replication(), p.figures(), null)).toList();
                folder.write(Part.FILE, Part.render(Plan.KIND, digest, share, specs.size(), replications, plan.toJson(),
                        figuresOnly, files));
                folder.commit();
                MergeCommand.printPart(stdout, "comparison", share, pairs.size(), specs.size() * replications,
                        folder.target(), out == null ? "output/" + plan.folderName() + "-shard-*-of-" + share.n() : null);
            }
            return 0;
        }

        Progress progress = new Progress(spec.commandLine().getErr(), "compare");
        List<Experiment.PointResult> results = Experiment.run(specs, replications, null, threadCount, true, progress);
        progress.done();
        return write(plan, results.stream().map(Experiment.PointResult::replications).toList(), (folder, i) ->
                writeFirst(folder, plan.runFolders().get(i), results.get(i).first()),
                out != null ? out : plan.defaultTarget(), stdout, spec.commandLine().getErr());
    }

    /** Writes replication 0 of a scenario in full (summary.json, metrics.csv) under {@code run}; returns their paths. */
    static List<String> writeFirst(OutputFolder folder, String run, RunResult first) throws IOException {
        ObjectNode summary = SummaryJson.build(first);
        SummaryJson.addRun(summary, first);
        folder.write(run + "/summary.json", SummaryJson.render(summary));
        folder.write(run + "/metrics.csv", out -> MetricsCsv.write(first.series(), first.scenario().clock(), out));
        return List.of(run + "/summary.json", run + "/metrics.csv");
    }

    /** Writes the files of replication 0 of scenario i into the result folder. */
    @FunctionalInterface
    interface FirstRuns {
        void write(OutputFolder folder, int scenario) throws IOException;
    }

    /**
     * Writes the comparison's files from the key figures of each scenario's replications (in
     * order) and the runs of replication 0, and prints its table: the end of an unsharded
     * comparison, and of {@code lambdasim merge}.
     */
    static int write(Plan plan, List<List<Map<String, Double>>> results, FirstRuns firstRuns, Path target,
                     PrintWriter stdout, PrintWriter stderr) throws IOException {
        List<String> names = plan.figures();
        try (OutputFolder folder = new OutputFolder(target)) {
            folder.write("compare.csv", csv(plan, names, results));
            folder.write("compare.json", SummaryJson.render(json(plan, names, results)));
            for (int i = 0; i < plan.labels().size(); i++) {
                firstRuns.write(folder, i);
            }
            String reportFailure = null;
            try {
                ReportRenderer.renderComparison(folder.staging(), folder);
            } catch (RuntimeException | java.awt.AWTError e) {
                // The results are worth keeping without their charts; `lambdasim report` can try again.
                reportFailure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            folder.commit();
            print(stdout, plan, names, results, folder);
            if (reportFailure != null) {
                return Errors.reportFailed(stderr, folder, reportFailure);
            }
        }
        return 0;
    }

    /** {@code runs/<label>} for each scenario (as a folder name), numbered when two labels give the same folder. */
    static List<String> runFolders(List<String> labels) {
        List<String> folders = new ArrayList<>();
        for (String label : labels) {
            String name = CompareData.RUNS + CompareSides.folder(label);
            String unique = name;
            for (int k = 2; folders.contains(unique); k++) {
                unique = name + "-" + k;
            }
            folders.add(unique);
        }
        return folders;
    }

    /** The estimate of a figure in one scenario. */
    private static Estimate estimate(List<Map<String, Double>> r, String figure) {
        return Estimate.of(values(r, figure));
    }

    /** The difference from the baseline, paired by replication (same random substreams). */
    private static Estimate difference(List<Map<String, Double>> base, List<Map<String, Double>> other, String figure) {
        double[] a = values(base, figure);
        double[] b = values(other, figure);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = b[i] - a[i];
        }
        return Estimate.of(d);
    }

    private static double[] values(List<Map<String, Double>> reps, String figure) {
        double[] v = new double[reps.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = reps.get(i).get(figure);
        }
        return v;
    }

    private static String csv(Plan plan, List<String> names, List<List<Map<String, Double>>> results) {
        StringBuilder sb = new StringBuilder("figure");
        for (int i = 0; i < plan.labels().size(); i++) {
            String n = plan.labels().get(i);
            sb.append(',').append(cell(n)).append(',').append(cell(n + ".ci95"));
            if (i > 0) {
                sb.append(',').append(cell(n + ".difference")).append(',').append(cell(n + ".difference.ci95"));
            }
        }
        sb.append('\n');
        for (String f : names) {
            sb.append(f);
            for (int i = 0; i < plan.labels().size(); i++) {
                Estimate e = estimate(results.get(i), f);
                sb.append(',').append(num(e.mean())).append(',').append(num(e.halfWidth()));
                if (i > 0) {
                    Estimate d = difference(results.get(0), results.get(i), f);
                    sb.append(',').append(num(d.mean())).append(',').append(num(d.halfWidth()));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A CSV cell, quoted when a label holds a comma, a quote or a line break. */
    private static String cell(String text) {
        return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String num(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() : "";
    }

    private static ObjectNode json(Plan plan, List<String> names, List<List<Map<String, Double>>> results) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("replications", plan.replications());
        root.put("confidence", Estimate.CONFIDENCE);
        root.put("threshold", plan.threshold());
        if (plan.window() != null) {
            root.put("window", plan.window());
        }
        ArrayNode list = root.putArray("scenarios");
        for (int i = 0; i < plan.labels().size(); i++) {
            ObjectNode o = list.addObject();
            o.put("scenario", plan.labels().get(i));
            o.put("name", plan.names().get(i));
            o.put("file", plan.files().get(i));
            o.put("seed", plan.seeds().get(i));
            o.put("description", plan.descriptions().get(i));
            o.put("run", plan.runFolders().get(i));
            ArrayNode u = o.putArray("unpaired");
            plan.unpaired().get(i).forEach(u::add);
            ObjectNode figs = o.putObject("figures");
            for (String f : names) {
                Estimate e = estimate(results.get(i), f);
                ObjectNode n = figs.putObject(f);
                n.set("mean", SummaryJson.number(e.mean(), 6));
                n.set("ci95", SummaryJson.number(e.halfWidth(), 6));
                if (i > 0) {
                    Estimate d = difference(results.get(0), results.get(i), f);
                    n.set("difference", SummaryJson.number(d.mean(), 6));
                    n.set("differenceCi95", SummaryJson.number(d.halfWidth(), 6));
                    double relative = Difference.relative(d, estimate(results.get(0), f).mean());
                    if (!Double.isNaN(relative)) {
                        n.set("differenceRelative", SummaryJson.number(relative, 6));
                    }
                    n.put("differenceMatters", Difference.matters(d, estimate(results.get(0), f).mean(), plan.threshold()));
                }
            }
        }
        return root;
    }

    private static void print(PrintWriter out, Plan plan, List<String> names, List<List<Map<String, Double>>> results,
                              OutputFolder folder) {
        List<String> scenarioNames = plan.labels();
        out.printf(Locale.ROOT, "%d scenarios x %d replications; differences from %s (95%% confidence intervals, paired)%n%n",
                scenarioNames.size(), plan.replications(), scenarioNames.get(0));
        if (plan.window() != null) {
            out.printf(Locale.ROOT, "Measured: the requests arriving in %s; the whole run simulated%n%n", plan.window());
        }
        // The headline figures that have a better direction, and the scenario's monthly bill.
        // A function's event figures only where some scenario has events to show.
        boolean manyFunctions = names.stream().filter(n -> KeyFigures.entryPoint(n) == null
                && !KeyFigures.isSourceFigure(n) && !Figures.SCENARIO.contains(figure(n))).map(n -> n.substring(0, n.indexOf('.'))).distinct().count() > 1;
        // A function's own monthly bill where there are several (with one, it is the scenario's).
        List<String> shown = names.stream().filter(n -> manyFunctions || Figures.SCENARIO.contains(figure(n))
                || !(figure(n).source() instanceof Figure.Billed)).filter(n -> {
            Figure f = figure(n);
            return f.is(Figure.Use.HEADLINE) && f.better() != Figure.Better.NEITHER
                    || f.source() instanceof Figure.Billed b && b.month() && Figures.SCENARIO.contains(f);
        }).filter(n -> !figure(n).eventDriven() || KeyFigures.entryPoint(n) != null
                || results.stream().anyMatch(r -> estimate(r, n).mean() != 0)).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("figure"));
        header.addAll(scenarioNames);
        rows.add(header);
        boolean anyMatters = false;
        for (String f : shown) {
            List<String> row = new ArrayList<>(List.of(label(f, manyFunctions)));
            Estimate base = estimate(results.get(0), f);
            for (int i = 0; i < scenarioNames.size(); i++) {
                Estimate e = estimate(results.get(i), f);
                String cell = format(f, e.mean());
                if (i > 0) {
                    Estimate d = difference(results.get(0), results.get(i), f);
                    String relative = Difference.percent(d, base.mean());
                    boolean matters = figure(f).better() != Figure.Better.NEITHER
                            && Difference.matters(d, base.mean(), plan.threshold());
                    anyMatters |= matters;
                    cell += " (" + (d.mean() >= 0 ? "+" : "") + format(f, d.mean()) + " ± " + format(f, d.halfWidth())
                            + (relative.isEmpty() ? "" : ", " + relative) + ")" + (matters ? " *" : "");
                }
                row.add(cell);
            }
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(String.format(Locale.ROOT, "%-" + (widths[c] + 3) + "s", row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.printf(Locale.ROOT, "%n%s%n", anyMatters ? "* a difference that matters: its interval excludes zero and it is at "
                + "least " + Format.number(plan.threshold() * 100, 2) + "% of " + scenarioNames.get(0) + "'s value (--threshold)"
                : "No difference is both real (its interval excludes zero) and at least " + Format.number(plan.threshold() * 100, 2)
                + "% of " + scenarioNames.get(0) + "'s value (--threshold).");
        List<String> unpaired = CompareData.unpairedLines(plan.labels(), plan.unpaired());
        if (!unpaired.isEmpty()) {
            out.printf(Locale.ROOT, "%nNot compared (not in every scenario, so nothing to pair them with):%n");
            unpaired.forEach(line -> out.printf(Locale.ROOT, "  %s%n", line));
        }
        out.printf(Locale.ROOT, "%nAll key figures in %s: %s%n", TextSummary.display(folder.target()),
                TextSummary.listing(folder.files()));
        if (folder.files().contains(ReportRenderer.HTML)) {
            out.printf(Locale.ROOT, "Open %s to see the charts.%n", TextSummary.display(folder.target().resolve(ReportRenderer.HTML)));
        }
        out.flush();
    }

    /** {@code --threshold}: {@code 1%}, {@code 0.5%} or {@code 2} (percent), as a fraction. */
    static double threshold(String text) {
        String t = text.strip();
        String digits = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
        try {
            double pct = Double.parseDouble(digits);
            if (pct >= 0 && pct < 1000) {
                return pct / 100;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--threshold: expected a percentage such as 1% or 0.5%, found '" + text + "'");
    }

    /**
     * What a key figure is called in the table: {@code p99 latency}'s registry label, after its
     * function when the scenarios have several ({@code api: Latency p99}) or its entry point.
     */
    static String label(String name, boolean manyFunctions) {
        Figure f = figure(name);
        String entry = KeyFigures.entryPoint(name);
        if (entry != null) {
            return "entry point " + entry + ": " + f.label();
        }
        String source = KeyFigures.sourceOwner(name);
        if (source != null) {
            return source + ": " + f.label();
        }
        if (Figures.SCENARIO.contains(f)) {
            return f.label();
        }
        return (manyFunctions ? name.substring(0, name.indexOf('.')) + ": " : "") + f.label();
    }

    /** The registry's figure a key figure's name ({@code api.latencyMs.p99}, {@code costUsd.month.total}) stands for. */
    static Figure figure(String name) {
        return KeyFigures.figure(name);
    }

    /** A figure or a difference as the rest of the tool writes numbers: {@code 2,297 ms}, {@code -0.19%}, {@code $623.41}. */
    private static String format(String name, double v) {
        String sign = v < 0 ? "-" : "";
        return switch (figure(name).unit()) {
            case SHARE -> sign + Format.percent(Math.abs(v), 1);
            case USD -> sign + String.format(Locale.ROOT, "$%,.2f", Math.abs(v));
            case MS -> sign + Format.ms(Math.abs(v));
            case SECONDS -> sign + Format.seconds(Math.abs(v));
            default -> Format.number(v, 1);
        };
    }
}
