package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.billing.Architecture;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambdasim import}: the bundled SAM template (Globals, a parameter's default through
 * !Ref, !Sub and !GetAtt read without failing, HttpApi, S3, Schedule and SQS events) and a
 * serverless.yml (provider defaults, a ${} variable, httpApi, sns, schedule, a function URL and a
 * DynamoDB stream) give scenarios that keep every configuration value; what a template cannot say is
 * refused by validate, each placeholder named, until filled in.
 */
class ImportCommandTest {
    private static final Path SAM = Path.of("scenarios/templates/photo-app.template.yaml");
    private static final Path SERVERLESS = Path.of("src/test/resources/io/github/lambdasim/fit/serverless.yml");

    @TempDir
    Path dir;

    @Test
    void aSamTemplateKeepsEveryValueAndValidatesOnceFilledIn() throws Exception {
        Path out = dir.resolve("photo-app.yaml");
        Cli r = Cli.run("import", SAM.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("4 functions from photo-app.template.yaml (AWS SAM / CloudFormation); 7 values to fill in"),
                r.out());
        Cli validate = Cli.run("validate", out.toString());
        assertEquals(2, validate.exitCode());
        assertTrue(validate.err().contains("(7 problems)"), validate.err());
        assertTrue(validate.err().contains("photo-app.yaml:51: traffic[0].poisson.rate: to fill in: requests per second through "
                + "its API Gateway HTTP API, such as 10/s"), validate.err());

        ScenarioSpec s = ScenarioLoader.load(out, List.of("functions.UploadApi.handler.duration=40ms",
                "functions.Thumbnail.handler.duration=700ms", "functions.HourlyReport.handler.duration=20s",
                "functions.Indexer.handler.duration=30ms", "traffic[0].poisson.rate=20/s", "traffic[1].poisson.rate=20/s",
                "traffic[3].poisson.rate=5/s"));
        FunctionSpec api = s.function("UploadApi");
        assertEquals(512, api.memoryMb(), "MemorySize: !Ref ApiMemory takes the parameter's Default");
        assertEquals(10_000_000, api.timeoutMicros(), "Globals.Function.Timeout");
        assertEquals(Architecture.ARM64, api.architecture(), "Globals.Function.Architectures");
        assertEquals(200, api.reservedConcurrency());
        assertEquals(5, api.provisioned().maxLevel());
        assertEquals("http-api", api.frontDoor().type().label());
        FunctionSpec thumb = s.function("Thumbnail");
        assertEquals(1769, thumb.memoryMb());
        assertEquals(30_000_000, thumb.timeoutMicros());
        assertEquals(1024, thumb.ephemeralStorageMb());
        assertEquals(1, thumb.async().maximumRetryAttempts());
        assertEquals(3_600_000_000L, thumb.async().maximumEventAgeMicros());
        FunctionSpec report = s.function("HourlyReport");
        assertEquals("java21", report.runtime());
        assertEquals(Architecture.X86_64, report.architecture());
        assertEquals(300_000_000, report.timeoutMicros());
        assertTrue(report.snapStart() != null, "SnapStart.ApplyOn: PublishedVersions");
        assertNull(s.function("Indexer").frontDoor());
        assertEquals(256, s.function("Indexer").memoryMb(), "Globals.Function.MemorySize");
        // rate(1 hour): one event an hour, asynchronous.
        TrafficSpec hourly = s.traffic().stream().filter(t -> t.function().equals("HourlyReport")).findFirst().orElseThrow();
        assertEquals(TrafficSpec.Invocation.ASYNC, hourly.invocation());
        assertEquals(1.0 / 3600, hourly.pattern().maxRate(), 1e-12);
        // The SQS event: the queue (SQS's default visibility timeout), Indexer's eventSource, the queue's traffic.
        assertEquals("IndexQueue", s.function("Indexer").eventSource().queue());
        assertEquals(10, s.function("Indexer").eventSource().batchSize());
        assertEquals(30_000_000, s.queues().get(0).visibilityTimeoutMicros());
        assertEquals("IndexQueue", s.traffic().get(3).into().queue());
    }

    @Test
    void aServerlessYmlKeepsItsProviderDefaultsAndMarksItsVariables() throws Exception {
        Path out = dir.resolve("orders.yaml");
        assertEquals(0, Cli.run("import", SERVERLESS.toString(), "--out", out.toString()).exitCode());
        String yaml = Files.readString(out);
        assertTrue(yaml.startsWith("# Imported by lambdasim import from serverless.yml (Serverless Framework): 3 functions."));
        assertTrue(yaml.contains("name: orders\n") && yaml.contains("region: eu-west-1\n"), yaml);
        assertTrue(yaml.contains("timeout: \"(fill in: the timeout in seconds (the template says ${self:custom.notifyTimeout}))\""),
                yaml);
        ScenarioSpec s = ScenarioLoader.load(out, List.of("functions.createOrder.handler.duration=40ms",
                "functions.notify.handler.duration=40ms", "functions.archive.handler.duration=40ms",
                "functions.notify.timeout=20s", "traffic[0].poisson.rate=5/s", "traffic[1].poisson.rate=1/s",
                "traffic[3].poisson.rate=1/s", "streams.orders.shards=1", "traffic[4].poisson.rate=10/s"));
        FunctionSpec create = s.function("createOrder");
        assertEquals(512, create.memoryMb());
        assertEquals(15_000_000, create.timeoutMicros(), "provider.timeout");
        assertEquals("python3.12", create.runtime());
        assertEquals(50, create.reservedConcurrency());
        assertEquals(2, create.provisioned().maxLevel());
        assertEquals(0, s.function("notify").async().maximumRetryAttempts());
        assertEquals(2048, s.function("archive").ephemeralStorageMb());
        assertEquals("function-url", s.function("archive").frontDoor().type().label());
        assertEquals(12.0 / 3600, s.traffic().get(2).pattern().maxRate(), 1e-12, "schedule: rate(5 minutes)");
        assertEquals("orders", s.function("archive").eventSource().stream(), "the table of the stream's ARN");
    }

    @Test
    void aTemplateThatCannotBeReadIsNamed() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [unclosed\n");
        Cli r = Cli.run("import", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("lambdasim: bad.yaml:"), r.err());
        Files.writeString(bad, "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
        r = Cli.run("import", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad.yaml: no AWS::Serverless::Function or AWS::Lambda::Function under Resources"), r.err());
        r = Cli.run("import", dir.resolve("none.yaml").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("none.yaml: no such file"), r.err());
    }
}
