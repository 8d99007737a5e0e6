package io.github.lambdasim.cli;

import io.github.lambdasim.billing.BillingRules;
import io.github.lambdasim.billing.Charge;
import io.github.lambdasim.billing.RegionPrices;
import io.github.lambdasim.model.EntryPointResult;
import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import io.github.lambdasim.model.FunctionResult;
import io.github.lambdasim.model.QueueResult;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.model.SourceFigures;
import io.github.lambdasim.model.StreamResult;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.scenario.QueueSpec;
import io.github.lambdasim.scenario.Units;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one-screen summary a run prints when it ends. */
final class TextSummary {
    private TextSummary() {
    }

    /** Functions described figure by figure; more are listed one line each. */
    static final int DETAILED = 3;
    /** Functions listed one line each, the costliest first; the rest are counted. */
    static final int LISTED = 12;

    static String render(RunResult run, Path folder, List<String> files) {
        StringBuilder sb = new StringBuilder();
        var s = run.scenario();
        sb.append(String.format(Locale.ROOT, "%s: %s simulated%s (platform %s, %s, seed %d) in %.2f s, %,.0f invocations/s%n",
                s.name(), Units.formatDuration(run.simulatedMicros()),
                s.warmupMicros() > 0 ? " after a " + Format.duration(s.warmupMicros() / 1e6) + " warm-up" : "",
                s.platform().preset(), s.region(), run.seed(),
                run.wallSeconds(), run.invocationsPerSecond()));
        if (run.functions().size() <= DETAILED) {
            for (int i = 0; i < run.functions().size(); i++) {
                detailed(sb, run, i);
            }
        } else {
            listed(sb, run);
        }
        if (run.eventDriven()) {
            if (run.functions().stream().anyMatch(f -> f.hasEvents() && f.events().asyncEventsReceived() > 0
                    && f.throttles() > 0)) {
                sb.append(String.format(Locale.ROOT, "%n  (A function that receives events counts every throttled attempt:"
                        + "%n  an event waits and is tried again, so its throttles are a share of attempts.)%n"));
            }
            entryPoints(sb, run);
        }
        sources(sb, run);
        var period = run.bill().period();
        var month = run.bill().month();
        double monthHours = run.bill().spec().monthMicros() / 3.6e9;
        RegionPrices prices = BillingRules.get().region(s.region());
        sb.append(String.format(Locale.ROOT, "%n  Bill (%s, %s prices%s): %s for the run; %s %s%n",
                s.platform().billingEra().label(), prices.pricesOf(), s.billing().freeTier() ? ", free tier applied" : ", no free tier",
                Format.usd(period.costUsd().total()), Format.usd(month.costUsd().total()), Format.ifRepeated(monthHours)));
        if (prices.borrowed()) {
            sb.append("    ").append(prices.notice()).append(String.format(Locale.ROOT, "%n"));
        }
        // Each charge by its one name (billing.Charge); those the scenario does not incur are left out.
        BigDecimal[] values = month.costUsd().components();
        StringBuilder parts = new StringBuilder();
        for (Charge c : Charge.values()) {
            BigDecimal v = values[c.ordinal()];
            boolean incurred = v.signum() != 0 || c == Charge.REQUESTS || c == Charge.COMPUTE
                    || c == Charge.FRONT_DOOR && run.functions().stream().anyMatch(FunctionResult::hasFrontDoor)
                    || c == Charge.SAVINGS_PLAN && run.bill().savingsPlan() != null;
            if (incurred) {
                parts.append(parts.length() == 0 ? "" : v.signum() < 0 ? " - " : " + ").append(c.label()).append(' ')
                        .append(Format.usd(v.abs()));
            }
        }
        sb.append("    that month: ").append(parts).append(String.format(Locale.ROOT, "%n"));
        frontDoors(sb, run);
        savingsPlan(sb, run);
        return sb.append(where(folder, files)).toString();
    }

