package io.github.lambdasim.model;

import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import java.util.List;

/**
 * How many environments each function begins a {@code warmStart: true} run with: those its
 * traffic at time 0 keeps busy. Little's law gives the mean concurrency {@code L = rate x mean
 * duration}, from the rate at time 0 of the function's traffic sources (synchronous and
 * asynchronous) and the handler's expected duration ({@link RunEstimate#handlerMeanMicros});
 * the start takes {@code ceil(L + 3 sqrt(L))}. Requests in flight under Poisson arrivals are
 * Poisson with mean L, so three standard deviations above it is a peak the last idle minutes
 * have almost surely seen, and a steady state keeps that many warm against idle reclaim. The
 * number is capped by the function's reserved concurrency, or by what the account's unreserved
 * pool has left, and counts the function's provisioned environments at the start.
 *
 * <p>A function reached only by other functions' calls or events has no traffic of its own and
 * begins cold.
 */
public final class WarmStart {
    /** Standard deviations of the Poisson concurrency above its mean kept warm. */
    static final double MARGIN_SIGMAS = 3;

    private WarmStart() {
    }

    /** Per function in the scenario's order, the environments alive at time 0, provisioned ones included. */
    public static int[] environments(ScenarioSpec spec) {
        List<FunctionSpec> functions = spec.functions();
        int[] n = new int[functions.size()];
        long reservedSum = 0;
        for (FunctionSpec f : functions) {
            if (f.hasReservedConcurrency()) {
                reservedSum += f.reservedConcurrency();
            }
        }
        long pool = Math.max(0, spec.account().concurrencyLimit() - reservedSum);
        for (int i = 0; i < n.length; i++) {
            FunctionSpec f = functions.get(i);
            double rate = 0;
            for (TrafficSpec t : spec.traffic()) {
                if (f.name().equals(t.function())) {
                    rate += t.pattern().rateAt(0);
                }
            }
            long target = target(rate * RunEstimate.handlerMeanMicros(f, spec) / 1e6);
            target = Math.min(target, f.hasReservedConcurrency() ? f.reservedConcurrency() : pool);
            if (!f.hasReservedConcurrency()) {
                pool -= target;
            }
            n[i] = (int) Math.max(target, f.provisioned().initialLevel());
        }
        return n;
    }

    /** {@code ceil(L + 3 sqrt(L))} environments for a mean concurrency L. */
    static long target(double meanConcurrency) {
        if (!(meanConcurrency > 0)) {
            return 0;
        }
        return (long) Math.ceil(meanConcurrency + MARGIN_SIGMAS * Math.sqrt(meanConcurrency));
    }
}
