package io.github.lambdasim.stats;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Values in microseconds over a whole run (latency, duration, init), with percentiles at 3
 * significant digits: exact count, sum and maximum, plus the values themselves. A recorder keeps
 * the values in a growing array until it holds {@link #EXACT_LIMIT} of them, then moves them into
 * an HdrHistogram (3 significant digits) and records there; so a function called a few hundred
 * times costs a few kilobytes, and a busy one at most one histogram. Percentiles are the same in
 * both forms: HdrHistogram's {@code getValueAtPercentile}, computed from the sorted values when
 * they are still kept. Recording allocates nothing once the array or histogram has grown.
 */
public final class Recorder {
    /** Values kept as they are before a histogram takes over (64 kB, about a 3-digit histogram's size). */
    public static final int EXACT_LIMIT = 8192;
    static final int DIGITS = 3;
    /** Gives the bucket boundaries of 3 significant digits; never recorded into. */
    private static final Histogram BUCKETS = new Histogram(DIGITS);

    private long[] values = new long[8];
    private int kept;
    private boolean sorted;
    private Histogram histogram;
    private long count;
    private double sum;
    private long max;

    public void record(long micros) {
        long v = Math.max(0, micros);
        count++;
        sum += v;
        if (v > max) {
            max = v;
        }
        keep(v);
    }

    /** Adds a value to the array or the histogram, without the counters. */
    private void keep(long v) {
        if (histogram != null) {
            histogram.recordValue(v);
            return;
        }
        if (kept == values.length) {
            if (kept == EXACT_LIMIT) {
                moveToHistogram();
                histogram.recordValue(v);
                return;
            }
            values = Arrays.copyOf(values, Math.min(EXACT_LIMIT, kept * 2));
        }
        values[kept++] = v;
        sorted = false;
    }

    private void moveToHistogram() {
        histogram = newHistogram();
        for (int i = 0; i < kept; i++) {
            histogram.recordValue(values[i]);
        }
        values = null;
        kept = 0;
    }

    static Histogram newHistogram() {
        Histogram h = new Histogram(DIGITS);
        h.setAutoResize(true);
        return h;
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

    /** Whether the values are still kept as they are (not yet in a histogram). */
    boolean exact() {
        return histogram == null;
    }

    /** The value at {@code percentile} (0..100) as a 3-digit HdrHistogram gives it, at most the maximum; 0 when empty. */
    public long percentileMicros(double percentile) {
        if (count == 0) {
            return 0;
        }
        if (histogram != null) {
            return Math.min(max, histogram.getValueAtPercentile(percentile));
        }
        if (!sorted) {
            Arrays.sort(values, 0, kept);
            sorted = true;
        }
        return Math.min(max, valueAtPercentile(values, kept, percentile));
    }

    /**
     * HdrHistogram's value at a percentile of {@code n} sorted values: the bucket of the value at
     * rank ceil(p / 100 x n) (at least 1), given as the highest value of that bucket (the lowest
     * for percentile 0).
     */
    static long valueAtPercentile(long[] sortedValues, int n, double percentile) {
        long v = sortedValues[rank(percentile, n) - 1];
        return percentile == 0.0 ? BUCKETS.lowestEquivalentValue(v) : BUCKETS.highestEquivalentValue(v);
    }

    /**
     * The rank (from 1) of the value at {@code percentile} among {@code n} sorted values, as
     * HdrHistogram counts it: ceil(p / 100 x n), at least 1, with p taken a hair below itself so
     * that 99.9 x 1000 is 999, not 1000.
     */
    static int rank(double percentile, int n) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
        return (int) Math.min(n, Math.max(1, (long) Math.ceil(requested * n / 100.0)));
    }

    /** Copies the recorded values into a summary in milliseconds. */
    public DistributionSummary summary() {
        return new DistributionSummary(count, meanMicros() / 1000.0, percentileMicros(50) / 1000.0,
                percentileMicros(90) / 1000.0, percentileMicros(99) / 1000.0, max / 1000.0);
    }

    /** A recorder holding the values of both. */
    public static Recorder merge(Recorder a, Recorder b) {
        Recorder m = new Recorder();
        m.addAll(a);
        m.addAll(b);
        return m;
    }

    private void addAll(Recorder other) {
        if (other.histogram != null) {
            if (histogram == null) {
                moveToHistogram();
            }
            histogram.add(other.histogram);
        } else {
            for (int i = 0; i < other.kept; i++) {
                keep(other.values[i]);
            }
        }
        count += other.count;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    /** The values in HdrHistogram's compressed encoding (3 significant digits). */
    public CompressedHistogram compressed() {
        if (histogram != null) {
            return CompressedHistogram.of(histogram);
        }
        Histogram h = newHistogram();
        for (int i = 0; i < kept; i++) {
            h.recordValue(values[i]);
        }
        return CompressedHistogram.of(h);
    }
}
