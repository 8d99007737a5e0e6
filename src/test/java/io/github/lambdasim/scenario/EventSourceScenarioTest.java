package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.DistributionSpec.Constant;
import io.github.lambdasim.scenario.StepSpec.IoMode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Queues, streams, event sources, send and per-record steps, and traffic into a queue or a stream
 * bind to exactly the records written, with the defaults of the platform's
 * {@code events.sources}; {@code --set} reaches a mapping's settings and a queue's; each rule of
 * SQS, Kinesis, DynamoDB Streams and Lambda's mappings is refused where it is broken (the exact
 * messages are in the broken scenarios, BrokenScenariosTest).
 */
class EventSourceScenarioTest {
    private static final long MS = Units.MICROS_PER_MS;
    private static final long S = Units.MICROS_PER_SECOND;
    private static final long H = Units.MICROS_PER_HOUR;
    private static final long D = Units.MICROS_PER_DAY;
    private static final String YAML = """
            name: events
            duration: 1h
            queues:
              - {name: orders, visibilityTimeout: 60s, maxReceiveCount: 3, retention: 2d}
              - {name: receipts}
            streams:
              - {name: clicks, type: kinesis, shards: 4, retention: 48h}
              - {name: table.changes, type: dynamodb, shards: 2}
            functions:
              - name: worker
                timeout: 10s
                eventSource: {queue: orders, batchSize: 100, maximumBatchingWindow: 2s, maximumConcurrency: 50,
                              reportBatchItemFailures: true}
                handler:
                  recordErrorRate: 0.001
                  steps:
                    - io: {name: put-item, perRecord: true, latency: 8ms}
                    - cpu: {time: 2ms, perRecord: true}
                    - wait: {time: {uniform: {min: 1ms, max: 3ms}}, perRecord: true}
                    - cpu: 5ms
                    - send: {queue: receipts, messages: 2, latency: 10ms}
                    - send: {stream: clicks}
              - name: enricher
                eventSource: {stream: clicks, batchSize: 500, maximumBatchingWindow: 1s, parallelizationFactor: 2,
                              bisectBatchOnFunctionError: true, maximumRetryAttempts: 5, maximumRecordAge: 1h}
                handler: {duration: 20ms}
              - name: auditor
                eventSource: {stream: table.changes}
                handler: {duration: 20ms}
              - name: mailer
                eventSource: {queue: receipts}
                handler: {duration: 20ms}
            traffic:
              - {queue: orders, spike: {at: 10m, for: 1m, rate: 2000/s}, poisonRecords: 0.000001}
              - {stream: clicks, poisson: {rate: 500/s}, partitionKey: user-42}
              - {stream: clicks, poisson: {rate: 5/s}}
            """;

    private static ScenarioSpec parse(String yaml, String... overrides) {
        return ScenarioLoader.parse(yaml, "events.yaml", List.of(overrides));
    }

