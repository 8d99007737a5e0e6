package io.github.lambdasim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.model.Simulation;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seals the machine-readable formats: summary.json (without its {@code run} block, the only part
 * that differs between two runs of a seed) and metrics.csv of a small two-function scenario with
 * a fixed seed must equal the golden files byte for byte. A change of key, column, order or
 * rounding fails here; if it is intended, regenerate the golden files and review their diff:
 * {@code mvn -B test -Dtest=GoldenFilesTest -Dlambdasim.updateGolden=true}.
 */
class GoldenFilesTest {
    static final String SCENARIO = "/io/github/lambdasim/report/small.yaml";
    private static final Path GOLDEN = Path.of("src/test/resources/io/github/lambdasim/report/golden");
    private static RunResult run;

    @BeforeAll
    static void simulate() throws IOException {
        run = new Simulation(scenario(), 0, null, null).run();
    }

    static ScenarioSpec scenario() throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream(SCENARIO)) {
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "small.yaml", List.of());
        }
    }

    @Test
    void summaryJsonWithoutTheRunBlock() throws IOException {
        ObjectNode summary = SummaryJson.build(run);
        check("summary.json", SummaryJson.render(summary));
    }

    @Test
    void metricsCsv() throws IOException {
        check("metrics.csv", MetricsCsv.render(run.series()));
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
