package io.github.lambdasim.report.chart;

import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.SweepData;
import io.github.lambdasim.report.data.SweepData.Point;
import io.github.lambdasim.report.chart.Charts.NamedChart;
import io.github.lambdasim.stats.Estimate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a sweep, drawn from a {@link SweepData} only: for a memory sweep the power-tuning
 * chart (p99 latency and cost per invocation against memory, as AWS Lambda Power Tuning draws
 * them); for any other sweep monthly cost against p99 latency with the Pareto front; and for a
 * two-dimensional grid, heatmaps of p99 latency and of cost.
 */
public final class SweepCharts {
    /** Most points labelled on the cost-latency chart; beyond, only the front and the recommendation. */
    static final int MAX_LABELLED = 24;
    /** Most memory sizes the power-tuning chart labels one by one. */
    static final int MAX_VALUE_TICKS = 12;
    /** About the height in pixels of a heatmap's cells together, to place a cell's two lines. */
    private static final double HEATMAP_PLOT_HEIGHT = 520;

    private static final Shape DOT = new Ellipse2D.Double(-5, -5, 10, 10);
    private static final Shape RING = new Ellipse2D.Double(-12, -12, 24, 24);
    private static final Stroke RING_STROKE = new BasicStroke(3f);
    private static final Stroke ERROR_STROKE = new BasicStroke(1.8f);

    private SweepCharts() {
    }

    /** Every chart of the sweep's report, in the order the page shows them. */
    public static List<NamedChart> all(SweepData d) {
        List<NamedChart> charts = new ArrayList<>();
        String memory = d.memoryPath();
        if (memory != null && lines(d, memory).size() <= ChartStyle.PALETTE.length && numericMemory(d, memory)) {
            charts.add(powerTuning(d, memory));
            if (d.showsAverages()) {
                charts.add(powerTuningAverages(d, memory));
            }
        } else {
            charts.add(costLatency(d));
        }
        if (d.vary().size() == 2) {
            charts.add(heatmap(d, Measure.LATENCY));
            charts.add(heatmap(d, Measure.COST));
        }
        return charts;
    }

    private static boolean numericMemory(SweepData d, String memory) {
        return d.vary().get(memory).stream().noneMatch(v -> Double.isNaN(SweepData.numeric(memory, v)));
    }

    /** The points grouped by the values of every varied path but {@code path}: one line each, in grid order. */
    static Map<String, List<Integer>> lines(SweepData d, String path) {
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        for (int i = 0; i < d.points().size(); i++) {
            Point p = d.points().get(i);
            List<String> parts = new ArrayList<>();
            for (String other : d.vary().keySet()) {
                if (!other.equals(path)) {
                    parts.add(SweepData.namedValue(other, p.values().get(other)));
                }
            }
            lines.computeIfAbsent(parts.isEmpty() ? d.function() : String.join(", ", parts), k -> new ArrayList<>()).add(i);
        }
        return lines;
    }

    private static String recommendedText(SweepData d) {
        return d.recommended() >= 0 ? "recommended (ringed): " + d.pointLabel(d.points().get(d.recommended()))
                : "no point meets every constraint";
    }

    private static String replicationsText(SweepData d) {
        return d.replications() > 1 ? "means of " + d.replications() + " replications, bars: 95% confidence intervals"
                : "one replication each (no confidence intervals)";
    }

    // ---------------------------------------------------------------- power tuning

