package io.github.lambdasim.report.chart;

import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.ReportData;
import io.github.lambdasim.report.data.ReportData.CostComponent;
import io.github.lambdasim.report.data.ReportData.FunctionData;
import io.github.lambdasim.report.data.ReportData.LatencyHistogram;
import io.github.lambdasim.report.data.ReportData.PeriodTable;
import io.github.lambdasim.stats.Metric;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, drawn from a {@link ReportData} only. Per function: latency over time,
 * the latency distribution of warm and cold starts, concurrency over time, and invocations,
 * errors and throttles per period; for the account: the cost of the run over time and the
 * month's bill by component.
 */
public final class Charts {
    /** Latency axes turn logarithmic when the largest latency is this many times the smallest p50. */
    static final double LOG_SCALE_RATIO = 20;
    /** A limit line is drawn when it is at most this many times the highest value charted. */
    static final double LIMIT_IN_VIEW = 2.5;
    /** Below this many invocations per non-empty period, latency is drawn as points, not lines. */
    static final double SPARSE_INVOCATIONS = 5;
    static final int HISTOGRAM_BINS_PER_DECADE = 10;
    /** Most bins a time chart of counts or levels draws: about 5 pixels each. */
    static final int MAX_POINTS = 240;

    private static final Shape DOT = new Ellipse2D.Double(-3.5, -3.5, 7, 7);

    private Charts() {
    }

    /** A chart and the words that go with it in the report. */
    public record NamedChart(String name, String title, String caption, JFreeChart chart) {
    }

    /** Past this many functions, the report leads with the account and draws only the costliest functions. */
    public static final int ACCOUNT_VIEW = 12;
    /** Functions named in the charts by function; the rest are "all others". */
    static final int NAMED_FUNCTIONS = 15;

    /**
     * Every chart of the report. For a few functions: each kind of chart for every charted
     * function, then the costs. For a whole account: the account first (concurrency against the
     * limit, cost over time, the bill by function and by component), then the charts of each
     * charted function, the costliest first.
     */
    public static List<NamedChart> all(ReportData data) {
        Context c = new Context(data);
        List<NamedChart> charts = new ArrayList<>();
        List<FunctionData> charted = data.chartedFunctions();
        if (accountView(data)) {
            charts.add(accountConcurrency(c));
            charts.add(costOverTime(c));
            charts.add(costByFunction(data));
            charts.add(costBreakdown(data));
            if (data.savingsPlan() != null) {
                charts.add(savingsPlan(c));
            }
            for (FunctionData f : charted) {
                charts.add(latency(c, f));
                charts.add(latencyDistribution(f));
                charts.add(concurrency(c, f));
                charts.add(invocations(c, f));
                if (receivedEvents(f)) {
                    charts.add(events(c, f));
                }
            }
            charts.addAll(SourceCharts.all(c));
            return charts;
        }
        for (FunctionData f : charted) {
            charts.add(latency(c, f));
        }
        for (FunctionData f : charted) {
            charts.add(latencyDistribution(f));
        }
        for (FunctionData f : charted) {
            charts.add(concurrency(c, f));
        }
        for (FunctionData f : charted) {
            charts.add(invocations(c, f));
        }
        for (FunctionData f : charted) {
            if (receivedEvents(f)) {
                charts.add(events(c, f));
            }
        }
        charts.addAll(SourceCharts.all(c));
        charts.add(costOverTime(c));
        charts.add(costBreakdown(data));
        if (data.savingsPlan() != null) {
            charts.add(savingsPlan(c));
        }
        return charts;
    }

    /** Whether a chart of {@link #all} is one of a queue or a stream ({@code queue-<name>}, {@code stream-<name>}). */
    public static boolean ofSource(ReportData data, NamedChart chart) {
        return data.queues().stream().anyMatch(q -> chart.name().equals(SourceCharts.queueName(q.name())))
                || data.streams().stream().anyMatch(s -> chart.name().equals(SourceCharts.streamName(s.name())));
    }

    /** Whether the report of this run leads with the account (more than {@link #ACCOUNT_VIEW} functions). */
    public static boolean accountView(ReportData data) {
        return data.functions().size() > ACCOUNT_VIEW;
    }

    /** What every time chart shares: the time scale, and the periods or wider bins its values are drawn at. */
    static final class Context {
        final ReportData data;
        final PeriodTable periods;
        final TimeScale scale;
        /** The metrics periods as they are. */
        final View period;
        /** Periods merged into at most {@link #MAX_POINTS} bins, for series that merge exactly. */
        final View binned;

        Context(ReportData data) {
            this.data = data;
            this.periods = data.periods();
            this.scale = TimeScale.of(data.run().simulatedSeconds(), data.run().start());
            this.period = new View(this, 1);
            this.binned = new View(this, Binning.factor(periods.periodSeconds(), periods.periods(), MAX_POINTS));
        }
    }

    /** Where a chart draws each value: at the middle of each bin of {@code k} periods. */
    static final class View {
        final Context c;
        final int k;
        final double[] x;
        final double[] xStart;
        final double[] xEnd;
        final double[] lengths;
        private final double[] periodLengths;
        /** The bin's length as in "per minute". */
        final String per;

        View(Context c, int k) {
            this.c = c;
            this.k = k;
            PeriodTable periods = c.periods;
            double duration = c.data.run().simulatedSeconds();
            int n = periods.periods();
            double[] periodLengths = new double[n];
            for (int p = 0; p < n; p++) {
                double start = periods.startSeconds(p);
                periodLengths[p] = Math.max(0, Math.min(periods.periodSeconds(), duration - start));
            }
            lengths = Binning.merge(periodLengths, k, Binning.Merge.SUM, null);
            int bins = lengths.length;
            x = new double[bins];
            xStart = new double[bins];
            xEnd = new double[bins];
            for (int b = 0; b < bins; b++) {
                double start = periods.startSeconds(b * k);
                xStart[b] = c.scale.toUnit(start);
                xEnd[b] = c.scale.toUnit(start + lengths[b]);
                x[b] = (xStart[b] + xEnd[b]) / 2;
            }
            per = Format.period(periods.periodSeconds() * k);
            this.periodLengths = periodLengths;
        }

        /** One metric of one function, merged into this view's bins. */
        double[] values(FunctionData f, Metric m, Binning.Merge how) {
            return merge(c.periods.values(f.name(), m.column()), how);
        }

        /** Per-period values merged into this view's bins. */
        double[] merge(double[] perPeriod, Binning.Merge how) {
            return Binning.merge(perPeriod, k, how, periodLengths);
        }

        XYSeries line(String key, double[] values) {
            XYSeries s = new XYSeries(key, false, true);
            for (int p = 0; p < values.length; p++) {
                s.add(x[p], Double.isFinite(values[p]) ? Double.valueOf(values[p]) : null);
            }
            return s;
        }

