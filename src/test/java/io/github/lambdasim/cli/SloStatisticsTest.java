package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep bounded by the trimmed mean (tm99) or p99.9 of the latency: the figures are estimated at
 * every point, written to sweep.csv, and decide the recommendation.
 */
class SloStatisticsTest {
    // At 256 MB the handler's 60 ms of CPU take about 420 ms; at 512 MB about 210 ms.
    private static final String SCENARIO = SmallApi.yaml("slo-test", "", "5m", 4, "60ms", "10/s");

    @TempDir
    Path dir;

    @Test
    void aSweepRecommendsByTheTrimmedMean() throws IOException {
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, SCENARIO);
        Path out = dir.resolve("sweep");
        Cli r = Cli.run("sweep", s.toString(), "--vary", "functions.api.memorySize=256,512", "--replications", "2",
                "--slo", "tm99<=300ms", "--slo", "p99.9<2s", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Recommended: memorySize=512, the cheapest point meeting tm99 latency "
                + "<= 300ms and p99.9 latency < 2s"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        int tm99 = header.indexOf("api.latencyMs.tm99");
        assertTrue(tm99 > 0 && header.contains("api.latencyMs.p95") && header.contains("api.latencyMs.p999"), csv.get(0));
        int meets = header.indexOf("meetsConstraints");
        assertEquals("false", csv.get(1).split(",")[meets]);
        assertEquals("true", csv.get(2).split(",")[meets]);
        assertTrue(Double.parseDouble(csv.get(1).split(",")[tm99]) > 300, csv.get(1));
        assertTrue(Double.parseDouble(csv.get(2).split(",")[tm99]) < 300, csv.get(2));
        String json = Files.readString(out.resolve("sweep.json"));
        assertTrue(json.contains("\"figure\" : \"api.latencyMs.tm99\"") && json.contains("\"api.latencyMs.p999\""), json);
    }
}
