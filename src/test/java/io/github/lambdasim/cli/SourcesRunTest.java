package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasim.report.EventSourceScenario;
import io.github.lambdasim.report.data.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} of a scenario with an SQS queue and a stream prints a block for each (its figures
 * and its consumer's) and writes queues.csv, streams.csv, stream-shards.csv, the charts
 * {@code queue-<name>} and {@code stream-<name>} and report.html's section of queues and streams;
 * {@code report} draws the same page again from the files; a run without them writes none of it.
 */
class SourcesRunTest {
    @TempDir
    Path dir;

    @Test
    void runPrintsTheBlocksAndWritesTheFilesAndCharts() throws IOException {
        Path scenario = dir.resolve("sources.yaml");
        Files.writeString(scenario, EventSourceScenario.yaml());
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String text = r.out();
        assertTrue(text.contains("queue orders (visibility timeout 30s, to the dead-letter queue after 3 receives)"), text);
        // The figures printed are summary.json's, as the rest of the summary writes numbers.
        JsonNode orders = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("queues").path("orders");
        JsonNode clicks = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("streams").path("clicks");
        assertTrue(text.contains(String.format(Locale.ROOT, "    %-44s %,d / %,d / %,d / %,d%n", "Sent / deleted / to the DLQ / expired",
                orders.path("sent").asLong(), orders.path("deleted").asLong(), orders.path("deadLettered").asLong(),
                orders.path("expired").asLong())), text);
        assertTrue(orders.path("deadLettered").asLong() > 0 && orders.path("visibleMax").asLong() > 0, "poison, a backlog");
        assertTrue(text.contains(String.format(Locale.ROOT, "    %-44s %s%n", "Oldest message max",
                Format.seconds(orders.path("oldestAgeMaxSeconds").asDouble()))), text);
        assertTrue(text.contains("    consumer worker\n      Batches / records per batch / max"), text);
        assertTrue(text.contains("stream clicks (kinesis, 2 shards, consumed by enricher)"), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "    %-44s %d / 2%n", "Concurrency max / limit",
                clicks.path("concurrencyMax").asInt())), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "    %-44s %s%n", "Iterator age max",
                Format.seconds(clicks.path("iteratorAgeMaxSeconds").asDouble()))), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "    %-44s %s / %s / %s / %s%n", "End to end p50 / p90 / p99 / max",
                Format.ms(clicks.path("endToEndMs").path("p50").asDouble()),
                Format.ms(clicks.path("endToEndMs").path("p90").asDouble()),
                Format.ms(clicks.path("endToEndMs").path("p99").asDouble()),
                Format.ms(clicks.path("endToEndMs").path("max").asDouble()))), text);
        for (String f : new String[] {"queues.csv", "streams.csv", "stream-shards.csv", "charts/queue-orders.png",
                "charts/queue-orders.svg", "charts/stream-clicks.png", "charts/stream-clicks.svg"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<section id=\"sources\">\n<h2>Queues and streams</h2>"), "the section");
        assertTrue(html.contains("To the DLQ: messages moved to the dead-letter queue after maxReceiveCount receives"),
                "a row's meanings, on hover");
        int section = html.indexOf("<section id=\"sources\">");
        int charts = html.indexOf("<section id=\"charts\">");
        int queueChart = html.indexOf("id=\"fig-queue-orders\"");
        assertTrue(section < queueChart && queueChart < charts, "the queue's chart is in the section, not among the functions'");
        assertEquals(queueChart, html.lastIndexOf("id=\"fig-queue-orders\""), "drawn once");

        Cli again = Cli.run("report", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(html, Files.readString(out.resolve("report.html")), "report draws the same page from the files");

        String queues = Files.readString(out.resolve("queues.csv"));
        Files.writeString(out.resolve("queues.csv"), queues.replace("60,60,orders,", "60,60,invoices,"));
        Cli broken = Cli.run("report", out.toString());
        assertEquals(2, broken.exitCode(), broken.out());
        assertTrue(broken.err().contains("queues.csv:3: queue 'invoices' is not in summary.json"), broken.err());
    }

    @Test
    void aRunWithoutSourcesWritesNoneOfIt() throws IOException {
        Path scenario = dir.resolve("plain.yaml");
        Files.writeString(scenario, """
                name: plain
                duration: 2m
                functions:
                  - {name: api, handler: {duration: 20ms}}
                traffic:
                  - {function: api, poisson: {rate: 5/s}}
                """);
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("queue ") || r.out().contains("stream "), r.out());
        for (String f : new String[] {"queues.csv", "streams.csv", "stream-shards.csv"}) {
            assertFalse(Files.exists(out.resolve(f)), f);
        }
        assertFalse(Files.readString(out.resolve("report.html")).contains("id=\"sources\""));
    }
}