    /** The savings plan's month: commitment used and unused, overflow, and what it saves. */
    private static void savingsPlan(StringBuilder sb, RunResult run) {
        var r = run.bill().savingsPlan();
        if (r == null) {
            return;
        }
        var m = r.month();
        sb.append(String.format(Locale.ROOT, "  Compute Savings Plan (%s an hour, %s off): that month commitment %s = used %s"
                        + " + unused %s, on-demand overflow %s;%n    eligible charges %s with the plan against %s on demand: %s%n",
                r.plan().commitmentUsdPerHour().stripTrailingZeros().scale() <= 2 ? Format.usd(r.plan().commitmentUsdPerHour())
                        : Format.usdExact(r.plan().commitmentUsdPerHour()), Format.percent(r.plan().discount().doubleValue(), 1),
                Format.usd(m.commitmentUsd()), Format.usd(m.usedUsd()), Format.usd(m.unusedUsd()),
                Format.usd(m.overflowUsd()), Format.usd(m.withPlanUsd()), Format.usd(m.eligibleUsd()),
                m.savingUsd().signum() >= 0 ? "saves " + Format.usd(m.savingUsd())
                        : "costs " + Format.usd(m.savingUsd().negate()) + " more"));
    }

    /** Per function behind a front door: its requests, and the 504s its callers got at the integration timeout. */
    private static void frontDoors(StringBuilder sb, RunResult run) {
        for (int i = 0; i < run.functions().size(); i++) {
            FunctionResult f = run.functions().get(i);
            if (!f.hasFrontDoor()) {
                continue;
            }
            var door = run.scenario().function(f.name()).frontDoor();
            sb.append(String.format(Locale.ROOT, "  Front door of %s (%s): %s requests, %s; %s a month%n", f.name(),
                    door.type().service(), Format.count(f.frontDoor().requests()),
                    door.hasTimeout() ? Format.count(f.frontDoor().gatewayTimeouts()) + " answered 504 at its "
                            + Units.formatDuration(door.timeoutMicros()) + " integration timeout (the function ran on, billed)"
                            : "no integration timeout of its own",
                    Format.usd(run.bill().functions().get(i).month().costUsd().frontDoor())));
        }
    }

