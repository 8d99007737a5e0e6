package io.github.lambdasim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Axes a reader takes in at a glance: linear steps are 1, 2 or 5 x 10^k and cut the range into at
 * most the number of intervals asked; ranges start at zero, hold the maximum with its headroom
 * and end on a tick; log ticks fall on 1, 2 and 5 x 10^k (powers of ten only over wide ranges);
 * labels carry the decimals the step needs and no more.
 */
class TicksTest {
    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, Ticks.niceStep(8, 8));
        assertEquals(2, Ticks.niceStep(9, 8));
        assertEquals(5, Ticks.niceStep(33, 8));
        assertEquals(500, Ticks.niceStep(3500, 8));
        assertEquals(0.005, Ticks.niceStep(0.03, 8), 1e-15);
        assertEquals(20_000, Ticks.niceStep(140_000, 8));
        for (double range = 0.001; range < 1e7; range *= 1.37) {
            double step = Ticks.niceStep(range, 8);
            assertTrue(range / step <= 8 + 1e-9, range + " / " + step);
            assertTrue(range / step > 8 / 2.5 - 1e-9, "not needlessly coarse: " + range + " / " + step);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                    "step " + step);
        }
    }

    @Test
    void rangesFromZeroHoldTheMaximumWithHeadroomAndEndOnATick() {
        assertEquals(new Ticks.Range(0, 40, 5), Ticks.fromZero(33, 0.1, 8));
        assertEquals(new Ticks.Range(0, 1200, 200), Ticks.fromZero(1000, 0.1, 8));
        assertEquals(new Ticks.Range(0, 1, 0.2), Ticks.fromZero(0, 0.1, 8));
        assertEquals(new Ticks.Range(0, 1, 0.2), Ticks.fromZero(Double.NaN, 0.1, 8));
        for (double max = 0.0003; max < 1e6; max *= 1.7) {
            Ticks.Range r = Ticks.fromZero(max, 0.08, 8);
            assertTrue(r.upper() >= max * 1.08 - 1e-12, "headroom above " + max);
            double ticks = r.upper() / r.step();
            assertEquals(Math.rint(ticks), ticks, 1e-6, "ends on a tick");
            assertTrue(ticks <= 9, "few ticks: " + r);
        }
    }

    @Test
    void logTicksAndNiceBounds() {
        assertEquals(List.of(10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0), Ticks.logTicks(10, 2000, 4));
        assertEquals(List.of(0.2, 0.5, 1.0), Ticks.logTicks(0.2, 1, 4));
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10_000.0, 100_000.0, 1_000_000.0), Ticks.logTicks(1, 1e6, 4));
        assertEquals(List.of(), Ticks.logTicks(0, 10, 4));
        assertEquals(20, Ticks.niceFloor(30.6));
        assertEquals(50, Ticks.niceFloor(50));
        assertEquals(2000, Ticks.niceCeil(1440));
        assertEquals(0.5, Ticks.niceCeil(0.31), 1e-15);
        assertEquals(10, Ticks.niceCeil(6));
    }

    @Test
    void decimalsFollowTheStep() {
        assertEquals(0, Ticks.decimals(500));
        assertEquals(0, Ticks.decimals(1));
        assertEquals(1, Ticks.decimals(0.5));
        assertEquals(1, Ticks.decimals(0.2));
        assertEquals(2, Ticks.decimals(0.05));
        assertEquals(3, Ticks.decimals(0.005));
    }

    @Test
    void countsAreTickedAWholeNumberApart() {
        // Three cold starts in the busiest minute: 0 to 4 by 1, not 0 to 3.5 by 0.5.
        assertEquals(new Ticks.Range(0, 4, 1), Ticks.countsFromZero(3, 0.1, 8));
        assertEquals(new Ticks.Range(0, 1, 1), Ticks.countsFromZero(0, 0.1, 8));
        assertEquals(Ticks.fromZero(870, 0.1, 8), Ticks.countsFromZero(870, 0.1, 8), "large counts as before");
    }
}
