package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.stats.PeriodSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a scenario: the event loop and the wiring of the components that model the
 * platform ({@link Arrivals}, {@link Requests}, {@link Admission}, {@link Environments},
 * {@link Invocations}, {@link Provisioned}, {@link FunctionStats}; see src/site/architecture.md).
 * Each event type belongs to one component, and the loop's one switch hands the event to it.
 *
 * <p>The loop allocates nothing per event: events live in an {@code EventQueue} of primitive
 * arrays and entities are int ids into the components' arrays. A simulation holds no global
 * state, so several can run at once on different threads. When the clock reaches the end, the
 * recorded usage is frozen into an immutable {@link RunResult} and billed.
 */
public final class Simulation {
    private static final int PROGRESS_EVERY = 1 << 20;
    /** REPORT lines kept per run: every cold start up to COLD_SAMPLES, and about SAMPLES in all. */
    static final int SAMPLES = 1000;
    static final int COLD_SAMPLES = 200;

    private final ScenarioSpec spec;
    private final Context context;
    private final ProgressListener progress;
    private final FunctionModel[] functions;
    private final PeriodSeries.Builder series;
    private final InvocationSample samples;
    private final FunctionStats stats;
    private final Admission admission;
    private final Provisioned provisioned;
    private final Arrivals arrivals;
    private final Environments environments;
    private final Invocations invocations;
    private final Requests requests;
    /** Of an event-driven run; null otherwise. */
    private final EntryPoints entryPoints;
    private final TraceSampler tracer;
    private final AsyncQueues asyncQueues;
    private final Calls calls;
    /** Of a run with SQS queues or streams; null otherwise. */
    private final Queues queues;
    private final Streams streams;
    private final List<String> names;
    private long events;

    /** Tells {@code log} of every invocation as it ends (before {@link #run}); none by default. */
    public Simulation withInvocationLog(InvocationLog log) {
        invocations.log(log);
        return this;
    }

    public Simulation(ScenarioSpec spec, int replication, Long periodMicros, ProgressListener progress) {
        this.spec = spec;
        // The warm-up first, then the scenario's duration; measured: its window, by default all of it.
        this.context = new Context(spec.seed(), replication, spec.runMicros(), spec.warmupMicros(), spec.measureFromMicros(),
                spec.measureToMicros());
        this.progress = progress == null ? ProgressListener.NONE : progress;

        List<FunctionSpec> fs = spec.functions();
        functions = new FunctionModel[fs.size()];
        names = new ArrayList<>();
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < functions.length; i++) {
            names.add(fs.get(i).name());
            ids.put(fs.get(i).name(), i);
        }
        java.util.Map<String, Integer> sourceIds = new java.util.HashMap<>();
        for (int q = 0; q < spec.queues().size(); q++) {
            sourceIds.put("queue:" + spec.queues().get(q).name(), q);
        }
        for (int s = 0; s < spec.streams().size(); s++) {
            sourceIds.put("stream:" + spec.streams().get(s).name(), s);
        }
        for (int i = 0; i < functions.length; i++) {
            functions[i] = new FunctionModel(fs.get(i), spec.platform(), context, ids, sourceIds);
        }
        long measured = spec.measuredMicros();
        long period = periodMicros != null ? periodMicros : defaultPeriodMicros(measured);
        boolean eventDriven = spec.eventDriven();
        series = new PeriodSeries.Builder(period, measured, names, eventDriven);
        samples = new InvocationSample(SAMPLES + COLD_SAMPLES, COLD_SAMPLES,
                (long) Math.ceil(spec.expectedRequests() / SAMPLES));

