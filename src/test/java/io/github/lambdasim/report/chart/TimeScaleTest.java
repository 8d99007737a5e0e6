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

    /** With a clock start, the axis counts from the start day's local midnight and labels clock times. */
    @Test
    void aClockStartLabelsTicksWithClockTimesInTheZone() {
        java.time.ZonedDateTime start = java.time.ZonedDateTime.of(2026, 3, 28, 22, 30, 0, 0,
                java.time.ZoneId.of("Europe/Paris"));
        TimeScale t = TimeScale.of(3 * 3600, start);
        assertEquals(TimeScale.Unit.HOURS, TimeScale.of(4 * 3600, start).unit());
        assertEquals(22.5 * 60, t.lower(), 1e-9);
        assertEquals(22.5 * 60 + 90, t.toUnit(90 * 60), 1e-9);
        // Past midnight the run spans two days: ticks say the day.
        assertEquals("Sat 23:00", t.tickFormat().format(23 * 60));
        assertEquals("Time (Europe/Paris)", t.axisLabel());
        assertEquals("Sun 00:30", t.tickFormat().format(24 * 60 + 30));
        // Within one day the axis title gives the date.
        assertEquals("Time on Sat 28 Mar 2026 (Europe/Paris)", TimeScale.of(3600, start).axisLabel());
        assertEquals("23:00", TimeScale.of(3600, start).tickFormat().format(23 * 60));
        // Summer time starts at 02:00 on 29 March: 26 hours after that midnight is 03:00 on the clock.
        TimeScale day = TimeScale.of(2 * 86_400, start);
        assertEquals("Sun 03:00", day.tickFormat().format(26));
    }

    @Test
    void subtitlesKeepEachFigureOnOneLine() {
        assertEquals("p99 510\u00a0±\u00a00\u00a0ms, 1,123 cold starts (0.011%), $1,416.40\u00a0±\u00a01.10",
                ChartStyle.unbroken("p99 510 ± 0 ms, 1,123 cold starts (0.011%), $1,416.40 ± 1.10"));
        assertEquals("2\u00a0h at 512\u00a0MB; 3 steps", ChartStyle.unbroken("2 h at 512 MB; 3 steps"));
    }

    private static void check(TimeScale t, TimeScale.Unit unit, double step, double upper) {
        assertEquals(unit, t.unit());
        assertEquals(step, t.step());
        assertEquals(upper, t.upper(), 1e-9);
    }
}
