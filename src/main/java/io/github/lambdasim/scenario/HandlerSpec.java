package io.github.lambdasim.scenario;

import java.util.List;

/**
 * What one invocation does: its steps, the threads its CPU work can use, the memory it uses and
 * how often it fails.
 *
 * @param parallelFraction share of the CPU work that can be spread over the threads (Amdahl)
 * @param threadOverhead   relative CPU added per extra thread when there is less than one vCPU per thread
 * @param memoryUsedMb     Max Memory Used per invocation, or null when not modelled
 * @param errorRate        share of invocations that fail, outside any outage
 * @param outages          windows in which invocations fail more often (a downstream outage), in time order
 * @param recordErrorRate  share of the records of an event source's batch that fail, each on its own
 *                         (a batch fails when one does, unless the function reports batch item failures)
 */
public record HandlerSpec(int threads, double parallelFraction, double threadOverhead, List<StepSpec> steps,
                          DistributionSpec memoryUsedMb, double errorRate, List<Outage> outages,
                          double recordErrorRate) {
    public HandlerSpec {
        steps = List.copyOf(steps);
        outages = List.copyOf(outages);
    }

    /** A handler whose records do not fail on their own. */
    public HandlerSpec(int threads, double parallelFraction, double threadOverhead, List<StepSpec> steps,
                       DistributionSpec memoryUsedMb, double errorRate, List<Outage> outages) {
        this(threads, parallelFraction, threadOverhead, steps, memoryUsedMb, errorRate, outages, 0);
    }

    /** A handler without outages. */
    public HandlerSpec(int threads, double parallelFraction, double threadOverhead, List<StepSpec> steps,
                       DistributionSpec memoryUsedMb, double errorRate) {
        this(threads, parallelFraction, threadOverhead, steps, memoryUsedMb, errorRate, List.of());
    }

    /**
     * A window [start, end) in which invocations that start fail with probability {@code errorRate}
     * instead of the handler's usual rate.
     */
    public record Outage(long startMicros, long endMicros, double errorRate) {
    }

    /** The share of invocations starting at {@code timeMicros} that fail. */
    public double errorRateAt(long timeMicros) {
        for (Outage o : outages) {
            if (timeMicros >= o.startMicros() && timeMicros < o.endMicros()) {
                return o.errorRate();
            }
        }
        return errorRate;
    }

    /** The highest error rate at any time. */
    public double maxErrorRate() {
        double max = errorRate;
        for (Outage o : outages) {
            max = Math.max(max, o.errorRate());
        }
        return max;
    }
}
