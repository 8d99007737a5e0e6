package io.github.lambdasim.stats;

import org.HdrHistogram.Histogram;

/**
 * Values in microseconds (latency, duration): an HdrHistogram for percentiles (3 significant
 * digits) plus an exact count, sum and maximum. Recording allocates nothing once the histogram
 * has grown to the range of the values seen.
 */
public final class Recorder {
    private final Histogram histogram = new Histogram(3);
    private long count;
    private double sum;
    private long max;

    public Recorder() {
        histogram.setAutoResize(true);
    }

    public void record(long micros) {
        long v = Math.max(0, micros);
        histogram.recordValue(v);
        count++;
        sum += v;
        if (v > max) {
            max = v;
        }
    }

    public long count() {
        return count;
    }

    public double sumMicros() {
        return sum;
    }

    public long maxMicros() {
        return max;
    }

    public double meanMicros() {
        return count == 0 ? 0 : sum / count;
    }

    /** The value at {@code percentile} (0..100), or 0 when nothing was recorded. */
    public long percentileMicros(double percentile) {
        return count == 0 ? 0 : Math.min(max, histogram.getValueAtPercentile(percentile));
    }

    /** Copies the recorded values into a summary in milliseconds. */
    public DistributionSummary summary() {
        return new DistributionSummary(count, meanMicros() / 1000.0, percentileMicros(50) / 1000.0,
                percentileMicros(90) / 1000.0, percentileMicros(99) / 1000.0, max / 1000.0);
    }

    public void add(Recorder other) {
        histogram.add(other.histogram);
        count += other.count;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    public void reset() {
        histogram.reset();
        count = 0;
        sum = 0;
        max = 0;
    }

    /** The underlying histogram, read-only by convention (for distribution charts). */
    public Histogram histogram() {
        return histogram;
    }
}
