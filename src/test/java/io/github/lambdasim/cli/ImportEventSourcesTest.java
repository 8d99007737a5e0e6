package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.EventSourceSpec;
import io.github.lambdasim.scenario.QueueSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.StreamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambdasim import} of event source mappings: SAM SQS, Kinesis and DynamoDB events, an
 * AWS::Lambda::EventSourceMapping, serverless.yml sqs and stream events become {@code queues:},
 * {@code streams:}, the function's {@code eventSource:} and the producers' traffic, each value
 * with where it came from; Kafka stays a comment; filled in, each scenario loads and runs.
 */
class ImportEventSourcesTest {
    private static final Path TEMPLATES = Path.of("src/test/resources/io/github/lambdasim/templates");

    @TempDir
    Path dir;

    private String importOf(String template, Path out) throws Exception {
        Cli r = Cli.run("import", TEMPLATES.resolve(template).toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        return Files.readString(out);
    }

    /** The line that starts (after its indentation) with {@code start}, its comment included. */
    private static String line(String yaml, String start) {
        return yaml.lines().filter(l -> l.strip().startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
                "no line " + start + " in\n" + yaml)).strip().replaceAll(" +#", " #");
    }

    /** Runs the scenario with these values for two simulated minutes, without a report. */
    private void runs(Path scenario, String... sets) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--no-report", "--out",
                dir.resolve("run-" + scenario.getFileName()).toString(), "--set", "duration=2m"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        Cli run = Cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void samQueueAndStreamsBecomeQueuesStreamsEventSourcesAndTraffic() throws Exception {
        Path out = dir.resolve("orders-queues.yaml");
        String yaml = importOf("orders-queues.template.yaml", out);
        String at = "Resources.OrdersQueue.Properties";
        assertTrue(yaml.contains("\nqueues:\n  - name: orders "), yaml);
        assertEquals("visibilityTimeout: 120s # " + at + ".VisibilityTimeout", line(yaml, "visibilityTimeout:"));
        assertEquals("maxReceiveCount: 3 # " + at + ".RedrivePolicy.maxReceiveCount", line(yaml, "maxReceiveCount:"));
        assertEquals("retention: 86400s # " + at + ".MessageRetentionPeriod", line(yaml, "retention: 86400s"));
        assertTrue(yaml.contains("\nstreams:\n  - name: ClickStream "), yaml);
        assertEquals("type: kinesis # Resources.ClickStream (AWS::Kinesis::Stream)", line(yaml, "type: kinesis"));
        assertEquals("shards: \"(fill in: the shards of stream ClickStream (parameter ClickShards has no default))\" "
                + "# Resources.ClickStream.Properties.ShardCount", line(yaml, "shards: \"(fill in: the shards of stream"));
        assertEquals("retention: 48h # Resources.ClickStream.Properties.RetentionPeriodHours", line(yaml, "retention: 48h"));
        assertTrue(yaml.contains("  - name: carts                              # Resources.CartTable.Properties.TableName\n"
                + "    type: dynamodb                           # Resources.CartTable (AWS::DynamoDB::Table)\n"
                + "    shards: \"(fill in: the shards of the stream of table carts: DynamoDB does not say;"), yaml);
        String ev = "Resources.OrderWorker.Properties.Events.Orders.Properties";
        assertTrue(yaml.contains("    eventSource:\n      queue: orders "), yaml);
        assertEquals("queue: orders # " + ev + ".Queue", line(yaml, "queue: orders"));
        assertEquals("batchSize: 50 # " + ev + ".BatchSize", line(yaml, "batchSize: 50"));
        assertEquals("maximumBatchingWindow: 5s # " + ev + ".MaximumBatchingWindowInSeconds",
                line(yaml, "maximumBatchingWindow: 5s"));
        assertEquals("maximumConcurrency: 20 # " + ev + ".ScalingConfig.MaximumConcurrency", line(yaml, "maximumConcurrency:"));
        assertEquals("reportBatchItemFailures: true # " + ev + ".FunctionResponseTypes", line(yaml, "reportBatchItemFailures:"));
        String clicks = "Resources.ClickEnricher.Properties.Events.Clicks.Properties";
        assertEquals("stream: ClickStream # " + clicks + ".Stream", line(yaml, "stream: ClickStream"));
        assertEquals("parallelizationFactor: 2 # " + clicks + ".ParallelizationFactor", line(yaml, "parallelizationFactor:"));
        assertEquals("bisectBatchOnFunctionError: true # " + clicks + ".BisectBatchOnFunctionError",
                line(yaml, "bisectBatchOnFunctionError:"));
        assertEquals("maximumRetryAttempts: 3 # " + clicks + ".MaximumRetryAttempts", line(yaml, "maximumRetryAttempts:"));
        assertEquals("maximumRecordAge: 3600s # " + clicks + ".MaximumRecordAgeInSeconds", line(yaml, "maximumRecordAge:"));
        assertTrue(yaml.contains("traffic:\n"
                + "  - {queue: orders, poisson: {rate: \"(fill in: messages per second sent to queue orders, such as 10/s)\"}}\n"
                + "  - {stream: ClickStream, poisson: {rate: \"(fill in: records per second put on stream ClickStream, such as "
                + "100/s)\"}}\n"
                + "  - {stream: carts, poisson: {rate: \"(fill in: records per second put on stream carts, such as 100/s)\"}}\n"
                + "  # CartAudit, event Topic: a MSK event source mapping; lambdasim models SQS queues and Kinesis and DynamoDB "
                + "streams only, so it has no traffic here\n"), yaml);

        Cli validate = Cli.run("validate", out.toString());
        assertEquals(2, validate.exitCode());
        assertTrue(validate.err().contains("(8 problems)"), validate.err());
        String[] filled = {"streams.ClickStream.shards=2", "streams.carts.shards=1", "functions.OrderWorker.handler.duration=30ms",
            "functions.ClickEnricher.handler.duration=20ms", "functions.CartAudit.handler.duration=10ms",
            "traffic[0].poisson.rate=40/s", "traffic[1].poisson.rate=200/s", "traffic[2].poisson.rate=5/s"};
        ScenarioSpec s = ScenarioLoader.load(out, List.of(filled));
        QueueSpec orders = s.queues().get(0);
        assertEquals(120_000_000L, orders.visibilityTimeoutMicros());
        assertEquals(3, orders.maxReceiveCount());
        assertEquals(86_400_000_000L, orders.retentionMicros());
        EventSourceSpec worker = s.function("OrderWorker").eventSource();
        assertEquals(50, worker.batchSize());
        assertEquals(5_000_000L, worker.maximumBatchingWindowMicros());
        assertEquals(20, worker.maximumConcurrency());
        assertTrue(worker.reportBatchItemFailures());
        StreamSpec click = s.streams().get(0);
        assertEquals(StreamSpec.Type.KINESIS, click.type());
        assertEquals(48 * 3_600_000_000L, click.retentionMicros());
        EventSourceSpec enricher = s.function("ClickEnricher").eventSource();
        assertEquals(2, enricher.parallelizationFactor());
        assertTrue(enricher.bisectBatchOnFunctionError());
        assertEquals(3, enricher.maximumRetryAttempts());
        assertEquals(3_600_000_000L, enricher.maximumRecordAgeMicros());
        assertEquals(StreamSpec.Type.DYNAMODB, s.streams().get(1).type());
        assertEquals("carts", s.function("CartAudit").eventSource().stream());
        runs(out, filled);
    }

