package io.github.lambdasim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a run that replications, sweeps and comparisons estimate and compare, by name:
 * per function {@code <function>.latencyMs.p99}, {@code <function>.coldStartRate}, ... and for
 * the whole scenario {@code costUsd.month.total}, {@code costUsd.period.total}: the
 * {@link Figure.Use#KEY} figures of the registry ({@link Figures}), named by their summary.json
 * paths, in the registry's order.
 */
public final class KeyFigures {
    /** The per-function figures, in the order of columns and tables. */
    public static final List<String> FUNCTION_FIGURES = Figures.with(Figure.Use.KEY).stream().map(Figure::path).toList();
    /** The scenario-wide figures. */
    public static final List<String> TOTAL_FIGURES = Figures.scenarioWith(Figure.Use.KEY).stream().map(Figure::path)
            .toList();

    private KeyFigures() {
    }

    /** Every key figure of a run, by name. */
    public static Map<String, Double> of(RunResult run) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < run.functions().size(); i++) {
            Map<String, Double> values = Figures.values(run, i);
            String p = run.functions().get(i).name() + ".";
            for (String k : FUNCTION_FIGURES) {
                m.put(p + k, values.get(k));
            }
        }
        Map<String, Double> scenario = Figures.scenarioValues(run);
        for (String k : TOTAL_FIGURES) {
            m.put(k, scenario.get(k));
        }
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
}
