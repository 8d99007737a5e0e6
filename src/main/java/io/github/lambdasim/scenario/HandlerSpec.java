package io.github.lambdasim.scenario;

import java.util.List;

/**
 * What one invocation does: its steps, the threads its CPU work can use, the memory it uses and
 * how often it fails.
 *
 * @param parallelFraction share of the CPU work that can be spread over the threads (Amdahl)
 * @param threadOverhead   relative CPU added per extra thread when there is less than one vCPU per thread
 * @param memoryUsedMb     Max Memory Used per invocation, or null when not modelled
 */
public record HandlerSpec(int threads, double parallelFraction, double threadOverhead, List<StepSpec> steps,
                          DistributionSpec memoryUsedMb, double errorRate) {
    public HandlerSpec {
        steps = List.copyOf(steps);
    }
}
