package io.github.lambdasim.model;

import io.github.lambdasim.stats.Estimate;
import io.github.lambdasim.stats.EstimateText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the best point of a sweep: the one that meets every constraint (by its mean) and is best
 * by the objective (of equal ones, the one better on the other figure); says how sure that is (a point whose confidence interval straddles a
 * constraint is flagged, and a runner-up whose objective interval overlaps is named).
 */
public final class Recommendation {

    /**
     * What "best" means: cheapest, fastest (p99 latency), or balanced: the lowest
     * {@code w x cost / the highest cost + (1 - w) x p99 latency / the highest p99 latency}, AWS
     * Lambda Power Tuning's balanced strategy (its analyzer, with its {@code balancedWeight} w:
     * 0 is the fastest, 1 the cheapest, 0.5 by default) on this tool's latency figure.
     */
    public enum Objective {
        COST, LATENCY, BALANCED
    }

    /** Power Tuning's default {@code balancedWeight}. */
    public static final double DEFAULT_BALANCED_WEIGHT = 0.5;

    /** A bound on a figure: {@code figure <= limit} (or {@code <}). */
    public record Constraint(String figure, String label, boolean strict, double limit, String limitText) {
        boolean meets(double value) {
            return strict ? value < limit : value <= limit;
        }

        /** Whether the interval of the estimate lies on both sides of the limit. */
        boolean straddles(Estimate e) {
            return !Double.isNaN(e.halfWidth()) && e.low() <= limit && e.high() >= limit && e.halfWidth() > 0;
        }

        public String describe() {
            return label + (strict ? " < " : " <= ") + limitText;
        }
    }

