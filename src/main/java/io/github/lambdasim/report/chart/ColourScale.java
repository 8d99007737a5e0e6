package io.github.lambdasim.report.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The colours of a heatmap: viridis from light (low) to dark (high), a scale whose lightness
 * rises evenly and that readers with common colour-vision deficiencies see in the same order. The
 * scale is logarithmic when the values span more than {@link Charts#LOG_SCALE_RATIO} times, as
 * latency axes are, so that a 16 s cell does not wash out the differences between 0.7 s and 1.2 s.
 */
public final class ColourScale implements PaintScale {
    // Viridis (matplotlib), dark to light; drawn reversed so that more is darker.
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
        0x6DCD59, 0xB4DE2C, 0xFDE725};
    /** Cells without a value. */
    public static final Color MISSING = new Color(0xEEEEEE);

    private final double lower;
    private final double upper;
    private final boolean log;

    private ColourScale(double lower, double upper, boolean log) {
        this.lower = lower;
        this.upper = upper;
        this.log = log;
    }

    /** A scale over the finite values given, logarithmic when they are positive and span a wide ratio. */
    public static ColourScale of(double... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new ColourScale(0, 1, false);
        }
        return new ColourScale(min, max, min > 0 && max / min > Charts.LOG_SCALE_RATIO);
    }

    public boolean log() {
        return log;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** Where {@code v} lies from the lowest (0) to the highest value (1); 0.5 when all values are equal. */
    public double fraction(double v) {
        if (!(upper > lower)) {
            return 0.5;
        }
        double f = log ? Math.log(v / lower) / Math.log(upper / lower) : (v - lower) / (upper - lower);
        return Math.max(0, Math.min(1, f));
    }

    /** The colour of {@code v}; {@link #MISSING} for NaN. */
    public Color colour(double v) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        double position = (1 - fraction(v)) * (VIRIDIS.length - 1);
        int i = (int) Math.min(VIRIDIS.length - 2, Math.floor(position));
        double t = position - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t), mix(a.getBlue(), b.getBlue(), t));
    }

    @Override
    public Paint getPaint(double v) {
        return colour(v);
    }

    /**
     * The text colour readable on {@code background}: black or white, whichever contrasts more
     * (WCAG 2). Pure black, not the charts' dark grey ink: on viridis's middle teal only black
     * reaches the 4.5:1 that small text needs.
     */
    public static Color ink(Color background) {
        double l = luminance(background);
        double withWhite = 1.05 / (l + 0.05);
        double withBlack = (l + 0.05) / 0.05;
        return withBlack >= withWhite ? Color.BLACK : Color.WHITE;
    }

    /** WCAG 2 relative luminance, 0 (black) to 1 (white). */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    /** The contrast ratio of two colours (1 to 21). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColourScale s && s.lower == lower && s.upper == upper && s.log == log;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lower) * 31 + Double.hashCode(upper) + (log ? 1 : 0);
    }
}
