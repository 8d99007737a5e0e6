package io.github.lambdasim.stats;

/** Count, mean, percentiles and maximum of a set of values, in milliseconds. */
public record DistributionSummary(long count, double mean, double p50, double p90, double p99, double max) {
    public static final DistributionSummary EMPTY = new DistributionSummary(0, 0, 0, 0, 0, 0);
}
