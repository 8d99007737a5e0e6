package io.github.lambdasim.stats;

import java.util.Arrays;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.IntCountsHistogram;
import org.HdrHistogram.RecordedValuesIterator;

/**
 * Values in microseconds within one metrics period (a function's durations or latencies): exact
 * count, sum and maximum, and percentiles that are exact while the period has at most
 * {@link #EXACT_LIMIT} values (sorted when the period closes) and within 1% beyond (an
 * {@code IntCountsHistogram} with 2 significant digits, allocated the first time a period of
 * this function needs it and reused after). {@link #reset} starts the next period.
 *
 * <p>The trimmed mean ({@link #trimmedMeanMicros}) is the mean of the values at or below the
 * value at the percentile: exact with the exact percentiles, and from the histogram beyond, where
 * each value counts as the middle of its 2-digit bucket (within 1/256, 0.4%, of itself) and the
 * bucket of the percentile's value is taken whole (its other values within 1% of it). Finding
 * percentiles and trimmed means allocates nothing once the histogram and its iterator exist.
 */
public final class PeriodRecorder {
    public static final int EXACT_LIMIT = 256;
    static final int DIGITS = 2;

    private long[] values = new long[32];
    private int kept;
    private IntCountsHistogram histogram;
    /** Walks the histogram's buckets for the trimmed mean; made with the histogram, reused. */
    private RecordedValuesIterator buckets;
    private boolean inHistogram;
    /** Whether the kept values are in order (they are sorted for percentiles, unsorted by a new one). */
    private boolean sorted = true;
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
                    newHistogram();
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
        if (kept > 0 && v < values[kept - 1]) {
            sorted = false;
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
        sort();
        for (int i = 0; i < percentiles.length; i++) {
            out[i] = values[Recorder.rank(percentiles[i], kept) - 1];
        }
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, kept);
            sorted = true;
        }
    }

    /**
     * The mean of the values at or below the value at {@code percentile} (0..100), in
     * microseconds: exact while the values are kept, within 1% from the histogram (see the class);
     * 0 when the period had none.
     */
    public double trimmedMeanMicros(double percentile) {
        if (count == 0) {
            return 0;
        }
        double s = 0;
        long n = 0;
        if (inHistogram) {
            long cut = Math.min(max, histogram.getValueAtPercentile(percentile));
            buckets.reset();
            while (buckets.hasNext()) {
                HistogramIterationValue v = buckets.next();
                long bucket = v.getValueIteratedTo();
                if (histogram.lowestEquivalentValue(bucket) > cut) {
                    break;
                }
                s += (double) Math.min(max, histogram.medianEquivalentValue(bucket)) * v.getCountAtValueIteratedTo();
                n += v.getCountAtValueIteratedTo();
            }
        } else {
            sort();
            long cut = values[Recorder.rank(percentile, kept) - 1];
            for (int i = 0; i < kept && values[i] <= cut; i++) {
                s += values[i];
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    /**
     * The values of {@code a} and {@code b} together (b may be null or empty): {@code a} itself,
     * or {@code scratch} holding both.
     */
    public static PeriodRecorder together(PeriodRecorder a, PeriodRecorder b, PeriodRecorder scratch) {
        if (b == null || b.count == 0) {
            return a;
        }
        scratch.reset();
        scratch.addAll(a);
        scratch.addAll(b);
        return scratch;
    }

    /**
     * The percentiles of the values of {@code a} and {@code b} together (b may be null or empty),
     * as one recorder holding both would give them; {@code scratch} holds them meanwhile when b
     * has some.
     */
    public static void percentilesMicros(PeriodRecorder a, PeriodRecorder b, PeriodRecorder scratch,
                                         double[] percentiles, long[] out) {
        together(a, b, scratch).percentilesMicros(percentiles, out);
    }

    private void addAll(PeriodRecorder other) {
        if (other.inHistogram) {
            if (!inHistogram) {
                if (histogram == null) {
                    newHistogram();
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

    private void newHistogram() {
        histogram = new IntCountsHistogram(DIGITS);
        histogram.setAutoResize(true);
        buckets = new RecordedValuesIterator(histogram);
    }

    public void reset() {
        count = 0;
        sum = 0;
        max = 0;
        kept = 0;
        sorted = true;
        if (inHistogram) {
            histogram.reset();
            inHistogram = false;
        }
    }
}
