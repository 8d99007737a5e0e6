package io.github.lambdasim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Time axes speak in the units of the run's length: minutes up to three hours, hours up to two
 * weeks, days beyond; ticks at steps people count in (10 min, 24 h, 7 d), at most 12 of them.
 */
class TimeScaleTest {
    @Test
    void unitAndStepFollowTheRunsLength() {
        check(TimeScale.of(600), TimeScale.Unit.MINUTES, 1, 10);
        check(TimeScale.of(3600), TimeScale.Unit.MINUTES, 5, 60);
        check(TimeScale.of(7200), TimeScale.Unit.MINUTES, 10, 120);
        check(TimeScale.of(3 * 3600), TimeScale.Unit.MINUTES, 15, 180);
        check(TimeScale.of(4 * 3600), TimeScale.Unit.HOURS, 1, 4);
        check(TimeScale.of(7 * 86_400), TimeScale.Unit.HOURS, 24, 168);
        check(TimeScale.of(30 * 86_400), TimeScale.Unit.DAYS, 7, 30);
        check(TimeScale.of(366 * 86_400), TimeScale.Unit.DAYS, 56, 366);
        assertEquals("Simulated time (hours)", TimeScale.of(86_400).axisLabel());
        assertEquals(1.5, TimeScale.of(7200).toUnit(90));
    }

    @Test
    void neverMoreThanTwelveTicks() {
        for (double s = 30; s < 400 * 86_400; s *= 1.31) {
            TimeScale t = TimeScale.of(s);
            assertTrue(t.upper() / t.step() <= 12 + 1e-9, s + " s: " + t);
        }
    }

    private static void check(TimeScale t, TimeScale.Unit unit, double step, double upper) {
        assertEquals(unit, t.unit());
        assertEquals(step, t.step());
        assertEquals(upper, t.upper(), 1e-9);
    }
}
