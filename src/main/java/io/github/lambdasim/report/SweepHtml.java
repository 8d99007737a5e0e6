package io.github.lambdasim.report;

import static io.github.lambdasim.report.Html.esc;

import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.SweepData.Constraint;
import io.github.lambdasim.report.data.SweepData.Point;
import io.github.lambdasim.report.chart.Charts.NamedChart;
import io.github.lambdasim.report.data.SweepData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sweep's report.html, in the run report's style: the scenario and what was varied, the
 * recommendation in one sentence, the table of points with confidence intervals (the recommended
 * row highlighted, rows missing a constraint and uncertain points marked), and every chart.
 */
public final class SweepHtml {
    private SweepHtml() {
    }

    public static String render(SweepData d, List<NamedChart> charts, Map<String, String> svgs) {
        StringBuilder h = new StringBuilder(1 << 19);
        Html.open(h, d.scenario() + " sweep - lambdasim report");
        header(h, d);
        h.append("<nav><a href=\"#recommendation\">Recommendation</a> <a href=\"#points\">Points</a> "
                + "<a href=\"#charts\">Charts</a> <a href=\"#files\">Files</a></nav>\n");
        recommendation(h, d);
        points(h, d);
        h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        for (NamedChart c : charts) {
            Html.figure(h, c, svgs.get(c.name()));
        }
        h.append("</section>\n");
        h.append("<section id=\"files\">\n<h2>Files</h2>\n<ul>\n"
                + "<li><a href=\"sweep.csv\">sweep.csv</a>: one row per point, the varied values then each key figure's "
                + "mean and 95% confidence half-width</li>\n"
                + "<li><a href=\"sweep.json\">sweep.json</a>: the points, the constraints and the recommendation, for "
                + "scripts; this page is drawn from it</li>\n"
                + "<li><code>charts/</code>: every chart above as PNG (1280 x 720) and SVG</li>\n</ul>\n</section>\n");
        Html.close(h);
        return h.toString();
    }

    private static void header(StringBuilder h, SweepData d) {
        h.append("<header>\n<p class=\"kicker\">lambdasim sweep</p>\n<h1>").append(esc(d.scenario())).append("</h1>\n");
        if (!d.description().isBlank()) {
            h.append("<p class=\"description\">").append(esc(d.description().strip())).append("</p>\n");
        }
        int n = d.points().size();
        h.append("<p class=\"meta\">").append(n).append(n == 1 ? " point" : " points").append(" x ")
                .append(d.replications()).append(d.replications() == 1 ? " replication" : " replications")
                .append(", seed ").append(d.seed()).append(", with common random numbers: replication <i>r</i> of every "
                        + "point sees the same arrivals and draws, so differences between points are sharper than "
                        + "their intervals suggest. Latency and rates are those of <b>").append(esc(d.function()))
                .append(d.costFunction() != null ? "</b>, and so is cost: <b>" + esc(d.costFunction()) + "</b>'s own, "
                        + "projected to a month (only its settings vary; the other functions' costs are left out).</p>\n"
                        + "</header>\n" : "</b>; cost is the whole scenario's, projected to a month.</p>\n</header>\n");
    }

