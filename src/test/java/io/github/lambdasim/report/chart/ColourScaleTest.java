package io.github.lambdasim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

/**
 * The heatmap's colour scale: the lowest value is the lightest colour and the highest the
 * darkest, darker all the way between; logarithmic exactly when the values span more than the
 * latency axes' ratio (the geometric mean then sits in the middle); equal values and missing ones
 * get a defined colour; and the ink written on any cell contrasts with it at least 4.5:1 (WCAG AA).
 */
class ColourScaleTest {
    @Test
    void lowestIsLightestHighestDarkestAndDarkerAllTheWay() {
        ColourScale s = ColourScale.of(100, 400);
        assertEquals(new Color(0xFDE725), s.colour(100));
        assertEquals(new Color(0x440154), s.colour(400));
        double previous = Double.MAX_VALUE;
        for (double v = 100; v <= 400; v += 5) {
            double l = ColourScale.luminance(s.colour(v));
            assertTrue(l < previous, v + ": luminance " + l + " not below " + previous);
            previous = l;
        }
    }

    @Test
    void valuesOutsideTheRangeTakeTheEndColours() {
        ColourScale s = ColourScale.of(100, 400);
        assertEquals(s.colour(100), s.colour(50));
        assertEquals(s.colour(400), s.colour(1000));
    }

    @Test
    void linearUnlessTheValuesSpanAWideRatio() {
        ColourScale linear = ColourScale.of(715, 1200, 2101);
        assertFalse(linear.log());
        assertEquals(0.5, linear.fraction((715 + 2101) / 2.0), 1e-12);

        ColourScale log = ColourScale.of(715, 1200, 16_810);
        assertTrue(log.log(), "16,810 / 715 > " + Charts.LOG_SCALE_RATIO);
        assertEquals(0.5, log.fraction(Math.sqrt(715 * 16_810.0)), 1e-12);
        assertEquals(0, log.fraction(715), 1e-12);
        assertEquals(1, log.fraction(16_810), 1e-12);

        assertFalse(ColourScale.of(0, 100, 5000).log(), "zero cannot go on a log scale");
    }

    @Test
    void equalValuesTakeTheMiddleAndMissingOnesAGrey() {
        ColourScale s = ColourScale.of(92.48, 92.48, Double.NaN);
        assertEquals(0.5, s.fraction(92.48));
        assertEquals(ColourScale.MISSING, s.colour(Double.NaN));
    }

    @Test
    void theInkOnEveryCellIsReadable() {
        ColourScale s = ColourScale.of(0, 1000);
        for (double v = 0; v <= 1000; v += 10) {
            Color cell = s.colour(v);
            double contrast = ColourScale.contrast(cell, ColourScale.ink(cell));
            assertTrue(contrast >= 4.5, v + ": contrast " + contrast);
        }
        assertEquals(Color.WHITE, ColourScale.ink(s.colour(1000)));
        assertEquals(Color.BLACK, ColourScale.ink(s.colour(0)));
    }
}
