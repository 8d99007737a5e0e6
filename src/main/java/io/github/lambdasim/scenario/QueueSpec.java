package io.github.lambdasim.scenario;

/**
 * An SQS standard queue ({@code queues:}). A message received by a consumer stays invisible for
 * the visibility timeout; unless the consumer deletes it by then (a successful batch), it is
 * visible again, and after {@code maxReceiveCount} receives it moves to the queue's dead-letter
 * queue. A message older than the retention period is deleted by SQS.
 *
 * @param maxReceiveCount receives after which a message moves to the dead-letter queue; 0 when the
 *                        queue has no dead-letter queue (a message is then received until it expires)
 */
public record QueueSpec(String name, long visibilityTimeoutMicros, int maxReceiveCount, long retentionMicros) {
    public boolean hasDeadLetterQueue() {
        return maxReceiveCount > 0;
    }
}
