package io.github.lambdasim.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.report.data.ReportData.LatencyHistogram;
import org.junit.jupiter.api.Test;

/**
 * Binning that keeps charts exact: merged periods add counts, keep maxima and weigh means by
 * time; merge factors give round bin lengths and at most the points asked; log bins span equal
 * ratios, cover the data, and each histogram's shares add up to one; running totals and gaps
 * behave.
 */
class BinningTest {
    @Test
    void mergingPeriodsIsExact() {
        double[] v = {1, 5, 2, 0, 3, 4, 7};
        assertArrayEquals(new double[] {8, 7, 7}, Binning.merge(v, 3, Binning.Merge.SUM, null));
        assertArrayEquals(new double[] {5, 4, 7}, Binning.merge(v, 3, Binning.Merge.MAX, null));
        assertArrayEquals(new double[] {8 / 3.0, 7 / 3.0, 7}, Binning.merge(v, 3, Binning.Merge.MEAN, null), 1e-12);
        double[] weights = {60, 60, 60, 60, 60, 60, 30};
        // A 30-second period weighs half a 60-second one.
        assertArrayEquals(new double[] {4, (6 * 30 + 8 * 60) / 90.0},
                Binning.merge(new double[] {2, 6, 6, 8}, 2, Binning.Merge.MEAN, new double[] {60, 60, 30, 60}), 1e-12);
        assertArrayEquals(v, Binning.merge(v, 1, Binning.Merge.MEAN, weights));
        assertEquals(3, Binning.merge(v, 3, Binning.Merge.MEAN, weights).length);
    }

    @Test
    void mergeFactorsGiveRoundBinsAndFewPoints() {
        assertEquals(1, Binning.factor(60, 120, 240));
        assertEquals(6, Binning.factor(600, 1008, 240), "10-minute periods of a week: hourly bins");
        assertEquals(3, Binning.factor(10, 720, 240), "10-second periods of two hours: 30-second bins");
        assertEquals(5, Binning.factor(60, 1000, 240), "1-minute periods: 5-minute bins");
        for (int periods = 1; periods < 5000; periods += 37) {
            for (double period : new double[] {1, 7, 60, 600, 86_400}) {
                int k = Binning.factor(period, periods, 240);
                assertTrue((periods + k - 1) / k <= 240, periods + " x " + period + " s -> " + k);
            }
        }
    }

    @Test
    void logBinsSpanEqualRatiosAndCoverTheData() {
        double[] e = LogBins.edges(20, 1300, 10);
        assertEquals(Math.pow(10, 13 / 10.0), e[0], 1e-9);
        assertTrue(e[0] <= 20 && e[e.length - 1] > 1300);
        for (int i = 1; i < e.length; i++) {
            assertEquals(Math.pow(10, 0.1), e[i] / e[i - 1], 1e-9);
        }
        assertEquals(1, LogBins.edges(1, 1, 10).length - 1, "one value, one bin");
    }

    @Test
    void histogramSharesAddUpToOne() {
        LatencyHistogram h = new LatencyHistogram(new long[] {20_000, 21_000, 35_000, 900_000}, new long[] {10, 5, 4, 1});
        double[] edges = LogBins.edges(20, 900, 10);
        double[] shares = LogBins.shares(h, 1e-3, edges);
        assertEquals(1, Series.total(shares), 1e-12);
        assertEquals(15 / 20.0, shares[0], 1e-12, "20 ms and 21 ms share the bin from 19.95 ms");
        assertEquals(1 / 20.0, shares[shares.length - 1], 1e-12);
        assertEquals(0, LogBins.bin(0.5, edges));
        assertEquals(edges.length - 2, LogBins.bin(1e9, edges));
        assertEquals(3, LogBins.bin(edges[3], edges), "a value on an edge goes to the bin above it");
        assertArrayEquals(new double[edges.length - 1], LogBins.shares(new LatencyHistogram(new long[0], new long[0]), 1e-3,
                edges));
        assertEquals(20_000, h.percentileMicros(50));
        assertEquals(35_000, h.percentileMicros(90));
        assertEquals(900_000, h.percentileMicros(100));
    }

    @Test
    void runningTotalsAndGaps() {
        assertArrayEquals(new double[] {1, 3, 3, 7}, Series.cumulative(new double[] {1, 2, Double.NaN, 4}));
        double[] gaps = Series.gapsWhereNone(new double[] {5, 0, 7}, new double[] {2, 0, 1});
        assertEquals(5, gaps[0]);
        assertTrue(Double.isNaN(gaps[1]), "no invocations: a gap, not a latency of 0");
        assertEquals(7, Series.max(gaps));
        assertEquals(5, Series.minPositive(gaps));
        assertTrue(Double.isNaN(Series.minPositive(new double[] {0, Double.NaN})));
        assertArrayEquals(new double[] {3, 5}, Series.sum(new double[] {1, 2}, new double[] {2, 3}));
    }

    /** Percentiles do not merge: per bin, the lowest, the median and the highest period, skipping empty ones. */
    @Test
    void orderGivesEachBinsLowestMedianAndHighestPeriod() {
        double nan = Double.NaN;
        double[][] o = Binning.order(new double[] {5, 1, 3, 9, nan, 2, nan, nan, nan, 4}, 3);
        assertArrayEquals(new double[] {1, 2, nan, 4}, o[0]);
        assertArrayEquals(new double[] {3, 5.5, nan, 4}, o[1]);
        assertArrayEquals(new double[] {5, 9, nan, 4}, o[2]);
    }
}
