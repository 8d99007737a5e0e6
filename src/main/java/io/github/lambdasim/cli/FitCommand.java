package io.github.lambdasim.cli;

import io.github.lambdasim.fit.FitReport;
import io.github.lambdasim.fit.PowerTuningFit;
import io.github.lambdasim.fit.ReportLogs;
import io.github.lambdasim.fit.ReportRecord;
import io.github.lambdasim.model.Workload;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lambdasim fit LOGS...}: a scenario from the REPORT lines of real (or simulated) invocations. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit a scenario to REPORT lines (or, with --power-tuning, to an AWS Lambda Power Tuning result): "
                + "per function its memory size, duration and init duration distributions (log-normal or percentile table, "
                + "whichever fits better by the Kolmogorov-Smirnov distance), cold-start and error shares, Max Memory Used, "
                + "and its invocations per minute when the lines have timestamps.",
            "Reads plain text (as Lambda writes REPORT lines, and report-log.txt), the JSON of aws logs filter-log-events, "
                + "and CloudWatch Logs Insights CSV exports (@timestamp, @message, @log)."},
        footer = {"", "Example: lambdasim fit api.log --function api --out scenarios/api-fitted.yaml",
            "         aws logs filter-log-events --log-group-name /aws/lambda/api --filter-pattern REPORT > api.json; "
                + "lambdasim fit api.json --function api"})
final class FitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LOGS", arity = "0..*", description = "Files of REPORT lines.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--power-tuning", paramLabel = "FILE", description = "Fit the handler's CPU time at one vCPU and its "
            + "memory-independent wait to an AWS Lambda Power Tuning result (its output JSON) instead of reading logs.")
    Path powerTuning;

    @Option(names = "--platform", paramLabel = "ERA", defaultValue = "current", description = "With --power-tuning, the "
            + "platform whose vCPU share the result was measured on: current (default) or 2019.")
    String platform;

    @Option(names = "--function", paramLabel = "NAME", description = "The function the lines are of, where the log does "
            + "not say (default: from the log group, the line, or the file's name); with report-log.txt, only that function.")
    String function;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the scenario here (and the invocations per minute "
            + "beside it, FILE without .yaml + -invocations.csv) instead of to standard output.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The scenario's name (default: the --out file's, or fitted).")
    String name;

    @Spec
    CommandSpec spec;

    /** {@code --power-tuning}: the fitted handler as a scenario. */
    private int powerTuning() throws IOException {
        if (!logs.isEmpty()) {
            throw new IllegalArgumentException("--power-tuning fits a Power Tuning result, not logs: give one or the other");
        }
        if (!platform.equals("current") && !platform.equals("2019")) {
            throw new IllegalArgumentException("--platform: expected current or 2019, found '" + platform + "'");
        }
        PlatformSpec era = ScenarioLoader.preset(platform, "us-east-1");
        IntToDoubleFunction share = m -> Workload.vcpuShare(m, era);
        String text;
        try {
            text = Files.readString(powerTuning, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(powerTuning + ": no such file");
        }
        PowerTuningFit fit = PowerTuningFit.read(powerTuning.getFileName().toString(), text, share);
        String fn = function != null ? function : "function";
        String scenarioName = name(fn + "-power-tuning");
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(fit.scenario(scenarioName, fn, share));
            stdout.flush();
            spec.commandLine().getErr().print(fit.summary(share));
            spec.commandLine().getErr().flush();
            return 0;
        }
        Files.writeString(out, fit.scenario(scenarioName, fn, share), StandardCharsets.UTF_8);
        stdout.print(fit.summary(share));
        stdout.printf("%nWrote %s. Set its traffic, then sweep its memory: lambdasim sweep %s --vary functions.%s.memorySize=..."
                + "%n", out, out, fn);
        stdout.flush();
        return 0;
    }

    /** The scenario's name: --name, the --out file's, or {@code otherwise}. */
    private String name(String otherwise) {
        String scenarioName = name != null ? name : out != null ? out.getFileName().toString().replaceFirst("\\.ya?ml$", "")
                : otherwise;
        if (!ScenarioLoader.isValidName(scenarioName)) {
            throw new IllegalArgumentException("--name: '" + scenarioName + "' cannot name a scenario: use letters, digits, "
                    + "'.', '_' and '-'");
        }
        return scenarioName;
    }

    @Override
    public Integer call() throws IOException {
        if (powerTuning != null) {
            return powerTuning();
        }
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("fit needs files of REPORT lines (LOGS), or --power-tuning FILE");
        }
        List<ReportRecord> records = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path log : logs) {
            List<ReportRecord> read;
            try {
                read = ReportLogs.read(log, null);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(log + ": no such file");
            }
            if (function != null) {
                // A log that names its lines' functions (report-log.txt, @log): the one asked for; any
                // other log: its lines are that function's.
                List<ReportRecord> named = read.stream().filter(r -> r.function().equals(function)).toList();
                read = !named.isEmpty() ? named : read.stream().map(r -> new ReportRecord(function, r.timestampMillis(),
                        r.durationMs(), r.memorySizeMb(), r.maxMemoryUsedMb(), r.initMs(), r.failed())).toList();
            }
            if (read.isEmpty()) {
                throw new IllegalArgumentException(log + ": no REPORT lines (REPORT RequestId: ... Duration: ... ms ...)");
            }
            records.addAll(read);
            sources.add(log.getFileName().toString());
        }
        FitReport report = FitReport.of(sources, records);
        String scenarioName = name("fitted");
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (out == null) {
            stdout.print(report.scenario(scenarioName, null));
            stdout.flush();
            stderr.print(report.summary());
            if (report.minutes() > 0) {
                stderr.println("\nThe lines have timestamps: with --out FILE the scenario replays their invocations per minute.");
            }
            stderr.flush();
            return 0;
        }
        String trace = null;
        if (report.minutes() > 0) {
            Path traceFile = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.ya?ml$", "") + "-invocations.csv");
            Files.writeString(traceFile, report.trace(), StandardCharsets.UTF_8);
            trace = traceFile.getFileName().toString();
        }
        Files.writeString(out, report.scenario(scenarioName, trace), StandardCharsets.UTF_8);
        stdout.print(report.summary());
        stdout.printf("%nWrote %s%s. Run it: lambdasim run %s%n", out, trace == null ? "" : " and " + trace, out);
        stdout.flush();
        return 0;
    }
}
