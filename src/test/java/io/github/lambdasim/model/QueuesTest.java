package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioLoader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQS queues and their pollers against exact expectations: batches of a backlog, the batching
 * window, the pollers' scaling minute by minute, the visibility timeout and the dead-letter
 * queue, partial batch responses, throttled batches; every message ends exactly once.
 */
class QueuesTest {
    private static final long MINUTE = 60_000_000L;

    /** A consumer of queue {@code orders} whose invocations take {@code duration}; messages from {@code traffic}. */
    private static String scenario(String duration, String queue, String eventSource, String handler, String traffic,
                                   String extra) {
        return """
                name: queues
                duration: %s
                seed: 5
                account: {concurrencyLimit: 5000}
                %s
                queues:
                  - %s
                functions:
                  - name: worker
                    runtime: python3.12
                    memorySize: 512
                    timeout: 10s
                    eventSource: %s
                    handler: %s
                traffic:
                  - %s
                """.formatted(duration, extra, queue, eventSource, handler, traffic);
    }

    private static RunResult run(String yaml, long periodMicros) {
        RunResult r = new Simulation(ScenarioLoader.parse(yaml, "queues.yaml", List.of()), 0, periodMicros, null).run();
        assertEquals(List.of(), Invariants.check(r));
        return r;
    }

    private static RunResult run(String yaml) {
        return run(yaml, MINUTE);
    }

    @Test
    void aBacklogOfNMessagesTakesCeilingOfNOverBatchSizeInvocations() {
        for (int b : new int[] {1, 7, 10}) {
            // 1,000 messages within a millisecond: all visible by the first receive, 10 ms later.
            RunResult r = run(scenario("5m", "{name: orders}", "{queue: orders, batchSize: " + b + "}",
                    "{duration: {constant: 100ms}}", "{queue: orders, constant: {rate: 1000000/s, end: 1ms}}", ""));
            QueueResult q = r.queues().get(0);
            assertEquals(1000, q.sent());
            assertEquals(1000, q.deleted());
            assertEquals((1000 + b - 1) / b, q.consumers().get(0).batches(), "batch size " + b);
            assertEquals((1000 + b - 1) / b, r.functions().get(0).invocations(), "batch size " + b);
            assertEquals(b, q.consumers().get(0).recordsMax());
        }
    }

    @Test
    void aBatchingWindowGathersWhatArrivesWithinIt() {
        // A message a second; a poller woken at t + 10 ms waits the 10 s window: 11 messages a batch.
        RunResult r = run(scenario("10m", "{name: orders}",
                "{queue: orders, batchSize: 100, maximumBatchingWindow: 10s}", "{duration: {constant: 50ms}}",
                "{queue: orders, constant: {rate: 1/s, end: 550s}}", ""));
        QueueResult.Consumer c = r.queues().get(0).consumers().get(0);
        assertEquals(550, c.records());
        assertEquals(50, c.batches());
        assertEquals(11, c.recordsMax());
    }

    private static double[] concurrencyByMinute(String eventSource, String extra) {
        // A standing backlog (a million messages in 100 s) of 20-second invocations: the pollers scale every minute.
        RunResult r = run(scenario("7m", "{name: orders, visibilityTimeout: 2m}", eventSource,
                "{duration: {constant: 20s}}", "{queue: orders, constant: {rate: 10000/s, end: 100s}}",
                extra).replace("timeout: 10s", "timeout: 30s"));
        return r.queues().get(0).periods().concurrencyMax();
    }

    @Test
    void pollersStartAtFiveAndAddThreeHundredAMinuteUpToTheirCap() {
        assertArrayEquals(new double[] {5, 305, 605, 905, 1205, 1250, 1250},
                concurrencyByMinute("{queue: orders, batchSize: 1}", ""));
        assertArrayEquals(new double[] {5, 200, 200, 200, 200, 200, 200},
                concurrencyByMinute("{queue: orders, batchSize: 1, maximumConcurrency: 200}", ""));
        // Before Nov 2023: +60 a minute.
        assertArrayEquals(new double[] {5, 65, 125, 185, 245, 305, 365},
                concurrencyByMinute("{queue: orders, batchSize: 1}", "platform: \"2019\""));
    }

