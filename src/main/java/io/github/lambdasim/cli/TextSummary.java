package io.github.lambdasim.cli;

import io.github.lambdasim.model.FunctionResult;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.scenario.Units;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The one-screen summary a run prints when it ends. */
final class TextSummary {
    private TextSummary() {
    }

    static String render(RunResult run, Path folder, List<String> files) {
        StringBuilder sb = new StringBuilder();
        var s = run.scenario();
        sb.append(String.format(Locale.ROOT, "%s: %s simulated (platform %s, %s, seed %d) in %.2f s, %,.0f invocations/s%n",
                s.name(), Units.formatDuration(run.simulatedMicros()), s.platform().preset(), s.region(), run.seed(),
                run.wallSeconds(), run.invocationsPerSecond()));
        for (FunctionResult f : run.functions()) {
            sb.append(String.format(Locale.ROOT, "%n  %s (%d MB, %s)%n", f.name(), f.memoryMb(), f.architecture().label()));
            sb.append(String.format(Locale.ROOT, "    requests %,d  invocations %,d  throttles %,d (%s)  errors %,d  timeouts %,d%n",
                    f.requests(), f.invocations(), f.throttles(), percent(f.throttles(), f.requests()), f.errors(), f.timeouts()));
            sb.append(String.format(Locale.ROOT, "    cold starts %,d (%s of invocations)  init p50 %s  p99 %s%n",
                    f.coldStarts(), percent(f.coldStarts(), f.invocations()), ms(f.initDurationMs().p50()),
                    ms(f.initDurationMs().p99())));
            sb.append(String.format(Locale.ROOT, "    latency  mean %s  p50 %s  p90 %s  p99 %s  max %s%n",
                    ms(f.latencyMs().mean()), ms(f.latencyMs().p50()), ms(f.latencyMs().p90()), ms(f.latencyMs().p99()),
                    ms(f.latencyMs().max())));
            sb.append(String.format(Locale.ROOT, "    duration mean %s  p50 %s  p99 %s%n", ms(f.durationMs().mean()),
                    ms(f.durationMs().p50()), ms(f.durationMs().p99())));
            sb.append(String.format(Locale.ROOT, "    concurrency mean %.2f  max %d   environments created %,d  mean alive %.1f%n",
                    f.concurrencyMean(), f.concurrencyMax(), f.environmentsCreated(), f.environmentsAliveMean()));
            var bill = run.bill().functions().get(run.functions().indexOf(f));
            sb.append(String.format(Locale.ROOT, "    billed %,.1f GB-s   cost $%s for the run, $%s per %s month%n", f.gbSeconds(),
                    bill.period().costUsd().total().toPlainString(), bill.month().costUsd().total().toPlainString(),
                    Units.formatDuration(run.bill().spec().monthMicros())));
        }
        var period = run.bill().period();
        var month = run.bill().month();
        sb.append(String.format(Locale.ROOT, "%n  Bill (%s, %s prices%s): $%s for the run; projected $%s per month%n",
                s.platform().billingEra().label(), s.region(), s.billing().freeTier() ? ", free tier applied" : ", no free tier",
                period.costUsd().total().toPlainString(), month.costUsd().total().toPlainString()));
        sb.append(String.format(Locale.ROOT, "    month: requests $%s + compute $%s + provisioned $%s + provisioned compute $%s"
                        + " + ephemeral storage $%s%n", month.costUsd().requests().toPlainString(),
                month.costUsd().compute().toPlainString(), month.costUsd().provisioned().toPlainString(),
                month.costUsd().provisionedCompute().toPlainString(), month.costUsd().ephemeralStorage().toPlainString()));
        sb.append(String.format(Locale.ROOT, "%nResults in %s: %s%n", display(folder), listing(files)));
        if (files.contains("report.html")) {
            sb.append(String.format(Locale.ROOT, "Open %s to see the charts.%n", display(folder.resolve("report.html"))));
        }
        return sb.toString();
    }

    /** Key figures across replications, {@code 812 ± 9 ms (95% CI, n=10)}. */
    static String replications(RunResult run, int n, java.util.Map<String, io.github.lambdasim.stats.Estimate> e) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nAcross %d replications (mean ± 95%% CI half-width; "
                + "the figures above are replication 0):%n", n));
        for (FunctionResult f : run.functions()) {
            String p = f.name() + ".";
            sb.append(String.format(Locale.ROOT, "  %s: latency p50 %s, p99 %s%n", f.name(),
                    e.get(p + "latencyMs.p50").format("%.1f", " ms"), e.get(p + "latencyMs.p99").format("%.1f", " ms")));
            sb.append(String.format(Locale.ROOT, "    cold starts %s, throttled %s%n",
                    percent(e.get(p + "coldStartRate")), percent(e.get(p + "throttleRate"))));
        }
        sb.append(String.format(Locale.ROOT, "  monthly cost %s%n", e.get("costUsd.month.total").format("$%,.2f", "")));
        return sb.toString();
    }

    private static String percent(io.github.lambdasim.stats.Estimate e) {
        return String.format(Locale.ROOT, "%.3f%% ± %.3f%%", e.mean() * 100, Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth() * 100);
    }

    /** The files of the folder's top level, then each subfolder with its number of files. */
    static String listing(List<String> files) {
        java.util.List<String> top = new java.util.ArrayList<>();
        java.util.Map<String, Integer> folders = new java.util.LinkedHashMap<>();
        for (String f : files) {
            int slash = f.indexOf('/');
            if (slash < 0) {
                top.add(f);
            } else {
                folders.merge(f.substring(0, slash + 1), 1, Integer::sum);
            }
        }
        folders.forEach((folder, n) -> top.add(folder + " (" + n + " file" + (n == 1 ? "" : "s") + ")"));
        return String.join(", ", top);
    }

    static String display(Path folder) {
        Path cwd = Path.of("").toAbsolutePath();
        return folder.startsWith(cwd) ? cwd.relativize(folder).toString() : folder.toString();
    }

    static String ms(double v) {
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.2f s", v / 1000);
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f ms" : "%.1f ms", v);
    }

    static String percent(long part, long whole) {
        if (whole == 0) {
            return "0%";
        }
        double p = 100.0 * part / whole;
        return String.format(Locale.ROOT, p >= 10 || p == 0 ? "%.0f%%" : p >= 0.1 ? "%.1f%%" : "%.3f%%", p);
    }
}
