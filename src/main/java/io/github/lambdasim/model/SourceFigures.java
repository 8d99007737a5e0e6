package io.github.lambdasim.model;

import static io.github.lambdasim.model.Figure.Better.HIGHER;
import static io.github.lambdasim.model.Figure.Better.LOWER;
import static io.github.lambdasim.model.Figure.Better.NEITHER;
import static io.github.lambdasim.model.Figure.Use.HEADLINE;
import static io.github.lambdasim.model.Figure.Use.KEY;
import static io.github.lambdasim.model.Figure.Use.TABLE;

import io.github.lambdasim.stats.DistributionSummary;
import io.github.lambdasim.stats.Metric.Reading;
import io.github.lambdasim.stats.Unit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The figures of event sources, each declared once, as {@link Figures} declares a function's:
 * of an SQS queue ({@link #QUEUE}, under {@code queues.<name>} in summary.json), of a function
 * consuming it ({@link #CONSUMER}, under {@code queues.<name>.consumers.<function>}) and of a
 * Kinesis or DynamoDB stream ({@link #STREAM}, under {@code streams.<name>}); and their
 * per-period columns ({@link #QUEUE_COLUMNS}: queues.csv, {@link #STREAM_COLUMNS}: streams.csv,
 * {@link #SHARD_COLUMN}: stream-shards.csv). summary.json, the CSV files, the text summary and
 * the report's tables iterate these lists; the {@link Figure.Use#TABLE} ones are the rows of the
 * text summary and of the report's tables.
 */
public final class SourceFigures {
    private SourceFigures() {
    }

    private static final String END_TO_END = "of each message deleted: from its send to the end of the invocation that "
            + "processed it";
    private static final String END_TO_END_RECORD = "of each record processed: from its put to the end of its batch's "
            + "invocation";
    private static final String END_TO_END_ROW = "End to end p50 / p90 / p99 / max";

    /** The figures of an SQS queue, in summary.json's order. */
    public static final List<Figure> QUEUE = List.of(
            queue("sent", Unit.COUNT, "Sent", "messages sent to the queue", NEITHER, QueueResult::sent,
                    "Sent / deleted / to the DLQ / expired", TABLE),
            queue("received", Unit.COUNT, "Received", "receives: a message received twice counts twice", NEITHER,
                    QueueResult::received, null),
            queue("deleted", Unit.COUNT, "Deleted", "messages processed and deleted", HIGHER, QueueResult::deleted,
                    "Sent / deleted / to the DLQ / expired", TABLE, KEY),
            queue("deadLettered", Unit.COUNT, "To the DLQ", "messages moved to the dead-letter queue after "
                    + "maxReceiveCount receives", LOWER, QueueResult::deadLettered,
                    "Sent / deleted / to the DLQ / expired", TABLE, KEY),
            queue("expired", Unit.COUNT, "Expired", "messages deleted by SQS past the queue's retention period", LOWER,
                    QueueResult::expired, "Sent / deleted / to the DLQ / expired", TABLE),
            queue("visibleAtEnd", Unit.COUNT, "Visible at the end", "messages waiting in the queue when the run ended",
                    LOWER, QueueResult::visibleAtEnd, "Left at the end: visible / in flight", TABLE),
            queue("inFlightAtEnd", Unit.COUNT, "In flight at the end", "messages received and not deleted when the run "
                    + "ended (in a batch, or waiting out the visibility timeout)", NEITHER, QueueResult::inFlightAtEnd,
                    "Left at the end: visible / in flight", TABLE),
            queue("visibleMax", Unit.COUNT, "Backlog max", "the most messages visible at once "
                    + "(ApproximateNumberOfMessagesVisible)", LOWER, QueueResult::visibleMax, null, TABLE, KEY),
            queue("oldestAgeMaxSeconds", Unit.SECONDS, "Oldest message max", "the highest ApproximateAgeOfOldestMessage: "
                    + "how long the oldest message in the queue had waited", LOWER, QueueResult::oldestAgeMaxSeconds,
                    null, TABLE, KEY, HEADLINE));

    /** The figures of a function's event source mapping on a queue, in summary.json's order. */
    public static final List<Figure> CONSUMER = withDistribution(List.of(
            consumer("batches", Unit.COUNT, "Batches", "invocations with a batch of messages (throttled ones not counted)",
                    NEITHER, QueueResult.Consumer::batches, "Batches / records per batch / max", TABLE, KEY),
            consumer("records", Unit.COUNT, "Records", "messages in those batches", NEITHER,
                    QueueResult.Consumer::records, null),
            consumer("recordsPerBatch", Unit.LEVEL, "Records per batch", "messages per batch, on average", NEITHER,
                    QueueResult.Consumer::recordsPerBatch, "Batches / records per batch / max", TABLE, KEY),
            consumer("recordsMax", Unit.COUNT, "Most in a batch", "the most messages in one batch", NEITHER,
                    QueueResult.Consumer::recordsMax, "Batches / records per batch / max", TABLE),
            consumer("throttled", Unit.COUNT, "Throttled batches", "batches refused for want of concurrency (their "
                    + "messages went back to the queue)", LOWER, QueueResult.Consumer::throttled,
                    "Batches throttled / failed", TABLE, KEY),
            consumer("failedBatches", Unit.COUNT, "Failed batches", "invocations that failed: their messages went back "
                    + "after the visibility timeout", LOWER, QueueResult.Consumer::failedBatches,
                    "Batches throttled / failed", TABLE),
            consumer("concurrencyMax", Unit.COUNT, "Concurrency max", "the most batches in flight at once (the pollers' "
                    + "concurrency)", NEITHER, QueueResult.Consumer::concurrencyMax, null, TABLE, KEY),
            consumer("costPerMillionMessagesUsd", Unit.USD, "Cost per 1M messages", "the consuming function's cost "
                    + "of the run per million messages it processed", LOWER,
                    QueueResult.Consumer::costPerMillionMessagesUsd, null, TABLE, KEY, HEADLINE)),
            "endToEndMs", END_TO_END, QueueResult.Consumer::endToEndMs, Figure.ConsumerMeasured::new);

    /** The figures of a stream and its consumer, in summary.json's order. */
    public static final List<Figure> STREAM = withDistribution(List.of(
            stream("recordsIn", Unit.COUNT, "Records in", "records put to the stream", NEITHER, StreamResult::recordsIn,
                    "Records in / processed / discarded / expired", TABLE),
            stream("processed", Unit.COUNT, "Processed", "records in batches that succeeded", HIGHER,
                    StreamResult::processed, "Records in / processed / discarded / expired", TABLE, KEY),
            stream("discarded", Unit.COUNT, "Discarded", "records of batches that ran out of retries", LOWER,
                    StreamResult::discarded, "Records in / processed / discarded / expired", TABLE, KEY, HEADLINE),
            stream("expired", Unit.COUNT, "Expired", "records past the maximum record age or the stream's retention", LOWER,
                    StreamResult::expired, "Records in / processed / discarded / expired", TABLE, KEY),
            stream("remainingAtEnd", Unit.COUNT, "Left at the end", "records not yet processed when the run ended",
                    LOWER, StreamResult::remainingAtEnd, null, TABLE, KEY),
            stream("outOfOrder", Unit.COUNT, "Out of order", "records processed before one put earlier on the same lane "
                    + "(0: order kept)", LOWER, StreamResult::outOfOrder, null),
            stream("batches", Unit.COUNT, "Batches", "invocations with a batch of records", NEITHER,
                    StreamResult::batches, "Batches / failed / throttled", TABLE),
            stream("failedBatches", Unit.COUNT, "Failed batches", "invocations that failed: the batch is retried in "
                    + "place, its shard's lane blocked", LOWER, StreamResult::failedBatches,
                    "Batches / failed / throttled", TABLE),
            stream("throttled", Unit.COUNT, "Throttled batches", "batches refused for want of concurrency", LOWER,
                    StreamResult::throttled, "Batches / failed / throttled", TABLE),
            stream("recordsPerBatch", Unit.LEVEL, "Records per batch", "records per batch, on average", NEITHER,
                    StreamResult::recordsPerBatch, "Records per batch / max", TABLE),
            stream("recordsMax", Unit.COUNT, "Most in a batch", "the most records in one batch", NEITHER,
                    StreamResult::recordsMax, "Records per batch / max", TABLE),
            stream("concurrencyMax", Unit.COUNT, "Concurrency max", "the most batches in flight at once", NEITHER,
                    StreamResult::concurrencyMax, "Concurrency max / limit", TABLE, KEY),
            stream("concurrencyLimit", Unit.COUNT, "Concurrency limit", "shards x parallelization factor: the most "
                    + "batches at once", NEITHER, StreamResult::concurrencyLimit, "Concurrency max / limit", TABLE),
            stream("iteratorAgeMaxSeconds", Unit.SECONDS, "Iterator age max", "the highest IteratorAge: the age of the "
                    + "last record of a batch when it was read", LOWER, StreamResult::iteratorAgeMaxSeconds, null, TABLE, KEY, HEADLINE),
            stream("blockedSeconds", Unit.SECONDS, "Blocked behind failing batches", "lane-seconds spent behind a failing batch", LOWER,
                    StreamResult::blockedSeconds, null, TABLE, KEY),
            stream("costPerMillionRecordsUsd", Unit.USD, "Cost per 1M records", "the consumer's cost of the run per "
                    + "million records it processed", LOWER, StreamResult::costPerMillionRecordsUsd, null, TABLE, KEY, HEADLINE)),
            "endToEndMs", END_TO_END_RECORD, StreamResult::endToEndMs, Figure.StreamMeasured::new);

    // ---------------------------------------------------------------- per period

    /**
     * A column of queues.csv or streams.csv: its name (CloudWatch's where one exists), meaning,
     * unit, how it reads across periods, its values per period from the result, and the figure of
     * the run its periods add up to (a path of {@link #QUEUE} or {@link #STREAM}), or null.
     */
    public record Column<P>(String column, String meaning, Unit unit, Reading reading, Function<P, double[]> values,
                            String total) {
    }

    /** queues.csv's columns after {@code periodStartSeconds,periodSeconds,queue}, in order. */
    public static final List<Column<QueueResult.Periods>> QUEUE_COLUMNS = List.of(
            new Column<>("NumberOfMessagesSent", "messages sent", Unit.COUNT, Reading.SUM,
                    QueueResult.Periods::sent, "sent"),
            new Column<>("NumberOfMessagesReceived", "receives", Unit.COUNT, Reading.SUM,
                    QueueResult.Periods::received, "received"),
            new Column<>("NumberOfMessagesDeleted", "messages processed and deleted", Unit.COUNT, Reading.SUM,
                    QueueResult.Periods::deleted, "deleted"),
            new Column<>("MessagesToDeadLetterQueue", "messages moved to the dead-letter queue", Unit.COUNT, Reading.SUM,
                    QueueResult.Periods::deadLettered, "deadLettered"),
            new Column<>("MessagesExpired", "messages past the retention period", Unit.COUNT, Reading.SUM,
                    QueueResult.Periods::expired, "expired"),
            new Column<>("ApproximateNumberOfMessagesVisible", "the most messages visible at once (the backlog)",
                    Unit.COUNT, Reading.MAX, QueueResult.Periods::visibleMax, null),
            new Column<>("ApproximateNumberOfMessagesNotVisible", "the most messages in flight at once (received, not "
                    + "deleted)", Unit.COUNT, Reading.MAX, QueueResult.Periods::inFlightMax, null),
            new Column<>("ApproximateAgeOfOldestMessage", "the highest age of the oldest message, in seconds",
                    Unit.SECONDS, Reading.MAX, QueueResult.Periods::oldestAgeMaxSeconds, null),
            new Column<>("Batches", "invocations with a batch, all consumers", Unit.COUNT, Reading.SUM,
                    QueueResult.Periods::batches, null),
            new Column<>("ConcurrentBatches", "the most batches in flight at once, all consumers (the pollers' "
                    + "concurrency)", Unit.COUNT, Reading.MAX, QueueResult.Periods::concurrencyMax, null));

    /** streams.csv's columns after {@code periodStartSeconds,periodSeconds,stream}, in order. */
    public static final List<Column<StreamResult.Periods>> STREAM_COLUMNS = List.of(
            new Column<>("IncomingRecords", "records put", Unit.COUNT, Reading.SUM, StreamResult.Periods::recordsIn,
                    "recordsIn"),
            new Column<>("RecordsProcessed", "records in batches that succeeded", Unit.COUNT, Reading.SUM,
                    StreamResult.Periods::processed, "processed"),
            new Column<>("RecordsDiscarded", "records of batches that ran out of retries", Unit.COUNT, Reading.SUM,
                    StreamResult.Periods::discarded, "discarded"),
            new Column<>("RecordsExpired", "records past the maximum record age or the retention", Unit.COUNT,
                    Reading.SUM, StreamResult.Periods::expired, "expired"),
            new Column<>("IteratorAgeMaxSeconds", "the highest IteratorAge of any shard, in seconds", Unit.SECONDS,
                    Reading.MAX, StreamResult.Periods::iteratorAgeMaxSeconds, null),
            new Column<>("BlockedSeconds", "lane-seconds spent behind a failing batch", Unit.SECONDS, Reading.SUM,
                    StreamResult.Periods::blockedSeconds, "blockedSeconds"),
            new Column<>("Batches", "invocations with a batch", Unit.COUNT, Reading.SUM, StreamResult.Periods::batches,
                    "batches"),
            new Column<>("ConcurrentBatches", "the most batches in flight at once", Unit.COUNT, Reading.MAX,
                    StreamResult.Periods::concurrencyMax, null));

    /** stream-shards.csv's one column after {@code periodStartSeconds,periodSeconds,stream,shard}. */
    public static final String SHARD_COLUMN = "IteratorAgeMaxSeconds";

    // ---------------------------------------------------------------- values

    /** Every figure of a queue, by path. */
    public static Map<String, Double> values(QueueResult q) {
        return values(QUEUE, f -> ((Figure.QueueMeasured) f.source()).value().applyAsDouble(q));
    }

    /** Every figure of a queue's consumer, by path. */
    public static Map<String, Double> values(QueueResult.Consumer c) {
        return values(CONSUMER, f -> ((Figure.ConsumerMeasured) f.source()).value().applyAsDouble(c));
    }

    /** Every figure of a stream, by path. */
    public static Map<String, Double> values(StreamResult s) {
        return values(STREAM, f -> ((Figure.StreamMeasured) f.source()).value().applyAsDouble(s));
    }

    private static Map<String, Double> values(List<Figure> figures, ToDoubleFunction<Figure> value) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Figure f : figures) {
            out.put(f.path(), value.applyAsDouble(f));
        }
        return out;
    }

    /** The figures of {@code figures} with {@code use}, in order. */
    public static List<Figure> with(List<Figure> figures, Figure.Use use) {
        return figures.stream().filter(f -> f.is(use)).toList();
    }

    // ---------------------------------------------------------------- declaring

    private static Figure queue(String path, Unit unit, String label, String meaning, Figure.Better better,
                                ToDoubleFunction<QueueResult> value, String row, Figure.Use... uses) {
        return new Figure(path, unit, label, meaning, better, new Figure.QueueMeasured(value), set(uses), row);
    }

    private static Figure consumer(String path, Unit unit, String label, String meaning, Figure.Better better,
                                   ToDoubleFunction<QueueResult.Consumer> value, String row, Figure.Use... uses) {
        return new Figure(path, unit, label, meaning, better, new Figure.ConsumerMeasured(value), set(uses), row);
    }

    private static Figure stream(String path, Unit unit, String label, String meaning, Figure.Better better,
                                 ToDoubleFunction<StreamResult> value, String row, Figure.Use... uses) {
        return new Figure(path, unit, label, meaning, better, new Figure.StreamMeasured(value), set(uses), row);
    }

    /**
     * {@code figures} followed by a distribution's count, mean, p50, p90, p99 and max in
     * milliseconds, under {@code key} (as an entry point's end-to-end time is written); p50 to max
     * are one row of the tables.
     */
    private static <R> List<Figure> withDistribution(List<Figure> figures, String key, String meaning,
                                                     Function<R, DistributionSummary> summary,
                                                     Function<ToDoubleFunction<R>, Figure.Source> source) {
        List<Figure> all = new ArrayList<>(figures);
        all.add(new Figure(key + ".count", Unit.COUNT, "End to end, count", meaning, NEITHER,
                source.apply(r -> summary.apply(r).count()), Set.of(), null));
        all.add(new Figure(key + ".mean", Unit.MS, "End to end mean", meaning, LOWER,
                source.apply(r -> summary.apply(r).mean()), set(KEY), null));
        all.add(new Figure(key + ".p50", Unit.MS, "End to end p50", meaning, LOWER,
                source.apply(r -> summary.apply(r).p50()), set(TABLE, KEY), END_TO_END_ROW));
        all.add(new Figure(key + ".p90", Unit.MS, "End to end p90", meaning, LOWER,
                source.apply(r -> summary.apply(r).p90()), set(TABLE, KEY), END_TO_END_ROW));
        all.add(new Figure(key + ".p99", Unit.MS, "End to end p99", meaning, LOWER,
                source.apply(r -> summary.apply(r).p99()), set(TABLE, KEY, HEADLINE), END_TO_END_ROW));
        all.add(new Figure(key + ".max", Unit.MS, "End to end max", meaning, LOWER,
                source.apply(r -> summary.apply(r).max()), set(TABLE, KEY), END_TO_END_ROW));
        return List.copyOf(all);
    }

    private static Set<Figure.Use> set(Figure.Use... uses) {
        return uses.length == 0 ? Set.of() : EnumSet.of(uses[0], uses);
    }
}
