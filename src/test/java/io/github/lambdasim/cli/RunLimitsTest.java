package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs that would never end or could not fit are refused before anything is simulated or
 * written, with the estimate and the way to go ahead (exit 2); the options that go ahead do; a
 * run checks its invariants on request; running out of memory anyway is a message, not a stack
 * trace.
 */
class RunLimitsTest {
    private static final String SCENARIO = """
            name: limits
            duration: 10m
            functions:
              - name: api
                handler: {duration: 20ms}
            traffic:
              - {function: api, poisson: {rate: 10/s}}
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void aRunThatWouldNeverEndIsRefusedAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", write(SCENARIO.replace("10/s", "1e9/s").replace("10m", "366d")).toString(),
                "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("lambdasim: limits would never end: about 31,622 trillion requests expected, above the limit of "
                + "2.0 billion.\n"
                + "Shorten the duration (--set duration=1h) or lower the rates.\n", r.err().replace("\r\n", "\n"));
        assertFalse(Files.exists(out));
    }

    @Test
    void aRunAboveTheLimitSaysHowToGoAheadAndTheOptionsDo() throws IOException {
        Path s = write(SCENARIO);
        Path out = dir.resolve("out");
        Cli refused = Cli.run("run", s.toString(), "--out", out.toString(), "--max-requests", "1k");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().startsWith("lambdasim: limits is too much work for one run (roughly under a second): "
                + "the work of about 7,600 simple requests (6,000 requests expected; 10 rows of metrics), above the limit "
                + "of 1,000."), refused.err());
        assertTrue(refused.err().contains("or run it anyway with --max-requests 10k (or --force)"), refused.err());
        assertFalse(Files.exists(out));
        assertEquals(0, Cli.run("run", s.toString(), "--out", out.toString(), "--max-requests", "10k").exitCode());
        assertEquals(0, Cli.run("run", s.toString(), "--out", out.toString(), "--max-requests", "1k", "--force").exitCode());
        Cli bad = Cli.run("run", s.toString(), "--out", out.toString(), "--max-requests", "lots");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--max-requests: 'lots' is not a count, e.g. 1500, 500k, 3M or 1.2B"), bad.err());
    }

    @Test
    void aRunThatCouldNotFitInMemoryIsRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("name: wide\nduration: 1d\naccount: {concurrencyLimit: 100000}\nfunctions:\n");
        for (int i = 0; i < 200; i++) {
            yaml.append("  - {name: f").append(i).append(", handler: {duration: 1s}}\n");
        }
        yaml.append("traffic:\n");
        for (int i = 0; i < 200; i++) {
            yaml.append("  - {function: f").append(i).append(", poisson: {rate: 1/s}}\n");
        }
        Path out = dir.resolve("out");
        // 200 functions active in each of 86,400 one-second periods: 17 million rows of metrics.
        Cli r = Cli.run("run", write(yaml.toString()).toString(), "--out", out.toString(), "--period", "1s",
                "--max-requests", "100B");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("lambdasim: wide could need about "), r.err());
        assertTrue(r.err().contains("17,280,000 rows of metrics, statistics for 200 functions"), r.err());
        assertTrue(r.err().contains("or try anyway with --force."), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void checkReportsThatEveryInvariantHolds() throws IOException {
        Cli r = Cli.run("run", write(SCENARIO).toString(), "--out", dir.resolve("out").toString(), "--check");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("Check: every invariant holds (counts add up, limits respected, nothing negative)."
                + System.lineSeparator()), r.out());
    }

    @Test
    void validateShowsTheEstimateAndWhetherRunWouldRefuse() throws IOException {
        Cli ok = Cli.run("validate", write(SCENARIO).toString());
        assertEquals(0, ok.exitCode());
        assertTrue(ok.out().contains("  a run takes roughly under a second and at most 61 MB of memory"), ok.out());
        Cli big = Cli.run("validate", write(SCENARIO.replace("10/s", "1e9/s")).toString());
        assertEquals(0, big.exitCode(), "a valid scenario, however big");
        assertTrue(big.out().contains("  note: run would refuse it as it stands: limits is too much work for one run"),
                big.out());
    }

    /** A command that runs out of memory. */
    @CommandLine.Command(name = "greedy")
    static final class Greedy implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfMemoryIsAMessageAndExitCode1() {
        CommandLine cl = new CommandLine(new Greedy());
        cl.setExecutionStrategy(Errors::executeGuarded);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(1, cl.execute());
        assertTrue(err.toString().startsWith("lambdasim: failed: ran out of memory (this Java may use "), err.toString());
        assertTrue(err.toString().contains("give it more (java -Xmx8g -jar lambdasim.jar ...)"), err.toString());
        assertFalse(err.toString().contains("at io.github"), "no stack trace");
    }
}
