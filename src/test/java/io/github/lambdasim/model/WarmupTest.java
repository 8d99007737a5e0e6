package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A warm-up ({@code warmup:}) and a measurement window: the run simulates the warm-up first and
 * measures only the requests arriving after it (or in the window); the bill is the window's
 * usage; the scenario's times are shifted by the warm-up; the invariants hold, environments
 * alive at the window's start counting as existing.
 */
class WarmupTest {
    private static final long MINUTE = 60_000_000L;

    /** Constant 10/s of exactly 50 ms at 1 GB: one environment, reused, and nothing random. */
    private static final String CONSTANT = """
            name: constant
            duration: 10m
            seed: 3
            billing: {freeTier: false}
            functions:
              - name: api
                memorySize: 1024
                coldStart: {constant: 300ms}
                handler:
                  duration: {constant: 50ms}
            traffic:
              - {function: api, constant: {rate: 10/s}}
            """;

    private static ScenarioSpec quickstart(String... overrides) {
        return ScenarioLoader.load(Path.of("scenarios", "quickstart.yaml"), List.of(overrides));
    }

    @Test
    void aWarmedUpQuickstartHasNoStartUpStorm() {
        RunResult cold = Scenarios.run(quickstart("duration=20m", "warmup=0s"), 0);
        RunResult warm = Scenarios.run(quickstart("duration=20m", "warmup=10m"), 0);
        FunctionResult c = Scenarios.only(cold);
        FunctionResult w = Scenarios.only(warm);
        // The same arrivals are measured (the warm-up draws from streams of its own).
        assertEquals(c.requests(), w.requests());
        assertTrue(c.coldStarts() >= 25, "the start-up storm: " + c.coldStarts());
        assertTrue(w.coldStarts() * 3 < c.coldStarts(), w.coldStarts() + " cold starts warmed up against " + c.coldStarts());
        double coldFirst = cold.series().get(0, Metric.COLD_STARTS, 0);
        double warmFirst = warm.series().get(0, Metric.COLD_STARTS, 0);
        assertTrue(coldFirst >= 20 && warmFirst <= 3, "first minute's cold starts: " + coldFirst + " against " + warmFirst);
        double stormP99 = cold.series().get(0, Metric.LATENCY_P99_MS, 0);
        double warmP99 = warm.series().get(0, Metric.LATENCY_P99_MS, 0);
        double steadyP99 = Scenarios.only(warm).latencyMs().p99();
        // The storm's 27 cold starts in 3,000 requests lift the first minute's p99 by half; warm, it is the run's.
        assertTrue(stormP99 > 1.3 * steadyP99 && Math.abs(warmP99 - steadyP99) < 0.1 * steadyP99,
                "first minute's p99: " + stormP99 + " against " + warmP99 + ", the run's " + steadyP99);
        // Environments alive when measuring starts existed; the invariants count them so.
        assertTrue(w.environmentsAliveAtStart() >= 5, "alive at the start: " + w.environmentsAliveAtStart());
        assertEquals(List.of(), Invariants.check(warm));
        assertEquals(20 * MINUTE, warm.simulatedMicros());
        assertEquals(20, warm.series().periods());
    }

    @Test
    void theBillOfAWindowIsTheUsageOfTheWindow() {
        // After 5 minutes of warm-up, 10 minutes measured: 10/s x 600 s = 6,000 requests of 50 ms
        // billed, 300 GB-s at 1 GB, no cold start (the one environment is warm).
        RunResult run = Scenarios.run(Scenarios.parse(CONSTANT, "warmup=5m"), 0);
        FunctionResult f = Scenarios.only(run);
        assertEquals(6_000, f.requests());
        assertEquals(6_000, f.invocations());
        assertEquals(0, f.coldStarts());
        assertEquals(300_000_000L, f.billedMicros());
        assertEquals(300.0, f.gbSeconds(), 1e-9);
        // 300 GB-s x $0.0000166667 = $0.00500001; 6,000 requests x $0.20 per million = $0.0012.
        assertEquals(0, new BigDecimal("0.00500001").compareTo(run.bill().period().exactUsd().compute()
                .setScale(8, RoundingMode.HALF_UP)));
        assertEquals(0, new BigDecimal("0.0012").compareTo(run.bill().period().exactUsd().requests()
                .setScale(4, RoundingMode.HALF_UP)));
        assertEquals(List.of(), Invariants.check(run));

        // A window of the scenario, [2m, 7m), with no warm-up: arrivals at k x 100 ms for k in
        // 1,200..4,199, 3,000 of them, 150 GB-s; the whole run is still simulated.
        RunResult window = Scenarios.run(Scenarios.parse(CONSTANT).withWindow(new ScenarioSpec.Window(2 * MINUTE, 7 * MINUTE)), 0);
        FunctionResult g = Scenarios.only(window);
        assertEquals(3_000, g.requests());
        assertEquals(3_000, g.invocations());
        assertEquals(0, g.coldStarts());
        // The start-up's: arrivals at 0, 100, 200 and 300 ms each found no environment idle (a 300 ms
        // cold start, then 50 ms); all four are kept alive by the traffic, and none is created in the window.
        assertEquals(4, g.environmentsAliveAtStart());
        assertEquals(0, g.environmentsCreated());
        assertEquals(150.0, g.gbSeconds(), 1e-9);
        assertEquals(5 * MINUTE, window.simulatedMicros());
        // 150 GB-s x $0.0000166667 = $0.002500005
        assertEquals(0, new BigDecimal("0.002500005").compareTo(window.bill().period().exactUsd().compute()
                .setScale(9, RoundingMode.HALF_UP)));
        assertEquals(5, window.series().periods());
        assertEquals(600, window.series().get(0, Metric.INVOCATIONS, 0), 0);
        assertEquals(List.of(), Invariants.check(window));
    }

