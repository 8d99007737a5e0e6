package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cold-start storm does not flatten the other cold-start bars: the axis is cut and the storm's bar labelled. */
class ColdStartBarsTest {
    @TempDir
    Path dir;

    @Test
    void aStormIsCutAndLabelledSoTheOtherBarsShow() throws Exception {
        Path scenario = dir.resolve("storm.yaml");
        Files.writeString(scenario, """
                name: storm
                duration: 30m
                seed: 2
                platform: {preset: current, idleLifetime: 2s}
                functions:
                  - name: api
                    coldStart: {constant: 300ms}
                    handler: {duration: 1s}
                traffic:
                  - {function: api, spike: {at: 0s, for: 30s, rate: 100/s}}
                  - {function: api, poisson: {rate: 1/s}}
                """);
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String svg = Files.readString(out.resolve("charts/latency-api.svg"));
        assertTrue(svg.contains("\u2191 "), "the storm's bar is labelled with its count");
    }
}