    static NamedChart powerTuning(SweepData d, String memoryPath) {
        Map<String, List<Integer>> lines = lines(d, memoryPath);
        Panel latency = panel(d, lines, memoryPath, d.latencyFigure(), 1);
        Panel cost = panel(d, lines, memoryPath, d.costPerMillionFigure(), 1);

        double top = latency.high;
        for (SweepData.Constraint c : d.constraints()) {
            if (c.figure().equals(d.latencyFigure()) && c.limit() <= Charts.LIMIT_IN_VIEW * latency.high) {
                top = Math.max(top, c.limit());
            }
        }
        XYPlot top1 = latency.plot(msAxis("p99 latency", latency.low, top));
        List<String> unlabelled = new ArrayList<>();
        for (SweepData.Constraint c : d.constraints()) {
            if (c.figure().equals(d.latencyFigure()) && c.limit() <= top) {
                // Labelled where no point lies under the label, or named in the legend.
                if (!ChartStyle.addLimitLineClearOfData(top1, ChartStyle.limitLine(c.limit(), "SLO: " + c.text(),
                        ChartStyle.VERMILLION))) {
                    unlabelled.add("SLO: " + c.text());
                }
            }
        }
        XYPlot bottom = cost.plot(ChartStyle.numberAxis("Cost per 1M invocations (USD)",
                Ticks.fromZero(cost.high, 0.12, 5), "$"));
        String title = d.function() + ": p99 latency and cost per invocation against memory";
        String caption = "The question AWS Lambda Power Tuning answers, simulated: how " + d.function()
                + "'s p99 latency (top) and its cost per million invocations (bottom) change with its memory size, "
                + "which also sets its share of CPU" + linesCaption(lines) + ". " + barsCaption(d);
        return twoPanels(d, memoryPath, lines, top1, bottom, "power-tuning", title, caption, unlabelled);
    }

    /**
     * Power Tuning's own two lines: the mean duration (top) and the cost of one invocation
     * (bottom), beside the p99 and cost per million of {@link #powerTuning}.
     */
    static NamedChart powerTuningAverages(SweepData d, String memoryPath) {
        Map<String, List<Integer>> lines = lines(d, memoryPath);
        Panel duration = panel(d, lines, memoryPath, d.durationMeanFigure(), 1);
        Panel cost = panel(d, lines, memoryPath, d.costPerMillionFigure(), 1e-6);
        XYPlot top = duration.plot(msAxis("Mean duration", duration.low, duration.high));
        XYPlot bottom = cost.plot(ChartStyle.numberAxis("Cost per invocation (USD)", Ticks.fromZero(cost.high, 0.12, 5), "$"));
        String title = d.function() + ": mean duration and cost per invocation against memory";
        String caption = "The two lines AWS Lambda Power Tuning draws, simulated: " + d.function()
                + "'s mean duration (top; the time billed, without the wait for a cold start's init) and the cost of "
                + "one invocation (bottom: requests, duration and the rest of its bill, over its invocations) at each "
                + "memory size" + linesCaption(lines) + ". " + barsCaption(d);
        return twoPanels(d, memoryPath, lines, top, bottom, "power-tuning-average", title, caption, List.of());
    }

    /** Milliseconds from zero, or on a log scale when they span more than {@link Charts#LOG_SCALE_RATIO}. */
    private static ValueAxis msAxis(String label, double low, double high) {
        boolean log = low > 0 && high / low > Charts.LOG_SCALE_RATIO;
        return log ? new LogAxis125(label + " (ms, log scale)", Ticks.niceFloor(low * 0.9), Ticks.niceCeil(high * 1.1))
                : ChartStyle.numberAxis(label + " (ms)", Ticks.fromZero(high, 0.1, 6), "");
    }

    private static String linesCaption(Map<String, List<Integer>> lines) {
        return lines.size() > 1 ? "; one line per value of the other varied setting, each drawn narrower than the one "
                + "before so that lines that coincide stay visible" : "";
    }

    private static String barsCaption(SweepData d) {
        return "Error bars are 95% confidence intervals over the replications (too short to see "
                + "when the replications agree). " + (hasMisses(d) ? "Hollow markers miss a constraint. " : "")
                + (d.recommended() >= 0 ? "The ring marks the recommended point." : "No point meets every constraint.")
                + (d.categoricalMemory() ? " The memory sizes are evenly spaced, not to scale." : "");
    }

