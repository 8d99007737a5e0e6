package io.github.lambdasim.model;

import io.github.lambdasim.billing.BillingEra;
import io.github.lambdasim.billing.ProvisionedInterval;
import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.DistributionSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import io.github.lambdasim.stats.Recorder;
import io.github.lambdasim.stats.TimeWeighted;
import java.util.ArrayList;
import java.util.List;

/**
 * One function during a run: its compiled model (workload, cold-start and lifetime
 * distributions, one random stream per source of randomness), its state (busy count, idle
 * stack, scaling bucket) and its statistics. Package-private: the {@link Simulation} drives it.
 */
final class FunctionModel {
    private static final int NONE = -1;
    /** A year: no init draw, however wide its distributions, takes longer. */
    static final double MAX_INIT_MICROS = 366 * 86_400e6;
    /** Runtime families that are not managed runtimes: their INIT was billed in every era. */
    private static final java.util.Set<String> CUSTOM_RUNTIMES = java.util.Set.of("provided", "container");

    final int index;
    final FunctionSpec spec;
    final int reserved;
    final double errorRate;
    final Workload work;
    final Workload initSteps;
    final DistributionSpec platformColdStart;
    final DistributionSpec idleLifetime;
    final DistributionSpec maxLifetime;
    final DistributionSpec memoryUsed;
    final BillingEra billingEra;
    final boolean managedRuntime;

    final RandomStream workRandom;
    final RandomStream coldStartRandom;
    final RandomStream lifetimeRandom;
    final RandomStream errorRandom;
    final RandomStream memoryRandom;

    final DistributionSpec allocationDelay;
    final RandomStream provisionedRandom;

    // State.
    int busy;
    int onDemandBusy;
    int idleHead = NONE;
    final Simulation.TokenBucket bucket;
    // Provisioned concurrency: the configured level (what counts against concurrency and is
    // billed), environments kept for it (initializing, idle or busy), and auto scaling's state.
    int provisionedLevel;
    int provisionedEnvironments;
    int provisionedBusy;
    /** Provisioned environments scaled in while busy: removed when done, counted against concurrency until then. */
    int provisionedDraining;
    int provisionedIdleHead = NONE;
    boolean fillPending;
    double autoscalingLastArea;
    int autoscalingHigh;
    int autoscalingLow;
    boolean autoscalingPending;
    private long provisionedSince;
    private final List<ProvisionedInterval> provisionedIntervals = new ArrayList<>();

    // Statistics.
    long requests;
    long invocations;
    long throttles;
    long errors;
    long timeouts;
    long coldStarts;
    long environmentsCreated;
    long environmentsReclaimed;
    long environmentsRecycled;
    long environmentsReset;
    long billedMicros;
    long billedInitMicros;
    long provisionedInvocations;
    long provisionedBilledMicros;
    final Recorder latencyWarm = new Recorder();
    final Recorder latencyCold = new Recorder();
    final Recorder duration = new Recorder();
    final Recorder init = new Recorder();
    final TimeWeighted concurrency = new TimeWeighted(0);
    final TimeWeighted alive = new TimeWeighted(0);
    final TimeWeighted idleEnvironments = new TimeWeighted(0);
    final TimeWeighted provisionedConfigured = new TimeWeighted(0);
    final TimeWeighted provisionedBusyLevel = new TimeWeighted(0);

    // The current period.
    final long[] periodCounts = new long[Metric.values().length];
    final Recorder periodDuration = new Recorder();
    final Recorder periodLatency = new Recorder();
    int periodConcurrencyMax;
    int periodProvisionedBusyMax;
    long periodBilledMicros;
    long periodProvisionedBilledMicros;
    private double periodStartConfiguredArea;
    private double periodStartProvisionedBusyArea;
    private double periodStartAliveArea;
    private double periodStartConcurrencyArea;
    private double periodStartIdleArea;
    private long periodStartMicros;

