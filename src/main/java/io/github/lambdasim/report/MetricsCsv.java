package io.github.lambdasim.report;

import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * metrics.csv: one row per period per function, columns named like CloudWatch's AWS/Lambda
 * metrics (see {@link Metric}). The first columns say when: {@code periodStartSeconds} since the
 * start of the run and {@code periodSeconds}.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static String render(PeriodSeries series) {
        StringBuilder sb = new StringBuilder("periodStartSeconds,periodSeconds,function");
        for (Metric m : Metric.values()) {
            sb.append(',').append(m.column());
        }
        sb.append('\n');
        String periodSeconds = plain(series.periodMicros() / 1e6, 3);
        for (int p = 0; p < series.periods(); p++) {
            for (int f = 0; f < series.functions().size(); f++) {
                sb.append(plain(series.periodStartMicros(p) / 1e6, 3)).append(',').append(periodSeconds).append(',')
                        .append(csv(series.functions().get(f)));
                for (Metric m : Metric.values()) {
                    sb.append(',').append(plain(series.get(f, m, p), m.decimals()));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String plain(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String csv(String s) {
        return s.matches("[A-Za-z0-9_.-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