    @Test
    void cloudFormationEventSourceMappingsKeepTheirValuesAndValidateNamesWhatLambdaRefuses() throws Exception {
        Path out = dir.resolve("mapping.yaml");
        String yaml = importOf("mapping.template.json", out);
        // A queue of another stack, by its ARN: named by it, its visibility timeout to fill in.
        assertTrue(yaml.contains("queues:\n  - name: invoices                           "
                + "# Resources.BillingQueueMapping.Properties.EventSourceArn\n"), yaml);
        assertTrue(line(yaml, "visibilityTimeout:").startsWith("visibilityTimeout: \"(fill in: the visibility timeout of "
                + "queue invoices, such as 60s (the queue is not in the template))\""), yaml);
        assertEquals("shards: 2 # Resources.Readings.Properties.ShardCount", line(yaml, "shards:"));
        assertEquals("queue: invoices # Resources.BillingQueueMapping.Properties.EventSourceArn", line(yaml, "queue: invoices"));
        assertEquals("batchSize: 100 # Resources.BillingQueueMapping.Properties.BatchSize", line(yaml, "batchSize: 100"));
        assertEquals("stream: readings # Resources.MeterStreamMapping.Properties.EventSourceArn", line(yaml, "stream: readings"));
        assertEquals("maximumRetryAttempts: -1 # Resources.MeterStreamMapping.Properties.MaximumRetryAttempts",
                line(yaml, "maximumRetryAttempts:"));
        assertEquals("maximumRecordAge: -1 # Resources.MeterStreamMapping.Properties.MaximumRecordAgeInSeconds",
                line(yaml, "maximumRecordAge:"));
        assertTrue(yaml.contains("  - {queue: invoices, poisson: {rate: \"(fill in: messages per second sent to queue invoices"),
                yaml);

        // A batch of 100 without a batching window is kept as the template has it: validate says what Lambda says.
        List<String> filled = List.of("queues.invoices.visibilityTimeout=60s", "functions.Billing.handler.duration=50ms",
                "functions.Meter.handler.duration=5ms", "traffic[0].poisson.rate=20/s", "traffic[1].poisson.rate=100/s");
        Path filledFile = dir.resolve("mapping-filled.yaml");
        String text = yaml;
        text = text.replaceFirst("visibilityTimeout: \"[^\"]*\"", "visibilityTimeout: 60s").replaceAll("duration: \"[^\"]*\"",
                "duration: 20ms").replaceAll("rate: \"[^\"]*\"", "rate: 20/s");
        Files.writeString(filledFile, text);
        Cli validate = Cli.run("validate", filledFile.toString());
        assertEquals(2, validate.exitCode());
        assertTrue(validate.err().contains("functions[0].eventSource.batchSize: a batch of more than 10 messages needs a "
                + "maximumBatchingWindow above 0s"), validate.err());
        List<String> fixed = new ArrayList<>(filled);
        fixed.add("functions.Billing.eventSource.maximumBatchingWindow=2s");
        ScenarioSpec s = ScenarioLoader.load(out, fixed);
        assertEquals(EventSourceSpec.UNLIMITED, s.function("Meter").eventSource().maximumRetryAttempts());
        assertEquals(500, s.function("Meter").eventSource().batchSize());
        runs(out, fixed.toArray(String[]::new));
    }

