package io.github.lambdasim.report.data;

/**
 * The names of the files under a run's {@code data/} folder, and the header of samples.csv:
 * written by the run (report's {@code RunDataFiles}), read back by {@link ReportFiles}.
 *
 * <ul>
 *   <li>{@value #HISTOGRAMS}: each function's latency histograms of warm and cold invocations,
 *       in microseconds, in HdrHistogram's compressed encoding, base64;</li>
 *   <li>{@value #SAMPLES}: the sampled invocations of report-log.txt, one per row;</li>
 *   <li>{@value #BILL}: the bill's arithmetic, line by line;</li>
 *   <li>{@value #ACCOUNT}: the account's concurrency per period, peak and time-weighted mean
 *       ({@value #ACCOUNT_HEADER}).</li>
 * </ul>
 */
public final class RunFiles {
    public static final String HISTOGRAMS = "data/latency-histograms.json";
    public static final String SAMPLES = "data/samples.csv";
    public static final String BILL = "data/bill.txt";
    public static final String ACCOUNT = "data/account.csv";
    public static final String TRACES = "data/traces.json";
    /** Of a run with SQS queues: one row per queue per period ({@code SourceFigures.QUEUE_COLUMNS}). */
    public static final String QUEUES = "queues.csv";
    /** Of a run with streams: one row per stream per period ({@code SourceFigures.STREAM_COLUMNS}). */
    public static final String STREAMS = "streams.csv";
    /** Of a run with streams: one row per shard of each stream per period, its iterator age. */
    public static final String SHARDS = "stream-shards.csv";
    public static final String ACCOUNT_HEADER = "periodStartSeconds,periodSeconds,ConcurrentExecutions,ConcurrencyAvg";
    public static final String SAMPLES_HEADER =
            "function,requestId,startSeconds,initMs,durationMs,billedMs,maxMemoryUsedMb,coldStart,provisioned,status";

    private RunFiles() {
    }
}
