package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The up-front estimate of a run: its work never falls far below what the engine then does (the
 * events it processes), its environment bound is never below the environments alive, it counts
 * every kind of work a scenario can ask for (requests, draws per request, provisioned changes,
 * metrics rows), and ordinary scenarios stay far below the default limit.
 */
class RunEstimateTest {
    private static final String API = """
            name: api
            duration: 1h
            functions:
              - name: api
                handler:
                  steps:
                    - cpu: 10ms
                    - io: {name: db, calls: 2, latency: 5ms}
            traffic:
              - {function: api, poisson: {rate: 100/s}}
            """;

    static Stream<Path> bundled() throws IOException {
        return Files.list(Path.of("scenarios")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void boundsWhatTheEngineDoes(Path file) {
        ScenarioSpec full = ScenarioLoader.load(file, List.of());
        RunEstimate fullEstimate = RunEstimate.of(full, Simulation.defaultPeriodMicros(full.durationMicros()));
        assertTrue(fullEstimate.work() < RunEstimate.DEFAULT_MAX_WORK / 20, "bundled scenarios run well within the limit");
        double memoryLimit = 256e6;
        assertTrue(fullEstimate.memoryBytes() < memoryLimit, "bundled scenarios fit in " + memoryLimit / 1e6 + " MB: "
                + fullEstimate.memoryBytes());
        ScenarioSpec spec = full.expectedRequests() > 1e6 ? ScenarioLoader.load(file, List.of("duration=20m")) : full;
        RunEstimate e = RunEstimate.of(spec, Simulation.defaultPeriodMicros(spec.durationMicros()));
        RunResult run = Scenarios.run(spec, 0);
        assertTrue(4 * e.work() >= run.events(), "work " + e.work() + " for " + run.events() + " events");
        for (int i = 0; i < run.functions().size(); i++) {
            double alive = 0;
            for (double v : run.series().series(i, Metric.ENVIRONMENTS_ALIVE_AVG)) {
                alive = Math.max(alive, v);
            }
            assertTrue(alive <= e.environments(), alive + " environments alive, bound " + e.environments());
        }
    }

    @Test
    void callsAndEventsAreCountedThroughTheCallGraph() {
        // api (100/s) calls b twice and sends c an event; c fails half its attempts (2 retries:
        // 1.75 attempts per event) and sends d an event on each attempt: 3,600 s x 100 x (1 + 2 + 1 + 1.75).
        ScenarioSpec spec = Scenarios.parse("""
                name: graph
                duration: 1h
                functions:
                  - name: api
                    handler: {steps: [{cpu: 1ms}, {invoke: {function: b, calls: 2}}, {invoke: {function: c, mode: async}}]}
                  - {name: b, handler: {duration: 5ms}}
                  - name: c
                    handler: {steps: [{invoke: {function: d, mode: async}}, {cpu: 1ms}], errorRate: 0.5}
                  - {name: d, handler: {duration: 5ms}}
                traffic:
                  - {function: api, poisson: {rate: 100/s}}
                """);
        RunEstimate e = RunEstimate.of(spec, 60_000_000L);
        assertEquals(360_000 * 5.75, e.requests(), 1e-6);
        RunResult run = Scenarios.run(spec, 0);
        long requests = run.functions().stream().mapToLong(FunctionResult::requests).sum();
        assertEquals(e.requests(), requests, 0.01 * e.requests(), "the estimate is the run's expectation");
    }

    @Test
    void aPlainApiIsItsRequestsPlusItsDraws() {
        RunEstimate e = RunEstimate.of(Scenarios.parse(API), 60_000_000L);
        assertEquals(360_000, e.requests(), 1e-6);
        assertEquals(3, e.drawsPerRequest(), 1e-9);
        assertTrue(e.work() > 360_000 && e.work() < 2 * 360_000, "work " + e.work());
        assertTrue(e.seconds() < 1);
        assertEquals(60, e.metricRows(), 1e-9);
    }

    @Test
    void aBillionRequestsASecondForAMonthIsFarAboveTheLimit() {
        RunEstimate e = RunEstimate.of(Scenarios.parse(API.replace("100/s", "1e9/s"), "duration=30d"), 3_600_000_000L);
        assertEquals(2.592e15, e.requests(), 1e6);
        assertTrue(e.work() > 1e6 * RunEstimate.DEFAULT_MAX_WORK);
    }

    @Test
    void drawsPerRequestWeighTheWork() {
        RunEstimate e = RunEstimate.of(Scenarios.parse(API.replace("calls: 2", "calls: 100000")), 60_000_000L);
        assertEquals(100_001, e.drawsPerRequest(), 1e-9);
        assertTrue(e.work() > RunEstimate.DEFAULT_MAX_WORK, "100,000 I/O calls per request for 360,000 requests: " + e.work());
    }

    @Test
    void provisionedChangesCountWhateverTheTraffic() {
        RunEstimate e = RunEstimate.of(Scenarios.parse("""
                name: flapping
                duration: 366d
                account: {concurrencyLimit: 100000}
                functions:
                  - name: a
                    provisionedConcurrency: {schedule: [{at: 0s, level: 10}, {at: 30s, level: 5000}], repeat: 1m}
                    handler: {duration: 5ms}
                traffic:
                  - {function: a, poisson: {rate: 1/h}}
                """), 86_400_000_000L);
        assertEquals(2 * 527_040, e.provisionedChanges(), 1e-6);
        assertTrue(e.work() > RunEstimate.DEFAULT_MAX_WORK, "work " + e.work());
    }

    @Test
    void provisionedEnvironmentsRecycledEveryMicrosecondAreCounted() {
        RunEstimate e = RunEstimate.of(Scenarios.parse("""
                name: churn
                duration: 1m
                platform: {preset: current, maxLifetime: 1us}
                functions:
                  - {name: a, provisionedConcurrency: 10, coldStart: 0ms, handler: {duration: 5ms}}
                traffic:
                  - {function: a, poisson: {rate: 1/s}}
                """), 60_000_000L);
        assertTrue(e.work() > RunEstimate.DEFAULT_MAX_WORK, "10 environments recycled every microsecond: " + e.work());
        RunResult churning = Scenarios.run(Scenarios.parse("""
                name: churn
                duration: 1m
                platform: {preset: current, maxLifetime: 1us}
                functions:
                  - {name: a, provisionedConcurrency: 10, coldStart: 100ms, handler: {duration: 5ms}}
                traffic:
                  - {function: a, poisson: {rate: 1/s}}
                """), 0);
        RunEstimate bounded = RunEstimate.of(churning.scenario(), 60_000_000L);
        assertTrue(4 * bounded.work() >= churning.events(), bounded.work() + " for " + churning.events() + " events");
    }

    @Test
    void environmentsAreBoundedByTheConcurrencyLimitWhateverTheRate() {
        RunEstimate e = RunEstimate.of(Scenarios.parse(API.replace("    handler:", "    reservedConcurrency: 300\n    handler:")
                .replace("100/s", "1e9/s"), "duration=1s"), 1_000_000L);
        assertEquals(300, e.environments(), 1e-9);
    }

    @Test
    void memoryGrowsWithFunctionsAndMetricsRows() {
        RunEstimate thousand = RunEstimate.of(Scenarios.parse(many(1000)), 60_000_000L);
        RunEstimate tenThousand = RunEstimate.of(Scenarios.parse(many(10_000)), 60_000_000L);
        assertTrue(tenThousand.memoryBytes() - thousand.memoryBytes() > 9000 * 10_000.0,
                "each function costs at least 10 kB: " + thousand.memoryBytes() + " then " + tenThousand.memoryBytes());
        // A busy function's recorders hold histograms; a quiet one's, its few values.
        RunEstimate busy = RunEstimate.of(Scenarios.parse(API), 60_000_000L);
        RunEstimate quiet = RunEstimate.of(Scenarios.parse(API.replace("100/s", "1/h")), 60_000_000L);
        assertTrue(busy.memoryBytes() - quiet.memoryBytes() > 50_000, busy.memoryBytes() + " against " + quiet.memoryBytes());
        RunEstimate rows = RunEstimate.of(Scenarios.parse(API, "duration=100d"), 1_000_000L);
        assertEquals(8_640_000, rows.metricRows(), 1e-6);
        assertTrue(rows.memoryBytes() > 8_640_000 * 8.0 * Metric.values().length,
                "8.6 million rows of metrics: " + rows.memoryBytes());
        RunEstimate quietRows = RunEstimate.of(Scenarios.parse(API.replace("100/s", "1/d"), "duration=100d"), 1_000_000L);
        assertTrue(quietRows.metricRows() < 100 * 1000, "a function called once a day is active a few minutes a day: "
                + quietRows.metricRows());
    }

    /** {@code n} functions, each called twice a second. */
    private static String many(int n) {
        StringBuilder yaml = new StringBuilder("name: many\nduration: 1h\naccount: {concurrencyLimit: 100000}\nfunctions:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("  - {name: f").append(i).append(", timeout: 900s, handler: {duration: 1s}}\n");
        }
        yaml.append("traffic:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("  - {function: f").append(i).append(", poisson: {rate: 2/s}}\n");
        }
        return yaml.toString();
    }
}