        requests = new Requests(samples.every(), eventDriven);
        admission = new Admission(spec);
        stats = new FunctionStats(context, functions, admission, series, eventDriven);
        environments = new Environments(context, functions, stats);
        invocations = new Invocations(context, functions, requests, admission, environments, stats, samples);
        provisioned = new Provisioned(context, functions, admission, environments, stats, spec.platform());
        environments.wire(provisioned);
        invocations.wire(provisioned);
        arrivals = new Arrivals(context, spec, names, requests, invocations, stats);
        if (eventDriven) {
            var rules = spec.platform().events();
            List<TrafficSpec> sources = Arrivals.inNameOrder(spec.traffic());
            entryPoints = new EntryPoints(sources);
            tracer = new TraceSampler(context, requests, functions, sources.stream().map(TrafficSpec::name).toList());
            Trees trees = new Trees(context, requests, stats, entryPoints, tracer, rules.recursionLimit());
            asyncQueues = new AsyncQueues(context, functions, requests, trees, stats, rules);
            calls = new Calls(context, functions, requests, trees, stats, rules);
            trees.wire(calls);
            asyncQueues.wire(invocations);
            calls.wire(invocations);
            invocations.wire(trees, asyncQueues, calls, entryPoints, tracer);
            arrivals.wire(trees, asyncQueues);
            queues = spec.queues().isEmpty() ? null
                    : new Queues(context, spec, functions, requests, stats, series.periods(), series.periodMicros());
            streams = spec.streams().isEmpty() ? null
                    : new Streams(context, spec, functions, requests, stats, series.periods(), series.periodMicros());
            if (queues != null) {
                queues.wire(invocations);
            }
            if (streams != null) {
                streams.wire(invocations);
            }
            invocations.wire(queues, streams);
            arrivals.wire(queues, streams);
        } else {
            queues = null;
            streams = null;
            entryPoints = null;
            tracer = null;
            asyncQueues = null;
            calls = null;
        }
    }

    /** The default metrics period of a run this long: see {@link PeriodSeries#defaultPeriodMicros}. */
    public static long defaultPeriodMicros(long durationMicros) {
        return PeriodSeries.defaultPeriodMicros(durationMicros);
    }

    /** The capacity ledger, for the producers that wait on it (and the tests that watch it). */
    Admission admission() {
        return admission;
    }

    /** Runs the scenario to its end and returns what happened. */
    public RunResult run() {
        long wallStart = System.nanoTime();
        var queue = context.queue;
        long end = context.endMicros;
        arrivals.start();
        if (queues != null) {
            queues.start();
        }
        for (int f = 0; f < functions.length; f++) {
            provisioned.start(f);
        }
        if (spec.warmStart()) {
            int[] warm = WarmStart.environments(spec);
            for (int f = 0; f < functions.length; f++) {
                for (int k = functions[f].spec.provisioned().initialLevel(); k < warm[f]; k++) {
                    environments.createWarm(f);
                }
            }
        }
        while (!queue.isEmpty() && queue.peekTimeMicros() < end) {
            queue.pop();
            long t = queue.timeMicros();
            if (t >= stats.periodEndMicros()) {
                stats.closePeriodsUpTo(t);
            } else if (t < context.now) {
                throw new IllegalStateException("the simulated clock went back from " + context.now + " us to " + t
                        + " us: a bug in lambdasim, please report it with the scenario");
            }
            context.now = t;
            switch (queue.type()) {
                case Arrivals.ARRIVAL -> arrivals.onArrival(queue.target());
                case Invocations.SEGMENT_END -> invocations.onSegmentEnd(queue.target());
                case Environments.TIMER -> environments.onTimer(queue.target(), queue.generation());
                case Provisioned.READY -> provisioned.onReady(queue.target(), queue.generation());
                case Provisioned.FILL -> provisioned.onFill(queue.target());
                case Provisioned.CHANGE -> provisioned.onChange(queue.target(), queue.generation());
                case Provisioned.SCHEDULE -> provisioned.onSchedule(queue.target(), queue.generation());
                case Provisioned.AUTOSCALING_TICK -> provisioned.onAutoscalingTick(queue.target());
                case AsyncQueues.ASYNC_RETRY -> asyncQueues.onRetry(queue.target());
                case Calls.CALL_RETRY -> calls.onRetry(queue.target());
                case Invocations.CALL_TIMEOUT -> invocations.onCallTimeout(queue.target(), queue.generation());
                case Queues.POLL -> queues.onPoll(queue.target());
                case Queues.VISIBLE -> queues.onVisible(queue.target());
                case Queues.BATCH_WINDOW -> queues.onBatchWindow(queue.target(), queue.generation());
                case Queues.POLL_SCALE -> queues.onScale(queue.target());
                case Streams.SHARD_POLL -> streams.onPoll(queue.target());
                default -> throw new IllegalStateException("event type " + queue.type());
            }
            if ((++events & (PROGRESS_EVERY - 1)) == 0) {
                progress.progress(context.now, end);
            }
        }
        stats.closePeriodsUpTo(end);
        if (context.measureTo < end) {
            stats.closeLate();
        }
        context.now = end;
        for (int f = 0; f < functions.length; f++) {
            provisioned.closeInterval(f, end);
        }
        progress.progress(end, end);
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        long[] unfinished = entryPoints == null ? new long[functions.length]
                : requests.unfinishedByFunction(functions.length, context);
        List<FunctionResult> results = new ArrayList<>();
        for (int f = 0; f < functions.length; f++) {
            results.add(stats.result(f, window(provisioned.intervals(f)), unfinished[f]));
        }
        long measured = spec.measuredMicros();
        // Billed as a run as long as the window: its usage over its length.
        ScenarioSpec billed = measured == spec.durationMicros() ? spec : spec.withDurationMicros(measured);
        Bill bill = RunBilling.bill(billed, results, series);
        return new RunResult(spec, spec.seed(), context.replication(), measured, results, stats.account(results),
                series.build(), samples, bill, events, wallSeconds, entryPoints == null ? null
                : entryPoints.results(bill, results, requests.openTreesByEntry(spec.traffic().size(), context)),
                tracer == null ? null : tracer.results(),
                queues == null ? List.of() : queues.results(names, bill),
                streams == null ? List.of() : streams.results(names, end, bill));
    }

    /** Provisioned intervals clipped to the measurement window, their times counted from its start. */
    private List<io.github.lambdasim.billing.ProvisionedInterval> window(
            List<io.github.lambdasim.billing.ProvisionedInterval> intervals) {
        long from = context.measureFrom;
        long to = context.measureTo;
        if (from == 0 && to == context.endMicros) {
            return intervals;
        }
        List<io.github.lambdasim.billing.ProvisionedInterval> out = new ArrayList<>();
        for (var i : intervals) {
            long start = Math.max(from, i.startMicros());
            long stop = Math.min(to, i.endMicros());
            if (stop > start) {
                out.add(new io.github.lambdasim.billing.ProvisionedInterval(i.level(), start - from, stop - from));
            }
        }
        return out;
    }
}
