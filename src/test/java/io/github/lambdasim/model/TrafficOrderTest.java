package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.lambdasim.stats.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arrival streams are keyed by the traffic source's name, not its place in the list: reordering
 * the traffic entries leaves every function's results (counts, latencies, environments, bill,
 * per-period metrics) identical, even where the functions compete for the account's capacity
 * and its 2019 scaling burst; renaming a source gives it other arrivals.
 */
class TrafficOrderTest {
    private static final String FUNCTIONS = """
            name: order
            duration: 10m
            seed: 11
            platform: 2019
            account: {concurrencyLimit: 150}
            functions:
              - {name: api, memorySize: 512, handler: {duration: {lognormal: {median: 80ms, p99: 900ms}}}}
              - {name: worker, memorySize: 1024, handler: {duration: {exponential: {mean: 2s}}}}
              - {name: cron, handler: {duration: 1s}}
            traffic:
            """;
    private static final List<String> TRAFFIC = List.of(
            "  - {function: api, poisson: {rate: 40/s}}",
            "  - {function: api, spike: {at: 3m, for: 1m, rate: 400/s}}",
            "  - {function: worker, poisson: {rate: 30/s}}",
            "  - {function: worker, constant: {rate: 1/s}}",
            "  - {function: cron, constant: {rate: 2/s, start: 1m}}",
            "  - {function: api, poisson: {rate: 5/s}, name: mobile}");

    private static RunResult run(List<String> traffic) {
        return Scenarios.run(Scenarios.parse(FUNCTIONS + String.join("\n", traffic) + "\n"), 0);
    }

    @Test
    void reorderingTheTrafficListChangesNoFunctionsResults() {
        RunResult inOrder = run(TRAFFIC);
        List<String> reversed = new ArrayList<>(TRAFFIC);
        java.util.Collections.reverse(reversed);
        List<String> shuffled = List.of(TRAFFIC.get(3), TRAFFIC.get(5), TRAFFIC.get(0), TRAFFIC.get(4), TRAFFIC.get(2),
                TRAFFIC.get(1));
        long throttles = inOrder.functions().stream().mapToLong(FunctionResult::throttles).sum();
        assertNotEquals(0, throttles, "the functions compete for the account's capacity");
        for (List<String> other : List.of(reversed, shuffled)) {
            RunResult r = run(other);
            for (int f = 0; f < inOrder.functions().size(); f++) {
                FunctionResult a = inOrder.functions().get(f);
                FunctionResult b = r.functions().get(f);
                assertEquals(Figures.values(inOrder, f), Figures.values(r, f), a.name());
                assertEquals(a.billedMicros(), b.billedMicros(), a.name());
                for (Metric m : Metric.values()) {
                    assertEquals(java.util.Arrays.toString(inOrder.series().series(f, m)),
                            java.util.Arrays.toString(r.series().series(f, m)), a.name() + " " + m);
                }
            }
        }
    }

    @Test
    void aSourcesNameIsItsStream() {
        RunResult named = run(TRAFFIC);
        List<String> renamed = new ArrayList<>(TRAFFIC);
        renamed.set(5, "  - {function: api, poisson: {rate: 5/s}, name: web}");
        assertNotEquals(named.functions().get(0).requests(), run(renamed).functions().get(0).requests());
    }
}
