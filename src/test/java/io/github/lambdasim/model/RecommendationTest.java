package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lambdasim.stats.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The recommendation among points of equal score: below one vCPU memory costs the same per
 * invocation, so the cheapest point meeting an SLO is a tie, and the faster of the tied points is
 * the one to recommend (the cheaper one when latency is the objective); a point better by its
 * objective still wins over a tie-break.
 */
class RecommendationTest {
    private static Recommendation.Point point(String memory, double costUsd, double p99Ms) {
        Map<String, Estimate> f = new LinkedHashMap<>();
        f.put("cost", new Estimate(costUsd, 0, 5));
        f.put("p99", new Estimate(p99Ms, 0, 5));
        return new Recommendation.Point(Map.of("memorySize", memory), f);
    }

    private static int best(Recommendation.Objective objective, Recommendation.Point... points) {
        Recommendation.Constraint slo = new Recommendation.Constraint("p99", "p99 latency", false, 1500, "1500ms");
        return Recommendation.recommend(new ArrayList<>(List.of(points)), objective, List.of(slo), "cost", "p99").best();
    }

    @Test
    void ofPointsCostingTheSameTheFasterIsRecommended() {
        assertEquals(2, best(Recommendation.Objective.COST, point("1024", 92.48, 2101), point("1536", 92.48, 1401),
                point("1792", 92.48, 1200), point("3008", 154.88, 1200)));
    }

    @Test
    void aCheaperPointBeatsAFasterOne() {
        assertEquals(1, best(Recommendation.Objective.COST, point("1792", 92.49, 1200), point("1536", 92.48, 1401)));
    }

    @Test
    void ofEquallyFastPointsTheCheaperIsRecommendedForLatency() {
        assertEquals(1, best(Recommendation.Objective.LATENCY, point("3008", 154.88, 1200), point("1792", 92.48, 1200),
                point("2048", 105.62, 1200)));
    }

    @Test
    void aSweepOfOneFunctionsSettingsWeighsThatFunctionsOwnCost() {
        List<String> ten = List.of("api", "worker", "a", "b", "c", "d", "e", "f", "g", "h");
        assertEquals("api.costUsd.month.total", Recommendation.sweepCost(ten, "api",
                List.of("functions.api.memorySize", "functions[0].architecture", "functions.0.timeout")));
        assertEquals("cost of api a month", Recommendation.costLabel("api.costUsd.month.total"));
        // A setting of another function, of every function or of the traffic: the whole scenario's cost.
        for (String other : List.of("functions.worker.memorySize", "functions[1].memorySize", "functionDefaults.memorySize",
                "traffic[0].poisson.rate", "platform.idleLifetime")) {
            assertEquals(Recommendation.TOTAL_COST, Recommendation.sweepCost(ten, "api",
                    List.of("functions.api.memorySize", other)), other);
        }
        assertEquals("cost a month (all functions)", Recommendation.costLabel(Recommendation.TOTAL_COST));
        // One function: its cost is the scenario's, named as it always was.
        assertEquals(null, Recommendation.sweepCost(List.of("api"), "api", List.of("functions.api.memorySize")));
        assertEquals("cost a month", Recommendation.costLabel(null));
        assertEquals(Recommendation.TOTAL_COST, Recommendation.costFigure(null));
    }

    @Test
    void theSentenceSaysWhichCost() {
        List<Recommendation.Point> points = List.of(point("512", 1.5, 100));
        assertEquals("Recommended: memorySize=512, the cheapest point: cost of api $1.50 ± 0.00 (95% CI, n=5) a month, "
                + "p99 latency 100 ± 0 ms (95% CI, n=5).", Recommendation.recommend(points, Recommendation.Objective.COST,
                0.5, List.of(), "api.costUsd.month.total", "cost", "p99").sentence());
        assertEquals("Recommended: memorySize=512, the cheapest point: cost $1.50 ± 0.00 (95% CI, n=5) a month (all "
                + "functions), p99 latency 100 ± 0 ms (95% CI, n=5).", Recommendation.recommend(points,
                Recommendation.Objective.COST, 0.5, List.of(), Recommendation.TOTAL_COST, "cost", "p99").sentence());
        assertEquals("Recommended: memorySize=512, the cheapest point: $1.50 ± 0.00 (95% CI, n=5) a month, "
                + "p99 latency 100 ± 0 ms (95% CI, n=5).", Recommendation.recommend(points, Recommendation.Objective.COST,
                List.of(), "cost", "p99").sentence());
    }

