package io.github.lambdasim.report.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.stats.Estimate;
import org.junit.jupiter.api.Test;

/** The way the report writes numbers for people, estimates with their confidence interval among them. */
class FormatTest {
    @Test
    void numbersForPeople() {
        assertEquals("360,463", Format.count(360_463));
        assertEquals("34.1 ms", Format.ms(34.079));
        assertEquals("1,309 ms", Format.ms(1309.35));
        assertEquals("10 s", Format.ms(10_000));
        assertEquals("10.5 s", Format.ms(10_499));
        assertEquals("0.85 ms", Format.ms(0.851));
        assertEquals("$21,218.68", Format.usd(new java.math.BigDecimal("21218.675")));
        assertEquals("$0.0186", Format.usdExact(new java.math.BigDecimal("0.018559")));
        assertEquals("55%", Format.percent(1_190_402, 2_165_869));
        assertEquals("0.012%", Format.percent(45, 360_463));
        assertEquals("0.63%", Format.percent(21, 3357));
        assertEquals("2.5%", Format.percent(25, 1000));
        assertEquals("1 error", Format.count(1, "error", "errors"));
        // One unit per column: seconds for all when one reaches 10 s, three significant digits each.
        io.github.lambdasim.stats.Estimate slow = io.github.lambdasim.stats.Estimate.of(new double[] {16_810, 16_810});
        io.github.lambdasim.stats.Estimate fast = io.github.lambdasim.stats.Estimate.of(new double[] {715.263, 715.263});
        assertTrue(Format.inSeconds(java.util.List.of(fast, slow)));
        assertEquals("16.8 ± 0.0 s", Format.ms(slow, true));
        assertEquals("0.715 ± 0.000 s", Format.ms(fast, true));
        assertEquals("715 ± 0 ms", Format.ms(fast, false));
        assertEquals("0 errors, 1,204 errors", Format.count(0, "error", "errors") + ", " + Format.count(1204, "error", "errors"));
        assertEquals("99.83%", Format.percent(72_080, 72_206));
        assertEquals("99.9986%", Format.percent(72_205, 72_206));
        assertEquals("100%", Format.percent(5, 5));
        assertEquals("2 h", Format.duration(7200));
        assertEquals("7 days", Format.duration(7 * 86_400));
        assertEquals("minute", Format.period(60));
        assertEquals("10 minutes", Format.period(600));
        assertEquals("hour", Format.period(3600));
    }

    @Test
    void estimatesWithTheirIntervalInTheMeansPrecision() {
        assertEquals("812 ± 9 ms", Format.ms(new Estimate(812.4, 9.1, 10)));
        assertEquals("812 ± 9 ms (95% CI, n=10)", Format.withInterval(Format.ms(new Estimate(812.4, 9.1, 10)),
                new Estimate(812.4, 9.1, 10)));
        assertEquals("16.8 ± 0.1 s", Format.ms(new Estimate(16_810, 120, 5)));
        assertEquals("-0.68 ± 0.37 ms", Format.ms(new Estimate(-0.68, 0.37, 3)), "a difference");
        assertEquals("0 ms", Format.ms(new Estimate(0, 0, 3)));
        assertEquals("34.0 ms (n=1)", Format.withInterval(Format.ms(new Estimate(34, Double.NaN, 1)),
                new Estimate(34, Double.NaN, 1)));
        assertEquals("$1,416.40 ± 1.10", Format.usd(new Estimate(1416.4, 1.1, 5)));
        assertEquals("-$165.08 ± 8.85", Format.usd(new Estimate(-165.08, 8.85, 3)));
        assertEquals("1.76 ± 0.09%", Format.share(new Estimate(0.0176, 0.0009, 5)));
        assertEquals("0.018 ± 0.013%", Format.share(new Estimate(0.00018, 0.00013, 5)));
        assertEquals("0%", Format.share(new Estimate(0, 0, 5)));
        assertEquals("22.7 ± 0.3", Format.level(new Estimate(22.71, 0.3, 5)));
    }
}
