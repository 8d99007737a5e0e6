package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.engine.EventQueue;
import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.ProvisionedSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.scenario.Units;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run of a scenario: requests arrive from the traffic sources, find an idle execution
 * environment (warm start) or get a new one (cold start) within the concurrency limits and the
 * scaling rate, or are throttled. Environments go idle after each invocation, are reused
 * most-recently-used first, and are reclaimed after their idle lifetime or recycled at their
 * maximum lifetime.
 *
 * <p>The event loop allocates nothing per event: events live in an {@link EventQueue} of
 * primitive arrays, environments are int ids into arrays (reused through a free list), and stale
 * timer events are dropped by comparing generations. A simulation holds no global state, so
 * several can run at once on different threads.
 */
public final class Simulation {
    static final int ARRIVAL = 0;
    static final int COMPLETE = 1;
    static final int ENV_TIMER = 2;
    static final int PROVISIONED_READY = 3;
    static final int PROVISIONED_FILL = 4;
    static final int PROVISIONED_CHANGE = 5;
    static final int PROVISIONED_SCHEDULE = 6;
    static final int AUTOSCALING_TICK = 7;

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int FREE = 2;
    private static final int INITIALIZING = 3;

    private static final int NONE = -1;
    private static final int PROGRESS_EVERY = 1 << 20;
    /** REPORT lines kept per run: every cold start up to COLD_SAMPLES, and about SAMPLES in all. */
    static final int SAMPLES = 1000;
    static final int COLD_SAMPLES = 200;

    private final ScenarioSpec spec;
    private final PlatformSpec platform;
    private final int replication;
    private final long endMicros;
    private final EventQueue queue = new EventQueue(1024);
    private final ProgressListener progress;
    private long now;
    private long events;

    // Traffic sources.
    private final TrafficSpec.Pattern[] sourcePattern;
    private final FunctionModel[] sourceFunction;
    private final RandomStream[] sourceRandom;
    private final long[] sourceCount;
    // Trace replay: the minute being replayed, its arrivals still to come and where the last one fell.
    private final int[] sourceMinute;
    private final long[] sourceRemaining;
    private final long[] sourceMinuteTotal;
    private final double[] sourcePosition;
    /**
     * Each source's last arrival time, not cut to the microsecond: gaps are drawn from it, so
     * arrivals closer than a microsecond neither stall the clock nor make the rate too high.
     */
    private final double[] sourceClock;

    // Functions and the account.
    private final FunctionModel[] functions;
    private final long unreservedPool;
    /**
     * On-demand requests in flight (and those finishing on provisioned environments already scaled
     * in) and provisioned levels of the functions without reserved concurrency.
     */
    private long unreservedBusy;
    private long unreservedProvisioned;
    /** Requests in flight on provisioned environments (not scaled in) of the functions without reserved concurrency. */
    private long unreservedProvisionedBusy;
    private final TokenBucket accountBucket;

    // Execution environments, by id.
    private int envCapacity = 256;
    private int envCount;
    private int[] freeIds = new int[256];
    private int freeCount;
    private int[] envFunction = new int[envCapacity];
    private int[] envState = new int[envCapacity];
    private int[] envPrev = new int[envCapacity];
    private int[] envNext = new int[envCapacity];
    private long[] envIdleDeadline = new long[envCapacity];
    private long[] envRetireAt = new long[envCapacity];
    private int[] envTimerGeneration = new int[envCapacity];
    private long[] envTimerAt = new long[envCapacity];
    private boolean[] envTimerPending = new boolean[envCapacity];
    private boolean[] envProvisioned = new boolean[envCapacity];
    private boolean[] envRemoveWhenDone = new boolean[envCapacity];
    /** Bumped when an environment is freed or re-initialized: stale PROVISIONED_READY events are dropped. */
    private int[] envGeneration = new int[envCapacity];
    // The request an environment is running.
    private long[] envRequestArrival = new long[envCapacity];
    private long[] envRequestInit = new long[envCapacity];
    private long[] envRequestDuration = new long[envCapacity];
    private long[] envRequestNumber = new long[envCapacity];
    private int[] envRequestMemoryUsed = new int[envCapacity];
    private int[] envRequestFlags = new int[envCapacity];

