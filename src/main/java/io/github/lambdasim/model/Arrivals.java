package io.github.lambdasim.model;

import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.scenario.Units;
import java.util.Arrays;
import java.util.List;

/**
 * The traffic: each source draws its next arrival when one arrives, so one arrival event per
 * source is pending at a time. An arrival becomes a synchronous request of the source's
 * function, placed by {@link Invocations} or throttled. A source's random stream is named after
 * the source ({@code arrivals:api/poisson}), so reordering the traffic list keeps every arrival.
 *
 * <p>A warm-up comes first: each source arrives at its rate at the scenario's time 0 (a trace: its
 * first minute's), drawn from a stream of its own ({@code warmup:api/poisson}) so that the
 * arrivals after it are those of the run without it. The patterns then read the scenario's time,
 * the simulated time less the warm-up: the one place where the scenario's times are shifted.
 */
final class Arrivals {
    static final int ARRIVAL = 0;

    private final Context context;
    private final Requests requests;
    private final Invocations invocations;
    private final FunctionStats stats;

    private final TrafficSpec.Pattern[] pattern;
    private final int[] function;
    /** Whether each source invokes asynchronously. */
    private final boolean[] async;
    /** By source: its requests are synchronous and come through a front door (API Gateway...). */
    private final boolean[] frontDoor;
    /** A source of messages or records: its queue or stream (the function is then -1), and what it sends. */
    private final int[] into;
    private final boolean[] toStream;
    private final double[] poisonFraction;
    private final boolean[] randomKey;
    private final int[] keyHash;
    private final RandomStream[] poisonRandom;
    private Queues queues;
    private Streams streams;
    // Event-driven runs only (null otherwise): arrivals are roots of trees, async ones events.
    private Trees trees;
    private AsyncQueues asyncQueues;
    private final RandomStream[] random;
    /**
     * What each arrival reads, together in one record of HOT doubles: the mean gap between
     * candidates at the maximum rate, when arrivals must stop (the source's end or the run's),
     * and the source's clock. A thousand sources' arrivals then touch one cache line each.
     */
    private static final int HOT = 6;
    private static final int MEAN_GAP = 0;
    private static final int START = 1;
    private static final int END = 2;
    private static final int CLOCK = 3;
    /** 1 for a Poisson process at a fixed rate (poisson, spike): its gaps need nothing else. */
    private static final int HOMOGENEOUS = 4;
    /** A repeating spike's or ramp's period, 0 for a pattern that occurs once (the others). */
    private static final int REPEAT = 5;
    private final double[] hot;
    /** How long each occurrence of a repeating source lasts (read only for those). */
    private final long[] occurrence;
    private final long[] count;
    // Trace replay: the minute being replayed, its arrivals still to come and where the last one fell.
    private final int[] minute;
    private final long[] remaining;
    private final long[] minuteTotal;
    private final double[] position;
    /** The warm-up's length: the scenario's time 0 in simulated time. */
    private final long warmup;
    // During the warm-up (null without one): whether each source is still in it, its rate, its clock, its stream.
    private final boolean[] warming;
    private final double[] warmRate;
    private final boolean[] warmEven;
    private final double[] warmClock;
    private final RandomStream[] warmRandom;

