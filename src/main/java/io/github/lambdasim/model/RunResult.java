package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.PeriodSeries;
import java.util.List;

/**
 * Everything one simulation run produced: per-function results, the account's concurrency,
 * per-period metrics, sampled REPORT lines, the bill, and how the run went (events, wall-clock
 * time).
 */
public record RunResult(ScenarioSpec scenario, long seed, int replication, long simulatedMicros,
                        List<FunctionResult> functions, AccountResult account, PeriodSeries series,
                        InvocationSample samples, Bill bill, long events, double wallSeconds,
                        List<EntryPointResult> entryPoints, List<TraceResult> traces) {
    public RunResult {
        functions = List.copyOf(functions);
        entryPoints = entryPoints == null ? null : List.copyOf(entryPoints);
        traces = traces == null ? null : List.copyOf(traces);
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
