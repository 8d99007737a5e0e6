package io.github.lambdasim.scenario;

/**
 * A function's event source mapping ({@code eventSource:}): Lambda's pollers read batches from
 * an SQS queue or a stream and invoke the function with each. The fields follow
 * CreateEventSourceMapping; those of the other kind of source are left at their defaults.
 *
 * @param queue                        the SQS queue consumed, or null
 * @param stream                       the stream consumed, or null
 * @param maximumBatchingWindowMicros  how long a poller gathers records before it invokes with fewer than a batch
 * @param maximumConcurrency           SQS: the most concurrent batches (ScalingConfig), 0 when not set
 * @param reportBatchItemFailures      SQS: the function returns the failed messages, and only they go back
 * @param parallelizationFactor        streams: concurrent batches per shard (1 to 10)
 * @param bisectBatchOnFunctionError   streams: a failing batch is split in two and each half retried
 * @param maximumRetryAttempts         streams: retries of a failing batch, -1 until its records expire
 * @param maximumRecordAgeMicros       streams: records older than this are discarded, -1 for the stream's retention
 */
public record EventSourceSpec(String queue, String stream, int batchSize, long maximumBatchingWindowMicros,
                              int maximumConcurrency, boolean reportBatchItemFailures, int parallelizationFactor,
                              boolean bisectBatchOnFunctionError, int maximumRetryAttempts, long maximumRecordAgeMicros) {
    public static final int UNLIMITED = -1;

    public EventSourceSpec {
        if ((queue == null) == (stream == null)) {
            throw new IllegalArgumentException("an event source is a queue or a stream");
        }
    }

    /** A mapping on an SQS queue. */
    public static EventSourceSpec queue(String queue, int batchSize, long windowMicros, int maximumConcurrency,
                                        boolean reportBatchItemFailures) {
        return new EventSourceSpec(queue, null, batchSize, windowMicros, maximumConcurrency, reportBatchItemFailures,
                1, false, UNLIMITED, UNLIMITED);
    }

    /** A mapping on a stream. */
    public static EventSourceSpec stream(String stream, int batchSize, long windowMicros, int parallelizationFactor,
                                         boolean bisect, int maximumRetryAttempts, long maximumRecordAgeMicros) {
        return new EventSourceSpec(null, stream, batchSize, windowMicros, 0, false, parallelizationFactor, bisect,
                maximumRetryAttempts, maximumRecordAgeMicros);
    }

    public boolean isQueue() {
        return queue != null;
    }

    /** The queue's or the stream's name. */
    public String source() {
        return queue != null ? queue : stream;
    }
}
