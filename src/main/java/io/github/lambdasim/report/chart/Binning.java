package io.github.lambdasim.report.chart;

/**
 * Merges consecutive metrics periods into wider chart bins, so that a long run's series keeps
 * few enough points to read (a 7-day run has 1,008 ten-minute periods; its concurrency drawn
 * per period is a solid block). Only merges that stay exact are offered: counts add up, maxima
 * take the maximum, and time-weighted means over equal periods average. Percentiles cannot be
 * merged: a latency chart of many periods draws, per bin, the median period's percentile and the
 * range of the periods' ({@link #order}), and says so.
 */
public final class Binning {
    /** Bin lengths a reader counts in, in seconds: 1 min ... 1 day, 1 week. */
    private static final long[] LENGTHS = {1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200,
        10_800, 21_600, 43_200, 86_400, 172_800, 604_800};

    private Binning() {
    }

    /** How values of the merged periods combine. */
    public enum Merge { SUM, MAX, MEAN }

    /**
     * Per bin of {@code k} periods, the lowest, the median and the highest of the periods' values
     * (NaN values, periods without any, are skipped; a bin without any is NaN): rows 0, 1 and 2. For
     * statistics that do not merge, such as a period's p99: the median period, and the range.
     */
    public static double[][] order(double[] values, int k) {
        int step = Math.max(1, k);
        int bins = (values.length + step - 1) / step;
        double[][] out = new double[3][bins];
        double[] sorted = new double[step];
        for (int b = 0; b < bins; b++) {
            int n = 0;
            for (int i = b * step; i < Math.min(values.length, b * step + step); i++) {
                if (!Double.isNaN(values[i])) {
                    sorted[n++] = values[i];
                }
            }
            java.util.Arrays.sort(sorted, 0, n);
            out[0][b] = n == 0 ? Double.NaN : sorted[0];
            out[1][b] = n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            out[2][b] = n == 0 ? Double.NaN : sorted[n - 1];
        }
        return out;
    }

    /**
     * How many periods of {@code periodSeconds} to merge per bin so that {@code periods} periods
     * give at most {@code maxPoints} bins: the smallest factor whose bin has a round length
     * (an hour rather than 70 minutes), or the smallest factor that fits when none does.
     */
    public static int factor(double periodSeconds, int periods, int maxPoints) {
        if (periods <= maxPoints) {
            return 1;
        }
        long period = Math.round(periodSeconds);
        for (long length : LENGTHS) {
            if (period > 0 && length % period == 0 && length > period) {
                long k = length / period;
                if ((periods + k - 1) / k <= maxPoints) {
                    return (int) k;
                }
            }
        }
        return (periods + maxPoints - 1) / maxPoints;
    }

    /**
     * Bin {@code b} holds periods {@code b*k .. b*k+k-1}; the last bin may hold fewer. With
     * {@link Merge#MEAN} each period weighs its length, given by {@code weights} (null for equal).
     */
    public static double[] merge(double[] values, int k, Merge how, double[] weights) {
        if (k <= 1) {
            return values.clone();
        }
        int bins = (values.length + k - 1) / k;
        double[] out = new double[bins];
        for (int b = 0; b < bins; b++) {
            int from = b * k;
            int to = Math.min(values.length, from + k);
            double acc = 0;
            double weight = 0;
            for (int i = from; i < to; i++) {
                double v = values[i];
                switch (how) {
                    case SUM -> acc += v;
                    case MAX -> acc = i == from ? v : Math.max(acc, v);
                    case MEAN -> {
                        double w = weights == null ? 1 : weights[i];
                        acc += v * w;
                        weight += w;
                    }
                    default -> throw new IllegalStateException();
                }
            }
            out[b] = how == Merge.MEAN ? (weight > 0 ? acc / weight : 0) : acc;
        }
        return out;
    }
}
