package io.github.lambdasim.model;

import io.github.lambdasim.billing.BillingEra;
import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.DistributionSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.PlatformSpec;

/**
 * One function's compiled model for a run: its workload, its cold-start, lifetime, memory and
 * allocation-delay distributions, and one random stream per source of randomness, each named
 * after the function (so a function's draws do not depend on the other functions). It holds no
 * state of the run: that lives in the components' arrays.
 */
final class FunctionModel {
    /** A year: no init draw, however wide its distributions, takes longer. */
    static final double MAX_INIT_MICROS = 366 * 86_400e6;
    /** Runtime families that are not managed runtimes: their INIT was billed in every era. */
    private static final java.util.Set<String> CUSTOM_RUNTIMES = java.util.Set.of("provided", "container");

    final FunctionSpec spec;
    // Read by every invocation: kept here rather than read through the spec.
    final int memoryMb;
    final long timeoutMicros;
    final double errorRate;
    final Workload work;
    private final Workload initSteps;
    private final DistributionSpec platformColdStart;
    private final DistributionSpec idleLifetime;
    private final DistributionSpec maxLifetime;
    private final DistributionSpec memoryUsed;
    private final DistributionSpec allocationDelay;
    final BillingEra billingEra;
    final boolean managedRuntime;

    final RandomStream workRandom;
    private final RandomStream coldStartRandom;
    private final RandomStream lifetimeRandom;
    final RandomStream errorRandom;
    private final RandomStream memoryRandom;
    private final RandomStream provisionedRandom;

    FunctionModel(FunctionSpec spec, PlatformSpec platform, Context context) {
        this.spec = spec;
        this.memoryMb = spec.memoryMb();
        this.timeoutMicros = spec.timeoutMicros();
        this.errorRate = spec.handler().errorRate();
        double cpuFactor = Workload.cpuFactor(spec.memoryMb(), platform, spec.handler());
        this.work = new Workload(spec.handler().steps(), cpuFactor);
        // Init code runs single-threaded: one vCPU at most.
        this.initSteps = new Workload(spec.init(), Workload.cpuFactor(spec.memoryMb(), platform, 1, 0, 0));
        String family = platform.runtimeFamily(spec.runtime());
        if (spec.coldStartMicros() != null) {
            this.platformColdStart = spec.coldStartMicros();
        } else {
            double median = platform.runtimeColdStartMedianMicros().get(family)
                    + spec.packageSizeMb() * platform.packageMicrosPerMb();
            this.platformColdStart = DistributionSpec.LogNormal.ofMedianP99(median, median * platform.coldStartSpread());
        }
        this.idleLifetime = platform.idleLifetimeMicros();
        this.maxLifetime = platform.maxLifetimeMicros();
        this.memoryUsed = spec.handler().memoryUsedMb();
        this.allocationDelay = platform.provisioned().allocationDelayMicros();
        this.billingEra = platform.billingEra();
        this.managedRuntime = !CUSTOM_RUNTIMES.contains(family);

        String n = spec.name();
        workRandom = context.stream("work:" + n);
        coldStartRandom = context.stream("coldstart:" + n);
        lifetimeRandom = context.stream("lifetime:" + n);
        errorRandom = context.stream("errors:" + n);
        memoryRandom = context.stream("memory:" + n);
        provisionedRandom = context.stream("provisioned:" + n);
    }

    /** The platform part of a cold start (runtime, package) plus the function's init steps. */
    long sampleInitMicros() {
        double platformPart = platformColdStart.quantile(coldStartRandom.nextDouble());
        long steps = initSteps.sampleMicros(coldStartRandom);
        // Far beyond any init Lambda lets run, but it keeps the clock from overflowing.
        return Math.round(Math.min(MAX_INIT_MICROS, platformPart + steps));
    }

    /** Max Memory Used of one invocation, or 0 when the scenario does not model it. */
    int sampleMemoryUsedMb() {
        return memoryUsed == null ? 0 : (int) Math.ceil(memoryUsed.quantile(memoryRandom.nextDouble()));
    }

    /** How long a new environment may live before it is recycled (at least 1 us). */
    long sampleMaxLifetimeMicros() {
        return Math.max(1, Math.round(maxLifetime.quantile(lifetimeRandom.nextDouble())));
    }

    /** How long an environment that just went idle is kept before it is reclaimed (at least 1 us). */
    long sampleIdleLifetimeMicros() {
        return Math.max(1, Math.round(idleLifetime.quantile(lifetimeRandom.nextDouble())));
    }

    /** How long a change of provisioned level takes to be allocated. */
    long sampleAllocationDelayMicros() {
        return Math.round(allocationDelay.quantile(provisionedRandom.nextDouble()));
    }

    double gbSeconds(long micros) {
        return micros / 1e6 * memoryMb / 1024.0;
    }
}
