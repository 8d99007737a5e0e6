package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
        assertTrue(r.out().contains("Cold starts / of invocations"), r.out());
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
    void sameSeedGivesIdenticalResultsAndAnotherSeedDiffers() throws Exception {
        assertReproducible(scenario(), List.of());
    }

    static Stream<Path> bundled() throws IOException {
        return Files.list(Path.of("scenarios")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    /**
     * Every bundled scenario, cut to 10 minutes when long, event-driven ones to 20 (reproducibility
     * does not depend on length); a whole account without its charts, which the report draws for each of its
     * hundreds of functions (a minute of drawing).
     */
    @ParameterizedTest
    @MethodSource("bundled")
    void everyBundledScenarioIsReproducible(Path file) throws Exception {
        ScenarioSpec spec = ScenarioLoader.load(file, List.of());
        List<String> options = new ArrayList<>();
        if (spec.expectedRequests() > 500_000) {
            // A stream of tens of thousands of records a second: a minute is millions of them.
            options.addAll(List.of("--set", spec.expectedRequests() > 50e6 ? "duration=1m"
                    : spec.eventDriven() ? "duration=3m" : "duration=10m"));
        } else if (spec.eventDriven() && spec.durationMicros() > 20 * 60_000_000L
                && spec.functions().stream().allMatch(f -> f.handler().outages().isEmpty())) {
            // Each request of an event-driven scenario makes several: 20 minutes are plenty (outages
            // must start within the run: those scenarios run whole).
            options.addAll(List.of("--set", "duration=20m"));
        }
        if (spec.functions().size() > 12) {
            options.add("--no-report");
        }
        assertReproducible(file, options);
    }

    /**
     * Runs a scenario three times, the second and third at once on two threads (no state is
     * shared between runs): the same seed gives byte-identical summary.json (but for its run
     * block, which holds wall-clock figures), metrics.csv and report-log.txt; another seed
     * gives different ones.
     */
    private void assertReproducible(Path scenario, List<String> options) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertEquals(0, run(scenario, a, options).exitCode());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Cli> same = pool.submit(() -> run(scenario, b, options));
            Future<Cli> other = pool.submit(() -> run(scenario, c, options, "--seed", "1234567"));
            assertEquals(0, same.get().exitCode(), same.get().err());
            assertEquals(0, other.get().exitCode(), other.get().err());
        } finally {
            pool.shutdown();
        }
        assertArrayEquals(withoutRun(a), withoutRun(b), "summary.json");
        for (String f : new String[] {"metrics.csv", "report-log.txt"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
            assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(c.resolve(f))), f);
        }
        assertFalse(Arrays.equals(withoutRun(a), withoutRun(c)), "summary.json");
    }

    private static Cli run(Path scenario, Path out, List<String> options, String... more) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString()));
        args.addAll(options);
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** summary.json's bytes without its run block, which must be there. */
    private static byte[] withoutRun(Path folder) throws IOException {
        String text = Files.readString(folder.resolve("summary.json"));
        Matcher m = Pattern.compile(",\\n  \"run\" : \\{[^}]*\\}").matcher(text);
        assertTrue(m.find(), text);
        return (text.substring(0, m.start()) + text.substring(m.end())).getBytes(StandardCharsets.UTF_8);
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
    void noReportWritesTheResultsWithoutChartsAndReportDrawsThemLater() throws IOException {
        Path out = dir.resolve("plain");
        assertEquals(0, Cli.run("run", scenario().toString(), "--out", out.toString(), "--no-report").exitCode());
        assertTrue(Files.exists(out.resolve("summary.json")) && Files.exists(out.resolve("data")));
        assertFalse(Files.exists(out.resolve("report.html")) || Files.exists(out.resolve("charts")));
        assertEquals(0, Cli.run("report", out.toString()).exitCode());
        assertTrue(Files.exists(out.resolve("report.html")));
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
