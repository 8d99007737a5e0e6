package io.github.lambdasim.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REPORT lines of one or more logs, fitted per function, and what {@code lambdasim fit}
 * writes from them: a scenario whose functions carry the fitted figures (with comments giving n,
 * each fit and its distance), the invocations per minute as a trace file the scenario replays
 * when the lines have timestamps, and a one-screen summary.
 *
 * @param sources   the files read, as named
 * @param functions the functions, in the order they first appear
 * @param perMinute per function, its invocations in each minute from {@code originMillis}; empty
 *                  when some line has no timestamp
 */
public record FitReport(List<String> sources, List<FunctionFit> functions, Map<String, long[]> perMinute,
                        long originMillis, boolean epochTimes) {
    /** Fewer lines than this give no fit. */
    public static final int MIN_LINES = 2;

    /** Fits the lines; a function with fewer than {@link #MIN_LINES} is refused by name. */
    public static FitReport of(List<String> sources, List<ReportRecord> records) {
        Map<String, List<ReportRecord>> byFunction = new LinkedHashMap<>();
        boolean timed = !records.isEmpty();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (ReportRecord r : records) {
            byFunction.computeIfAbsent(r.function(), k -> new ArrayList<>()).add(r);
            if (r.timestampMillis() == ReportRecord.NO_TIME) {
                timed = false;
            } else {
                first = Math.min(first, r.timestampMillis());
                last = Math.max(last, r.timestampMillis());
            }
        }
        List<FunctionFit> fits = new ArrayList<>();
        for (Map.Entry<String, List<ReportRecord>> e : byFunction.entrySet()) {
            if (e.getValue().size() < MIN_LINES) {
                throw new ReportLogs.Invalid(e.getKey() + ": " + e.getValue().size() + " REPORT line; a fit needs at least "
                        + MIN_LINES);
            }
            fits.add(FunctionFit.of(e.getKey(), e.getValue()));
        }
        Map<String, long[]> perMinute = new LinkedHashMap<>();
        long origin = timed ? first - Math.floorMod(first, 60_000L) : 0;
        if (timed) {
            int minutes = (int) ((last - origin) / 60_000L) + 1;
            for (Map.Entry<String, List<ReportRecord>> e : byFunction.entrySet()) {
                long[] counts = new long[minutes];
                for (ReportRecord r : e.getValue()) {
                    counts[(int) ((r.timestampMillis() - origin) / 60_000L)]++;
                }
                perMinute.put(e.getKey(), counts);
            }
        }
        // Times after 1 Jan 2000 are epoch times (CloudWatch); smaller ones count from a run's start (report-log.txt).
        return new FitReport(sources, fits, perMinute, origin, timed && first > 946_684_800_000L);
    }

    public int minutes() {
        return perMinute.isEmpty() ? 0 : perMinute.values().iterator().next().length;
    }

    /**
     * The scenario, named {@code name}; {@code traceFile} is the invocations file it replays (a path
     * relative to the scenario), or null when the lines have no timestamps.
     */
    public String scenario(String name, String traceFile) {
        StringBuilder y = new StringBuilder();
        int lines = functions.stream().mapToInt(FunctionFit::lines).sum();
        y.append("# Fitted by lambdasim fit from ").append(String.join(", ", sources)).append(": ").append(count(lines))
                .append(" REPORT lines of ").append(functions.size()).append(functions.size() == 1 ? " function" : " functions")
                .append(".\n");
        y.append("# Each fitted value says below how it was fitted; check them before you rely on the scenario.\n");
        y.append("name: ").append(name).append('\n');
        y.append("description: >\n  Fitted from REPORT lines by lambdasim fit").append(minutes() > 0 ? ", replaying their "
                + "invocations per minute" : "").append(".\n  Durations do not change with memory in this scenario: they "
                + "are what the logs measured\n  at the memory size below.\n");
        y.append("duration: ").append(minutes() > 0 ? minutes() + "m" : "1h").append('\n');
        if (minutes() > 0 && epochTimes) {
            y.append("start: ").append(java.time.Instant.ofEpochMilli(originMillis)).append('\n');
        }
        y.append("functions:\n");
        for (FunctionFit f : functions) {
            y.append("  - name: ").append(f.name()).append('\n');
            y.append("    # Memory Size: ").append(sizes(f)).append('\n');
            y.append("    memorySize: ").append(f.memorySizeMb()).append('\n');
            if (f.init() != null) {
                y.append("    # Init Duration of ").append(count(f.coldStarts())).append(" cold starts (")
                        .append(percent(f.coldStartShare())).append(" of invocations). ").append(verdict(f.init()))
                        .append('\n');
                y.append("    coldStart: ").append(distribution(f.init(), "ms")).append('\n');
            } else {
                y.append("    # ").append(f.coldStarts() == 1 ? "One cold start" : "No cold start")
                        .append(" in the lines: too few to fit an init duration; the runtime's model applies.\n");
            }
            y.append("    handler:\n");
            y.append("      # Duration of ").append(count(f.lines())).append(" invocations. ").append(verdict(f.duration()))
                    .append('\n');
            y.append("      duration: ").append(distribution(f.duration(), "ms")).append('\n');
            if (f.memoryUsed() != null) {
                y.append("      # Max Memory Used of every line. ").append(verdict(f.memoryUsed())).append('\n');
                y.append("      memoryUsedMb: ").append(distribution(f.memoryUsed(), "")).append('\n');
            }
            y.append("      # ").append(count(f.failed())).append(" of ").append(count(f.lines()))
                    .append(" invocations failed (Status: error or timeout in the REPORT line).\n");
            y.append("      errorRate: ").append(decimal(f.errorShare(), 6)).append('\n');
        }
        y.append("traffic:\n");
        for (FunctionFit f : functions) {
            if (traceFile != null) {
                y.append("  # Invocations per minute of ").append(f.name()).append(", as the timestamps of its lines say.\n");
                y.append("  - {function: ").append(f.name()).append(", trace: {file: ").append(traceFile).append(", row: ")
                        .append(f.name()).append(", spread: poisson}}\n");
            } else {
                y.append("  # The lines have no timestamps: give the rate of ").append(f.name()).append(".\n");
                y.append("  - {function: ").append(f.name()).append(", poisson: {rate: \"set the rate, such as 10/s\"}}\n");
            }
        }
        return y.toString();
    }

    /** The invocations file the scenario replays: a row per function, a column per minute (the Azure trace's form). */
    public String trace() {
        StringBuilder sb = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
        for (int m = 1; m <= minutes(); m++) {
            sb.append(',').append(m);
        }
        sb.append('\n');
        perMinute.forEach((fn, counts) -> {
            sb.append("fit,fit,").append(fn).append(",http");
            for (long c : counts) {
                sb.append(',').append(c);
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    /** One screen: per function what was fitted and how well. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(count(functions.stream().mapToInt(FunctionFit::lines).sum())).append(" REPORT lines from ")
                .append(String.join(", ", sources)).append(minutes() > 0 ? ", over " + minutes() + " minutes" : ", no timestamps")
                .append('\n');
        for (FunctionFit f : functions) {
            s.append('\n').append(f.name()).append(": ").append(count(f.lines())).append(" invocations at ").append(sizes(f))
                    .append('\n');
            s.append(String.format(Locale.ROOT, "  duration     median %s, p99 %s; %s%n", ms(f.duration().table()[4]),
                    ms(f.duration().table()[7]), verdict(f.duration())));
            if (f.init() != null) {
                s.append(String.format(Locale.ROOT, "  cold starts  %s of invocations (%s); init median %s, p99 %s; %s%n",
                        percent(f.coldStartShare()), count(f.coldStarts()), ms(f.init().table()[4]), ms(f.init().table()[7]),
                        verdict(f.init())));
            } else {
                s.append(String.format(Locale.ROOT, "  cold starts  %s: too few to fit an init duration%n", count(f.coldStarts())));
            }
            if (f.memoryUsed() != null) {
                s.append(String.format(Locale.ROOT, "  memory used  median %s MB, max %s MB of %d MB%n",
                        decimal(f.memoryUsed().table()[4], 0), decimal(f.memoryUsed().table()[8], 0), f.memorySizeMb()));
            }
            s.append(String.format(Locale.ROOT, "  errors       %s (%s of %s)%n", percent(f.errorShare()), count(f.failed()),
                    count(f.lines())));
        }
        return s.toString();
    }

    private static String sizes(FunctionFit f) {
        if (f.memorySizes().size() == 1) {
            return f.memorySizeMb() + " MB";
        }
        List<String> parts = new ArrayList<>();
        f.memorySizes().forEach((mb, n) -> parts.add(mb + " MB (" + count(n) + " lines)"));
        return String.join(", ", parts) + ": the most common kept";
    }

    /** Which form fits better, with both distances. */
    static String verdict(DistributionFit d) {
        if (d.table()[0] == d.table()[d.table().length - 1]) {
            return "Every line has the same value.";
        }
        String ln = "log-normal KS distance " + decimal(d.logNormalD(), 3);
        String table = "percentile table " + decimal(d.tableD(), 3);
        return d.logNormalFits() ? "Kept the log-normal (" + ln + ", " + table + ")."
                : "Kept the percentile table, which fits better (" + table + ", " + ln + ").";
    }

    /** {@code {lognormal: {median: 12.3ms, p99: 45.6ms}}} or {@code {empirical: {p0: ..., p100: ...}}}. */
    static String distribution(DistributionFit d, String unit) {
        double[] t = d.table();
        if (value(t[0], unit).equals(value(t[t.length - 1], unit))) {
            return "{constant: " + value(t[0], unit) + "}";
        }
        if (d.logNormalFits()) {
            return "{lognormal: {median: " + value(d.median(), unit) + ", p99: " + value(d.p99(), unit) + "}}";
        }
        StringBuilder sb = new StringBuilder("{empirical: {");
        for (int i = 0; i < DistributionFit.PERCENTILES.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('p').append((int) DistributionFit.PERCENTILES[i]).append(": ")
                    .append(value(d.table()[i], unit));
        }
        return sb.append("}}").toString();
    }

    /** Three significant digits, at least a microsecond: {@code 412ms}, {@code 12.3ms}, {@code 0.845ms}. */
    private static String value(double v, String unit) {
        if (unit.isEmpty()) {
            return decimal(v, 0);
        }
        int decimals = v >= 100 ? 0 : v >= 10 ? 1 : v >= 1 ? 2 : 3;
        return decimal(v, decimals) + unit;
    }

    private static String ms(double v) {
        return v >= 1000 ? count(Math.round(v)) + " ms" : value(v, " ms");
    }

    private static String decimal(double v, int decimals) {
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(double share) {
        double p = share * 100;
        return decimal(p, p >= 10 ? 1 : p >= 1 ? 2 : 3) + "%";
    }
}
