package io.github.lambdasim.model;

/**
 * Figures of a queue, a stream or an event source mapping kept per metrics period: a dense
 * array of {@code figures x periods} values, each period's sum or its maximum. Allocated once
 * when the run starts; recording is an index and an add.
 */
final class PeriodFigures {
    private final long periodMicros;
    private final int periods;
    private final double[] values;

    PeriodFigures(int figures, int periods, long periodMicros) {
        this.periods = periods;
        this.periodMicros = periodMicros;
        this.values = new double[figures * periods];
    }

    private int index(int figure, long nowMicros) {
        int p = (int) Math.min(periods - 1, nowMicros / periodMicros);
        return figure * periods + p;
    }

    void add(int figure, long nowMicros, double amount) {
        values[index(figure, nowMicros)] += amount;
    }

    void max(int figure, long nowMicros, double value) {
        int i = index(figure, nowMicros);
        if (value > values[i]) {
            values[i] = value;
        }
    }

    /**
     * Adds the time in [from, to) to each period it overlaps ({@code figure} in seconds): a level
     * or a blocked interval spread over the periods it spans.
     */
    void addSeconds(int figure, long fromMicros, long toMicros) {
        long t = fromMicros;
        while (t < toMicros) {
            long periodEnd = Math.min(toMicros, (t / periodMicros + 1) * periodMicros);
            if (t / periodMicros >= periods - 1) {
                periodEnd = toMicros;
            }
            add(figure, t, (periodEnd - t) / 1e6);
            t = periodEnd;
        }
    }

    /** One figure's values, period by period (a copy). */
    double[] series(int figure) {
        return java.util.Arrays.copyOfRange(values, figure * periods, (figure + 1) * periods);
    }
}