    private static String problems(String yaml, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml, overrides));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    @Test
    void everyKeyBindsToTheRecordsWritten() {
        ScenarioSpec s = parse(YAML);
        assertEquals(List.of(new QueueSpec("orders", 60 * S, 3, 2 * D), new QueueSpec("receipts", 30 * S, 0, 4 * D)),
                s.queues());
        assertEquals(List.of(new StreamSpec("clicks", StreamSpec.Type.KINESIS, 4, 48 * H),
                new StreamSpec("table.changes", StreamSpec.Type.DYNAMODB, 2, 24 * H)), s.streams());
        assertTrue(s.eventDriven());

        FunctionSpec worker = s.function("worker");
        assertEquals(EventSourceSpec.queue("orders", 100, 2 * S, 50, true), worker.eventSource());
        assertEquals(0.001, worker.handler().recordErrorRate());
        assertEquals(List.of(
                new StepSpec.Io("put-item", 1, IoMode.SEQUENTIAL, new Constant(8 * MS), true),
                new StepSpec.Cpu(new Constant(2 * MS), true),
                new StepSpec.Wait(new DistributionSpec.Uniform(MS, 3 * MS), true),
                new StepSpec.Cpu(new Constant(5 * MS), false),
                new StepSpec.Send("receipts", null, 2, new Constant(10 * MS)),
                new StepSpec.Send(null, "clicks", 1, null)), worker.handler().steps());
        assertEquals(EventSourceSpec.stream("clicks", 500, S, 2, true, 5, H), s.function("enricher").eventSource());

        List<TrafficSpec> t = s.traffic();
        assertEquals(new TrafficSpec.Into("orders", null, null, 0.000001), t.get(0).into());
        assertEquals(TrafficSpec.Invocation.QUEUE, t.get(0).invocation());
        assertNull(t.get(0).function());
        assertFalse(t.get(0).invokes());
        assertEquals(new TrafficSpec.Into(null, "clicks", "user-42", 0), t.get(1).into());
        assertEquals(TrafficSpec.Invocation.STREAM, t.get(1).invocation());
        assertEquals(List.of("orders/spike", "clicks/poisson", "clicks/poisson#2"),
                t.stream().map(TrafficSpec::name).toList(), "named after the queue or stream they feed");
        assertEquals(List.of(), s.notes(), "every queue and stream is read");
    }

    @Test
    void withoutTheirOptionalKeysQueuesStreamsAndMappingsTakeThePlatformsDefaults() {
        ScenarioSpec s = parse(YAML);
        assertEquals(EventSourceSpec.queue("receipts", 10, 0, 0, false), s.function("mailer").eventSource());
        assertEquals(EventSourceSpec.stream("table.changes", 100, 0, 1, false, -1, -1), s.function("auditor").eventSource());
        assertEquals(0, s.queues().get(1).maxReceiveCount(), "no dead-letter queue");
        assertFalse(s.queues().get(1).hasDeadLetterQueue());
        assertEquals(0, s.function("mailer").handler().recordErrorRate());
        FunctionSpec plain = parse("""
                name: plain
                duration: 1h
                functions:
                  - {name: api, handler: {steps: [{cpu: 5ms}, {wait: {time: 2ms}}]}}
                traffic:
                  - {function: api, poisson: {rate: 1/s}}
                """).function("api");
        assertNull(plain.eventSource());
        assertEquals(List.of(new StepSpec.Cpu(new Constant(5 * MS)), new StepSpec.Wait(new Constant(2 * MS))),
                plain.handler().steps(), "the time: form without perRecord is a step done once");
    }

    @Test
    void setAndVaryReachAMappingsSettingsAQueuesAndAQueueOrStreamSource() {
        ScenarioSpec s = parse(YAML, "functions.worker.eventSource.batchSize=1000", "queues.orders.visibilityTimeout=5m",
                "streams.clicks.shards=8", "traffic.orders.spike.rate=100/s", "traffic[0].poisonRecords=0.5");
        assertEquals(1000, s.function("worker").eventSource().batchSize());
        assertEquals(5 * Units.MICROS_PER_MINUTE, s.queues().get(0).visibilityTimeoutMicros());
        assertEquals(8, s.streams().get(0).shards());
        assertEquals(100, s.traffic().get(0).pattern().maxRate());
        assertEquals(0.5, s.traffic().get(0).into().poisonFraction());
        assertEquals("events.yaml --set: functions[0].eventSource.batchSize: 20000 is out of range: expected 1 to 10000 "
                + "(Lambda's limits for an SQS queue)", problems(YAML, "functions.worker.eventSource.batchSize=20000"));
        assertEquals("events.yaml: --set: queues.ordres.visibilityTimeout: no list item 'ordres' at queues.ordres; did you mean 'orders'?",
                problems(YAML, "queues.ordres.visibilityTimeout=5m"));
    }

    @Test
    void aQueueOrStreamNobodyReadsIsAllowedWithANote() {
        ScenarioSpec s = parse("""
                name: unread
                duration: 1h
                queues: [{name: orders}]
                streams: [{name: clicks, type: kinesis, shards: 1}]
                functions:
                  - {name: api, handler: {steps: [{send: {queue: orders}}]}}
                traffic:
                  - {function: api, poisson: {rate: 1/s}}
                  - {stream: clicks, poisson: {rate: 1/s}}
                """);
        assertEquals(List.of("queues[0]: no function reads queue 'orders' (eventSource: {queue: orders}): its messages "
                + "accumulate, each kept 4d (its retention)", "streams[0]: no function reads stream 'clicks' (eventSource: "
                + "{stream: clicks}): its records accumulate, each kept 24h (its retention)"), s.notes());
    }

    @Test
    void theLimitsFollowThePlatform() {
        // Before Nov 2020 an SQS batch held at most 10 messages and Kinesis kept records at most 7 days.
        String in2019 = YAML.replace("duration: 1h", "duration: 1h\nplatform: 2019");
        String p = problems(in2019);
        assertTrue(p.contains("functions[0].eventSource.batchSize: 100 is out of range: expected 1 to 10 (Lambda's "
                + "limits for an SQS queue)"), p);
        assertEquals(1, p.lines().count(), p);
        String kinesis = problems(in2019.replace("retention: 48h", "retention: 8d"));
        assertTrue(kinesis.contains("streams[0].retention: 8d is out of range: expected 24h to 7d (Kinesis's limits)"), kinesis);
    }

    @Test
    void aFunctionDefaultsHandlerWithPerRecordStepsIsRefusedOnAFunctionWithoutAnEventSource() {
        String p = problems("""
                name: defaults
                duration: 1h
                queues: [{name: orders}]
                functionDefaults:
                  handler: {steps: [{cpu: {time: 1ms, perRecord: true}}]}
                functions:
                  - {name: worker, eventSource: {queue: orders}}
                  - {name: api}
                traffic:
                  - {queue: orders, poisson: {rate: 1/s}}
                  - {function: api, poisson: {rate: 1/s}}
                """);
        assertEquals("events.yaml:8: functions[1]: its handler, from functionDefaults, has perRecord steps or a "
                + "recordErrorRate, which need an eventSource (the records of a batch); give this function an eventSource "
                + "or its own handler", p);
    }
}
