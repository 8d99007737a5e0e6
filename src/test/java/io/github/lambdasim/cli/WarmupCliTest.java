package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up and the window from the command line: {@code --warmup} on run, sweep and compare
 * (over the scenario's {@code warmup:}), said by validate, the text summary, summary.json and
 * report.html; compare's {@code --window} measures the arrivals of a part of the run and says so,
 * and a window that is empty, outside the run or not a window is refused with one line, exit 2.
 */
class WarmupCliTest {
    /** Poisson 20/s of exactly 100 ms, and a spike of 200/s at 5m for 1 minute. */
    private static final String SCENARIO = """
            name: steady
            duration: 10m
            seed: 3
            functions:
              - name: api
                memorySize: 512
                coldStart: {constant: 1s}
                handler: {duration: {constant: 100ms}}
            traffic:
              - {function: api, poisson: {rate: 20/s}}
              - {function: api, spike: {at: 5m, for: 1m, rate: 200/s}}
            """;

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path scenario = dir.resolve("steady.yaml");
        Files.writeString(scenario, SCENARIO);
        return scenario;
    }

    @Test
    void runSaysTheWarmUpAndTheInvariantsHold() throws Exception {
        Path scenario = scenario();
        Cli v = Cli.run("validate", scenario.toString(), "--warmup", "10m");
        assertEquals(0, v.exitCode(), v.err());
        assertTrue(v.out().contains("  measured after a 10 min warm-up"), v.out());
        assertFalse(Cli.run("validate", scenario.toString()).out().contains("warm-up"));

        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario.toString(), "--warmup", "10m", "--check", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("steady: 10m simulated after a 10 min warm-up ("), r.out());
        assertTrue(r.out().contains("Check: every invariant holds"), r.out());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"warmupSeconds\" : 600,"), summary);
        assertTrue(summary.contains("\"simulatedSeconds\" : 600,"), summary);
        assertTrue(Files.readString(out.resolve("report.html")).contains("of simulated time after a 10 min warm-up on the"));

        // Without one, summary.json does not mention it.
        Path plain = dir.resolve("plain");
        assertEquals(0, Cli.run("run", scenario.toString(), "--no-report", "--out", plain.toString()).exitCode());
        assertFalse(Files.readString(plain.resolve("summary.json")).contains("warmup"));
    }

    @Test
    void aWarmUpThatIsNoDurationIsRefused() throws Exception {
        Cli r = Cli.run("run", scenario().toString(), "--warmup", "10 minutes", "--no-report", "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertEquals("lambdasim: --warmup: '10 minutes' is not a duration with a unit, e.g. 120ms, 30s, 5m, 2h or 30d\n",
                r.err());
    }

    @Test
    void compareMeasuresTheWindowItIsGiven() throws Exception {
        Path scenario = scenario();
        Path out = dir.resolve("cmp");
        Cli r = Cli.run("compare", scenario.toString(), scenario.toString(), "--set", "2:functions.api.memorySize=1024",
                "--replications", "2", "--warmup", "5m", "--window", "5m-6m", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Measured: the requests arriving in 5m-6m (5m to 6m into the run); the whole run simulated"),
                r.out());
        String json = Files.readString(out.resolve("compare.json"));
        assertTrue(json.contains("\"window\" : \"5m-6m (5m to 6m into the run)\""), json);
        assertTrue(Files.readString(out.resolve("report.html")).contains(
                "Measured: the requests arriving in 5m-6m (5m to 6m into the run); the whole run simulated."));
        // The spike's minute alone: 20/s + 200/s for 60 s, about 13,200 requests a run.
        String runSummary = Files.readString(out.resolve("runs/steady/summary.json"));
        assertTrue(runSummary.contains("\"simulatedSeconds\" : 60,"), runSummary);
        assertTrue(runSummary.contains("\"warmupSeconds\" : 300,"), runSummary);
    }

    @Test
    void compareRefusesABadWindow() throws Exception {
        String s = scenario().toString();
        String[][] cases = {
            {"6m-5m", "lambdasim: --window 6m-5m is empty: its end is not after its start\n"},
            {"5m-11m", "lambdasim: --window 5m-11m is outside the run of steady, which lasts 10m\n"},
            {"00:05-00:05", "lambdasim: --window 00:05-00:05 is empty: its end is not after its start\n"},
            {"noon", "lambdasim: --window: expected FROM-TO, e.g. 12:00-12:05 or 12h-12h5m, found 'noon'\n"},
            {"5m-six", "lambdasim: --window: 'six' in '5m-six' is neither a time (12:05) nor a duration with a unit, "
                + "e.g. 120ms, 30s, 5m, 2h or 30d\n"},
        };
        for (String[] c : cases) {
            Cli r = Cli.run("compare", s, s, "--replications", "2", "--window", c[0], "--out", dir.resolve("x").toString());
            assertEquals(2, r.exitCode(), c[0]);
            assertEquals(c[1], r.err(), c[0]);
            assertFalse(Files.exists(dir.resolve("x")));
        }
    }
}
