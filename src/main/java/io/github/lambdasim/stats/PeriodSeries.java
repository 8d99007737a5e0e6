package io.github.lambdasim.stats;

import java.util.List;

/**
 * Every {@link Metric} of every function for each period of the run: what metrics.csv holds and
 * charts draw. Filled by the simulation as periods end; read-only afterwards.
 */
public final class PeriodSeries {
    private final long periodMicros;
    private final int periods;
    private final List<String> functions;
    private final double[][][] values; // [function][metric][period]

    public PeriodSeries(long periodMicros, long durationMicros, List<String> functions) {
        this.periodMicros = periodMicros;
        this.periods = (int) Math.max(1, (durationMicros + periodMicros - 1) / periodMicros);
        this.functions = List.copyOf(functions);
        this.values = new double[functions.size()][Metric.values().length][periods];
    }

    public long periodMicros() {
        return periodMicros;
    }

    public int periods() {
        return periods;
    }

    public List<String> functions() {
        return functions;
    }

    public void set(int function, Metric metric, int period, double value) {
        values[function][metric.ordinal()][period] = value;
    }

    public double get(int function, Metric metric, int period) {
        return values[function][metric.ordinal()][period];
    }

    /** A copy of one metric's values over the periods. */
    public double[] series(int function, Metric metric) {
        return values[function][metric.ordinal()].clone();
    }

    /** Start of a period, in microseconds since the start of the run. */
    public long periodStartMicros(int period) {
        return period * periodMicros;
    }
}
