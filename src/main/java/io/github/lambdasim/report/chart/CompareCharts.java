package io.github.lambdasim.report.chart;

import io.github.lambdasim.report.data.CompareData;
import io.github.lambdasim.report.data.CompareData.Side;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.ReportData.PeriodTable;
import io.github.lambdasim.report.chart.Charts.NamedChart;
import io.github.lambdasim.stats.Estimate;
import io.github.lambdasim.stats.Metric;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a comparison, drawn from a {@link CompareData} only: per function, its key figures
 * side by side with their confidence intervals, and p99 latency over time of each scenario's
 * replication 0 overlaid; for the scenarios, their cost over time.
 */
public final class CompareCharts {
    private CompareCharts() {
    }

    public static List<NamedChart> all(CompareData d) {
        List<NamedChart> charts = new ArrayList<>();
        List<String> functions = d.functions();
        for (String f : functions) {
            charts.add(keyFigures(d, f));
        }
        if (functions.isEmpty()) {
            charts.add(keyFigures(d, null));
        }
        if (d.hasRuns()) {
            for (String f : functions) {
                charts.add(latency(d, f));
            }
            charts.add(costOverTime(d));
        }
        return charts;
    }

    private static Color colour(int side) {
        return ChartStyle.PALETTE[side % ChartStyle.PALETTE.length];
    }

    // ---------------------------------------------------------------- key figures side by side

    /** One panel: a figure's mean per scenario as a bar, its interval as an error bar, the mean written. */
    private record Panel(String figure, String axisLabel, double scale, String prefix, Function<Estimate, String> label) {
    }

    static NamedChart keyFigures(CompareData d, String function) {
        List<Panel> panels = new ArrayList<>();
        if (function != null) {
            String p = function + ".";
            panels.add(new Panel(p + "latencyMs.p99", "p99 latency (ms)", 1, "", e -> Format.ms(e.mean())));
            panels.add(new Panel(p + "coldStartRate", "Cold starts (% of invocations)", 100, "",
                    e -> Format.percent(e.mean(), 1)));
            boolean throttled = d.sides().stream().anyMatch(s -> s.figures().get(p + "throttleRate").mean() > 0);
            if (throttled) {
                panels.add(new Panel(p + "throttleRate", "Throttles (% of requests)", 100, "",
                        e -> Format.percent(e.mean(), 1)));
            }
        }
        panels.add(new Panel(CompareData.COST_FIGURE, "Monthly cost (USD)", 1, "$",
                e -> Format.usd(java.math.BigDecimal.valueOf(e.mean()))));

        CategoryAxis scenarios = new CategoryAxis(null);
        scenarios.setCategoryMargin(0.3);
        ChartStyle.axis(scenarios);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(scenarios);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(72);
        for (Panel panel : panels) {
            DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
            double top = 0;
            for (Side s : d.sides()) {
                Estimate e = s.figures().get(panel.figure());
                double half = Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth();
                data.add(e.mean() * panel.scale(), half * panel.scale(), "mean", s.scenario());
                top = Math.max(top, (e.mean() + half) * panel.scale());
            }
            // Headroom for the labels written after the intervals.
            NumberAxis values = ChartStyle.numberAxis(panel.axisLabel(), Ticks.fromZero(top, 0.6, 3), panel.prefix());
            StatisticalBarRenderer r = new SideBars(d.sides().size());
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setDrawBarOutline(false);
            r.setErrorIndicatorPaint(ChartStyle.INK);
            r.setErrorIndicatorStroke(new java.awt.BasicStroke(2f));
            r.setMaximumBarWidth(0.22);
            CategoryPlot sub = new CategoryPlot(data, null, values, r);
            sub.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            ChartStyle.style(sub);
            // Each mean written just after the end of its interval, clear of the error bar.
            for (Side s : d.sides()) {
                Estimate e = s.figures().get(panel.figure());
                double half = Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth();
                // A gap of 2% of the axis: leading spaces would be collapsed in the SVG.
                CategoryTextAnnotation label = new CategoryTextAnnotation(panel.label().apply(e), s.scenario(),
                        (e.mean() + half) * panel.scale() + 0.02 * values.getUpperBound());
                label.setFont(ChartStyle.ITEM_LABEL);
                label.setPaint(ChartStyle.INK);
                label.setTextAnchor(TextAnchor.CENTER_LEFT);
                label.setCategoryAnchor(org.jfree.chart.axis.CategoryAnchor.MIDDLE);
                sub.addAnnotation(label);
            }
            plot.add(sub, 1);
        }
        String title = (function != null ? function + ": " : "") + "key figures of each scenario";
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
        ChartStyle.apply(chart, "Means of " + d.replications() + " replications; bars: 95% confidence intervals");
        String caption = "Each scenario's " + (function != null ? "p99 latency, cold starts"
                + (panels.size() > 3 ? ", throttles" : "") + " of " + function + " and " : "")
                + "monthly cost (all functions), as the mean of its replications with the 95% confidence interval of "
                + "that mean. The table above gives each difference from " + d.sides().get(0).scenario()
                + " with its own interval, which is narrower than these when the scenarios share traffic (paired "
                + "replications).";
        return new NamedChart(function != null ? "key-figures-" + function : "key-figures", title, caption, chart);
    }

