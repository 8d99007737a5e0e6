package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code Admission.release()} tells whatever waits for capacity each time some is freed: once per
 * completed invocation, for its function, and only then; throttled requests free nothing.
 */
class AdmissionReleaseTest {
    @Test
    void everyCompletionReleasesItsFunctionsCapacity() {
        Simulation sim = new Simulation(Scenarios.parse("""
                name: release
                duration: 5m
                account: {concurrencyLimit: 200}
                functions:
                  - {name: a, reservedConcurrency: 3, handler: {duration: {exponential: {mean: 800ms}}}}
                  - {name: b, handler: {duration: 20ms}}
                traffic:
                  - {function: a, poisson: {rate: 10/s}}
                  - {function: b, poisson: {rate: 30/s}}
                """), 0, null, null);
        long[] released = new long[2];
        sim.admission().register(f -> released[f]++);
        RunResult r = sim.run();
        assertTrue(r.functions().get(0).throttles() > 0, "a is throttled, and its throttles release nothing");
        for (int f = 0; f < 2; f++) {
            assertEquals(r.functions().get(f).invocations(), released[f], r.functions().get(f).name());
        }
    }
}