    /** Two panels over one memory axis, to scale or evenly spaced ({@link SweepData#categoricalMemory}). */
    /** @param limits limit lines drawn without a label, named in the legend instead */
    private static NamedChart twoPanels(SweepData d, String memoryPath, Map<String, List<Integer>> lines, XYPlot top,
                                        XYPlot bottom, String name, String title, String caption, List<String> limits) {
        List<Double> memories = memories(d, memoryPath);
        ValueAxis x;
        if (d.categoricalMemory()) {
            String[] labels = memories.stream().map(m -> Format.number(m, 0)).toArray(String[]::new);
            SymbolAxis axis = new SymbolAxis("Memory (MB), evenly spaced", labels);
            axis.setGridBandsVisible(false);
            axis.setRange(-0.5, labels.length - 0.5);
            x = axis;
        } else {
            double minMemory = memories.get(0);
            double maxMemory = memories.get(memories.size() - 1);
            double[] ticks = memories.stream().mapToDouble(Double::doubleValue).toArray();
            // From zero when the sizes start near it; otherwise from just below the smallest.
            double lower = minMemory <= 0.25 * maxMemory ? 0 : minMemory - 0.08 * (maxMemory - minMemory);
            double upper = maxMemory + 0.04 * (maxMemory - lower) + (maxMemory == lower ? 64 : 0);
            // Ticks at the sizes tried while they are few enough to read; round steps beyond.
            x = memories.size() <= MAX_VALUE_TICKS
                    ? new ValueTicksAxis("Memory (MB)", ticks, lower, upper, ChartStyle.format("", 0))
                    : ChartStyle.numberAxis("Memory (MB)", new Ticks.Range(lower, upper, Ticks.niceStep(upper - lower, 10)), "");
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(28);
        plot.add(top, 1);
        plot.add(bottom, 1);
        ChartStyle.style(top);
        ChartStyle.style(bottom);
        LegendItemCollection items = legend(lines.keySet(), d.recommended() >= 0, hasMisses(d));
        for (String limit : limits) {
            items.add(new LegendItem(limit, null, null, null, false, new Line2D.Double(), false, ChartStyle.VERMILLION, false,
                    ChartStyle.VERMILLION, ChartStyle.LIMIT_LINE, true, new Line2D.Double(-14, 0, 14, 0),
                    ChartStyle.LIMIT_LINE, ChartStyle.VERMILLION));
        }
        plot.setFixedLegendItems(items);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, capitalise(replicationsText(d)) + "; " + recommendedText(d));
        return new NamedChart(name, title, caption, chart);
    }

    /** The memory sizes tried, smallest first. */
    private static List<Double> memories(SweepData d, String memoryPath) {
        List<Double> memories = new ArrayList<>();
        for (String v : d.vary().get(memoryPath)) {
            memories.add(SweepData.numeric(memoryPath, v));
        }
        memories.sort(Double::compare);
        return memories;
    }

    private static boolean hasMisses(SweepData d) {
        return d.points().stream().anyMatch(p -> !p.meetsConstraints());
    }

    /** One panel of the power-tuning chart: one line per group, with error bars, and the ring. */
    private static Panel panel(SweepData d, Map<String, List<Integer>> lines, String memoryPath, String figure,
                               double scale) {
        List<Double> memories = d.categoricalMemory() ? memories(d, memoryPath) : null;
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        List<int[]> pointAt = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (Map.Entry<String, List<Integer>> line : lines.entrySet()) {
            List<Integer> idx = new ArrayList<>(line.getValue());
            idx.sort((a, b) -> Double.compare(memory(d, memoryPath, a), memory(d, memoryPath, b)));
            XYIntervalSeries s = new XYIntervalSeries(line.getKey(), false, true);
            int[] at = new int[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                int i = idx.get(k);
                Estimate e = d.points().get(i).figure(figure);
                double m = x(memories, d, memoryPath, i);
                s.add(m, m, m, e.mean() * scale, e.low() * scale, e.high() * scale);
                at[k] = i;
                if (e.low() > 0) {
                    low = Math.min(low, e.low() * scale);
                }
                high = Math.max(high, e.high() * scale);
            }
            data.addSeries(s);
            pointAt.add(at);
        }
        XYSeries ring = new XYSeries("Recommended", false, true);
        if (d.recommended() >= 0) {
            ring.add(x(memories, d, memoryPath, d.recommended()),
                    d.points().get(d.recommended()).figure(figure).mean() * scale);
        }
        return new Panel(d, data, pointAt, new XYSeriesCollection(ring), low, high);
    }

