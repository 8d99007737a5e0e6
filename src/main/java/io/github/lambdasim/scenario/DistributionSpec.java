package io.github.lambdasim.scenario;

import io.github.lambdasim.engine.StandardNormal;
import java.util.Arrays;

/**
 * A probability distribution of a non-negative quantity (durations in microseconds, sizes in
 * MB), sampled by inversion: {@link #quantile(double)} maps one uniform to one variate, so that
 * compared variants of a scenario see the same draws (common random numbers).
 */
public sealed interface DistributionSpec {

    /** The value below which a fraction {@code u} of draws fall, for u in (0,1). */
    double quantile(double u);

    /** The exact mean, used by estimates and by tests against Little's law. */
    double mean();

    /** A short description as a user would write it, in the given unit. */
    String describe(Unit unit);

    /** How values are shown back to the user. */
    enum Unit {
        DURATION, MEGABYTES;

        String format(double value) {
            return this == DURATION ? Units.formatDuration(Math.round(value)) : trim(value) + "MB";
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    record Constant(double value) implements DistributionSpec {
        @Override
        public double quantile(double u) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public String describe(Unit unit) {
            return unit.format(value);
        }
    }

    record Uniform(double min, double max) implements DistributionSpec {
        @Override
        public double quantile(double u) {
            return min + (max - min) * u;
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }

        @Override
        public String describe(Unit unit) {
            return "uniform " + unit.format(min) + ".." + unit.format(max);
        }
    }

    record Exponential(double mean) implements DistributionSpec {
        @Override
        public double quantile(double u) {
            return -mean * Math.log1p(-u);
        }

        @Override
        public String describe(Unit unit) {
            return "exponential, mean " + unit.format(mean);
        }
    }

    /** A normal distribution cut at zero (a negative draw becomes 0: durations cannot be negative). */
    record Normal(double mean, double sd) implements DistributionSpec {
        @Override
        public double quantile(double u) {
            return Math.max(0, mean + sd * StandardNormal.quantile(u));
        }

        @Override
        public double mean() {
            // E[max(0, X)] for X ~ N(mean, sd): exact, so that tests against it stay honest.
            if (sd == 0) {
                return Math.max(0, mean);
            }
            double z = mean / sd;
            double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            return mean * StandardNormal.cdf(z) + sd * pdf;
        }

        @Override
        public String describe(Unit unit) {
            return "normal, mean " + unit.format(mean) + ", sd " + unit.format(sd);
        }
    }

    /**
     * A log-normal distribution: log of the value is N(mu, sigma). Its far tail is cut at
     * {@link #MAX_VALUE}: with a wide spread (median 1us, p99 366d) a draw could otherwise be
     * infinite and overflow the simulated clock.
     */
    record LogNormal(double mu, double sigma) implements DistributionSpec {
        /** The z-score of the 99th percentile of a standard normal. */
        public static final double Z99 = 2.3263478740408408;
        /** About 31 years in microseconds: beyond anything simulated, far from overflowing a long clock. */
        public static final double MAX_VALUE = 1e15;

        public static LogNormal ofMedianP99(double median, double p99) {
            return new LogNormal(Math.log(median), Math.log(p99 / median) / Z99);
        }

        public static LogNormal ofMeanSd(double mean, double sd) {
            double s2 = Math.log1p((sd * sd) / (mean * mean));
            return new LogNormal(Math.log(mean) - s2 / 2, Math.sqrt(s2));
        }

        @Override
        public double quantile(double u) {
            return Math.min(MAX_VALUE, Math.exp(mu + sigma * StandardNormal.quantile(u)));
        }

        @Override
        public double mean() {
            return Math.exp(mu + sigma * sigma / 2);
        }

        public double median() {
            return Math.exp(mu);
        }

        @Override
        public String describe(Unit unit) {
            return "lognormal, median " + unit.format(median()) + ", p99 " + unit.format(Math.exp(mu + sigma * Z99));
        }
    }

    /**
     * A table of percentiles (0 to 100) with the value at each, interpolated linearly between
     * them: the form in which traces such as Azure's publish durations.
     */
    record Empirical(double[] percentiles, double[] values) implements DistributionSpec {
        public Empirical {
            percentiles = percentiles.clone();
            values = values.clone();
        }

        @Override
        public double quantile(double u) {
            double p = u * 100;
            int i = Arrays.binarySearch(percentiles, p);
            if (i >= 0) {
                return values[i];
            }
            int hi = -i - 1;
            if (hi <= 0) {
                return values[0];
            }
            if (hi >= percentiles.length) {
                return values[values.length - 1];
            }
            int lo = hi - 1;
            double f = (p - percentiles[lo]) / (percentiles[hi] - percentiles[lo]);
            return values[lo] + f * (values[hi] - values[lo]);
        }

        @Override
        public double mean() {
            double sum = 0;
            for (int i = 1; i < percentiles.length; i++) {
                sum += (percentiles[i] - percentiles[i - 1]) / 100 * (values[i] + values[i - 1]) / 2;
            }
            return sum;
        }

        @Override
        public String describe(Unit unit) {
            StringBuilder sb = new StringBuilder("empirical");
            for (int i = 0; i < percentiles.length; i++) {
                sb.append(i == 0 ? " " : ", ").append('p').append(Unit.trim(percentiles[i])).append(' ')
                        .append(unit.format(values[i]));
            }
            return sb.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Empirical e && Arrays.equals(percentiles, e.percentiles) && Arrays.equals(values, e.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(percentiles) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Empirical" + Arrays.toString(percentiles) + Arrays.toString(values);
        }
    }
}
