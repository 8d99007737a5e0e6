package io.github.lambdasim.report;

import io.github.lambdasim.model.QueueResult;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.model.SourceFigures;
import io.github.lambdasim.model.StreamResult;
import io.github.lambdasim.report.data.RunFiles;
import io.github.lambdasim.scenario.ScenarioClock;
import io.github.lambdasim.stats.PeriodSeries;
import java.io.IOException;
import java.util.List;

/**
 * The per-period files of event sources, beside metrics.csv and like it (a {@code time} column
 * first when the scenario has a clock, then {@code periodStartSeconds,periodSeconds}):
 * queues.csv, one row per SQS queue per period ({@link SourceFigures#QUEUE_COLUMNS});
 * streams.csv, one row per stream per period ({@link SourceFigures#STREAM_COLUMNS}); and
 * stream-shards.csv, one row per shard of each stream per period with its iterator age. Rows
 * come by period, then in the scenario's order of queues or streams (then shards); every period
 * has its rows. Written only by runs that have queues or streams.
 */
public final class SourcesCsv {
    private SourcesCsv() {
    }

    /** Writes the files the run has (none without queues or streams). */
    public static void write(RunResult run, OutputFolder folder) throws IOException {
        ScenarioClock clock = run.scenario().clock();
        if (!run.queues().isEmpty()) {
            folder.write(RunFiles.QUEUES, queues(run.queues(), run.series(), clock));
        }
        if (!run.streams().isEmpty()) {
            folder.write(RunFiles.STREAMS, streams(run.streams(), run.series(), clock));
            folder.write(RunFiles.SHARDS, shards(run.streams(), run.series(), clock));
        }
    }

    public static String queues(List<QueueResult> queues, PeriodSeries series, ScenarioClock clock) {
        StringBuilder sb = header(clock, "queue");
        for (SourceFigures.Column<QueueResult.Periods> c : SourceFigures.QUEUE_COLUMNS) {
            sb.append(',').append(c.column());
        }
        sb.append('\n');
        for (int p = 0; p < series.periods(); p++) {
            for (QueueResult q : queues) {
                start(sb, series, clock, p).append(',').append(csv(q.name()));
                for (SourceFigures.Column<QueueResult.Periods> c : SourceFigures.QUEUE_COLUMNS) {
                    sb.append(',').append(MetricsCsv.plain(c.values().apply(q.periods())[p], c.unit().decimals()));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public static String streams(List<StreamResult> streams, PeriodSeries series, ScenarioClock clock) {
        StringBuilder sb = header(clock, "stream");
        for (SourceFigures.Column<StreamResult.Periods> c : SourceFigures.STREAM_COLUMNS) {
            sb.append(',').append(c.column());
        }
        sb.append('\n');
        for (int p = 0; p < series.periods(); p++) {
            for (StreamResult s : streams) {
                start(sb, series, clock, p).append(',').append(csv(s.name()));
                for (SourceFigures.Column<StreamResult.Periods> c : SourceFigures.STREAM_COLUMNS) {
                    sb.append(',').append(MetricsCsv.plain(c.values().apply(s.periods())[p], c.unit().decimals()));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public static String shards(List<StreamResult> streams, PeriodSeries series, ScenarioClock clock) {
        StringBuilder sb = header(clock, "stream").append(",shard,").append(SourceFigures.SHARD_COLUMN).append('\n');
        for (int p = 0; p < series.periods(); p++) {
            for (StreamResult s : streams) {
                double[][] ages = s.periods().shardIteratorAgeMaxSeconds();
                for (int shard = 0; shard < ages.length; shard++) {
                    start(sb, series, clock, p).append(',').append(csv(s.name())).append(',').append(shard).append(',')
                            .append(MetricsCsv.plain(ages[shard][p], 3)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static StringBuilder header(ScenarioClock clock, String who) {
        return new StringBuilder(clock == null ? "" : "time,").append("periodStartSeconds,periodSeconds,").append(who);
    }

    private static StringBuilder start(StringBuilder sb, PeriodSeries series, ScenarioClock clock, int p) {
        if (clock != null) {
            sb.append(clock.at(series.periodStartMicros(p))).append(',');
        }
        return sb.append(MetricsCsv.plain(series.periodStartMicros(p) / 1e6, 3)).append(',')
                .append(MetricsCsv.plain(series.periodMicros() / 1e6, 3));
    }

    private static String csv(String s) {
        return s.matches("[A-Za-z0-9_.-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
