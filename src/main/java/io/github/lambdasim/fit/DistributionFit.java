package io.github.lambdasim.fit;

import java.util.Arrays;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * A sample of durations (or sizes) fitted two ways, and the one that fits better: a log-normal by
 * maximum likelihood (the mean and standard deviation of the logarithms), and the empirical
 * percentile table {@code p0, p1, p5, p25, p50, p75, p95, p99, p100} (the form of the Azure
 * Functions trace, which the scenario's {@code empirical} distribution reads, linear between
 * them). Each is judged by its Kolmogorov-Smirnov distance to the sample: the largest gap between
 * its distribution function and the sample's.
 *
 * @param n          the sample's size
 * @param median     the log-normal's median ({@code exp(mu)})
 * @param p99        the log-normal's 99th percentile ({@code exp(mu + 2.326 sigma)})
 * @param logNormalD the log-normal's KS distance
 * @param table      the empirical percentiles, at {@link #PERCENTILES}
 * @param tableD     the table's KS distance
 */
public record DistributionFit(int n, double median, double p99, double logNormalD, double[] table, double tableD) {
    /** The percentiles of the empirical table. */
    public static final double[] PERCENTILES = {0, 1, 5, 25, 50, 75, 95, 99, 100};

    /** Fits a sample of at least two positive values. */
    public static DistributionFit of(double[] values) {
        double[] x = values.clone();
        Arrays.sort(x);
        if (x.length < 2 || x[0] <= 0) {
            throw new IllegalArgumentException("a fit needs at least two positive values");
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.log(v);
        }
        double mu = sum / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (Math.log(v) - mu) * (Math.log(v) - mu);
        }
        double sigma = Math.sqrt(ss / (x.length - 1));
        double[] table = new double[PERCENTILES.length];
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(x);
        for (int i = 0; i < table.length; i++) {
            table[i] = PERCENTILES[i] == 0 ? x[0] : PERCENTILES[i] == 100 ? x[x.length - 1] : p.evaluate(PERCENTILES[i]);
        }
        double lnD;
        double median = Math.exp(mu);
        double p99 = Math.exp(mu + 2.3263478740408408 * sigma);
        if (sigma > 0) {
            lnD = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new LogNormalDistribution(null, mu, sigma), x);
        } else {
            lnD = 1;
        }
        return new DistributionFit(x.length, median, p99, lnD, table, distance(x, table));
    }

    /** Whether the log-normal fits at least as well as the table (then the scenario gets the simpler form). */
    public boolean logNormalFits() {
        return logNormalD <= tableD && p99 > median * 1.001;
    }

    /** KS distance between a sorted sample and the table's piecewise-linear distribution function. */
    static double distance(double[] sorted, double[] table) {
        double d = 0;
        int n = sorted.length;
        for (int i = 0; i < n; i++) {
            double f = cdf(table, sorted[i]);
            d = Math.max(d, Math.max(Math.abs(f - (double) (i + 1) / n), Math.abs(f - (double) i / n)));
        }
        return d;
    }

    private static double cdf(double[] table, double v) {
        if (v <= table[0]) {
            return 0;
        }
        for (int i = 1; i < table.length; i++) {
            if (v <= table[i]) {
                double span = table[i] - table[i - 1];
                double within = span > 0 ? (v - table[i - 1]) / span : 1;
                return (PERCENTILES[i - 1] + within * (PERCENTILES[i] - PERCENTILES[i - 1])) / 100;
            }
        }
        return 1;
    }
}
