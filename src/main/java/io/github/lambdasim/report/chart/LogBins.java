package io.github.lambdasim.report.chart;

import io.github.lambdasim.report.data.ReportData.LatencyHistogram;

/**
 * Bins of equal width on a log scale, for latency histograms drawn on a log axis: each decade
 * cut into the same number of bins, so every bin spans the same ratio of latencies.
 */
public final class LogBins {
    private LogBins() {
    }

    /**
     * Bin edges at 10^(k / perDecade) from the largest edge at or below {@code min} to the smallest
     * edge above {@code max} (both > 0): n + 1 edges for n bins.
     */
    public static double[] edges(double min, double max, int perDecade) {
        if (!(min > 0) || !(max >= min) || perDecade < 1) {
            throw new IllegalArgumentException("need 0 < min <= max and perDecade >= 1");
        }
        long first = (long) Math.floor(Math.log10(min) * perDecade + 1e-9);
        long last = (long) Math.floor(Math.log10(max) * perDecade + 1e-9) + 1;
        double[] e = new double[(int) (last - first + 1)];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.pow(10, (double) (first + i) / perDecade);
        }
        return e;
    }

    /**
     * The share (0..1) of the histogram's count in each bin, with its values converted by
     * {@code scale} (1e-3 for microseconds to milliseconds). A value on an edge goes to the bin
     * above it; values outside the edges go to the first or last bin.
     */
    public static double[] shares(LatencyHistogram h, double scale, double[] edges) {
        double[] counts = new double[edges.length - 1];
        if (h.totalCount() == 0) {
            return counts;
        }
        for (int i = 0; i < h.size(); i++) {
            double v = h.valueMicros(i) * scale;
            counts[bin(v, edges)] += h.count(i);
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] /= h.totalCount();
        }
        return counts;
    }

    /** The bin of {@code v}: the last edge at or below it, kept within the bins. */
    static int bin(double v, double[] edges) {
        int lo = 0;
        int hi = edges.length - 2;
        if (v < edges[1]) {
            return 0;
        }
        if (v >= edges[hi]) {
            return hi;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
