package io.github.lambdasim.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis ranges and tick steps a reader takes in at a glance: linear steps of 1, 2 or 5 x 10^k from
 * zero, and on log axes ticks at 1, 2 and 5 x 10^k.
 */
public final class Ticks {
    private static final double[] MANTISSAS = {1, 2, 5};

    private Ticks() {
    }

    /** A linear axis from {@code lower} to {@code upper} with a tick every {@code step}. */
    public record Range(double lower, double upper, double step) {
    }

    /** The smallest step of 1, 2 or 5 x 10^k that cuts {@code range} into at most {@code maxTicks} intervals. */
    public static double niceStep(double range, int maxTicks) {
        if (!(range > 0) || maxTicks < 1) {
            return 1;
        }
        double raw = range / maxTicks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int k = 0; k < 2; k++) {
            for (double m : MANTISSAS) {
                double step = m * magnitude * Math.pow(10, k);
                if (step >= raw * (1 - 1e-9)) {
                    return step;
                }
            }
        }
        return 10 * magnitude;
    }

    /**
     * An axis from zero that holds {@code max} with some headroom ({@code headroom} = 0.05 keeps 5%
     * free above it), ending on a tick. An empty or zero series gets the range 0..1.
     */
    public static Range fromZero(double max, double headroom, int maxTicks) {
        double top = Double.isFinite(max) && max > 0 ? max * (1 + headroom) : 1;
        double step = niceStep(top, maxTicks);
        double upper = Math.ceil(top / step - 1e-9) * step;
        return new Range(0, upper, step);
    }

    /** Like {@link #fromZero}, for whole counts: ticks a whole number apart (no 0.5 cold starts). */
    public static Range countsFromZero(double max, double headroom, int maxTicks) {
        Range r = fromZero(max, headroom, maxTicks);
        if (r.step() >= 1) {
            return r;
        }
        return new Range(0, Math.max(1, Math.ceil(r.upper() - 1e-9)), 1);
    }

    /** The largest value of 1, 2 or 5 x 10^k at or below {@code v} (v > 0). */
    public static double niceFloor(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        double best = magnitude;
        for (double m : MANTISSAS) {
            if (m * magnitude <= v * (1 + 1e-9)) {
                best = m * magnitude;
            }
        }
        return best;
    }

    /** The smallest value of 1, 2 or 5 x 10^k at or above {@code v} (v > 0). */
    public static double niceCeil(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : MANTISSAS) {
            if (m * magnitude >= v * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /**
     * Ticks of a log axis from {@code lower} to {@code upper}: 1, 2 and 5 x 10^k while the range
     * spans at most {@code maxDecades} decades, powers of ten beyond.
     */
    public static List<Double> logTicks(double lower, double upper, int maxDecades) {
        List<Double> ticks = new ArrayList<>();
        if (!(lower > 0) || !(upper >= lower)) {
            return ticks;
        }
        boolean fine = Math.log10(upper / lower) <= maxDecades;
        int first = (int) Math.floor(Math.log10(lower));
        int last = (int) Math.ceil(Math.log10(upper));
        for (int e = first; e <= last; e++) {
            for (double m : fine ? MANTISSAS : new double[] {1}) {
                // Parsing the decimal string gives 0.2 rather than 0.20000000000000004.
                double v = Double.parseDouble(m + "E" + e);
                if (v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9)) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    /** Decimals a label needs to tell ticks {@code step} apart: 0 for 5, 1 for 0.5, 2 for 0.25 or 0.05. */
    public static int decimals(double step) {
        if (!(step > 0)) {
            return 0;
        }
        for (int d = 0; d < 12; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 12;
    }
}