    private static void recommendation(StringBuilder h, SweepData d) {
        h.append("<section id=\"recommendation\">\n<h2>Recommendation</h2>\n<p class=\"verdict")
                .append(d.recommended() < 0 ? " none" : "").append("\">").append(esc(d.sentence())).append("</p>\n");
        h.append("<table class=\"varied\">\n<tbody>\n");
        h.append("<tr><th scope=\"row\">Objective</th><td>").append(esc(switch (d.objective()) {
            case "latency" -> "latency: the lowest p99 latency";
            case "balanced" -> "balanced: the lowest w × cost / the highest cost + (1 − w) × p99 latency / the highest, "
                    + "with w = " + Format.number(d.balancedWeight(), 3) + " (AWS Lambda Power Tuning's balancedWeight: "
                    + "0 is the fastest, 1 the cheapest)";
            default -> d.costFunction() != null ? "cost: the lowest monthly cost of " + d.costFunction()
                    : "cost: the lowest monthly cost";
        })).append("</td></tr>\n");
        h.append("<tr><th scope=\"row\">Constraints</th><td>").append(d.constraints().isEmpty() ? "none"
                : esc(String.join("; ", d.constraints().stream().map(Constraint::text).toList())))
                .append(d.constraints().isEmpty() ? "" : " (each point by its mean)").append("</td></tr>\n");
        for (Map.Entry<String, List<String>> e : d.vary().entrySet()) {
            List<String> values = e.getValue().stream().map(v -> SweepData.valueLabel(e.getKey(), v)).toList();
            h.append("<tr><th scope=\"row\">Varied: <code>").append(esc(e.getKey())).append("</code></th><td>")
                    .append(esc(String.join(", ", values))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void points(StringBuilder h, SweepData d) {
        h.append("<section id=\"points\">\n<h2>Points</h2>\n<table class=\"points\">\n<thead><tr>");
        for (String path : d.vary().keySet()) {
            h.append("<th scope=\"col\" title=\"").append(esc(path)).append("\">").append(esc(SweepData.shortName(path)))
                    .append("</th>");
        }
        h.append("<th scope=\"col\">p99 latency</th><th scope=\"col\">").append(esc(capitalise(d.costLabel())))
                .append("</th>"
                + (d.showsAverages() ? "<th scope=\"col\">Mean duration</th><th scope=\"col\">Cost per invocation</th>" : "")
                + "<th scope=\"col\">Throttled</th><th scope=\"col\">Cold starts</th>"
                + (d.showsEvents() ? "<th scope=\"col\">Event retries</th><th scope=\"col\">Events dropped</th>" : "")
                + "<th scope=\"col\" class=\"status\"></th></tr></thead>\n<tbody>\n");
        boolean seconds = Format.inSeconds(d.points().stream().map(p -> p.figure(d.latencyFigure())).toList());
        boolean durationSeconds = d.showsAverages()
                && Format.inSeconds(d.points().stream().map(p -> p.figure(d.durationMeanFigure())).toList());
        for (int i = 0; i < d.points().size(); i++) {
            Point p = d.points().get(i);
            List<String> classes = new ArrayList<>();
            if (i == d.recommended()) {
                classes.add("rec");
            }
            if (!p.meetsConstraints()) {
                classes.add("miss");
            }
            h.append("<tr").append(classes.isEmpty() ? "" : " class=\"" + String.join(" ", classes) + "\"").append('>');
            for (String path : d.vary().keySet()) {
                h.append("<th scope=\"row\">").append(esc(SweepData.valueLabel(path, p.values().get(path)))).append("</th>");
            }
            h.append("<td>").append(esc(Format.ms(p.figure(d.latencyFigure()), seconds))).append("</td><td>")
                    .append(esc(Format.usd(p.figure(d.costFigure())))).append("</td><td>");
            if (d.showsAverages()) {
                h.append(esc(Format.ms(p.figure(d.durationMeanFigure()), durationSeconds))).append("</td><td>")
                        .append(esc(Format.usdSmall(d.costPerInvocation(p)))).append("</td><td>");
            }
            h.append(esc(Format.share(p.figure(d.throttleFigure())))).append("</td><td>")
                    .append(esc(Format.share(p.figure(d.coldStartFigure())))).append("</td><td>");
            if (d.showsEvents()) {
                h.append(esc(Format.value(io.github.lambdasim.stats.Unit.COUNT, p.figure(d.retriesFigure()))))
                        .append("</td><td>").append(esc(Format.share(p.figure(d.dropRateFigure())))).append("</td><td>");
            }
            h.setLength(h.length() - "<td>".length());
            h.append("<td class=\"status\">");
            List<String> notes = new ArrayList<>();
            if (i == d.recommended()) {
                notes.add("<span class=\"badge\">recommended</span>");
            }
            for (Constraint c : d.missed(p)) {
                notes.add("misses " + esc(c.text()));
            }
            if (!p.uncertain().isEmpty()) {
                notes.add("<span class=\"flag\">uncertain:</span> the interval straddles "
                        + esc(String.join(" and ", p.uncertain())));
            }
            if (i == d.tiedWith()) {
                notes.add("statistically tied with the recommendation");
            }
            h.append(String.join("; ", notes)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">Mean ± half-width of the 95% confidence interval over ")
                .append(d.replications()).append(d.replications() == 1 ? " replication (one replication gives no interval)"
                        : " replications (Student t)")
                .append(". A point meets a constraint when its mean does; it is uncertain when its interval lies on "
                        + "both sides of the limit, and more replications would settle it. <a href=\"sweep.csv\">sweep.csv"
                        + "</a> has every key figure.</p>\n</section>\n");
    }
}
