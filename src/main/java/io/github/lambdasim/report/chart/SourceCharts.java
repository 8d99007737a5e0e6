package io.github.lambdasim.report.chart;

import io.github.lambdasim.report.chart.Charts.Context;
import io.github.lambdasim.report.chart.Charts.NamedChart;
import io.github.lambdasim.report.chart.Charts.View;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.ReportData.ConsumerData;
import io.github.lambdasim.report.data.ReportData.QueueData;
import io.github.lambdasim.report.data.ReportData.StreamData;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of event sources, drawn from a run's files as the others are: per SQS queue its
 * backlog, the age of its oldest message and its consumers' concurrency ({@code queue-<name>});
 * per stream the iterator age of each shard and the batches in flight against their limit
 * ({@code stream-<name>}).
 */
public final class SourceCharts {
    /**
     * The colours of shards' lines, solid then dashed; none is the green of the batches in flight
     * drawn below them, nor yellow, too pale on white.
     */
    private static final Color[] SHARD_COLOURS = {ChartStyle.BLUE, ChartStyle.ORANGE, ChartStyle.VERMILLION,
        ChartStyle.SKY_BLUE, ChartStyle.PURPLE};
    /** Streams with at most this many shards get a line per shard; more get the max and median across shards. */
    static final int SHARD_LINES = 2 * SHARD_COLOURS.length;

    private SourceCharts() {
    }

    static List<NamedChart> all(Context c) {
        List<NamedChart> charts = new ArrayList<>();
        for (QueueData q : c.data.queues()) {
            charts.add(queue(c, q));
        }
        for (StreamData s : c.data.streams()) {
            charts.add(stream(c, s));
        }
        return charts;
    }

    /** The chart's name of a queue: {@code queue-<name>}. */
    public static String queueName(String queue) {
        return "queue-" + queue;
    }

    /** The chart's name of a stream: {@code stream-<name>}. */
    public static String streamName(String stream) {
        return "stream-" + stream;
    }

