package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioException;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace replay: every minute of an Azure Functions trace delivers exactly its count of requests
 * within that minute; durations follow the trace's percentiles; broken trace files get a precise
 * message.
 */
class TraceReplayTest {
    private static final Path TRACES = Path.of("scenarios/traces/azure-functions-2019").toAbsolutePath();

    @TempDir
    Path dir;

    private ScenarioSpec scenario(String traffic, String duration) {
        String yaml = """
                name: replay
                duration: 3h
                seed: 5
                account: {concurrencyLimit: 10000}
                functions:
                  - name: f
                    memorySize: 512
                    handler: {duration: %s}
                traffic:
                  - function: f
                    trace: %s
                """.formatted(duration, traffic);
        return ScenarioLoader.parse(yaml, "replay.yaml", List.of(), TRACES);
    }

    @Test
    void eachMinuteDeliversItsCount() throws IOException {
        for (String spread : new String[] {"poisson", "even"}) {
            ScenarioSpec spec = scenario("{file: ten-functions/invocations.csv, row: 1, spread: " + spread + "}", "20ms");
            RunResult run = Scenarios.run(spec, 0);
            String[] header = Files.readAllLines(TRACES.resolve("ten-functions/invocations.csv")).get(0).split(",");
            String[] row = Files.readAllLines(TRACES.resolve("ten-functions/invocations.csv")).get(2).split(",");
            double[] requests = run.series().series(0, Metric.REQUESTS);
            for (int m = 0; m < 180; m++) {
                int column = java.util.Arrays.asList(header).indexOf("minute_" + (m + 1));
                assertEquals(Long.parseLong(row[column]), Math.round(requests[m]), spread + ", minute " + (m + 1));
            }
        }
    }

    @Test
    void durationsFollowTheTracePercentiles() {
        ScenarioSpec spec = scenario("{file: one-function/invocations.csv}",
                "{trace: {file: one-function/durations.csv, row: 0}}");
        FunctionResult f = Scenarios.only(Scenarios.run(spec.withDurationMicros(20 * 60_000_000L), 0));
        // The trace row: p0 2, p25 3, p50 4, p75 5, p99 11, p100 453 ms; linear in between, so
        // p90 = 5 + (90 - 75) / (99 - 75) x 6 = 8.75 ms. (The sample p99 sits where the density
        // drops a hundredfold, so it scatters by several ms: only its side is checked.)
        assertEquals(4.0, f.durationMs().p50(), 0.01);
        assertEquals(8.75, f.durationMs().p90(), 0.05);
        assertTrue(f.durationMs().p99() >= 10.9 && f.durationMs().max() <= 453.0);
    }

    @Test
    void brokenTraceFilesGetPreciseMessages() throws IOException {
        ScenarioException missing = assertThrows(ScenarioException.class, () -> scenario("{file: nowhere.csv}", "20ms"));
        assertTrue(missing.getMessage().contains("traffic[0].trace.file: no such file: "), missing.getMessage());
        ScenarioException row = assertThrows(ScenarioException.class,
                () -> scenario("{file: one-function/invocations.csv, row: 3}", "20ms"));
        assertTrue(row.getMessage().contains("has 1 rows of data; row 3 does not exist"), row.getMessage());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "HashFunction,1,2\nabc,5,x\n");
        ScenarioException cell = assertThrows(ScenarioException.class, () -> scenario("{file: " + bad + "}", "20ms"));
        assertTrue(cell.getMessage().contains("minute 2 of the chosen row is 'x', not a whole number"), cell.getMessage());
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "HashFunction,1,2\nabc,5\n");
        ScenarioException r = assertThrows(ScenarioException.class, () -> scenario("{file: " + ragged + "}", "20ms"));
        assertTrue(r.getMessage().contains("ragged.csv:2: 2 columns where the header has 3"), r.getMessage());
        ScenarioException wrongKind = assertThrows(ScenarioException.class,
                () -> scenario("{file: one-function/durations.csv}", "20ms"));
        assertTrue(wrongKind.getMessage().contains("is it an invocations file?"), wrongKind.getMessage());
    }
}
