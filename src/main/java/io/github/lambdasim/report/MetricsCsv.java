package io.github.lambdasim.report;

import io.github.lambdasim.scenario.ScenarioClock;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * metrics.csv: one row per function active in a period, columns named like CloudWatch's
 * AWS/Lambda metrics (see {@link Metric}). The first columns say when and who:
 * {@code periodStartSeconds} since the start of the run, {@code periodSeconds}, {@code function}.
 * A function without a row in a period had nothing in it (no request, no environment, no
 * provisioned concurrency): every metric was zero. Rows come by period, then in the order of
 * the scenario's functions. The Async* columns are there only for event-driven runs
 * (asynchronous traffic, invoke steps or destinations). Written row by row, so a whole account's table never sits in memory
 * as text.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static String render(PeriodSeries series) {
        StringBuilder sb = new StringBuilder();
        try {
            write(series, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    public static void write(PeriodSeries series, Appendable out) throws IOException {
        write(series, null, out);
    }

    /**
     * With a clock, each row starts with {@code time}: its period's start as a clock time in the
     * scenario's zone, ISO 8601 ({@code 2026-03-01T12:00:00+01:00}), as CloudWatch lists datapoints.
     */
    public static void write(PeriodSeries series, ScenarioClock clock, Appendable out) throws IOException {
        StringBuilder line = new StringBuilder(512).append(clock == null ? "" : "time,")
                .append("periodStartSeconds,periodSeconds,function");
        for (Metric m : series.metrics()) {
            line.append(',').append(m.column());
        }
        out.append(line).append('\n');
        String periodSeconds = plain(series.periodMicros() / 1e6, 3);
        String[] names = new String[series.functions().size()];
        for (int f = 0; f < names.length; f++) {
            names[f] = csv(series.functions().get(f));
        }
        for (int r = 0; r < series.rows(); r++) {
            line.setLength(0);
            if (clock != null) {
                line.append(clock.at(series.periodStartMicros(series.rowPeriod(r)))).append(',');
            }
            line.append(plain(series.periodStartMicros(series.rowPeriod(r)) / 1e6, 3)).append(',').append(periodSeconds)
                    .append(',').append(names[series.rowFunction(r)]);
            for (Metric m : series.metrics()) {
                line.append(',').append(plain(series.value(r, m), m.decimals()));
            }
            out.append(line).append('\n');
        }
    }

    static String plain(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            // Whole numbers (most cells: counts, and zeros) need no rounding.
            return Long.toString((long) v);
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String csv(String s) {
        return s.matches("[A-Za-z0-9_.-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
