package io.github.lambdasim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Pareto front with less better on both axes: exactly the points that no other point beats on
 * one axis without losing on the other, by ascending x; equal points are all kept, points with a
 * NaN coordinate left out.
 */
class ParetoTest {
    @Test
    void keepsOnlyPointsNoOtherBeatsOnBothAxes() {
        // latency, cost: 0 (100, 9), 1 (200, 5), 2 (150, 9) dominated by 0, 3 (300, 1), 4 (250, 6) dominated by 1.
        double[] x = {100, 200, 150, 300, 250};
        double[] y = {9, 5, 9, 1, 6};
        assertEquals(List.of(0, 1, 3), Pareto.front(x, y));
    }

    @Test
    void aPointEqualOnOneAxisAndWorseOnTheOtherIsDominated() {
        assertEquals(List.of(0), Pareto.front(new double[] {1, 1}, new double[] {2, 3}));
        assertEquals(List.of(0), Pareto.front(new double[] {1, 2}, new double[] {2, 2}));
        assertEquals(List.of(1), Pareto.front(new double[] {2, 1}, new double[] {2, 2}));
    }

    @Test
    void equalPointsAreAllOnTheFront() {
        assertEquals(List.of(0, 1, 2), Pareto.front(new double[] {1, 1, 2}, new double[] {5, 5, 4}));
    }

    @Test
    void aCurveFallingEverywhereIsAllFrontInOrderOfX() {
        double[] x = {2360, 2150, 633, 530, 511, 509};
        double[] y = {201, 583, 998, 1416, 1854, 2292};
        assertEquals(List.of(5, 4, 3, 2, 1, 0), Pareto.front(x, y));
    }

    @Test
    void oneBestPointDominatesAllOthers() {
        assertEquals(List.of(2), Pareto.front(new double[] {5, 4, 1, 3}, new double[] {5, 4, 1, 3}));
    }

    @Test
    void nanAndEmptyInput() {
        assertEquals(List.of(1), Pareto.front(new double[] {Double.NaN, 2}, new double[] {1, 3}));
        assertEquals(List.of(), Pareto.front(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Pareto.front(new double[1], new double[2]));
    }
}
