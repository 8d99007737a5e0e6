package io.github.lambdasim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.model.Experiment;
import io.github.lambdasim.model.KeyFigures;
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
import java.io.IOException;
import java.io.PrintWriter;
import io.github.lambdasim.stats.Estimate;
import java.nio.file.Path;
import java.util.List;
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
            "A one-screen summary goes to standard output, progress to standard error."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output/<scenario name>).")
    Path out;

    @Option(names = "--period", paramLabel = "DURATION",
            description = "Length of a metrics period, e.g. 1m or 10s (default: 1m, longer for long runs so charts keep "
                    + "at most about 1,500 points).")
    String period;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "Independent replications, run in parallel over the cores (default ${DEFAULT-VALUE}); with 2 or more, "
                    + "summary.json gives each key figure's mean and 95%% confidence half-width. Files and charts show replication 0.")
    int replications;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ScenarioSpec scenario = options.load();
        Long periodMicros = null;
        if (period != null) {
            try {
                periodMicros = Units.parseDurationMicros(period);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--period: " + e.getMessage());
            }
            if (periodMicros < Units.MICROS_PER_SECOND) {
                throw new IllegalArgumentException("--period: at least 1s");
            }
            if (scenario.durationMicros() / periodMicros > 100_000) {
                throw new IllegalArgumentException("--period: " + period + " gives more than 100,000 periods; choose a longer one");
            }
        }
        Path target = out != null ? out : Path.of("output", scenario.name());
        PrintWriter stdout = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr(), scenario.name());
        if (replications < 1 || replications > 1000) {
            throw new IllegalArgumentException("--replications: " + replications + " is not between 1 and 1000");
        }
        RunResult result;
        Map<String, Estimate> estimates = null;
        if (replications == 1) {
            result = new Simulation(scenario, 0, periodMicros, progress).run();
        } else {
            Experiment.PointResult point = Experiment.run(List.of(scenario), replications, periodMicros,
                    Experiment.defaultThreads(), true, progress).get(0);
            result = point.first();
            estimates = SweepCommand.estimates(KeyFigures.names(result.functions().stream().map(f -> f.name()).toList()),
                    point.replications());
        }
        progress.done();

        try (OutputFolder folder = new OutputFolder(target)) {
            ObjectNode summary = SummaryJson.build(result);
            if (estimates != null) {
                summary.set("replications", SummaryJson.replications(replications, estimates));
            }
            SummaryJson.addRun(summary, result);
            folder.write("summary.json", SummaryJson.render(summary));
            folder.write("metrics.csv", MetricsCsv.render(result.series()));
            folder.write("report-log.txt", ReportLines.render(result));
            RunDataFiles.write(result, folder);
            String reportFailure = null;
            try {
                ReportRenderer.render(folder.staging(), folder);
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
        }
        stdout.flush();
        return 0;
    }
}
