package io.github.lambdasim.model;

import io.github.lambdasim.scenario.DistributionSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ProvisionedSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.StepSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.scenario.Units;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodRecorder;
import io.github.lambdasim.stats.Recorder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run will cost before it starts, from the scenario alone: the work (requests expected
 * from the traffic, weighted by what each one costs the engine) and an upper bound of the memory
 * it holds. A command refuses runs that would never end or could not fit, instead of hanging or
 * dying of an out-of-memory error halfway.
 *
 * <p>Work is counted in simple requests: a request whose handler draws one duration. Draws of
 * further steps and I/O calls, events that do not come from requests (auto scaling, provisioned
 * schedules, provisioned environments recycled at their maximum lifetime) and the scan of the
 * environments at each provisioned change are converted at their measured cost relative to one.
 *
 * @param requests              expected requests over the run
 * @param drawsPerRequest       random draws per invocation (steps and I/O calls)
 * @param work                  the run's work, in simple requests
 * @param provisionedWork       the part of it spent on provisioned concurrency changes and timers
 * @param metricsWork           the part of it spent closing periods and writing metrics.csv
 * @param environments          an upper bound of the execution environments alive at once
 * @param provisionedChanges    provisioned concurrency changes requested over the run (an upper bound)
 * @param metricRows            rows of metrics.csv (the periods each function is likely active in)
 * @param memoryBytes           an upper bound of the memory the run holds at its peak
 * @param seconds               a rough wall-clock time on one core
 */