    /**
     * A queue over time, in three panels on one time axis: the messages visible (the backlog) and
     * in flight; the age of the oldest message; the batches in flight, the consumers' concurrency.
     */
    static NamedChart queue(Context c, QueueData q) {
        View v = c.binned;
        double[] visible = v.merge(q.column("ApproximateNumberOfMessagesVisible"), Binning.Merge.MAX);
        double[] inFlight = v.merge(q.column("ApproximateNumberOfMessagesNotVisible"), Binning.Merge.MAX);
        double[] age = v.merge(q.column("ApproximateAgeOfOldestMessage"), Binning.Merge.MAX);
        double[] batches = v.merge(q.column("ConcurrentBatches"), Binning.Merge.MAX);

        XYSeriesCollection messages = new XYSeriesCollection();
        messages.addSeries(v.line("Visible: the backlog (max per " + v.per + ")", visible));
        messages.addSeries(v.line("In flight: received, not deleted (max)", inFlight));
        XYLineAndShapeRenderer mr = Charts.lines(ChartStyle.BLUE, ChartStyle.SKY_BLUE);
        mr.setSeriesStroke(1, ChartStyle.DASHED_LINE);
        XYPlot top = new XYPlot(messages, null, ChartStyle.numberAxis("Messages",
                Ticks.fromZero(Math.max(Series.max(visible), Series.max(inFlight)), 0.1, 5), ""), mr);

        AgeUnit unit = AgeUnit.of(Series.max(age));
        XYSeriesCollection ages = new XYSeriesCollection();
        ages.addSeries(v.line("Age of the oldest message (max per " + v.per + ")", Series.scale(age, 1 / unit.seconds)));
        XYPlot middle = new XYPlot(ages, null, ChartStyle.numberAxis("Age (" + unit.name + ")",
                Ticks.fromZero(Series.max(age) / unit.seconds, 0.1, 4), ""), Charts.lines(ChartStyle.ORANGE));

        XYSeriesCollection pollers = new XYSeriesCollection();
        String consumers = q.consumers().isEmpty() ? "no consumer"
                : String.join(", ", q.consumers().stream().map(ConsumerData::function).toList());
        pollers.addSeries(v.line("Batches in flight, " + consumers + " (max per " + v.per + ")", batches));
        XYPlot bottom = new XYPlot(pollers, null, ChartStyle.numberAxis("Batches",
                Ticks.fromZero(Series.max(batches), 0.1, 4), ""), Charts.lines(ChartStyle.GREEN));

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.timeAxis(c.scale));
        plot.setGap(16);
        for (XYPlot panel : List.of(top, middle, bottom)) {
            plot.add(panel, 1);
            ChartStyle.style(panel);
        }
        String title = "Queue " + q.name() + ": backlog, oldest message and consumers";
        StringBuilder sub = new StringBuilder(Format.count(Math.round(q.value("sent"))) + " sent, "
                + Format.count(Math.round(q.value("deleted"))) + " deleted, "
                + Format.count(Math.round(q.value("deadLettered"))) + " to the DLQ; backlog max "
                + Format.count(Math.round(q.value("visibleMax"))) + ", oldest message max "
                + Format.seconds(q.value("oldestAgeMaxSeconds")));
        for (ConsumerData cd : q.consumers()) {
            sub.append("; ").append(cd.function()).append(": concurrency max ")
                    .append(Format.count(Math.round(cd.value("concurrencyMax")))).append(", end to end p99 ")
                    .append(cd.value("endToEndMs.count") == 0 ? "none" : Format.ms(cd.value("endToEndMs.p99")));
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, sub.toString());
        return new NamedChart(queueName(q.name()), title,
                "The queue in the manner of CloudWatch's SQS metrics, the highest value of each " + v.per + ". Top: "
                        + "ApproximateNumberOfMessagesVisible, the backlog waiting for a poller, and "
                        + "ApproximateNumberOfMessagesNotVisible, the messages in batches or waiting out their visibility "
                        + "timeout after a failure. Middle: ApproximateAgeOfOldestMessage, how long the oldest message had "
                        + "waited (a message that failed keeps its age). Bottom: the batches in flight at once, the "
                        + "pollers' concurrency, which Lambda scales up while messages wait.", chart);
    }

    /**
     * A stream over time, in two panels: the iterator age of each shard (the max and median across
     * shards past {@link #SHARD_LINES}, 10); the batches in flight against their limit (shards x
     * parallelization factor), and the lane-seconds blocked behind failing batches.
     */
    static NamedChart stream(Context c, StreamData s) {
        View v = c.binned;
        double[][] shards = s.shardIteratorAgeSeconds();
        for (int k = 0; k < shards.length; k++) {
            shards[k] = v.merge(shards[k], Binning.Merge.MAX);
        }
        double highest = 0;
        for (double[] shard : shards) {
            highest = Math.max(highest, Series.max(shard));
        }
        AgeUnit unit = AgeUnit.of(highest);
        XYSeriesCollection ages = new XYSeriesCollection();
        List<Color> colours = new ArrayList<>();
        if (shards.length <= SHARD_LINES) {
            for (int k = 0; k < shards.length; k++) {
                ages.addSeries(v.line("Shard " + k + (k == 0 ? " (iterator age, max per " + v.per + ")" : ""),
                        Series.scale(shards[k], 1 / unit.seconds)));
                colours.add(SHARD_COLOURS[k % SHARD_COLOURS.length]);
            }
        } else {
            double[] max = new double[shards[0].length];
            double[] median = new double[max.length];
            for (int b = 0; b < max.length; b++) {
                double[] across = new double[shards.length];
                for (int k = 0; k < shards.length; k++) {
                    across[k] = shards[k][b];
                }
                Arrays.sort(across);
                max[b] = across[across.length - 1];
                median[b] = across.length % 2 == 1 ? across[across.length / 2]
                        : (across[across.length / 2 - 1] + across[across.length / 2]) / 2;
            }
            ages.addSeries(v.line("Iterator age of the highest shard (max per " + v.per + ")",
                    Series.scale(max, 1 / unit.seconds)));
            ages.addSeries(v.line("Of the median shard", Series.scale(median, 1 / unit.seconds)));
            colours.add(ChartStyle.VERMILLION);
            colours.add(ChartStyle.BLUE);
        }
        XYLineAndShapeRenderer ar = Charts.lines(colours.toArray(Color[]::new));
        for (int k = SHARD_COLOURS.length; k < colours.size(); k++) {
            ar.setSeriesStroke(k, ChartStyle.DASHED_LINE); // the second round of colours
        }
        XYPlot top = new XYPlot(ages, null, ChartStyle.numberAxis("Iterator age (" + unit.name + ")",
                Ticks.fromZero(highest / unit.seconds, 0.1, 5), ""), ar);

        double[] batches = v.merge(s.column("ConcurrentBatches"), Binning.Merge.MAX);
        double[] blocked = v.merge(s.column("BlockedSeconds"), Binning.Merge.SUM);
        double limit = s.value("concurrencyLimit");
        XYSeriesCollection inFlight = new XYSeriesCollection();
        inFlight.addSeries(v.line("Batches in flight" + (s.consumer() == null ? "" : ", " + s.consumer())
                + " (max per " + v.per + ")", batches));
        XYPlot bottom = new XYPlot(inFlight, null, ChartStyle.numberAxis("Batches",
                Ticks.fromZero(Math.max(Series.max(batches), limit), 0.15, 4), ""), Charts.lines(ChartStyle.GREEN));
        if (limit > 0) {
            // Behind the line: a consumer at its limit runs along it.
            bottom.addRangeMarker(ChartStyle.limitLine(limit, "Limit " + Format.count(Math.round(limit))
                    + " (shards x parallelization factor)", ChartStyle.BLACK), org.jfree.chart.ui.Layer.BACKGROUND);
        }
        if (Series.total(blocked) > 0) {
            Charts.rightAxisBars(bottom, v, "Blocked behind failing batches, lane-seconds per " + v.per + " (right axis)",
                    "Blocked (lane-s)", blocked, ChartStyle.translucent(ChartStyle.VERMILLION, 0.25));
            bottom.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        }

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.timeAxis(c.scale));
        plot.setGap(16);
        plot.add(top, 3);
        plot.add(bottom, 2);
        ChartStyle.style(top);
        ChartStyle.style(bottom);
        String title = "Stream " + s.name() + " (" + s.type() + ", " + Format.count(s.shards(), "shard", "shards")
                + "): iterator age and batches";
        String sub = Format.count(Math.round(s.value("recordsIn"))) + " records in, "
                + Format.count(Math.round(s.value("processed"))) + " processed, "
                + Format.count(Math.round(s.value("discarded"))) + " discarded, "
                + Format.count(Math.round(s.value("expired"))) + " expired; iterator age max "
                + Format.seconds(s.value("iteratorAgeMaxSeconds")) + "; blocked "
                + Format.seconds(s.value("blockedSeconds")) + "; concurrency max "
                + Format.count(Math.round(s.value("concurrencyMax"))) + " of " + Format.count(Math.round(limit))
                + "; end to end p99 " + (s.value("endToEndMs.count") == 0 ? "none" : Format.ms(s.value("endToEndMs.p99")));
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, sub);
        return new NamedChart(streamName(s.name()), title,
                "Top: IteratorAge, the age of the last record of a batch when the poller read it, the highest of each "
                        + v.per + (shards.length <= SHARD_LINES ? ", a line per shard"
                        : ", of the shard where it was highest and of the median shard") + ": a shard that falls behind "
                        + "(a failing batch retried in place, too little concurrency) climbs while the others stay low. "
                        + "Bottom: the batches in flight at once, against the most the mapping allows; bars, when "
                        + "present, are the lane-seconds spent behind a failing batch.", chart);
    }

    /** The unit an age axis is drawn in: milliseconds below 1 s, minutes from 2 minutes, else seconds. */
    private record AgeUnit(String name, double seconds) {
        static AgeUnit of(double maxSeconds) {
            if (maxSeconds >= 120) {
                return new AgeUnit("min", 60);
            }
            return maxSeconds < 1 ? new AgeUnit("ms", 0.001) : new AgeUnit("s", 1);
        }
    }
}