    FunctionModel(int index, FunctionSpec spec, ScenarioSpec scenario, int replication) {
        this.index = index;
        this.spec = spec;
        PlatformSpec platform = scenario.platform();
        this.reserved = spec.hasReservedConcurrency() ? spec.reservedConcurrency() : -1;
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
        this.billingEra = platform.billingEra();
        this.managedRuntime = !CUSTOM_RUNTIMES.contains(family);
        PlatformSpec.ScalingSpec scaling = platform.scaling();
        this.bucket = new Simulation.TokenBucket(scaling.burst(), scaling.refillPerSecond());

        long seed = scenario.seed();
        String n = spec.name();
        workRandom = RandomStream.of(seed, "work:" + n, replication);
        coldStartRandom = RandomStream.of(seed, "coldstart:" + n, replication);
        lifetimeRandom = RandomStream.of(seed, "lifetime:" + n, replication);
        errorRandom = RandomStream.of(seed, "errors:" + n, replication);
        memoryRandom = RandomStream.of(seed, "memory:" + n, replication);
        provisionedRandom = RandomStream.of(seed, "provisioned:" + n, replication);
        allocationDelay = platform.provisioned().allocationDelayMicros();
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

    /** Records a completed invocation; returns its billed duration in microseconds. */
    long recordInvocation(long latency, long initMicros, long durationMicros, int flags) {
        boolean cold = (flags & InvocationSample.FLAG_COLD) != 0;
        invocations++;
        periodCounts[Metric.INVOCATIONS.ordinal()]++;
        long billed;
        if ((flags & InvocationSample.FLAG_PROVISIONED) != 0) {
            // Pre-initialized: no init to wait for or bill, and the lower provisioned duration rate.
            provisionedInvocations++;
            periodCounts[Metric.PROVISIONED_INVOCATIONS.ordinal()]++;
            latencyWarm.record(latency);
            billed = BillingEra.billedDurationMs(durationMicros, billingEra) * 1000;
            provisionedBilledMicros += billed;
            periodProvisionedBilledMicros += billed;
            recordOutcome(latency, durationMicros, flags);
            return billed;
        }
        if (cold) {
            coldStarts++;
            periodCounts[Metric.COLD_STARTS.ordinal()]++;
            init.record(initMicros);
            latencyCold.record(latency);
            billed = BillingEra.billedInvocationMs(initMicros, durationMicros, managedRuntime, billingEra) * 1000;
            billedInitMicros += billed - BillingEra.billedDurationMs(durationMicros, billingEra) * 1000;
        } else {
            latencyWarm.record(latency);
            billed = BillingEra.billedDurationMs(durationMicros, billingEra) * 1000;
        }
        billedMicros += billed;
        periodBilledMicros += billed;
        recordOutcome(latency, durationMicros, flags);
        return billed;
    }

    private void recordOutcome(long latency, long durationMicros, int flags) {
        if ((flags & InvocationSample.FLAG_ERROR) != 0) {
            errors++;
            periodCounts[Metric.ERRORS.ordinal()]++;
        }
        if ((flags & InvocationSample.FLAG_TIMEOUT) != 0) {
            timeouts++;
            periodCounts[Metric.TIMEOUTS.ordinal()]++;
        }
        duration.record(durationMicros);
        periodDuration.record(durationMicros);
        periodLatency.record(latency);
    }

    /** The configured provisioned level changes now: the enabled interval so far is closed for billing. */
    void changeProvisionedLevel(long now, int level) {
        closeProvisionedInterval(now);
        provisionedConfigured.add(now, level - provisionedLevel);
        provisionedLevel = level;
    }

    void closeProvisionedInterval(long now) {
        if (provisionedLevel > 0 && now > provisionedSince) {
            provisionedIntervals.add(new ProvisionedInterval(provisionedLevel, provisionedSince, now));
        }
        provisionedSince = now;
    }

    double gbSeconds(long micros) {
        return micros / 1e6 * spec.memoryMb() / 1024.0;
    }

    void closePeriod(PeriodSeries series, int period, long endMicros) {
        for (Metric m : new Metric[] {Metric.REQUESTS, Metric.INVOCATIONS, Metric.ERRORS, Metric.TIMEOUTS,
            Metric.THROTTLES, Metric.COLD_STARTS, Metric.ENVIRONMENTS_CREATED, Metric.ENVIRONMENTS_RECLAIMED}) {
            series.set(index, m, period, periodCounts[m.ordinal()]);
        }
        series.set(index, Metric.PROVISIONED_INVOCATIONS, period, periodCounts[Metric.PROVISIONED_INVOCATIONS.ordinal()]);
        series.set(index, Metric.SPILLOVER_INVOCATIONS, period, periodCounts[Metric.INVOCATIONS.ordinal()]
                - periodCounts[Metric.PROVISIONED_INVOCATIONS.ordinal()]);
        series.set(index, Metric.DURATION_AVG_MS, period, periodDuration.meanMicros() / 1000);
        series.set(index, Metric.DURATION_P50_MS, period, periodDuration.percentileMicros(50) / 1000.0);
        series.set(index, Metric.DURATION_P99_MS, period, periodDuration.percentileMicros(99) / 1000.0);
        series.set(index, Metric.DURATION_MAX_MS, period, periodDuration.maxMicros() / 1000.0);
        series.set(index, Metric.LATENCY_P50_MS, period, periodLatency.percentileMicros(50) / 1000.0);
        series.set(index, Metric.LATENCY_P99_MS, period, periodLatency.percentileMicros(99) / 1000.0);
        series.set(index, Metric.LATENCY_MAX_MS, period, periodLatency.maxMicros() / 1000.0);
        series.set(index, Metric.CONCURRENT_EXECUTIONS, period, periodConcurrencyMax);
        double span = Math.max(1, endMicros - periodStartMicros);
        double c = concurrency.area(endMicros);
        double i = idleEnvironments.area(endMicros);
        series.set(index, Metric.CONCURRENCY_AVG, period, (c - periodStartConcurrencyArea) / span);
        series.set(index, Metric.ENVIRONMENTS_IDLE_AVG, period, (i - periodStartIdleArea) / span);
        double configured = provisionedConfigured.area(endMicros);
        double provisionedBusyArea = provisionedBusyLevel.area(endMicros);
        double aliveArea = alive.area(endMicros);
        series.set(index, Metric.ENVIRONMENTS_ALIVE_AVG, period, (aliveArea - periodStartAliveArea) / span);
        series.set(index, Metric.PROVISIONED_CONCURRENCY, period, (configured - periodStartConfiguredArea) / span);
        series.set(index, Metric.PROVISIONED_CONCURRENT_EXECUTIONS, period, periodProvisionedBusyMax);
        series.set(index, Metric.PROVISIONED_UTILIZATION, period, configured - periodStartConfiguredArea <= 0 ? 0
                : (provisionedBusyArea - periodStartProvisionedBusyArea) / (configured - periodStartConfiguredArea));
        series.set(index, Metric.BILLED_MS, period, periodBilledMicros / 1000.0);
        series.set(index, Metric.PROVISIONED_BILLED_MS, period, periodProvisionedBilledMicros / 1000.0);
        series.set(index, Metric.GB_SECONDS, period, gbSeconds(periodBilledMicros + periodProvisionedBilledMicros));
        periodStartConfiguredArea = configured;
        periodStartProvisionedBusyArea = provisionedBusyArea;
        periodStartAliveArea = aliveArea;
        periodProvisionedBusyMax = provisionedBusy;
        periodProvisionedBilledMicros = 0;
        periodStartConcurrencyArea = c;
        periodStartIdleArea = i;
        periodStartMicros = endMicros;
        java.util.Arrays.fill(periodCounts, 0);
        periodDuration.reset();
        periodLatency.reset();
        periodConcurrencyMax = busy;
        periodBilledMicros = 0;
    }

    FunctionResult result(long endMicros) {
        Recorder latency = new Recorder();
        latency.add(latencyWarm);
        latency.add(latencyCold);
        return new FunctionResult(spec.name(), spec.memoryMb(), spec.architecture(), spec.ephemeralStorageMb(),
                requests, invocations, throttles, errors, timeouts, coldStarts, provisionedInvocations,
                invocations - provisionedInvocations, busy,
                latency.summary(), duration.summary(), init.summary(), concurrency.mean(endMicros), concurrency.max(),
                environmentsCreated, environmentsReclaimed, environmentsRecycled, environmentsReset, alive.level(),
                alive.mean(endMicros), billedMicros, billedInitMicros, provisionedBilledMicros,
                gbSeconds(billedMicros + provisionedBilledMicros), provisionedIntervals, provisionedConfigured.mean(endMicros),
                provisionedConfigured.max(), provisionedBusyLevel.max(), latencyWarm.histogram().copy(),
                latencyCold.histogram().copy());
    }
}
