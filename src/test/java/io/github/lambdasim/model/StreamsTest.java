package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinesis and DynamoDB streams against exact expectations: concurrency never above shards x
 * parallelization factor, one key's records in order on one lane, a failing record attempted
 * exactly retries + 1 times, bisection isolating it, the lane blocked until a record expires,
 * and each type's polling interval.
 */
class StreamsTest {
    private static String scenario(String duration, String stream, String eventSource, String handler, String... traffic) {
        return """
                name: streams
                duration: %s
                seed: 9
                account: {concurrencyLimit: 5000}
                streams:
                  - %s
                functions:
                  - name: enricher
                    runtime: python3.12
                    memorySize: 512
                    timeout: 10s
                    coldStart: {constant: 450ms}
                    eventSource: %s
                    handler: %s
                traffic:
                %s
                """.formatted(duration, stream, eventSource, handler,
                String.join("\n", java.util.Arrays.stream(traffic).map(t -> "  - " + t).toList()));
    }

    private static RunResult run(String yaml) {
        RunResult r = new Simulation(ScenarioLoader.parse(yaml, "streams.yaml", List.of()), 0, null, null).run();
        assertEquals(List.of(), Invariants.check(r));
        return r;
    }

    @Test
    void concurrencyIsAtMostShardsTimesTheParallelizationFactor() {
        StreamResult s = run(scenario("5m", "{name: clicks, type: kinesis, shards: 3}",
                "{stream: clicks, batchSize: 10, parallelizationFactor: 2}", "{duration: {constant: 200ms}}",
                "{stream: clicks, poisson: {rate: 2000/s}}")).streams().get(0);
        assertEquals(6, s.concurrencyLimit());
        assertEquals(6, s.concurrencyMax(), "2,000 records/s keep all six lanes busy");
        assertEquals(0, s.outOfOrder());
    }

    @Test
    void oneKeysRecordsGoToOneLaneInOrder() {
        RunResult r = run(scenario("5m", "{name: clicks, type: kinesis, shards: 3}",
                "{stream: clicks, batchSize: 10, parallelizationFactor: 2}", "{duration: {constant: 200ms}}",
                "{stream: clicks, poisson: {rate: 200/s}, partitionKey: user-42}"));
        StreamResult s = r.streams().get(0);
        assertEquals(1, s.concurrencyMax());
        assertEquals(1, r.functions().get(0).concurrencyMax());
        assertEquals(0, s.outOfOrder());
    }

    private static RunResult onePoisonRecord(String eventSource) {
        return run(scenario("10m", "{name: clicks, type: kinesis, shards: 1}", eventSource,
                "{duration: {constant: 50ms}}", "{stream: clicks, constant: {rate: 1/s, end: 1s}, poisonRecords: 1}"));
    }

    @Test
    void aRecordThatAlwaysFailsIsAttemptedRetriesPlusOneTimes() {
        for (int k : new int[] {0, 2, 5}) {
            RunResult r = onePoisonRecord("{stream: clicks, maximumRetryAttempts: " + k + "}");
            StreamResult s = r.streams().get(0);
            assertEquals(k + 1, r.functions().get(0).invocations(), "maximumRetryAttempts " + k);
            assertEquals(1, s.discarded());
            assertEquals(0, s.processed());
            // Blocked from the end of its first attempt to the end of its last: a polling interval (1 s)
            // and an attempt (50 ms) per retry.
            assertEquals(k * 1.05, s.blockedSeconds(), 1e-6, "maximumRetryAttempts " + k);
        }
    }

    private static StreamResult poisonAmongSixteen(boolean bisect) {
        return run(scenario("5m", "{name: clicks, type: kinesis, shards: 1}",
                "{stream: clicks, batchSize: 100, maximumRetryAttempts: 0, bisectBatchOnFunctionError: " + bisect + "}",
                "{duration: {constant: 50ms}}",
                "{stream: clicks, constant: {rate: 1000/s, end: 16ms}}",
                "{stream: clicks, constant: {rate: 1/s, start: 5.5ms, end: 6ms}, poisonRecords: 1, name: poison}"))
                .streams().get(0);
    }

    @Test
    void bisectionIsolatesTheRecordThatFails() {
        StreamResult whole = poisonAmongSixteen(false);
        assertEquals(17, whole.recordsIn());
        assertEquals(17, whole.discarded(), "without bisection the whole batch goes");
        StreamResult split = poisonAmongSixteen(true);
        assertEquals(1, split.discarded(), "split down to the record that fails");
        assertEquals(16, split.processed());
        assertEquals(0, split.outOfOrder());
    }

    @Test
    void withoutRetryLimitsAFailingRecordBlocksItsShardUntilItExpires() {
        RunResult r = onePoisonRecord("{stream: clicks, maximumRecordAge: 60s}");
        StreamResult s = r.streams().get(0);
        assertEquals(1, s.expired());
        assertEquals(0, s.discarded());
        // Put at 0, first tried at 1 s (a cold start of 450 ms, then 50 ms), retried a polling interval
        // after each failure (every 1.05 s) until the poll at 60.25 s finds it 60 s old: 56 attempts,
        // the shard blocked from 1.5 s to 60.25 s.
        assertEquals(56, r.functions().get(0).invocations());
        assertEquals(58.75, s.blockedSeconds(), 1e-6);
    }

    private static double meanEndToEndMs(String type) {
        return run(scenario("40m", "{name: clicks, type: " + type + ", shards: 1}", "{stream: clicks, batchSize: 1}",
                "{duration: {constant: 10ms}}", "{stream: clicks, poisson: {rate: 1/s}}")).streams().get(0)
                .endToEndMs().mean();
    }

    @Test
    void kinesisIsPolledEverySecondAndDynamoDbFourTimesASecond() {
        // A record put at random waits half a polling interval on average, then the 10 ms invocation
        // (2,400 records: the mean's standard error is under 1% of the interval; one cold start adds 0.2 ms).
        assertEquals(500 + 10, meanEndToEndMs("kinesis"), 20);
        assertEquals(125 + 10, meanEndToEndMs("dynamodb"), 6);
    }
}