    @Test
    void aFailingMessageComesBackAfterTheVisibilityTimeoutAndGoesToTheDeadLetterQueue() {
        // Ten messages that always fail, received three times each 30 s apart, then dead-lettered.
        RunResult r = run(scenario("5m", "{name: orders, visibilityTimeout: 30s, maxReceiveCount: 3}",
                "{queue: orders, batchSize: 1}", "{duration: {constant: 100ms}}",
                "{queue: orders, constant: {rate: 1000/s, end: 10ms}, poisonRecords: 1}", ""), 30_000_000L);
        QueueResult q = r.queues().get(0);
        assertEquals(10, q.sent());
        assertEquals(30, q.received());
        assertEquals(10, q.deadLettered());
        assertEquals(0, q.deleted());
        assertEquals(30, q.consumers().get(0).failedBatches());
        // Received at 0, 30 and 60 s (plus the receive's 10 ms), dead-lettered when the third timeout ends at 90 s.
        double[] received = q.periods().received();
        assertArrayEquals(new double[] {10, 10, 10, 0, 0}, Arrays.copyOf(received, 5));
        assertEquals(10, q.periods().deadLettered()[3]);
    }

    private static QueueResult poisoned(boolean partial) {
        return run(scenario("10m", "{name: orders, visibilityTimeout: 30s, maxReceiveCount: 2}",
                "{queue: orders, batchSize: 10, maximumBatchingWindow: 1s, reportBatchItemFailures: " + partial + "}", "{duration: {constant: 100ms}}",
                "{queue: orders, poisson: {rate: 20/s, end: 5m}, poisonRecords: 0.05}", "")).queues().get(0);
    }

    @Test
    void partialBatchResponsesSendBackOnlyTheFailedMessages() {
        QueueResult partial = poisoned(true);
        // Every good message is deleted at its first receive; each poison one is received twice and dead-lettered.
        long poison = partial.received() - partial.sent();
        assertTrue(poison > 100, "about 5% of 6,000 messages are poison: " + poison);
        assertEquals(poison, partial.deadLettered());
        assertEquals(partial.sent() - poison, partial.deleted());
        assertEquals(0, partial.consumers().get(0).failedBatches(), "a partial response is a successful invocation");
        // Without it, a poison message fails its whole batch: good messages go back and to the dead-letter queue with it.
        QueueResult whole = poisoned(false);
        assertTrue(whole.deadLettered() > 3 * poison, whole.deadLettered() + " dead-lettered against " + poison + " poison");
    }

    @Test
    void aThrottledBatchGoesBackAndTheMappingBacksOff() {
        String yaml = scenario("10m", "{name: orders, visibilityTimeout: 30s}", "{queue: orders, batchSize: 1}",
                "{duration: {constant: 2s}}", "{queue: orders, constant: {rate: 1000/s, end: 100ms}}", "")
                .replace("    eventSource:", "    reservedConcurrency: 2\n    eventSource:");
        RunResult r = run(yaml);
        QueueResult q = r.queues().get(0);
        assertEquals(100, q.deleted(), "every message is processed in the end");
        assertTrue(q.consumers().get(0).throttled() > 0);
        assertEquals(q.consumers().get(0).throttled(), r.functions().get(0).throttles());
        assertTrue(r.functions().get(0).concurrencyMax() <= 2);
        assertTrue(q.received() > q.deleted(), "throttled batches were received, and came back");
    }

    @Test
    void workDonePerRecordScalesWithTheBatch() {
        for (int b : new int[] {10, 100}) {
            RunResult r = run(scenario("5m", "{name: orders}", "{queue: orders, batchSize: " + b
                            + ", maximumBatchingWindow: 1s}",
                    "{steps: [{wait: 10ms}, {wait: {time: 2ms, perRecord: true}}]}",
                    "{queue: orders, constant: {rate: 1000000/s, end: 1ms}}", ""));
            FunctionResult f = r.functions().get(0);
            assertEquals(1000 / b, f.invocations());
            // 10 ms once, 2 ms for each record: above 32 records, 32 are drawn and scaled (exact for a constant).
            assertEquals(10 + 2 * b, f.durationMs().mean(), 1e-9, "batch size " + b);
            assertEquals(10 + 2 * b, f.durationMs().max(), 1e-9, "batch size " + b);
        }
    }

