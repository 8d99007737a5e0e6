package io.github.lambdasim.report;

import static io.github.lambdasim.report.Html.esc;

import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import io.github.lambdasim.report.chart.Charts.NamedChart;
import io.github.lambdasim.report.data.CompareData.Side;
import io.github.lambdasim.report.data.CompareData;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.stats.Difference;
import io.github.lambdasim.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The comparison's report.html, in the run report's style: the scenarios, their key figures side
 * by side with each one's paired difference from the first (marked when its interval excludes
 * zero), and the overlaid charts.
 */
public final class CompareHtml {
    private CompareHtml() {
    }

    /** A row of the table: a figure, how to write it, and which way is better. */
    private record Row(String figure, String label, Function<Estimate, String> format, Figure.Better better) {
    }

    public static String render(CompareData d, List<NamedChart> charts, Map<String, String> svgs) {
        StringBuilder h = new StringBuilder(1 << 19);
        Html.open(h, d.title() + " - lambdasim comparison");
        h.append("<header>\n<p class=\"kicker\">lambdasim comparison</p>\n<h1>").append(esc(d.title())).append("</h1>\n");
        h.append("<p class=\"meta\">").append(d.replications()).append(" replications of each scenario, paired: "
                + "replication <i>r</i> of every scenario uses the same random substreams, so scenarios that share "
                + "traffic are compared on the same arrivals, and their differences are sharper than their separate "
                + "intervals suggest. Differences are from the first scenario, <b>").append(esc(d.sides().get(0).scenario()))
                .append("</b>.")
                .append(d.window() == null ? "" : " Measured: the requests arriving in " + esc(d.window())
                        + "; the whole run simulated.")
                .append("</p>\n</header>\n");
        h.append("<nav><a href=\"#scenarios\">Scenarios</a> <a href=\"#figures\">Key figures</a> "
                + "<a href=\"#charts\">Charts</a> <a href=\"#files\">Files</a></nav>\n");
        h.append("<section id=\"scenarios\">\n<h2>Scenarios</h2>\n<dl class=\"scenarios\">\n");
        for (Side s : d.sides()) {
            h.append("<dt>").append(esc(s.scenario()))
                    .append(s.name().equals(s.scenario()) ? "" : " (scenario " + esc(s.name()) + ")")
                    .append(s.file().isEmpty() ? "" : " <code>" + esc(s.file()) + "</code>")
                    .append(", seed ").append(s.seed()).append("</dt>\n<dd>")
                    .append(s.description().isBlank() ? "(no description)" : esc(s.description().strip())).append("</dd>\n");
        }
        h.append("</dl>\n</section>\n");
        table(h, d);
        h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        for (NamedChart c : charts) {
            Html.figure(h, c, svgs.get(c.name()));
        }
        h.append("</section>\n");
        h.append("<section id=\"files\">\n<h2>Files</h2>\n<ul>\n"
                + "<li><a href=\"compare.csv\">compare.csv</a>: every key figure of every scenario, with its difference "
                + "from the first and the 95% confidence half-widths</li>\n"
                + "<li><a href=\"compare.json\">compare.json</a>: the same, for scripts</li>\n");
        if (d.hasRuns()) {
            for (Side s : d.sides()) {
                String f = esc(s.run().folder());
                h.append("<li><code>").append(f).append("/</code>: replication 0 of ").append(esc(s.scenario()))
                        .append(", <a href=\"").append(f).append("/summary.json\">summary.json</a> and <a href=\"")
                        .append(f).append("/metrics.csv\">metrics.csv</a></li>\n");
            }
        }
        h.append("<li><code>charts/</code>: every chart above as PNG (1280 x 720) and SVG</li>\n</ul>\n</section>\n");
        Html.close(h);
        return h.toString();
    }

