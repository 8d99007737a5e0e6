package io.github.lambdasim.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every {@link Metric} of each function active in each period: what metrics.csv holds and charts
 * draw. A row is one function in one period; a function has a row only in the periods where it
 * was active (it had a request or an event, or environments alive, or provisioned concurrency
 * configured), and a missing row means every metric was zero. Rows are ordered by period, then by
 * function. Values live in chunks of rows, so memory follows the active function-periods and
 * growing never copies them. Immutable once built by a {@link Builder}.
 */
public final class PeriodSeries {
    private static final int CHUNK_SHIFT = 10;
    private static final int CHUNK_ROWS = 1 << CHUNK_SHIFT;

    private final long periodMicros;
    private final int periods;
    private final List<String> functions;
    private final List<Metric> metrics;
    private final int width;
    private final int rows;
    private final int[] rowPeriod;
    private final int[] rowFunction;
    private final double[][] chunks;
    /** The first row of each period, and the number of rows at the end. */
    private final int[] periodFirstRow;

    private PeriodSeries(Builder b) {
        this.periodMicros = b.periodMicros;
        this.periods = b.periods;
        this.functions = b.functions;
        this.metrics = b.metrics;
        this.width = b.width;
        this.rows = b.rows;
        this.rowPeriod = Arrays.copyOf(b.rowPeriod, b.rows);
        this.rowFunction = Arrays.copyOf(b.rowFunction, b.rows);
        this.chunks = b.chunks.toArray(new double[0][]);
        this.periodFirstRow = new int[periods + 1];
        int r = 0;
        for (int p = 0; p <= periods; p++) {
            while (r < rows && rowPeriod[r] < p) {
                r++;
            }
            periodFirstRow[p] = r;
        }
    }

    /**
     * The metrics period of a run this long unless one is given: one minute, grown on long runs to
     * a round length so that a chart has at most about 1,500 points.
     */
    public static long defaultPeriodMicros(long durationMicros) {
        long[] candidates = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};
        for (long minutes : candidates) {
            long p = minutes * 60_000_000L;
            if (durationMicros / p <= 1500) {
                return p;
            }
        }
        return 1440 * 60_000_000L;
    }

    /** The number of periods a run of {@code durationMicros} cut into {@code periodMicros} has (at least one). */
    public static int periods(long periodMicros, long durationMicros) {
        return (int) Math.max(1, (durationMicros + periodMicros - 1) / periodMicros);
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

    /** The metrics the series holds: those of every run, and the event-driven ones for an event-driven run. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** Whether the series holds the metrics of an event-driven run. */
    public boolean eventDriven() {
        return width > Metric.FIRST_EVENT_METRIC.ordinal();
    }

    /** Start of a period, in microseconds since the start of the run. */
    public long periodStartMicros(int period) {
        return period * periodMicros;
    }

    public int rows() {
        return rows;
    }

    public int rowPeriod(int row) {
        return rowPeriod[row];
    }

    public int rowFunction(int row) {
        return rowFunction[row];
    }

    /** A metric of a row (0 for a metric the series does not hold). */
    public double value(int row, Metric metric) {
        int m = metric.ordinal();
        return m >= width ? 0 : chunks[row >>> CHUNK_SHIFT][(row & (CHUNK_ROWS - 1)) * width + m];
    }

    /** The row of {@code function} in {@code period}, or -1 when it was not active then. */
    public int row(int function, int period) {
        int lo = periodFirstRow[period];
        int hi = periodFirstRow[period + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int f = rowFunction[mid];
            if (f < function) {
                lo = mid + 1;
            } else if (f > function) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** One metric of one function in one period (0 when the function was not active then). */
    public double get(int function, Metric metric, int period) {
        int r = row(function, period);
        return r < 0 ? 0 : value(r, metric);
    }

    /** One metric of one function over every period, 0 where it was not active. */
    public double[] series(int function, Metric metric) {
        double[] out = new double[periods];
        for (int r = 0; r < rows; r++) {
            if (rowFunction[r] == function) {
                out[rowPeriod[r]] = value(r, metric);
            }
        }
        return out;
    }

    /** Collects rows in order (by period, then function) as a run closes its periods. */
    public static final class Builder {
        private final long periodMicros;
        private final int periods;
        private final List<String> functions;
        private final List<Metric> metrics;
        private final int width;
        private int rows;
        private int[] rowPeriod = new int[CHUNK_ROWS];
        private int[] rowFunction = new int[CHUNK_ROWS];
        private final List<double[]> chunks = new ArrayList<>();
        private boolean built;

        /** @param eventDriven whether rows hold the metrics of event-driven runs too */
        public Builder(long periodMicros, long durationMicros, List<String> functions, boolean eventDriven) {
            this.periodMicros = periodMicros;
            this.periods = PeriodSeries.periods(periodMicros, durationMicros);
            this.functions = List.copyOf(functions);
            this.metrics = Metric.of(eventDriven);
            this.width = metrics.size();
        }

        public Builder(long periodMicros, long durationMicros, List<String> functions) {
            this(periodMicros, durationMicros, functions, false);
        }

        public int periods() {
            return periods;
        }

        public long periodMicros() {
            return periodMicros;
        }

        public long periodStartMicros(int period) {
            return period * periodMicros;
        }

        /** A new row of zeros for {@code function} in {@code period}; rows come by period, then by function. */
        public int add(int period, int function) {
            if (built) {
                throw new IllegalStateException("the series is built");
            }
            if (rows > 0 && (period < rowPeriod[rows - 1]
                    || period == rowPeriod[rows - 1] && function <= rowFunction[rows - 1])) {
                throw new IllegalArgumentException("rows must come by period, then by function: " + period + "/"
                        + function + " after " + rowPeriod[rows - 1] + "/" + rowFunction[rows - 1]);
            }
            if (rows == rowPeriod.length) {
                rowPeriod = Arrays.copyOf(rowPeriod, rows * 2);
                rowFunction = Arrays.copyOf(rowFunction, rows * 2);
            }
            if ((rows & (CHUNK_ROWS - 1)) == 0) {
                chunks.add(new double[CHUNK_ROWS * width]);
            }
            rowPeriod[rows] = period;
            rowFunction[rows] = function;
            return rows++;
        }

        public int rows() {
            return rows;
        }

        public int rowPeriod(int row) {
            return rowPeriod[row];
        }

        public int rowFunction(int row) {
            return rowFunction[row];
        }

        /** Sets a metric of a row; a metric the series does not hold is left out (it is 0 in a run without it). */
        public void set(int row, Metric metric, double value) {
            int m = metric.ordinal();
            if (m < width) {
                chunks.get(row >>> CHUNK_SHIFT)[(row & (CHUNK_ROWS - 1)) * width + m] = value;
            }
        }

        public double get(int row, Metric metric) {
            int m = metric.ordinal();
            return m >= width ? 0 : chunks.get(row >>> CHUNK_SHIFT)[(row & (CHUNK_ROWS - 1)) * width + m];
        }

        public PeriodSeries build() {
            built = true;
            return new PeriodSeries(this);
        }
    }
}
