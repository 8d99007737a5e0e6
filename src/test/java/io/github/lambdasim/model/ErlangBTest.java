package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Erlang B: with reserved concurrency c, Poisson arrivals and no queue (synchronous requests are
 * throttled when all c are busy), the throttled fraction is ErlangB(c, rate x mean duration),
 * whatever the shape of the duration distribution. Checked for two shapes within a 99.9%
 * confidence interval over replications.
 */
class ErlangBTest {

    /** Erlang B by the stable recurrence B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)). */
    static double erlangB(int servers, double offeredErlangs) {
        double b = 1;
        for (int k = 1; k <= servers; k++) {
            b = offeredErlangs * b / (k + offeredErlangs * b);
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{constant: 100ms}", "{lognormal: {median: 60ms, p99: 600ms}}", "{exponential: {mean: 100ms}}"})
    void throttledFractionIsErlangB(String duration) {
        ScenarioSpec spec = Scenarios.parse("""
                name: erlang
                duration: 30m
                seed: 5
                functions:
                  - name: f
                    reservedConcurrency: 10
                    coldStart: {constant: 0ms}
                    handler:
                      duration: %s
                traffic:
                  - {function: f, poisson: {rate: 80/s}}
                """.formatted(duration));
        double meanSeconds = ((io.github.lambdasim.scenario.StepSpec.Wait) spec.functions().get(0).handler().steps().get(0))
                .micros().mean() / 1e6;
        double expected = erlangB(10, 80 * meanSeconds);
        int replications = 10;
        double[] fractions = new double[replications];
        for (int r = 0; r < replications; r++) {
            FunctionResult f = Scenarios.only(Scenarios.run(spec, r));
            fractions[r] = f.throttles() / (double) f.requests();
        }
        ConfidenceInterval ci = ConfidenceInterval.of(fractions, 0.999);
        assertTrue(ci.contains(expected), duration + ": Erlang B gives " + expected + ", simulated " + ci);
        assertTrue(ci.halfWidth() < 0.05 * expected, "the interval is too wide to mean anything: " + ci);
    }
}