    @Test
    void serverlessSqsAndStreamEventsBecomeQueuesAndStreams() throws Exception {
        Path out = dir.resolve("telemetry.yaml");
        String yaml = importOf("serverless-queues.yml", out);
        // QueueName is a ${} variable: the queue takes the resource's logical id.
        assertTrue(yaml.contains("queues:\n  - name: IngestQueue                        # resources.Resources.IngestQueue\n"
                + "    visibilityTimeout: 60s                   "
                + "# resources.Resources.IngestQueue.Properties.VisibilityTimeout\n"
                + "    maxReceiveCount: 5                       "
                + "# resources.Resources.IngestQueue.Properties.RedrivePolicy.maxReceiveCount\n"), yaml);
        assertEquals("type: kinesis # functions.aggregate.events[0].stream.arn (its ARN)", line(yaml, "type: kinesis"));
        assertEquals("type: dynamodb # functions.devices.events[0].stream (its ARN)", line(yaml, "type: dynamodb"));
        assertEquals("queue: IngestQueue # functions.ingest.events[0].sqs.arn", line(yaml, "queue: IngestQueue"));
        assertEquals("maximumConcurrency: 5 # functions.ingest.events[0].sqs.maximumConcurrency",
                line(yaml, "maximumConcurrency:"));
        assertEquals("reportBatchItemFailures: true # functions.ingest.events[0].sqs.functionResponseType",
                line(yaml, "reportBatchItemFailures:"));
        assertEquals("maximumBatchingWindow: 1s # functions.aggregate.events[0].stream.batchWindow",
                line(yaml, "maximumBatchingWindow: 1s"));
        assertEquals("maximumRecordAge: 600s # functions.aggregate.events[0].stream.maximumRecordAgeInSeconds",
                line(yaml, "maximumRecordAge:"));
        assertEquals("stream: devices # functions.devices.events[0].stream", line(yaml, "stream: devices"));
        assertTrue(yaml.contains("  # devices, event kafka-1: a kafka event source; lambdasim models SQS queues and Kinesis "
                + "and DynamoDB streams only"), yaml);
        assertFalse(yaml.contains("does not model queues and streams yet"), yaml);

        String[] filled = {"streams.metrics.shards=4", "streams.devices.shards=1", "functions.ingest.handler.duration=15ms",
            "functions.aggregate.handler.duration=100ms", "functions.devices.handler.duration=10ms",
            "traffic[0].poisson.rate=30/s", "traffic[1].poisson.rate=500/s", "traffic[2].poisson.rate=2/s"};
        ScenarioSpec s = ScenarioLoader.load(out, List.of(filled));
        assertEquals(5, s.queues().get(0).maxReceiveCount());
        EventSourceSpec aggregate = s.function("aggregate").eventSource();
        assertEquals(1000, aggregate.batchSize());
        assertEquals(4, aggregate.parallelizationFactor());
        assertEquals(2, aggregate.maximumRetryAttempts());
        assertEquals(600_000_000L, aggregate.maximumRecordAgeMicros());
        assertEquals(StreamSpec.Type.DYNAMODB, s.streams().get(1).type());
        runs(out, filled);
    }
}
