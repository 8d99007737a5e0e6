package io.github.lambdasim.report.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto front of points where less is better on both axes (latency and cost): the points no
 * other point beats on one axis without losing on the other.
 */
public final class Pareto {
    private Pareto() {
    }

    /**
     * Indices of the points on the front, by ascending x. A point is dominated when another is at
     * most as large on both axes and smaller on one; equal points dominate neither each other.
     * Points with a NaN coordinate are left out.
     */
    public static List<Integer> front(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
        List<Integer> front = new ArrayList<>();
        double bestY = Double.POSITIVE_INFINITY;
        for (int i : order) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            if (y[i] < bestY) {
                front.add(i);
                bestY = y[i];
            } else if (!front.isEmpty()) {
                int last = front.get(front.size() - 1);
                if (x[i] == x[last] && y[i] == y[last]) {
                    front.add(i);
                }
            }
        }
        return front;
    }
}
