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
 * point of an event-driven run {@code entryPoints.<source>.endToEndMs.p99}, ..., per queue, queue
 * consumer and stream {@code queues.<queue>.oldestAgeMaxSeconds},
 * {@code queues.<queue>.consumers.<function>.endToEndMs.p99}, {@code streams.<stream>.iteratorAgeMaxSeconds},
 * ({@link SourceFigures}), and for the whole
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
    /** The key figures of queues, their consumers and streams, named {@code queues.<queue>.<path>}, ... */
    public static final List<String> QUEUE_FIGURES = paths(SourceFigures.with(SourceFigures.QUEUE, Figure.Use.KEY));
    public static final List<String> CONSUMER_FIGURES = paths(SourceFigures.with(SourceFigures.CONSUMER, Figure.Use.KEY));
    public static final List<String> STREAM_FIGURES = paths(SourceFigures.with(SourceFigures.STREAM, Figure.Use.KEY));
    private static final String QUEUES = "queues.";
    private static final String CONSUMERS = ".consumers.";
    private static final String STREAMS = "streams.";
    /** The scenario-wide figures. */
    public static final List<String> TOTAL_FIGURES = Figures.scenarioWith(Figure.Use.KEY).stream().map(Figure::path)
            .toList();

    private KeyFigures() {
    }

    private static List<String> paths(List<Figure> figures) {
        return figures.stream().map(Figure::path).toList();
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
        for (QueueResult q : run.queues()) {
            Map<String, Double> values = SourceFigures.values(q);
            for (String k : QUEUE_FIGURES) {
                m.put(QUEUES + q.name() + "." + k, values.get(k));
            }
            for (QueueResult.Consumer c : q.consumers()) {
                Map<String, Double> cv = SourceFigures.values(c);
                for (String k : CONSUMER_FIGURES) {
                    m.put(QUEUES + q.name() + CONSUMERS + c.function() + "." + k, cv.get(k));
                }
            }
        }
        for (StreamResult st : run.streams()) {
            Map<String, Double> values = SourceFigures.values(st);
            for (String k : STREAM_FIGURES) {
                m.put(STREAMS + st.name() + "." + k, values.get(k));
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
        List<String> names = new ArrayList<>(names(spec.functions().stream().map(FunctionSpec::name).toList(), sources,
                spec.eventDriven()));
        // Before the scenario-wide figures, in the order of summary.json: queues (each with its consumers), streams.
        List<String> own = new ArrayList<>();
        for (var q : spec.queues()) {
            for (String k : QUEUE_FIGURES) {
                own.add(QUEUES + q.name() + "." + k);
            }
            for (FunctionSpec f : spec.functions()) {
                if (f.eventSource() != null && q.name().equals(f.eventSource().queue())) {
                    for (String k : CONSUMER_FIGURES) {
                        own.add(QUEUES + q.name() + CONSUMERS + f.name() + "." + k);
                    }
                }
            }
        }
        for (var st : spec.streams()) {
            for (String k : STREAM_FIGURES) {
                own.add(STREAMS + st.name() + "." + k);
            }
        }
        names.addAll(names.size() - TOTAL_FIGURES.size(), own);
        return names;
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
        Figure source = sourceFigure(name);
        if (source != null) {
            return source;
        }
        if (name.startsWith(ENTRY_POINTS)) {
            return longestSuffix(name, Figures.ENTRY_POINT);
        }
        return Figures.byPath(name.substring(name.indexOf('.') + 1));
    }

    private static Figure longestSuffix(String name, List<Figure> figures) {
        Figure found = null;
        for (Figure f : figures) {
            if (name.endsWith("." + f.path()) && (found == null || f.path().length() > found.path().length())) {
                found = f;
            }
        }
        return found;
    }

    /** A queue's, a queue consumer's or a stream's figure, or null (a function named queues has none). */
    private static Figure sourceFigure(String name) {
        if (!name.startsWith(QUEUES) && !name.startsWith(STREAMS)) {
            return null;
        }
        List<Figure> figures = name.startsWith(STREAMS) ? SourceFigures.STREAM
                : name.contains(CONSUMERS) ? SourceFigures.CONSUMER : SourceFigures.QUEUE;
        return longestSuffix(name, figures);
    }

    /** Whether a key figure is a queue's, a queue consumer's or a stream's. */
    public static boolean isSourceFigure(String name) {
        return sourceFigure(name) != null;
    }

    /**
     * Whose a queue's, a consumer's or a stream's key figure is, for people: {@code queue orders},
     * {@code queue orders, consumer worker}, {@code stream clicks}; null for other figures.
     */
    public static String sourceOwner(String name) {
        if (!isSourceFigure(name)) {
            return null;
        }
        Figure f = figure(name);
        String owner = name.substring(0, name.length() - f.path().length() - 1);
        if (owner.startsWith(STREAMS)) {
            return "stream " + owner.substring(STREAMS.length());
        }
        owner = owner.substring(QUEUES.length());
        int consumers = owner.indexOf(CONSUMERS);
        return consumers < 0 ? "queue " + owner
                : "queue " + owner.substring(0, consumers) + ", consumer " + owner.substring(consumers + CONSUMERS.length());
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
