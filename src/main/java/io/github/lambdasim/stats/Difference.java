package io.github.lambdasim.stats;

/**
 * When a paired difference between two scenarios is news: its 95% interval excludes zero (it is
 * real) and it is at least a practical threshold of the first scenario's value (it is large enough
 * to matter). A -0.77 ms change on a 510 ms p99 can be real without mattering; the threshold keeps
 * it from being highlighted.
 */
public final class Difference {
    /** The practical threshold when none is given: 1% of the first scenario's value. */
    public static final double DEFAULT_THRESHOLD = 0.01;

    private Difference() {
    }

    /** The difference relative to the first scenario's mean, or NaN when that is zero. */
    public static double relative(Estimate difference, double baseMean) {
        return baseMean == 0 ? Double.NaN : difference.mean() / Math.abs(baseMean);
    }

    /** Whether the interval excludes zero. */
    public static boolean real(Estimate difference) {
        return !Double.isNaN(difference.halfWidth()) && Math.abs(difference.mean()) > difference.halfWidth();
    }

    /**
     * Whether the difference is real and at least {@code threshold} of the first scenario's value
     * (any real difference from zero is).
     */
    public static boolean matters(Estimate difference, double baseMean, double threshold) {
        double r = relative(difference, baseMean);
        return real(difference) && (Double.isNaN(r) || Math.abs(r) >= threshold);
    }

    /** The relative difference as a signed percentage: {@code -13.4%}, {@code +0.21%}; empty when undefined. */
    public static String percent(Estimate difference, double baseMean) {
        double r = relative(difference, baseMean) * 100;
        if (Double.isNaN(r)) {
            return "";
        }
        double a = Math.abs(r);
        String digits = String.format(java.util.Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", a);
        return (r < 0 ? "-" : "+") + digits + "%";
    }
}