    // Periods.
    private final PeriodSeries series;
    private int period;
    private long periodEnd;

    private final InvocationSample samples;
    private long requestCounter;

    public Simulation(ScenarioSpec spec, int replication, Long periodMicros, ProgressListener progress) {
        this.spec = spec;
        this.platform = spec.platform();
        this.replication = replication;
        this.endMicros = spec.durationMicros();
        this.progress = progress == null ? ProgressListener.NONE : progress;

        List<FunctionSpec> fs = spec.functions();
        functions = new FunctionModel[fs.size()];
        long reservedSum = 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < functions.length; i++) {
            functions[i] = new FunctionModel(i, fs.get(i), spec, replication);
            if (fs.get(i).hasReservedConcurrency()) {
                reservedSum += fs.get(i).reservedConcurrency();
            }
            names.add(fs.get(i).name());
        }
        unreservedPool = Math.max(0, spec.account().concurrencyLimit() - reservedSum);
        PlatformSpec.ScalingSpec scaling = platform.scaling();
        accountBucket = scaling.scope() == PlatformSpec.Scope.ACCOUNT ? new TokenBucket(scaling.burst(), scaling.refillPerSecond()) : null;

        long period = periodMicros != null ? periodMicros : defaultPeriodMicros(endMicros);
        series = new PeriodSeries(period, endMicros, names);
        periodEnd = Math.min(period, endMicros);

        double expected = spec.expectedRequests();
        samples = new InvocationSample(SAMPLES + COLD_SAMPLES, COLD_SAMPLES, (long) Math.ceil(expected / SAMPLES));

