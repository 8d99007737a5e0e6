package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.DistributionSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.StepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambdasim fit}: the three forms of REPORT lines users have (plain text with timestamps,
 * aws logs filter-log-events JSON, a Logs Insights CSV export, written from the formats' AWS
 * documentation), a malformed line and a malformed event (exit 2, the file, line and what was
 * expected), and a round trip: the REPORT lines of a simulated run with known distributions,
 * fitted, give back their quantiles within the intervals the sample allows.
 */
class FitCommandTest {
    private static final Path LOGS = Path.of("src/test/resources/io/github/lambdasim/fit");

    @TempDir
    Path dir;

    @Test
    void plainTextWithTimestampsGivesAScenarioThatReplaysItsMinutes() throws Exception {
        Path out = dir.resolve("orders.yaml");
        Cli r = Cli.run("fit", LOGS.resolve("plain.log").toString(), "--function", "orders", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("orders: 4 invocations at 512 MB"), r.out());
        assertTrue(r.out().contains("errors       25% (1 of 4)"), "Status: error counts as a failure: " + r.out());
        String yaml = Files.readString(out);
        assertTrue(yaml.contains("start: 2024-03-01T12:00:00Z"), yaml);
        assertTrue(yaml.contains("duration: 3m"), yaml);
        assertTrue(yaml.contains("  - {function: orders, trace: {file: orders-invocations.csv, row: orders, spread: poisson}}"),
                yaml);
        // 12:00:01 and 12:00:20 in the first minute, 12:01:05 in the second, 12:02:59 in the third.
        assertEquals("fit,fit,orders,http,2,1,1", Files.readAllLines(dir.resolve("orders-invocations.csv")).get(1));
        ScenarioSpec spec = ScenarioLoader.load(out, List.of());
        FunctionSpec f = spec.function("orders");
        assertEquals(512, f.memoryMb());
        assertEquals(0.25, f.handler().errorRate(), 1e-12);
        Cli run = Cli.run("run", out.toString(), "--no-report", "--out", dir.resolve("run").toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void theJsonOfFilterLogEventsAndALogsInsightsExportAreRead() {
        Cli r = Cli.run("fit", LOGS.resolve("filter-log-events.json").toString(), "--function", "orders-api");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("orders-api: 3 invocations at 512 MB"), r.err());
        assertTrue(r.err().contains("errors       33.3% (1 of 3)"), "Status: timeout is a failure: " + r.err());
        assertTrue(r.out().startsWith("# Fitted by lambdasim fit from filter-log-events.json: 3 REPORT lines of 1 function."),
                r.out());
        // The log group names the function: /aws/lambda/orders-api.
        Cli insights = Cli.run("fit", LOGS.resolve("insights.csv").toString());
        assertEquals(0, insights.exitCode(), insights.err());
        assertTrue(insights.err().contains("orders-api: 3 invocations at 512 MB"), insights.err());
        assertTrue(insights.err().contains("memory used  median 90 MB, max 90 MB of 512 MB"), insights.err());
    }

    @Test
    void aLineOrAnEventThatCannotBeReadIsNamedWithExitCode2() {
        Cli r = Cli.run("fit", LOGS.resolve("bad-no-memory.log").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("lambdasim: bad-no-memory.log:1: a REPORT line without Memory Size: <n> MB: "), r.err());
        r = Cli.run("fit", LOGS.resolve("bad-timestamp.json").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad-timestamp.json: events[0]: timestamp is missing or not epoch milliseconds"), r.err());
        r = Cli.run("fit", dir.resolve("missing.log").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("missing.log: no such file"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    /**
     * A run whose handler takes log-normal (median 100 ms, p99 400 ms) and whose cold starts take
     * log-normal (median 300 ms, p99 900 ms); its report-log.txt holds about 1,000 invocations and
     * the first 200 cold starts. The fitted median and p99 must fall where the sample's order
     * statistics put them 99.9% of the time: between the true quantiles at p -/+ 3.29 sqrt(p(1-p)/n).
     */
    @Test
    void theReportLinesOfARunGiveBackItsDistributions() throws Exception {
        Path scenario = dir.resolve("known.yaml");
        Files.writeString(scenario, """
                name: known
                description: Known distributions for fit's round trip.
                duration: 20m
                seed: 11
                platform: {preset: current, idleLifetime: 300ms}
                functions:
                  - name: api
                    memorySize: 512
                    coldStart: {lognormal: {median: 300ms, p99: 900ms}}
                    handler:
                      duration: {lognormal: {median: 100ms, p99: 400ms}}
                traffic:
                  - {function: api, poisson: {rate: 5/s}}
                """);
        Cli run = Cli.run("run", scenario.toString(), "--no-report", "--out", dir.resolve("known").toString());
        assertEquals(0, run.exitCode(), run.err());
        Path fitted = dir.resolve("fitted.yaml");
        Cli fit = Cli.run("fit", dir.resolve("known/report-log.txt").toString(), "--out", fitted.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        FunctionSpec f = ScenarioLoader.load(fitted, List.of()).function("api");
        List<String> lines = Files.readAllLines(dir.resolve("known/report-log.txt"));
        long n = lines.stream().filter(l -> l.contains("REPORT")).count();
        long cold = lines.stream().filter(l -> l.contains("Init Duration")).count();
        assertEquals(200, cold, "every cold start up to the cap of 200");
        checkQuantiles(((StepSpec.Wait) f.handler().steps().get(0)).micros(), 100, 400, n);
        checkQuantiles(f.coldStartMicros(), 300, 900, cold);
    }

    /**
     * Power Tuning's result synthesised by a lambdasim sweep of a handler with 300 ms of CPU at one
     * vCPU and a log-normal wait (median 20 ms, p99 60 ms: mean 22.5 ms): the analyzer's stats of
     * the sweep's mean durations, fitted, give back both within 5%. And the visualization URL of
     * Power Tuning's output (written with its encoding) is read exactly.
     */
    @Test
    void aPowerTuningResultGivesBackTheHandlersCpuAndWait() throws Exception {
        Path scenario = dir.resolve("tuned.yaml");
        Files.writeString(scenario, """
                name: tuned
                description: A handler of known CPU and wait, for fit --power-tuning.
                duration: 10m
                seed: 4
                functions:
                  - name: api
                    timeout: 30s
                    handler:
                      steps:
                        - cpu: 300ms
                        - wait: {lognormal: {median: 20ms, p99: 60ms}}
                traffic:
                  - {function: api, poisson: {rate: 5/s}}
                """);
        Path sweep = dir.resolve("sweep");
        Cli r = Cli.run("sweep", scenario.toString(), "--vary", "functions.api.memorySize=128,512,1024,1769,3008",
                "--replications", "1", "--out", sweep.toString());
        assertEquals(0, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.JsonNode points = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sweep.resolve("sweep.json").toFile()).path("points");
        StringBuilder stats = new StringBuilder("{\"stats\": [");
        for (int i = 0; i < points.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode p = points.get(i);
            stats.append(i == 0 ? "" : ", ").append("{\"value\": ").append(p.path("values").path("functions.api.memorySize")
                    .asInt()).append(", \"averageDuration\": ").append(p.path("figures").path("api.durationMs.mean")
                    .path("mean").asDouble()).append(", \"averagePrice\": 0}");
        }
        Path result = dir.resolve("power-tuning.json");
        Files.writeString(result, stats.append("]}").toString());
        Path out = dir.resolve("api-tuned.yaml");
        r = Cli.run("fit", "--power-tuning", result.toString(), "--function", "api", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<StepSpec> steps = ScenarioLoader.load(out, List.of("traffic[0].poisson.rate=1/s")).function("api").handler().steps();
        double cpu = ((StepSpec.Cpu) steps.get(0)).cpuMicros().mean() / 1000;
        double wait = ((StepSpec.Wait) steps.get(1)).micros().mean() / 1000;
        double waitMean = 20 * Math.exp(Math.pow(Math.log(3) / 2.3263478740408408, 2) / 2);
        assertEquals(300, cpu, 0.05 * 300, r.out());
        assertEquals(waitMean, wait, 0.05 * waitMean, r.out());

        Cli url = Cli.run("fit", "--power-tuning", LOGS.resolve("power-tuning-output.json").toString(), "--function", "hash");
        assertEquals(0, url.exitCode(), url.err());
        assertTrue(url.err().startsWith("6 memory sizes: cpu 400.00 ms at one vCPU ± 0.00, wait 30.00 ms ± 0.00"), url.err());
        assertTrue(url.out().contains("    memorySize: 1024            # the size Power Tuning recommended"), url.out());
    }

    /**
     * With {@code --report-log all} report-log.txt holds every invocation, so fit sees the run's own
     * cold-start count and error share exactly.
     */
    @Test
    void everyReportLineOfARunGivesItsColdStartShareAndACloseScenario() throws Exception {
        Path scenario = dir.resolve("all.yaml");
        Files.writeString(scenario, """
                name: all
                description: Every REPORT line, for fit.
                duration: 10m
                seed: 3
                platform: {preset: current, idleLifetime: 2s}
                functions:
                  - name: api
                    memorySize: 512
                    coldStart: {lognormal: {median: 300ms, p99: 900ms}}
                    handler:
                      duration: {lognormal: {median: 100ms, p99: 400ms}}
                      errorRate: 0.02
                traffic:
                  - {function: api, poisson: {rate: 4/s}}
                """);
        Path out = dir.resolve("all-run");
        Cli run = Cli.run("run", scenario.toString(), "--no-report", "--report-log", "all", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        com.fasterxml.jackson.databind.JsonNode api = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("summary.json").toFile()).path("functions").path("api");
        long invocations = api.path("invocations").asLong();
        long cold = api.path("coldStarts").asLong();
        long errors = api.path("errors").asLong();
        List<String> lines = Files.readAllLines(out.resolve("report-log.txt"));
        assertEquals(invocations, lines.stream().filter(l -> l.contains("REPORT RequestId:")).count(), "one line per invocation");
        Path fitted = dir.resolve("all-fitted.yaml");
        Cli fit = Cli.run("fit", out.resolve("report-log.txt").toString(), "--out", fitted.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.out().contains("(" + String.format(java.util.Locale.ROOT, "%,d", cold) + ")"), fit.out());
        FunctionSpec f = ScenarioLoader.load(fitted, List.of()).function("api");
        assertEquals((double) errors / invocations, f.handler().errorRate(), 1e-6);
        Cli bad = Cli.run("run", scenario.toString(), "--report-log", "all", "--replications", "2", "--out",
                dir.resolve("x").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--report-log all: one replication only"), bad.err());
    }

    @Test
    void aPowerTuningFileThatCannotBeReadIsNamed() throws Exception {
        Path bad = dir.resolve("tuning.json");
        Files.writeString(bad, "{\"power\": 512, \"cost\": 1e-7, \"duration\": 12.5}");
        Cli r = Cli.run("fit", "--power-tuning", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("tuning.json: expected AWS Lambda Power Tuning's output (with stateMachine.visualization)"),
                r.err());
        Files.writeString(bad, "{\"stats\": [{\"value\": 128, \"averageDuration\": \"slow\"}]}");
        r = Cli.run("fit", "--power-tuning", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("tuning.json: stats[0]: expected {\"value\": <memory MB>, \"averageDuration\": <ms>, ...}"),
                r.err());
        Files.writeString(bad, "{\"stats\": [{\"value\": 2048, \"averageDuration\": 10}, {\"value\": 3008, "
                + "\"averageDuration\": 10}]}");
        r = Cli.run("fit", "--power-tuning", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("cannot tell CPU time from waiting; include sizes below one vCPU"), r.err());
        Files.writeString(bad, "{\"stats\": [");
        r = Cli.run("fit", "--power-tuning", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("lambdasim: tuning.json:1: not valid JSON"), r.err());
    }

    private static void checkQuantiles(DistributionSpec fitted, double medianMs, double p99Ms, long n) {
        double sigma = Math.log(p99Ms / medianMs) / 2.3263478740408408;
        LogNormalDistribution truth = new LogNormalDistribution(null, Math.log(medianMs * 1000), sigma);
        for (double p : new double[] {0.5, 0.99}) {
            double half = 3.29 * Math.sqrt(p * (1 - p) / n);
            double low = truth.inverseCumulativeProbability(p - half);
            double high = truth.inverseCumulativeProbability(Math.min(p + half, 0.99999));
            double got = fitted.quantile(p);
            assertTrue(got >= low && got <= high, "p" + p * 100 + ": " + got + " us not in [" + low + ", " + high + "], n=" + n);
        }
    }
}
