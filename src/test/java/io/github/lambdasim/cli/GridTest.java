package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.model.Recommendation;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweep values: lists, and ranges that keep their upper bound; --slo bounds on each latency statistic. */
class GridTest {
    private static List<String> values(String text) {
        return Grid.parse(List.of("functions.api.memorySize=" + text)).get("functions.api.memorySize");
    }

    @Test
    void aRangeEndsAtItsUpperBoundEvenOffTheStep() {
        assertEquals(List.of("256", "512", "768"), values("256..768:256"));
        assertEquals(List.of("512", "768", "1024", "1280", "1536", "1792", "2048", "2304", "2560", "2816", "3008"),
                values("512..3008:256"), "3,008 is simulated, not dropped");
        assertEquals(List.of("128"), values("128..128:64"));
    }

    @Test
    void listsSplitOnTopLevelCommasOnly() {
        assertEquals(List.of("512", "{constant: 1ms}", "[1, 2]"), values("512,{constant: 1ms},[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> values("512,,1024"));
        assertThrows(IllegalArgumentException.class, () -> values("1024..512:256"));
    }

    @Test
    void anSloBoundsOneLatencyFigureOfTheFunction() {
        String[][] cases = {{"p50<=100ms", "latencyMs.p50"}, {"p90<=100ms", "latencyMs.p90"},
            {"p95<=100ms", "latencyMs.p95"}, {"p99<=100ms", "latencyMs.p99"}, {"p99.9<=100ms", "latencyMs.p999"},
            {"max<=100ms", "latencyMs.max"}, {"mean<=100ms", "latencyMs.mean"}, {"tm99<=100ms", "latencyMs.tm99"}};
        for (String[] c : cases) {
            Recommendation.Constraint slo = Grid.slo("api", c[0]);
            assertEquals("api." + c[1], slo.figure(), c[0]);
            assertEquals(100.0, slo.limit(), 1e-12, c[0]);
            assertFalse(slo.strict(), c[0]);
            assertTrue(io.github.lambdasim.model.Figures.byPath(c[1]).is(io.github.lambdasim.model.Figure.Use.KEY),
                    c[1] + " is a key figure, which sweeps estimate");
        }
        Recommendation.Constraint p999 = Grid.slo("api", " p99.9 < 1.5s ");
        assertTrue(p999.strict());
        assertEquals(1500.0, p999.limit(), 1e-12);
        assertEquals("p99.9 latency < 1.5s", p999.describe());
        assertEquals("tm99 latency <= 250ms", Grid.slo("api", "tm99<=250ms").describe());
        for (String bad : new String[] {"p999<=1s", "p98<=1s", "tm90<=1s", "p99.<=1s", "tm99>=1s", "p95<=fast"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.slo("api", bad), bad);
            assertTrue(e.getMessage().startsWith("--slo: "), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid.slo("api", "p98<=1s")).getMessage()
                .contains("p50, p90, p95, p99, p99.9, max, mean or tm99"));
    }
}
