package io.github.lambdasim.model;

import io.github.lambdasim.stats.DistributionSummary;

/**
 * What a run measured of one Kinesis or DynamoDB stream and its consumer. Every record put ends
 * exactly once: processed, discarded (its batch ran out of retries), expired (past the maximum
 * record age or the retention), or still in the stream at the end.
 *
 * @param consumer              the consuming function, or null
 * @param outOfOrder            records processed before one put earlier on the same lane (0: order kept)
 * @param records               records in the batches started (a record tried twice counts twice)
 * @param concurrencyLimit      shards x parallelization factor: the most batches at once
 * @param iteratorAgeMaxSeconds the highest IteratorAge (the age of the last record of a batch read)
 * @param blockedSeconds        lane-seconds spent behind a failing batch
 * @param endToEndMs            of each record processed: from its put to the end of its batch's invocation
 * @param costUsd               the consuming function's cost of the run (its bill for the run's period), 0 without one
 */
public record StreamResult(String name, String type, int shards, String consumer, long recordsIn, long processed,
                           long discarded, long expired, long remainingAtEnd, long outOfOrder, long batches,
                           long records, long failedBatches, long throttled, int recordsMax, int concurrencyMax, int concurrencyLimit,
                           double iteratorAgeMaxSeconds, double blockedSeconds, DistributionSummary endToEndMs,
                           Periods periods, double costUsd) {

    public double recordsPerBatch() {
        return batches == 0 ? 0 : records / (double) batches;
    }

    /** The consumer's cost of the run per million records it processed. */
    public double costPerMillionRecordsUsd() {
        return processed == 0 ? 0 : costUsd / processed * 1e6;
    }

    /** The stream's figures per metrics period; {@code shardIteratorAgeMaxSeconds[shard][period]}. */
    public record Periods(double[] recordsIn, double[] processed, double[] discarded, double[] expired,
                          double[] iteratorAgeMaxSeconds, double[] blockedSeconds, double[] batches,
                          double[] concurrencyMax, double[][] shardIteratorAgeMaxSeconds) {
    }
}
