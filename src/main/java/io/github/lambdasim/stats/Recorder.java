package io.github.lambdasim.stats;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Values in microseconds over a whole run (latency, duration, init), with percentiles at 3
 * significant digits: exact count, sum and maximum, plus the values themselves. A recorder keeps
 * the values in a growing array of ints until it holds {@link #EXACT_LIMIT} of them (or one above
 * 35 minutes arrives), then moves them into an HdrHistogram (3 significant digits) and records
 * there; so a function called a few thousand times costs a few kilobytes, and a busy one at most
 * one histogram. Percentiles are the same in both forms: HdrHistogram's
 * {@code getValueAtPercentile}, found among the kept values by selection (no full sort). Recording
 * allocates nothing once the array or histogram has grown.
 *
 * <p>The trimmed mean {@link #trimmedMeanMicros tmP} (CloudWatch's TM99 for P = 99) is the mean of
 * the values at or below the value at the percentile as reported here (the top of its 3-digit
 * bucket), so both forms take the same values: the kept values themselves are summed exactly; in
 * the histogram each value counts as the middle of its bucket, within 1/2048 (0.05%) of itself
 * (values below 2,048 us exactly), and so is the trimmed mean.
 */
public final class Recorder {
    /** Values kept as they are before a histogram takes over (32 kB, a third of a 3-digit histogram's size). */
    public static final int EXACT_LIMIT = 8192;
    static final int DIGITS = 3;
    /** Gives the bucket boundaries of 3 significant digits; never recorded into. */
    private static final Histogram BUCKETS = new Histogram(DIGITS);

    private int[] values = new int[16];
    private int kept;
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
        if (kept == values.length || v > Integer.MAX_VALUE) {
            if (kept == EXACT_LIMIT || v > Integer.MAX_VALUE) {
                moveToHistogram();
                histogram.recordValue(v);
                return;
            }
            values = Arrays.copyOf(values, Math.min(EXACT_LIMIT, kept * 2));
        }
        values[kept++] = (int) v;
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
        long v = select(values, kept, rank(percentile, kept) - 1);
        return Math.min(max, percentile == 0.0 ? BUCKETS.lowestEquivalentValue(v) : BUCKETS.highestEquivalentValue(v));
    }

    /**
     * The mean of the values at or below the value at {@code percentile} (0..100), as
     * {@link #percentileMicros} gives it: exact while the values are kept, within 0.05% from the
     * histogram (see the class); 0 when empty.
     */
    public double trimmedMeanMicros(double percentile) {
        if (count == 0) {
            return 0;
        }
        long cut = percentileMicros(percentile);
        double s = 0;
        long n = 0;
        if (histogram == null) {
            for (int i = 0; i < kept; i++) {
                if (values[i] <= cut) {
                    s += values[i];
                    n++;
                }
            }
        } else {
            for (HistogramIterationValue v : histogram.recordedValues()) {
                long bucket = v.getValueIteratedTo();
                if (histogram.lowestEquivalentValue(bucket) > cut) {
                    break;
                }
                s += (double) Math.min(max, histogram.medianEquivalentValue(bucket)) * v.getCountAtValueIteratedTo();
                n += v.getCountAtValueIteratedTo();
            }
        }
        return n == 0 ? 0 : s / n;
    }

    /**
     * The {@code k}-th smallest (from 0) of the first {@code n} values, by quickselect (Hoare's
     * partition around a median of three): linear on average, and it only reorders the values.
     */
    static int select(int[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            int pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // a[lo..j] <= pivot <= a[i..hi], and whatever lies between equals the pivot.
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        Arrays.sort(a, lo, hi + 1);
        return a[k];
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
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
                percentileMicros(90) / 1000.0, percentileMicros(95) / 1000.0, percentileMicros(99) / 1000.0,
                percentileMicros(99.9) / 1000.0, max / 1000.0, trimmedMeanMicros(99) / 1000.0);
    }

    /** A recorder holding the values of both (neither changes but for the order of its kept values). */
    public static Recorder merge(Recorder a, Recorder b) {
        Recorder m = new Recorder();
        if (a.histogram == null && b.histogram == null && a.kept + b.kept <= EXACT_LIMIT) {
            m.values = Arrays.copyOf(a.values, Math.max(16, a.kept + b.kept));
            System.arraycopy(b.values, 0, m.values, a.kept, b.kept);
            m.kept = a.kept + b.kept;
        } else {
            m.histogram = newHistogram();
            for (Recorder r : new Recorder[] {a, b}) {
                if (r.histogram != null) {
                    m.histogram.add(r.histogram);
                } else {
                    for (int i = 0; i < r.kept; i++) {
                        m.histogram.recordValue(r.values[i]);
                    }
                }
            }
        }
        m.count = a.count + b.count;
        m.sum = a.sum + b.sum;
        m.max = Math.max(a.max, b.max);
        return m;
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
