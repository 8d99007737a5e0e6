package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * p95, p99.9 and the trimmed mean tm99 of a run and of each period, in a run whose values are
 * known: every handler takes 50 ms, the one cold start adds a 100 ms init, so latencies are 50 ms
 * but one of 150 ms; tm99 trims it away where a period has more than 100 invocations.
 */
class PercentileMetricsTest {
    private static final String SCENARIO = """
            name: percentiles
            duration: 3m
            seed: 1
            functions:
              - name: f
                memorySize: 1769
                coldStart: {constant: 100ms}
                handler: {duration: 50ms}
            traffic:
              - {function: f, constant: {rate: 2/s}}
            """;

    @Test
    void constantDurationsGiveKnownFiguresPerPeriodAndForTheRun() {
        RunResult run = Scenarios.run(Scenarios.parse(SCENARIO), 0);
        FunctionResult f = Scenarios.only(run);
        assertEquals(1, f.coldStarts());
        PeriodSeries s = run.series();
        assertEquals(3, s.periods());
        for (int p = 0; p < 3; p++) {
            String at = "period " + p;
            assertTrue(s.get(0, Metric.INVOCATIONS, p) > 100, at);
            for (Metric m : new Metric[] {Metric.DURATION_TM99_MS, Metric.DURATION_P95_MS, Metric.DURATION_P999_MS,
                Metric.LATENCY_TM99_MS, Metric.LATENCY_P95_MS}) {
                assertEquals(50.0, s.get(0, m, p), 1e-9, at + " " + m.column());
            }
            // the cold start's 150 ms is the period's top value: p99.9 and max, trimmed from tm99
            assertEquals(p == 0 ? 150.0 : 50.0, s.get(0, Metric.LATENCY_P999_MS, p), 1e-9, at);
            assertEquals(p == 0 ? 150.0 : 50.0, s.get(0, Metric.LATENCY_MAX_MS, p), 1e-9, at);
        }
        // The whole run: about 360 invocations, kept exact; its percentiles are the tops of their
        // 3-digit buckets (50 ms is reported 50.015 ms), the trimmed mean sums the values themselves.
        assertEquals(50.0, f.latencyMs().tm99(), 1e-9);
        assertEquals(50.015, f.latencyMs().p95(), 1e-9);
        assertEquals(150.0, f.latencyMs().p999(), 1e-9); // the maximum, which caps the bucket's top
        assertTrue(f.latencyMs().mean() > 50.0);
        assertEquals(50.0, f.durationMs().tm99(), 1e-9);
        assertEquals(50.0, f.durationMs().p999(), 1e-9);
        Map<String, Double> figures = Figures.values(run, 0);
        assertEquals(50.0, figures.get("latencyMs.tm99"), 1e-9);
        assertEquals(150.0, figures.get("latencyMs.p999"), 1e-9);
        assertEquals(50.0, figures.get("durationMs.p95"), 1e-9);
        assertEquals(java.util.List.of(), Invariants.check(run));
    }
}
