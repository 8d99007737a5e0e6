package io.github.lambdasim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a run that replications, sweeps and comparisons estimate and compare, by name:
 * per function {@code <function>.latencyMs.p99}, {@code <function>.coldStartRate}, ... and for
 * the whole scenario {@code costUsd.month.total}, {@code costUsd.period.total}. The names are the
 * summary.json paths where one exists. Insertion order is the order users see.
 */
public final class KeyFigures {
    /** The per-function figures, in the order of columns and tables. */
    public static final List<String> FUNCTION_FIGURES = List.of("requests", "invocations", "throttleRate", "errorRate",
            "coldStartRate", "latencyMs.mean", "latencyMs.p50", "latencyMs.p90", "latencyMs.p99", "latencyMs.max",
            "durationMs.mean", "durationMs.p99", "initDurationMs.p50", "concurrency.mean", "concurrency.max",
            "environments.meanAlive", "gbSeconds", "costUsd.month.total", "costPerMillionInvocationsUsd");
    /** The scenario-wide figures. */
    public static final List<String> TOTAL_FIGURES = List.of("costUsd.month.total", "costUsd.period.total");

    private KeyFigures() {
    }

    /** Every key figure of a run, by name. */
    public static Map<String, Double> of(RunResult run) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < run.functions().size(); i++) {
            FunctionResult f = run.functions().get(i);
            String p = f.name() + ".";
            double monthCost = run.bill().functions().get(i).month().exactUsd().total().doubleValue();
            double periodCost = run.bill().functions().get(i).period().exactUsd().total().doubleValue();
            m.put(p + "requests", (double) f.requests());
            m.put(p + "invocations", (double) f.invocations());
            m.put(p + "throttleRate", ratio(f.throttles(), f.requests()));
            m.put(p + "errorRate", ratio(f.errors(), f.invocations()));
            m.put(p + "coldStartRate", ratio(f.coldStarts(), f.invocations()));
            m.put(p + "latencyMs.mean", f.latencyMs().mean());
            m.put(p + "latencyMs.p50", f.latencyMs().p50());
            m.put(p + "latencyMs.p90", f.latencyMs().p90());
            m.put(p + "latencyMs.p99", f.latencyMs().p99());
            m.put(p + "latencyMs.max", f.latencyMs().max());
            m.put(p + "durationMs.mean", f.durationMs().mean());
            m.put(p + "durationMs.p99", f.durationMs().p99());
            m.put(p + "initDurationMs.p50", f.initDurationMs().p50());
            m.put(p + "concurrency.mean", f.concurrencyMean());
            m.put(p + "concurrency.max", (double) f.concurrencyMax());
            m.put(p + "environments.meanAlive", f.environmentsAliveMean());
            m.put(p + "gbSeconds", f.gbSeconds());
            m.put(p + "costUsd.month.total", monthCost);
            m.put(p + "costPerMillionInvocationsUsd", f.invocations() == 0 ? 0 : periodCost / f.invocations() * 1e6);
        }
        m.put("costUsd.month.total", run.bill().month().exactUsd().total().doubleValue());
        m.put("costUsd.period.total", run.bill().period().exactUsd().total().doubleValue());
        return Collections.unmodifiableMap(m);
    }

    /** The figure names of a scenario with these functions, in order. */
    public static List<String> names(List<String> functions) {
        List<String> names = new ArrayList<>();
        for (String f : functions) {
            for (String k : FUNCTION_FIGURES) {
                names.add(f + "." + k);
            }
        }
        names.addAll(TOTAL_FIGURES);
        return names;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
