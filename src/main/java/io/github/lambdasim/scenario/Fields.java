package io.github.lambdasim.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields of one YAML mapping, reporting each problem with its path and line: unknown
 * keys (with a "did you mean"), wrong types, missing or out-of-range values. A getter that finds a
 * problem reports it and returns the default, so binding goes on and every problem is found in one
 * pass.
 */
final class Fields {
    private static final YamlNode.Mapping EMPTY = new YamlNode.Mapping(0);

    final YamlNode.Mapping map;
    final String path;
    final Problems problems;
    /** Known keys that an unknown key of this mapping looked like: not reported missing as well. */
    private final java.util.Set<String> suggested = new java.util.HashSet<>();
    private boolean hasMergeKey;

    Fields(YamlNode node, String path, Problems problems, String... known) {
        this.path = path;
        this.problems = problems;
        if (node instanceof YamlNode.Mapping m) {
            this.map = m;
            List<String> knownKeys = Arrays.asList(known);
            for (var e : m.entries.entrySet()) {
                if (!knownKeys.contains(e.getKey())) {
                    problems.add(child(e.getKey()), e.getValue(), unknownKey(e.getKey(), knownKeys));
                    String s = closest(e.getKey(), knownKeys);
                    if (s != null) {
                        suggested.add(s);
                    }
                    hasMergeKey |= e.getKey().equals("<<");
                }
            }
        } else {
            this.map = EMPTY;
            if (node != null) {
                problems.add(path, node, "expected a mapping (keys " + String.join(", ", known) + "), found " + describe(node));
            }
        }
    }

    static String unknownKey(String key, Collection<String> known) {
        if (key.equals("<<")) {
            return "YAML merge keys (<<) are not supported; write the keys out";
        }
        String suggestion = closest(key, known);
        return "unknown key '" + key + "'" + (suggestion != null ? "; did you mean '" + suggestion + "'?"
                : "; expected one of: " + String.join(", ", known));
    }

    /**
     * Whether {@code key} is absent only because it was misspelt (an unknown key looked like it)
     * or hidden behind a merge key: saying it is missing too would report one problem twice.
     */
    boolean explainedAbsence(String key) {
        return hasMergeKey || suggested.contains(key);
    }

    /**
     * The closest of {@code candidates} to {@code word}, when close enough to be a likely typo, or
     * the one candidate {@code word} is the start of ({@code memory} for {@code memorySize}).
     */
    static String closest(String word, Collection<String> candidates) {
        String typo = closestByEdits(word, candidates);
        if (typo != null || word.length() < 4) {
            return typo;
        }
        String prefixed = null;
        for (String c : candidates) {
            if (c.toLowerCase(Locale.ROOT).startsWith(word.toLowerCase(Locale.ROOT))) {
                if (prefixed != null) {
                    return null;
                }
                prefixed = c;
            }
        }
        return prefixed;
    }

