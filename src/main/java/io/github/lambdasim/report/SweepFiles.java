package io.github.lambdasim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.model.Recommendation;
import io.github.lambdasim.stats.Estimate;
import java.util.List;
import java.util.Map;

/**
 * sweep.csv (one row per point: the varied values, then each key figure's mean and 95% CI
 * half-width) and sweep.json (the points, the constraints and the recommendation).
 */
public final class SweepFiles {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private SweepFiles() {
    }

    private static String header(List<String> varied, List<String> figures) {
        StringBuilder sb = new StringBuilder();
        for (String v : varied) {
            sb.append(quote(v)).append(',');
        }
        sb.append("meetsConstraints");
        for (String f : figures) {
            sb.append(',').append(f).append(',').append(f).append(".ci95");
        }
        sb.append('\n');
        return sb.toString();
    }

    public static String csv(List<String> varied, List<String> figures, List<Recommendation.Point> points,
                             Recommendation.Result result) {
        StringBuilder sb = new StringBuilder(header(varied, figures));
        for (int i = 0; i < points.size(); i++) {
            Recommendation.Point p = points.get(i);
            for (String v : varied) {
                sb.append(quote(p.values().get(v))).append(',');
            }
            sb.append(result.meets().get(i));
            for (String f : figures) {
                Estimate e = p.figures().get(f);
                sb.append(',').append(MetricsCsv.plain(e.mean(), 6)).append(',').append(MetricsCsv.plain(e.halfWidth(), 6));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * @param function the function whose latency and rates the objective and constraints use
     * @param cost     the monthly cost the sweep weighs ({@link Recommendation#sweepCost}): written as
     *                 {@code cost} when not null (a scenario of several functions); without it, the
     *                 scenario's {@code costUsd.month.total}
     */
    public static ObjectNode json(String scenario, String description, long seed, int replications,
                                  Map<String, List<String>> vary, String function, String cost, String objective,
                                  Double balancedWeight, String memoryAxis, List<Recommendation.Constraint> constraints, List<String> figures,
                                  List<Recommendation.Point> points, Recommendation.Result result) {
        ObjectNode root = NODES.objectNode();
        root.put("scenario", scenario);
        root.put("description", description);
        root.put("seed", seed);
        root.put("replications", replications);
        root.put("confidence", Estimate.CONFIDENCE);
        ObjectNode v = root.putObject("vary");
        vary.forEach((path, values) -> {
            ArrayNode a = v.putArray(path);
            values.forEach(value -> a.add(value(value)));
        });
        root.put("function", function);
        if (cost != null) {
            root.put("cost", cost);
        }
        root.put("objective", objective);
        if (balancedWeight != null) {
            root.put("balancedWeight", balancedWeight);
        }
        root.put("memoryAxis", memoryAxis);
        ArrayNode cs = root.putArray("constraints");
        for (Recommendation.Constraint c : constraints) {
            ObjectNode o = cs.addObject();
            o.put("figure", c.figure());
            o.put("operator", c.strict() ? "<" : "<=");
            o.set("limit", SummaryJson.number(c.limit(), 6));
            o.put("text", c.describe());
        }
        ArrayNode ps = root.putArray("points");
        for (int i = 0; i < points.size(); i++) {
            Recommendation.Point p = points.get(i);
            ObjectNode o = ps.addObject();
            ObjectNode values = o.putObject("values");
            p.values().forEach((path, value) -> values.set(path, value(value)));
            o.put("meetsConstraints", result.meets().get(i));
            ArrayNode u = o.putArray("uncertain");
            result.uncertain().get(i).forEach(u::add);
            o.set("figures", figures(figures, p.figures()));
        }
        ObjectNode r = root.putObject("recommendation");
        if (result.best() >= 0) {
            r.put("point", result.best());
            ObjectNode values = r.putObject("values");
            points.get(result.best()).values().forEach((path, value) -> values.set(path, value(value)));
        } else {
            r.putNull("point");
        }
        if (result.runnerUp() >= 0) {
            r.put("tiedWith", result.runnerUp());
        }
        r.put("sentence", result.sentence());
        return root;
    }

    /** {@code {name: {mean, ci95}}} for each figure. */
    public static ObjectNode figures(List<String> names, Map<String, Estimate> estimates) {
        ObjectNode o = NODES.objectNode();
        for (String f : names) {
            Estimate e = estimates.get(f);
            ObjectNode n = o.putObject(f);
            n.set("mean", SummaryJson.number(e.mean(), 6));
            n.set("ci95", SummaryJson.number(e.halfWidth(), 6));
        }
        return o;
    }

    /** A varied value as written: a number where it is a plain number (1024, 0.5), else text (2GB, 10s, true). */
    private static com.fasterxml.jackson.databind.JsonNode value(String written) {
        return written.matches("-?(0|[1-9][0-9]{0,17})(\\.[0-9]+)?") ? NODES.numberNode(new java.math.BigDecimal(written))
                : NODES.textNode(written);
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
