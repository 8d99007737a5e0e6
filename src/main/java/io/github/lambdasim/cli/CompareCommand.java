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
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
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
        footer = {"", "Example: lambdasim compare scenarios/launch-day-none.yaml scenarios/launch-day-schedule.yaml"})
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "SCENARIO", description = "Scenario files; the first is the baseline.")
    List<Path> scenarios;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
            description = "Independent replications of each scenario (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value in every scenario; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output/compare-<first>-vs-<second>...).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations run at once (default: one per core).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Grid.checkReplications(replications, 2);
        List<ScenarioSpec> specs = new ArrayList<>();
        for (Path p : scenarios) {
            specs.add(ScenarioLoader.load(p, overrides));
        }
        Progress progress = new Progress(spec.commandLine().getErr(), "compare");
        List<Experiment.PointResult> results = Experiment.run(specs, replications, null,
                threads != null ? threads : Experiment.defaultThreads(), true, progress);
        progress.done();

        Set<String> figures = new LinkedHashSet<>(KeyFigures.names(specs.get(0)));
        for (ScenarioSpec s : specs.subList(1, specs.size())) {
            figures.retainAll(KeyFigures.names(s));
        }
        List<String> names = new ArrayList<>(figures);
        String folderName = "compare-" + String.join("-vs-", specs.stream().map(ScenarioSpec::name).limit(3).toList());
        Path target = out != null ? out : Path.of("output", folderName.length() > 120 ? folderName.substring(0, 120) : folderName);
        List<String> runFolders = runFolders(specs);
        try (OutputFolder folder = new OutputFolder(target)) {
            folder.write("compare.csv", csv(specs, names, results));
            folder.write("compare.json", SummaryJson.render(json(specs, names, results, runFolders)));
            for (int i = 0; i < specs.size(); i++) {
                RunResult first = results.get(i).first();
                ObjectNode summary = SummaryJson.build(first);
                SummaryJson.addRun(summary, first);
                folder.write(runFolders.get(i) + "/summary.json", SummaryJson.render(summary));
                folder.write(runFolders.get(i) + "/metrics.csv", out -> MetricsCsv.write(first.series(), out));
            }
            String reportFailure = null;
            try {
                ReportRenderer.renderComparison(folder.staging(), folder);
            } catch (RuntimeException | java.awt.AWTError e) {
                // The results are worth keeping without their charts; `lambdasim report` can try again.
                reportFailure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            folder.commit();
            print(spec.commandLine().getOut(), specs, names, results, folder);
            if (reportFailure != null) {
                return Errors.reportFailed(spec.commandLine().getErr(), folder, reportFailure);
            }
        }
        return 0;
    }

    /** {@code runs/<scenario>} for each scenario, numbered when two scenarios share a name. */
    static List<String> runFolders(List<ScenarioSpec> specs) {
        List<String> folders = new ArrayList<>();
        for (ScenarioSpec s : specs) {
            String name = CompareData.RUNS + s.name();
            String unique = name;
            for (int k = 2; folders.contains(unique); k++) {
                unique = name + "-" + k;
            }
            folders.add(unique);
        }
        return folders;
    }

    /** The estimate of a figure in one scenario. */
    private static Estimate estimate(Experiment.PointResult r, String figure) {
        return Estimate.of(values(r.replications(), figure));
    }

    /** The difference from the baseline, paired by replication (same random substreams). */
    private static Estimate difference(Experiment.PointResult base, Experiment.PointResult other, String figure) {
        double[] a = values(base.replications(), figure);
        double[] b = values(other.replications(), figure);
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

    private String csv(List<ScenarioSpec> specs, List<String> names, List<Experiment.PointResult> results) {
        StringBuilder sb = new StringBuilder("figure");
        for (int i = 0; i < specs.size(); i++) {
            String n = specs.get(i).name();
            sb.append(',').append(n).append(',').append(n).append(".ci95");
            if (i > 0) {
                sb.append(',').append(n).append(".difference,").append(n).append(".difference.ci95");
            }
        }
        sb.append('\n');
        for (String f : names) {
            sb.append(f);
            for (int i = 0; i < specs.size(); i++) {
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

    private static String num(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() : "";
    }

    private ObjectNode json(List<ScenarioSpec> specs, List<String> names, List<Experiment.PointResult> results,
                            List<String> runFolders) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("replications", replications);
        root.put("confidence", Estimate.CONFIDENCE);
        ArrayNode list = root.putArray("scenarios");
        for (int i = 0; i < specs.size(); i++) {
            ObjectNode o = list.addObject();
            o.put("scenario", specs.get(i).name());
            o.put("file", scenarios.get(i).toString());
            o.put("seed", specs.get(i).seed());
            o.put("description", specs.get(i).description());
            o.put("run", runFolders.get(i));
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
                }
            }
        }
        return root;
    }

    private void print(PrintWriter out, List<ScenarioSpec> specs, List<String> names, List<Experiment.PointResult> results,
                       OutputFolder folder) {
        out.printf(Locale.ROOT, "%d scenarios x %d replications; differences from %s (95%% confidence intervals, paired)%n%n",
                specs.size(), replications, specs.get(0).name());
        // The headline figures that have a better direction, and the scenario's monthly bill.
        // A function's event figures only where some scenario has events to show.
        List<String> shown = names.stream().filter(n -> {
            Figure f = figure(n);
            return f.is(Figure.Use.HEADLINE) && f.better() != Figure.Better.NEITHER
                    || f.source() instanceof Figure.Billed b && b.month() && Figures.SCENARIO.contains(f);
        }).filter(n -> !figure(n).eventDriven() || KeyFigures.entryPoint(n) != null
                || results.stream().anyMatch(r -> estimate(r, n).mean() != 0)).toList();
        String first = "%-" + Math.max(34, shown.stream().mapToInt(String::length).max().orElse(0) + 2) + "s";
        out.printf(Locale.ROOT, first, "figure");
        for (ScenarioSpec s : specs) {
            out.printf(Locale.ROOT, "  %-28s", s.name());
        }
        out.println();
        for (String f : shown) {
            out.printf(Locale.ROOT, first, f);
            for (int i = 0; i < specs.size(); i++) {
                Estimate e = estimate(results.get(i), f);
                String cell = format(f, e.mean());
                if (i > 0) {
                    Estimate d = difference(results.get(0), results.get(i), f);
                    cell += " (" + (d.mean() >= 0 ? "+" : "") + format(f, d.mean()) + " ± " + format(f, d.halfWidth()) + ")";
                }
                out.printf(Locale.ROOT, "  %-28s", cell);
            }
            out.println();
        }
        out.printf(Locale.ROOT, "%nAll key figures in %s: %s%n", TextSummary.display(folder.target()),
                TextSummary.listing(folder.files()));
        if (folder.files().contains(ReportRenderer.HTML)) {
            out.printf(Locale.ROOT, "Open %s to see the charts.%n", TextSummary.display(folder.target().resolve(ReportRenderer.HTML)));
        }
        out.flush();
    }

    /** The registry's figure a key figure's name ({@code api.latencyMs.p99}, {@code costUsd.month.total}) stands for. */
    static Figure figure(String name) {
        return KeyFigures.figure(name);
    }

    private static String format(String name, double v) {
        return switch (figure(name).unit()) {
            case SHARE -> String.format(Locale.ROOT, "%.3f%%", v * 100);
            case USD -> (v < 0 ? "-" : "") + String.format(Locale.ROOT, "$%,.2f", Math.abs(v));
            case MS -> String.format(Locale.ROOT, "%.1f ms", v);
            default -> String.format(Locale.ROOT, "%,.1f", v);
        };
    }
}
