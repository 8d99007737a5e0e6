package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warmStart: true} from the command line: {@code validate} says how many environments each
 * function begins with, {@code --set warmStart=true} turns it on, and {@code run --check} finds
 * every invariant holding with environments that existed before the run.
 */
class WarmStartCliTest {
    /** Poisson 50/s of exactly 100 ms: L = 5, ceil(5 + 3 sqrt(5)) = 12 environments. */
    private static final String SCENARIO = """
            name: steady
            duration: 10m
            seed: 3
            functions:
              - name: api
                memorySize: 512
                handler: {duration: {constant: 100ms}}
            traffic:
              - {function: api, poisson: {rate: 50/s}}
            """;

    @TempDir
    Path dir;

    @Test
    void validateSaysTheEnvironmentsAndRunCheckHolds() throws Exception {
        Path scenario = dir.resolve("steady.yaml");
        Files.writeString(scenario, SCENARIO);
        Cli v = Cli.run("validate", scenario.toString(), "--set", "warmStart=true");
        assertEquals(0, v.exitCode(), v.err());
        assertTrue(v.out().contains("    warm start: 12 environments initialised before the run\n"), v.out());
        assertTrue(!Cli.run("validate", scenario.toString()).out().contains("warm start"));

        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario.toString(), "--set", "warmStart=true", "--check", "--no-report",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Check: every invariant holds"), r.out());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"warmStart\" : true"));
    }
}
