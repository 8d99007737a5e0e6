package io.github.lambdasim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasim.model.QueueResult;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.model.Simulation;
import io.github.lambdasim.model.SourceFigures;
import io.github.lambdasim.model.StreamResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seals the outputs of event sources: the {@code queues} and {@code streams} blocks of
 * summary.json, queues.csv, streams.csv and stream-shards.csv of a small queue-and-stream
 * scenario with a fixed seed equal their golden files byte for byte (regenerate with
 * {@code -Dlambdasim.updateGolden=true} and review the diff). Also: each column that counts adds
 * up over the periods to its run figure, and the blocks are absent from a run without sources
 * (whose files {@link GoldenFilesTest} seals).
 */
class SourcesGoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/io/github/lambdasim/report/golden");
    private static RunResult run;

    @BeforeAll
    static void simulate() {
        run = new Simulation(EventSourceScenario.spec(), 0, null, null).run();
    }

    @Test
    void summaryJsonBlocks() throws IOException {
        JsonNode summary = SummaryJson.build(run);
        var blocks = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        blocks.set("queues", summary.get("queues"));
        blocks.set("streams", summary.get("streams"));
        check("sources-summary.json", SummaryJson.render(blocks));
    }

    @Test
    void csvFiles() throws IOException {
        check("queues.csv", SourcesCsv.queues(run.queues(), run.series(), null));
        check("streams.csv", SourcesCsv.streams(run.streams(), run.series(), null));
        check("stream-shards.csv", SourcesCsv.shards(run.streams(), run.series(), null));
    }

    @Test
    void countedColumnsAddUpToTheRunFigures() {
        for (QueueResult q : run.queues()) {
            var values = SourceFigures.values(q);
            for (var c : SourceFigures.QUEUE_COLUMNS) {
                if (c.total() != null) {
                    assertEquals(values.get(c.total()), Arrays.stream(c.values().apply(q.periods())).sum(), 1e-6,
                            q.name() + " " + c.column());
                }
            }
        }
        for (StreamResult s : run.streams()) {
            var values = SourceFigures.values(s);
            for (var c : SourceFigures.STREAM_COLUMNS) {
                if (c.total() != null) {
                    assertEquals(values.get(c.total()), Arrays.stream(c.values().apply(s.periods())).sum(), 1e-3,
                            s.name() + " " + c.column());
                }
            }
        }
    }

    @Test
    void aRunWithoutSourcesHasNoBlocks() throws IOException {
        RunResult plain = new Simulation(GoldenFilesTest.scenario(), 0, null, null).run();
        JsonNode summary = SummaryJson.build(plain);
        assertTrue(!summary.has("queues") && !summary.has("streams"));
    }

    private static void check(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("lambdasim.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                name + " differs from " + golden + "; if the change is intended, regenerate with"
                        + " -Dlambdasim.updateGolden=true and review the diff");
    }
}
