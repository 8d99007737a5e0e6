package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled scenario validates, has a description, and (shortened where long) runs with its
 * counts adding up: requests = invocations + throttles + in flight; environments created =
 * reclaimed + recycled + reset + alive; per-period metrics sum to the totals.
 */
class BundledScenariosTest {
    static Stream<Path> scenarios() throws IOException {
        return Files.list(Path.of("scenarios")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void validatesAndItsCountsAddUp(Path file) {
        ScenarioSpec full = ScenarioLoader.load(file, List.of());
        assertFalse(full.description().isBlank(), "each bundled scenario says what it shows");
        // Long scenarios are cut to keep the suite fast; the invariants do not depend on length.
        long limit = 20L * 60 * 1_000_000;
        ScenarioSpec spec = full.durationMicros() > limit && full.expectedRequests() > 1e6
                ? ScenarioLoader.load(file, List.of(Scenarios.shortened(full))) : full;
        RunResult run = Scenarios.run(spec, 0);
        for (int i = 0; i < run.functions().size(); i++) {
            FunctionResult f = run.functions().get(i);
            if (!run.eventDriven()) {
                // (An event-driven run retries requests: its conservation is of requests, below.)
                assertEquals(f.requests(), f.invocations() + f.throttles() + f.inFlightAtEnd(), f.name());
            }
            // Environments alive after a warm-up existed: they were not created in what is measured.
            assertEquals(f.environmentsCreated() + f.environmentsAliveAtStart(), f.environmentsReclaimed() + f.environmentsRecycled()
                    + f.environmentsReset() + f.environmentsAliveAtEnd(), f.name());
            assertEquals(f.invocations(), f.provisionedInvocations() + f.spilloverInvocations(), f.name());
            assertTrue(f.coldStarts() <= f.environmentsCreated());
            assertTrue(f.latencyMs().p50() <= f.latencyMs().p99() && f.latencyMs().p99() <= f.latencyMs().max());
            assertEquals(f.invocations(), sum(run, i, Metric.INVOCATIONS));
            assertEquals(f.throttles(), sum(run, i, Metric.THROTTLES));
            assertEquals(f.requests(), sum(run, i, Metric.REQUESTS));
            assertEquals(f.coldStarts(), sum(run, i, Metric.COLD_STARTS));
            assertEquals(f.billedMicros() / 1000.0, sum(run, i, Metric.BILLED_MS), 1e-6 * f.billedMicros());
        }
        if (run.eventDriven()) {
            // Every request ends once: done, failed, dropped or unfinished; every entry request too.
            assertTrue(Invariants.check(run).isEmpty(), Invariants.check(run).toString());
        }
    }

    private static long sum(RunResult run, int function, Metric metric) {
        double total = 0;
        for (double v : run.series().series(function, metric)) {
            total += v;
        }
        return Math.round(total);
    }
}
