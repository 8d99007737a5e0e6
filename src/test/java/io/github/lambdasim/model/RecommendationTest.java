package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
