package io.github.lambdasim.model;

import io.github.lambdasim.billing.ProvisionedInterval;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.ProvisionedSpec;
import io.github.lambdasim.scenario.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * Provisioned concurrency: each function's configured level over time (fixed, a schedule, or
 * target tracking), the environments kept initialized for it, and the intervals it is billed
 * for. The level at the start of the run is ready from the start; a change takes effect after
 * the allocation delay, then environments initialize in the background at the scaling rate, and
 * a scale-in removes idle environments first, then initializing ones, then busy ones when done.
 * The configured level itself lives in {@link Admission}, where it counts against concurrency.
 */
final class Provisioned {
    static final int READY = 3;
    static final int FILL = 4;
    static final int CHANGE = 5;
    static final int SCHEDULE = 6;
    static final int AUTOSCALING_TICK = 7;

    private final Context context;
    private final FunctionModel[] functions;
    private final Admission admission;
    private final Environments environments;
    private final FunctionStats stats;
    private final PlatformSpec.ProvisionedRules rules;

    /** Environments kept for the level: initializing, idle or busy (not those scaled in while busy). */
    private final int[] kept;
    private final boolean[] fillPending;
    private final double[] autoscalingLastArea;
    private final int[] autoscalingHigh;
    private final int[] autoscalingLow;
    private final boolean[] autoscalingPending;
    private final long[] intervalSince;
    /** By environment id: when its init began, and whether it runs past the limit (and fails there). */
    private long[] initStartedAt = new long[256];
    private boolean[] initFails = new boolean[256];
    /** Billed intervals of each function with provisioned concurrency (null for the others). */
    private final List<List<ProvisionedInterval>> intervals = new ArrayList<>();

    Provisioned(Context context, FunctionModel[] functions, Admission admission, Environments environments,
                FunctionStats stats, PlatformSpec platform) {
        this.context = context;
        this.functions = functions;
        this.admission = admission;
        this.environments = environments;
        this.stats = stats;
        this.rules = platform.provisioned();
        int n = functions.length;
        kept = new int[n];
        fillPending = new boolean[n];
        autoscalingLastArea = new double[n];
        autoscalingHigh = new int[n];
        autoscalingLow = new int[n];
        autoscalingPending = new boolean[n];
        intervalSince = new long[n];
        for (int f = 0; f < n; f++) {
            intervals.add(null);
        }
    }

    /**
     * The level at the start of the run is ready from the start (environments initialized before
     * the run); schedules and auto scaling then change it as the run goes. A schedule's times are
     * the scenario's: after the warm-up, during which the level is the one at the scenario's time 0.
     */
    void start(int f) {
        ProvisionedSpec spec = functions[f].spec.provisioned();
        setLevel(f, spec.initialLevel());
        while (kept[f] < admission.provisionedLevel(f)) {
            int env = environments.create(f, true);
            kept[f]++;
            environments.makeIdle(env);
        }
        if (spec instanceof ProvisionedSpec.Schedule s && !s.changes().isEmpty()) {
            context.queue.push(context.warmup + s.changes().get(0).atMicros(), SCHEDULE, f, 0);
        } else if (spec instanceof ProvisionedSpec.AutoScaling) {
            autoscalingLastArea[f] = 0;
            context.queue.push(Units.MICROS_PER_MINUTE, AUTOSCALING_TICK, f, 0);
        }
    }

    /** The n-th change of a schedule (counting repeats) is requested now; it takes effect after the allocation delay. */
    void onSchedule(int f, int n) {
        ProvisionedSpec.Schedule s = (ProvisionedSpec.Schedule) functions[f].spec.provisioned();
        int k = s.changes().size();
        int level = s.changes().get(n % k).level();
        if (!(n == 0 && s.changes().get(0).atMicros() == 0)) { // a change at 0s is the initial level
            requestLevel(f, level);
        } else {
            setLevel(f, level);
            fill(f);
        }
        int next = n + 1;
        if (next < k || s.repeatMicros() > 0) {
            long at = context.warmup + (next / k) * s.repeatMicros() + s.changes().get(next % k).atMicros();
            if (at < context.endMicros) {
                context.queue.push(at, SCHEDULE, f, next);
            }
        }
    }

    private void requestLevel(int f, int level) {
        long delay = functions[f].sampleAllocationDelayMicros();
        context.queue.push(context.now + Math.max(0, delay), CHANGE, f, level);
    }

    void onChange(int f, int level) {
        autoscalingPending[f] = false;
        setLevel(f, level);
        // Scale in: idle environments go first, then initializing ones, then busy ones when done.
        int idle = environments.idleTop(f, true);
        while (kept[f] > admission.provisionedLevel(f) && idle != Environments.NONE) {
            int next = environments.nextIdle(idle);
            environments.unlinkIdle(idle);
            stats.idleChanged(f, -1);
            stats.reclaimed(f);
            environments.destroy(idle);
            idle = next;
        }
        for (int env = 0; env < environments.slots() && kept[f] > admission.provisionedLevel(f); env++) {
            if (environments.function(env) == f && environments.isProvisioned(env)
                    && environments.state(env) == Environments.INITIALIZING) {
                stats.provisionedInitRan(f, context.now - initStartedAt[env]);
                stats.reclaimed(f);
                environments.destroy(env);
            }
        }
        for (int env = 0; env < environments.slots() && kept[f] > admission.provisionedLevel(f); env++) {
            if (environments.function(env) == f && environments.isProvisioned(env)
                    && environments.state(env) == Environments.BUSY && !environments.removeWhenDone(env)) {
                environments.markRemoveWhenDone(env);
                kept[f]--;
                // Still running: it counts against concurrency until it completes.
                admission.drain(f);
            }
        }
        fill(f);
    }