    /** Where a point stands on the memory axis: its size, or its rank among the sizes when they are evenly spaced. */
    private static double x(List<Double> evenly, SweepData d, String path, int point) {
        double m = memory(d, path, point);
        return evenly == null ? m : evenly.indexOf(m);
    }

    private static double memory(SweepData d, String path, int point) {
        return SweepData.numeric(path, d.points().get(point).values().get(path));
    }

    private static final class Panel {
        final SweepData d;
        final XYIntervalSeriesCollection data;
        final List<int[]> pointAt;
        final XYSeriesCollection ring;
        final double low;
        final double high;

        Panel(SweepData d, XYIntervalSeriesCollection data, List<int[]> pointAt, XYSeriesCollection ring, double low,
              double high) {
            this.d = d;
            this.data = data;
            this.pointAt = pointAt;
            this.ring = ring;
            this.low = low;
            this.high = high;
        }

        XYPlot plot(ValueAxis y) {
            XYErrorRenderer r = new PointRenderer(d, pointAt);
            r.setDefaultLinesVisible(true);
            int lines = data.getSeriesCount();
            for (int s = 0; s < lines; s++) {
                Color c = ChartStyle.PALETTE[s % ChartStyle.PALETTE.length];
                r.setSeriesPaint(s, c);
                r.setSeriesStroke(s, ChartStyle.overlaidLine(s, lines));
                r.setSeriesShape(s, ChartStyle.overlaidDot(s, lines));
            }
            XYPlot plot = new XYPlot(data, null, y, r);
            // The widest line first, beneath the others.
            plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            plot.setDataset(1, ring);
            plot.setRenderer(1, ringRenderer());
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            return plot;
        }
    }

    /** Lines with error bars whose markers are hollow where the point misses a constraint. */
    private static final class PointRenderer extends XYErrorRenderer {
        private static final long serialVersionUID = 1L;
        private final transient SweepData d;
        private final transient List<int[]> pointAt;

        PointRenderer(SweepData d, List<int[]> pointAt) {
            this.d = d;
            this.pointAt = pointAt;
            setDrawXError(false);
            setDrawYError(true);
            setCapLength(10);
            setErrorStroke(ERROR_STROKE);
            setUseFillPaint(true);
            setDrawOutlines(true);
            setUseOutlinePaint(false);
            setDefaultShapesVisible(true);
        }

        @Override
        public boolean getItemShapeFilled(int series, int item) {
            return d.points().get(pointAt.get(series)[item]).meetsConstraints();
        }

        @Override
        public Paint getItemFillPaint(int row, int column) {
            return getItemShapeFilled(row, column) ? getItemPaint(row, column) : Color.WHITE;
        }
    }