    /** One colour per scenario, as in the charts over time, lightened so that the labels inside stay readable. */
    private static final class SideBars extends StatisticalBarRenderer {
        private static final long serialVersionUID = 1L;
        private final int sides;

        SideBars(int sides) {
            this.sides = sides;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return ChartStyle.translucent(colour(column), 0.4);
        }

        @Override
        public java.awt.Shape lookupLegendShape(int series) {
            return ChartStyle.SWATCH;
        }
    }

    // ---------------------------------------------------------------- over time

    /** Clock time when every scenario starts at the same clock time, else time since the start. */
    private static TimeScale scale(CompareData d) {
        double longest = 0;
        java.util.Set<java.time.ZonedDateTime> starts = new java.util.HashSet<>();
        for (Side s : d.sides()) {
            longest = Math.max(longest, s.run().simulatedSeconds());
            starts.add(s.run().start());
        }
        return TimeScale.of(longest, starts.size() == 1 ? starts.iterator().next() : null);
    }

    /** The middle of each period, in the scale's unit (the last period may be cut short by the run's end). */
    private static double[] middles(Side s, TimeScale scale) {
        PeriodTable t = s.run().periods();
        double[] x = new double[t.periods()];
        for (int p = 0; p < x.length; p++) {
            double start = t.startSeconds(p);
            double end = Math.min(start + t.periodSeconds(), s.run().simulatedSeconds());
            x[p] = scale.toUnit((start + end) / 2);
        }
        return x;
    }

    private static String period(CompareData d) {
        double first = d.sides().get(0).run().periods().periodSeconds();
        boolean same = d.sides().stream().allMatch(s -> s.run().periods().periodSeconds() == first);
        return same ? Format.period(first) : "metrics period";
    }

    /** From this many scenarios, the latency over time is drawn as one panel per scenario rather than overlaid lines. */
    static final int SMALL_MULTIPLES = 3;

