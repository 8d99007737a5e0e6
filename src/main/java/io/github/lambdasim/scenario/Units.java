package io.github.lambdasim.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of the units scenario files and command-line options use: durations ({@code 120ms},
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 30d}), rates ({@code 50/s}, {@code 3000/min}),
 * counts ({@code 3M}, {@code 500k}) and sizes in MB. Every parser throws
 * {@link IllegalArgumentException} whose message is written for the user (it says what was
 * expected), never for the developer.
 */
public final class Units {
    public static final long MICROS_PER_MS = 1_000L;
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private static final String NUMBER = "([0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\\.[0-9]+(?:[eE][+-]?[0-9]+)?)";
    private static final Pattern DURATION = Pattern.compile(NUMBER + "\\s*(us|µs|ms|sec|s|min|m|h|d)(?![a-z])");
    private static final Pattern RATE = Pattern.compile(NUMBER + "\\s*(k|K|M)?\\s*/\\s*(ms|s|sec|m|min|h|d)");
    private static final Pattern COUNT = Pattern.compile(NUMBER + "\\s*(k|K|M|B)?");
    private static final Pattern SIZE = Pattern.compile(NUMBER + "\\s*(MB|GB|mb|gb|Mb|Gb)?");

    public static final String DURATION_HINT = "a duration with a unit, e.g. 120ms, 30s, 5m, 2h or 30d";
    public static final String RATE_HINT = "a rate with a unit, e.g. 50/s, 3000/min, 2/h or 100000/d";
    public static final String COUNT_HINT = "a count, e.g. 1500, 500k, 3M or 1.2B";
    public static final String SIZE_HINT = "a size in MB, e.g. 512 or 512MB (or 10GB)";

    private Units() {
    }

    /**
     * Parses a duration such as {@code 120ms}, or a sum of parts such as {@code 1h30m} or
     * {@code 6m30s}, to microseconds (rounded to the nearest).
     */
    public static long parseDurationMicros(String text) {
        String t = text.trim();
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative; a duration is zero or more");
        }
        Matcher m = DURATION.matcher(t);
        double micros = 0;
        int at = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("'" + text + "' is not " + DURATION_HINT);
            }
            micros += Double.parseDouble(m.group(1)) * unitMicros(m.group(2));
            at = m.end();
            while (at < t.length() && t.charAt(at) == ' ') {
                at++;
            }
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not " + DURATION_HINT);
        }
        if (!Double.isFinite(micros) || micros > Long.MAX_VALUE / 4.0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Math.round(micros);
    }

    /** Parses a rate such as {@code 3000/min} to events per second. */
    public static double parseRatePerSecond(String text) {
        if (text.trim().startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative; a rate is zero or more");
        }
        Matcher m = RATE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + RATE_HINT);
        }
        double value = Double.parseDouble(m.group(1)) * multiplier(m.group(2));
        double perSecond = value * MICROS_PER_SECOND / unitMicros(m.group(3));
        if (!Double.isFinite(perSecond)) {
            throw new IllegalArgumentException("'" + text + "' is not a finite rate");
        }
        return perSecond;
    }

    /**
     * How many a rate such as {@code 100/s} or {@code 3k/min} gives over {@code periodMicros},
     * exactly (a month of requests, for instance: 100/s over 730 h is 262,800,000).
     */
    public static java.math.BigDecimal countOver(String text, long periodMicros) {
        if (text.trim().startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative; a rate is zero or more");
        }
        Matcher m = RATE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + RATE_HINT);
        }
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a rate");
        }
        return value.multiply(java.math.BigDecimal.valueOf(multiplier(m.group(2))))
                .multiply(java.math.BigDecimal.valueOf(periodMicros))
                .divide(java.math.BigDecimal.valueOf((long) unitMicros(m.group(3))), java.math.MathContext.DECIMAL128);
    }

    /** Parses a count such as {@code 3M} or {@code 500k}; it must be a whole number. */
    public static long parseCount(String text) {
        Matcher m = COUNT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + COUNT_HINT);
        }
        double value = Double.parseDouble(m.group(1)) * multiplier(m.group(2));
        if (!Double.isFinite(value) || value > 9.0e18) {
            throw new IllegalArgumentException("'" + text + "' is too large a count");
        }
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        return (long) value;
    }

    /** Parses a size: a plain number is MB; {@code MB} and {@code GB} (1024 MB) suffixes are accepted. */
    public static double parseSizeMb(String text) {
        if (text.trim().startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "' is negative; a size is zero or more");
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + SIZE_HINT);
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        return unit != null && unit.toUpperCase(Locale.ROOT).equals("GB") ? value * 1024 : value;
    }

    /** Formats microseconds the way a person writes a duration: {@code 250ms}, {@code 1.5s}, {@code 2h}. */
    public static String formatDuration(long micros) {
        if (micros % MICROS_PER_DAY == 0 && micros >= MICROS_PER_DAY) {
            return micros / MICROS_PER_DAY + "d";
        }
        if (micros % MICROS_PER_HOUR == 0 && micros >= MICROS_PER_HOUR) {
            return micros / MICROS_PER_HOUR + "h";
        }
        if (micros % MICROS_PER_MINUTE == 0 && micros >= MICROS_PER_HOUR) {
            return micros / MICROS_PER_HOUR + "h" + micros % MICROS_PER_HOUR / MICROS_PER_MINUTE + "m";
        }
        if (micros % MICROS_PER_MINUTE == 0 && micros >= MICROS_PER_MINUTE) {
            return micros / MICROS_PER_MINUTE + "m";
        }
        if (micros >= MICROS_PER_SECOND) {
            return trim(micros / (double) MICROS_PER_SECOND) + "s";
        }
        if (micros >= MICROS_PER_MS || micros == 0) {
            return trim(micros / (double) MICROS_PER_MS) + "ms";
        }
        return micros + "us";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static double unitMicros(String unit) {
        return switch (unit) {
            case "us", "µs" -> 1;
            case "ms" -> MICROS_PER_MS;
            case "s", "sec" -> MICROS_PER_SECOND;
            case "m", "min" -> MICROS_PER_MINUTE;
            case "h" -> MICROS_PER_HOUR;
            case "d" -> MICROS_PER_DAY;
            default -> throw new IllegalStateException(unit);
        };
    }

    private static double multiplier(String suffix) {
        if (suffix == null) {
            return 1;
        }
        return switch (suffix) {
            case "k", "K" -> 1e3;
            case "M" -> 1e6;
            case "B" -> 1e9;
            default -> throw new IllegalStateException(suffix);
        };
    }
}