    /**
     * The key figures that have a better direction: per entry point of event-driven scenarios
     * first (what the architect compares designs by), then per function (those of events and
     * calls when the scenarios have them), then the scenarios' monthly bills.
     */
    private static List<Row> rows(CompareData d) {
        List<Row> rows = new ArrayList<>();
        java.util.Set<String> present = d.sides().get(0).figures().keySet();
        for (String entry : d.entryPoints()) {
            for (Figure figure : Figures.entryWith(Figure.Use.KEY)) {
                String name = CompareData.ENTRY_POINTS + entry + "." + figure.path();
                if (figure.better() != Figure.Better.NEITHER && present.contains(name)) {
                    rows.add(new Row(name, "entry point " + entry + ": " + figure.label(),
                            e -> Format.value(figure.unit(), e), figure.better()));
                }
            }
        }
        for (String f : d.functions()) {
            String who = d.functions().size() > 1 ? f + ": " : "";
            java.util.Set<String> labels = new java.util.HashSet<>();
            for (Figure figure : Figures.with(Figure.Use.KEY, true)) {
                String name = f + "." + figure.path();
                if (figure.better() == Figure.Better.NEITHER || figure.source() instanceof Figure.Billed
                        || !present.contains(name) || figure.eventDriven() && zeroEverywhere(d, name)) {
                    continue; // events or calls a function had in no scenario say nothing
                }
                String label = labels.add(figure.label()) ? figure.label()
                        : figure.label() + (figure.unit() == io.github.lambdasim.stats.Unit.SHARE ? ", share" : ", count");
                rows.add(new Row(name, who + label, e -> Format.value(figure.unit(), e), figure.better()));
            }
        }
        rows.add(new Row(CompareData.COST_FIGURE, "Cost a month (all functions)", Format::usd, Figure.Better.LOWER));
        return rows;
    }

    private static boolean zeroEverywhere(CompareData d, String figure) {
        return d.sides().stream().allMatch(s -> s.figures().get(figure).mean() == 0);
    }

    private static void table(StringBuilder h, CompareData d) {
        h.append("<section id=\"figures\">\n<h2>Key figures</h2>\n<table class=\"compare\">\n<thead><tr><th></th>");
        for (int i = 0; i < d.sides().size(); i++) {
            h.append("<th scope=\"col\">").append(esc(d.sides().get(i).scenario())).append("</th>");
            if (i > 0) {
                h.append("<th scope=\"col\">difference</th>");
            }
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Row r : rows(d)) {
            h.append("<tr><th scope=\"row\">").append(esc(r.label())).append("</th>");
            for (int i = 0; i < d.sides().size(); i++) {
                Side s = d.sides().get(i);
                h.append("<td>").append(esc(r.format().apply(s.figures().get(r.figure())))).append("</td>");
                if (i > 0) {
                    Estimate diff = s.differences().get(r.figure());
                    double base = d.sides().get(0).figures().get(r.figure()).mean();
                    boolean matters = Difference.matters(diff, base, d.threshold());
                    boolean good = r.better() == Figure.Better.LOWER ? diff.mean() < 0 : diff.mean() > 0;
                    String cls = !matters || r.better() == Figure.Better.NEITHER ? "" : good ? " class=\"better\""
                            : " class=\"worse\"";
                    String text = r.format().apply(diff);
                    String relative = Difference.percent(diff, base);
                    h.append("<td").append(cls).append('>').append(diff.mean() > 0 ? "+" : "").append(esc(text))
                            .append(relative.isEmpty() ? "" : " <span class=\"rel\">(" + esc(relative) + ")</span>")
                            .append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        List<String> unpaired = d.unpairedLines();
        if (!unpaired.isEmpty()) {
            h.append("<p class=\"note\"><b>Not compared</b>: these figures are not in every scenario, so there is "
                    + "nothing to pair them with (the table and the charts show only the figures all the scenarios have):</p>\n<ul>\n");
            for (String line : unpaired) {
                h.append("<li>").append(esc(line)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p class=\"note\">Mean ± half-width of the 95% confidence interval over ")
                .append(d.replications()).append(" replications; a difference is paired by replication, and coloured "
                        + "(green lower, orange higher than ").append(esc(d.sides().get(0).scenario()))
                .append(") when it matters: its interval excludes zero and it is at least ")
                .append(esc(Format.number(d.threshold() * 100, 2))).append("% of ").append(esc(d.sides().get(0).scenario()))
                .append("'s value (the practical threshold, <code>--threshold</code>); the share in brackets is the "
                        + "difference relative to that value").append(d.entryPoints().isEmpty() ? "" : "; for a success share, "
                        + "higher is better (green)").append(". <a href=\"compare.csv\">compare.csv</a> has every key "
                        + "figure.</p>\n</section>\n");
    }
}