    /** Where the results are: the folder and its files, and report.html when drawn. */
    static String where(Path folder, List<String> files) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nResults in %s: %s%n", display(folder),
                listing(files)));
        if (files.contains("report.html")) {
            sb.append(String.format(Locale.ROOT, "Open %s to see the charts.%n", display(folder.resolve("report.html"))));
        }
        return sb.toString();
    }

    /** One function's table figures, a row each: what report.html's table shows. */
    private static void detailed(StringBuilder sb, RunResult run, int i) {
        FunctionResult f = run.functions().get(i);
        var bill = run.bill().functions().get(i);
        sb.append(String.format(Locale.ROOT, "%n  %s (%d MB, %s)%n", f.name(), f.memoryMb(), f.architecture().label()));
        Map<String, Double> values = Figures.values(run, i);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Figure figure : Figures.with(Figure.Use.TABLE, run.eventDriven())) {
            if (!figure.eventDriven() || values.getOrDefault(figure.path(), 0.0) != 0) {
                used.add(figure.row() != null ? figure.row() : figure.label());
            }
        }
        for (Figure figure : Figures.with(Figure.Use.TABLE, run.eventDriven())) {
            if (figure.eventDriven() && !used.contains(figure.row() != null ? figure.row() : figure.label())) {
                continue; // events or calls this function did not have: a row of zeros says nothing
            }
            String label = figure.row() != null ? figure.row() : figure.source() instanceof Figure.Billed b && b.month()
                    ? Format.monthCostLabel(run.bill().spec().monthMicros() / 3.6e9) : figure.label();
            String value = figure.source() instanceof Figure.Billed b
                    ? Format.usd((b.month() ? bill.month() : bill.period()).costUsd().total())
                    : Format.value(figure.unit(), values.get(figure.path()));
            rows.computeIfAbsent(label, k -> new ArrayList<>()).add(value);
            if (figure == Figures.THROTTLES && f.throttlesRps() > 0) {
                // Only where the quota refused some: the row says nothing otherwise.
                rows.put("  of which by the RPS quota", List.of(Format.value(
                        Figures.THROTTLES_RPS.unit(), values.get(Figures.THROTTLES_RPS.path()))));
            }
        }
        rows.forEach((label, v) -> sb.append(String.format(Locale.ROOT, "    %-44s %s%n", label, String.join(" / ", v))));
    }

    /** Each entry point's table figures (up to {@link #LISTED} entry points): what its requests went through. */
    private static void entryPoints(StringBuilder sb, RunResult run) {
        List<EntryPointResult> entries = run.entryPoints();
        for (int i = 0; i < Math.min(LISTED, entries.size()); i++) {
            EntryPointResult e = entries.get(i);
            sb.append(String.format(Locale.ROOT, "%n  entry point %s (%s %s)%n", e.name(), e.invocation(), e.function()));
            Map<String, Double> values = Figures.entryValues(e);
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (Figure figure : Figures.entryWith(Figure.Use.TABLE)) {
                String label = figure.row() != null ? figure.row() : figure.label();
                rows.computeIfAbsent(label, k -> new ArrayList<>()).add(Format.value(figure.unit(), values.get(figure.path())));
            }
            rows.forEach((label, v) -> sb.append(String.format(Locale.ROOT, "    %-44s %s%n", label, String.join(" / ", v))));
        }
        if (entries.size() > LISTED) {
            sb.append(String.format(Locale.ROOT, "  ... and %,d more entry points (summary.json has every one)%n",
                    entries.size() - LISTED));
        }
    }

    /** Each SQS queue and its consumers, then each stream: the table figures of {@link SourceFigures}. */
    private static void sources(StringBuilder sb, RunResult run) {
        for (QueueResult q : run.queues()) {
            QueueSpec spec = run.scenario().queues().stream().filter(x -> x.name().equals(q.name())).findFirst().orElseThrow();
            sb.append(String.format(Locale.ROOT, "%n  queue %s (visibility timeout %s, %s)%n", q.name(),
                    Units.formatDuration(spec.visibilityTimeoutMicros()), spec.hasDeadLetterQueue()
                            ? "to the dead-letter queue after " + Format.count(spec.maxReceiveCount(), "receive", "receives")
                            : "no dead-letter queue"));
            rows(sb, "    ", SourceFigures.with(SourceFigures.QUEUE, Figure.Use.TABLE), SourceFigures.values(q));
            for (QueueResult.Consumer c : q.consumers()) {
                sb.append(String.format(Locale.ROOT, "    consumer %s%n", c.function()));
                rows(sb, "      ", SourceFigures.with(SourceFigures.CONSUMER, Figure.Use.TABLE), SourceFigures.values(c));
            }
        }
        for (StreamResult s : run.streams()) {
            sb.append(String.format(Locale.ROOT, "%n  stream %s (%s, %s, %s)%n", s.name(), s.type(),
                    Format.count(s.shards(), "shard", "shards"), s.consumer() == null ? "no consumer"
                            : "consumed by " + s.consumer()));
            rows(sb, "    ", SourceFigures.with(SourceFigures.STREAM, Figure.Use.TABLE), SourceFigures.values(s));
        }
    }

    /** Figures a row each (those the registry joins in one row, joined by " / "), values aligned. */
    private static void rows(StringBuilder sb, String indent, List<Figure> figures, Map<String, Double> values) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Figure figure : figures) {
            String label = figure.row() != null ? figure.row() : figure.label();
            rows.computeIfAbsent(label, k -> new ArrayList<>()).add(Format.value(figure.unit(), values.get(figure.path())));
        }
        int width = 48 - indent.length();
        for (Figure figure : figures) {
            int dot = figure.path().lastIndexOf('.');
            if (dot > 0 && figure.row() != null && values.getOrDefault(figure.path().substring(0, dot) + ".count", -1.0) == 0) {
                rows.put(figure.row(), List.of("none")); // a distribution of nothing
            }
        }
        rows.forEach((label, v) -> sb.append(String.format(Locale.ROOT, "%s%-" + width + "s %s%n", indent, label,
                String.join(" / ", v))));
    }

    /** Every function in one line, the costliest first, up to {@link #LISTED}; headline figures only. */
    private static void listed(StringBuilder sb, RunResult run) {
        List<Figure> headline = Figures.with(Figure.Use.HEADLINE, run.eventDriven());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < run.functions().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> run.bill().functions().get(i).month().exactUsd().total()).reversed()
                .thenComparing(i -> i));
        int width = 8;
        for (int k = 0; k < Math.min(LISTED, order.size()); k++) {
            width = Math.max(width, run.functions().get(order.get(k)).name().length());
        }
        sb.append(String.format(Locale.ROOT, "%n  %d functions, the costliest first:%n  %-" + width + "s", run.functions().size(),
                "function"));
        for (Figure f : headline) {
            sb.append(String.format(Locale.ROOT, "  %14s", f.label()));
        }
        sb.append('\n');
        for (int k = 0; k < Math.min(LISTED, order.size()); k++) {
            int i = order.get(k);
            Map<String, Double> values = Figures.values(run, i);
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s", run.functions().get(i).name()));
            for (Figure f : headline) {
                sb.append(String.format(Locale.ROOT, "  %14s", Format.value(f.unit(), values.get(f.path()))));
            }
            sb.append('\n');
        }
        if (order.size() > LISTED) {
            sb.append(String.format(Locale.ROOT, "  ... and %,d more (summary.json and report.html have every one)%n",
                    order.size() - LISTED));
        }
    }

    /** Key figures across replications, {@code 812 ± 9 ms (95% CI, n=10)}. */
    static String replications(RunResult run, int n, java.util.Map<String, io.github.lambdasim.stats.Estimate> e) {
        return replications(run.functions().stream().map(FunctionResult::name).toList(), run.eventDriven(), n, e,
                "the figures above are replication 0");
    }

    /**
     * Key figures across replications of a run with these functions (in the scenario's order),
     * {@code note} said in the heading's parentheses.
     */
    static String replications(List<String> fs, boolean eventDriven, int n,
                               java.util.Map<String, io.github.lambdasim.stats.Estimate> e, String note) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nAcross %d replications (mean ± 95%% CI half-width; "
                + "%s):%n", n, note));
        for (int i = 0; i < Math.min(LISTED, fs.size()); i++) {
            String p = fs.get(i) + ".";
            List<String> parts = new ArrayList<>();
            for (Figure f : Figures.with(Figure.Use.HEADLINE, eventDriven)) {
                if (f.is(Figure.Use.KEY) && f.better() != Figure.Better.NEITHER && !(f.source() instanceof Figure.Billed)) {
                    var estimate = e.get(p + f.path());
                    parts.add(f.label() + " " + Format.withInterval(Format.value(f.unit(), estimate), estimate));
                }
            }
            sb.append(String.format(Locale.ROOT, "  %s: %s%n", fs.get(i), String.join(", ", parts)));
        }
        if (fs.size() > LISTED) {
            sb.append(String.format(Locale.ROOT, "  ... and %,d more functions: summary.json has every figure%n", fs.size() - LISTED));
        }
        sb.append(String.format(Locale.ROOT, "  cost of the run %s; if it repeated all month %s%n",
                e.get("costUsd.period.total").format("$%,.2f", ""), e.get("costUsd.month.total").format("$%,.2f", "")));
        return sb.toString();
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
