package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The reports of sweeps and comparisons as a user gets them: each chart is a 1280 x 720 PNG and
 * an SVG that parses and is byte-identical when the same sweep runs twice; a memory sweep over
 * two paths gets the power-tuning chart and both heatmaps, another sweep the cost-latency chart;
 * report.html inlines every chart, marks the recommended row, refers only to files that exist
 * and loads nothing; {@code lambdasim report DIR} draws the same files again from sweep.json, or
 * from compare.json and runs/.
 */
class SweepReportTest {
    private static final String SCENARIO = """
            name: sweep-report
            description: A CPU-bound API for the sweep report's tests.
            duration: 5m
            seed: 11
            functions:
              - name: api
                memorySize: 512
                coldStart: {constant: 150ms}
                handler:
                  steps:
                    - cpu: 60ms
                    - io: {name: db, latency: {lognormal: {median: 5ms, p99: 25ms}}}
                  threads: 1
            traffic:
              - {function: api, poisson: {rate: 10/s}}
            """;
    private static final List<String> MEMORY_CHARTS = List.of("power-tuning", "power-tuning-average", "heatmap-latency", "heatmap-cost");

    @TempDir
    static Path dir;
    private static Path scenario;
    private static Path a;
    private static Path b;

    @BeforeAll
    static void sweepTwice() throws IOException {
        scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, SCENARIO);
        a = dir.resolve("a");
        b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            Cli r = Cli.run("sweep", scenario.toString(), "--vary", "functions.api.memorySize=256,1024,1769",
                    "--vary", "functions.api.handler.threads=1,2", "--replications", "2", "--slo", "p99<=150ms",
                    "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("Open " ), r.out());
        }
    }

    @Test
    void aMemorySweepOverTwoPathsHasThePowerTuningChartAndBothHeatmaps() throws Exception {
        try (Stream<Path> files = Files.list(a.resolve("charts"))) {
            assertEquals(2 * MEMORY_CHARTS.size(), files.count(), "a PNG and an SVG per chart, nothing else");
        }
        for (String name : MEMORY_CHARTS) {
            assertChart(a, name);
        }
        assertTrue(Files.readString(a.resolve("charts/power-tuning.svg")).contains("threads 2"), "a line per thread count");
        String averages = Files.readString(a.resolve("charts/power-tuning-average.svg"));
        assertTrue(averages.contains("api: mean duration and cost per invocation against memory"),
                "Power Tuning's two lines: mean duration and cost per invocation");
        assertTrue(Files.readString(a.resolve("charts/power-tuning.svg")).contains(">Memory (MB)<"), "to scale by default");
    }

    @Test
    void aCategoricalMemoryAxisSpacesTheSizesEvenlyAndIsKeptForReport() throws Exception {
        Path out = dir.resolve("categorical");
        Cli r = Cli.run("sweep", scenario.toString(), "--vary", "functions.api.memorySize=128,256,3008",
                "--replications", "1", "--memory-axis", "categorical", "--objective", "balanced", "--balanced-weight", "0.8",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String json = Files.readString(out.resolve("sweep.json"));
        assertTrue(json.contains("\"memoryAxis\" : \"categorical\"") && json.contains("\"balancedWeight\" : 0.8"), json);
        assertTrue(json.contains("\"functions.api.memorySize\" : [ 128, 256, 3008 ]"), "sizes are numbers: " + json);
        assertTrue(Files.readString(out.resolve("charts/power-tuning.svg")).contains("Memory (MB), evenly spaced"));
        assertTrue(r.out().contains("(weight of cost 0.8)"), r.out());
        Files.delete(out.resolve("charts/power-tuning.svg"));
        assertEquals(0, Cli.run("report", out.toString()).exitCode());
        assertTrue(Files.readString(out.resolve("charts/power-tuning.svg")).contains("Memory (MB), evenly spaced"),
                "report draws from sweep.json, which keeps the axis");
        assertTrue(Files.readString(out.resolve("report.html")).contains("with w = 0.8"));
    }

    @Test
    void aBalancedWeightNeedsTheBalancedObjectiveAndAWeightFromZeroToOne() {
        Cli r = Cli.run("sweep", scenario.toString(), "--vary", "functions.api.memorySize=128,256", "--balanced-weight", "0.3");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--balanced-weight: only with --objective balanced"), r.err());
        r = Cli.run("sweep", scenario.toString(), "--vary", "functions.api.memorySize=128,256", "--objective", "balanced",
                "--balanced-weight", "2");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("expected a number from 0 (the fastest) to 1 (the cheapest), found 2.0"), r.err());
        r = Cli.run("sweep", scenario.toString(), "--vary", "functions.api.memorySize=128,256", "--memory-axis", "log");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--memory-axis: expected linear or categorical, found 'log'"), r.err());
    }

    @Test
    void theSameSweepGivesByteIdenticalSvgsAndPage() throws IOException {
        for (String name : MEMORY_CHARTS) {
            assertArrayEquals(Files.readAllBytes(a.resolve("charts/" + name + ".svg")),
                    Files.readAllBytes(b.resolve("charts/" + name + ".svg")), name);
        }
        assertEquals(Files.readString(a.resolve("report.html")), Files.readString(b.resolve("report.html")));
    }

    @Test
    void reportHtmlShowsEveryChartTheTableAndTheRecommendation() throws IOException {
        String html = Files.readString(a.resolve("report.html"));
        assertPage(a, html, MEMORY_CHARTS);
        assertTrue(html.contains("<tr class=\"rec\">"), "the recommended row is highlighted");
        assertTrue(html.contains("misses p99 latency &lt;= 150ms"), "rows missing the SLO say so");
        assertTrue(html.contains("Recommended: memorySize="), "the recommendation sentence");
        assertTrue(html.contains("A CPU-bound API for the sweep report&#39;s tests."), "the scenario's description");
        assertTrue(html.matches("(?s).*<td>[0-9.,]+ ± [0-9.,]+ ms</td>.*"), "latency with its interval");
    }

    @Test
    void anotherSweepGetsCostAgainstLatencyWithTheParetoFront() throws Exception {
        Path out = dir.resolve("provisioned");
        Cli r = Cli.run("sweep", scenario.toString(), "--vary", "functions.api.provisionedConcurrency=0,2,4",
                "--replications", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertChart(out, "cost-latency");
        assertTrue(Files.readString(out.resolve("charts/cost-latency.svg")).contains("Pareto front"));
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            assertEquals(2, files.count(), "one path varied: no heatmap");
        }
        assertPage(out, Files.readString(out.resolve("report.html")), List.of("cost-latency"));
    }

    @Test
    void aSweepOfRetriesDrawsCostAgainstDroppedEventsAndTabulatesThem() throws Exception {
        Path events = dir.resolve("storm.yaml");
        Files.writeString(events, """
                name: storm
                duration: 20m
                seed: 3
                functions:
                  - name: worker
                    async: {onFailure: dlq}
                    handler:
                      duration: {constant: 50ms}
                      outages: [{at: 5m, for: 5m, errorRate: 0.5}]
                traffic:
                  - {function: worker, invocation: async, poisson: {rate: 5/s}}
                """);
        Path out = dir.resolve("storm-sweep");
        Cli r = Cli.run("sweep", events.toString(), "--vary", "functions.worker.async.maximumRetryAttempts=0,2",
                "--replications", "2", "--max-drop-rate", "0.05", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*retries +dropped.*"), r.out());
        assertChart(out, "cost-drops");
        String svg = Files.readString(out.resolve("charts/cost-drops.svg"));
        assertTrue(svg.contains("Events of worker dropped (%)") && svg.contains("events dropped &lt;= 5%"), "axis and limit");
        String html = Files.readString(out.resolve("report.html"));
        assertPage(out, html, List.of("cost-drops"));
        assertTrue(html.contains("<th scope=\"col\">Events dropped</th>"), "the table's column");
        // Half the events of the outage fail: without retries about 1/8 of all are dropped, with two about 1/32.
        assertTrue(html.contains("recommended"), "two retries meet 5%");
    }

    @Test
    void reportDrawsTheSweepAgainFromSweepJson() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("sweep-copy"));
        Files.copy(a.resolve("sweep.json"), copy.resolve("sweep.json"), StandardCopyOption.REPLACE_EXISTING);
        Cli r = Cli.run("report", copy.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Report of the sweep of sweep-report"), r.out());
        for (String name : MEMORY_CHARTS) {
            assertArrayEquals(Files.readAllBytes(a.resolve("charts/" + name + ".svg")),
                    Files.readAllBytes(copy.resolve("charts/" + name + ".svg")), name);
        }
        assertEquals(Files.readString(a.resolve("report.html")), Files.readString(copy.resolve("report.html")));

        Files.writeString(copy.resolve("sweep.json"), Files.readString(copy.resolve("sweep.json"))
                .replace("\"meetsConstraints\" : false", "\"meetsConstraints\" : \"no\""));
        Cli broken = Cli.run("report", copy.toString());
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().contains("sweep.json: points[0]: meetsConstraints"), broken.err());
    }

    @Test
    void compareDrawsOverlaidChartsAndAPageAndReportDrawsThemAgain() throws Exception {
        Path bigger = dir.resolve("bigger.yaml");
        Files.writeString(bigger, SCENARIO.replace("name: sweep-report", "name: bigger")
                .replace("memorySize: 512", "memorySize: 1769"));
        Path out = dir.resolve("cmp");
        Cli r = Cli.run("compare", scenario.toString(), bigger.toString(), "--replications", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> charts = List.of("key-figures-api", "latency-p99-api", "cost-over-time");
        for (String name : charts) {
            assertChart(out, name);
        }
        assertTrue(Files.isRegularFile(out.resolve("runs/sweep-report/metrics.csv")));
        assertTrue(Files.isRegularFile(out.resolve("runs/bigger/summary.json")));
        String html = Files.readString(out.resolve("report.html"));
        assertPage(out, html, charts);
        assertTrue(html.contains("<td class=\"better\">"), "a clearly lower latency is marked: " + html);

        Path copy = Files.createDirectories(dir.resolve("cmp-copy"));
        for (String f : List.of("compare.json", "runs/sweep-report/summary.json", "runs/sweep-report/metrics.csv",
                "runs/bigger/summary.json", "runs/bigger/metrics.csv")) {
            Files.createDirectories(copy.resolve(f).getParent());
            Files.copy(out.resolve(f), copy.resolve(f));
        }
        Files.copy(out.resolve("compare.csv"), copy.resolve("compare.csv"));
        Cli again = Cli.run("report", copy.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("Report of the comparison sweep-report vs bigger"), again.out());
        for (String name : charts) {
            assertArrayEquals(Files.readAllBytes(out.resolve("charts/" + name + ".svg")),
                    Files.readAllBytes(copy.resolve("charts/" + name + ".svg")), name);
        }
        assertEquals(html, Files.readString(copy.resolve("report.html")));
    }

    /** A 1280 x 720 PNG and an SVG document of that size that parses. */
    static void assertChart(Path folder, String name) throws Exception {
        BufferedImage png = ImageIO.read(folder.resolve("charts/" + name + ".png").toFile());
        assertNotNull(png, name + ".png is a PNG");
        assertEquals(1280, png.getWidth(), name);
        assertEquals(720, png.getHeight(), name);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document svg = xml.newDocumentBuilder().parse(folder.resolve("charts/" + name + ".svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName(), name);
        assertEquals(1280, Double.parseDouble(svg.getDocumentElement().getAttribute("width")), name);
        assertEquals(720, Double.parseDouble(svg.getDocumentElement().getAttribute("height")), name);
    }

    /** The page inlines and links every chart, links only to files that exist and fetches nothing. */
    static void assertPage(Path folder, String html, List<String> charts) {
        for (String name : charts) {
            assertTrue(html.contains("<svg id='" + name + "'"), name + " is inlined");
            assertTrue(html.contains("href=\"charts/" + name + ".png\""), name + ".png is linked");
        }
        assertFalse(html.contains("<script"), "no script");
        Matcher m = Pattern.compile("(?:src|href)=([\"'])(.*?)\\1").matcher(html);
        while (m.find()) {
            String target = m.group(2);
            if (target.startsWith("#")) {
                assertTrue(html.contains("id=\"" + target.substring(1) + "\""), "anchor " + target);
                continue;
            }
            assertFalse(target.contains(":"), "nothing fetched from elsewhere: " + target);
            assertTrue(Files.isRegularFile(folder.resolve(target)), target + " exists");
        }
    }
}
