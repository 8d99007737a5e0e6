package io.github.lambdasim.stats;

import java.util.Arrays;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Values in microseconds within one metrics period (a function's durations or latencies): exact
 * count, sum and maximum, and percentiles that are exact while the period has at most
 * {@link #EXACT_LIMIT} values (sorted when the period closes) and within 1% beyond (an
 * {@code IntCountsHistogram} with 2 significant digits, allocated the first time a period of
 * this function needs it and reused after). {@link #reset} starts the next period.
 */
public final class PeriodRecorder {
    public static final int EXACT_LIMIT = 256;
    static final int DIGITS = 2;

    private long[] values = new long[32];
    private int kept;
    private IntCountsHistogram histogram;
    private boolean inHistogram;
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
        if (inHistogram) {
            histogram.recordValue(v);
            return;
        }
        if (kept == values.length) {
            if (kept == EXACT_LIMIT) {
                if (histogram == null) {
                    histogram = new IntCountsHistogram(DIGITS);
                    histogram.setAutoResize(true);
                }
                for (int i = 0; i < kept; i++) {
                    histogram.recordValue(values[i]);
                }
                inHistogram = true;
                kept = 0;
                histogram.recordValue(v);
                return;
            }
            values = Arrays.copyOf(values, kept * 2);
        }
        values[kept++] = v;
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

    /**
     * The values at each of {@code percentiles} (0..100) into {@code out}, in microseconds: the
     * value at rank ceil(p / 100 x n) (at least 1) of the sorted values, or the histogram's value
     * at the percentile (at most the maximum); 0 when the period had none.
     */
    public void percentilesMicros(double[] percentiles, long[] out) {
        if (count == 0) {
            Arrays.fill(out, 0, percentiles.length, 0);
            return;
        }
        if (inHistogram) {
            for (int i = 0; i < percentiles.length; i++) {
                out[i] = Math.min(max, histogram.getValueAtPercentile(percentiles[i]));
            }
            return;
        }
        Arrays.sort(values, 0, kept);
        for (int i = 0; i < percentiles.length; i++) {
            out[i] = values[Recorder.rank(percentiles[i], kept) - 1];
        }
    }

    /**
     * The percentiles of the values of {@code a} and {@code b} together (b may be null or empty),
     * as one recorder holding both would give them; {@code scratch} holds them meanwhile when b
     * has some.
     */
    public static void percentilesMicros(PeriodRecorder a, PeriodRecorder b, PeriodRecorder scratch,
                                         double[] percentiles, long[] out) {
        if (b == null || b.count == 0) {
            a.percentilesMicros(percentiles, out);
            return;
        }
        scratch.reset();
        scratch.addAll(a);
        scratch.addAll(b);
        scratch.percentilesMicros(percentiles, out);
    }

    private void addAll(PeriodRecorder other) {
        if (other.inHistogram) {
            if (!inHistogram) {
                if (histogram == null) {
                    histogram = new IntCountsHistogram(DIGITS);
                    histogram.setAutoResize(true);
                }
                for (int i = 0; i < kept; i++) {
                    histogram.recordValue(values[i]);
                }
                kept = 0;
                inHistogram = true;
            }
            histogram.add(other.histogram);
            count += other.count;
            sum += other.sum;
            max = Math.max(max, other.max);
            return;
        }
        for (int i = 0; i < other.kept; i++) {
            record(other.values[i]);
        }
    }

    public void reset() {
        count = 0;
        sum = 0;
        max = 0;
        kept = 0;
        if (inHistogram) {
            histogram.reset();
            inHistogram = false;
        }
    }
}