    private static XYLineAndShapeRenderer ringRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, RING);
        r.setSeriesShapesFilled(0, false);
        r.setSeriesOutlineStroke(0, RING_STROKE);
        r.setSeriesStroke(0, RING_STROKE);
        r.setSeriesPaint(0, ChartStyle.INK);
        r.setSeriesVisibleInLegend(0, false);
        r.setLegendShape(0, new Ellipse2D.Double(-8, -8, 16, 16));
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
        return r;
    }

    private static LegendItemCollection legend(Iterable<String> lines, boolean ring, boolean misses) {
        LegendItemCollection items = new LegendItemCollection();
        List<String> labels = new ArrayList<>();
        lines.forEach(labels::add);
        for (int i = 0; i < labels.size(); i++) {
            Color c = ChartStyle.PALETTE[i % ChartStyle.PALETTE.length];
            items.add(new LegendItem(labels.get(i), null, null, null, true, DOT, true, c, false, c, ChartStyle.LINE, true,
                    new Line2D.Double(-14, 0, 14, 0), ChartStyle.overlaidLine(i, labels.size()), c));
        }
        if (misses) {
            items.add(new LegendItem("Misses a constraint", null, null, null, true, DOT, false, Color.WHITE, true,
                    ChartStyle.MUTED, ERROR_STROKE, false, new Line2D.Double(), ChartStyle.LINE, ChartStyle.MUTED));
        }
        if (ring) {
            items.add(new LegendItem("Recommended", null, null, null, true, new Ellipse2D.Double(-8, -8, 16, 16), false,
                    Color.WHITE, true, ChartStyle.INK, RING_STROKE, false, new Line2D.Double(), ChartStyle.LINE,
                    ChartStyle.INK));
        }
        return items;
    }

    // ---------------------------------------------------------------- cost against latency

    /**
     * Monthly cost against p99 latency; in a sweep of an event-driven scenario whose points drop
     * different shares of the function's events, against those shares instead (what the varied
     * settings trade for money there: latency is then often the same everywhere).
     */
    static NamedChart costLatency(SweepData d) {
        boolean drops = d.dropsVary();
        String xFigure = drops ? d.dropRateFigure() : d.latencyFigure();
        double scale = drops ? 100 : 1;
        int n = d.points().size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * d.points().get(i).figure(xFigure).mean();
            y[i] = d.points().get(i).figure(d.costFigure()).mean();
        }
        List<Integer> front = Pareto.front(x, y);

        boolean constrained = !d.constraints().isEmpty();
        String[] groups = constrained
                ? new String[] {"Meets every constraint", "Uncertain: its interval straddles a constraint",
                    "Misses a constraint"}
                : new String[] {"Points of the sweep"};
        Color[] colours = {ChartStyle.BLUE, ChartStyle.ORANGE, ChartStyle.MUTED};
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        List<List<Integer>> members = new ArrayList<>();
        for (String g : groups) {
            data.addSeries(new XYIntervalSeries(g, false, true));
            members.add(new ArrayList<>());
        }
        double xLow = Double.POSITIVE_INFINITY;
        double xHigh = 0;
        double yHigh = 0;
        for (int i = 0; i < n; i++) {
            Point p = d.points().get(i);
            int g = !constrained ? 0 : !p.meetsConstraints() ? 2 : p.uncertain().isEmpty() ? 0 : 1;
            Estimate lat = p.figure(xFigure);
            Estimate cost = p.figure(d.costFigure());
            data.getSeries(g).add(scale * lat.mean(), scale * lat.low(), scale * lat.high(), cost.mean(), cost.low(),
                    cost.high());
            members.get(g).add(i);
            if (lat.low() > 0) {
                xLow = Math.min(xLow, scale * lat.low());
            }
            xHigh = Math.max(xHigh, scale * lat.high());
            yHigh = Math.max(yHigh, cost.high());
        }
        // Empty groups are dropped from the legend but keep their colour.
        XYIntervalSeriesCollection shown = new XYIntervalSeriesCollection();
        List<Color> shownColours = new ArrayList<>();
        List<List<Integer>> shownMembers = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            if (data.getSeries(g).getItemCount() > 0) {
                shown.addSeries(data.getSeries(g));
                shownColours.add(colours[g]);
                shownMembers.add(members.get(g));
            }
        }
        Map<Integer, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (n <= MAX_LABELLED || front.contains(i) || i == d.recommended()) {
                labels.put(i, d.pointLabel(d.points().get(i)));
            }
        }
        XYErrorRenderer r = new LabelledPoints();
        r.setDefaultLinesVisible(false);
        r.setCapLength(8);
        r.setErrorStroke(ERROR_STROKE);
        r.setUseFillPaint(true);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
        for (int s = 0; s < shown.getSeriesCount(); s++) {
            r.setSeriesPaint(s, shownColours.get(s));
            r.setSeriesShape(s, DOT);
            boolean misses = shownColours.get(s) == ChartStyle.MUTED;
            r.setSeriesFillPaint(s, misses ? Color.WHITE : shownColours.get(s));
            r.setSeriesOutlineStroke(s, ERROR_STROKE);
        }
        r.setDefaultItemLabelGenerator((dataset, series, item) -> labels.get(shownMembers.get(series).get(item)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.ITEM_LABEL);
        r.setDefaultItemLabelPaint(ChartStyle.INK);
        r.setItemLabelAnchorOffset(6);

        double xTop = xHigh;
        double yTop = yHigh;
        for (SweepData.Constraint c : d.constraints()) {
            if (c.figure().equals(xFigure) && scale * c.limit() <= Charts.LIMIT_IN_VIEW * xHigh) {
                xTop = Math.max(xTop, scale * c.limit());
            } else if (c.figure().equals(d.costFigure()) && c.limit() <= Charts.LIMIT_IN_VIEW * yHigh) {
                yTop = Math.max(yTop, c.limit());
            }
        }
        boolean log = !drops && xLow > 0 && xTop / xLow > Charts.LOG_SCALE_RATIO;
        // Room on the right for the labels of the slowest points.
        ValueAxis xAxis = log
                ? new LogAxis125("p99 latency of " + d.function() + " (ms, log scale)", Ticks.niceFloor(xLow * 0.9),
                        Ticks.niceCeil(xTop * 1.6))
                : ChartStyle.numberAxis(drops ? "Events of " + d.function() + " dropped (%)"
                        : "p99 latency of " + d.function() + " (ms)", Ticks.fromZero(xTop, 0.25, 8), "");
        NumberAxis yAxis = ChartStyle.numberAxis(d.costFunction() != null ? "Monthly cost of " + d.costFunction() + " (USD)"
                : "Monthly cost (USD)", Ticks.fromZero(yTop, 0.1, 8), "$");
        XYPlot plot = new XYPlot(shown, xAxis, yAxis, r);

        XYSeries frontLine = new XYSeries(drops ? "Pareto front: no other point both drops fewer events and is cheaper"
                : "Pareto front: no other point is both faster and cheaper", false, true);
        for (int i : front) {
            frontLine.add(x[i], y[i]);
        }
        XYLineAndShapeRenderer fr = new XYLineAndShapeRenderer(true, false);
        fr.setSeriesPaint(0, ChartStyle.GREEN);
        fr.setSeriesStroke(0, ChartStyle.DASHED_LINE);
        plot.setDataset(1, new XYSeriesCollection(frontLine));
        plot.setRenderer(1, fr);
        XYSeries ring = new XYSeries("Recommended", false, true);
        if (d.recommended() >= 0) {
            ring.add(x[d.recommended()], y[d.recommended()]);
        }
        plot.setDataset(2, new XYSeriesCollection(ring));
        XYLineAndShapeRenderer rr = ringRenderer();
        rr.setSeriesVisibleInLegend(0, d.recommended() >= 0);
        plot.setRenderer(2, rr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        for (SweepData.Constraint c : d.constraints()) {
            if (c.figure().equals(xFigure) && scale * c.limit() <= xTop) {
                plot.addDomainMarker(ChartStyle.verticalLimitLine(scale * c.limit(), drops
                        ? "events dropped <= " + Format.percent(c.limit(), 1)
                        : "SLO: " + c.text(), ChartStyle.VERMILLION));
            } else if (c.figure().equals(d.costFigure()) && c.limit() <= yTop) {
                plot.addRangeMarker(ChartStyle.limitLine(c.limit(), c.text(), ChartStyle.VERMILLION));
            }
        }
        String costOf = d.costFunction() != null ? "Monthly cost of " + d.costFunction() : "Monthly cost";
        String title = drops ? costOf + " against the events " + d.function() + " drops"
                : costOf + " against p99 latency of " + d.function();
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        String labelled = n <= MAX_LABELLED ? "each point labelled by its " + variedNames(d)
                : "the front and the recommended point labelled by their " + variedNames(d);
        ChartStyle.apply(chart, capitalise(replicationsText(d)) + "; " + labelled);
        String across = drops ? "the share of " + d.function() + "'s asynchronous events given up (across; its p99 "
                + "latency is in the table)" : "what callers of " + d.function() + " wait at the 99th percentile (across)";
        String caption = "Each point is one combination of the varied settings: " + across
                + (d.costFunction() != null ? " and what " + d.costFunction() + " itself costs a month (up; the other "
                        + "functions' costs are left out, as only its settings vary). Down and to the "
                        : " and what the whole scenario costs a month (up). Down and to the ")
                + "left is better; the dashed green line joins the Pareto front, the points that no other point beats on "
                + "both (by their means). Error bars are 95% confidence intervals over the replications. "
                + (constrained ? "Red dashed lines are the constraints that can be drawn here. " : "")
                + (d.recommended() >= 0 ? "The ring marks the recommended point." : "No point meets every constraint.");
        return new NamedChart(drops ? "cost-drops" : "cost-latency", title, caption, chart);
    }

    /**
     * Points with error bars on both axes whose labels sit up and to the right of the point, clear
     * of both bars, or up and to the left in the right part of the plot, so that they stay inside it.
     */
    private static final class LabelledPoints extends XYErrorRenderer {
        private static final long serialVersionUID = 1L;
        private static final ItemLabelPosition RIGHT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE1, TextAnchor.BOTTOM_LEFT);
        private static final ItemLabelPosition LEFT = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE11, TextAnchor.BOTTOM_RIGHT);

        @Override
        public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
            XYPlot plot = getPlot();
            if (plot == null || plot.getDataset() == null) {
                return RIGHT;
            }
            double x = plot.getDataset().getXValue(series, item);
            double where = plot.getDomainAxis().valueToJava2D(x, new Rectangle2D.Double(0, 0, 1, 1),
                    org.jfree.chart.ui.RectangleEdge.BOTTOM);
            return where > 0.6 ? LEFT : RIGHT;
        }

        @Override
        public ItemLabelPosition getNegativeItemLabelPosition(int series, int item) {
            return getPositiveItemLabelPosition(series, item);
        }
    }

    private static String variedNames(SweepData d) {
        return String.join(" and ", d.vary().keySet().stream().map(SweepData::shortName).toList());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- heatmaps

    /** What a heatmap colours its cells by. */
    enum Measure {
        LATENCY, COST
    }

    static NamedChart heatmap(SweepData d, Measure measure) {
        List<String> paths = d.variedPaths();
        // The path with more values goes across, where there is more room.
        String across = d.vary().get(paths.get(0)).size() >= d.vary().get(paths.get(1)).size() ? paths.get(0) : paths.get(1);
        String down = across.equals(paths.get(0)) ? paths.get(1) : paths.get(0);
        List<String> columns = d.vary().get(across);
        List<String> rows = d.vary().get(down);
        String figure = measure == Measure.LATENCY ? d.latencyFigure() : d.costFigure();
        Function<Double, String> text = measure == Measure.LATENCY ? Format::ms
                : v -> Format.usd(java.math.BigDecimal.valueOf(v));

        int n = d.points().size();
        double[][] xyz = new double[3][n];
        for (int i = 0; i < n; i++) {
            Point p = d.points().get(i);
            xyz[0][i] = columns.indexOf(p.values().get(across));
            xyz[1][i] = rows.indexOf(p.values().get(down));
            xyz[2][i] = p.figure(figure).mean();
        }
        ColourScale scale = ColourScale.of(xyz[2]);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(figure, xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(1);
        r.setBlockHeight(1);
        r.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis(across, columns.stream().map(v -> SweepData.valueLabel(across, v)).toArray(String[]::new));
        SymbolAxis y = new SymbolAxis(down, rows.stream().map(v -> SweepData.valueLabel(down, v)).toArray(String[]::new));
        for (SymbolAxis a : new SymbolAxis[] {x, y}) {
            a.setGridBandsVisible(false);
            a.setAutoRange(false);
        }
        x.setRange(-0.5, columns.size() - 0.5);
        y.setRange(-0.5, rows.size() - 0.5);
        // The first value at the top, as a table reads.
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        Font value = ChartStyle.ITEM_LABEL.deriveFont(Font.BOLD, 16f);
        Font note = ChartStyle.ITEM_LABEL.deriveFont(Font.PLAIN, 14f);
        // A cell's second line sits about 20 pixels below the first, whatever the number of rows.
        double rowPixels = HEATMAP_PLOT_HEIGHT / rows.size();
        boolean twoLines = rowPixels >= 48;
        for (int i = 0; i < n; i++) {
            Point p = d.points().get(i);
            double cx = xyz[0][i];
            double cy = xyz[1][i];
            Color ink = ColourScale.ink(scale.colour(xyz[2][i]));
            String status = i == d.recommended() ? "recommended" : !p.meetsConstraints() ? "misses" : null;
            XYTextAnnotation v = new XYTextAnnotation(text.apply(xyz[2][i]), cx,
                    status != null && twoLines ? cy - 10 / rowPixels : cy);
            v.setFont(value);
            v.setPaint(ink);
            v.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(v);
            if (status != null && twoLines) {
                XYTextAnnotation s = new XYTextAnnotation(status, cx, cy + 12 / rowPixels);
                s.setFont(note);
                s.setPaint(ink);
                s.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(s);
            }
            if (i == d.recommended()) {
                // White inside ink: visible on the lightest and the darkest cell.
                Rectangle2D cell = new Rectangle2D.Double(cx - 0.48, cy - 0.48, 0.96, 0.96);
                plot.addAnnotation(new XYShapeAnnotation(cell, new BasicStroke(9f), Color.WHITE));
                plot.addAnnotation(new XYShapeAnnotation(cell, new BasicStroke(4f), ChartStyle.INK));
            }
        }
        String unit = measure == Measure.LATENCY ? "p99 latency (ms" + (scale.log() ? ", log scale)" : ")")
                : d.costFunction() != null ? "Monthly cost of " + d.costFunction() + " (USD)" : "Monthly cost (USD)";
        ValueAxis legendAxis;
        double lo = scale.getLowerBound();
        double hi = scale.getUpperBound();
        if (!(hi > lo)) {
            lo = lo * 0.9;
            hi = hi * 1.1 + 1e-9;
        }
        if (scale.log()) {
            legendAxis = new LogAxis125(unit, lo, hi);
        } else {
            NumberAxis a = new NumberAxis(unit);
            a.setRange(lo, hi);
            a.setNumberFormatOverride(measure == Measure.COST ? ChartStyle.format("$", Ticks.decimals(
                    Ticks.niceStep(hi - lo, 5)) > 0 ? 2 : 0) : ChartStyle.format("", 0));
            a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(Ticks.niceStep(hi - lo, 5)));
            legendAxis = a;
        }
        ChartStyle.axis(legendAxis);
        legendAxis.setLowerMargin(0);
        legendAxis.setUpperMargin(0);
        PaintScaleLegend key = new PaintScaleLegend(scale, legendAxis);
        key.setSubdivisionCount(256);
        key.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        key.setAxisOffset(4);
        key.setStripWidth(18);
        key.setStripOutlineVisible(false);
        key.setPosition(RectangleEdge.RIGHT);
        key.setMargin(new RectangleInsets(20, 18, 20, 0));
        key.setFrame(BlockBorder.NONE);
        key.setBackgroundPaint(Color.WHITE);

        String what = measure == Measure.LATENCY ? "p99 latency of " + d.function()
                : d.costFunction() != null ? "Monthly cost of " + d.costFunction() : "Monthly cost";
        String title = what + " by " + SweepData.shortName(across) + " and " + SweepData.shortName(down);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
        chart.addSubtitle(key);
        ChartStyle.apply(chart, capitalise(d.replications() > 1 ? "means of " + d.replications() + " replications"
                : "one replication each") + "; darker is " + (measure == Measure.LATENCY ? "slower" : "dearer")
                + (d.recommended() >= 0 ? "; the recommended point is outlined" : "")
                + (hasMisses(d) ? "; \"misses\": misses a constraint" : ""));
        String caption = (measure == Measure.LATENCY
                ? "The p99 latency of " + d.function() + " at every combination of the two varied settings"
                : d.costFunction() != null ? "The monthly bill of " + d.costFunction() + " at every combination of the "
                        + "two varied settings" : "The scenario's monthly bill at every combination of the two varied settings")
                + ", its mean written in the cell. The colour scale runs from the lowest to the highest value"
                + (scale.log() ? " on a log scale, as the values span more than a factor of "
                        + Format.number(Charts.LOG_SCALE_RATIO, 0) : "")
                + ". The table below gives each cell's confidence interval.";
        return new NamedChart(measure == Measure.LATENCY ? "heatmap-latency" : "heatmap-cost", title, caption, chart);
    }
}
