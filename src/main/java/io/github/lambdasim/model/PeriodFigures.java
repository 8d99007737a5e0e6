package io.github.lambdasim.model;

/**
 * Figures of a queue, a stream or an event source mapping kept per metrics period: a dense
 * array of {@code figures x periods} values, each period's sum or its maximum. Allocated once
 * when the run starts; recording is an index and an add. Periods start at the measurement
 * window's start ({@code fromMicros}): a sum recorded before it is not kept and one after its end
 * goes to the last period (what the window's messages became after it); a maximum is a level,
 * kept only inside the window.
 */
final class PeriodFigures {
    private final long periodMicros;
    private final int periods;
    private final long fromMicros;
    private final long toMicros;
    private final double[] values;

    PeriodFigures(int figures, int periods, long periodMicros, long fromMicros, long toMicros) {
        this.periods = periods;
        this.periodMicros = periodMicros;
        this.fromMicros = fromMicros;
        this.toMicros = toMicros;
        this.values = new double[figures * periods];
    }

    private int index(int figure, long nowMicros) {
        int p = (int) Math.min(periods - 1, (nowMicros - fromMicros) / periodMicros);
        return figure * periods + p;
    }

    void add(int figure, long nowMicros, double amount) {
        if (nowMicros >= fromMicros) {
            values[index(figure, nowMicros)] += amount;
        }
    }

    void max(int figure, long nowMicros, double value) {
        if (nowMicros < fromMicros || nowMicros >= toMicros) {
            return;
        }
        int i = index(figure, nowMicros);
        if (value > values[i]) {
            values[i] = value;
        }
    }

    /**
     * Adds the time in [start, end) inside the window to each period it overlaps ({@code figure}
     * in seconds): a blocked interval spread over the periods it spans.
     */
    void addSeconds(int figure, long startMicros, long endMicros) {
        long t = Math.max(startMicros, fromMicros);
        long end = Math.min(endMicros, toMicros);
        while (t < end) {
            long periodEnd = Math.min(end, fromMicros + ((t - fromMicros) / periodMicros + 1) * periodMicros);
            if ((t - fromMicros) / periodMicros >= periods - 1) {
                periodEnd = end;
            }
            add(figure, t, (periodEnd - t) / 1e6);
            t = periodEnd;
        }
    }

    /** The part of [start, end) inside the measurement window, in microseconds. */
    long clippedMicros(long startMicros, long endMicros) {
        return Math.max(0, Math.min(endMicros, toMicros) - Math.max(startMicros, fromMicros));
    }

    /** One figure's values, period by period (a copy). */
    double[] series(int figure) {
        return java.util.Arrays.copyOfRange(values, figure * periods, (figure + 1) * periods);
    }
}
