package io.github.lambdasim.report;

import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import io.github.lambdasim.model.SourceFigures;
import io.github.lambdasim.report.chart.Charts.NamedChart;
import io.github.lambdasim.report.chart.Charts;
import io.github.lambdasim.report.chart.SourceCharts;
import io.github.lambdasim.report.chart.Ticks;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.ReportData.CostComponent;
import io.github.lambdasim.report.data.ReportData.EntryPointData;
import io.github.lambdasim.report.data.ReportData.Trace;
import io.github.lambdasim.report.data.ReportData.TraceRequest;
import io.github.lambdasim.report.data.ReportData.FunctionData;
import io.github.lambdasim.report.data.ReportData.Sample;
import io.github.lambdasim.report.data.ReportData;
import io.github.lambdasim.report.data.RunFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * report.html: one self-contained page (inline CSS, charts inlined as SVG, no script, nothing
 * fetched) to open or attach to a design review. Every piece of text that comes from the user
 * (scenario name and description, function names) is escaped.
 */
public final class ReportHtml {
    /** Cold and warm invocations shown on the timeline, each. */
    static final int TIMELINE_EACH = 3;

    private ReportHtml() {
    }

    /** Rows of the table of every function; beyond, the page says where the rest are. */
    static final int MAX_FUNCTION_ROWS = 1000;

    public static String render(ReportData d, List<NamedChart> charts, Map<String, String> svgs) {
        if (Charts.accountView(d)) {
            return renderAccount(d, charts, svgs);
        }
        StringBuilder h = new StringBuilder(1 << 20);
        Html.open(h, d.run().scenario() + " - lambdasim report", d.eventDriven() ? Html.EVENT_CSS : "");
        header(h, d);
        h.append("<nav><a href=\"#numbers\">Key numbers</a> ").append(d.eventDriven() ? EVENT_NAV : "")
                .append(d.hasSources() ? SOURCES_NAV : "").append("<a href=\"#charts\">Charts</a> <a href=\"#bill\">Bill</a> "
                + "<a href=\"#report-lines\">REPORT lines</a> <a href=\"#timeline\">Timeline</a> "
                + "<a href=\"#files\">Files</a></nav>\n");
        numbers(h, d);
        if (d.eventDriven()) {
            entryPoints(h, d);
            traces(h, d);
        }
        sources(h, d, charts, svgs);
        h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        List<String> idle = d.functions().stream().filter(f -> f.requests() == 0).map(FunctionData::name).toList();
        if (!idle.isEmpty()) {
            h.append("<p class=\"note\">No request reached ").append(esc(String.join(", ", idle))).append(" in this run: ")
                    .append(idle.size() == 1 ? "it has" : "they have").append(" no charts.</p>\n");
        }
        for (NamedChart c : charts) {
            if (!Charts.ofSource(d, c)) {
                Html.figure(h, c, svgs.get(c.name()));
            }
        }
        h.append("</section>\n");
        return end(h, d);
    }

    /**
     * The page of a whole account: the account first (its numbers and charts: concurrency against
     * the limit, cost over time, the bill by function and by component), then one table of every
     * function, the costliest first, then the charts of the costliest functions, the bill and the
     * samples.
     */
    private static String renderAccount(ReportData d, List<NamedChart> charts, Map<String, String> svgs) {
        StringBuilder h = new StringBuilder(1 << 20);
        Html.open(h, d.run().scenario() + " - lambdasim report", d.eventDriven() ? Html.EVENT_CSS : "");
        header(h, d);
        h.append("<nav><a href=\"#account\">The account</a> <a href=\"#functions\">Every function</a> ")
                .append(d.eventDriven() ? EVENT_NAV : "").append(d.hasSources() ? SOURCES_NAV : "")
                .append("<a href=\"#charts\">Charts by function</a> "
                + "<a href=\"#bill\">Bill</a> "
                + "<a href=\"#report-lines\">REPORT lines</a> <a href=\"#timeline\">Timeline</a> "
                + "<a href=\"#files\">Files</a></nav>\n");
        accountNumbers(h, d);
        int accountCharts = 0;
        // The account's charts come first, up to the first of a function (or of a queue or stream).
        while (accountCharts < charts.size() && !charts.get(accountCharts).name().startsWith("latency-")
                && !Charts.ofSource(d, charts.get(accountCharts))) {
            Html.figure(h, charts.get(accountCharts), svgs.get(charts.get(accountCharts).name()));
            accountCharts++;
        }
        h.append("</section>\n");
        functionTable(h, d);
        if (d.eventDriven()) {
            entryPoints(h, d);
            traces(h, d);
        }
        sources(h, d, charts, svgs);
        List<FunctionData> charted = d.chartedFunctions();
        List<String> idle = d.functions().stream().filter(f -> f.requests() == 0).map(FunctionData::name).toList();
        boolean all = charted.size() + idle.size() == d.functions().size();
        h.append("<section id=\"charts\">\n<h2>Charts of the ").append(all
                ? "functions" : Format.count(charted.size()) + " costliest functions").append("</h2>\n<p class=\"note\">")
                .append(all ? "Every function, the costliest first."
                        : "The functions that cost most a month, the costliest first; <code>--charts-for N</code> (or "
                        + "<code>all</code>) on <code>run</code> or <code>report</code> draws more.")
                .append(idle.isEmpty() || idle.size() > 20 ? "" : " No request reached " + esc(String.join(", ", idle))
                        + " in this run: " + (idle.size() == 1 ? "it has" : "they have") + " no charts.")
                .append("</p>\n");
        for (int i = accountCharts; i < charts.size(); i++) {
            NamedChart c = charts.get(i);
            if (Charts.ofSource(d, c)) {
                continue; // in the section of queues and streams
            }
            if (c.name().startsWith("latency-") && !c.name().startsWith("latency-distribution-")) {
                String fn = c.name().substring("latency-".length());
                h.append("<h3 id=\"fn-").append(esc(fn)).append("\">").append(esc(fn)).append("</h3>\n");
            }
            Html.figure(h, c, svgs.get(c.name()));
        }
        h.append("</section>\n");
        return end(h, d);
    }

