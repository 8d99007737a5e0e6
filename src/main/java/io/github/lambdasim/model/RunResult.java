package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.PeriodSeries;
import java.util.List;

/**
 * Everything one simulation run produced: per-function results, the account's concurrency,
 * per-period metrics, sampled REPORT lines, the bill, how the run went (events, wall-clock
 * time), and of an event-driven run its entry points, traces, SQS queues and streams.
 */
public record RunResult(ScenarioSpec scenario, long seed, int replication, long simulatedMicros,
                        List<FunctionResult> functions, AccountResult account, PeriodSeries series,
                        InvocationSample samples, Bill bill, long events, double wallSeconds,
                        List<EntryPointResult> entryPoints, List<TraceResult> traces, List<QueueResult> queues,
                        List<StreamResult> streams) {
    public RunResult {
        functions = List.copyOf(functions);
        entryPoints = entryPoints == null ? null : List.copyOf(entryPoints);
        traces = traces == null ? null : List.copyOf(traces);
        queues = List.copyOf(queues);
        streams = List.copyOf(streams);
    }

    /** A run without queues or streams. */
    public RunResult(ScenarioSpec scenario, long seed, int replication, long simulatedMicros,
                     List<FunctionResult> functions, AccountResult account, PeriodSeries series,
                     InvocationSample samples, Bill bill, long events, double wallSeconds,
                     List<EntryPointResult> entryPoints, List<TraceResult> traces) {
        this(scenario, seed, replication, simulatedMicros, functions, account, series, samples, bill, events, wallSeconds,
                entryPoints, traces, List.of(), List.of());
    }

    /** Whether the run was event-driven: then {@link #entryPoints()} and each function's events are there. */
    public boolean eventDriven() {
        return entryPoints != null;
    }

    public long invocations() {
        long n = 0;
        for (FunctionResult f : functions) {
            n += f.invocations();
        }
        return n;
    }

    /** Simulated invocations per wall-clock second. */
    public double invocationsPerSecond() {
        return wallSeconds <= 0 ? 0 : invocations() / wallSeconds;
    }
}
