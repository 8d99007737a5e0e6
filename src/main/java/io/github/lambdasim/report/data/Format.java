package io.github.lambdasim.report.data;

import io.github.lambdasim.stats.Estimate;
import io.github.lambdasim.stats.EstimateText;
import io.github.lambdasim.stats.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the report writes numbers for people: {@code 360,463}, {@code 34 ms}, {@code 1.3 s}, {@code $99.58}, {@code 2 h}. */
public final class Format {
    private Format() {
    }

    /** A count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A number with thousands separators and at most {@code decimals} decimals. */
    public static String number(double v, int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** A level such as a mean concurrency: {@code 0.01}, {@code 1.80}, {@code 11.2}, {@code 241}. */
    public static String level(double v) {
        return number(v, v >= 100 ? 0 : v >= 10 ? 1 : 2);
    }

    /** Milliseconds to three significant digits, in seconds from 10 s: {@code 0.85 ms}, {@code 34.1 ms}, {@code 1,309 ms}, {@code 10.0 s}. */
    public static String ms(double ms) {
        if (!Double.isFinite(ms)) {
            return "-";
        }
        if (ms >= 10_000) {
            return number(ms / 1000, 1) + " s";
        }
        if (ms >= 100) {
            return number(ms, 0) + " ms";
        }
        if (ms >= 10) {
            return number(ms, 1) + " ms";
        }
        return number(ms, 2) + " ms";
    }

    /** Seconds as an age: {@code 250 ms}, {@code 4.20 s}, {@code 62.1 s}, {@code 2.5 min}, {@code 3.2 h}. */
    public static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return "-";
        }
        if (s >= 7200) {
            return number(s / 3600, 1) + " h";
        }
        if (s >= 120) {
            return number(s / 60, 1) + " min";
        }
        if (s >= 10) {
            return number(s, 1) + " s";
        }
        return s >= 1 ? number(s, 2) + " s" : ms(s * 1000);
    }

    /**
     * {@code if this run repeated all month (730 h)}: what the monthly cost projected from a run is
     * (a launch day that does not repeat is billed as thirty launch days).
     */
    public static String ifRepeated(double monthHours) {
        return "if this run repeated all month (" + number(monthHours, 0) + " h)";
    }

    /** {@code Cost if this run repeated all month (730 h)}. */
    public static String monthCostLabel(double monthHours) {
        return "Cost " + ifRepeated(monthHours);
    }

    public static String usd(BigDecimal usd) {
        DecimalFormat f = new DecimalFormat("'$'#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(usd.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * Dollars before rounding to cents: three significant digits below $1 ({@code $0.0186},
     * {@code $0.000053}), cents from $1.
     */
    public static String usdExact(BigDecimal usd) {
        if (usd.signum() != 0 && usd.abs().compareTo(BigDecimal.ONE) < 0) {
            return "$" + usd.round(new java.math.MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
        }
        return usd(usd);
    }

    /** A count and its noun, singular for one: {@code 1 error}, {@code 2 errors}, {@code 1,204 throttles}. */
    public static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** {@code part} as a percentage of {@code whole}, with the decimals small shares need: {@code 55%}, {@code 2.5%}, {@code 0.012%}. */
    public static String percent(double part, double whole) {
        if (!(whole > 0)) {
            return "0%";
        }
        double p = 100 * part / whole;
        if (p >= 99.5 && p < 100) {
            // Never "100%" for what is not all: 99.83%, 99.9987%.
            double rest = 100 - p;
            return number(p, Math.max(2, 1 - (int) Math.floor(Math.log10(rest)))) + "%";
        }
        if (p == 0 || p >= 10) {
            return number(p, 0) + "%";
        }
        // Two significant digits below 1%: 0.63%, 0.012%.
        return (p >= 1 ? number(p, 1) : number(p, Math.max(2, 1 - (int) Math.floor(Math.log10(p))))) + "%";
    }

    /** A value in its unit, as a table shows it: {@code 1,234}, {@code 34.1 ms}, {@code 1.80}, {@code 0.5%}, {@code $12.30}. */
    public static String value(Unit unit, double v) {
        return switch (unit) {
            case COUNT -> count(Math.round(v));
            case MS -> ms(v);
            case SECONDS -> seconds(v);
            case LEVEL -> level(v);
            case SHARE -> percent(v, 1);
            case GB_SECONDS -> number(v, 1);
            case USD -> usd(BigDecimal.valueOf(v));
        };
    }

    /** An estimate in its unit: {@code 812 ± 9 ms}, {@code 1.76% ± 0.12%}, {@code $1,416.40 ± 1.10}. */
    public static String value(Unit unit, Estimate e) {
        return switch (unit) {
            case MS -> ms(e);
            case SECONDS -> ms(e.scaled(1000));
            case SHARE -> share(e);
            case USD -> usd(e);
            default -> level(e);
        };
    }

    /** A length of simulated time: {@code 2 h}, {@code 7 days}, {@code 20 min}, {@code 90 s}. */
    public static String duration(double seconds) {
        if (seconds >= 86_400 && seconds % 86_400 == 0) {
            long d = (long) (seconds / 86_400);
            return d + (d == 1 ? " day" : " days");
        }
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return (long) (seconds / 3600) + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return (long) (seconds / 60) + " min";
        }
        return number(seconds, 3) + " s";
    }

    /** The length of a metrics period as in "per minute", "per 10 minutes", "per hour", "per 30 seconds". */
    public static String period(double seconds) {
        long s = Math.round(seconds);
        if (s > 0 && s % 86_400 == 0) {
            return s == 86_400 ? "day" : s / 86_400 + " days";
        }
        if (s > 0 && s % 3600 == 0) {
            return s == 3600 ? "hour" : s / 3600 + " hours";
        }
        if (s > 0 && s % 60 == 0) {
            return s == 60 ? "minute" : s / 60 + " minutes";
        }
        return number(seconds, 3) + " seconds";
    }

    // ---------------------------------------------------------------- estimates: written by EstimateText

    /** {@link EstimateText#ms(Estimate)}. */
    public static String ms(Estimate e) {
        return EstimateText.ms(e);
    }

    /** {@link EstimateText#ms(Estimate, boolean)}. */
    public static String ms(Estimate e, boolean seconds) {
        return EstimateText.ms(e, seconds);
    }

    /** {@link EstimateText#inSeconds}. */
    public static boolean inSeconds(java.util.List<Estimate> column) {
        return EstimateText.inSeconds(column);
    }

    /** {@link EstimateText#usd(Estimate)}. */
    public static String usd(Estimate e) {
        return EstimateText.usd(e);
    }

    /** {@link EstimateText#usdSmall(Estimate)}. */
    public static String usdSmall(Estimate e) {
        return EstimateText.usdSmall(e);
    }

    /** {@link EstimateText#level(Estimate)}. */
    public static String level(Estimate e) {
        return EstimateText.level(e);
    }

    /** {@link EstimateText#share(Estimate)}. */
    public static String share(Estimate e) {
        return EstimateText.share(e);
    }

    /** {@link EstimateText#withInterval}. */
    public static String withInterval(String formatted, Estimate e) {
        return EstimateText.withInterval(formatted, e);
    }
}
