package io.github.lambdasim.scenario;

import io.github.lambdasim.billing.BillingSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated scenario: everything a simulation needs, immutable.
 *
 * @param notes what validation decided for the user that they may want to know (a memory size
 *              capped at the platform's maximum), one sentence each
 * @param clock the wall-clock time the run starts at and its time zone, or null: the run is in
 *              time since its start
 * @param warmStart whether each function begins with the environments its traffic at time 0
 *              keeps busy, initialised before the run ({@code warmStart: true}; not {@code start:},
 *              which is the clock time)
 * @param queues the SQS queues ({@code queues:})
 * @param streams the Kinesis and DynamoDB streams ({@code streams:})
 */
public record ScenarioSpec(String name, String description, long durationMicros, long seed, PlatformSpec platform,
                           String region, AccountSpec account, BillingSpec billing, List<FunctionSpec> functions,
                           List<TrafficSpec> traffic, List<String> notes, ScenarioClock clock,
                           boolean warmStart, long warmupMicros, Window window, List<QueueSpec> queues,
                           List<StreamSpec> streams) {
    public ScenarioSpec {
        functions = List.copyOf(functions);
        traffic = List.copyOf(traffic);
        notes = List.copyOf(notes);
        queues = List.copyOf(queues);
        streams = List.copyOf(streams);
    }

    /** A scenario without queues or streams. */
    public ScenarioSpec(String name, String description, long durationMicros, long seed, PlatformSpec platform,
                        String region, AccountSpec account, BillingSpec billing, List<FunctionSpec> functions,
                        List<TrafficSpec> traffic, List<String> notes, ScenarioClock clock, boolean warmStart,
                        long warmupMicros, Window window) {
        this(name, description, durationMicros, seed, platform, region, account, billing, functions, traffic, notes, clock,
                warmStart, warmupMicros, window, List.of(), List.of());
    }

    /** A scenario without notes. */
    public ScenarioSpec(String name, String description, long durationMicros, long seed, PlatformSpec platform,
                        String region, AccountSpec account, BillingSpec billing, List<FunctionSpec> functions,
                        List<TrafficSpec> traffic) {
        this(name, description, durationMicros, seed, platform, region, account, billing, functions, traffic, List.of(), null,
                false, 0, null);
    }

    /**
     * Whether the scenario is event-driven: asynchronous traffic, queues or streams, or functions
     * that invoke others or send their events on. Such a run follows each request's tree and reports entry points;
     * any other pays nothing for that.
     */
    public boolean eventDriven() {
        if (!queues.isEmpty() || !streams.isEmpty()) {
            return true;
        }
        for (TrafficSpec t : traffic) {
            if (t.invocation() == TrafficSpec.Invocation.ASYNC) {
                return true;
            }
        }
        for (FunctionSpec f : functions) {
            if (f.async().onSuccess() != null || f.async().onFailure() != null
                    || f.handler().steps().stream().anyMatch(s -> s instanceof StepSpec.Invoke)
                    || f.init().stream().anyMatch(s -> s instanceof StepSpec.Invoke)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names of the functions that receive asynchronous events: from traffic, from asynchronous
     * invoke steps (handler or init) and as destinations.
     */
    public Set<String> asyncTargets() {
        Set<String> targets = new TreeSet<>();
        for (TrafficSpec t : traffic) {
            if (t.invocation() == TrafficSpec.Invocation.ASYNC) {
                targets.add(t.function());
            }
        }
        for (FunctionSpec f : functions) {
            for (List<StepSpec> steps : List.of(f.init(), f.handler().steps())) {
                for (StepSpec s : steps) {
                    if (s instanceof StepSpec.Invoke call && call.mode() == StepSpec.InvokeMode.ASYNC) {
                        targets.addAll(call.functions());
                    }
                }
            }
            for (AsyncSpec.Destination d : new AsyncSpec.Destination[] {f.async().onSuccess(), f.async().onFailure()}) {
                if (d != null && d.function() != null) {
                    targets.add(d.function());
                }
            }
        }
        return targets;
    }

    public FunctionSpec function(String functionName) {
        for (FunctionSpec f : functions) {
            if (f.name().equals(functionName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no function " + functionName);
    }

    /** The same scenario simulated for another length of time. */
    public ScenarioSpec withDurationMicros(long micros) {
        return new ScenarioSpec(name, description, micros, seed, platform, region, account, billing, functions, traffic, notes,
                clock, warmStart, warmupMicros, window, queues, streams);
    }

    /**
     * A time window of the scenario, {@code [fromMicros, toMicros)} in the scenario's time (0 is its
     * start, after any warm-up): only the requests arriving in it are measured.
     */
    public record Window(long fromMicros, long toMicros) {
    }

    /** The same scenario measured over {@code window} only (the whole run is still simulated); null measures all of it. */
    public ScenarioSpec withWindow(Window window) {
        return new ScenarioSpec(name, description, durationMicros, seed, platform, region, account, billing, functions, traffic,
                notes, clock, warmStart, warmupMicros, window, queues, streams);
    }

    /** Simulated time: the warm-up, then the duration. */
    public long runMicros() {
        return warmupMicros + durationMicros;
    }

    /** When measuring starts, in simulated time: after the warm-up, at the window's start. */
    public long measureFromMicros() {
        return warmupMicros + (window == null ? 0 : window.fromMicros());
    }

    /** When measuring ends (arrivals from then on are not measured), in simulated time. */
    public long measureToMicros() {
        return warmupMicros + (window == null ? durationMicros : window.toMicros());
    }

    /** How long the measured window is. */
    public long measuredMicros() {
        return measureToMicros() - measureFromMicros();
    }

    /** The expected number of requests over the run, from the traffic's rates. */
    public double expectedRequests() {
        double n = 0;
        for (TrafficSpec t : traffic) {
            n += t.pattern().expectedCount(durationMicros);
        }
        return n;
    }
}