    /** Changes the configured level now: what counts against concurrency, and what is billed. */
    private void setLevel(int f, int level) {
        int old = admission.provisionedLevel(f);
        if (level == old) {
            return;
        }
        closeInterval(f, context.now);
        stats.provisionedLevelChanged(f, level - old);
        admission.setProvisionedLevel(f, level);
    }

    /** Initializes provisioned environments up to the level, in the background, at the scaling rate. */
    private void fill(int f) {
        TokenBucket bucket = admission.bucket(f);
        while (kept[f] < admission.provisionedLevel(f)) {
            if (!bucket.take(context.now)) {
                if (!fillPending[f]) {
                    fillPending[f] = true;
                    context.queue.push(bucket.nextTokenMicros(context.now), FILL, f, 0);
                }
                return;
            }
            int env = environments.create(f, true);
            kept[f]++;
            startInitializing(env, false);
        }
    }

    void onFill(int f) {
        fillPending[f] = false;
        fill(f);
    }

    /**
     * Initializes {@code env} in the background. An init longer than the limit (130 s, or the
     * function timeout when longer) fails there and starts again; every init is billed for the
     * time it ran, whether or not the environment then serves a request.
     */
    private void startInitializing(int env, boolean recycled) {
        int generation = environments.startInitializing(env, recycled);
        FunctionModel fm = functions[environments.function(env)];
        long init = fm.sampleInitMicros();
        if (env >= initStartedAt.length) {
            int n = Math.max(env + 1, initStartedAt.length * 2);
            initStartedAt = java.util.Arrays.copyOf(initStartedAt, n);
            initFails = java.util.Arrays.copyOf(initFails, n);
        }
        initStartedAt[env] = context.now;
        initFails[env] = init > fm.maxInitProvisionedMicros;
        context.queue.push(context.now + Math.min(init, fm.maxInitProvisionedMicros), READY, env, generation);
    }

    /** A provisioned environment recycled or reset is initialized again in the background. */
    void reinitialize(int env) {
        stats.environmentReinitialized(environments.function(env));
        startInitializing(env, true);
    }

    void onReady(int env, int generation) {
        if (generation != environments.generation(env) || environments.state(env) != Environments.INITIALIZING) {
            return; // stale: scaled in while initializing
        }
        int f = environments.function(env);
        stats.provisionedInitRan(f, context.now - initStartedAt[env]);
        if (initFails[env]) {
            startInitializing(env, false);
            return;
        }
        if (context.now >= environments.retireAt(env)) {
            // Initialized past its maximum lifetime (a lifetime shorter than init): recycled at once.
            stats.recycled(environments.function(env));
            reinitialize(env);
            return;
        }
        environments.makeIdle(env);
    }

    /** A provisioned environment kept for the level was shut down. */
    void environmentGone(int f) {
        kept[f]--;
    }

    /**
     * Target tracking, once a minute: the minute's utilization (busy provisioned environments /
     * level) is one datapoint; enough datapoints above target scale out, enough below the
     * scale-in threshold scale in, to level x utilization / target, within [min, max].
     */
    void onAutoscalingTick(int f) {
        ProvisionedSpec.AutoScaling a = (ProvisionedSpec.AutoScaling) functions[f].spec.provisioned();
        int level = admission.provisionedLevel(f);
        double area = stats.provisionedBusyArea(f, context.now);
        double utilization = level == 0 ? 1
                : (area - autoscalingLastArea[f]) / ((double) Units.MICROS_PER_MINUTE * level);
        autoscalingLastArea[f] = area;
        autoscalingHigh[f] = utilization > a.targetUtilization() ? autoscalingHigh[f] + 1 : 0;
        autoscalingLow[f] = utilization < rules.scaleInThreshold() * a.targetUtilization() ? autoscalingLow[f] + 1 : 0;
        if (!autoscalingPending[f]) {
            int desired = (int) Math.min(a.max(), Math.max(a.min(),
                    Math.ceil(level * utilization / a.targetUtilization() - 1e-9)));
            boolean out = autoscalingHigh[f] >= rules.scaleOutDatapoints() && desired > level;
            boolean in = autoscalingLow[f] >= rules.scaleInDatapoints() && desired < level;
            if (out || in) {
                autoscalingPending[f] = true;
                autoscalingHigh[f] = 0;
                autoscalingLow[f] = 0;
                requestLevel(f, desired);
            }
        }
        context.queue.push(context.now + Units.MICROS_PER_MINUTE, AUTOSCALING_TICK, f, 0);
    }

    /** The enabled interval so far is closed for billing (at a change of level, and at the end of the run). */
    void closeInterval(int f, long now) {
        int level = admission.provisionedLevel(f);
        if (level > 0 && now > intervalSince[f]) {
            if (intervals.get(f) == null) {
                intervals.set(f, new ArrayList<>());
            }
            intervals.get(f).add(new ProvisionedInterval(level, intervalSince[f], now));
        }
        intervalSince[f] = now;
    }

    /** The billed intervals of {@code f}, in order. */
    List<ProvisionedInterval> intervals(int f) {
        return intervals.get(f) == null ? List.of() : intervals.get(f);
    }
}
