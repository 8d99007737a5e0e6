package io.github.lambdasim.report.chart;

/** Small transformations of per-period series before they are drawn. */
public final class Series {
    private Series() {
    }

    /** Running totals: element i is the sum of elements 0..i (NaN counts as 0). */
    public static double[] cumulative(double[] values) {
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
            }
            out[i] = sum;
        }
        return out;
    }

    /** Element-wise sum of series of the same length. */
    public static double[] sum(double[]... series) {
        double[] out = new double[series.length == 0 ? 0 : series[0].length];
        for (double[] s : series) {
            for (int i = 0; i < out.length; i++) {
                out[i] += s[i];
            }
        }
        return out;
    }

    /**
     * {@code values} with NaN where {@code counts} is 0: a period without invocations has no
     * latency, and a chart must show a gap there, not a latency of zero.
     */
    public static double[] gapsWhereNone(double[] values, double[] counts) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(counts[i] > 0)) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** The largest finite value, or 0 when there is none. */
    public static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v > m) {
                m = v;
            }
        }
        return m;
    }

    /** The smallest finite value above 0, or NaN when there is none. */
    public static double minPositive(double[] values) {
        double m = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v) && v > 0 && !(v >= m)) {
                m = v;
            }
        }
        return m;
    }

    /** How many values are finite and above zero. */
    public static int countPositive(double[] values) {
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v > 0) {
                n++;
            }
        }
        return n;
    }

    /** The sum of the finite values. */
    public static double total(double[] values) {
        double s = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                s += v;
            }
        }
        return s;
    }

    /** Each value times {@code factor} (NaN stays NaN). */
    static double[] scale(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}
