package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sweep and compare as a user runs them: the grid, the recommendation on stdout, sweep.csv and
 * sweep.json sealed by golden files, bad options refused with exit code 2, run --replications
 * adding confidence intervals to summary.json and report.html.
 */
class SweepCommandTest {
    private static final String SCENARIO = SmallApi.yaml("sweep-test", "", "10m", 4, "60ms", "10/s");

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, SCENARIO);
        return p;
    }

    @Test
    void sweepRecommendsAndWritesSealedFiles() throws IOException {
        Path out = dir.resolve("sweep");
        Cli r = Cli.run("sweep", scenario().toString(), "--vary", "functions.api.memorySize=256,512,1769",
                "--replications", "3", "--slo", "p99<=250ms", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Recommended: memorySize=512, the cheapest point meeting p99 latency <= 250ms"),
                r.out());
        assertTrue(r.out().contains("misses a constraint"), r.out());
        Golden.check("sweep.csv", Files.readString(out.resolve("sweep.csv")));
        Golden.check("sweep.json", Files.readString(out.resolve("sweep.json")));
    }

    /** Two functions: sweeping one of them weighs its own cost, not the scenario's. */
    private Path twoFunctions() throws IOException {
        Path p = dir.resolve("two.yaml");
        Files.writeString(p, SCENARIO.replace("traffic:", """
                  - name: batch
                    memorySize: 3008
                    handler:
                      steps:
                        - cpu: 400ms
                traffic:""") + "  - {function: batch, poisson: {rate: 5/s}}\n");
        return p;
    }

    @Test
    void aSweepOfOneFunctionOfSeveralWeighsItsOwnCost() throws IOException {
        Path out = dir.resolve("own");
        Cli r = Cli.run("sweep", twoFunctions().toString(), "--vary", "functions.api.memorySize=256,1769",
                "--max-cost", "1000", "--out", out.toString(), "--replications", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("cost of api a month"), r.out());
        assertTrue(r.out().contains("the cheapest point meeting monthly cost of api <= $1000.00: cost of api $"), r.out());
        String json = Files.readString(out.resolve("sweep.json"));
        assertTrue(json.contains("\"cost\" : \"api.costUsd.month.total\""), json);
        assertTrue(json.contains("\"figure\" : \"api.costUsd.month.total\""), json);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<th scope=\"col\">Cost of api a month</th>"), html);

        // The recommendation follows api's cost: the table's costs are api's, not the scenario's.
        String row = r.out().lines().filter(l -> l.startsWith("256 ")).findFirst().orElseThrow();
        String total = r.out().lines().filter(l -> l.startsWith("Recommended")).findFirst().orElseThrow();
        assertTrue(total.contains("Recommended: memorySize=256,"), r.out());
        assertTrue(row.contains("<- recommended"), r.out());

        Path whole = dir.resolve("whole");
        Cli both = Cli.run("sweep", twoFunctions().toString(), "--vary", "functions.api.memorySize=256,1769",
                "--vary", "functions.batch.memorySize=1769,3008", "--out", whole.toString(), "--replications", "2");
        assertEquals(0, both.exitCode(), both.err());
        assertTrue(both.out().contains("cost a month (all functions)"), both.out());
        assertTrue(both.out().contains("a month (all functions), p99 latency"), both.out());
        assertTrue(Files.readString(whole.resolve("sweep.json")).contains("\"cost\" : \"costUsd.month.total\""));
    }

    @Test
    void aSweepOfAScenarioOfOneFunctionNamesItsCostAsBefore() throws IOException {
        Path out = dir.resolve("one");
        Cli r = Cli.run("sweep", scenario().toString(), "--vary", "functions.api.memorySize=256,512", "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(" cost a month ") && !r.out().contains("all functions"), r.out());
        assertTrue(!Files.readString(out.resolve("sweep.json")).contains("\"cost\" :"));
    }

    @Test
    void twoDimensionalGridHasEveryCombination() throws IOException {
        Path out = dir.resolve("grid");
        Cli r = Cli.run("sweep", scenario().toString(), "--vary", "functions.api.memorySize=256..768:256",
                "--vary", "functions.api.architecture=x86_64,arm64", "--replications", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1 + 6, Files.readAllLines(out.resolve("sweep.csv")).size());
        assertTrue(Files.readAllLines(out.resolve("sweep.csv")).get(2).startsWith("256,arm64,"));
    }

    @Test
    void badSweepOptionsExitWith2() throws IOException {
        String s = scenario().toString();
        assertEquals(2, Cli.run("sweep", s, "--vary", "memorySize").exitCode());
        Cli invalidPoint = Cli.run("sweep", s, "--vary", "functions.api.memorySize=64,512");
        assertEquals(2, invalidPoint.exitCode());
        assertTrue(invalidPoint.err().contains("point functions.api.memorySize=64") && invalidPoint.err().contains("below the minimum"),
                invalidPoint.err());
        Cli slo = Cli.run("sweep", s, "--vary", "functions.api.memorySize=512", "--slo", "p98<3");
        assertEquals(2, slo.exitCode());
        assertTrue(slo.err().contains("is not like 'p99<=300ms'"), slo.err());
        assertEquals(2, Cli.run("sweep", s, "--vary", "functions.api.memorySize=512", "--objective", "speed").exitCode());
    }

    @Test
    void compareShowsPairedDifferences() throws IOException {
        Path b = dir.resolve("b.yaml");
        Files.writeString(b, SCENARIO.replace("name: sweep-test", "name: bigger").replace("memorySize: 512", "memorySize: 1769"));
        Path out = dir.resolve("cmp");
        Cli r = Cli.run("compare", scenario().toString(), b.toString(), "--replications", "3", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("differences from sweep-test"), r.out());
        String csv = Files.readString(out.resolve("compare.csv"));
        assertTrue(csv.startsWith("figure,sweep-test,sweep-test.ci95,bigger,bigger.ci95,bigger.difference,bigger.difference.ci95\n"), csv);
        // 60 ms of CPU at 512 MB takes 207 ms, at 1769 MB 60 ms: the mean duration drops by about 147 ms.
        String line = csv.lines().filter(l -> l.startsWith("api.durationMs.mean,")).findFirst().orElseThrow();
        double difference = Double.parseDouble(line.split(",")[5]);
        assertEquals(-147.3, difference, 3, line);
    }

    @Test
    void runWithReplicationsReportsConfidenceIntervals() throws IOException {
        Path out = dir.resolve("reps");
        Cli r = Cli.run("run", scenario().toString(), "--replications", "4", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Across 4 replications"), r.out());
        assertTrue(r.out().matches("(?s).*p99 [0-9.]+ ± [0-9.]+ ms \\(95% CI, n=4\\).*"), r.out());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"replications\"") && summary.contains("\"ci95\""), summary);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Across 4 replications"), "the report shows the key figures across replications");
        assertTrue(html.matches("(?s).*<td>[0-9.,]+ ± [0-9.,]+ ms \\(95% CI, n=4\\)</td>.*"), "812 ± 9 ms (95% CI, n=4)");
    }
}
