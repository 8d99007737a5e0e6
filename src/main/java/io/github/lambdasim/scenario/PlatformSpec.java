package io.github.lambdasim.scenario;

import java.util.Map;

/**
 * The rules and numbers of the Lambda platform in one era, resolved from a preset
 * ({@code platform-presets.yaml}, where every number has its source) and the scenario's
 * overrides.
 *
 * @param vcpuMemoryMb              memory that buys one full vCPU
 * @param billingGranularityMicros  billed duration is rounded up to a multiple of this
 * @param initBilled                whether the INIT phase of on-demand environments is billed
 * @param idleLifetimeMicros        how long an idle environment lives before it is reclaimed
 * @param maxLifetimeMicros         age at which an environment is recycled even when busy
 * @param packageMicrosPerMb        cold-start time added per MB of deployment package
 * @param coldStartSpread           p99 / median of the platform part of a cold start
 */
public record PlatformSpec(String preset, int vcpuMemoryMb, int maxVcpus, int memoryMinMb, int memoryMaxMb,
                           int memoryStepMb, long maxTimeoutMicros, long maxInitMicros,
                           long billingGranularityMicros, boolean initBilled, DistributionSpec idleLifetimeMicros,
                           DistributionSpec maxLifetimeMicros, ScalingSpec scaling, int accountConcurrency,
                           int minUnreservedConcurrency, Map<String, Long> runtimeColdStartMedianMicros,
                           double coldStartSpread, long packageMicrosPerMb) {
    public PlatformSpec {
        runtimeColdStartMedianMicros = Map.copyOf(runtimeColdStartMedianMicros);
    }

    /**
     * How fast new execution environments may be created: a token bucket of {@code burst}
     * environments refilled continuously at {@code refillPerSecond}, per function (current
     * rules) or shared by the account (2019 rules).
     */
    public record ScalingSpec(Scope scope, int burst, double refillPerSecond) {
    }

    public enum Scope {
        FUNCTION, ACCOUNT
    }

    /** The runtime family of a runtime identifier ({@code nodejs20.x} -> {@code nodejs}), or null. */
    public String runtimeFamily(String runtime) {
        String best = null;
        for (String family : runtimeColdStartMedianMicros.keySet()) {
            if (runtime.startsWith(family) && (best == null || family.length() > best.length())) {
                best = family;
            }
        }
        return best;
    }
}
