package io.github.lambdasim.scenario;

/**
 * A Kinesis data stream or a DynamoDB stream ({@code streams:}): {@code shards} shards, each an
 * ordered log of records kept for the retention period.
 */
public record StreamSpec(String name, Type type, int shards, long retentionMicros) {

    public enum Type {
        KINESIS, DYNAMODB;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