    /** One point: what was varied (path to value, as written) and its estimated figures. */
    public record Point(Map<String, String> values, Map<String, Estimate> figures) {
        /** {@code memorySize=3008, threads=2}: each varied path by the shortest end of it that tells it apart. */
        public String label() {
            Map<String, String> names = shortNames(values.keySet());
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(names.get(k)).append('=').append(v));
            return sb.toString();
        }
    }

    /**
     * Each path by its last segment ({@code memorySize} for {@code functions.api.memorySize}), or by
     * as many of its last segments as tell it apart from the others ({@code api.memorySize} and
     * {@code worker.memorySize} when both are varied).
     */
    static Map<String, String> shortNames(Collection<String> paths) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String p : paths) {
            int segments = p.split("\\.").length;
            for (int n = 1; n <= segments; n++) {
                String mine = suffix(p, n);
                boolean unique = true;
                for (String q : paths) {
                    if (!q.equals(p) && suffix(q, n).equals(mine)) {
                        unique = false;
                    }
                }
                if (unique || n == segments) {
                    out.put(p, mine);
                    break;
                }
            }
        }
        return out;
    }

    private static String suffix(String path, int segments) {
        String[] parts = path.split("\\.");
        return String.join(".", java.util.Arrays.copyOfRange(parts, Math.max(0, parts.length - segments), parts.length));
    }

    /**
     * The outcome.
     *
     * @param best        index of the recommended point, or -1 when no point meets the constraints
     * @param uncertain   per point, the constraints whose interval it straddles
     * @param runnerUp    index of a point whose objective interval overlaps the best one's, or -1
     * @param sentence    the recommendation in one sentence
     */
    public record Result(int best, List<List<String>> uncertain, List<Boolean> meets, int runnerUp, String sentence) {
    }

    /** The scenario's monthly cost, all functions. */
    public static final String TOTAL_COST = "costUsd.month.total";
    private static final String FUNCTION_COST = "." + TOTAL_COST;

    private Recommendation() {
    }

    /**
     * The monthly cost a sweep of {@code function} weighs (its objective, its cost constraint, its
     * cost chart): in a scenario of more than one function, the function's own
     * ({@code api.costUsd.month.total}) when every varied path is one of its settings
     * ({@code functions.api.memorySize}, {@code functions[1].timeout}), else the whole scenario's
     * ({@code costUsd.month.total}); in a scenario of one function, where both are the same, null
     * (the scenario's cost, named as it always was).
     *
     * @param functions the scenario's functions, in order
     * @param varied    the varied paths, as written
     */
    public static String sweepCost(List<String> functions, String function, Collection<String> varied) {
        if (functions.size() <= 1) {
            return null;
        }
        for (String path : varied) {
            String[] segments = path.replace("[", ".").replace("]", "").split("\\.", -1);
            if (segments.length < 3 || !segments[0].equals("functions") || !(segments[1].equals(function)
                    || segments[1].matches("[0-9]{1,9}") && Integer.parseInt(segments[1]) < functions.size()
                    && functions.get(Integer.parseInt(segments[1])).equals(function))) {
                return TOTAL_COST;
            }
        }
        return function + FUNCTION_COST;
    }

    /** The figure of a sweep's cost ({@link #sweepCost}): the scenario's when null. */
    public static String costFigure(String sweepCost) {
        return sweepCost == null ? TOTAL_COST : sweepCost;
    }

    /** What a sweep's cost is called: "cost a month", "cost of api a month" or "cost a month (all functions)". */
    public static String costLabel(String sweepCost) {
        if (sweepCost == null) {
            return "cost a month";
        }
        return sweepCost.equals(TOTAL_COST) ? "cost a month (all functions)"
                : "cost of " + costFunction(sweepCost) + " a month";
    }

    /** The function whose own cost a sweep weighs, or null when it weighs the scenario's. */
    public static String costFunction(String sweepCost) {
        return sweepCost == null || !sweepCost.endsWith(FUNCTION_COST) ? null
                : sweepCost.substring(0, sweepCost.length() - FUNCTION_COST.length());
    }

    public static Result recommend(List<Point> points, Objective objective, List<Constraint> constraints,
                                   String costFigure, String latencyFigure) {
        return recommend(points, objective, DEFAULT_BALANCED_WEIGHT, constraints, null, costFigure, latencyFigure);
    }

    /**
     * @param balancedWeight the weight of cost in the balanced objective (0 to 1; unused by the others)
     * @param sweepCost      what the cost is, as {@link #sweepCost} says (null: the scenario's, named as
     *                       it always was); the sentence names it
     */
    public static Result recommend(List<Point> points, Objective objective, double balancedWeight,
                                   List<Constraint> constraints, String sweepCost, String costFigure, String latencyFigure) {
        if (!(balancedWeight >= 0 && balancedWeight <= 1)) {
            throw new IllegalArgumentException("the balanced weight must be between 0 and 1, found " + balancedWeight);
        }
        List<List<String>> uncertain = new ArrayList<>();
        List<Boolean> meets = new ArrayList<>();
        double maxCost = 0;
        double maxLatency = 0;
        for (Point p : points) {
            List<String> flags = new ArrayList<>();
            boolean ok = true;
            for (Constraint c : constraints) {
                Estimate e = p.figures().get(c.figure());
                if (!c.meets(e.mean())) {
                    ok = false;
                }
                if (c.straddles(e)) {
                    flags.add(c.describe());
                }
            }
            uncertain.add(flags);
            meets.add(ok);
            maxCost = Math.max(maxCost, p.figures().get(costFigure).mean());
            maxLatency = Math.max(maxLatency, p.figures().get(latencyFigure).mean());
        }
        int best = -1;
        double bestScore = Double.MAX_VALUE;
        // Equal scores (below one vCPU, memory costs the same per invocation) go to the point better
        // on the other figure: the faster one when cost decides, the cheaper one when latency does.
        String other = objective == Objective.LATENCY ? costFigure : latencyFigure;
        for (int i = 0; i < points.size(); i++) {
            if (!meets.get(i)) {
                continue;
            }
            double score = score(points.get(i), objective, balancedWeight, costFigure, latencyFigure, maxCost, maxLatency);
            boolean equal = best >= 0 && Math.abs(score - bestScore) <= 1e-9 * Math.abs(bestScore);
            if (equal ? points.get(i).figures().get(other).mean() < points.get(best).figures().get(other).mean()
                    : score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        int runnerUp = -1;
        if (best >= 0) {
            String figure = objective == Objective.LATENCY ? latencyFigure : costFigure;
            Estimate b = points.get(best).figures().get(figure);
            double closest = Double.MAX_VALUE;
            for (int i = 0; i < points.size(); i++) {
                Estimate e = points.get(i).figures().get(figure);
                if (i != best && meets.get(i) && !Double.isNaN(b.halfWidth()) && e.low() <= b.high() && e.high() >= b.low()
                        && Math.abs(e.mean() - b.mean()) < closest) {
                    closest = Math.abs(e.mean() - b.mean());
                    runnerUp = i;
                }
            }
        }
        return new Result(best, uncertain, meets, runnerUp,
                sentence(points, objective, balancedWeight, constraints, best, runnerUp, uncertain, sweepCost, costFigure,
                        latencyFigure));
    }

    private static double score(Point p, Objective objective, double weight, String costFigure, String latencyFigure,
                                double maxCost, double maxLatency) {
        double cost = p.figures().get(costFigure).mean();
        double latency = p.figures().get(latencyFigure).mean();
        return switch (objective) {
            case COST -> cost;
            case LATENCY -> latency;
            case BALANCED -> weight * (maxCost > 0 ? cost / maxCost : 0) + (1 - weight) * (maxLatency > 0 ? latency / maxLatency : 0);
        };
    }

    private static String sentence(List<Point> points, Objective objective, double balancedWeight,
                                   List<Constraint> constraints, int best, int runnerUp, List<List<String>> uncertain,
                                   String sweepCost, String costFigure, String latencyFigure) {
        // A queue consumer's sweep weighs its messages' end-to-end latency.
        String latencyName = latencyFigure.contains(".endToEndMs.") ? "end-to-end p99" : "p99 latency";
        String goal = switch (objective) {
            case COST -> "the cheapest point";
            case LATENCY -> "the point with the lowest " + latencyName;
            case BALANCED -> "the best balance of cost and " + latencyName
                    + (balancedWeight == DEFAULT_BALANCED_WEIGHT ? "" : " (weight of cost " + balancedWeight + ")");
        };
        String bounds = constraints.isEmpty() ? "" : " meeting " + String.join(" and ",
                constraints.stream().map(Constraint::describe).toList());
        if (best < 0) {
            return "No point meets " + String.join(" and ", constraints.stream().map(Constraint::describe).toList())
                    + "; relax a constraint or widen the sweep.";
        }
        Point p = points.get(best);
        Estimate cost = p.figures().get(costFigure);
        Estimate latency = p.figures().get(latencyFigure);
        String amount = EstimateText.withInterval(EstimateText.usd(cost), cost);
        String costText = sweepCost == null ? amount + " a month"
                : costFunction(sweepCost) != null ? "cost of " + costFunction(sweepCost) + " " + amount + " a month"
                : "cost " + amount + " a month (all functions)";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Recommended: %s, %s%s: %s, %s %s.",
                p.label(), goal, bounds, costText, latencyName, EstimateText.withInterval(EstimateText.ms(latency), latency)));
        if (!uncertain.get(best).isEmpty()) {
            sb.append(" Not certain: its confidence interval straddles ").append(String.join(" and ", uncertain.get(best)))
                    .append("; run more replications.");
        }
        if (runnerUp >= 0) {
            sb.append(" ").append(points.get(runnerUp).label()).append(" is statistically tied on ")
                    .append(objective == Objective.LATENCY ? "latency" : "cost").append('.');
        }
        return sb.toString();
    }
}
