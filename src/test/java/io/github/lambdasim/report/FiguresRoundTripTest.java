package io.github.lambdasim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.model.Simulation;
import io.github.lambdasim.report.data.ReportData;
import io.github.lambdasim.report.data.ReportFiles;
import io.github.lambdasim.stats.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figure registry is whole and is what every reader sees: paths are unique, derived figures
 * derive from stored ones, each per-period metric that adds up names a run figure; and every
 * figure a run computes comes back from its summary.json, by the registry alone, equal to its
 * written precision.
 */
class FiguresRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void theRegistryIsConsistent() {
        Set<String> paths = new HashSet<>();
        for (Figure f : Figures.FUNCTION) {
            assertTrue(paths.add(f.path()), "declared twice: " + f.path());
            assertTrue(!f.label().isBlank() && !f.meaning().isBlank(), f.path());
            if (f.source() instanceof Figure.Ratio r) {
                assertTrue(Figures.byPath(r.numerator()).stored(), f.path());
                for (String d : r.denominator()) {
                    assertTrue(Figures.byPath(d).stored(), f.path() + ": " + d);
                }
            }
        }
        for (Metric m : Metric.values()) {
            if (m.total() != null) {
                assertNotNull(Figures.byPath(m.total()), m + " adds up to " + m.total());
                assertEquals(Metric.Reading.SUM, m.reading(), m.toString());
            }
        }
    }

    @Test
    void everyFigureComesBackFromSummaryJson() throws IOException {
        RunResult run = new Simulation(GoldenFilesTest.scenario(), 0, null, null).run();
        try (OutputFolder folder = new OutputFolder(dir.resolve("run"))) {
            var summary = SummaryJson.build(run);
            SummaryJson.addRun(summary, run);
            folder.write("summary.json", SummaryJson.render(summary));
            folder.write("metrics.csv", out -> MetricsCsv.write(run.series(), out));
            folder.write("report-log.txt", ReportLines.render(run));
            RunDataFiles.write(run, folder);
            folder.commit();
        }
        assertTrue(Files.isRegularFile(dir.resolve("run/summary.json")));
        ReportData data = ReportFiles.read(dir.resolve("run"));
        for (int i = 0; i < run.functions().size(); i++) {
            Map<String, Double> computed = Figures.values(run, i);
            Map<String, Double> read = data.functions().get(i).figures();
            assertEquals(computed.keySet(), read.keySet());
            for (Figure f : Figures.FUNCTION) {
                if (!computed.containsKey(f.path())) {
                    continue; // a figure of event-driven runs
                }
                double tolerance = 0.5 * Math.pow(10, -f.unit().decimals());
                if (f.source() instanceof Figure.Ratio r) {
                    // Derived from rounded values: the rounding of each side, carried through the division.
                    double num = computed.get(r.numerator());
                    double den = r.denominatorOf(computed);
                    double dNum = 0.5 * Math.pow(10, -Figures.byPath(r.numerator()).unit().decimals());
                    double dDen = 0;
                    for (String d : r.denominator()) {
                        dDen += 0.5 * Math.pow(10, -Figures.byPath(d).unit().decimals());
                    }
                    tolerance = den == 0 ? 0 : r.scale() * (dNum / den + num * dDen / (den * den)) + 1e-12;
                }
                assertEquals(computed.get(f.path()), read.get(f.path()), tolerance, f.path());
            }
        }
    }
}
