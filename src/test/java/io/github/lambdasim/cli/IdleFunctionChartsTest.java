package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function that no request reaches (an imported queue consumer, say) has no empty charts, and the report says why. */
class IdleFunctionChartsTest {
    @TempDir
    Path dir;

    @Test
    void aFunctionWithoutRequestsHasNoCharts() throws Exception {
        Path scenario = dir.resolve("idle.yaml");
        Files.writeString(scenario, """
                name: idle
                duration: 5m
                functions:
                  - name: api
                    handler: {duration: 20ms}
                  - name: indexer
                    handler: {duration: 20ms}
                traffic:
                  - {function: api, poisson: {rate: 2/s}}
                """);
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertTrue(charts.noneMatch(p -> p.getFileName().toString().contains("indexer")), "no chart of indexer");
        }
        assertTrue(Files.exists(out.resolve("charts/latency-api.svg")));
        assertTrue(Files.readString(out.resolve("report.html")).contains("No request reached indexer in this run: it has no "
                + "charts."));
    }

    @Test
    void theCumulativeCostChartNamesOnlyTheChargesTheRunHas() throws Exception {
        // A run without a front door, SnapStart or a Savings Plan: none of them in the chart's text or legend
        // (the first hour of a launch day named the front door, at $0.00: what CostUsd holds beyond the
        // charges with columns of their own is rounding residue there).
        Path out = dir.resolve("plain-out");
        Cli r = Cli.run("run", "scenarios/launch-day-schedule.yaml", "--set", "duration=1h", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String svg = Files.readString(out.resolve("charts/cost-over-time.svg"));
        assertTrue(svg.contains("Requests") && svg.contains("On-demand duration"), "the charges it has");
        for (String absent : new String[] {"Front door", "front door", "SnapStart", "snapstart", "Savings plan"}) {
            assertTrue(!svg.contains(absent), absent + " is not charged in this run");
        }
    }
}