    /** What every run's page ends with: the bill, sample REPORT lines, the timeline and the files. */
    private static String end(StringBuilder h, ReportData d) {
        bill(h, d);
        List<Sample> picked = timelineSamples(d.samples());
        reportLines(h, d, picked);
        timeline(h, picked);
        files(h, d);
        Html.close(h);
        return h.toString();
    }

    /** The account's own numbers: its functions together, then the bill's totals. */
    private static void accountNumbers(StringBuilder h, ReportData d) {
        long requests = 0;
        long invocations = 0;
        long throttles = 0;
        long coldStarts = 0;
        long errors = 0;
        for (FunctionData f : d.functions()) {
            requests += f.requests();
            invocations += f.invocations();
            throttles += f.throttles();
            coldStarts += f.coldStarts();
            errors += f.errors();
        }
        h.append("<section id=\"account\">\n<h2>The account</h2>\n<div class=\"side-by-side\">\n"
                + "<table class=\"numbers\">\n<tbody>\n");
        accountRow(h, "Functions", Format.count(d.functions().size()));
        accountRow(h, "Requests / invocations", Format.count(requests) + " / " + Format.count(invocations));
        accountRow(h, "Throttles (429)", Format.count(throttles) + " (" + Format.percent(throttles, requests)
                + " of requests)");
        accountRow(h, "Errors", Format.count(errors) + " (" + Format.percent(errors, invocations) + " of invocations)");
        accountRow(h, "Cold starts", Format.count(coldStarts) + " (" + Format.percent(coldStarts, invocations)
                + " of invocations)");
        Integer limit = d.run().accountConcurrencyLimit();
        accountRow(h, "Concurrency mean / max", Format.level(d.account().concurrencyMean()) + " / "
                + Format.count(d.account().concurrencyMax()) + (limit != null ? " of " + Format.count(limit) : ""));
        accountRow(h, "Cost of the run", Format.usd(d.periodCost().costUsd().total()));
        accountRow(h, Format.monthCostLabel(d.run().monthHours()), Format.usd(d.monthCost().costUsd().total()));
        h.append("</tbody>\n</table>\n");
        costliest(h, d);
        h.append("</div>\n");
    }

    /** Functions in the short table beside the account's numbers. */
    static final int COSTLIEST = 5;

