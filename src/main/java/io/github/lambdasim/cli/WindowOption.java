package io.github.lambdasim.cli;

import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.Units;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * compare's {@code --window FROM-TO}: the part of the scenario whose arrivals are measured. Each
 * end is a clock time {@code HH:MM[:SS]} (of the start's day when the scenario has a {@code start:}
 * clock, otherwise hours and minutes since its start) or a duration since the start ({@code 12h},
 * {@code 12h5m}). Times are the scenario's: after any warm-up.
 */
final class WindowOption {
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private WindowOption() {
    }

    /** The window {@code text} names in {@code spec}; refused when it is empty or outside the run. */
    static ScenarioSpec.Window parse(String text, ScenarioSpec spec) {
        String t = text.strip();
        int dash = t.indexOf('-');
        if (dash <= 0 || dash != t.lastIndexOf('-') || dash == t.length() - 1) {
            throw new IllegalArgumentException("--window: expected FROM-TO, e.g. 12:00-12:05 or 12h-12h5m, found '" + text
                    + "'");
        }
        long from = end(t.substring(0, dash).strip(), spec, text);
        long to = end(t.substring(dash + 1).strip(), spec, text);
        long duration = spec.durationMicros();
        if (to <= from) {
            throw new IllegalArgumentException("--window " + text + " is empty: its end is not after its start");
        }
        if (from < 0 || to > duration) {
            throw new IllegalArgumentException("--window " + text + " is outside the run of " + spec.name() + ", which "
                    + (spec.clock() != null ? "runs from " + spec.clock().at(0) + " to " + spec.clock().at(duration)
                    : "lasts " + Units.formatDuration(duration)));
        }
        return new ScenarioSpec.Window(from, to);
    }

    /** The window as the output says it: {@code 12:00-12:05 (12h to 12h 5m into the run)}. */
    static String describe(String text, ScenarioSpec.Window w) {
        return String.format(Locale.ROOT, "%s (%s to %s into the run)", text.strip(), Units.formatDuration(w.fromMicros()),
                Units.formatDuration(w.toMicros()));
    }

    private static long end(String s, ScenarioSpec spec, String text) {
        Matcher m = CLOCK.matcher(s);
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (h > 24 || min > 59 || sec > 59 || h == 24 && (min > 0 || sec > 0)) {
                throw new IllegalArgumentException("--window: '" + s + "' in '" + text + "' is not a time of day");
            }
            long micros = h * Units.MICROS_PER_HOUR + min * Units.MICROS_PER_MINUTE + sec * Units.MICROS_PER_SECOND;
            // With a clock, a time of the start's day; without one, time since the start.
            return spec.clock() != null ? micros - spec.clock().sinceMidnightMicros() : micros;
        }
        try {
            return Units.parseDurationMicros(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--window: '" + s + "' in '" + text + "' is neither a time (12:05) nor "
                    + Units.DURATION_HINT);
        }
    }
}
