package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code warmStart: true}: each function begins with ceil(L + 3 sqrt(L)) idle, initialised
 * environments, L the rate at time 0 times the handler's mean duration (Little's law), capped by
 * reserved concurrency and counting provisioned ones; a steady run then has no start-up storm,
 * and the invariants hold with environments that existed before the run.
 */
class WarmStartTest {
    /** Poisson 50/s of exactly 100 ms: L = 5, and ceil(5 + 3 sqrt(5)) = ceil(11.71) = 12. */
    private static final String STEADY = """
            name: steady
            duration: 1m
            seed: 7
            functions:
              - name: api
                memorySize: 1024
                coldStart: {constant: 300ms}
                handler:
                  duration: {constant: 100ms}
            traffic:
              - {function: api, poisson: {rate: 50/s}}
            """;

    @Test
    void targetIsMeanConcurrencyPlusThreePoissonDeviations() {
        assertEquals(0, WarmStart.target(0));
        assertEquals(4, WarmStart.target(1));        // 1 + 3 = 4 exactly
        assertEquals(12, WarmStart.target(5));       // 11.708...
        assertEquals(130, WarmStart.target(100));    // 100 + 30 exactly
    }

    @Test
    void startTakesTheEnvironmentsOfTheRateAtTimeZero() {
        assertEquals(12, WarmStart.environments(Scenarios.parse(STEADY))[0]);
        // Two sources add their rates: 50/s + 30/s of 100 ms, L = 8, ceil(8 + 3 sqrt(8)) = ceil(16.49) = 17.
        assertEquals(17, WarmStart.environments(Scenarios.parse(STEADY
                + "  - {function: api, constant: {rate: 30/s}}\n"))[0]);
        // A source that starts later adds nothing at time 0.
        assertEquals(12, WarmStart.environments(Scenarios.parse(STEADY
                + "  - {function: api, poisson: {rate: 30/s, start: 10s}}\n"))[0]);
        // Capped by reserved concurrency.
        assertEquals(9, WarmStart.environments(Scenarios.parse(STEADY, "functions.api.reservedConcurrency=9"))[0]);
        // Or by the account's limit when the function has no reserved concurrency.
        // 5,000/s of 100 ms: L = 500 and ceil(500 + 3 sqrt(500)) = 568, above the account's 200.
        assertEquals(568, WarmStart.environments(Scenarios.parse(STEADY, "traffic[0].poisson.rate=5000/s"))[0]);
        assertEquals(200, WarmStart.environments(Scenarios.parse(STEADY, "traffic[0].poisson.rate=5000/s",
                "account.concurrencyLimit=200"))[0]);
        // Provisioned environments count toward it, and are kept when they are more.
        assertEquals(12, WarmStart.environments(Scenarios.parse(STEADY, "functions.api.provisionedConcurrency=5"))[0]);
        assertEquals(20, WarmStart.environments(Scenarios.parse(STEADY, "functions.api.provisionedConcurrency=20"))[0]);
    }

    @Test
    void environmentsExistAtTimeZeroWithoutColdStarts() {
        // A run of 1 ms: at 50/s hardly an arrival, so what exists is what the start created.
        ScenarioSpec spec = Scenarios.parse(STEADY, "warmStart=true", "duration=1ms");
        FunctionResult f = Scenarios.only(Scenarios.run(spec, 0));
        assertEquals(12, f.environmentsCreated());
        assertEquals(12, f.environmentsAliveAtEnd());
        assertEquals(0, f.coldStarts());
        assertEquals(0, f.initDurationMs().count());
        // With 5 provisioned, the start adds 7 on demand: 12 in all.
        f = Scenarios.only(Scenarios.run(Scenarios.parse(STEADY, "warmStart=true", "duration=1ms",
                "functions.api.provisionedConcurrency=5"), 0));
        assertEquals(12, f.environmentsCreated());
    }

    @Test
    void steadyTrafficHasNoStartUpStorm() {
        // Ten replications of the first minute. Without a warm start each begins with a storm of
        // cold starts (23 a minute); with it, only the Poisson peaks above 12 in flight start
        // environments (a minute's highest concurrency of a Poisson(5) load is about 13 or 14:
        // 2.8 a minute), and no init is billed but theirs.
        long cold = 0;
        long warm = 0;
        for (int r = 0; r < 10; r++) {
            cold += Scenarios.only(Scenarios.run(Scenarios.parse(STEADY), r)).coldStarts();
            RunResult run = Scenarios.run(Scenarios.parse(STEADY, "warmStart=true"), r);
            FunctionResult f = Scenarios.only(run);
            warm += f.coldStarts();
            assertEquals(f.coldStarts(), f.initDurationMs().count());
            assertEquals(List.of(), Invariants.check(run));
        }
        assertTrue(cold >= 10 * 20, "the cold runs' storms: " + cold);
        assertTrue(warm * 5 <= cold, "cold starts of the warm runs " + warm + ", of the cold runs " + cold);
    }

    @Test
    void invariantsHoldOverARunLongerThanTheIdleLifetime() {
        RunResult run = Scenarios.run(Scenarios.parse(STEADY, "warmStart=true", "duration=30m"), 1);
        assertEquals(List.of(), Invariants.check(run));
    }
}
