package io.github.lambdasim.stats;

/**
 * Count, mean, percentiles and maximum of a set of values, in milliseconds, and the trimmed mean
 * {@code tm99}: the mean of the values at or below the 99th percentile (CloudWatch's TM99).
 */
public record DistributionSummary(long count, double mean, double p50, double p90, double p95, double p99,
                                  double p999, double max, double tm99) {
    public static final DistributionSummary EMPTY = new DistributionSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