        XYIntervalSeries bars(String key, double[] values) {
            XYIntervalSeries s = new XYIntervalSeries(key);
            for (int p = 0; p < values.length; p++) {
                s.add(x[p], xStart[p], xEnd[p], values[p], 0, values[p]);
            }
            return s;
        }
    }

    // ---------------------------------------------------------------- latency over time

    static NamedChart latency(Context c, FunctionData f) {
        double[] perPeriod = c.period.values(f, Metric.INVOCATIONS, Binning.Merge.SUM);
        int busyPeriods = Series.countPositive(perPeriod);
        double perBusyPeriod = busyPeriods == 0 ? 0 : Series.total(perPeriod) / busyPeriods;
        boolean sparse = perBusyPeriod < SPARSE_INVOCATIONS;
        // Percentiles of a period do not merge, so lines keep every period while they are few enough
        // to read; beyond, each bin draws its median period and their range ("banded"). The slowest
        // invocation and cold starts merge exactly (the largest, the sum), so dots and bars take wider bins.
        boolean banded = !sparse && c.binned.k > 1;
        View v = sparse || banded ? c.binned : c.period;
        YIntervalSeriesCollection bandData = null;
        double[] invocations = v.values(f, Metric.INVOCATIONS, Binning.Merge.SUM);
        double[] cold = v.values(f, Metric.COLD_STARTS, Binning.Merge.SUM);
        // Seconds on the axis once latencies reach ten seconds: "900 s", not "900,000 ms".
        boolean seconds = Series.max(v.values(f, Metric.LATENCY_MAX_MS, Binning.Merge.MAX)) >= 10_000;
        double unit = seconds ? 1000 : 1;
        String unitName = seconds ? "s" : "ms";
        double[] p50 = Series.scale(Series.gapsWhereNone(v.values(f, Metric.LATENCY_P50_MS, Binning.Merge.MAX),
                invocations), 1 / unit);
        double[] p99 = Series.scale(Series.gapsWhereNone(v.values(f, Metric.LATENCY_P99_MS, Binning.Merge.MAX),
                invocations), 1 / unit);
        double[] max = Series.scale(Series.gapsWhereNone(v.values(f, Metric.LATENCY_MAX_MS, Binning.Merge.MAX),
                invocations), 1 / unit);
        View barView = c.binned;
        double[] coldBars = barView.values(f, Metric.COLD_STARTS, Binning.Merge.SUM);

        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(!sparse, sparse);
        // One path per series: a day of minutes is one SVG element, not 1,440.
        lr.setDrawSeriesLineAsPath(true);
        if (sparse) {
            // With one or two invocations a period, p50, p99 and max coincide: draw each period's slowest
            // invocation, coloured by whether the period had a cold start.
            double[] withCold = max.clone();
            double[] warmOnly = max.clone();
            for (int p = 0; p < max.length; p++) {
                (cold[p] > 0 ? warmOnly : withCold)[p] = Double.NaN;
            }
            lines.addSeries(v.line("Slowest invocation of each " + v.per + ", a cold start among them", withCold));
            lines.addSeries(v.line("Slowest invocation of each " + v.per + ", all warm", warmOnly));
            lr.setSeriesPaint(0, ChartStyle.ORANGE);
            lr.setSeriesPaint(1, ChartStyle.BLUE);
            lr.setSeriesShape(0, DOT);
            lr.setSeriesShape(1, DOT);
            lr.setDrawOutlines(false);
            lr.setUseFillPaint(false);
        } else if (banded) {
            // Too many periods to draw one by one: per bin, the median period's p50 and p99, the range
            // of the periods' p99 as a band, and the slowest invocation (which merges exactly).
            double[] p50Periods = Series.scale(Series.gapsWhereNone(c.period.values(f, Metric.LATENCY_P50_MS,
                    Binning.Merge.MAX), c.period.values(f, Metric.INVOCATIONS, Binning.Merge.SUM)), 1 / unit);
            double[] p99Periods = Series.scale(Series.gapsWhereNone(c.period.values(f, Metric.LATENCY_P99_MS,
                    Binning.Merge.MAX), c.period.values(f, Metric.INVOCATIONS, Binning.Merge.SUM)), 1 / unit);
            double[][] p99Order = Binning.order(p99Periods, c.binned.k);
            p50 = Binning.order(p50Periods, c.binned.k)[1];
            p99 = p99Order[1];
            lines.addSeries(v.line("p50 (median " + c.period.per + ")", p50));
            lines.addSeries(v.line("max", max));
            lr.setSeriesPaint(0, ChartStyle.BLUE);
            lr.setSeriesStroke(0, ChartStyle.LINE);
            lr.setSeriesPaint(1, ChartStyle.MUTED);
            lr.setSeriesStroke(1, ChartStyle.THIN_LINE);
            YIntervalSeries band = new YIntervalSeries("p99 (median " + c.period.per + "; band: fastest to slowest "
                    + c.period.per + ")", false, true);
            for (int b = 0; b < p99.length; b++) {
                if (Double.isFinite(p99[b])) {
                    band.add(v.x[b], p99[b], p99Order[0][b], p99Order[2][b]);
                }
            }
            bandData = new YIntervalSeriesCollection();
            bandData.addSeries(band);
        } else {
            lines.addSeries(v.line("p50", p50));
            lines.addSeries(v.line("p99", p99));
            lines.addSeries(v.line("max", max));
            Color[] colours = {ChartStyle.BLUE, ChartStyle.ORANGE, ChartStyle.MUTED};
            for (int i = 0; i < colours.length; i++) {
                lr.setSeriesPaint(i, colours[i]);
                lr.setSeriesStroke(i, i == 2 ? ChartStyle.THIN_LINE : ChartStyle.LINE);
            }
        }
        double top = Series.max(max);
        double bottom = Series.minPositive(sparse ? max : p50);
        boolean log = top > 0 && bottom > 0 && top / bottom > LOG_SCALE_RATIO;
        ValueAxis y = log
                ? new LogAxis125("Latency (" + unitName + ", log scale)", Ticks.niceFloor(bottom * 0.9),
                        Ticks.niceCeil(top * 1.1))
                : ChartStyle.numberAxis("Latency (" + unitName + ")", Ticks.fromZero(top, 0.08, 8), "");
        XYPlot plot = new XYPlot(lines, ChartStyle.timeAxis(c.scale), y, lr);
        // The first series is drawn on top: p50 over p99 over max.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
        if (bandData != null) {
            DeviationRenderer dr = new DeviationRenderer(true, false);
            dr.setSeriesPaint(0, ChartStyle.ORANGE);
            dr.setSeriesFillPaint(0, ChartStyle.ORANGE);
            dr.setAlpha(0.28f);
            dr.setSeriesStroke(0, ChartStyle.LINE);
            dr.setDrawSeriesLineAsPath(true);
            plot.setDataset(2, bandData);
            plot.setRenderer(2, dr);
        }
        if (!sparse && Series.total(coldBars) > 0) {
            // Cold starts as bars behind the lines, on a second axis.
            rightAxisBars(plot, barView, "Cold starts per " + barView.per + " (right axis)",
                    "Cold starts per " + barView.per, coldBars, ChartStyle.translucent(ChartStyle.PURPLE, 0.45));
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        String title = f.name() + ": latency seen by callers";
        String overall = "over the run p50 " + Format.ms(f.latencyMs().p50()) + ", p99 " + Format.ms(f.latencyMs().p99())
                + ", max " + Format.ms(f.latencyMs().max()) + "; " + Format.count(f.coldStarts()) + " cold starts ("
                + Format.percent(f.coldStarts(), f.invocations()) + ")";
        String subtitle = sparse
                ? Format.count(f.invocations()) + " invocations in " + Format.count(busyPeriods) + " of the "
                        + Format.count(c.periods.periods()) + " periods of " + (c.period.per.matches("[0-9].*") ? ""
                        : "a ") + c.period.per + " (" + Format.number(perBusyPeriod, 1) + " in each); one dot per "
                        + v.per + "; " + overall
                : banded ? "p50 and p99 of the median " + c.period.per + " of each " + v.per + " (band: p99's range), "
                        + "maximum per " + v.per + "; " + overall
                : "p50, p99 and maximum per " + v.per + "; " + overall;
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, subtitle);
        String caption = sparse
                ? "What callers wait (init on a cold start, plus the handler's duration). The function is called too "
                        + "rarely for percentiles per " + c.period.per + ", so each dot is the slowest invocation of "
                        + "its " + v.per + ": orange when a cold start was among them, blue when all found a warm "
                        + "environment. The distribution chart below compares the two groups."
                : "What callers wait (init on a cold start, plus the handler's duration) in each " + v.per
                        + " of the run; periods without invocations are left blank."
                        + (banded ? " Percentiles of " + c.period.per + "s do not add up into longer bins, so each bin "
                        + "shows its median " + c.period.per + "'s p50 and p99, the band spans its fastest to its slowest "
                        + c.period.per + "'s p99 (metrics.csv has every " + c.period.per + "), and the maximum is the "
                        + "bin's slowest invocation." : "") + " The bars count the cold "
                        + "starts of each " + barView.per + " (right axis): each adds its init duration to what one "
                        + "caller waits, so they lift the maximum, and the p99 when they are many.";
        return new NamedChart("latency-" + f.name(), title, caption, chart);
    }

