package io.github.lambdasim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The period table keeps rows only for active function-periods, in order (period, then
 * function), finds a row by binary search, and reads a missing row as zeros.
 */
class PeriodSeriesTest {
    @Test
    void sparseRowsReadBackAsDenseSeriesWithZerosWhereAFunctionWasNotActive() {
        PeriodSeries.Builder b = new PeriodSeries.Builder(60_000_000, 300_000_000, List.of("a", "b", "c"));
        assertEquals(5, b.periods());
        int[][] active = {{0, 2}, {2}, {}, {0, 1, 2}, {1}};
        for (int p = 0; p < active.length; p++) {
            for (int f : active[p]) {
                int row = b.add(p, f);
                b.set(row, Metric.INVOCATIONS, 10 * p + f + 1);
            }
        }
        PeriodSeries s = b.build();
        assertEquals(7, s.rows());
        assertArrayEquals(new double[] {1, 0, 0, 31, 0}, s.series(0, Metric.INVOCATIONS));
        assertArrayEquals(new double[] {0, 0, 0, 32, 42}, s.series(1, Metric.INVOCATIONS));
        assertArrayEquals(new double[] {3, 13, 0, 33, 0}, s.series(2, Metric.INVOCATIONS));
        assertEquals(-1, s.row(1, 0));
        assertEquals(33, s.get(2, Metric.INVOCATIONS, 3));
        assertEquals(0, s.get(0, Metric.INVOCATIONS, 2));
    }

    @Test
    void rowsOutOfOrderAreABug() {
        PeriodSeries.Builder b = new PeriodSeries.Builder(60_000_000, 120_000_000, List.of("a", "b"));
        b.add(1, 0);
        assertThrows(IllegalArgumentException.class, () -> b.add(0, 1));
        assertThrows(IllegalArgumentException.class, () -> b.add(1, 0));
    }

    @Test
    void manyRowsSpanSeveralChunks() {
        PeriodSeries.Builder b = new PeriodSeries.Builder(1_000_000, 3_000_000_000L, List.of("only"));
        for (int p = 0; p < 3000; p++) {
            b.set(b.add(p, 0), Metric.REQUESTS, p);
        }
        PeriodSeries s = b.build();
        double[] v = s.series(0, Metric.REQUESTS);
        for (int p = 0; p < 3000; p++) {
            assertEquals(p, v[p]);
            assertEquals(p, s.get(0, Metric.REQUESTS, p));
        }
    }
}