public record RunEstimate(double requests, double drawsPerRequest, double work, double provisionedWork,
                          double metricsWork, double environments,
                          double provisionedChanges, double metricRows, double memoryBytes, double seconds) {
    /** The default ceiling on the work of one run: about ten minutes of simulation. */
    public static final double DEFAULT_MAX_WORK = 2e9;
    /** Simple requests per second on one core (README "Speed" measures 3.4 million; kept round and low). */
    static final double SIMPLE_REQUESTS_PER_SECOND = 3e6;
    /** A draw costs about a tenth of a request's events (the quantile of one uniform). */
    private static final double DRAW_COST = 0.1;
    /** A metrics row (closing the period, formatting 30 numbers) costs about as much as 100 requests. */
    private static final double ROW_COST = 100;
    /** Per environment slot: the environment's and its invocation's arrays (about 110 bytes), doubled while growing, plus its events. */
    private static final double BYTES_PER_ENVIRONMENT = 2 * 110 + 3 * 2 * 28;
    /** Per metrics.csv row: the period values, 8 bytes each (the file is written row by row). */
    private static final double BYTES_PER_METRIC_ROW = 8 * Metric.values().length + 8;
    /**
     * Per function whatever it does: its compiled model and random streams, its statistics' fixed
     * part, its result, and its part of summary.json while that is written.
     */
    private static final double BYTES_PER_FUNCTION = 16_000;
    /** Per provisioned change: the billed interval it closes. */
    private static final double BYTES_PER_CHANGE = 64;
    /** What the simulator needs whatever the scenario: classes, presets, billing tables. */
    private static final double BASE_BYTES = 64e6;
    /** A throttled attempt of an event: its retry's event and a check, about half a request's work. */
    private static final double THROTTLE_COST = 0.5;

    public static RunEstimate of(ScenarioSpec spec, long periodMicros) {
        long duration = spec.durationMicros();
        double requests = 0;
        double draws = 0;
        double extraDraws = 0;
        double environments = 0;
        double changes = 0;
        double otherEvents = 0;
        double changeScans = 0;
        double histogramBytes = 0;
        double periods = Math.max(1, Math.ceil(duration / (double) periodMicros));
        double rows = 0;
        long reservedSum = 0;
        for (FunctionSpec f : spec.functions()) {
            if (f.hasReservedConcurrency()) {
                reservedSum += f.reservedConcurrency();
            }
        }
        long pool = Math.max(0, spec.account().concurrencyLimit() - reservedSum);
        double idleMax = upper(spec.platform().idleLifetimeMicros());
        // Per function: its expected requests and the sum of its sources' maximum rates (one pass, not one per function).
        Map<String, double[]> byFunction = new HashMap<>();
        for (TrafficSpec t : spec.traffic()) {
            // Messages and records reach their consumers in batches: at most one invocation each, as a bound.
            // The warm-up's requests too: the source at its rate at time 0 for that long.
            for (String consumer : consumers(spec, t)) {
                double[] sums = byFunction.computeIfAbsent(consumer, k -> new double[2]);
                sums[0] += t.pattern().expectedCount(duration) + t.pattern().rateAt(0) * (spec.warmupMicros() / 1e6);
                sums[1] += t.pattern().maxRate();
            }
        }
        Map<String, Double> caused = spec.eventDriven() ? causedRequests(spec, byFunction) : Map.of();
        Set<String> asyncTargets = spec.eventDriven() ? spec.asyncTargets() : Set.of();
        double work0 = 0;
        for (FunctionSpec f : spec.functions()) {
            double[] sums = byFunction.getOrDefault(f.name(), new double[2]);
            double fromTraffic = Math.max(sums[0], 1e-300);
            double fRequests = sums[0] + caused.getOrDefault(f.name(), 0.0);
            // Calls and events come at the rate of the traffic that causes them: scale the peak alike.
            double maxRate = sums[0] > 0 ? sums[1] * fRequests / fromTraffic
                    : fRequests / Math.max(1e-6, duration / 1e6) * 10;
            requests += fRequests;
            if (asyncTargets.contains(f.name())) {
                work0 += THROTTLE_COST * asyncThrottles(spec, f, fRequests, maxRate, pool);
            }
            double stepDraws = draws(f.handler().steps());
            draws += fRequests * stepDraws;
            extraDraws += fRequests * Math.max(0, stepDraws - 1);

            ProvisionedSpec p = f.provisioned();
            int provisionedMax = p.maxLevel();
            var scaling = spec.platform().scaling();
            double fChanges = 0;
            double spacingSeconds = 0;
            if (p instanceof ProvisionedSpec.Schedule s && !s.changes().isEmpty()) {
                long span = s.repeatMicros() > 0 ? s.repeatMicros() : duration;
                fChanges = s.repeatMicros() > 0 ? s.changes().size() * Math.ceil(duration / (double) s.repeatMicros())
                        : s.changes().size();
                spacingSeconds = span / 1e6 / s.changes().size();
                otherEvents += 2 * fChanges;
            } else if (p instanceof ProvisionedSpec.AutoScaling) {
                double ticks = duration / (double) Units.MICROS_PER_MINUTE;
                otherEvents += ticks;
                // Scaling out takes 3 datapoints above target, scaling in 15 below: at most two changes per 18 minutes.
                spacingSeconds = 9 * 60;
                fChanges = ticks / 9;
            }
            // A change creates (and a later one removes) environments, as many as the scaling rate allows.
            double perChange = Math.min(provisionedMax, scaling.burst() + scaling.refillPerSecond() * spacingSeconds);
            otherEvents += fChanges * perChange * 3;
            // Provisioned environments are recycled at their maximum lifetime and initialized again,
            // busy or not: with a short lifetime and a short init, that is most of the work.
            if (provisionedMax > 0) {
                double cycleSeconds = (spec.platform().maxLifetimeMicros().mean() + initLowerBoundMicros(spec, f)) / 1e6;
                double recycles = provisionedMax * (duration / 1e6) / Math.max(1e-6, cycleSeconds);
                otherEvents += recycles * 4;
                extraDraws += recycles * (draws(f.init()) + 1);
            }
            changes += fChanges;

            // Environments alive at once were each busy at some moment of the last idle lifetime,
            // so there are no more than the most requests in flight at once in that time: those
            // arriving within one invocation's longest time (timeout and init) at the highest rate,
            // with a margin of six standard deviations of a Poisson count; and never more than the
            // function's concurrency allows, plus the provisioned ones.
            double inFlight = maxRate * (f.timeoutMicros() + spec.platform().maxInitMicros()) / 1e6;
            double byTraffic = inFlight + 6 * Math.sqrt(inFlight) + 6;
            double byLimit = (f.hasReservedConcurrency() ? f.reservedConcurrency() : pool) + provisionedMax;
            double fEnvironments = Math.min(byTraffic, byLimit) + 2.0 * provisionedMax;
            environments += fEnvironments;
            changeScans += fChanges;
            // Cold starts draw the init steps: one per environment created, which the scaling rate bounds.
            double created = Math.min(fRequests, scaling.burst() + scaling.refillPerSecond() * duration / 1e6) + fChanges;
            extraDraws += created * (draws(f.init()) + 1);
            histogramBytes += recorderBytes(fRequests, created, maxRate * periodMicros / 1e6,
                    f.timeoutMicros() + spec.platform().maxInitMicros());
            // A function has a row in the periods it is active in: those with a request, and
            // those its environments stay alive in after one (an idle lifetime); all of them with
            // provisioned concurrency.
            double activePeriods = provisionedMax > 0 ? periods
                    : Math.min(periods, fRequests * (1 + Math.ceil(idleMax / periodMicros)));
            rows += activePeriods;
        }
        // Each provisioned change scans the environment slots once.
        double provisionedWork = otherEvents + changeScans * environments * DRAW_COST;
        double work = requests + work0 + extraDraws * DRAW_COST + provisionedWork;
        double drawsPerRequest = requests > 0 ? draws / requests : 0;
        int functions = spec.functions().size();
        double metricsWork = rows * ROW_COST;
        work += metricsWork;
        double memory = BASE_BYTES + functions * BYTES_PER_FUNCTION + environments * BYTES_PER_ENVIRONMENT
                + rows * BYTES_PER_METRIC_ROW + changes * BYTES_PER_CHANGE + histogramBytes + spec.traffic().size() * 512.0;
        return new RunEstimate(requests, drawsPerRequest, work, provisionedWork, metricsWork, environments, changes, rows, memory,
                work / SIMPLE_REQUESTS_PER_SECOND);
    }

    /**
     * The requests each function gets from others in an event-driven run: invoke steps (each call
     * of each target, per invocation of the caller: an event's retries after errors included) and
     * destinations, followed through the call graph; a loop of asynchronous calls is followed as
     * far as recursion detection lets it (the platform's limit, or 32 hops where there is none).
     * Throttled attempts of events are not counted: they cost little and depend on the run.
     */
    private static Map<String, Double> causedRequests(ScenarioSpec spec, Map<String, double[]> traffic) {
        Map<String, FunctionSpec> byName = new HashMap<>();
        for (FunctionSpec f : spec.functions()) {
            byName.put(f.name(), f);
        }
        Map<String, Double> total = new HashMap<>();
        Map<String, Double> wave = new HashMap<>();
        for (var e : traffic.entrySet()) {
            wave.put(e.getKey(), e.getValue()[0]);
        }
        int limit = spec.platform().events().recursionLimit();
        int hops = limit > 0 ? limit : 32;
        for (int hop = 1; hop < hops && !wave.isEmpty(); hop++) {
            Map<String, Double> next = new HashMap<>();
            for (var e : wave.entrySet()) {
                FunctionSpec f = byName.get(e.getKey());
                if (f == null || e.getValue() < 1e-9) {
                    continue;
                }
                double p = f.handler().errorRate();
                for (var o : f.handler().outages()) {
                    p = Math.max(p, o.errorRate());
                }
                int retries = f.async().maximumRetryAttempts();
                double attempts = p < 1 ? (1 - Math.pow(p, retries + 1)) / (1 - p) : retries + 1;
                double invocations = e.getValue() * attempts;
                for (StepSpec s : f.handler().steps()) {
                    if (s instanceof StepSpec.Invoke call) {
                        for (String target : call.functions()) {
                            next.merge(target, invocations * call.calls(), Double::sum);
                        }
                    }
                }
                if (f.async().onSuccess() != null && f.async().onSuccess().function() != null) {
                    next.merge(f.async().onSuccess().function(), e.getValue(), Double::sum);
                }
                if (f.async().onFailure() != null && f.async().onFailure().function() != null) {
                    next.merge(f.async().onFailure().function(), e.getValue() * Math.pow(p, retries + 1), Double::sum);
                }
            }
            for (var e : next.entrySet()) {
                total.merge(e.getKey(), e.getValue(), Double::sum);
            }
            wave = next;
        }
        return total;
    }

    /**
     * Throttled attempts of a function's events when they come faster than its capacity serves
     * them: each waiting event backs off up to the longest wait (about log2(max / first) + 1
     * attempts), then is tried once per (jittered) longest wait while the backlog drains, half the
     * drain on average (the drain capped at the maximum event age).
     */
    private static double asyncThrottles(ScenarioSpec spec, FunctionSpec f, double requests, double maxRate, long pool) {
        double capacity = f.hasReservedConcurrency() ? f.reservedConcurrency() : pool;
        double serviceRate = capacity / Math.max(1e-6, handlerMeanMicros(f, spec) / 1e6);
        if (maxRate <= serviceRate) {
            return 0;
        }
        var rules = spec.platform().events();
        double first = Math.max(1, rules.throttleBackoffMinMicros());
        double longest = rules.throttleBackoffMaxMicros();
        double ramp = Math.log(Math.max(1, longest / first)) / Math.log(2) + 1;
        double drainSeconds = Math.min(f.async().maximumEventAgeMicros() / 1e6,
                requests / Math.max(1e-9, serviceRate));
        double wait = longest * (1 - rules.throttleBackoffJitter() / 2) / 1e6;
        return requests * (ramp + drainSeconds / 2 / Math.max(1e-6, wait));
    }

    /** A handler's mean duration: its CPU at the memory's share of a vCPU, its I/O and waits. */
    static double handlerMeanMicros(FunctionSpec f, ScenarioSpec spec) {
        double cpuFactor = Workload.cpuFactor(f.memoryMb(), spec.platform(), f.handler());
        double micros = 0;
        for (StepSpec s : f.handler().steps()) {
            if (s instanceof StepSpec.Cpu c) {
                micros += c.cpuMicros().mean() * cpuFactor;
            } else if (s instanceof StepSpec.Wait w) {
                micros += w.micros().mean();
            } else if (s instanceof StepSpec.Io io) {
                micros += io.latencyMicros().mean() * (io.mode() == StepSpec.IoMode.SEQUENTIAL ? io.calls() : 1);
            }
        }
        return micros;
    }

    /** A lower bound of a cold start's mean: the platform part's median and the init steps' means. */
    private static double initLowerBoundMicros(ScenarioSpec spec, FunctionSpec f) {
        var platform = spec.platform();
        double micros;
        if (f.coldStartMicros() != null) {
            micros = f.coldStartMicros().mean();
        } else {
            String family = platform.runtimeFamily(f.runtime());
            Long median = family == null ? null : platform.runtimeColdStartMedianMicros().get(family);
            micros = (median == null ? 0 : median) + f.packageSizeMb() * platform.packageMicrosPerMb();
        }
        for (StepSpec s : f.init()) {
            if (s instanceof StepSpec.Cpu c) {
                micros += c.cpuMicros().mean();
            } else if (s instanceof StepSpec.Wait w) {
                micros += w.micros().mean();
            } else if (s instanceof StepSpec.Io io) {
                micros += io.latencyMicros().mean() * (io.mode() == StepSpec.IoMode.SEQUENTIAL ? io.calls() : 1);
            }
        }
        return micros;
    }

    /** Random draws one run of these steps takes (one per step, one per I/O call). */
    private static double draws(List<StepSpec> steps) {
        double n = 0;
        for (StepSpec s : steps) {
            n += s instanceof StepSpec.Io io && io.mode() != StepSpec.IoMode.BATCH ? io.calls() : 1;
        }
        return n;
    }

    /** A value almost no draw exceeds (the 1 - 1e-6 quantile). */
    private static double upper(DistributionSpec d) {
        double q = d.quantile(1 - 1e-6);
        return Double.isFinite(q) ? q : Double.MAX_VALUE / 4;
    }

    /**
     * Bytes a function's recorders hold at most: the values of its warm invocations (4 bytes
     * each, doubled while growing) up to the recorder's limit, or beyond it a 3-digit histogram;
     * the cold starts' three recorders likewise; per period, up to 256 values of duration and
     * latency, or 2-digit histograms for a function with more in a period.
     */
    static double recorderBytes(double invocations, double coldStarts, double perPeriod, long maxMicros) {
        double warm = invocations > Recorder.EXACT_LIMIT ? histogramBytes(maxMicros) : 8 * invocations + 64;
        double cold = coldStarts > Recorder.EXACT_LIMIT ? 3 * histogramBytes(maxMicros) : 3 * (8 * coldStarts + 64);
        double period = perPeriod > PeriodRecorder.EXACT_LIMIT ? 2 * (histogramBytes(maxMicros) / 8 + 8 * 256) : 2 * 8 * 256;
        return warm + cold + period;
    }

    /**
     * Bytes of an HdrHistogram with 3 significant digits once it has grown to hold values up to
     * {@code maxMicros}: 1,024 counts of 8 bytes per power of two above 2,048.
     */
    static double histogramBytes(long maxMicros) {
        int buckets = 1;
        long top = 2048;
        while (top < maxMicros && buckets < 64) {
            top <<= 1;
            buckets++;
        }
        return (buckets + 1) * 1024 * 8.0;
    }

    /** The functions a traffic source's requests, messages or records reach directly. */
    static List<String> consumers(ScenarioSpec spec, TrafficSpec t) {
        if (t.invokes()) {
            return List.of(t.function());
        }
        List<String> out = new java.util.ArrayList<>();
        for (FunctionSpec f : spec.functions()) {
            var es = f.eventSource();
            if (es != null && es.source().equals(t.into().target()) && (es.queue() != null) == (t.into().queue() != null)) {
                out.add(f.name());
            }
        }
        return out;
    }
}
