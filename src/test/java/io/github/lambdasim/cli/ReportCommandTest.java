package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.report.data.ReportData;
import io.github.lambdasim.report.data.ReportData.FunctionData;
import io.github.lambdasim.report.data.ReportFiles;
import io.github.lambdasim.report.data.RunFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 * The report as a user gets it: a run writes every chart as a 1280 x 720 PNG and an SVG that
 * parses as XML and is byte-identical for the same seed; report.html inlines every chart, refers
 * only to files that exist, loads nothing and escapes the user's text; {@code lambdasim report DIR}
 * draws the same SVGs and page again from the saved files, and refuses a folder that is not a
 * run's, or whose files are malformed, with exit code 2 and a message naming the file.
 */
class ReportCommandTest {
    private static final List<String> FUNCTIONS = List.of("api", "worker");
    private static final List<String> KINDS = List.of("latency-", "latency-distribution-", "concurrency-", "invocations-");

    @TempDir
    static Path dir;
    private static Path a;
    private static Path b;

    @BeforeAll
    static void runTwice() throws IOException {
        Path scenario = dir.resolve("small.yaml");
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("/io/github/lambdasim/report/small.yaml")) {
            Files.write(scenario, in.readAllBytes());
        }
        a = dir.resolve("a");
        b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            Cli r = Cli.run("run", scenario.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
        }
    }

    private static List<String> chartNames() {
        List<String> names = new ArrayList<>();
        for (String kind : KINDS) {
            for (String f : FUNCTIONS) {
                names.add(kind + f);
            }
        }
        names.add("cost-over-time");
        names.add("cost-breakdown");
        return names;
    }

    @Test
    void everyChartIsA1280x720PngAndAnSvgThatParses() throws Exception {
        try (Stream<Path> files = Files.list(a.resolve("charts"))) {
            assertEquals(2 * chartNames().size(), files.count(), "a PNG and an SVG per chart, nothing else");
        }
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (String name : chartNames()) {
            BufferedImage png = ImageIO.read(a.resolve("charts/" + name + ".png").toFile());
            assertNotNull(png, name + ".png is a PNG");
            assertEquals(1280, png.getWidth(), name);
            assertEquals(720, png.getHeight(), name);
            Document svg = xml.newDocumentBuilder().parse(a.resolve("charts/" + name + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getLocalName(), name);
            assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI(), name);
            assertEquals(1280, Double.parseDouble(svg.getDocumentElement().getAttribute("width")), name);
            assertEquals(720, Double.parseDouble(svg.getDocumentElement().getAttribute("height")), name);
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalSvgsAndPage() throws IOException {
        for (String name : chartNames()) {
            assertArrayEquals(Files.readAllBytes(a.resolve("charts/" + name + ".svg")),
                    Files.readAllBytes(b.resolve("charts/" + name + ".svg")), name);
        }
        assertEquals(Files.readString(a.resolve("report.html")), Files.readString(b.resolve("report.html")));
    }

    @Test
    void reportHtmlShowsEveryChartAndRefersOnlyToFilesThatExist() throws IOException {
        String html = Files.readString(a.resolve("report.html"));
        for (String name : chartNames()) {
            assertTrue(html.contains("<svg id='" + name + "'"), name + " is inlined");
            assertTrue(html.contains("href=\"charts/" + name + ".png\""), name + ".png is linked");
        }
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("entry-points") || html.contains("id=\"traces\"") || html.contains("Events received"),
                "nothing of event-driven runs");
        assertFalse(html.contains("<?xml"), "no XML declaration inside the page");
        Matcher m = Pattern.compile("(?:src|href)=([\"'])(.*?)\\1").matcher(html);
        int links = 0;
        while (m.find()) {
            String target = m.group(2);
            if (target.startsWith("#")) {
                assertTrue(html.contains("id=\"" + target.substring(1) + "\""), "anchor " + target);
                continue;
            }
            assertFalse(target.contains(":"), "nothing fetched from elsewhere: " + target);
            assertTrue(Files.isRegularFile(a.resolve(target)), target + " exists");
            links++;
        }
        assertTrue(links >= 2 * chartNames().size() + 6, "charts, data files and results are linked: " + links);
        for (String section : new String[] {"Key numbers", "The bill", "Sample REPORT lines", "Timeline of a few invocations",
            "Initialization", "Invocation", "is not modelled by lambdasim, so it is not drawn", "Total monthly charges",
            "Cold start"}) {
            assertTrue(html.contains(section), section);
        }
    }

    @Test
    void theUsersTextIsEscaped() throws IOException {
        Path scenario = dir.resolve("escape.yaml");
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("/io/github/lambdasim/report/small.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("(?s)description: >.*?duration:",
                            "description: \"Fast <b>&</b> 'cheap' <script>alert(1)</script>\"\nduration:")
                    .replace("duration: 10m", "duration: 2m");
            Files.writeString(scenario, yaml);
        }
        Path out = dir.resolve("escaped");
        assertEquals(0, Cli.run("run", scenario.toString(), "--out", out.toString()).exitCode());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Fast &lt;b&gt;&amp;&lt;/b&gt; &#39;cheap&#39; &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>") || html.contains("<b>&"), "raw user text");
    }

    @Test
    void theReportReadsBackWhatTheRunWrote() {
        ReportData d = ReportFiles.read(a);
        assertEquals("small", d.run().scenario());
        assertEquals(Integer.valueOf(1000), d.run().accountConcurrencyLimit());
        assertEquals(FUNCTIONS, d.functions().stream().map(FunctionData::name).toList());
        assertEquals(10, d.periods().periods());
        assertEquals(60, d.periods().periodSeconds());
        FunctionData worker = d.functions().get(1);
        assertEquals(Integer.valueOf(5), worker.reservedConcurrency());
        assertEquals("python3.12", worker.runtime());
        assertEquals(2000, worker.timeoutMs());
        for (FunctionData f : d.functions()) {
            assertEquals(f.coldStarts(), f.latencyCold().totalCount(), f.name());
            assertEquals(f.invocations() - f.coldStarts(), f.latencyWarm().totalCount(), f.name());
            double invocations = 0;
            for (double v : d.periods().values(f.name(), "Invocations")) {
                invocations += v;
            }
            assertEquals(f.invocations(), invocations, 1e-9, f.name());
        }
        assertFalse(d.samples().isEmpty());
        assertTrue(d.samples().stream().anyMatch(ReportData.Sample::cold));
        assertFalse(d.billExplanation().isEmpty());
        assertEquals(d.samples().size(), d.reportLines().size(), "one REPORT line per sampled invocation");
        assertFalse(d.eventDriven(), "no entry points in a run of synchronous requests");
        assertTrue(d.traces().isEmpty());
        assertFalse(Files.exists(a.resolve(RunFiles.TRACES)));
    }

    @Test
    void reportDrawsTheSameFilesAgainWithoutSimulating() throws IOException {
        Path copy = copyOfRun("copy");
        Cli r = Cli.run("report", copy.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("report.html and 20 chart files in charts/"), r.out());
        for (String name : chartNames()) {
            assertArrayEquals(Files.readAllBytes(a.resolve("charts/" + name + ".svg")),
                    Files.readAllBytes(copy.resolve("charts/" + name + ".svg")), name);
        }
        assertEquals(Files.readString(a.resolve("report.html")), Files.readString(copy.resolve("report.html")));
        assertEquals(Files.readString(a.resolve("summary.json")), Files.readString(copy.resolve("summary.json")),
                "the results are left as they were");
    }

    @Test
    void aFolderWrittenBeforeTheTrimmedMeanAndP95IsStillDrawnButNotOneWithoutATableFigure() throws IOException {
        // Figures added later and shown in no table (latencyMs.p95, p999, tm99) may be absent.
        Path old = copyOfRun("older");
        Files.writeString(old.resolve("summary.json"), Files.readString(old.resolve("summary.json"))
                .replaceAll("\"(tm99|p95|p999)\" : [0-9.eE+-]+,\\s*", ""));
        assertFalse(Files.readString(old.resolve("summary.json")).contains("\"p95\""), "the edit took");
        Cli r = Cli.run("report", old.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertBroken("summary.json", text -> text.replaceFirst("\"p99\" : [0-9.eE+-]+,\\s*", ""), "latencyMs.p99 is missing");
    }

    @Test
    void aProvisionedLevelIsDrawnWhenConfigured() throws IOException {
        Path scenario = dir.resolve("small.yaml");
        Path out = dir.resolve("provisioned");
        Cli r = Cli.run("run", scenario.toString(), "--out", out.toString(), "--set", "functions.api.provisionedConcurrency=3");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out.resolve("charts/concurrency-api.svg")).contains("Provisioned concurrency"));
        assertFalse(Files.readString(out.resolve("charts/concurrency-worker.svg")).contains("Provisioned concurrency"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("none / 3"));
        // The bill by component has a row for a charge only where the scenario incurs it.
        assertTrue(Files.readString(out.resolve("charts/cost-breakdown.svg")).contains("Provisioned concurrency"));
        assertFalse(Files.readString(a.resolve("charts/cost-breakdown.svg")).contains("Provisioned concurrency"));
        assertTrue(Files.readString(a.resolve("charts/cost-breakdown.svg")).contains("Ephemeral storage"), "the worker has 1 GB of /tmp");
    }

    private static Path copyOfRun(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy.resolve("data"));
        for (String f : new String[] {"summary.json", "metrics.csv", "report-log.txt", RunFiles.HISTOGRAMS,
            RunFiles.SAMPLES, RunFiles.BILL, RunFiles.ACCOUNT}) {
            Files.copy(a.resolve(f), copy.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    @Test
    void aFolderThatIsNotARunOrHasMalformedFilesExitsWith2() throws IOException {
        Cli missing = Cli.run("report", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope: no such folder"), missing.err());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli notRun = Cli.run("report", empty.toString());
        assertEquals(2, notRun.exitCode());
        assertTrue(notRun.err().contains("is not the folder of a lambdasim run") && notRun.err().contains("no summary.json"),
                notRun.err());
        try (Stream<Path> files = Files.list(empty)) {
            assertEquals(0, files.count(), "nothing written");
        }

        assertBroken("metrics.csv", text -> text.replaceFirst("\n0,60,api,[0-9]+,", "\n0,60,api,lots,"),
                "metrics.csv:2: Requests 'lots' is not a number");
        assertBroken("summary.json", text -> text.replace("\"functions\"", "\"functions\" : 3, \"x\""),
                "summary.json");
        assertBroken("data/samples.csv", text -> text.replace(",true,", ",maybe,"), "data/samples.csv:");
        assertBroken("data/latency-histograms.json", text -> text.replaceFirst("\"histogram\" : \"[^\"]+\"",
                "\"histogram\" : \"bm90IGEgaGlzdG9ncmFt\""), "is not an encoded histogram");
        assertBroken("data/bill.txt", text -> null, "data/bill.txt is missing");
        assertBroken(RunFiles.ACCOUNT, text -> text.replaceFirst("\n0,60,[0-9]+,", "\n0,60,many,"),
                "data/account.csv:2: ConcurrentExecutions 'many' is not a number");
    }

    private static void assertBroken(String file, java.util.function.UnaryOperator<String> edit, String message)
            throws IOException {
        Path broken = copyOfRun("broken-" + file.replace('/', '-'));
        String edited = edit.apply(Files.readString(broken.resolve(file)));
        if (edited == null) {
            Files.delete(broken.resolve(file));
        } else {
            Files.writeString(broken.resolve(file), edited);
        }
        Cli r = Cli.run("report", broken.toString());
        assertEquals(2, r.exitCode(), file + ": " + r.err());
        assertTrue(r.err().contains(message), file + ": " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(broken.resolve("report.html")), "nothing written");
    }
}
