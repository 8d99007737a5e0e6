package io.github.lambdasim.model;

import org.apache.commons.math3.distribution.TDistribution;

/** Mean and Student-t confidence half-width of independent replications. */
record ConfidenceInterval(double mean, double halfWidth, int n) {
    static ConfidenceInterval of(double[] values, double confidence) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new ConfidenceInterval(mean, t * sd / Math.sqrt(n), n);
    }

    boolean contains(double value) {
        return Math.abs(value - mean) <= halfWidth;
    }

    @Override
    public String toString() {
        return mean + " +/- " + halfWidth + " (n=" + n + ")";
    }
}