    private static XYBarRenderer bars(Color fill) {
        XYBarRenderer r = new XYBarRenderer(0.0);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setSeriesPaint(0, fill);
        r.setDefaultLegendShape(ChartStyle.SWATCH);
        return r;
    }

    // ---------------------------------------------------------------- latency distribution

    static NamedChart latencyDistribution(FunctionData f) {
        LatencyHistogram warm = f.latencyWarm();
        LatencyHistogram cold = f.latencyCold();
        String title = f.name() + ": latency of warm and cold starts";
        double min = Double.MAX_VALUE;
        double max = 0;
        for (LatencyHistogram h : new LatencyHistogram[] {warm, cold}) {
            if (h.totalCount() > 0) {
                min = Math.min(min, Math.max(h.valueMicros(0), 1) / 1000.0);
                max = Math.max(max, h.valueMicros(h.size() - 1) / 1000.0);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        // The same series again for the outlines: XYPlot finds a dataset's renderer by the dataset's first index.
        XYSeriesCollection outlines = new XYSeriesCollection();
        XYStepAreaRenderer r = new XYStepAreaRenderer(XYStepAreaRenderer.AREA);
        r.setRangeBase(0);
        r.setDefaultLegendShape(ChartStyle.SWATCH);
        // The area renderer outlines in the plot's colour: a step line on top draws each group's outline.
        org.jfree.chart.renderer.xy.XYStepRenderer outline = new org.jfree.chart.renderer.xy.XYStepRenderer();
        outline.setDefaultSeriesVisibleInLegend(false);
        double top = 0;
        double lower = 1;
        double upper = 10;
        if (max > 0) {
            double[] edges = LogBins.edges(min, max, HISTOGRAM_BINS_PER_DECADE);
            lower = Ticks.niceFloor(edges[0]);
            upper = Ticks.niceCeil(edges[edges.length - 1]);
            int series = 0;
            Object[][] groups = {{"Warm starts", warm, ChartStyle.BLUE}, {"Cold starts", cold, ChartStyle.ORANGE}};
            for (Object[] g : groups) {
                LatencyHistogram h = (LatencyHistogram) g[1];
                if (h.totalCount() == 0) {
                    continue;
                }
                double[] shares = LogBins.shares(h, 1e-3, edges);
                XYSeries s = new XYSeries(g[0] + ": " + Format.count(h.totalCount()) + " invocations, p50 "
                        + Format.ms(h.percentileMicros(50) / 1000.0) + ", p99 " + Format.ms(h.percentileMicros(99) / 1000.0),
                        false, true);
                for (int b = 0; b < shares.length; b++) {
                    s.add(edges[b], 100 * shares[b]);
                    top = Math.max(top, 100 * shares[b]);
                }
                s.add(edges[edges.length - 1], 100 * shares[shares.length - 1]);
                data.addSeries(s);
                outlines.addSeries(s);
                Color colour = (Color) g[2];
                r.setSeriesPaint(series, ChartStyle.translucent(colour, 0.35));
                outline.setSeriesPaint(series, colour);
                outline.setSeriesStroke(series, ChartStyle.LINE);
                series++;
            }
        }
        LogAxis125 x = new LogAxis125("Latency seen by the caller (ms, log scale)", lower, upper);
        NumberAxis y = ChartStyle.numberAxis("Share of the group's invocations (%)", Ticks.fromZero(top, 0.1, 8), "");
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDataset(1, outlines);
        plot.setRenderer(1, outline);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        String subtitle = f.invocations() == 0 ? "No invocations"
                : "Each bar spans a factor of " + Format.number(Math.pow(10, 1.0 / HISTOGRAM_BINS_PER_DECADE), 2)
                        + " in latency; each group's bars add up to 100%"
                        + (cold.totalCount() == 0 ? "; no cold starts" : "");
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, subtitle);
        return new NamedChart("latency-distribution-" + f.name(), title,
                "How latency is spread for invocations that found a warm environment and for those that waited "
                        + "for a new one, each as a share of its own group so that a few cold starts stay visible "
                        + "beside many warm ones. The latency axis is logarithmic.", chart);
    }

    // ---------------------------------------------------------------- concurrency

    static NamedChart concurrency(Context c, FunctionData f) {
        View v = c.binned;
        double[] peak = v.values(f, Metric.CONCURRENT_EXECUTIONS, Binning.Merge.MAX);
        double[] mean = v.values(f, Metric.CONCURRENCY_AVG, Binning.Merge.MEAN);
        double[] alive = v.values(f, Metric.ENVIRONMENTS_ALIVE_AVG, Binning.Merge.MEAN);
        double[] provisioned = v.values(f, Metric.PROVISIONED_CONCURRENCY, Binning.Merge.MAX);
        double[] throttles = v.values(f, Metric.THROTTLES, Binning.Merge.SUM);
        boolean hasProvisioned = f.provisionedConcurrency() > 0 || Series.max(provisioned) > 0;

        XYSeriesCollection lines = new XYSeriesCollection();
        List<Color> colours = new ArrayList<>();
        lines.addSeries(v.line("Concurrent executions (max per " + v.per + ")", peak));
        colours.add(ChartStyle.BLUE);
        lines.addSeries(v.line("Concurrency (mean)", mean));
        colours.add(ChartStyle.SKY_BLUE);
        lines.addSeries(v.line("Environments alive (mean)", alive));
        colours.add(ChartStyle.GREEN);
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        // One path per series: a day of minutes is one SVG element, not 1,440.
        lr.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < colours.size(); i++) {
            lr.setSeriesPaint(i, colours.get(i));
            lr.setSeriesStroke(i, i == 1 ? ChartStyle.DASHED_LINE : ChartStyle.LINE);
        }
        double top = Math.max(Series.max(peak), Math.max(Series.max(alive), Series.max(provisioned)));
        List<Limit> limits = new ArrayList<>();
        if (f.reservedConcurrency() != null) {
            limits.add(new Limit(f.reservedConcurrency(), "Reserved concurrency", ChartStyle.BLACK));
        }
        Integer account = c.data.run().accountConcurrencyLimit();
        if (account != null) {
            limits.add(new Limit(account, c.data.functions().size() > 1 ? "Account concurrency limit (all functions)"
                    : "Account concurrency limit", ChartStyle.VERMILLION));
        }
        // A limit far above the data would squash the data into a line at the bottom: name it instead.
        List<String> offScale = new ArrayList<>();
        double dataTop = top;
        for (Limit l : List.copyOf(limits)) {
            if (dataTop > 0 && l.value() <= LIMIT_IN_VIEW * dataTop) {
                top = Math.max(top, l.value());
            } else {
                offScale.add(l.label().toLowerCase(java.util.Locale.ROOT) + " " + Format.number(l.value(), 0));
                limits.remove(l);
            }
        }
        XYPlot plot = new XYPlot(lines, ChartStyle.timeAxis(c.scale),
                ChartStyle.numberAxis("Concurrent executions, environments", Ticks.fromZero(top, 0.1, 8), ""), lr);
        for (Limit l : limits) {
            plot.addRangeMarker(ChartStyle.limitLine(l.value(), l.label() + " " + Format.number(l.value(), 0),
                    l.colour()));
        }
        double totalThrottles = Series.total(throttles);
        if (totalThrottles > 0) {
            rightAxisBars(plot, v, "Throttles per " + v.per + " (right axis)", "Throttles per " + v.per, throttles,
                    ChartStyle.translucent(ChartStyle.VERMILLION, 0.25));
        }
        if (hasProvisioned) {
            // A configured level holds for the whole period: a step, not a slope between midpoints.
            XYSeries level = new XYSeries("Provisioned concurrency", false, true);
            for (int b = 0; b < provisioned.length; b++) {
                level.add(v.xStart[b], provisioned[b]);
            }
            level.add(v.xEnd[provisioned.length - 1], provisioned[provisioned.length - 1]);
            org.jfree.chart.renderer.xy.XYStepRenderer step = new org.jfree.chart.renderer.xy.XYStepRenderer();
            step.setSeriesPaint(0, ChartStyle.PURPLE);
            step.setSeriesStroke(0, ChartStyle.DASHED_LINE);
            plot.setDataset(2, new XYSeriesCollection(level));
            plot.setRenderer(2, step);
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        String title = f.name() + ": concurrency and execution environments";
        StringBuilder sub = new StringBuilder("Concurrency mean " + Format.level(f.concurrencyMean()) + ", max "
                + Format.count(f.concurrencyMax()) + "; " + Format.count(f.environmentsCreated())
                + " environments created, " + Format.level(f.environmentsMeanAlive()) + " alive on average; "
                + (f.throttles() == 0 ? "no throttles" : Format.count(f.throttles()) + " throttles ("
                + Format.percent(f.throttles(), f.requests()) + " of requests)"));
        if (!offScale.isEmpty()) {
            sub.append("; off the scale: ").append(String.join(", ", offScale));
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, sub.toString());
        return new NamedChart("concurrency-" + f.name(), title,
                "Requests in flight (the most at once in each " + v.per + ", and the time-weighted mean), and the "
                        + "execution environments Lambda keeps alive, busy or idle: the gap between them is warm "
                        + "capacity waiting to be reused or reclaimed. Dashed horizontal lines are the limits that "
                        + "apply; bars, when present, count throttled requests (429).", chart);
    }

    private record Limit(double value, String label, Color colour) {
    }

    /** Counts per bin as translucent bars behind a chart's lines, on an axis of their own at the right. */
    static void rightAxisBars(XYPlot plot, View v, String legend, String axisLabel, double[] values, Color colour) {
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(v.bars(legend, values));
        plot.setDataset(1, bars);
        XYBarRenderer renderer = bars(colour);
        plot.setRenderer(1, renderer);
        // One storm (the start of a run, a spike) would flatten every other bar to a pixel: the axis
        // then stops at a few times the usual bar, and each bar past it is labelled with its count.
        double max = Series.max(values);
        double[] positive = java.util.Arrays.stream(values).filter(x -> x > 0).sorted().toArray();
        double usual = positive.length == 0 ? 0 : positive[(int) Math.floor(0.9 * (positive.length - 1))];
        double top = max;
        if (positive.length >= 5 && max > 6 * usual) {
            top = Math.max(4 * usual, 2);
            for (int b = 0; b < values.length; b++) {
                if (values[b] > top) {
                    XYTextAnnotation label = new XYTextAnnotation("\u2191 " + Format.count(Math.round(values[b])), v.x[b],
                            top * 0.97);
                    label.setFont(ChartStyle.ITEM_LABEL);
                    label.setPaint(ChartStyle.INK);
                    label.setTextAnchor(TextAnchor.TOP_LEFT);
                    renderer.addAnnotation(label);
                }
            }
            axisLabel = axisLabel + ", cut";
        }
        plot.setRangeAxis(1, ChartStyle.numberAxis(axisLabel, Ticks.countsFromZero(top, 0.1, 8), ""));
        plot.mapDatasetToRangeAxis(1, 1);
    }

    // ---------------------------------------------------------------- invocations, errors, throttles

    static NamedChart invocations(Context c, FunctionData f) {
        View v = c.binned;
        double[] invocations = v.values(f, Metric.INVOCATIONS, Binning.Merge.SUM);
        double[] errors = v.values(f, Metric.ERRORS, Binning.Merge.SUM);
        double[] throttles = v.values(f, Metric.THROTTLES, Binning.Merge.SUM);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(v.line("Invocations", invocations));
        lines.addSeries(v.line("Errors", errors));
        lines.addSeries(v.line("Throttles", throttles));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // One path per series: a day of minutes is one SVG element, not 1,440.
        r.setDrawSeriesLineAsPath(true);
        Color[] colours = {ChartStyle.BLUE, ChartStyle.PURPLE, ChartStyle.VERMILLION};
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesPaint(i, colours[i]);
            r.setSeriesStroke(i, ChartStyle.LINE);
        }
        double top = Math.max(Series.max(invocations), Math.max(Series.max(errors), Series.max(throttles)));
        XYPlot plot = new XYPlot(lines, ChartStyle.timeAxis(c.scale),
                ChartStyle.numberAxis("Count per " + v.per, Ticks.fromZero(top, 0.08, 8), ""), r);
        String title = f.name() + ": invocations, errors and throttles per " + v.per;
        String subtitle = Format.count(f.requests(), "request", "requests") + ": "
                + Format.count(f.invocations(), "invocation", "invocations") + ", "
                + Format.count(f.errors(), "error", "errors") + " (" + Format.count(f.timeouts(), "timeout", "timeouts")
                + "), " + Format.count(f.throttles(), "throttle", "throttles") + (f.inFlightAtEnd() > 0
                ? ", " + Format.count(f.inFlightAtEnd()) + " still running at the end" : "");
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, subtitle);
        return new NamedChart("invocations-" + f.name(), title,
                "CloudWatch's Invocations, Errors and Throttles: invocations are counted in the " + v.per
                        + " they complete, throttles (requests refused with 429) in the " + v.per + " they arrive.",
                chart);
    }

    // ---------------------------------------------------------------- asynchronous events

    /** Whether a function received asynchronous events: those get a chart of their queue. */
    public static boolean receivedEvents(FunctionData f) {
        return f.eventsReceived() > 0;
    }

    /**
     * A function's asynchronous events over time, in three panels on one time axis: events
     * received, retried and dropped per bin; the events waiting in its queue; and how long events
     * had waited when an attempt started (the oldest and the mean).
     */
    static NamedChart events(Context c, FunctionData f) {
        View v = c.binned;
        double[] received = v.values(f, Metric.ASYNC_EVENTS_RECEIVED, Binning.Merge.SUM);
        double[] retries = v.values(f, Metric.ASYNC_RETRIES, Binning.Merge.SUM);
        double[] dropped = v.values(f, Metric.ASYNC_EVENTS_DROPPED, Binning.Merge.SUM);
        double[] waiting = v.values(f, Metric.ASYNC_EVENTS_WAITING_AVG, Binning.Merge.MEAN);
        // A mean age does not merge across periods: the ages keep every period, as latency does.
        View p = c.period;
        double[] invocations = p.values(f, Metric.INVOCATIONS, Binning.Merge.SUM);
        double[] ageMax = Series.gapsWhereNone(p.values(f, Metric.ASYNC_EVENT_AGE_MAX_MS, Binning.Merge.MAX), invocations);
        double[] ageMean = Series.gapsWhereNone(p.values(f, Metric.ASYNC_EVENT_AGE_AVG_MS, Binning.Merge.MAX),
                invocations);
        double oldest = Series.max(ageMax);
        double unit = oldest >= 120_000 ? 60_000 : oldest >= 10_000 ? 1000 : 1;
        String unitName = unit == 60_000 ? "min" : unit == 1000 ? "s" : "ms";

        XYSeriesCollection counts = new XYSeriesCollection();
        counts.addSeries(v.line("Events received", received));
        double fewTop = Math.max(Series.max(retries), Series.max(dropped));
        // Retries and drops a tenth of the arrivals or fewer would lie flat at zero: they get an axis of their own.
        boolean ownAxis = fewTop > 0 && fewTop < 0.1 * Series.max(received);
        XYSeriesCollection few = ownAxis ? new XYSeriesCollection() : counts;
        String right = ownAxis ? " (right axis)" : "";
        few.addSeries(v.line("Retries after an error" + right, retries));
        few.addSeries(v.line("Events dropped" + right, dropped));
        XYPlot top = new XYPlot(counts, null, ChartStyle.numberAxis("Received per " + v.per, Ticks.fromZero(ownAxis
                ? Series.max(received) : Math.max(Series.max(received), fewTop), 0.1, 5), ""),
                ownAxis ? lines(ChartStyle.BLUE) : lines(ChartStyle.BLUE, ChartStyle.PURPLE, ChartStyle.VERMILLION));
        if (ownAxis) {
            top.setDataset(1, few);
            top.setRenderer(1, lines(ChartStyle.PURPLE, ChartStyle.VERMILLION));
            top.setRangeAxis(1, ChartStyle.numberAxis("Retried, dropped", Ticks.fromZero(fewTop, 0.1, 5), ""));
            top.mapDatasetToRangeAxis(1, 1);
        }

        XYSeriesCollection queue = new XYSeriesCollection();
        queue.addSeries(v.line("Events waiting in the queue (mean)", waiting));
        XYPlot middle = new XYPlot(queue, null, ChartStyle.numberAxis("Waiting", Ticks.fromZero(Series.max(waiting),
                0.1, 4), ""), lines(ChartStyle.GREEN));

        XYSeriesCollection ages = new XYSeriesCollection();
        ages.addSeries(p.line("Oldest event at an attempt", Series.scale(ageMax, 1 / unit)));
        ages.addSeries(p.line("Mean age at an attempt", Series.scale(ageMean, 1 / unit)));
        XYLineAndShapeRenderer ar = lines(ChartStyle.ORANGE, ChartStyle.SKY_BLUE);
        ar.setSeriesStroke(1, ChartStyle.DASHED_LINE);
        XYPlot bottom = new XYPlot(ages, null, ChartStyle.numberAxis("Age (" + unitName + ")",
                Ticks.fromZero(oldest / unit, 0.1, 4), ""), ar);

        org.jfree.chart.plot.CombinedDomainXYPlot plot = new org.jfree.chart.plot.CombinedDomainXYPlot(
                ChartStyle.timeAxis(c.scale));
        plot.setGap(16);
        for (XYPlot panel : List.of(top, middle, bottom)) {
            plot.add(panel, 1);
            ChartStyle.style(panel);
        }
        String title = f.name() + ": asynchronous events";
        String subtitle = Format.count(f.eventsReceived()) + " events received, " + Format.count(f.eventRetries())
                + " retries after errors, " + Format.count(f.eventsDropped()) + " dropped ("
                + Format.percent(f.eventsDropped(), f.eventsReceived()) + "); waiting mean "
                + Format.level(f.eventsWaitingMean()) + ", max " + Format.count(f.eventsWaitingMax())
                + "; oldest at an attempt " + age(f.eventAgeMaxMs());
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, subtitle);
        return new NamedChart("events-" + f.name(), title,
                "The function's queue of asynchronous events (Lambda's internal queue), in the manner of CloudWatch's "
                        + "AsyncEventsReceived, AsyncEventsDropped and AsyncEventAge. Top: events received per " + v.per
                        + " (counted when they reach the queue), attempts retried after a function error or timeout "
                        + "(a throttled attempt is not counted: the event goes back to the queue), and events given up "
                        + "past their maximum age or retries. Middle: the events waiting in the queue, for capacity or "
                        + "a retry (time-weighted mean per " + v.per + "). Bottom: how long events had waited when an "
                        + "attempt started, the oldest and the mean of each " + p.per + "; blank where nothing ran.",
                chart);
    }

    /** An event's age: {@code 340 ms}, {@code 45.2 s}, {@code 29.5 min}. */
    private static String age(double ms) {
        return ms >= 120_000 ? Format.number(ms / 60_000, 1) + " min" : Format.ms(ms);
    }

    static XYLineAndShapeRenderer lines(Color... colours) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesPaint(i, colours[i]);
            r.setSeriesStroke(i, ChartStyle.LINE);
        }
        return r;
    }

    // ---------------------------------------------------------------- cost

    static NamedChart costOverTime(Context c) {
        ReportData d = c.data;
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        StackedXYAreaRenderer2 r = new StackedXYAreaRenderer2();
        r.setLegendArea(ChartStyle.SWATCH);
        List<String> parts = new ArrayList<>();
        List<CostComponent> charged = new ArrayList<>();
        List<double[]> perPeriod = new ArrayList<>();
        double[] rest = null;
        // The charges without a column of their own (the front door, SnapStart) share what CostUsd
        // holds beyond the others, in the bill's proportions (the residue of uncharged ones is rounding).
        BigDecimal unlisted = BigDecimal.ZERO;
        for (CostComponent component : CostComponent.values()) {
            if (component.column() == null && component != CostComponent.SAVINGS_PLAN
                    && d.periodCost().exactUsd().get(component).signum() > 0) {
                unlisted = unlisted.add(d.periodCost().exactUsd().get(component));
            }
        }
        for (CostComponent component : CostComponent.values()) {
            double[] values;
            if (component.column() != null) {
                values = c.periods.accountValues(component.column());
                rest = rest == null ? values : Series.sum(rest, values);
            } else if (d.savingsPlan() != null) {
                continue; // the front door and the plan share CostUsd's rest: the plan's chart has its hours
            } else {
                BigDecimal charge = d.periodCost().exactUsd().get(component);
                if (charge.signum() <= 0) {
                    continue;
                }
                values = Series.sum(c.periods.accountValues("CostUsd"), Series.scale(rest, -1));
                double share = charge.doubleValue() / unlisted.doubleValue();
                for (int p = 0; p < values.length; p++) {
                    values[p] = Math.max(0, values[p]) * share; // max: rounding noise of the other shares
                }
            }
            if (Series.total(values) > 1e-9) {
                charged.add(component);
                perPeriod.add(values);
            }
        }
        for (int i = 0; i < charged.size(); i++) {
            CostComponent component = charged.get(i);
            parts.add(inSentence(component.label()) + " "
                    + Format.usdExact(d.periodCost().exactUsd().get(component)));
            // A cumulative curve is exact at the end of any bin: wider bins lose nothing but detail.
            double[] cumulative = Series.cumulative(c.binned.merge(perPeriod.get(i), Binning.Merge.SUM));
            XYSeries s = new XYSeries(component.label(), false, false);
            s.add(0.0, 0.0);
            for (int p = 0; p < cumulative.length; p++) {
                s.add(c.binned.xEnd[p], cumulative[p]);
            }
            data.addSeries(s);
            r.setSeriesPaint(i, costColour(component));
        }
        double total = 0;
        for (int i = 0; i < data.getItemCount(); i++) {
            double y = 0;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                y += data.getYValue(s, i);
            }
            total = Math.max(total, y);
        }
        XYPlot plot = new XYPlot(data, ChartStyle.timeAxis(c.scale),
                ChartStyle.numberAxis("Cumulative cost (USD)", Ticks.fromZero(total, 0.08, 8), "$"), r);
        String run = Format.duration(d.run().simulatedSeconds());
        String month = Format.number(d.run().monthHours(), 0) + " h month";
        plot.setNoDataMessage("No charges: the free tier covers this run");
        plot.setNoDataMessageFont(ChartStyle.TITLE.deriveFont(java.awt.Font.PLAIN, 22f));
        plot.setNoDataMessagePaint(ChartStyle.MUTED);
        String subtitle = charged.isEmpty()
                ? "The free tier covers this run of " + run + " (projected " + Format.usd(d.monthCost().costUsd().total())
                        + " per " + month + ")"
                : Format.usdExact(d.periodCost().exactUsd().total()) + " for the " + run + " run (" + String.join(", ", parts)
                + ") before rounding to cents; projected " + Format.usd(d.monthCost().costUsd().total()) + " per " + month;
        if (d.savingsPlan() != null) {
            BigDecimal plan = d.periodCost().exactUsd().get(CostComponent.SAVINGS_PLAN);
            subtitle += "; drawn: the on-demand charges, without the Savings Plan's "
                    + (plan.signum() < 0 ? "-" : "") + Format.usdExact(plan.abs()) + " (its own chart)";
        }
        String title = "Cost of the run, cumulative, by component";
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, !charged.isEmpty());
        ChartStyle.apply(chart, subtitle);
        return new NamedChart("cost-over-time", title,
                "The run's bill as it accrues" + (d.functions().size() > 1 ? " (all functions)" : "")
                        + ": each period's share of each charge (metrics.csv's Cost*Usd columns), added up. The free "
                        + "tier and the price tiers are monthly, so they are pro-rated over the run: the curve ends "
                        + "at the run's bill, which is the monthly projection scaled to the run's length.", chart);
    }

    /** A label within a sentence: its first letter lower case, but a name's (SnapStart) kept. */
    static String inSentence(String label) {
        int space = label.indexOf(' ');
        String first = space < 0 ? label : label.substring(0, space);
        boolean name = first.chars().skip(1).anyMatch(Character::isUpperCase);
        return name ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** Labels each bar with its total (all functions), at its end: only the last item with a value gets a label. */
    private static final class TotalLabels implements org.jfree.chart.labels.CategoryItemLabelGenerator,
            java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String generateRowLabel(org.jfree.data.category.CategoryDataset dataset, int row) {
            return null;
        }

        @Override
        public String generateColumnLabel(org.jfree.data.category.CategoryDataset dataset, int column) {
            return null;
        }

        @Override
        public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
            // On the last row with a value in this bar: a zero item is drawn at the bar's base, not its end.
            int last = -1;
            double total = 0;
            for (int r = 0; r < dataset.getRowCount(); r++) {
                Number v = dataset.getValue(r, column);
                total += v == null ? 0 : v.doubleValue();
                if (v != null && v.doubleValue() != 0) {
                    last = r;
                }
            }
            return row != (last < 0 ? dataset.getRowCount() - 1 : last) ? null : ChartStyle.format("$", 2).format(total);
        }
    }

    private static Color costColour(CostComponent c) {
        return switch (c) {
            case REQUESTS -> ChartStyle.SKY_BLUE;
            case COMPUTE -> ChartStyle.BLUE;
            case PROVISIONED -> ChartStyle.PURPLE;
            case PROVISIONED_COMPUTE -> ChartStyle.GREEN;
            case EPHEMERAL_STORAGE -> ChartStyle.ORANGE;
            case FRONT_DOOR -> ChartStyle.VERMILLION;
            case SNAP_START -> ChartStyle.YELLOW;
            case SAVINGS_PLAN -> ChartStyle.BLACK;
        };
    }

    static NamedChart costBreakdown(ReportData d) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double top = 0;
        List<FunctionData> byCost = d.byMonthlyCost();
        int named = byCost.size() <= STACKED_FUNCTIONS + 1 ? byCost.size() : STACKED_FUNCTIONS;
        String others = Format.count(byCost.size() - named) + " other functions";
        for (CostComponent component : CostComponent.values()) {
            boolean charged = byCost.stream().anyMatch(f -> f.monthCost().costUsd().get(component).signum() != 0);
            if (component == CostComponent.SAVINGS_PLAN) {
                continue; // a credit more often than a charge: in the subtitle, and in its own chart
            }
            if (!charged && component != CostComponent.REQUESTS && component != CostComponent.COMPUTE) {
                continue; // a charge the scenario does not incur (provisioned concurrency, extra /tmp) has no row
            }
            double sum = 0;
            double rest = 0;
            for (int i = 0; i < byCost.size(); i++) {
                double v = byCost.get(i).monthCost().costUsd().get(component).doubleValue();
                if (i < named) {
                    data.addValue(v, byCost.get(i).name(), component.label());
                } else {
                    rest += v;
                }
                sum += v;
            }
            if (named < byCost.size()) {
                data.addValue(rest, others, component.label());
            }
            top = Math.max(top, sum);
        }
        boolean stacked = d.functions().size() > 1;
        BarRenderer r = stacked ? new StackedBarRenderer() : new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.12);
        r.setItemMargin(0);
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, !stacked ? ChartStyle.BLUE : data.getRowKey(i).equals(others) ? ChartStyle.MUTED
                    : ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
        }
        r.setDefaultItemLabelGenerator(new TotalLabels());
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL);
        r.setDefaultItemLabelPaint(ChartStyle.INK);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelInsets(new org.jfree.chart.ui.RectangleInsets(6, 6, 6, 6));
        CategoryAxis categories = new CategoryAxis(null);
        categories.setCategoryMargin(0.25);
        NumberAxis values = ChartStyle.numberAxis("USD a month if this run repeated all month ("
                + Format.number(d.run().monthHours(), 0) + " h)",
                Ticks.fromZero(top, 0.18, 8), "$");
        CategoryPlot plot = new CategoryPlot(data, categories, values, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        r.setDefaultLegendShape(ChartStyle.SWATCH);
        String title = "Monthly bill by component, if this run repeated all month";
        BigDecimal saved = d.monthCost().freeTierSavedUsd();
        String subtitle = "Total " + Format.usd(d.monthCost().costUsd().total()) + " per "
                + Format.number(d.run().monthHours(), 0) + " h month at this run's traffic, each component rounded to "
                + "cents" + (saved.signum() > 0 ? "; the free tier saves " + Format.usd(saved) : "")
                + (d.savingsPlan() == null ? "" : "; the total includes the Savings Plan's " + signedUsd(d.monthCost()
                .costUsd().get(CostComponent.SAVINGS_PLAN)) + ", drawn in its own chart");
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, stacked);
        ChartStyle.apply(chart, subtitle);
        return new NamedChart("cost-breakdown", title,
                "The run's usage projected to a billing month, then priced: what each kind of charge adds to the "
                        + "monthly bill" + (stacked ? ", stacked by function" + (named < byCost.size()
                        ? " (the " + named + " costliest, then all others together)" : "") : "")
                        + ". The bill's arithmetic is below.", chart);
    }

    private static String signedUsd(BigDecimal v) {
        return (v.signum() < 0 ? "-" : "") + Format.usd(v.abs());
    }

    /**
     * The Compute Savings Plan hour by hour: each hour's eligible charges at on-demand rates (the
     * part the commitment covered, and the overflow billed on demand), against what the commitment
     * covers an hour at on-demand rates.
     */
    static NamedChart savingsPlan(Context c) {
        ReportData d = c.data;
        ReportData.SavingsPlanData p = d.savingsPlan();
        double cover = p.coverPerHour();
        XYIntervalSeries covered = new XYIntervalSeries("Covered by the commitment");
        XYIntervalSeries overflow = new XYIntervalSeries("Overflow, billed on demand");
        double top = cover;
        for (ReportData.PlanHour h : p.hours()) {
            double x0 = c.scale.toUnit(h.startSeconds());
            double x1 = c.scale.toUnit(h.startSeconds() + h.lengthSeconds());
            // Per hour: a shorter last hour is drawn at its hourly rate.
            double perHour = 3600 / h.lengthSeconds();
            double cov = h.coveredUsd() * perHour;
            double all = h.eligibleUsd() * perHour;
            covered.add((x0 + x1) / 2, x0, x1, cov, 0, cov);
            overflow.add((x0 + x1) / 2, x0, x1, all, cov, all);
            top = Math.max(top, all);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(covered);
        data.addSeries(overflow);
        XYBarRenderer r = new XYBarRenderer();
        r.setUseYInterval(true);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMargin(0.1);
        r.setSeriesPaint(0, ChartStyle.BLUE);
        r.setSeriesPaint(1, ChartStyle.VERMILLION);
        r.setDefaultLegendShape(ChartStyle.SWATCH);
        XYPlot plot = new XYPlot(data, ChartStyle.timeAxis(c.scale),
                ChartStyle.numberAxis("Eligible charges per hour at on-demand rates (USD)", Ticks.fromZero(top, 0.12, 8),
                        "$"), r);
        String commitment = (p.commitmentPerHour().stripTrailingZeros().scale() <= 2 ? Format.usd(p.commitmentPerHour())
                : Format.usdExact(p.commitmentPerHour())) + "/h";
        String percent = Format.number(p.discount().doubleValue() * 100, 0) + "%";
        plot.addRangeMarker(ChartStyle.limitLine(cover, "Commitment " + commitment + " covers "
                + Format.usdExact(BigDecimal.valueOf(cover)) + "/h at on-demand rates (" + percent + " off)",
                ChartStyle.INK));
        var m = p.month();
        String subtitle = "A month of these hours: commitment " + Format.usd(m.get("commitmentUsd")) + " (used "
                + Format.usd(m.get("usedUsd")) + ", unused " + Format.usd(m.get("unusedUsd")) + "), overflow "
                + Format.usd(m.get("overflowUsd")) + "; " + (m.get("savingUsd").signum() >= 0 ? "saves "
                + Format.usd(m.get("savingUsd")) : "costs " + Format.usd(m.get("savingUsd").negate()) + " more")
                + " against " + Format.usd(m.get("eligibleUsd")) + " on demand";
        String title = "Compute Savings Plan, hour by hour";
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, subtitle);
        return new NamedChart("savings-plan", title,
                "Each hour's charges a Compute Savings Plan covers (on-demand and provisioned duration, provisioned "
                        + "concurrency; after the free tier), at on-demand rates. Below the line the commitment pays "
                        + "for them at its discount; bars short of the line leave commitment unused (charged anyway); "
                        + "what rises above is billed on demand. The month repeats the run's hours.", chart);
    }

    /** Functions stacked one colour each in the bill by component; the rest share one. */
    static final int STACKED_FUNCTIONS = 8;

    // ---------------------------------------------------------------- the account

    /**
     * The account's concurrency against its limit: the most requests in flight at once over every
     * function in each bin and their time-weighted mean, the account's concurrency limit, and the
     * requests throttled over every function as bars.
     */
    static NamedChart accountConcurrency(Context c) {
        View v = c.binned;
        ReportData d = c.data;
        double[] peak = v.merge(d.account().periodConcurrencyMax(), Binning.Merge.MAX);
        double[] mean = v.merge(d.account().periodConcurrencyAvg(), Binning.Merge.MEAN);
        double[] throttles = v.merge(c.periods.accountValues(Metric.THROTTLES.column()), Binning.Merge.SUM);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(v.line("Concurrent executions, all functions (max per " + v.per + ")", peak));
        lines.addSeries(v.line("Concurrency, all functions (mean)", mean));
        XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
        // One path per series: a day of minutes is one SVG element, not 1,440.
        lr.setDrawSeriesLineAsPath(true);
        lr.setSeriesPaint(0, ChartStyle.BLUE);
        lr.setSeriesStroke(0, ChartStyle.LINE);
        lr.setSeriesPaint(1, ChartStyle.SKY_BLUE);
        lr.setSeriesStroke(1, ChartStyle.DASHED_LINE);
        double top = Math.max(1, Series.max(peak));
        Integer limit = d.run().accountConcurrencyLimit();
        String offScale = "";
        if (limit != null && limit <= LIMIT_IN_VIEW * top) {
            top = Math.max(top, limit);
        } else if (limit != null) {
            offScale = "; the account's limit, " + Format.count(limit) + ", is off the scale";
        }
        XYPlot plot = new XYPlot(lines, ChartStyle.timeAxis(c.scale),
                ChartStyle.numberAxis("Concurrent executions", Ticks.fromZero(top, 0.1, 8), ""), lr);
        if (limit != null && offScale.isEmpty()) {
            plot.addRangeMarker(ChartStyle.limitLine(limit, "Account concurrency limit " + Format.count(limit),
                    ChartStyle.VERMILLION));
        }
        long totalThrottles = Math.round(Series.total(throttles));
        if (totalThrottles > 0) {
            rightAxisBars(plot, v, "Throttles per " + v.per + ", all functions (right axis)", "Throttles per " + v.per,
                    throttles, ChartStyle.translucent(ChartStyle.VERMILLION, 0.25));
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        long requests = 0;
        for (FunctionData f : d.functions()) {
            requests += f.requests();
        }
        String title = "The account: concurrency against the limit";
        String subtitle = Format.count(d.functions().size()) + " functions: concurrency mean "
                + Format.level(d.account().concurrencyMean()) + ", max " + Format.count(d.account().concurrencyMax())
                + (limit != null ? " of " + Format.count(limit) : "") + "; "
                + (totalThrottles == 0 ? "no throttles" : Format.count(totalThrottles) + " throttles ("
                + Format.percent(totalThrottles, requests) + " of requests)") + offScale;
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, subtitle);
        return new NamedChart("account-concurrency", title,
                "Requests in flight over every function: the most at once in each " + v.per + " (CloudWatch's "
                        + "account-level ConcurrentExecutions) and the time-weighted mean, against the account's "
                        + "concurrency limit (dashed). Bars, when present, count the requests throttled (429) over "
                        + "every function.", chart);
    }

    /** The projected monthly bill by function: the costliest, then all others as one bar. */
    static NamedChart costByFunction(ReportData d) {
        List<FunctionData> byCost = d.byMonthlyCost();
        int named = byCost.size() <= NAMED_FUNCTIONS + 1 ? byCost.size() : NAMED_FUNCTIONS;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double top = 0;
        BigDecimal rest = BigDecimal.ZERO;
        for (int i = 0; i < byCost.size(); i++) {
            BigDecimal v = byCost.get(i).monthCost().costUsd().total();
            if (i < named) {
                data.addValue(v.doubleValue(), "Cost a month", byCost.get(i).name());
                top = Math.max(top, v.doubleValue());
            } else {
                rest = rest.add(v);
            }
        }
        String others = "all " + Format.count(byCost.size() - named) + " others";
        if (named < byCost.size()) {
            data.addValue(rest.doubleValue(), "Cost a month", others);
            top = Math.max(top, rest.doubleValue());
        }
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.6);
        r.setSeriesPaint(0, ChartStyle.BLUE);
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                ChartStyle.format("$", 2)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL);
        r.setDefaultItemLabelPaint(ChartStyle.INK);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        CategoryAxis categories = new CategoryAxis(null);
        categories.setCategoryMargin(0.2);
        categories.setTickLabelFont(ChartStyle.ITEM_LABEL);
        NumberAxis values = ChartStyle.numberAxis("USD a month if this run repeated all month ("
                + Format.number(d.run().monthHours(), 0) + " h)",
                Ticks.fromZero(top, 0.18, 8), "$");
        CategoryPlot plot = new CategoryPlot(data, categories, values, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        BigDecimal total = d.monthCost().costUsd().total();
        BigDecimal topShare = BigDecimal.ZERO;
        for (int i = 0; i < named; i++) {
            topShare = topShare.add(byCost.get(i).monthCost().costUsd().total());
        }
        String title = "Monthly bill by function, if this run repeated all month";
        String subtitle = "Total " + Format.usd(total) + " per " + Format.number(d.run().monthHours(), 0) + " h month; "
                + (named < byCost.size() ? "the " + named + " costliest functions make " + Format.percent(
                topShare.doubleValue(), total.doubleValue()) + " of it" : "every function shown");
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
        ChartStyle.apply(chart, subtitle);
        return new NamedChart("cost-by-function", title,
                "What each function adds to the monthly bill at this run's traffic (its share of the account's "
                        + "bill, free tier and tiers applied to the account), the costliest first"
                        + (named < byCost.size() ? "; the last bar adds up all the others" : "") + ".", chart);
    }
}
