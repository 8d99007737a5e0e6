package io.github.lambdasim.stats;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A figure estimated from independent replications: the mean and the half-width of its 95%
 * Student-t confidence interval ({@code 812 ± 9 ms (95% CI, n=10)}). With one replication the
 * half-width is unknown (NaN).
 */
public record Estimate(double mean, double halfWidth, int n) {
    public static final double CONFIDENCE = 0.95;

    public static Estimate of(double[] values) {
        return of(values, CONFIDENCE);
    }

    public static Estimate of(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Estimate(mean, t * sd / Math.sqrt(n), n);
    }

    /** The same estimate of {@code factor} times the quantity: per invocation from per million, say. */
    public Estimate scaled(double factor) {
        return new Estimate(mean * factor, halfWidth * factor, n);
    }

    public double low() {
        return mean - (Double.isNaN(halfWidth) ? 0 : halfWidth);
    }

    public double high() {
        return mean + (Double.isNaN(halfWidth) ? 0 : halfWidth);
    }

    /** Whether the interval contains {@code value}. */
    public boolean contains(double value) {
        return !Double.isNaN(halfWidth) && Math.abs(value - mean) <= halfWidth;
    }

    /** {@code 812 ± 9 ms (95% CI, n=10)}, or {@code 812 ms (n=1)}. */
    public String format(String pattern, String unit) {
        String m = String.format(Locale.ROOT, pattern, mean);
        if (n < 2 || Double.isNaN(halfWidth)) {
            return m + unit + " (n=" + n + ")";
        }
        return m + " ± " + String.format(Locale.ROOT, pattern, halfWidth) + unit + " (95% CI, n=" + n + ")";
    }
}
