package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/**
 * Little's law: the time-weighted mean concurrency equals the admitted arrival rate times the
 * mean time a request holds an environment (init plus duration). Checked against the exact
 * value lambda x E[S], within a 99.9% confidence interval over independent replications, and as
 * an identity on each run's own observed values.
 */
class LittlesLawTest {
    private static final String SCENARIO = """
            name: little
            duration: 1h
            seed: 11
            account: {concurrencyLimit: 10000}
            functions:
              - name: f
                memorySize: 1024
                coldStart: {constant: 0ms}
                handler:
                  duration: {lognormal: {median: 80ms, p99: 400ms}}
            traffic:
              - {function: f, poisson: {rate: 200/s}}
            """;

    @Test
    void meanConcurrencyIsRateTimesMeanOccupancy() {
        ScenarioSpec spec = Scenarios.parse(SCENARIO);
        double meanDurationSeconds = spec.functions().get(0).handler().steps().get(0) instanceof
                io.github.lambdasim.scenario.StepSpec.Wait w ? w.micros().mean() / 1e6 : Double.NaN;
        double expected = 200 * meanDurationSeconds;
        int replications = 12;
        double[] means = new double[replications];
        for (int r = 0; r < replications; r++) {
            means[r] = Scenarios.only(Scenarios.run(spec, r)).concurrencyMean();
        }
        ConfidenceInterval ci = ConfidenceInterval.of(means, 0.999);
        assertTrue(ci.contains(expected), "expected " + expected + ", simulated " + ci);
        assertTrue(ci.halfWidth() < 0.02 * expected, "the interval is too wide to mean anything: " + ci);
    }

    @Test
    void littlesLawHoldsOnObservedValues() {
        ScenarioSpec spec = Scenarios.parse(SCENARIO, "functions.f.coldStart={constant: 250ms}");
        RunResult run = Scenarios.run(spec, 0);
        FunctionResult f = Scenarios.only(run);
        double seconds = run.simulatedMicros() / 1e6;
        double observed = f.invocations() / seconds * f.latencyMs().mean() / 1000;
        // Only requests still running at the end break the identity: a few in an hour of 200/s.
        assertEquals(observed, f.concurrencyMean(), observed * 1e-3);
        assertTrue(f.coldStarts() > 0);
    }
}