    static NamedChart latency(CompareData d, String function) {
        TimeScale scale = scale(d);
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // One path per series: a day of minutes is one SVG element, not 1,440.
        r.setDrawSeriesLineAsPath(true);
        double top = 0;
        double bottom = Double.NaN;
        int n = d.sides().size();
        for (int i = 0; i < n; i++) {
            Side s = d.sides().get(i);
            PeriodTable t = s.run().periods();
            double[] p99 = Series.gapsWhereNone(t.values(function, Metric.LATENCY_P99_MS.column()),
                    t.values(function, Metric.INVOCATIONS.column()));
            double[] x = middles(s, scale);
            XYSeries line = new XYSeries(s.scenario(), false, true);
            for (int p = 0; p < p99.length; p++) {
                line.add(x[p], Double.isFinite(p99[p]) ? Double.valueOf(p99[p]) : null);
            }
            lines.addSeries(line);
            r.setSeriesPaint(i, colour(i));
            r.setSeriesStroke(i, ChartStyle.overlaidLine(i, n));
            top = Math.max(top, Series.max(p99));
            double low = Series.minPositive(p99);
            bottom = Double.isNaN(bottom) || low < bottom ? low : bottom;
        }
        boolean log = top > 0 && bottom > 0 && top / bottom > Charts.LOG_SCALE_RATIO;
        String title = function + ": p99 latency over time";
        org.jfree.chart.plot.Plot plot;
        if (n >= SMALL_MULTIPLES) {
            // Three or more overlaid lines become one band: one panel per scenario instead, on the
            // same time axis and the same latency scale, each named in its corner.
            org.jfree.chart.plot.CombinedDomainXYPlot panels = new org.jfree.chart.plot.CombinedDomainXYPlot(
                    ChartStyle.timeAxis(scale));
            panels.setGap(18);
            for (int i = 0; i < n; i++) {
                XYSeriesCollection one = new XYSeriesCollection(lines.getSeries(i));
                XYLineAndShapeRenderer ri = new XYLineAndShapeRenderer(true, false);
                ri.setDrawSeriesLineAsPath(true);
                ri.setSeriesPaint(0, colour(i));
                ri.setSeriesStroke(0, ChartStyle.LINE);
                ValueAxis yi = log
                        ? new LogAxis125("ms", Ticks.niceFloor(bottom * 0.9), Ticks.niceCeil(top * 1.1))
                        : ChartStyle.numberAxis("ms", Ticks.fromZero(top, 0.15, 3), "");
                XYPlot sub = new XYPlot(one, null, yi, ri);
                ChartStyle.style(sub);
                org.jfree.chart.annotations.XYTitleAnnotation name = new org.jfree.chart.annotations.XYTitleAnnotation(0.005,
                        0.98, new org.jfree.chart.title.TextTitle(d.sides().get(i).scenario(), ChartStyle.LEGEND, colour(i),
                        org.jfree.chart.ui.RectangleEdge.TOP, org.jfree.chart.ui.HorizontalAlignment.LEFT,
                        org.jfree.chart.ui.VerticalAlignment.TOP, new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 4)),
                        org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                sub.addAnnotation(name);
                panels.add(sub, 1);
            }
            plot = panels;
        } else {
            ValueAxis y = log
                    ? new LogAxis125("p99 latency (ms, log scale)", Ticks.niceFloor(bottom * 0.9), Ticks.niceCeil(top * 1.1))
                    : ChartStyle.numberAxis("p99 latency (ms)", Ticks.fromZero(top, 0.08, 8), "");
            XYPlot single = new XYPlot(lines, ChartStyle.timeAxis(scale), y, r);
            // The widest line first, beneath the others.
            single.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            plot = single;
        }
        List<String> overall = new ArrayList<>();
        for (Side s : d.sides()) {
            overall.add(s.scenario() + " " + Format.ms(s.figures().get(function + ".latencyMs.p99")));
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, n < SMALL_MULTIPLES);
        ChartStyle.apply(chart, "p99 per " + period(d) + " of replication 0" + (n < SMALL_MULTIPLES ? "" : ", one panel per "
                + "scenario on one scale") + "; over the runs: " + String.join(", ", overall));
        String caption = "What the slowest 1% of " + function + "'s callers wait in each " + period(d)
                + ", in replication 0 of each scenario (the same arrivals where the scenarios share traffic); periods "
                + "without invocations are left blank. " + (n < SMALL_MULTIPLES ? "Each line is drawn narrower than the "
                + "one before it, so where the scenarios agree the lines lie inside one another. "
                : "Each scenario has its own panel, all on the same time axis and latency scale, so that a difference "
                + "is where one panel rises and the others do not. ") + "The subtitle gives each scenario's p99 over "
                + "the whole run, mean ± 95% confidence interval over the replications.";
        return new NamedChart("latency-p99-" + function, title, caption, chart);
    }

    static NamedChart costOverTime(CompareData d) {
        TimeScale scale = scale(d);
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // One path per series: a day of minutes is one SVG element, not 1,440.
        r.setDrawSeriesLineAsPath(true);
        double top = 0;
        int n = d.sides().size();
        for (int i = 0; i < n; i++) {
            Side s = d.sides().get(i);
            PeriodTable t = s.run().periods();
            double[] cost = new double[t.periods()];
            for (String f : s.run().functions()) {
                cost = Series.sum(cost, t.values(f, Metric.COST_USD.column()));
            }
            double[] cumulative = Series.cumulative(cost);
            XYSeries line = new XYSeries(s.scenario(), false, true);
            line.add(0.0, 0.0);
            for (int p = 0; p < cumulative.length; p++) {
                line.add(scale.toUnit(Math.min(t.startSeconds(p) + t.periodSeconds(), s.run().simulatedSeconds())),
                        cumulative[p]);
            }
            lines.addSeries(line);
            r.setSeriesPaint(i, colour(i));
            r.setSeriesStroke(i, ChartStyle.overlaidLine(i, n));
            top = Math.max(top, Series.max(cumulative));
        }
        XYPlot plot = new XYPlot(lines, ChartStyle.timeAxis(scale),
                ChartStyle.numberAxis("Cumulative cost (USD)", Ticks.fromZero(top, 0.08, 8), "$"), r);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        String title = "Cost of the run, cumulative";
        List<String> monthly = new ArrayList<>();
        for (Side s : d.sides()) {
            monthly.add(s.scenario() + " " + Format.usd(java.math.BigDecimal.valueOf(s.figures().get(CompareData.COST_FIGURE).mean())));
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, "Replication 0, all functions; projected per month: " + String.join(", ", monthly));
        String caption = "The bill of replication 0 of each scenario as it accrues (the CostUsd column of its "
                + "metrics.csv, added up): a steeper stretch is where the scenario pays more, for instance while "
                + "provisioned concurrency is configured. The subtitle gives each scenario's projected monthly cost, "
                + "the mean over the replications (the table gives its confidence interval).";
        return new NamedChart("cost-over-time", title, caption, chart);
    }
}
