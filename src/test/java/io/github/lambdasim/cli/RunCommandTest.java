package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run and validate commands as a user runs them: files written, exit codes, messages on bad
 * input with nothing written, and byte-identical results for the same seed.
 */
class RunCommandTest {
    private static final String SCENARIO = """
            name: cli-test
            description: A small API for the command-line tests.
            duration: 20m
            seed: 9
            functions:
              - name: api
                memorySize: 512
                handler:
                  steps:
                    - cpu: 10ms
                    - io: {name: db, calls: 2, latency: {lognormal: {median: 5ms, p99: 30ms}}}
            traffic:
              - {function: api, poisson: {rate: 20/s}}
              - {function: api, spike: {at: 10m, for: 1m, rate: 200/s}}
            """;

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, SCENARIO);
        return p;
    }

    @Test
    void runWritesTheResultFilesAndASummary() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario().toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("cli-test: 20m simulated"), r.out());
        assertTrue(r.out().contains("cold starts"), r.out());
        for (String f : new String[] {"summary.json", "metrics.csv", "report-log.txt"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode api = summary.path("functions").path("api");
        assertEquals("cli-test", summary.path("scenario").asText());
        assertEquals(1200, summary.path("simulatedSeconds").asDouble());
        long requests = api.path("requests").asLong();
        assertTrue(requests > 30_000 && requests < 42_000, "about 24,000 + 12,000 requests: " + requests);
        assertEquals(requests, api.path("invocations").asLong() + api.path("throttles").asLong()
                + api.path("inFlightAtEnd").asLong());
        for (String k : new String[] {"latencyMs", "durationMs", "initDurationMs"}) {
            for (String q : new String[] {"mean", "p50", "p90", "p99", "max"}) {
                assertTrue(api.path(k).has(q), k + "." + q);
            }
        }
        assertTrue(summary.path("run").path("invocationsPerSecond").asDouble() > 0);
        // metrics.csv: a header and one row per minute.
        try (Stream<String> lines = Files.lines(out.resolve("metrics.csv"))) {
            assertEquals(1 + 20, lines.count());
        }
        String log = Files.readString(out.resolve("report-log.txt"));
        assertTrue(log.contains("\tREPORT RequestId: ") && log.contains("\tInit Duration: "), log);
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertFalse(leftovers.anyMatch(p -> p.getFileName().toString().contains(".partial-")), "staging folder left behind");
        }
    }

    @Test
    void sameSeedGivesIdenticalResultsAndAnotherSeedDiffers() throws IOException {
        Path s = scenario();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertEquals(0, Cli.run("run", s.toString(), "--out", a.toString()).exitCode());
        assertEquals(0, Cli.run("run", s.toString(), "--out", b.toString()).exitCode());
        assertEquals(0, Cli.run("run", s.toString(), "--out", c.toString(), "--seed", "10").exitCode());
        assertEquals(withoutRun(a), withoutRun(b));
        assertEquals(Files.readString(a.resolve("metrics.csv")), Files.readString(b.resolve("metrics.csv")));
        assertEquals(Files.readString(a.resolve("report-log.txt")), Files.readString(b.resolve("report-log.txt")));
        assertNotEquals(withoutRun(a), withoutRun(c));
    }

    private static String withoutRun(Path folder) throws IOException {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        node.remove("run");
        return node.toString();
    }

    @Test
    void invalidScenarioExitsWith2AndWritesNothing() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, SCENARIO.replace("memorySize: 512", "memorySize: 64").replace("rate: 20/s", "rate: 20"));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), "earlier results");
        Cli r = Cli.run("run", bad.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad.yaml:7: functions[0].memorySize: 64 MB is below the minimum 128 MB"), r.err());
        assertTrue(r.err().contains("traffic[0].poisson.rate: '20' needs a unit"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("earlier results", Files.readString(out.resolve("summary.json")));
    }

    @Test
    void missingFileAndUnknownOptionExitWith2() {
        Cli missing = Cli.run("run", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());
        Cli option = Cli.run("run", "--frobnicate", "x.yaml");
        assertEquals(2, option.exitCode());
        assertTrue(option.err().contains("Unknown option"), option.err());
    }

    @Test
    void validateDescribesTheScenario() throws IOException {
        Cli r = Cli.run("validate", scenario().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("is valid: cli-test"), r.out());
        assertTrue(r.out().contains("traffic -> api: spike 200/s at 10m for 1m"), r.out());
    }

    @Test
    void filesNotWrittenByLambdasimAreLeftAlone() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.md"), "mine");
        assertEquals(0, Cli.run("run", scenario().toString(), "--out", out.toString()).exitCode());
        assertEquals("mine", Files.readString(out.resolve("notes.md")));
    }

    @Test
    void helpAndVersion() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("run") && help.out().contains("validate"), help.out());
        Cli version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("lambdasim "), version.out());
    }
}
