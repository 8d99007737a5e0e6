package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import io.github.lambdasim.report.data.ReportData;
import io.github.lambdasim.report.data.ReportFiles;
import io.github.lambdasim.report.data.RunFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of an event-driven run (an API that calls a payment function and sends an email
 * event to a mailer that falls behind): the entry points' table from the registry, the functions'
 * event rows only where they had events, a waterfall per sampled trace, an events chart for the
 * function that received events only, all read back from the files so that {@code lambdasim
 * report DIR} draws the same page; a folder without data/traces.json (an earlier version's) still
 * draws.
 */
class EventReportTest {
    private static final String SCENARIO = "/io/github/lambdasim/report/events.yaml";

    @TempDir
    static Path dir;
    private static Path scenario;
    private static Path run;
    private static String html;

    @BeforeAll
    static void runOnce() throws IOException {
        scenario = dir.resolve("events.yaml");
        try (InputStream in = EventReportTest.class.getResourceAsStream(SCENARIO)) {
            Files.write(scenario, in.readAllBytes());
        }
        run = dir.resolve("run");
        Cli r = Cli.run("run", scenario.toString(), "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        html = Files.readString(run.resolve("report.html"));
    }

    @Test
    void theReportReadsTheEntryPointsAndTracesTheRunWrote() throws IOException {
        ReportData d = ReportFiles.read(run);
        assertTrue(d.eventDriven());
        assertEquals(1, d.entryPoints().size());
        ReportData.EntryPointData e = d.entryPoints().get(0);
        assertEquals("api/poisson", e.name());
        assertEquals("api", e.function());
        assertEquals("sync", e.invocation());
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).path("entryPoints")
                .path("api/poisson");
        for (Figure f : Figures.ENTRY_POINT) {
            if (f.stored()) {
                assertEquals(summary.at("/" + f.path().replace('.', '/')).asDouble(), e.value(f), 1e-9, f.path());
            } else {
                assertTrue(e.figures().containsKey(f.path()), "derived " + f.path());
            }
        }
        assertEquals(e.value(Figures.ENTRY_POINT.get(0)), e.figures().get("succeeded") + e.figures().get("failed")
                + e.figures().get("unfinished"), 1e-9, "every request ends one way");
        assertFalse(d.traces().isEmpty());
        for (ReportData.Trace t : d.traces()) {
            assertEquals("api/poisson", t.entryPoint());
            assertEquals("api", t.requests().get(0).function());
            assertEquals(-1, t.requests().get(0).cause());
            assertTrue(t.endMs() >= t.startMs());
        }
    }

    @Test
    void thePageHasTheEntryPointsTableAndTheEventRowsWhereThereWereEvents() {
        assertTrue(html.contains("<section id=\"entry-points\">"), "entry points section");
        assertTrue(html.contains("<a href=\"#entry-points\">Entry points</a>"), "linked from the top");
        assertTrue(html.contains("<th scope=\"col\">api/poisson</th>"), "a column per entry point");
        String entries = html.substring(html.indexOf("<section id=\"entry-points\">"), html.indexOf("<section id=\"traces\">"));
        for (Figure f : Figures.entryWith(Figure.Use.TABLE)) {
            String label = f.row() != null ? f.row() : f.label();
            assertTrue(entries.contains("\">" + label + "</th>"), label);
            assertTrue(entries.contains(io.github.lambdasim.report.ReportHtml.esc(f.meaning())), "the meaning of " + f.path());
        }
        assertTrue(entries.contains("class=\"warning\""), "many requests were unfinished: said so");
        assertTrue(html.contains("one event can be throttled many times"), "throttles of events explained");
        String numbers = html.substring(html.indexOf("<section id=\"numbers\">"), html.indexOf("<section id=\"entry-points\">"));
        // email received events; api and payment did not: a dash in their cells.
        assertTrue(numbers.contains("<tr><th scope=\"row\">Events received / dropped / retried</th><td>–</td><td>–</td>"
                + "<td>"), numbers);
        assertTrue(numbers.contains("Calls made sync / async / failed"), "api made calls");
        assertFalse(numbers.contains(">0 / 0 / 0</td><td>0 / 0 / 0</td><td>0 / 0 / 0<"), "no row of zeros");
    }

    @Test
    void eachSampledTraceIsAWaterfall() {
        String traces = html.substring(html.indexOf("<section id=\"traces\">"), html.indexOf("<section id=\"charts\">"));
        int svgs = traces.split("<svg ", -1).length - 1;
        assertEquals(ReportFiles.read(run).traces().size(), svgs, "one waterfall per trace");
        assertTrue(traces.contains("class=\"trace\""));
        assertTrue(traces.contains("api (request)") && traces.contains("payment (call)") && traces.contains("email (event)"),
                "rows name the function and the kind of request");
        assertTrue(traces.contains("since the request arrived"), "the axis says what it measures");
        assertTrue(traces.contains("href=\"" + RunFiles.TRACES + "\""), "links the file");
        assertTrue(html.contains("href=\"" + RunFiles.TRACES + "\">" + RunFiles.TRACES + "</a>: "), "listed among the files");
    }

    @Test
    void anEventsChartForTheFunctionThatReceivedEventsOnly() throws IOException {
        BufferedImage png = ImageIO.read(run.resolve("charts/events-email.png").toFile());
        assertNotNull(png);
        assertEquals(1280, png.getWidth());
        assertEquals(720, png.getHeight());
        assertTrue(html.contains("<svg id='events-email'"), "inlined");
        assertFalse(Files.exists(run.resolve("charts/events-api.png")), "api received no events");
        assertFalse(Files.exists(run.resolve("charts/events-payment.png")), "payment received no events");
        String svg = Files.readString(run.resolve("charts/events-email.svg"));
        assertTrue(svg.contains("Events received") && svg.contains("Events waiting") && svg.contains("Oldest event"));
    }

    @Test
    void chartsForLimitsTheEventsChartLikeTheOtherChartsOfAFunction() throws IOException {
        Path copy = copyOfRun("charts-for-0", true);
        Cli r = Cli.run("report", copy.toString(), "--charts-for", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.exists(copy.resolve("charts/events-email.png")));
        assertTrue(Files.readString(copy.resolve("report.html")).contains("<section id=\"traces\">"),
                "the traces are not charts of a function");
    }

    @Test
    void reportDrawsTheSamePageAgainFromTheFiles() throws IOException {
        Path copy = copyOfRun("copy", true);
        Cli r = Cli.run("report", copy.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(html, Files.readString(copy.resolve("report.html")));
        assertArrayEquals(Files.readAllBytes(run.resolve("charts/events-email.svg")),
                Files.readAllBytes(copy.resolve("charts/events-email.svg")));
    }

    @Test
    void aFolderWithoutTracesStillDraws() throws IOException {
        Path copy = copyOfRun("no-traces", false);
        Cli r = Cli.run("report", copy.toString());
        assertEquals(0, r.exitCode(), r.err());
        String page = Files.readString(copy.resolve("report.html"));
        assertTrue(page.contains("<section id=\"entry-points\">"));
        assertTrue(page.contains("No request of this entry point was followed to its end."), "says there are none");
        assertFalse(page.contains("href=\"" + RunFiles.TRACES + "\""), "links no missing file");
    }

    @Test
    void malformedTracesAreRefusedNamingTheFile() throws IOException {
        Path copy = copyOfRun("broken-traces", true);
        Path traces = copy.resolve(RunFiles.TRACES);
        Files.writeString(traces, Files.readString(traces).replaceFirst("\"cause\" : 0", "\"cause\" : 7"));
        Cli r = Cli.run("report", copy.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(RunFiles.TRACES) && r.err().contains("is not an earlier request"), r.err());
    }

    @Test
    void compareShowsTheEntryPointsSideBySide() throws IOException {
        Path wider = dir.resolve("wider.yaml");
        Files.writeString(wider, Files.readString(scenario).replace("name: events", "name: wider")
                .replace("reservedConcurrency: 1", "reservedConcurrency: 3"));
        Path out = dir.resolve("cmp");
        Cli r = Cli.run("compare", scenario.toString(), wider.toString(), "--replications", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String page = Files.readString(out.resolve("report.html"));
        for (Figure f : Figures.entryWith(Figure.Use.KEY)) {
            if (f.better() != Figure.Better.NEITHER) {
                assertTrue(page.contains("<th scope=\"row\">entry point api/poisson: " + f.label() + "</th>"), f.path());
            }
        }
        assertTrue(page.contains("email: Events dropped, share"), "the mailer's drops");
        assertFalse(page.contains("api: Events dropped"), "api had no events in either scenario");
    }

    private static Path copyOfRun(String name, boolean traces) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy.resolve("data"));
        List<String> files = new java.util.ArrayList<>(List.of("summary.json", "metrics.csv", "report-log.txt",
                RunFiles.HISTOGRAMS, RunFiles.SAMPLES, RunFiles.BILL, RunFiles.ACCOUNT));
        if (traces) {
            files.add(RunFiles.TRACES);
        }
        for (String f : files) {
            Files.copy(run.resolve(f), copy.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> s = Files.list(copy.resolve("data"))) {
            assertEquals(traces ? 5 : 4, s.count());
        }
        return copy;
    }
}