    /** The few functions that cost most a month, with their share of the bill and the headline figures. */
    private static void costliest(StringBuilder h, ReportData d) {
        List<FunctionData> byCost = d.byMonthlyCost();
        double total = d.monthCost().costUsd().total().doubleValue();
        h.append("<table class=\"numbers costliest\">\n<thead><tr><th scope=\"col\">Costliest a month</th>"
                + "<th scope=\"col\">Cost</th><th scope=\"col\">Of the bill</th><th scope=\"col\">Cold starts</th>"
                + "<th scope=\"col\">Throttled</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < Math.min(COSTLIEST, byCost.size()); i++) {
            FunctionData f = byCost.get(i);
            h.append("<tr><th scope=\"row\">").append(esc(f.name())).append("</th><td>")
                    .append(esc(Format.usd(f.monthCost().costUsd().total()))).append("</td><td>")
                    .append(esc(Format.percent(f.monthCost().costUsd().total().doubleValue(), total))).append("</td><td>")
                    .append(esc(FigureRow.value(Figures.COLD_START_RATE, f))).append("</td><td>")
                    .append(esc(FigureRow.value(Figures.THROTTLE_RATE, f))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void accountRow(StringBuilder h, String label, String value) {
        h.append("<tr><th scope=\"row\">").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** One row per function, the costliest first, with the registry's headline figures. */
    private static void functionTable(StringBuilder h, ReportData d) {
        List<FunctionData> byCost = d.byMonthlyCost();
        List<Figure> headline = Figures.with(Figure.Use.HEADLINE, d.eventDriven());
        java.util.Set<String> charted = new java.util.HashSet<>(d.charted());
        h.append("<section id=\"functions\">\n<h2>Every function</h2>\n<p class=\"note\">")
                .append(Format.count(byCost.size())).append(" functions, the costliest a month first")
                .append(byCost.size() > MAX_FUNCTION_ROWS ? "; the first " + Format.count(MAX_FUNCTION_ROWS)
                        + " here, every one in summary.json" : "")
                .append(". A linked name has charts below.</p>\n<table class=\"numbers functions\">\n<thead><tr>"
                        + "<th scope=\"col\">Function</th><th scope=\"col\">Memory</th>");
        for (Figure f : headline) {
            h.append("<th scope=\"col\">").append(esc(FigureRow.label(f, d.run().monthHours()))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < byCost.size() && i < MAX_FUNCTION_ROWS; i++) {
            FunctionData f = byCost.get(i);
            h.append("<tr><th scope=\"row\">");
            if (charted.contains(f.name())) {
                h.append("<a href=\"#fn-").append(esc(f.name())).append("\">").append(esc(f.name())).append("</a>");
            } else {
                h.append(esc(f.name()));
            }
            h.append("</th><td>").append(Format.count(f.memoryMb())).append(" MB</td>");
            for (Figure figure : headline) {
                h.append("<td>").append(esc(FigureRow.value(figure, f))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    // ---------------------------------------------------------------- header and key numbers

    private static void header(StringBuilder h, ReportData d) {
        ReportData.RunInfo r = d.run();
        h.append("<header>\n<p class=\"kicker\">lambdasim report</p>\n<h1>").append(esc(r.scenario())).append("</h1>\n");
        if (!r.description().isBlank()) {
            h.append("<p class=\"description\">").append(esc(r.description().strip())).append("</p>\n");
        }
        h.append("<p class=\"meta\">").append(esc(Format.duration(r.simulatedSeconds()))).append(" of simulated time")
                .append(r.warmupSeconds() > 0 ? " after a " + esc(Format.duration(r.warmupSeconds())) + " warm-up" : "")
                .append(" on the ")
                .append(esc(r.platform())).append(" platform in ").append(esc(r.region())).append(", seed ")
                .append(r.seed()).append(r.replication() > 0 ? ", replication " + r.replication() : "")
                .append("; metrics per ").append(esc(Format.period(d.periods().periodSeconds())));
        if (r.accountConcurrencyLimit() != null) {
            h.append("; account concurrency limit ").append(Format.count(r.accountConcurrencyLimit()));
        }
        h.append(".</p>\n</header>\n");
    }

    private static void numbers(StringBuilder h, ReportData d) {
        List<FunctionData> fs = d.functions();
        h.append("<section id=\"numbers\">\n<h2>Key numbers</h2>\n");
        if (d.replications() != null) {
            replications(h, d);
            h.append("<h3>Replication 0, the run the charts and the bill show</h3>\n");
        }
        h.append("<table class=\"numbers\">\n<thead><tr><th></th>");
        for (FunctionData f : fs) {
            h.append("<th>").append(esc(f.name())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        row(h, fs, "Configuration", f -> f.memoryMb() + " MB, " + f.architecture() + ", " + f.runtime()
                + ", timeout " + Format.duration(f.timeoutMs() / 1000));
        row(h, fs, "Reserved / provisioned concurrency", f -> (f.reservedConcurrency() == null ? "none"
                : Format.count(f.reservedConcurrency())) + " / " + (f.provisionedConcurrency() == 0 ? "none"
                : Format.count(f.provisionedConcurrency())));
        for (FigureRow r : FigureRow.of(Figures.with(Figure.Use.TABLE, d.eventDriven()), d.run().monthHours())) {
            if (!r.figures().get(0).eventDriven()) {
                row(h, fs, r.label(), f -> r.cell(f));
            } else if (fs.stream().anyMatch(r::nonZero)) {
                // Events or calls: a row only when some function had them, a dash for those that did not.
                row(h, fs, r.label(), f -> r.nonZero(f) ? r.cell(f) : "–");
            }
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">Latency is what the caller waits: init on a cold start plus the "
                + "handler's duration. Percentiles come from HdrHistogram (within 0.1%). ")
                .append(d.replications() == null ? "These figures come from one run with one seed, so they carry sampling "
                        + "noise: rerun with another <code>--seed</code> to see how much, or with <code>--replications 10"
                        + "</code> for confidence intervals."
                        : "These figures are one replication's; the table above says how much they vary.")
                .append(throttledEvents(fs) ? " Throttles of a function that receives events count every throttled "
                        + "attempt: an event that finds no capacity goes back to the queue and is tried again after about 1 s, "
                        + "2 s, 4 s ... (jittered) up to 5 minutes, so one event can be throttled many times, throttles can exceed "
                        + "requests, and the share is of attempts." : "")
                .append("</p>\n</section>\n");
    }

    private static boolean throttledEvents(List<FunctionData> fs) {
        return fs.stream().anyMatch(f -> f.eventsReceived() > 0 && f.throttles() > 0);
    }

    /** The key figures across replications: {@code 812 ± 9 ms (95% CI, n=10)}. */
    private static void replications(StringBuilder h, ReportData d) {
        ReportData.Replications r = d.replications();
        List<FunctionData> fs = d.functions();
        h.append("<h3>Across ").append(r.count()).append(" replications</h3>\n<table class=\"numbers\">\n"
                + "<thead><tr><th></th>");
        for (FunctionData f : fs) {
            h.append("<th>").append(esc(f.name())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Figure figure : Figures.with(Figure.Use.KEY, d.eventDriven())) {
            h.append("<tr><th scope=\"row\">").append(esc(FigureRow.label(figure, d.run().monthHours()))).append("</th>");
            for (FunctionData f : fs) {
                io.github.lambdasim.stats.Estimate e = r.get(f.name() + "." + figure.path());
                h.append("<td>").append(e == null ? "-" : esc(Format.withInterval(Format.value(figure.unit(), e), e)))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        for (Figure figure : Figures.scenarioWith(Figure.Use.KEY)) {
            io.github.lambdasim.stats.Estimate total = r.get(figure.path());
            if (total != null && fs.size() > 1 && figure.source() instanceof Figure.Billed b && b.month()) {
                h.append("<tr class=\"total\"><th scope=\"row\">").append(esc(figure.label())).append("</th><td colspan=\"")
                        .append(fs.size()).append("\">").append(esc(Format.withInterval(Format.usd(total), total)))
                        .append("</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">Mean over ").append(r.count()).append(" independent replications "
                + "(separate random substreams) ± the half-width of its 95% confidence interval (Student t).</p>\n");
    }



    private static final String EVENT_NAV = "<a href=\"#entry-points\">Entry points</a> <a href=\"#traces\">Traces</a> ";

    private static final String SOURCES_NAV = "<a href=\"#sources\">Queues and streams</a> ";

    /**
     * The section of queues and streams: per queue a table of its figures and its consumers', per
     * stream a table of its figures, each followed by its chart. Nothing for a run without them.
     */
    private static void sources(StringBuilder h, ReportData d, List<NamedChart> charts, Map<String, String> svgs) {
        if (!d.hasSources()) {
            return;
        }
        h.append("<section id=\"sources\">\n<h2>Queues and streams</h2>\n<p class=\"note\">Lambda's pollers read "
                + "batches from each SQS queue and stream and invoke the consuming function with each. <i>End to end</i> "
                + "is the time from a message's send (a record's put) to the end of the invocation that processed it, "
                + "retries and waits in the queue included. queues.csv, streams.csv and stream-shards.csv have the "
                + "figures of each period.</p>\n");
        double month = d.run().monthHours();
        for (ReportData.QueueData q : d.queues()) {
            h.append("<h3 id=\"queue-").append(esc(q.name())).append("\">Queue ").append(esc(q.name())).append("</h3>\n")
                    .append("<table class=\"numbers source\">\n<tbody>\n");
            sourceRows(h, SourceFigures.with(SourceFigures.QUEUE, Figure.Use.TABLE), q.figures(), month);
            for (ReportData.ConsumerData c : q.consumers()) {
                h.append("<tr><th scope=\"rowgroup\" colspan=\"2\" style=\"font-weight: bold; color: var(--ink)\">Consumer ").append(esc(c.function()))
                        .append("</th></tr>\n");
                sourceRows(h, SourceFigures.with(SourceFigures.CONSUMER, Figure.Use.TABLE), c.figures(), month);
            }
            h.append("</tbody>\n</table>\n");
            sourceChart(h, d, charts, svgs, SourceCharts.queueName(q.name()));
        }
        for (ReportData.StreamData s : d.streams()) {
            h.append("<h3 id=\"stream-").append(esc(s.name())).append("\">Stream ").append(esc(s.name())).append(" (")
                    .append(esc(s.type())).append(", ").append(esc(Format.count(s.shards(), "shard", "shards")))
                    .append(s.consumer() == null ? ", no consumer" : ", consumed by " + esc(s.consumer()))
                    .append(")</h3>\n<table class=\"numbers source\">\n<tbody>\n");
            sourceRows(h, SourceFigures.with(SourceFigures.STREAM, Figure.Use.TABLE), s.figures(), month);
            h.append("</tbody>\n</table>\n");
            sourceChart(h, d, charts, svgs, SourceCharts.streamName(s.name()));
        }
        h.append("</section>\n");
    }

    private static void sourceRows(StringBuilder h, List<Figure> figures, Map<String, Double> values, double monthHours) {
        for (FigureRow r : FigureRow.of(figures, monthHours)) {
            List<String> meanings = r.figures().stream().map(f -> f.label() + ": " + f.meaning()).distinct().toList();
            h.append("<tr><th scope=\"row\" title=\"").append(esc(String.join("\n", r.figures().size() > 1
                    && r.figures().stream().map(Figure::meaning).distinct().count() == 1
                    ? List.of(r.figures().get(0).meaning()) : meanings))).append("\">").append(esc(r.label()))
                    .append("</th><td>").append(esc(r.cell(values))).append("</td></tr>\n");
        }
    }

    private static void sourceChart(StringBuilder h, ReportData d, List<NamedChart> charts, Map<String, String> svgs,
                                    String name) {
        for (NamedChart c : charts) {
            if (c.name().equals(name) && Charts.ofSource(d, c)) {
                Html.figure(h, c, svgs.get(c.name()));
            }
        }
    }

    /** Shares of unfinished requests above which the entry-point table warns that its figures leave them out. */
    static final double UNFINISHED_WARNING = 0.05;

    /** One table of every entry point: the registry's table figures of each, in a column each. */
    private static void entryPoints(StringBuilder h, ReportData d) {
        List<EntryPointData> es = d.entryPoints();
        h.append("<section id=\"entry-points\">\n<h2>Entry points</h2>\n<p class=\"note\">Each traffic source is an "
                + "entry point. Its requests are followed through everything they cause (calls, events, retries, "
                + "destinations): a request <i>succeeded</i> when its whole tree ended well, <i>failed</i> when a "
                + "request of its tree failed or an event was dropped, and is <i>unfinished</i> when part of its tree was "
                + "still running or waiting at the end of the run. <i>Response</i> is the time to the entry point's own "
                + "answer, <i>end to end</i> the time to the end of the last request of the tree; the cost is each "
                + "function's bill shared by the time and invocations the entry point's requests used there.</p>\n");
        // A table of a few entry points at a time: more columns would not fit the page.
        int shown = Math.min(es.size(), MAX_ENTRY_POINTS);
        for (int from = 0; from < shown; from += ENTRY_COLUMNS) {
            entryTable(h, d, es.subList(from, Math.min(shown, from + ENTRY_COLUMNS)));
        }
        if (shown < es.size()) {
            h.append("<p class=\"note\">The first ").append(Format.count(shown)).append(" of ")
                    .append(Format.count(es.size())).append(" entry points; summary.json has every one.</p>\n");
        }
        for (EntryPointData e : es) {
            double requests = e.figures().getOrDefault("requests", 0.0);
            double unfinished = e.figures().getOrDefault("unfinished", 0.0);
            if (requests > 0 && unfinished / requests > UNFINISHED_WARNING) {
                h.append("<p class=\"warning\"><b>").append(esc(e.name())).append("</b>: ")
                        .append(Format.count(Math.round(unfinished))).append(" of its ").append(Format.count(Math.round(
                                requests))).append(" requests (").append(Format.percent(unfinished, requests))
                        .append(") were not done when the run ended. The success share and the end-to-end times count "
                                + "finished trees only, so they leave out the slowest: a backlog that grows until the end "
                                + "of the run is worse than they say.</p>\n");
            }
        }
        h.append("</section>\n");
    }

    /** Entry points side by side in one table. */
    static final int ENTRY_COLUMNS = 4;
    /** Entry points shown in tables; summary.json has the rest. */
    static final int MAX_ENTRY_POINTS = 24;

    private static void entryTable(StringBuilder h, ReportData d, List<EntryPointData> es) {
        h.append("<table class=\"numbers entry-points\">\n<thead><tr><th></th>");
        for (EntryPointData e : es) {
            h.append("<th scope=\"col\">").append(esc(e.name())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n<tr><th scope=\"row\">Invokes</th>");
        for (EntryPointData e : es) {
            h.append("<td>").append(esc(e.function())).append(" (").append(esc(e.invocation())).append(")</td>");
        }
        h.append("</tr>\n");
        for (FigureRow r : FigureRow.of(Figures.entryWith(Figure.Use.TABLE), d.run().monthHours())) {
            // The registry's meaning of each figure of the row, on hover.
            List<String> meanings = r.figures().stream().map(f -> f.label() + ": " + f.meaning()).distinct().toList();
            h.append("<tr><th scope=\"row\" title=\"").append(esc(String.join("\n", r.figures().size() > 1
                    && r.figures().stream().map(Figure::meaning).distinct().count() == 1
                    ? List.of(r.figures().get(0).meaning()) : meanings))).append("\">").append(esc(r.label())).append("</th>");
            for (EntryPointData e : es) {
                h.append("<td>").append(esc(r.cell(e))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** The sampled trees of each entry point, each as a waterfall. */
    private static void traces(StringBuilder h, ReportData d) {
        h.append("<section id=\"traces\">\n<h2>Traces of a few requests</h2>\n<p>In the manner of AWS X-Ray's trace "
                + "view: a few requests of each entry point followed through everything they caused, one row per "
                + "attempt of each request, indented under the request that caused it. Times are from the moment the "
                + "entry point's request arrived. Within a trace, time runs on one linear scale, except where nothing "
                + "of the tree ran for a long while (an event waiting minutes in the queue or for a retry): that "
                + "stretch is cut out of the axis and drawn as a band between zigzag lines, labelled with the time it "
                + "stands for.</p>\n").append(TraceView.legend());
        List<String> single = new ArrayList<>();
        for (EntryPointData e : d.entryPoints()) {
            List<Trace> traces = d.tracesOf(e.name());
            if (!traces.isEmpty() && traces.stream().allMatch(t -> t.requests().size() + t.omittedRequests() == 1)) {
                single.add(e.name()); // one request each, no call or event: the timeline below shows such
                continue;
            }
            h.append("<h3>").append(esc(e.name())).append("</h3>\n");
            if (traces.isEmpty()) {
                h.append("<p class=\"note\">No request of this entry point was followed to its end.</p>\n");
                continue;
            }
            for (Trace t : traces) {
                TraceRequest root = t.requests().get(0);
                h.append("<figure class=\"trace\" id=\"trace-").append(esc(e.name())).append('-').append(esc(t.kind()))
                        .append("\">\n<p class=\"trace-head\"><b>").append(esc(traceKind(t.kind()))).append("</b> &middot; ")
                        .append("RequestId ").append(esc(t.requestId())).append(" &middot; ")
                        .append(Format.count(t.requests().size() + t.omittedRequests()))
                        .append(t.requests().size() + t.omittedRequests() == 1 ? " request" : " requests")
                        .append(" &middot; response ").append(esc(TraceView.duration(root.endMs() - root.arrivalMs())))
                        .append(" &middot; end to end ").append(esc(TraceView.duration(t.endMs() - t.startMs())))
                        .append(" &middot; arrived at ").append(esc(clock(t.startMs() / 1000))).append("</p>\n")
                        .append(TraceView.svg(t)).append('\n');
                int rows = TraceView.rows(t).size();
                if (rows > TraceView.MAX_ROWS || t.omittedRequests() > 0) {
                    h.append("<figcaption>").append(rows > TraceView.MAX_ROWS ? "The first " + TraceView.MAX_ROWS
                            + " of its " + Format.count(rows) + " rows. " : "").append(t.omittedRequests() > 0
                            ? Format.count(t.omittedRequests()) + " requests of the tree were not recorded. " : "")
                            .append("<a href=\"").append(RunFiles.TRACES).append("\">").append(RunFiles.TRACES)
                            .append("</a> has what was recorded.</figcaption>\n");
                }
                h.append("</figure>\n");
            }
        }
        if (!single.isEmpty()) {
            h.append("<p class=\"note\">").append(single.size() == 1 ? "The traces of " : "The traces of ")
                    .append(esc(String.join(", ", single.subList(0, Math.min(single.size(), 20)))))
                    .append(single.size() > 20 ? " and " + Format.count(single.size() - 20) + " more entry points" : "")
                    .append(" are each one request, calling nothing: not drawn here; the timeline below shows such "
                            + "invocations.</p>\n");
        }
        h.append("<p class=\"note\">The run keeps the first tree of each kind it sees among the requests it follows "
                + "(up to 32 at once): one with a cold start, one all warm, one retried, one failed; a kind that is "
                + "missing was not among them. It goes on following one request now and then (the 2nd, 4th, 8th... of "
                + "each entry point) and keeps the slowest of those, when it is slower than the others shown.").append(d.traces().isEmpty() ? "" : " <a href=\"" + RunFiles.TRACES + "\">"
                + RunFiles.TRACES + "</a> has them all.").append("</p>\n</section>\n");
    }

    private static String traceKind(String kind) {
        return switch (kind) {
            case "cold" -> "A cold start in the tree";
            case "warm" -> "All warm";
            case "retried" -> "Retried";
            case "failed" -> "Failed";
            case "slowest" -> "The slowest followed";
            default -> kind;
        };
    }

    private static void row(StringBuilder h, List<FunctionData> fs, String label, Function<FunctionData, String> value) {
        h.append("<tr><th scope=\"row\">").append(esc(label)).append("</th>");
        for (FunctionData f : fs) {
            h.append("<td>").append(esc(value.apply(f))).append("</td>");
        }
        h.append("</tr>\n");
    }

    // ---------------------------------------------------------------- the bill

    private static void bill(StringBuilder h, ReportData d) {
        String run = Format.duration(d.run().simulatedSeconds());
        String hours = Format.number(d.run().monthHours(), 0) + " h";
        h.append("<section id=\"bill\">\n<h2>The bill</h2>\n<p>")
                .append(esc(Format.usd(d.periodCost().costUsd().total()))).append(" for the ").append(esc(run))
                .append(" run; ").append(esc(Format.usd(d.monthCost().costUsd().total()))).append(" ")
                .append(esc(Format.ifRepeated(d.run().monthHours()))).append(", a projection: a run that does not "
                        + "repeat (a launch day) is billed here as if it did. Each component is rounded to cents, as AWS's "
                        + "estimates state them; the total is their sum.</p>\n");
        h.append("<table class=\"bill\">\n<thead><tr><th>Component</th><th>This run (").append(esc(run))
                .append(")</th><th>If repeated all month (").append(esc(hours)).append(")</th></tr></thead>\n<tbody>\n");
        for (CostComponent c : CostComponent.values()) {
            if ((c == CostComponent.FRONT_DOOR || c == CostComponent.SAVINGS_PLAN)
                    && d.periodCost().costUsd().get(c).signum() == 0 && d.monthCost().costUsd().get(c).signum() == 0) {
                continue; // none, or one that charges nothing (its note is in the arithmetic)
            }
            h.append("<tr><th scope=\"row\">").append(esc(c.label())).append("</th><td>")
                    .append(esc(Format.usd(d.periodCost().costUsd().get(c)))).append("</td><td>")
                    .append(esc(Format.usd(d.monthCost().costUsd().get(c)))).append("</td></tr>\n");
        }
        h.append("<tr class=\"total\"><th scope=\"row\">Total</th><td>").append(esc(Format.usd(d.periodCost().costUsd()
                .total()))).append("</td><td>").append(esc(Format.usd(d.monthCost().costUsd().total())))
                .append("</td></tr>\n</tbody>\n</table>\n");
        h.append("<h3>How it adds up</h3>\n<pre class=\"arithmetic\">");
        for (String line : d.billExplanation()) {
            h.append(esc(line)).append('\n');
        }
        h.append("</pre>\n</section>\n");
    }

    // ---------------------------------------------------------------- REPORT lines and timeline

    /** Up to {@link #TIMELINE_EACH} cold and as many warm samples, spread over the run, in time order. */
    static List<Sample> timelineSamples(List<Sample> samples) {
        List<Sample> cold = new ArrayList<>();
        List<Sample> warm = new ArrayList<>();
        for (Sample s : samples) {
            (s.cold() ? cold : warm).add(s);
        }
        List<Sample> picked = new ArrayList<>(spread(cold, TIMELINE_EACH));
        picked.addAll(spread(warm, TIMELINE_EACH));
        picked.sort((a, b) -> Double.compare(a.startSeconds() - initSeconds(a), b.startSeconds() - initSeconds(b)));
        return picked;
    }

    /** {@code n} elements evenly spaced from the first to the last (all of them when there are fewer). */
    static <T> List<T> spread(List<T> list, int n) {
        if (list.size() <= n) {
            return List.copyOf(list);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(list.get(n == 1 ? 0 : (int) Math.round((double) i * (list.size() - 1) / (n - 1))));
        }
        return out;
    }

    private static double initSeconds(Sample s) {
        return s.initMs() == null ? 0 : s.initMs() / 1000;
    }

    private static void reportLines(StringBuilder h, ReportData d, List<Sample> picked) {
        h.append("<section id=\"report-lines\">\n<h2>Sample REPORT lines</h2>\n<p>As Lambda writes them to CloudWatch "
                + "Logs, each after the function's name and the simulated time the handler started; the lines of the "
                + "invocations on the timeline below. <a href=\"report-log.txt\">report-log.txt</a> holds ")
                .append(Format.count(d.reportLines().size()))
                .append(" of them: every cold start up to a cap, and every Nth invocation.</p>\n<pre class=\"log\">");
        List<String> lines = new ArrayList<>();
        for (Sample s : picked) {
            for (String line : d.reportLines()) {
                if (line.contains("RequestId: " + s.requestId() + "\t") || line.endsWith("RequestId: " + s.requestId())) {
                    lines.add(line);
                    break;
                }
            }
        }
        if (lines.isEmpty()) {
            lines.addAll(d.reportLines().subList(0, Math.min(6, d.reportLines().size())));
        }
        for (String line : lines) {
            h.append(esc(line.replace('\t', ' ').replace("  ", " "))).append('\n');
        }
        h.append("</pre>\n</section>\n");
    }

    private static void timeline(StringBuilder h, List<Sample> picked) {
        h.append("<section id=\"timeline\">\n<h2>Timeline of a few invocations</h2>\n<p>In the manner of AWS X-Ray's "
                + "trace view: each request from the moment it reaches its execution environment. "
                + "<b>Initialization</b> is the cold start (the runtime, the package and the function's init code); "
                + "<b>Invocation</b> is the handler. X-Ray's <b>Overhead</b> (the runtime's work after the response, such "
                + "as extensions) is not modelled by lambdasim, so it is not drawn. All bars share one scale.</p>\n");
        if (picked.isEmpty()) {
            h.append("<p>No invocation was sampled.</p>\n</section>\n");
            return;
        }
        double longest = 0;
        for (Sample s : picked) {
            longest = Math.max(longest, (s.initMs() == null ? 0 : s.initMs()) + s.durationMs());
        }
        Ticks.Range scale = Ticks.fromZero(longest, 0.02, 6);
        h.append("<div class=\"timeline\">\n<div class=\"tl-row tl-axis\"><div class=\"tl-label\">ms</div><div class=\"tl-track\">");
        for (double t = 0; t <= scale.upper() + 1e-9; t += scale.step()) {
            h.append("<span class=\"tl-tick\" style=\"left:").append(pct(t, scale.upper())).append("\">")
                    .append(Format.number(t, Ticks.decimals(scale.step()))).append("</span>");
        }
        h.append("</div><div class=\"tl-value\"></div></div>\n");
        for (Sample s : picked) {
            double init = s.initMs() == null ? 0 : s.initMs();
            double total = init + s.durationMs();
            h.append("<div class=\"tl-trace\">\n<div class=\"tl-head\">").append(s.cold() ? "Cold start" : "Warm start")
                    .append(" &middot; ").append(esc(s.function())).append(" &middot; at ").append(esc(clock(s.startSeconds()
                            - init / 1000))).append(" &middot; RequestId ").append(esc(s.requestId()))
                    .append(s.status().equals("success") ? "" : " &middot; " + esc(s.status())).append("</div>\n");
            bar(h, s.function(), 0, total, scale.upper(), "tl-total", total);
            if (s.cold()) {
                bar(h, "Initialization", 0, init, scale.upper(), "tl-init", init);
            }
            bar(h, "Invocation", init, s.durationMs(), scale.upper(), "tl-invoke", s.durationMs());
            h.append("</div>\n");
        }
        h.append("</div>\n</section>\n");
    }

    private static void bar(StringBuilder h, String label, double from, double length, double upper, String cls, double ms) {
        h.append("<div class=\"tl-row\"><div class=\"tl-label\">").append(esc(label)).append("</div><div class=\"tl-track\">")
                .append("<span class=\"tl-bar ").append(cls).append("\" style=\"left:").append(pct(from, upper))
                .append(";width:").append(pct(length, upper)).append("\"></span></div><div class=\"tl-value\">")
                .append(esc(Format.ms(ms)))
                .append("</div></div>\n");
    }

    private static String pct(double v, double upper) {
        return String.format(Locale.ROOT, "%.3f%%", upper > 0 ? 100 * v / upper : 0);
    }

    private static String clock(double seconds) {
        long ms = Math.round(seconds * 1000);
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60, ms % 1000);
    }

    private static void files(StringBuilder h, ReportData d) {
        h.append("<section id=\"files\">\n<h2>Files</h2>\n<ul>\n");
        String[][] files = {
            {"summary.json", "the run's figures, for scripts"},
            {"metrics.csv", "one row per function per period, columns named like CloudWatch's metrics"},
            {"report-log.txt", "sampled REPORT lines"},
            {RunFiles.HISTOGRAMS, "latency histograms of warm and cold starts (HdrHistogram, base64)"},
            {RunFiles.SAMPLES, "the sampled invocations"},
            {RunFiles.BILL, "the bill's arithmetic"},
        };
        if (!d.traces().isEmpty()) {
            files = java.util.Arrays.copyOf(files, files.length + 1);
            files[files.length - 1] = new String[] {RunFiles.TRACES, "the requests followed whole, each with its attempts"};
        }
        if (!d.queues().isEmpty()) {
            files = java.util.Arrays.copyOf(files, files.length + 1);
            files[files.length - 1] = new String[] {RunFiles.QUEUES, "one row per SQS queue per period"};
        }
        if (!d.streams().isEmpty()) {
            files = java.util.Arrays.copyOf(files, files.length + 2);
            files[files.length - 2] = new String[] {RunFiles.STREAMS, "one row per stream per period"};
            files[files.length - 1] = new String[] {RunFiles.SHARDS, "the iterator age of each shard per period"};
        }
        for (String[] f : files) {
            h.append("<li><a href=\"").append(f[0]).append("\">").append(f[0]).append("</a>: ").append(esc(f[1]))
                    .append("</li>\n");
        }
        h.append("<li><code>charts/</code>: every chart above as PNG (1280 x 720) and SVG</li>\n</ul>\n</section>\n");
    }

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String s) {
        return Html.esc(s);
    }

}