    @Test
    void provisionedConcurrencyIsBilledForTheWindowOnly() {
        // 10 environments of 1 GB all along; 30 minutes of warm-up, 1 hour measured, no traffic:
        // 10 x 1 GB x 3,600 s = 36,000 GB-s at $0.0000041667 = $0.1500012, as an hour without warm-up.
        String yaml = CONSTANT.replace("duration: 10m", "duration: 1h")
                .replace("memorySize: 1024", "memorySize: 1024\n    provisionedConcurrency: 10")
                .replace("constant: {rate: 10/s}", "constant: {rate: 10/s, start: 2h}");
        RunResult run = Scenarios.run(Scenarios.parse(yaml, "warmup=30m"), 0);
        assertEquals(0, new BigDecimal("0.1500012").compareTo(run.bill().period().exactUsd().provisioned()
                .setScale(7, RoundingMode.HALF_UP)));
        FunctionResult f = Scenarios.only(run);
        assertEquals(10, f.provisionedLevelMax());
        assertEquals(10, f.environmentsAliveAtStart());
        assertEquals(10.0, f.provisionedLevelMean(), 1e-9);
        assertEquals(List.of(), Invariants.check(run));
    }

    @Test
    void theWarmUpShiftsTheScenariosTimes() {
        // A spike at 5m with a 10-minute warm-up comes at measured minute 5, as without the
        // warm-up; during the warm-up each source runs at its rate at time 0 (the spike's: none).
        String yaml = CONSTANT.replace("constant: {rate: 10/s}}", "constant: {rate: 10/s}}\n"
                + "  - {function: api, spike: {at: 5m, for: 1m, rate: 50/s}}");
        RunResult without = Scenarios.run(Scenarios.parse(yaml), 0);
        RunResult with = Scenarios.run(Scenarios.parse(yaml, "warmup=10m"), 0);
        for (RunResult run : List.of(without, with)) {
            double[] requests = run.series().series(0, Metric.REQUESTS);
            assertEquals(600, requests[4], 0);
            assertTrue(requests[5] > 3000 && requests[5] < 4300, "the spike's minute: " + requests[5]);
            assertEquals(600, requests[6], 0);
            assertEquals(List.of(), Invariants.check(run));
        }
        // The spike's own arrivals are the same draws with and without the warm-up.
        assertEquals(without.series().series(0, Metric.REQUESTS)[5], with.series().series(0, Metric.REQUESTS)[5], 0);

        // A provisioned schedule is in the scenario's time too: 5 environments from 3m.
        String scheduled = CONSTANT.replace("memorySize: 1024", "memorySize: 1024\n"
                + "    provisionedConcurrency: {schedule: [{at: 3m, level: 5}]}");
        RunResult s = Scenarios.run(Scenarios.parse(scheduled, "warmup=10m"), 0);
        double[] level = s.series().series(0, Metric.PROVISIONED_CONCURRENCY);
        assertEquals(0, level[1], 0);
        assertEquals(5, level[5], 0);
        assertEquals(List.of(), Invariants.check(s));
    }

    @Test
    void eventDrivenRunsConserveTheirRequestsWithAWindow() {
        ScenarioSpec glue = ScenarioLoader.load(Path.of("scenarios", "orders-glue.yaml"), List.of("duration=20m", "warmup=5m"));
        RunResult run = Scenarios.run(glue, 0);
        assertEquals(List.of(), Invariants.check(run));
        RunResult window = Scenarios.run(glue.withWindow(new ScenarioSpec.Window(5 * MINUTE, 10 * MINUTE)), 0);
        assertEquals(List.of(), Invariants.check(window));
        assertTrue(Scenarios.only(window).requests() < Scenarios.only(run).requests() / 3);
    }
}