    @Test
    void theSentenceWritesLatencyAsTheTablesDo() {
        // The seed's 128 MB point: 16,810 ms is written in seconds, as the sweep's table writes it.
        assertEquals("Recommended: memorySize=128, the cheapest point: $92.09 ± 0.00 (95% CI, n=5) a month, "
                + "p99 latency 16.8 ± 0.0 s (95% CI, n=5).", Recommendation.recommend(List.of(point("128", 92.09, 16810)),
                Recommendation.Objective.COST, List.of(), "cost", "p99").sentence());
        assertEquals("Recommended: memorySize=1024, the cheapest point: $92.45 ± 0.00 (95% CI, n=5) a month, "
                + "p99 latency 2,101 ± 0 ms (95% CI, n=5).", Recommendation.recommend(List.of(point("1024", 92.45, 2101)),
                Recommendation.Objective.COST, List.of(), "cost", "p99").sentence());
    }

    /**
     * The balanced objective is AWS Lambda Power Tuning's (lambda/analyzer.js, findBalanced): the
     * lowest w x cost / max cost + (1 - w) x duration / max duration, w = balancedWeight (0.5 by
     * default; 0 the fastest, 1 the cheapest). Hand-computed on three points, costs 10, 12, 20 and
     * latencies 1000, 500, 400 (max 20 and 1000):
     * w = 0.5: 0.75, 0.55, 0.70 -> the second; w = 0.9: 0.55, 0.59, 0.94 -> the first;
     * w = 0.1: 0.95, 0.51, 0.46 -> the third; w = 0 and 1 are the latency and cost objectives.
     */
    @Test
    void balancedWeighsCostAndLatencyAsPowerTuningDoes() {
        List<Recommendation.Point> points = List.of(point("128", 10, 1000), point("512", 12, 500), point("1024", 20, 400));
        double[] weights = {0.5, 0.9, 0.1, 0, 1};
        int[] expected = {1, 0, 2, 2, 0};
        for (int k = 0; k < weights.length; k++) {
            assertEquals(expected[k], Recommendation.recommend(points, Recommendation.Objective.BALANCED, weights[k], List.of(),
                    null, "cost", "p99").best(), "w = " + weights[k]);
        }
        assertEquals("Recommended: memorySize=1024, the best balance of cost and p99 latency (weight of cost 0.1): "
                + "$20.00 ± 0.00 (95% CI, n=5) a month, p99 latency 400 ± 0 ms (95% CI, n=5).",
                Recommendation.recommend(points, Recommendation.Objective.BALANCED, 0.1, List.of(), null, "cost", "p99")
                        .sentence());
        assertThrows(IllegalArgumentException.class, () -> Recommendation.recommend(points,
                Recommendation.Objective.BALANCED, 1.5, List.of(), null, "cost", "p99"));
    }

    @Test
    void pointsAreNamedByTheShortestEndOfEachPathThatTellsThemApart() {
        assertEquals(Map.of("functions.hash.memorySize", "memorySize", "functions.hash.handler.threads", "threads"),
                Recommendation.shortNames(List.of("functions.hash.memorySize", "functions.hash.handler.threads")));
        assertEquals(Map.of("functions.api.memorySize", "api.memorySize", "functions.worker.memorySize", "worker.memorySize",
                "traffic[0].poisson.rate", "rate"), Recommendation.shortNames(List.of("functions.api.memorySize",
                "functions.worker.memorySize", "traffic[0].poisson.rate")));
    }
}