    @Test
    void recordsFailEachOnTheirOwnAndABatchFailsWhenOneDoes() {
        // 10,000 messages in 10 ms, batches of 10, each record failing with probability 0.1: a batch
        // fails with probability 1 - 0.9^10 = 0.6513 (first attempts only: the run ends before any comes back).
        RunResult r = run(scenario("20s", "{name: orders}", "{queue: orders, batchSize: 10}",
                "{duration: {constant: 10ms}, recordErrorRate: 0.1}",
                "{queue: orders, constant: {rate: 1000000/s, end: 10ms}}", ""));
        QueueResult.Consumer c = r.queues().get(0).consumers().get(0);
        assertEquals(1000, c.batches());
        double p = 1 - Math.pow(0.9, 10);
        // 99.9% interval of a binomial share of 1,000.
        assertEquals(p, c.failedBatches() / 1000.0, 3.29 * Math.sqrt(p * (1 - p) / 1000));
        assertEquals(c.failedBatches(), r.functions().get(0).errors());
    }

    @Test
    void sendStepsFillQueuesAndStreams() {
        String yaml = """
                name: send
                duration: 10m
                seed: 2
                queues: [{name: orders}]
                streams: [{name: clicks, type: dynamodb, shards: 2}]
                functions:
                  - name: api
                    handler:
                      steps:
                        - wait: 5ms
                        - send: {queue: orders, messages: 3, latency: 8ms}
                        - send: {stream: clicks, records: 2}
                  - name: worker
                    eventSource: {queue: orders}
                    handler: {duration: {constant: 20ms}}
                  - name: enricher
                    eventSource: {stream: clicks}
                    handler: {duration: {constant: 20ms}}
                traffic:
                  - {function: api, poisson: {rate: 10/s}}
                """;
        RunResult r = run(yaml);
        long api = r.functions().get(0).invocations();
        assertTrue(api > 5000);
        QueueResult q = r.queues().get(0);
        StreamResult s = r.streams().get(0);
        // Sent when the step ends: an invocation cut by the run's end may have sent without ending.
        long inFlight = r.functions().get(0).inFlightAtEnd() + r.functions().get(0).events().requestsUnfinished();
        assertTrue(q.sent() >= 3 * api && q.sent() <= 3 * (api + inFlight), q.sent() + " messages from " + api);
        assertTrue(s.recordsIn() >= 2 * api && s.recordsIn() <= 2 * (api + inFlight));
        // The api's steps: 5 ms, the send's 8 ms round trip, a send without latency.
        assertEquals(13, r.functions().get(0).durationMs().p50(), 0.5);
        assertEquals(q.sent(), q.deleted() + q.visibleAtEnd() + q.inFlightAtEnd());
    }

    @Test
    void aWarmUpMeasuresTheMessagesSentAfterIt() {
        // 10 messages a second; a 2 min warm-up at the same rate first, then 5 measured minutes.
        RunResult r = run(scenario("5m", "{name: orders}", "{queue: orders, batchSize: 10}",
                "{duration: {constant: 100ms}}", "{queue: orders, constant: {rate: 10/s}}", "warmup: 2m"));
        QueueResult q = r.queues().get(0);
        assertEquals(3000, q.sent(), "the messages sent in the measured five minutes, not the warm-up's");
        assertEquals(q.sent(), q.deleted() + q.visibleAtEnd() + q.inFlightAtEnd());
        assertEquals(q.deleted(), q.consumers().get(0).endToEndMs().count());
        // The pollers the warm-up scaled are there from the start: no message waits a minute.
        assertTrue(q.oldestAgeMaxSeconds() < 1, "oldest " + q.oldestAgeMaxSeconds() + " s");
        assertEquals(3000.0, Arrays.stream(q.periods().sent()).sum());
    }
}
