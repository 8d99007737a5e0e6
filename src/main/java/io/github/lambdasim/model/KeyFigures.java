package io.github.lambdasim.model;

import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a run that replications, sweeps and comparisons estimate and compare, by name:
 * per function {@code <function>.latencyMs.p99}, {@code <function>.coldStartRate}, ..., per entry
 * point of an event-driven run {@code entryPoints.<source>.endToEndMs.p99}, ..., and for the whole
 * scenario {@code costUsd.month.total}, {@code costUsd.period.total}: the {@link Figure.Use#KEY}
 * figures of the registry ({@link Figures}), named by their summary.json paths, in the registry's
 * order.
 */
public final class KeyFigures {
    /** The per-function figures, in the order of columns and tables (of a run that is not event-driven). */
    public static final List<String> FUNCTION_FIGURES = Figures.with(Figure.Use.KEY).stream().map(Figure::path).toList();
    /** The per-function figures of an event-driven run. */
    private static final List<String> EVENT_FUNCTION_FIGURES = Figures.with(Figure.Use.KEY, true).stream()
            .map(Figure::path).toList();
    /** The per-entry-point figures of an event-driven run. */
    public static final List<String> ENTRY_FIGURES = Figures.entryWith(Figure.Use.KEY).stream().map(Figure::path)
            .toList();
    private static final String ENTRY_POINTS = "entryPoints.";
    /** The scenario-wide figures. */
    public static final List<String> TOTAL_FIGURES = Figures.scenarioWith(Figure.Use.KEY).stream().map(Figure::path)
            .toList();

    private KeyFigures() {
    }

    /** Every key figure of a run, by name. */
    public static Map<String, Double> of(RunResult run) {
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> functionFigures = run.eventDriven() ? EVENT_FUNCTION_FIGURES : FUNCTION_FIGURES;
        for (int i = 0; i < run.functions().size(); i++) {
            Map<String, Double> values = Figures.values(run, i);
            String p = run.functions().get(i).name() + ".";
            for (String k : functionFigures) {
                m.put(p + k, values.get(k));
            }
        }
        if (run.eventDriven()) {
            for (EntryPointResult e : run.entryPoints()) {
                Map<String, Double> values = Figures.entryValues(e);
                for (String k : ENTRY_FIGURES) {
                    m.put(ENTRY_POINTS + e.name() + "." + k, values.get(k));
                }
            }
        }
        Map<String, Double> scenario = Figures.scenarioValues(run);
        for (String k : TOTAL_FIGURES) {
            m.put(k, scenario.get(k));
        }
        return Collections.unmodifiableMap(m);
    }

    /** The figure names of a scenario with these functions (not event-driven), in order. */
    public static List<String> names(List<String> functions) {
        return names(functions, List.of(), false);
    }

    /** The figure names of a scenario, in order. */
    public static List<String> names(ScenarioSpec spec) {
        List<String> sources = spec.eventDriven()
                ? spec.traffic().stream().filter(TrafficSpec::invokes).map(TrafficSpec::name).sorted().toList() : List.of();
        return names(spec.functions().stream().map(FunctionSpec::name).toList(), sources, spec.eventDriven());
    }

    private static List<String> names(List<String> functions, List<String> sources, boolean eventDriven) {
        List<String> names = new ArrayList<>();
        for (String f : functions) {
            for (String k : eventDriven ? EVENT_FUNCTION_FIGURES : FUNCTION_FIGURES) {
                names.add(f + "." + k);
            }
        }
        for (String source : sources) {
            for (String k : ENTRY_FIGURES) {
                names.add(ENTRY_POINTS + source + "." + k);
            }
        }
        names.addAll(TOTAL_FIGURES);
        return names;
    }

    /**
     * The registry's figure a key figure's name stands for: {@code api.latencyMs.p99} (function
     * names hold no dot: the path follows the first), {@code entryPoints.api/poisson.endToEndMs.p99}
     * (the entry point's figure the name ends with), {@code costUsd.month.total}.
     */
    public static Figure figure(String name) {
        for (Figure f : Figures.SCENARIO) {
            if (f.path().equals(name)) {
                return f;
            }
        }
        if (name.startsWith(ENTRY_POINTS)) {
            Figure found = null;
            for (Figure f : Figures.ENTRY_POINT) {
                if (name.endsWith("." + f.path()) && (found == null || f.path().length() > found.path().length())) {
                    found = f;
                }
            }
            return found;
        }
        return Figures.byPath(name.substring(name.indexOf('.') + 1));
    }

    /** The entry point a key figure's name is of, or null for a function's or the scenario's figure. */
    public static String entryPoint(String name) {
        if (!name.startsWith(ENTRY_POINTS)) {
            return null;
        }
        Figure f = figure(name);
        return name.substring(ENTRY_POINTS.length(), name.length() - f.path().length() - 1);
    }
}
