package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replications and what-if: common random numbers make the variance of a difference between two
 * close points far smaller than independent streams do; 95% confidence intervals from
 * replications cover the exact Erlang B value at about the nominal rate; the recommendation picks
 * the known best point (for CPU-bound work under a latency SLO, the one-vCPU memory size).
 */
class ExperimentTest {
    private static final String CPU_BOUND = """
            name: cpu
            duration: 20m
            seed: 8
            functions:
              - name: f
                memorySize: 1024
                coldStart: {constant: 100ms}
                handler:
                  steps:
                    - cpu: {lognormal: {median: 200ms, p99: 900ms}}
                    - io: {name: db, latency: {exponential: {mean: 20ms}}}
            traffic:
              - {function: f, poisson: {rate: 20/s}}
            """;

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    @Test
    void commonRandomNumbersSharpenDifferences() {
        ScenarioSpec a = Scenarios.parse(CPU_BOUND);
        ScenarioSpec b = Scenarios.parse(CPU_BOUND, "functions.f.memorySize=1100");
        int n = 10;
        List<Experiment.PointResult> crn = Experiment.run(List.of(a, b), n, null, 2, false, ProgressListener.NONE);
        // Independent streams: the second point with other seeds.
        List<ScenarioSpec> others = new ArrayList<>();
        others.add(Scenarios.parse(CPU_BOUND, "seed=1008", "functions.f.memorySize=1100"));
        List<Experiment.PointResult> independent = Experiment.run(others, n, null, 2, false, ProgressListener.NONE);
        String figure = "f.latencyMs.mean";
        double[] dCrn = new double[n];
        double[] dInd = new double[n];
        for (int r = 0; r < n; r++) {
            double base = crn.get(0).replications().get(r).get(figure);
            dCrn[r] = crn.get(1).replications().get(r).get(figure) - base;
            dInd[r] = independent.get(0).replications().get(r).get(figure) - base;
        }
        assertTrue(variance(dCrn) * 10 < variance(dInd), "CRN variance " + variance(dCrn) + " against " + variance(dInd));
        // More memory is faster for CPU-bound work below one vCPU: the sign is sure with CRN.
        Estimate diff = Estimate.of(dCrn);
        assertTrue(diff.high() < 0, "1100 MB is faster: " + diff);
    }

    @Test
    void confidenceIntervalsCoverTheExactValueAtTheNominalRate() {
        // 100 experiments of 4 replications each; a 95% interval should cover ErlangB(10, 8) about
        // 95 times. Binomial(100, 0.95) stays within 88..100 with probability above 0.999.
        double exact = ErlangBTest.erlangB(10, 8);
        List<ScenarioSpec> experiments = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            experiments.add(Scenarios.parse("""
                    name: erlang
                    duration: 5m
                    seed: %d
                    functions:
                      - name: f
                        reservedConcurrency: 10
                        coldStart: {constant: 0ms}
                        handler: {duration: {exponential: {mean: 100ms}}}
                    traffic:
                      - {function: f, poisson: {rate: 80/s}}
                    """.formatted(1000 + k)));
        }
        List<Experiment.PointResult> results = Experiment.run(experiments, 4, null, 2, false, ProgressListener.NONE);
        int covered = 0;
        for (Experiment.PointResult r : results) {
            double[] fractions = r.replications().stream().mapToDouble(m -> m.get("f.throttleRate")).toArray();
            if (Estimate.of(fractions).contains(exact)) {
                covered++;
            }
        }
        assertTrue(covered >= 88, "covered " + covered + " of 100");
    }

    @Test
    void recommendationPicksTheOneVcpuPointForCpuBoundWork() {
        // 400 ms of single-threaded CPU: 1769 MB runs it in 400 ms; less memory is slower at the
        // same cost per invocation, more memory is no faster and costs more.
        String yaml = CPU_BOUND.replace("- cpu: {lognormal: {median: 200ms, p99: 900ms}}", "- cpu: 400ms")
                .replace("{exponential: {mean: 20ms}}", "5ms");
        int[] sizes = {512, 1024, 1769, 2048, 3008};
        List<ScenarioSpec> points = new ArrayList<>();
        for (int m : sizes) {
            points.add(Scenarios.parse(yaml, "functions.f.memorySize=" + m));
        }
        List<Experiment.PointResult> results = Experiment.run(points, 3, null, 2, false, ProgressListener.NONE);
        List<Recommendation.Point> estimated = new ArrayList<>();
        List<String> figures = KeyFigures.names(List.of("f"));
        for (int i = 0; i < sizes.length; i++) {
            Map<String, Estimate> e = new java.util.LinkedHashMap<>();
            for (String f : figures) {
                int fi = i;
                e.put(f, Estimate.of(results.get(fi).replications().stream().mapToDouble(m -> m.get(f)).toArray()));
            }
            estimated.add(new Recommendation.Point(Map.of("memorySize", Integer.toString(sizes[i])), e));
        }
        Recommendation.Constraint slo = new Recommendation.Constraint("f.latencyMs.p99", "p99 latency", false, 450, "450ms");
        Recommendation.Result r = Recommendation.recommend(estimated, Recommendation.Objective.COST, List.of(slo),
                "costUsd.month.total", "f.latencyMs.p99");
        assertEquals(2, r.best(), r.sentence());
        assertTrue(r.sentence().startsWith("Recommended: memorySize=1769, the cheapest point meeting p99 latency <= 450ms"),
                r.sentence());
        assertEquals(List.of(false, false, true, true, true), r.meets());
        // Without an SLO the cheapest is still 1769 or below (all cost the same below one vCPU, within noise).
        Recommendation.Result latency = Recommendation.recommend(estimated, Recommendation.Objective.LATENCY, List.of(),
                "costUsd.month.total", "f.latencyMs.p99");
        assertTrue(latency.best() >= 2, latency.sentence());
    }
}
