package io.github.lambdasim.model;

import io.github.lambdasim.billing.BillingEra;
import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.AsyncSpec;
import io.github.lambdasim.scenario.DistributionSpec;
import io.github.lambdasim.scenario.FrontDoorSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.HandlerSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.StepSpec;
import java.util.List;
import java.util.Map;

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
    /** A destination of asynchronous events: none. */
    static final int NO_DESTINATION = -1;
    /** A destination of asynchronous events outside the scenario, where events are only counted. */
    static final int OUTSIDE = -2;

    final FunctionSpec spec;
    // Read by every invocation: kept here rather than read through the spec.
    final int memoryMb;
    final long timeoutMicros;
    /** An on-demand init longer than this stops there and is retried inside the first invocation. */
    final long maxInitMicros;
    /** A provisioned environment's init longer than this fails, and is started again. */
    final long maxInitProvisionedMicros;
    /** The front door's integration timeout: its caller gets 504 after it ({@code Long.MAX_VALUE}: none). */
    final long frontDoorTimeoutMicros;
    /** The highest error rate at any time (0: no invocation fails, and no draw is made). */
    final double maxErrorRate;
    private final HandlerSpec handler;
    private final boolean hasOutages;
    final Workload work;
    /** The calls of the handler's invoke steps, in order (see {@link Workload#invokeAfter}). */
    final Call[] handlerCalls;
    /** The init steps; a cold start runs their segments, with calls between, before the handler's. */
    final Workload initWork;
    final Call[] initCalls;
    /** Whether the init steps call other functions (a cold start then pauses between init segments). */
    final boolean initCallsOut;
    /** Whether cold starts restore a SnapStart snapshot instead of running init. */
    final boolean snapStart;
    /** After-restore hooks longer than this fail the restore. */
    final long afterRestoreLimitMicros;
    private final DistributionSpec restore;
    private final DistributionSpec afterRestore;
    final boolean errorOnCallFailure;
    // Asynchronous events: EventInvokeConfig.
    final int maxRetryAttempts;
    final long maxEventAgeMicros;
    /** Where events go after their last attempt: a function id, {@link #NO_DESTINATION} or {@link #OUTSIDE}. */
    final int onSuccess;
    final int onFailure;
    private final DistributionSpec platformColdStart;
    private final DistributionSpec idleLifetime;
    private final DistributionSpec maxLifetime;
    private final DistributionSpec memoryUsed;
    /** Max Memory Used when the function gives no distribution: its runtime's, at most its memory size. */
    private final int defaultMemoryUsedMb;
    private final DistributionSpec allocationDelay;
    final BillingEra billingEra;
    final boolean managedRuntime;

    final RandomStream workRandom;
    private final RandomStream coldStartRandom;
    private final RandomStream lifetimeRandom;
    final RandomStream errorRandom;
    private final RandomStream memoryRandom;
    private final RandomStream provisionedRandom;

    /**
     * The calls of one invoke step, with the callees as function ids: {@code calls} calls to each
     * of {@code targets}, synchronous (the caller waits) or asynchronous (events), one after
     * another or all at once.
     */
    record Call(int[] targets, boolean sync, int calls, boolean parallel, int sends) {
        /** A call to functions. */
        static final int INVOKE = 0;
        /** {@code calls} messages sent to queue {@code targets[0]}. */
        static final int QUEUE = 1;
        /** {@code calls} records put on stream {@code targets[0]}. */
        static final int STREAM = 2;

        /** How many requests the step makes. */
        int requests() {
            return targets.length * calls;
        }
    }

    /** The share of the records of a batch that fail each on its own (0: none, no draw). */
    final double recordErrorRate;

    /**
     * @param functionIds every function of the scenario by name, to resolve calls and destinations
     * @param sourceIds   every queue ({@code queue:<name>}) and stream ({@code stream:<name>}) by name, to resolve send steps
     */
    FunctionModel(FunctionSpec spec, PlatformSpec platform, Context context, Map<String, Integer> functionIds,
                  Map<String, Integer> sourceIds) {
        this.spec = spec;
        this.memoryMb = spec.memoryMb();
        this.timeoutMicros = spec.timeoutMicros();
        this.maxInitMicros = platform.maxInitMicros();
        this.maxInitProvisionedMicros = Math.max(platform.lifecycle().maxInitProvisionedMicros(), timeoutMicros);
        this.frontDoorTimeoutMicros = spec.frontDoor() == null ? FrontDoorSpec.NO_TIMEOUT : spec.frontDoor().timeoutMicros();
        this.handler = spec.handler();
        this.maxErrorRate = handler.maxErrorRate();
        this.hasOutages = !handler.outages().isEmpty();
        double cpuFactor = Workload.cpuFactor(spec.memoryMb(), platform, spec.handler());
        this.work = new Workload(spec.handler().steps(), cpuFactor);
        this.handlerCalls = calls(work.calls(), functionIds, sourceIds);
        // Init code runs single-threaded: one vCPU at most.
        this.initWork = new Workload(spec.init(), Workload.cpuFactor(spec.memoryMb(), platform, 1, 0, 0));
        this.initCalls = calls(initWork.calls(), functionIds, sourceIds);
        this.recordErrorRate = handler.recordErrorRate();
        // With SnapStart, init ran when the version was published: a cold start restores instead.
        this.snapStart = spec.snapStart() != null;
        this.initCallsOut = initCalls.length > 0 && !snapStart;
        this.errorOnCallFailure = spec.errorOnCallFailure();
        AsyncSpec async = spec.async();
        this.maxRetryAttempts = async.maximumRetryAttempts();
        this.maxEventAgeMicros = async.maximumEventAgeMicros();
        this.onSuccess = destination(async.onSuccess(), functionIds);
        this.onFailure = destination(async.onFailure(), functionIds);
        String family = platform.runtimeFamily(spec.runtime());
        if (spec.coldStartMicros() != null) {
            this.platformColdStart = spec.coldStartMicros();
        } else {
            double median = platform.runtimeColdStartMedianMicros().get(family)
                    + spec.packageSizeMb() * platform.packageMicrosPerMb();
            this.platformColdStart = DistributionSpec.LogNormal.ofMedianP99(median, median * platform.coldStartSpread());
        }
        this.afterRestoreLimitMicros = platform.lifecycle().snapStart().afterRestoreLimitMicros();
        if (!snapStart) {
            this.restore = null;
            this.afterRestore = null;
        } else {
            Long median = platform.lifecycle().snapStart().restoreMedianMicros().get(family);
            this.restore = spec.snapStart().restoreMicros() != null ? spec.snapStart().restoreMicros()
                    : DistributionSpec.LogNormal.ofMedianP99(median, median * platform.coldStartSpread());
            this.afterRestore = spec.snapStart().afterRestoreMicros();
        }
        this.idleLifetime = platform.idleLifetimeMicros();
        this.maxLifetime = platform.maxLifetimeMicros();
        this.memoryUsed = spec.handler().memoryUsedMb();
        this.defaultMemoryUsedMb = Math.min(memoryMb, platform.lifecycle().memoryUsedMb().getOrDefault(family, 0));
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

    private static Call[] calls(List<StepSpec> steps, Map<String, Integer> ids, Map<String, Integer> sourceIds) {
        Call[] calls = new Call[steps.size()];
        for (int i = 0; i < calls.length; i++) {
            if (steps.get(i) instanceof StepSpec.Send send) {
                String key = send.queue() != null ? "queue:" + send.queue() : "stream:" + send.stream();
                Integer target = sourceIds.get(key);
                if (target == null) {
                    throw new IllegalArgumentException("no " + key + " in the scenario (the loader checks this)");
                }
                calls[i] = new Call(new int[] {target}, false, send.count(), false,
                        send.queue() != null ? Call.QUEUE : Call.STREAM);
                continue;
            }
            StepSpec.Invoke invoke = (StepSpec.Invoke) steps.get(i);
            int[] targets = invoke.functions().stream().mapToInt(name -> id(name, ids)).toArray();
            calls[i] = new Call(targets, invoke.mode() == StepSpec.InvokeMode.SYNC, invoke.calls(), invoke.parallel(),
                    Call.INVOKE);
        }
        return calls;
    }

    private static int destination(AsyncSpec.Destination d, Map<String, Integer> ids) {
        if (d == null) {
            return NO_DESTINATION;
        }
        return d.isFunction() ? id(d.function(), ids) : OUTSIDE;
    }

    private static int id(String name, Map<String, Integer> ids) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no function " + name + " in the scenario (the loader checks this)");
        }
        return id;
    }

    /** The share of invocations starting at {@code nowMicros} that fail (an outage raises it). */
    double errorRateAt(long nowMicros) {
        return hasOutages ? handler.errorRateAt(nowMicros) : maxErrorRate;
    }

    /** The platform part of a cold start (runtime, package) plus the function's init steps, without their calls. */
    long sampleInitMicros() {
        double platformPart = platformColdStart.quantile(coldStartRandom.nextDouble());
        long steps = initWork.sampleMicros(coldStartRandom);
        // Far beyond any init Lambda lets run, but it keeps the clock from overflowing.
        return Math.round(Math.min(MAX_INIT_MICROS, platformPart + steps));
    }

    /** A SnapStart cold start's restore of the snapshot (unbilled), without its after-restore hooks. */
    long sampleRestoreMicros() {
        return Math.round(Math.min(MAX_INIT_MICROS, restore.quantile(coldStartRandom.nextDouble())));
    }

    /** A SnapStart cold start's after-restore hooks (0 without hooks; no draw then). */
    long sampleAfterRestoreMicros() {
        return afterRestore == null ? 0
                : Math.round(Math.min(MAX_INIT_MICROS, afterRestore.quantile(coldStartRandom.nextDouble())));
    }

    /**
     * Segment {@code segment} of a cold start whose init steps call other functions: the first
     * includes the platform part (drawn first, as {@link #sampleInitMicros} does).
     */
    long sampleInitSegmentMicros(int segment) {
        double platformPart = segment == 0 ? platformColdStart.quantile(coldStartRandom.nextDouble()) : 0;
        long steps = initWork.sampleSegmentMicros(segment, coldStartRandom);
        return Math.round(Math.min(MAX_INIT_MICROS, platformPart + steps));
    }

    /**
     * The memory one invocation would use, in MB: drawn from the function's {@code memoryUsedMb}
     * (above the memory size when it runs out of memory), or its runtime's default, drawing nothing.
     */
    int sampleMemoryUsedMb() {
        return memoryUsed == null ? defaultMemoryUsedMb : (int) Math.ceil(memoryUsed.quantile(memoryRandom.nextDouble()));
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