    Arrivals(Context context, ScenarioSpec spec, List<String> functionNames, Requests requests, Invocations invocations,
             FunctionStats stats) {
        this.context = context;
        this.requests = requests;
        this.invocations = invocations;
        this.stats = stats;
        int n = spec.traffic().size();
        pattern = new TrafficSpec.Pattern[n];
        function = new int[n];
        async = new boolean[n];
        frontDoor = new boolean[n];
        random = new RandomStream[n];
        into = new int[n];
        toStream = new boolean[n];
        poisonFraction = new double[n];
        randomKey = new boolean[n];
        keyHash = new int[n];
        poisonRandom = new RandomStream[n];
        count = new long[n];
        minute = new int[n];
        Arrays.fill(minute, -1);
        remaining = new long[n];
        minuteTotal = new long[n];
        position = new double[n];
        hot = new double[n * HOT];
        occurrence = new long[n];
        warmup = context.warmup;
        warming = warmup > 0 ? new boolean[n] : null;
        warmRate = warmup > 0 ? new double[n] : null;
        warmEven = warmup > 0 ? new boolean[n] : null;
        warmClock = warmup > 0 ? new double[n] : null;
        warmRandom = warmup > 0 ? new RandomStream[n] : null;
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int f = 0; f < functionNames.size(); f++) {
            index.put(functionNames.get(f), f);
        }
        // Sources in the order of their names, each drawing from the stream named after it: the
        // order of the traffic list changes nothing, not even which of two simultaneous arrivals goes first.
        List<TrafficSpec> sources = inNameOrder(spec.traffic());
        for (int i = 0; i < n; i++) {
            TrafficSpec t = sources.get(i);
            pattern[i] = t.pattern();
            if (t.invokes()) {
                function[i] = index.get(t.function());
                async[i] = t.invocation() == TrafficSpec.Invocation.ASYNC;
                frontDoor[i] = !async[i] && spec.function(t.function()).frontDoor() != null;
            } else {
                TrafficSpec.Into to = t.into();
                function[i] = -1;
                toStream[i] = to.stream() != null;
                into[i] = toStream[i] ? indexOf(spec.streams().stream().map(x -> x.name()).toList(), to.stream())
                        : indexOf(spec.queues().stream().map(x -> x.name()).toList(), to.queue());
                poisonFraction[i] = to.poisonFraction();
                randomKey[i] = to.partitionKey() == null;
                keyHash[i] = to.partitionKey() == null ? 0 : to.partitionKey().hashCode();
                poisonRandom[i] = to.poisonFraction() > 0 ? context.stream("poison:" + t.name()) : null;
            }
            random[i] = context.stream("arrivals:" + t.name());
            double max = t.pattern().maxRate();
            hot[i * HOT + MEAN_GAP] = max > 0 ? 1e6 / max : Double.NaN;
            hot[i * HOT + START] = t.pattern().startMicros();
            long repeat = t.pattern().repeatMicros();
            hot[i * HOT + END] = Math.min(context.endMicros - warmup, repeat > 0 ? Long.MAX_VALUE : t.pattern().endMicros());
            hot[i * HOT + REPEAT] = repeat;
            occurrence[i] = t.pattern().endMicros() - t.pattern().startMicros();
            hot[i * HOT + HOMOGENEOUS] = t.pattern() instanceof TrafficSpec.Poisson
                    || t.pattern() instanceof TrafficSpec.Spike ? 1 : 0;
            // The source's last arrival time, not cut to the microsecond: gaps are drawn from it, so
            // arrivals closer than a microsecond neither stall the clock nor make the rate too high.
            hot[i * HOT + CLOCK] = 0;
            if (warming != null) {
                warmRate[i] = t.pattern().rateAt(0);
                warming[i] = warmRate[i] > 0;
                warmEven[i] = t.pattern() instanceof TrafficSpec.Constant
                        || t.pattern() instanceof TrafficSpec.Trace trace && trace.even();
                warmRandom[i] = context.stream("warmup:" + t.name());
            }
        }
    }

    private static int indexOf(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no queue or stream " + name + " (the loader checks this)");
        }
        return i;
    }

    /** Sources that send to queues or streams hand their messages and records to these. */
    void wire(Queues queues, Streams streams) {
        this.queues = queues;
        this.streams = streams;
    }

    /** The traffic sources in the order of their names: the order sources are numbered and scheduled in. */
    static List<TrafficSpec> inNameOrder(List<TrafficSpec> traffic) {
        List<TrafficSpec> sources = new java.util.ArrayList<>(traffic);
        sources.sort(java.util.Comparator.comparing(TrafficSpec::name));
        return sources;
    }

    /** Makes the run event-driven: each arrival is the root of a tree, numbered by its source. */
    void wire(Trees trees, AsyncQueues asyncQueues) {
        this.trees = trees;
        this.asyncQueues = asyncQueues;
    }

    /** Schedules every source's first arrival. */
    void start() {
        for (int i = 0; i < pattern.length; i++) {
            schedule(i);
        }
    }

    void onArrival(int source) {
        int f = function[source];
        schedule(source);
        if (f < 0) {
            boolean poison = poisonRandom[source] != null && poisonRandom[source].nextDouble() < poisonFraction[source];
            if (toStream[source]) {
                streams.put(into[source], 1, randomKey[source], keyHash[source], poison);
            } else {
                queues.send(into[source], 1, poison);
            }
            return;
        }
        stats.request(f);
        if (frontDoor[source]) {
            stats.frontDoorRequest(f);
        }
        if (trees != null) {
            arriveInTree(source, f);
            return;
        }
        int req = requests.create(f, Requests.SYNC, context.now);
        if (!invocations.start(req)) {
            stats.throttle(f, context.now);
            requests.free(req);
        }
    }

    private void arriveInTree(int source, int f) {
        if (async[source]) {
            asyncQueues.received(trees.root(f, Requests.ASYNC, source));
            return;
        }
        int req = trees.root(f, Requests.SYNC, source);
        if (!invocations.start(req)) {
            stats.throttle(f, context.now);
            trees.throttled(req);
            trees.finish(req, Trees.FAILED);
        }
    }

    private void schedule(int source) {
        if (warming != null && warming[source]) {
            long w = nextWarm(source);
            if (w < warmup) {
                context.queue.push(w, ARRIVAL, source, 0);
                return;
            }
            warming[source] = false;
        }
        long next = next(source);
        if (next < hot[source * HOT + END]) {
            context.queue.push(next + warmup, ARRIVAL, source, 0);
        }
    }

    /** The next arrival of the warm-up, at the source's rate at the scenario's time 0: evenly spaced or Poisson. */
    private long nextWarm(int source) {
        double gap = 1e6 / warmRate[source];
        warmClock[source] += warmEven[source] ? gap : warmRandom[source].nextExponential(gap);
        return (long) warmClock[source];
    }

    /**
     * The next arrival after the source's last one: evenly spaced for constant traffic,
     * exponential gaps for Poisson traffic, and thinning (candidates at the maximum rate, each
     * kept with probability rate(t) / max) for time-varying rates, which samples them exactly. A
     * repeating source draws only within its occurrences: a gap that ends between two goes on from
     * the start of the next (the exponential gap has no memory, so this is exact, and the hours
     * between occurrences cost no draws).
     */
    private long next(int source) {
        int h = source * HOT;
        double meanGap = hot[h + MEAN_GAP];
        if (Double.isNaN(meanGap)) {
            return Long.MAX_VALUE; // a rate of zero
        }
        RandomStream r = random[source];
        boolean homogeneous = hot[h + HOMOGENEOUS] != 0;
        TrafficSpec.Pattern p = homogeneous ? null : pattern[source];
        if (p instanceof TrafficSpec.Trace trace) {
            return nextTraceArrival(source, trace, r);
        }
        if (p instanceof TrafficSpec.Constant c) {
            // The k-th arrival at start + k / rate, computed from k so that rounding never drifts.
            return p.startMicros() + Math.round(count[source]++ * 1e6 / c.ratePerSecond());
        }
        double end = hot[h + END];
        double t = Math.max(hot[h + CLOCK], hot[h + START]);
        double repeat = hot[h + REPEAT];
        while (true) {
            t += r.nextExponential(meanGap);
            if (t >= end) {
                return Long.MAX_VALUE;
            }
            if (repeat != 0) {
                double into = (t - hot[h + START]) % repeat;
                if (into >= occurrence[source]) {
                    t += repeat - into;
                    continue;
                }
            }
            if (homogeneous || r.nextDouble() * p.maxRate() <= p.rateAt((long) t)) {
                hot[h + CLOCK] = t;
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
        while (remaining[source] == 0) {
            int m = ++minute[source];
            if (m >= trace.minutes()) {
                return Long.MAX_VALUE;
            }
            double scaled = trace.count(m) * trace.scale();
            long c = (long) scaled;
            if (r.nextDouble() < scaled - c) {
                c++;
            }
            remaining[source] = c;
            minuteTotal[source] = c;
            position[source] = 0;
        }
        long left = remaining[source]--;
        double at;
        if (trace.even()) {
            at = (minuteTotal[source] - left + 0.5) / minuteTotal[source];
        } else {
            // The smallest of `left` uniforms on (position, 1).
            double last = position[source];
            at = last + (1 - last) * (1 - Math.pow(r.nextDouble(), 1.0 / left));
        }
        position[source] = at;
        return trace.startMicros() + minute[source] * Units.MICROS_PER_MINUTE + (long) (at * Units.MICROS_PER_MINUTE);
    }
}
