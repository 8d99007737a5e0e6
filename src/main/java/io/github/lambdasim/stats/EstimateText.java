package io.github.lambdasim.stats;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * How an estimate is written for people: its mean with the half-width of its 95% confidence
 * interval, in the precision the interval allows ({@code 812 ± 9 ms}, {@code 16.8 ± 0.1 s},
 * {@code $1,416.40 ± 1.10}, {@code 1.76% ± 0.12%}). One form for the report, the command line and
 * the sweep's recommendation sentence.
 */
public final class EstimateText {
    private EstimateText() {
    }

    /** {@code 812 ± 9 ms}, {@code 16.8 ± 0.1 s}; the mean alone when the half-width is unknown (one replication). */
    public static String ms(Estimate e) {
        if (e.mean() == 0 && !(e.halfWidth() > 0)) {
            return "0 ms";
        }
        // A difference near zero takes its precision from its interval.
        double m = Math.max(Math.abs(e.mean()), Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth());
        if (m >= 10_000) {
            return plusMinus(e.mean() / 1000, e.halfWidth() / 1000, 1, "", " s");
        }
        return plusMinus(e.mean(), e.halfWidth(), m >= 100 ? 0 : m >= 10 ? 1 : 2, "", " ms");
    }

    /**
     * Milliseconds in a column of several: all in seconds when any reaches 10 s ({@code 16.8 ± 0.0 s}
     * above {@code 0.715 ± 0.000 s}), three significant digits each, so that a column has one unit.
     */
    public static String ms(Estimate e, boolean seconds) {
        if (!seconds) {
            return ms(e);
        }
        double m = Math.max(Math.abs(e.mean()), Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth()) / 1000;
        return plusMinus(e.mean() / 1000, e.halfWidth() / 1000, m >= 100 ? 0 : m >= 10 ? 1 : m >= 1 ? 2 : 3, "", " s");
    }

    /** Whether a column of these milliseconds is written in seconds (some reach 10 s). */
    public static boolean inSeconds(List<Estimate> column) {
        return column.stream().anyMatch(e -> Math.abs(e.mean()) >= 10_000);
    }

    /** {@code $1,416.40 ± 1.10}. */
    public static String usd(Estimate e) {
        if (e.mean() == 0 && !(e.halfWidth() > 0)) {
            return "$0.00";
        }
        return plusMinus(e.mean(), e.halfWidth(), 2, "$", "");
    }

    /**
     * Dollars too small for cents, such as the cost of one invocation: three significant digits of
     * the mean, its half-width to the same decimals ({@code $0.0000352 ± 0.0000001}).
     */
    public static String usdSmall(Estimate e) {
        if (e.mean() == 0 && !(e.halfWidth() > 0)) {
            return "$0";
        }
        double m = Math.abs(e.mean()) > 0 ? Math.abs(e.mean()) : e.halfWidth();
        int decimals = Math.max(2, 2 - (int) Math.floor(Math.log10(m)));
        return plusMinus(e.mean(), e.halfWidth(), decimals, "$", "");
    }

    /** A level such as a mean concurrency, its interval with the mean's decimals: {@code 22.7 ± 0.3}, {@code 1.80 ± 0.05}. */
    public static String level(Estimate e) {
        double m = Math.max(Math.abs(e.mean()), Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth());
        return plusMinus(e.mean(), e.halfWidth(), m >= 100 ? 0 : m >= 10 ? 1 : 2, "", "");
    }

    /** A fraction as a percentage with the decimals small shares need: {@code 1.76% ± 0.12%}, {@code 0.020% ± 0.011%}. */
    public static String share(Estimate e) {
        double p = Math.max(Math.abs(e.mean()), Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth()) * 100;
        int decimals = p == 0 || p >= 10 ? 1 : p >= 0.1 ? 2 : 3;
        if (e.mean() == 0 && !(e.halfWidth() > 0)) {
            return "0%";
        }
        return plusMinus(e.mean() * 100, e.halfWidth() * 100, decimals, "", "%");
    }

    /** The same with {@code (95% CI, n=10)} after it, as JMH writes a score. */
    public static String withInterval(String formatted, Estimate e) {
        return formatted + (Double.isNaN(e.halfWidth()) ? " (n=" + e.n() + ")" : " (95% CI, n=" + e.n() + ")");
    }

    private static String plusMinus(double mean, double half, int decimals, String prefix, String unit) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        String m = (mean < 0 ? "-" : "") + prefix + f.format(Math.abs(mean));
        if (Double.isNaN(half)) {
            return m + unit;
        }
        String h = f.format(half);
        return m + " ± " + h + (unit.equals("%") ? "%" : unit);
    }
}
