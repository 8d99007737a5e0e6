package io.github.lambdasim.model;

import io.github.lambdasim.stats.DistributionSummary;
import java.util.List;

/**
 * What a run measured of one SQS queue and the functions that consume it. Every message sent
 * ends exactly once: deleted, moved to the dead-letter queue, expired, or still in the queue at
 * the end (visible, or received and not deleted).
 *
 * @param received            receives (a message received twice counts twice)
 * @param inFlightAtEnd       messages received and not deleted when the run ended (in a batch, or waiting out the visibility timeout)
 * @param oldestAgeMaxSeconds the highest ApproximateAgeOfOldestMessage seen
 */
public record QueueResult(String name, long sent, long received, long deleted, long deadLettered, long expired,
                          long visibleAtEnd, long inFlightAtEnd, long visibleMax, double oldestAgeMaxSeconds,
                          List<Consumer> consumers, Periods periods) {
    public QueueResult {
        consumers = List.copyOf(consumers);
    }

    /**
     * One function's event source mapping on the queue.
     *
     * @param batches        invocations with a batch (throttled ones not counted)
     * @param records        messages in those batches
     * @param throttled      batches refused for want of concurrency (their messages went back)
     * @param failedBatches  invocations that failed (all their messages went back)
     * @param concurrencyMax the most batches in flight at once
     * @param endToEndMs     of each message deleted: from its send to the end of the invocation that processed it
     * @param costUsd        the consuming function's cost of the run (its bill for the run's period)
     */
    public record Consumer(String function, long batches, long records, int recordsMax, long throttled,
                           long failedBatches, int concurrencyMax, DistributionSummary endToEndMs, double costUsd) {
        public double recordsPerBatch() {
            return batches == 0 ? 0 : records / (double) batches;
        }

        /** The function's cost of the run per million messages it processed (deleted). */
        public double costPerMillionMessagesUsd() {
            return endToEndMs.count() == 0 ? 0 : costUsd / endToEndMs.count() * 1e6;
        }
    }

    /** The queue's figures per metrics period (sums, or maxima where named so). */
    public record Periods(double[] sent, double[] received, double[] deleted, double[] deadLettered, double[] expired,
                          double[] visibleMax, double[] inFlightMax, double[] oldestAgeMaxSeconds, double[] batches,
                          double[] concurrencyMax) {
    }
}