        int n = spec.traffic().size();
        sourcePattern = new TrafficSpec.Pattern[n];
        sourceFunction = new FunctionModel[n];
        sourceRandom = new RandomStream[n];
        sourceCount = new long[n];
        sourceMinute = new int[n];
        Arrays.fill(sourceMinute, -1);
        sourceRemaining = new long[n];
        sourceMinuteTotal = new long[n];
        sourcePosition = new double[n];
        sourceClock = new double[n];
        for (int i = 0; i < n; i++) {
            TrafficSpec t = spec.traffic().get(i);
            sourcePattern[i] = t.pattern();
            sourceFunction[i] = functions[names.indexOf(t.function())];
            sourceRandom[i] = RandomStream.of(spec.seed(), "arrivals:" + t.index(), replication);
        }
    }

    /**
     * One minute, grown on long runs to a round length so that a chart has at most about 1,500
     * points.
     */
    public static long defaultPeriodMicros(long durationMicros) {
        long[] candidates = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};
        for (long minutes : candidates) {
            long p = minutes * Units.MICROS_PER_MINUTE;
            if (durationMicros / p <= 1500) {
                return p;
            }
        }
        return 1440 * Units.MICROS_PER_MINUTE;
    }

    /** Runs the scenario to its end and returns what happened. */
    public RunResult run() {
        long wallStart = System.nanoTime();
        for (int i = 0; i < sourcePattern.length; i++) {
            scheduleArrival(i);
        }
        for (FunctionModel f : functions) {
            startProvisioned(f);
        }
        while (!queue.isEmpty() && queue.peekTimeMicros() < endMicros) {
            queue.pop();
            long t = queue.timeMicros();
            if (t >= periodEnd) {
                closePeriodsUpTo(t);
            } else if (t < now) {
                throw new IllegalStateException("the simulated clock went back from " + now + " us to " + t
                        + " us: a bug in lambdasim, please report it with the scenario");
            }
            now = t;
            switch (queue.type()) {
                case ARRIVAL -> onArrival(queue.target());
                case COMPLETE -> onComplete(queue.target());
                case ENV_TIMER -> onEnvironmentTimer(queue.target(), queue.generation());
                case PROVISIONED_READY -> onProvisionedReady(queue.target(), queue.generation());
                case PROVISIONED_FILL -> onProvisionedFill(functions[queue.target()]);
                case PROVISIONED_CHANGE -> onProvisionedChange(functions[queue.target()], queue.generation());
                case PROVISIONED_SCHEDULE -> onProvisionedSchedule(functions[queue.target()], queue.generation());
                case AUTOSCALING_TICK -> onAutoscalingTick(functions[queue.target()]);
                default -> throw new IllegalStateException("event type " + queue.type());
            }
            if ((++events & (PROGRESS_EVERY - 1)) == 0) {
                progress.progress(now, endMicros);
            }
        }
        closePeriodsUpTo(endMicros);
        now = endMicros;
        for (FunctionModel f : functions) {
            f.closeProvisionedInterval(endMicros);
        }
        progress.progress(endMicros, endMicros);
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        List<FunctionResult> results = new ArrayList<>();
        for (FunctionModel f : functions) {
            results.add(f.result(endMicros));
        }
        Bill bill = RunBilling.bill(spec, results, series);
        return new RunResult(spec, spec.seed(), replication, endMicros, results, series, samples, bill, events, wallSeconds);
    }

    // ---------------------------------------------------------------- arrivals

    private void scheduleArrival(int source) {
        long next = nextArrival(source);
        if (next < endMicros && next < sourcePattern[source].endMicros()) {
            queue.push(next, ARRIVAL, source, 0);
        }
    }

    /**
     * The next arrival after the source's last one: evenly spaced for constant traffic,
     * exponential gaps for Poisson traffic, and thinning (candidates at the maximum rate, each
     * kept with probability rate(t) / max) for time-varying rates, which samples them exactly.
     */
    private long nextArrival(int source) {
        TrafficSpec.Pattern p = sourcePattern[source];
        RandomStream r = sourceRandom[source];
        double max = p.maxRate();
        if (max <= 0) {
            return Long.MAX_VALUE;
        }
        if (p instanceof TrafficSpec.Trace trace) {
            return nextTraceArrival(source, trace, r);
        }
        if (p instanceof TrafficSpec.Constant c) {
            // The k-th arrival at start + k / rate, computed from k so that rounding never drifts.
            return p.startMicros() + Math.round(sourceCount[source]++ * 1e6 / c.ratePerSecond());
        }
        boolean homogeneous = p instanceof TrafficSpec.Poisson || p instanceof TrafficSpec.Spike;
        double t = Math.max(sourceClock[source], p.startMicros());
        while (true) {
            t += r.nextExponential(1e6 / max);
            if (t >= endMicros || t >= p.endMicros()) {
                return Long.MAX_VALUE;
            }
            if (homogeneous || r.nextDouble() * max <= p.rateAt((long) t)) {
                sourceClock[source] = t;
                return (long) t;
            }
        }
    }

    /**
     * The next arrival of a replayed trace: each minute's count (scaled, rounded at random so the
     * mean is exact) arrives within the minute, evenly or as the order statistics of uniforms
     * (a Poisson process conditioned on the count), drawn one at a time without storing them.
     */
    private long nextTraceArrival(int source, TrafficSpec.Trace trace, RandomStream r) {
        while (sourceRemaining[source] == 0) {
            int minute = ++sourceMinute[source];
            if (minute >= trace.minutes()) {
                return Long.MAX_VALUE;
            }
            double scaled = trace.count(minute) * trace.scale();
            long count = (long) scaled;
            if (r.nextDouble() < scaled - count) {
                count++;
            }
            sourceRemaining[source] = count;
            sourceMinuteTotal[source] = count;
            sourcePosition[source] = 0;
        }
        long remaining = sourceRemaining[source]--;
        double position;
        if (trace.even()) {
            position = (sourceMinuteTotal[source] - remaining + 0.5) / sourceMinuteTotal[source];
        } else {
            // The smallest of `remaining` uniforms on (position, 1).
            double last = sourcePosition[source];
            position = last + (1 - last) * (1 - Math.pow(r.nextDouble(), 1.0 / remaining));
        }
        sourcePosition[source] = position;
        return trace.startMicros() + sourceMinute[source] * Units.MICROS_PER_MINUTE
                + (long) (position * Units.MICROS_PER_MINUTE);
    }

    private void onArrival(int source) {
        FunctionModel f = sourceFunction[source];
        scheduleArrival(source);
        f.requests++;
        f.periodCounts[Metric.REQUESTS.ordinal()]++;
        long requestNumber = requestCounter++;
        int provisioned = f.provisionedIdleHead;
        if (provisioned != NONE) {
            if (!hasProvisionedCapacity(f)) {
                throttle(f);
                return;
            }
            unlinkIdle(f, provisioned);
            dispatch(f, provisioned, requestNumber, 0, false);
            return;
        }
        if (!hasCapacity(f)) {
            throttle(f);
            return;
        }
        int env = f.idleHead;
        long init = 0;
        boolean cold = false;
        if (env != NONE) {
            unlinkIdle(f, env);
        } else {
            if (!takeScalingToken(f)) {
                throttle(f);
                return;
            }
            env = createEnvironment(f);
            init = f.sampleInitMicros();
            cold = true;
        }
        dispatch(f, env, requestNumber, init, cold);
    }

    /**
     * Whether an on-demand environment may take one more request: provisioned concurrency counts
     * against the function's reserved concurrency, or against the account's unreserved pool,
     * whether its environments are busy or not.
     */
    private boolean hasCapacity(FunctionModel f) {
        if (f.reserved >= 0) {
            return f.onDemandBusy + f.provisionedDraining + f.provisionedLevel < f.reserved;
        }
        return unreservedBusy + unreservedProvisioned < unreservedPool;
    }

    /**
     * Whether a provisioned environment may take one more request: only while the function's
     * requests in flight stay within its limit (after a scale-out, on-demand requests admitted
     * under the lower level may still be running).
     */
    private boolean hasProvisionedCapacity(FunctionModel f) {
        if (f.reserved >= 0) {
            return f.busy < f.reserved;
        }
        return unreservedBusy + unreservedProvisionedBusy < unreservedPool;
    }

    private boolean takeScalingToken(FunctionModel f) {
        TokenBucket bucket = accountBucket != null ? accountBucket : f.bucket;
        return bucket.take(now);
    }

    private void throttle(FunctionModel f) {
        f.throttles++;
        f.periodCounts[Metric.THROTTLES.ordinal()]++;
    }

    private void dispatch(FunctionModel f, int env, long requestNumber, long init, boolean cold) {
        long duration = f.work.sampleMicros(f.workRandom);
        int flags = cold ? InvocationSample.FLAG_COLD : 0;
        int memoryUsed = f.sampleMemoryUsedMb();
        if (memoryUsed > f.spec.memoryMb()) {
            flags |= InvocationSample.FLAG_OUT_OF_MEMORY | InvocationSample.FLAG_ERROR;
        }
        if (duration > f.spec.timeoutMicros()) {
            duration = f.spec.timeoutMicros();
            flags |= InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_ERROR;
        }
        if (f.errorRate > 0 && f.errorRandom.nextDouble() < f.errorRate) {
            flags |= InvocationSample.FLAG_ERROR;
        }
        envState[env] = BUSY;
        envRequestArrival[env] = now;
        envRequestInit[env] = init;
        envRequestDuration[env] = duration;
        envRequestNumber[env] = requestNumber;
        envRequestMemoryUsed[env] = memoryUsed;
        boolean onProvisioned = envProvisioned[env];
        if (onProvisioned) {
            flags |= InvocationSample.FLAG_PROVISIONED;
            f.provisionedBusy++;
            if (f.reserved < 0) {
                unreservedProvisionedBusy++;
            }
            f.provisionedBusyLevel.add(now, 1);
            if (f.provisionedBusy > f.periodProvisionedBusyMax) {
                f.periodProvisionedBusyMax = f.provisionedBusy;
            }
        } else {
            f.onDemandBusy++;
            if (f.reserved < 0) {
                unreservedBusy++;
            }
        }
        envRequestFlags[env] = flags;
        f.busy++;
        f.concurrency.add(now, 1);
        if (!cold) {
            f.idleEnvironments.add(now, -1);
        }
        if (f.busy > f.periodConcurrencyMax) {
            f.periodConcurrencyMax = f.busy;
        }
        queue.push(now + init + duration, COMPLETE, env, 0);
    }

    // ---------------------------------------------------------------- completions

    private void onComplete(int env) {
        FunctionModel f = functions[envFunction[env]];
        long init = envRequestInit[env];
        long duration = envRequestDuration[env];
        int flags = envRequestFlags[env];
        boolean cold = (flags & InvocationSample.FLAG_COLD) != 0;
        long billed = f.recordInvocation(now - envRequestArrival[env], init, duration, flags);
        long n = envRequestNumber[env];
        if (samples.wants(n, flags)) {
            samples.add(f.index, n, envRequestArrival[env] + init, cold ? init : -1, duration, billed,
                    envRequestMemoryUsed[env], flags);
        }
        f.busy--;
        f.concurrency.add(now, -1);
        boolean reset = (flags & (InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_OUT_OF_MEMORY)) != 0;
        if (envProvisioned[env]) {
            f.provisionedBusy--;
            f.provisionedBusyLevel.add(now, -1);
            if (envRemoveWhenDone[env]) {
                f.provisionedDraining--;
                if (f.reserved < 0) {
                    unreservedBusy--;
                }
                f.environmentsReclaimed++;
                destroyEnvironment(f, env);
                return;
            }
            if (f.reserved < 0) {
                unreservedProvisionedBusy--;
            }
            if (reset) {
                f.environmentsReset++;
                reinitialize(f, env);
            } else if (now >= envRetireAt[env]) {
                f.environmentsRecycled++;
                reinitialize(f, env);
            } else {
                makeIdle(f, env);
            }
            return;
        }
        f.onDemandBusy--;
        if (f.reserved < 0) {
            unreservedBusy--;
        }
        if (reset) {
            f.environmentsReset++;
            destroyEnvironment(f, env);
        } else if (now >= envRetireAt[env]) {
            f.environmentsRecycled++;
            destroyEnvironment(f, env);
        } else {
            makeIdle(f, env);
        }
    }

    private void makeIdle(FunctionModel f, int env) {
        envState[env] = IDLE;
        f.idleEnvironments.add(now, 1);
        // Most recently used first: each idle list (provisioned, on-demand) is a stack.
        int head = envProvisioned[env] ? f.provisionedIdleHead : f.idleHead;
        envPrev[env] = NONE;
        envNext[env] = head;
        if (head != NONE) {
            envPrev[head] = env;
        }
        if (envProvisioned[env]) {
            f.provisionedIdleHead = env;
            // Provisioned environments are never reclaimed for idling, only recycled.
            envIdleDeadline[env] = Long.MAX_VALUE;
        } else {
            f.idleHead = env;
            envIdleDeadline[env] = now + Math.max(1, Math.round(f.idleLifetime.quantile(f.lifetimeRandom.nextDouble())));
        }
        armTimer(env, Math.min(envIdleDeadline[env], envRetireAt[env]));
    }

    /** Keeps one pending timer per environment: an earlier deadline re-arms it, a later one waits for it. */
    private void armTimer(int env, long at) {
        if (envTimerPending[env] && envTimerAt[env] <= at) {
            return;
        }
        envTimerGeneration[env]++;
        envTimerPending[env] = true;
        envTimerAt[env] = at;
        queue.push(at, ENV_TIMER, env, envTimerGeneration[env]);
    }

    private void onEnvironmentTimer(int env, int generation) {
        if (generation != envTimerGeneration[env]) {
            return; // stale: the environment was re-armed earlier or freed
        }
        envTimerPending[env] = false;
        if (envState[env] != IDLE) {
            return; // busy: it is re-armed when it goes idle
        }
        FunctionModel f = functions[envFunction[env]];
        long deadline = Math.min(envIdleDeadline[env], envRetireAt[env]);
        if (now >= deadline) {
            unlinkIdle(f, env);
            f.idleEnvironments.add(now, -1);
            if (envProvisioned[env]) {
                f.environmentsRecycled++;
                reinitialize(f, env);
                return;
            }
            if (now >= envIdleDeadline[env]) {
                f.environmentsReclaimed++;
            } else {
                f.environmentsRecycled++;
            }
            destroyEnvironment(f, env);
        } else {
            armTimer(env, deadline);
        }
    }

    private void unlinkIdle(FunctionModel f, int env) {
        int prev = envPrev[env];
        int next = envNext[env];
        if (prev != NONE) {
            envNext[prev] = next;
        } else if (envProvisioned[env]) {
            f.provisionedIdleHead = next;
        } else {
            f.idleHead = next;
        }
        if (next != NONE) {
            envPrev[next] = prev;
        }
        envPrev[env] = NONE;
        envNext[env] = NONE;
    }

    // ---------------------------------------------------------------- environments

    private int createEnvironment(FunctionModel f) {
        int env;
        if (freeCount > 0) {
            env = freeIds[--freeCount];
        } else {
            if (envCount == envCapacity) {
                growEnvironments();
            }
            env = envCount++;
        }
        envFunction[env] = f.index;
        envState[env] = BUSY;
        envPrev[env] = NONE;
        envNext[env] = NONE;
        envTimerPending[env] = false;
        envProvisioned[env] = false;
        envRemoveWhenDone[env] = false;
        envRetireAt[env] = now + Math.max(1, Math.round(f.maxLifetime.quantile(f.lifetimeRandom.nextDouble())));
        f.environmentsCreated++;
        f.periodCounts[Metric.ENVIRONMENTS_CREATED.ordinal()]++;
        f.alive.add(now, 1);
        return env;
    }

    private void destroyEnvironment(FunctionModel f, int env) {
        if (envProvisioned[env] && !envRemoveWhenDone[env]) {
            f.provisionedEnvironments--;
        }
        envState[env] = FREE;
        envGeneration[env]++;
        envTimerGeneration[env]++;
        envTimerPending[env] = false;
        f.alive.add(now, -1);
        f.periodCounts[Metric.ENVIRONMENTS_RECLAIMED.ordinal()]++;
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = env;
    }

    private void growEnvironments() {
        envCapacity *= 2;
        envFunction = Arrays.copyOf(envFunction, envCapacity);
        envState = Arrays.copyOf(envState, envCapacity);
        envPrev = Arrays.copyOf(envPrev, envCapacity);
        envNext = Arrays.copyOf(envNext, envCapacity);
        envIdleDeadline = Arrays.copyOf(envIdleDeadline, envCapacity);
        envRetireAt = Arrays.copyOf(envRetireAt, envCapacity);
        envTimerGeneration = Arrays.copyOf(envTimerGeneration, envCapacity);
        envTimerAt = Arrays.copyOf(envTimerAt, envCapacity);
        envTimerPending = Arrays.copyOf(envTimerPending, envCapacity);
        envProvisioned = Arrays.copyOf(envProvisioned, envCapacity);
        envRemoveWhenDone = Arrays.copyOf(envRemoveWhenDone, envCapacity);
        envGeneration = Arrays.copyOf(envGeneration, envCapacity);
        envRequestArrival = Arrays.copyOf(envRequestArrival, envCapacity);
        envRequestInit = Arrays.copyOf(envRequestInit, envCapacity);
        envRequestDuration = Arrays.copyOf(envRequestDuration, envCapacity);
        envRequestNumber = Arrays.copyOf(envRequestNumber, envCapacity);
        envRequestMemoryUsed = Arrays.copyOf(envRequestMemoryUsed, envCapacity);
        envRequestFlags = Arrays.copyOf(envRequestFlags, envCapacity);
    }

    // ---------------------------------------------------------------- provisioned concurrency

    /**
     * The level at the start of the run is ready from the start (environments initialized before
     * the run); schedules and auto scaling then change it as the run goes.
     */
    private void startProvisioned(FunctionModel f) {
        ProvisionedSpec spec = f.spec.provisioned();
        setProvisionedLevel(f, spec.initialLevel());
        while (f.provisionedEnvironments < f.provisionedLevel) {
            int env = createEnvironment(f);
            envProvisioned[env] = true;
            f.provisionedEnvironments++;
            makeIdle(f, env);
        }
        if (spec instanceof ProvisionedSpec.Schedule s && !s.changes().isEmpty()) {
            queue.push(s.changes().get(0).atMicros(), PROVISIONED_SCHEDULE, f.index, 0);
        } else if (spec instanceof ProvisionedSpec.AutoScaling) {
            f.autoscalingLastArea = 0;
            queue.push(Units.MICROS_PER_MINUTE, AUTOSCALING_TICK, f.index, 0);
        }
    }

    /** The n-th change of a schedule (counting repeats) is requested now; it takes effect after the allocation delay. */
    private void onProvisionedSchedule(FunctionModel f, int n) {
        ProvisionedSpec.Schedule s = (ProvisionedSpec.Schedule) f.spec.provisioned();
        int k = s.changes().size();
        int level = s.changes().get(n % k).level();
        if (!(n == 0 && s.changes().get(0).atMicros() == 0)) { // a change at 0s is the initial level
            requestProvisionedLevel(f, level);
        } else {
            setProvisionedLevel(f, level);
            fillProvisioned(f);
        }
        int next = n + 1;
        if (next < k || s.repeatMicros() > 0) {
            long at = (next / k) * s.repeatMicros() + s.changes().get(next % k).atMicros();
            if (at < endMicros) {
                queue.push(at, PROVISIONED_SCHEDULE, f.index, next);
            }
        }
    }

    private void requestProvisionedLevel(FunctionModel f, int level) {
        long delay = Math.round(f.allocationDelay.quantile(f.provisionedRandom.nextDouble()));
        queue.push(now + Math.max(0, delay), PROVISIONED_CHANGE, f.index, level);
    }

    private void onProvisionedChange(FunctionModel f, int level) {
        f.autoscalingPending = false;
        setProvisionedLevel(f, level);
        // Scale in: idle environments go first, then initializing ones, then busy ones when done.
        int idle = f.provisionedIdleHead;
        while (f.provisionedEnvironments > f.provisionedLevel && idle != NONE) {
            int next = envNext[idle];
            unlinkIdle(f, idle);
            f.idleEnvironments.add(now, -1);
            f.environmentsReclaimed++;
            destroyEnvironment(f, idle);
            idle = next;
        }
        for (int env = 0; env < envCount && f.provisionedEnvironments > f.provisionedLevel; env++) {
            if (envFunction[env] == f.index && envProvisioned[env] && envState[env] == INITIALIZING) {
                f.environmentsReclaimed++;
                destroyEnvironment(f, env);
            }
        }
        for (int env = 0; env < envCount && f.provisionedEnvironments > f.provisionedLevel; env++) {
            if (envFunction[env] == f.index && envProvisioned[env] && envState[env] == BUSY && !envRemoveWhenDone[env]) {
                envRemoveWhenDone[env] = true;
                f.provisionedEnvironments--;
                // Still running: it counts against concurrency until it completes.
                f.provisionedDraining++;
                if (f.reserved < 0) {
                    unreservedBusy++;
                    unreservedProvisionedBusy--;
                }
            }
        }
        fillProvisioned(f);
    }

    /** Changes the configured level now: what counts against concurrency, and what is billed. */
    private void setProvisionedLevel(FunctionModel f, int level) {
        int delta = level - f.provisionedLevel;
        if (delta == 0) {
            return;
        }
        f.changeProvisionedLevel(now, level);
        if (f.reserved < 0) {
            unreservedProvisioned += delta;
        }
    }

    /** Initializes provisioned environments up to the level, in the background, at the scaling rate. */
    private void fillProvisioned(FunctionModel f) {
        TokenBucket bucket = accountBucket != null ? accountBucket : f.bucket;
        while (f.provisionedEnvironments < f.provisionedLevel) {
            if (!bucket.take(now)) {
                if (!f.fillPending) {
                    f.fillPending = true;
                    queue.push(bucket.nextTokenMicros(now), PROVISIONED_FILL, f.index, 0);
                }
                return;
            }
            int env = createEnvironment(f);
            envProvisioned[env] = true;
            f.provisionedEnvironments++;
            startInitializing(f, env);
        }
    }

    private void onProvisionedFill(FunctionModel f) {
        f.fillPending = false;
        fillProvisioned(f);
    }

    private void startInitializing(FunctionModel f, int env) {
        envState[env] = INITIALIZING;
        envGeneration[env]++;
        queue.push(now + f.sampleInitMicros(), PROVISIONED_READY, env, envGeneration[env]);
    }

    /** A provisioned environment recycled or reset is initialized again in the background. */
    private void reinitialize(FunctionModel f, int env) {
        f.environmentsCreated++;
        f.periodCounts[Metric.ENVIRONMENTS_RECLAIMED.ordinal()]++;
        f.periodCounts[Metric.ENVIRONMENTS_CREATED.ordinal()]++;
        envRetireAt[env] = now + Math.max(1, Math.round(f.maxLifetime.quantile(f.lifetimeRandom.nextDouble())));
        startInitializing(f, env);
    }

    private void onProvisionedReady(int env, int generation) {
        if (generation != envGeneration[env] || envState[env] != INITIALIZING) {
            return; // stale: scaled in while initializing
        }
        FunctionModel f = functions[envFunction[env]];
        if (now >= envRetireAt[env]) {
            // Initialized past its maximum lifetime (a lifetime shorter than init): recycled at once.
            f.environmentsRecycled++;
            reinitialize(f, env);
            return;
        }
        makeIdle(f, env);
    }

    /**
     * Target tracking, once a minute: the minute's utilization (busy provisioned environments /
     * level) is one datapoint; enough datapoints above target scale out, enough below the
     * scale-in threshold scale in, to level x utilization / target, within [min, max].
     */
    private void onAutoscalingTick(FunctionModel f) {
        ProvisionedSpec.AutoScaling a = (ProvisionedSpec.AutoScaling) f.spec.provisioned();
        PlatformSpec.ProvisionedRules rules = platform.provisioned();
        double area = f.provisionedBusyLevel.area(now);
        double utilization = f.provisionedLevel == 0 ? 1
                : (area - f.autoscalingLastArea) / ((double) Units.MICROS_PER_MINUTE * f.provisionedLevel);
        f.autoscalingLastArea = area;
        f.autoscalingHigh = utilization > a.targetUtilization() ? f.autoscalingHigh + 1 : 0;
        f.autoscalingLow = utilization < rules.scaleInThreshold() * a.targetUtilization() ? f.autoscalingLow + 1 : 0;
        if (!f.autoscalingPending) {
            int desired = (int) Math.min(a.max(), Math.max(a.min(),
                    Math.ceil(f.provisionedLevel * utilization / a.targetUtilization() - 1e-9)));
            boolean out = f.autoscalingHigh >= rules.scaleOutDatapoints() && desired > f.provisionedLevel;
            boolean in = f.autoscalingLow >= rules.scaleInDatapoints() && desired < f.provisionedLevel;
            if (out || in) {
                f.autoscalingPending = true;
                f.autoscalingHigh = 0;
                f.autoscalingLow = 0;
                requestProvisionedLevel(f, desired);
            }
        }
        queue.push(now + Units.MICROS_PER_MINUTE, AUTOSCALING_TICK, f.index, 0);
    }

    // ---------------------------------------------------------------- periods

    private void closePeriodsUpTo(long t) {
        while (period < series.periods() && t >= periodEnd) {
            for (FunctionModel f : functions) {
                f.closePeriod(series, period, periodEnd);
            }
            period++;
            periodEnd = Math.min(periodEnd + series.periodMicros(), endMicros);
        }
    }

    /** A bucket of tokens refilled continuously up to its size; one token creates one environment. */
    static final class TokenBucket {
        private final double size;
        private final double perMicro;
        private double tokens;
        private long last;

        TokenBucket(int size, double refillPerSecond) {
            this.size = size;
            this.perMicro = refillPerSecond / 1e6;
            this.tokens = size;
        }

        /** When the next whole token will be there (now if there is one). */
        long nextTokenMicros(long now) {
            double have = Math.min(size, tokens + (now - last) * perMicro);
            return have >= 1 ? now : now + (long) Math.ceil((1 - have) / perMicro);
        }

        boolean take(long now) {
            if (now > last) {
                tokens = Math.min(size, tokens + (now - last) * perMicro);
                last = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
