package io.github.lambdasim.report.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasim.model.Recommendation;
import io.github.lambdasim.report.data.ReportFiles.Invalid;
import io.github.lambdasim.scenario.Units;
import io.github.lambdasim.stats.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as read back from its sweep.json: what was varied, each point's estimated key figures,
 * the constraints and the recommendation. The sweep's charts and report.html are drawn from this
 * alone, so {@code lambdasim report DIR} draws them again from the file.
 *
 * @param function    the function whose latency and rates the objective and constraints use
 * @param cost        the monthly cost the sweep weighs ({@link Recommendation#sweepCost}): the
 *                    function's own, or the whole scenario's; null for a scenario of one function
 * @param recommended index of the recommended point, or -1 when no point meets the constraints
 * @param tiedWith    index of a point statistically tied with the recommended one, or -1
 * @param balancedWeight the weight of cost in a balanced objective, NaN for the others
 * @param categoricalMemory whether the power-tuning charts place memory sizes evenly rather than to scale
 */
public record SweepData(String scenario, String description, long seed, int replications, String function,
                        String cost, String objective, double balancedWeight, Map<String, List<String>> vary,
                        List<Constraint> constraints, List<Point> points, int recommended, int tiedWith, String sentence,
                        boolean categoricalMemory) {
    public static final String FILE = "sweep.json";
    /** The scenario's projected monthly bill, all functions. */
    public static final String COST_FIGURE = "costUsd.month.total";

    public SweepData {
        vary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vary));
        constraints = List.copyOf(constraints);
        points = List.copyOf(points);
    }

    /** A bound on a figure, as sweep.json states it. */
    public record Constraint(String figure, boolean strict, double limit, String text) {
        public boolean meets(double value) {
            return strict ? value < limit : value <= limit;
        }
    }

    /** One point of the grid: its varied values (path to value, as written) and its estimated figures. */
    public record Point(Map<String, String> values, boolean meetsConstraints, List<String> uncertain,
                        Map<String, Estimate> figures) {
        public Point {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            uncertain = List.copyOf(uncertain);
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }

        public Estimate figure(String name) {
            Estimate e = figures.get(name);
            if (e == null) {
                throw new IllegalArgumentException("no figure " + name);
            }
            return e;
        }
    }

    /** p99 latency of the sweep's function, in ms. */
    public String latencyFigure() {
        return function + ".latencyMs.p99";
    }

    public String throttleFigure() {
        return function + ".throttleRate";
    }

    public String coldStartFigure() {
        return function + ".coldStartRate";
    }

    /** The share of the function's asynchronous events given up (event-driven sweeps). */
    public String dropRateFigure() {
        return function + ".events.asyncDropRate";
    }

    /** Attempts of the function's events after an error (event-driven sweeps). */
    public String retriesFigure() {
        return function + ".events.asyncRetries";
    }

    /**
     * Whether the function's events are worth showing: the sweep is of an event-driven scenario
     * and some point retried or dropped events of the function.
     */
    public boolean showsEvents() {
        return points.stream().allMatch(p -> p.figures().containsKey(dropRateFigure())
                && p.figures().containsKey(retriesFigure()))
                && points.stream().anyMatch(p -> p.figure(dropRateFigure()).mean() > 0 || p.figure(retriesFigure()).mean() > 0);
    }

    /** Whether the function's dropped events differ between points (then the cost chart is drawn against them). */
    public boolean dropsVary() {
        return showsEvents() && points.stream().mapToDouble(p -> p.figure(dropRateFigure()).mean()).distinct().count() > 1;
    }

    /** The monthly cost the sweep weighs: {@code api.costUsd.month.total} or {@link #COST_FIGURE}. */
    public String costFigure() {
        return Recommendation.costFigure(cost);
    }

    /** What that cost is called: "cost a month", "cost of api a month" or "cost a month (all functions)". */
    public String costLabel() {
        return Recommendation.costLabel(cost);
    }

    /** The function whose own monthly cost the sweep weighs, or null when it weighs the scenario's. */
    public String costFunction() {
        return Recommendation.costFunction(cost);
    }

    /** The function's cost per million invocations, in USD. */
    public String costPerMillionFigure() {
        return function + ".costPerMillionInvocationsUsd";
    }

    /** The function's mean duration (Power Tuning's average duration), in ms. */
    public String durationMeanFigure() {
        return function + ".durationMs.mean";
    }

    /** The cost of one invocation, in USD: Power Tuning's average cost (from the cost per million). */
    public Estimate costPerInvocation(Point p) {
        return p.figure(costPerMillionFigure()).scaled(1e-6);
    }

    /** Whether memory is varied and every point has its mean duration: then the table and charts show Power Tuning's two figures. */
    public boolean showsAverages() {
        return memoryPath() != null && points.stream().allMatch(p -> p.figures().containsKey(durationMeanFigure()));
    }

    public List<String> variedPaths() {
        return List.copyOf(vary.keySet());
    }

    /** The constraints a point misses by its mean. */
    public List<Constraint> missed(Point p) {
        List<Constraint> out = new ArrayList<>();
        for (Constraint c : constraints) {
            Estimate e = p.figures().get(c.figure());
            if (e != null && !c.meets(e.mean())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The varied path ending in {@code memorySize}, or null. */
    public String memoryPath() {
        for (String path : vary.keySet()) {
            if (shortName(path).equals("memorySize")) {
                return path;
            }
        }
        return null;
    }

    /** The last segment of a path: {@code memorySize} for {@code functions.api.memorySize}. */
    public static String shortName(String path) {
        String p = path.replaceAll("\\[[^]]*]$", "");
        int dot = p.lastIndexOf('.');
        return dot >= 0 ? p.substring(dot + 1) : p;
    }

    /** A varied value as a number (sizes in MB), or NaN when it is not one. */
    public static double numeric(String path, String value) {
        try {
            if (shortName(path).equals("memorySize") || shortName(path).equals("ephemeralStorageSize")) {
                return Units.parseSizeMb(value);
            }
            return Double.parseDouble(value.trim());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** One varied value for people: {@code 1,792 MB} for a size, the value as written otherwise. */
    public static String valueLabel(String path, String value) {
        double n = numeric(path, value);
        if (shortName(path).endsWith("Size") && !Double.isNaN(n)) {
            return Format.number(n, 0) + " MB";
        }
        return value;
    }

    /**
     * The short label of a point on a chart: its value when one path was varied ({@code 1,792 MB},
     * {@code 60}), otherwise each value after its path's last segment, sizes in MB
     * ({@code 1,792 MB, threads 2}, {@code architecture arm64, 512 MB}).
     */
    public String pointLabel(Point p) {
        if (vary.size() == 1) {
            String path = vary.keySet().iterator().next();
            return valueLabel(path, p.values().get(path));
        }
        List<String> parts = new ArrayList<>();
        for (String path : vary.keySet()) {
            parts.add(namedValue(path, p.values().get(path)));
        }
        return String.join(", ", parts);
    }

    /** A value with its path's last segment, {@code threads 2}, or a size in MB, {@code 1,792 MB}. */
    public static String namedValue(String path, String value) {
        String label = valueLabel(path, value);
        return label.equals(value) ? shortName(path) + " " + value : label;
    }

    // ---------------------------------------------------------------- reading

    /** Whether {@code dir} holds a sweep's results. */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static SweepData read(Path dir) {
        JsonNode root = ReportFiles.json(dir, FILE);
        String w = FILE;
        int replications = (int) ReportFiles.integer(root, "replications", w);
        Map<String, List<String>> vary = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : ReportFiles.object(root, "vary", w).properties()) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : e.getValue()) {
                values.add(v.asText());
            }
            if (values.isEmpty()) {
                throw new Invalid(w + ": vary." + e.getKey() + " has no values");
            }
            vary.put(e.getKey(), values);
        }
        if (vary.isEmpty()) {
            throw new Invalid(w + ": vary is empty");
        }
        List<Constraint> constraints = new ArrayList<>();
        int ci = 0;
        for (JsonNode c : root.path("constraints")) {
            String cw = w + ": constraints[" + ci++ + "]";
            String op = ReportFiles.string(c, "operator", cw);
            if (!op.equals("<") && !op.equals("<=")) {
                throw new Invalid(cw + ": operator '" + op + "' is not < or <=");
            }
            constraints.add(new Constraint(ReportFiles.string(c, "figure", cw), op.equals("<"),
                    ReportFiles.decimal(c, "limit", cw), ReportFiles.string(c, "text", cw)));
        }
        List<Point> points = new ArrayList<>();
        JsonNode ps = root.path("points");
        if (!ps.isArray() || ps.isEmpty()) {
            throw new Invalid(w + ": points is missing or empty");
        }
        for (int i = 0; i < ps.size(); i++) {
            String pw = w + ": points[" + i + "]";
            JsonNode p = ps.get(i);
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode vs = ReportFiles.object(p, "values", pw);
            for (String path : vary.keySet()) {
                JsonNode v = vs.path(path);
                if (!v.isTextual() && !v.isNumber()) {
                    throw new Invalid(pw + ".values: " + path + " is missing or not a number or text");
                }
                values.put(path, v.asText());
            }
            List<String> uncertain = new ArrayList<>();
            p.path("uncertain").forEach(u -> uncertain.add(u.asText()));
            Map<String, Estimate> figures = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : ReportFiles.object(p, "figures", pw).properties()) {
                String fw = pw + ".figures." + f.getKey();
                double mean = ReportFiles.decimal(f.getValue(), "mean", fw);
                JsonNode half = f.getValue().path("ci95");
                figures.put(f.getKey(), new Estimate(mean, half.isNumber() ? half.asDouble() : Double.NaN, replications));
            }
            JsonNode meets = p.path("meetsConstraints");
            if (!meets.isBoolean()) {
                throw new Invalid(pw + ": meetsConstraints is missing or not true or false");
            }
            points.add(new Point(values, meets.asBoolean(), uncertain, figures));
        }
        String function = root.path("function").isTextual() ? root.path("function").asText() : firstFunction(points.get(0));
        SweepData d = new SweepData(ReportFiles.string(root, "scenario", w), root.path("description").asText(""),
                ReportFiles.integer(root, "seed", w), replications, function,
                root.path("cost").isTextual() ? root.path("cost").asText() : null, root.path("objective").asText("cost"),
                root.path("balancedWeight").isNumber() ? root.path("balancedWeight").asDouble() : Double.NaN, vary,
                constraints, points, index(root.path("recommendation").path("point"), points.size(), w),
                index(root.path("recommendation").path("tiedWith"), points.size(), w),
                root.path("recommendation").path("sentence").asText(""),
                root.path("memoryAxis").asText("linear").equals("categorical"));
        for (int i = 0; i < points.size(); i++) {
            for (String f : List.of(d.latencyFigure(), d.costFigure(), d.throttleFigure(), d.coldStartFigure(),
                    d.costPerMillionFigure())) {
                if (!points.get(i).figures().containsKey(f)) {
                    throw new Invalid(w + ": points[" + i + "].figures has no " + f);
                }
            }
        }
        return d;
    }

    /** The function of the first per-function figure, for files written before sweep.json named it. */
    private static String firstFunction(Point p) {
        for (String f : p.figures().keySet()) {
            if (f.endsWith(".latencyMs.p99")) {
                return f.substring(0, f.length() - ".latencyMs.p99".length());
            }
        }
        throw new Invalid(FILE + ": no function's latency among the figures");
    }

    private static int index(JsonNode n, int size, String where) {
        if (n.isMissingNode() || n.isNull()) {
            return -1;
        }
        if (!n.isIntegralNumber() || n.asInt() < 0 || n.asInt() >= size) {
            throw new Invalid(where + ": recommendation refers to point " + n.asText() + ", which does not exist");
        }
        return n.asInt();
    }
}