    private static String closestByEdits(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= allowed ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String describe(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return s.isNull ? "nothing" : "'" + s.text + "'";
        }
        return node.kind();
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        YamlNode n = map.entries.get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.isNull);
    }

    YamlNode node(String key) {
        return map.entries.get(key);
    }

    int line() {
        return map.line();
    }

    /** The scalar text at {@code key}, or null (after reporting) when it is not a scalar. */
    private String scalar(String key) {
        YamlNode n = map.entries.get(key);
        if (n instanceof YamlNode.Scalar s && !s.isNull) {
            return s.text;
        }
        problems.add(child(key), n == null ? map : n, "expected a single value, found " + (n == null ? "nothing" : describe(n)));
        return null;
    }

    void missing(String key, String what) {
        if (!explainedAbsence(key)) {
            problems.add(child(key), map, "missing: " + what);
        }
    }

    String text(String key, String defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String s = scalar(key);
        return s == null ? defaultValue : s;
    }

    String requiredText(String key, String what) {
        if (!has(key)) {
            missing(key, what);
            return null;
        }
        return scalar(key);
    }

    boolean bool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String s = scalar(key);
        if (s == null) {
            return defaultValue;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problems.add(child(key), node(key), "expected true or false, found '" + s + "'");
                yield defaultValue;
            }
        };
    }

    long integer(String key, long defaultValue, long min, long max, String unit) {
        if (!has(key)) {
            return defaultValue;
        }
        String s = scalar(key);
        if (s == null) {
            return defaultValue;
        }
        String t = s.trim();
        boolean negative = t.startsWith("-");
        long v;
        try {
            v = Units.parseCount(negative ? t.substring(1) : t);
            v = negative ? -v : v;
        } catch (IllegalArgumentException e) {
            double d = parseFiniteNumber(t);
            String u = unit.isEmpty() ? "" : " " + unit;
            if (!Double.isNaN(d) && d == Math.rint(d) && (d < min || d > max || Math.abs(d) >= 9e18)) {
                // Too large for a long, or not: either way the range is what the user needs to know.
                problems.add(child(key), node(key), s + (d < 0 ? " is below the minimum " + min : " is above the maximum " + max) + u);
            } else {
                problems.add(child(key), node(key), "expected a whole number" + (unit.isEmpty() ? "" : " (" + unit + ")")
                        + ", found '" + s + "'");
            }
            return defaultValue;
        }
        return inRange(key, v, min, max, unit) ? v : defaultValue;
    }

    /**
     * The text at {@code key}, one of {@code choices} (or the default when absent); anything else
     * is reported with the choices and a "did you mean" when close.
     */
    String choice(String key, String defaultValue, String... choices) {
        String s = text(key, defaultValue);
        if (Arrays.asList(choices).contains(s)) {
            return s;
        }
        problems.add(child(key), node(key), "expected " + or(choices) + ", found '" + s + "'"
                + didYouMean(s, Arrays.asList(choices)));
        return defaultValue;
    }

    /** {@code "; did you mean 'x'?"} when {@code word} is close to one of {@code candidates}, else empty. */
    static String didYouMean(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c == null ? "" : "; did you mean '" + c + "'?";
    }

    private static String or(String... words) {
        if (words.length == 1) {
            return words[0];
        }
        return String.join(", ", Arrays.asList(words).subList(0, words.length - 1)) + " or " + words[words.length - 1];
    }

    boolean inRange(String key, long v, long min, long max, String unit) {
        String u = unit.isEmpty() ? "" : " " + unit;
        if (v < min) {
            problems.add(child(key), node(key), v + " is below the minimum " + min + u);
            return false;
        }
        if (v > max) {
            problems.add(child(key), node(key), v + " is above the maximum " + max + u);
            return false;
        }
        return true;
    }

    double number(String key, double defaultValue, double min, double max) {
        if (!has(key)) {
            return defaultValue;
        }
        String s = scalar(key);
        if (s == null) {
            return defaultValue;
        }
        double v = parseFiniteNumber(s);
        if (Double.isNaN(v)) {
            boolean nonFinite = s.trim().toLowerCase(Locale.ROOT).matches("[+-]?\\.?(nan|inf|infinity)");
            problems.add(child(key), node(key), "expected " + (nonFinite ? "a finite number" : "a number") + ", found '" + s + "'");
            return defaultValue;
        }
        if (v < min || v > max) {
            problems.add(child(key), node(key), s + " is out of range: expected " + fmt(min) + " to " + fmt(max));
            return defaultValue;
        }
        return v;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** A plain decimal number, or NaN: no hex, no NaN or Infinity, no type suffixes. */
    static double parseFiniteNumber(String s) {
        String t = s.trim();
        if (!PLAIN_NUMBER.matcher(t).matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A duration in microseconds, within [min, max]. */
    long duration(String key, long defaultValue, long min, long max) {
        if (!has(key)) {
            return defaultValue;
        }
        return parseDuration(child(key), node(key), defaultValue, min, max);
    }

    long requiredDuration(String key, String what, long min, long max) {
        if (!has(key)) {
            missing(key, what);
            return min;
        }
        return duration(key, min, min, max);
    }

    long parseDuration(String at, YamlNode n, long defaultValue, long min, long max) {
        if (!(n instanceof YamlNode.Scalar s) || s.isNull) {
            problems.add(at, n, "expected " + Units.DURATION_HINT + ", found " + describe(n));
            return defaultValue;
        }
        long v;
        try {
            v = Units.parseDurationMicros(s.text);
        } catch (IllegalArgumentException e) {
            problems.add(at, n, bareNumberHint(s.text, e.getMessage(), "30s"));
            return defaultValue;
        }
        if (v < min) {
            problems.add(at, n, s.text + " is below the minimum " + Units.formatDuration(min));
            return defaultValue;
        }
        if (v > max) {
            problems.add(at, n, s.text + " is above the maximum " + Units.formatDuration(max));
            return defaultValue;
        }
        return v;
    }

    /** The smallest rate above zero: one event in about 30 years, so that no gap overflows the clock. */
    static final double MIN_RATE_PER_SECOND = 1e-9;

    /** A rate in requests per second: 0, or within [{@link #MIN_RATE_PER_SECOND}, max]. */
    double rate(String key, double max) {
        if (!has(key)) {
            missing(key, Units.RATE_HINT);
            return 0;
        }
        YamlNode n = node(key);
        String s = scalar(key);
        if (s == null) {
            return 0;
        }
        double v;
        try {
            v = Units.parseRatePerSecond(s);
        } catch (IllegalArgumentException e) {
            problems.add(child(key), n, bareNumberHint(s, e.getMessage(), "50/s"));
            return 0;
        }
        if (v > max) {
            problems.add(child(key), n, s + " is above the maximum " + fmt(max) + "/s");
            return 0;
        }
        if (v > 0 && v < MIN_RATE_PER_SECOND) {
            problems.add(child(key), n, s + " is below the smallest rate, 1e-9/s (one in 30 years); write 0/s for none");
            return 0;
        }
        return v;
    }

    private static String bareNumberHint(String text, String message, String example) {
        if (!Double.isNaN(parseFiniteNumber(text)) && !text.trim().startsWith("-")) {
            return "'" + text + "' needs a unit, e.g. " + example;
        }
        return message;
    }

    /** The list at {@code key}, or an empty list (after reporting) when it is not a list. */
    List<YamlNode> list(String key, boolean required, String what) {
        YamlNode n = map.entries.get(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.isNull) {
            if (required) {
                missing(key, what);
            }
            return List.of();
        }
        if (n instanceof YamlNode.Sequence seq) {
            return new ArrayList<>(seq.items);
        }
        problems.add(child(key), n, "expected a list of " + what + ", found " + describe(n));
        return List.of();
    }
}
