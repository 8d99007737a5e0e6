package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-period figures the charts draw add up: environments alive are the busy ones plus the
 * idle ones in every period; each period's cost components add up to its CostUsd; and each
 * component, summed over the periods, is that component of the run's bill (so the cumulative
 * cost chart ends at the bill).
 */
class PeriodMetricsTest {
    private static RunResult run;

    @BeforeAll
    static void simulate() throws IOException {
        try (InputStream in = PeriodMetricsTest.class.getResourceAsStream("/io/github/lambdasim/report/small.yaml")) {
            run = Scenarios.run(Scenarios.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), 0);
        }
    }

    @Test
    void environmentsAliveAreBusyPlusIdle() {
        PeriodSeries s = run.series();
        for (int f = 0; f < s.functions().size(); f++) {
            double sum = 0;
            for (int p = 0; p < s.periods(); p++) {
                double alive = s.get(f, Metric.ENVIRONMENTS_ALIVE_AVG, p);
                assertEquals(s.get(f, Metric.CONCURRENCY_AVG, p) + s.get(f, Metric.ENVIRONMENTS_IDLE_AVG, p), alive, 1e-9,
                        "period " + p);
                sum += alive * s.periodMicros();
            }
            assertEquals(run.functions().get(f).environmentsAliveMean(), sum / run.simulatedMicros(), 1e-9);
        }
    }

    @Test
    void costComponentsAddUpPerPeriodAndToTheBill() {
        PeriodSeries s = run.series();
        Metric[] components = {Metric.COST_REQUESTS_USD, Metric.COST_COMPUTE_USD, Metric.COST_PROVISIONED_USD,
            Metric.COST_PROVISIONED_COMPUTE_USD, Metric.COST_EPHEMERAL_STORAGE_USD};
        for (int f = 0; f < s.functions().size(); f++) {
            BigDecimal[] bill = run.bill().functions().get(f).period().exactUsd().components();
            double[] sums = new double[components.length];
            for (int p = 0; p < s.periods(); p++) {
                double total = 0;
                for (int c = 0; c < components.length; c++) {
                    double v = s.get(f, components[c], p);
                    assertTrue(v >= 0, components[c] + " is negative");
                    total += v;
                    sums[c] += v;
                }
                assertEquals(total, s.get(f, Metric.COST_USD, p), 1e-12);
            }
            for (int c = 0; c < components.length; c++) {
                assertEquals(bill[c].doubleValue(), sums[c], 1e-9, components[c].column());
            }
        }
        Bill.Charges total = run.bill().period().exactUsd();
        assertTrue(total.requests().signum() > 0 && total.compute().signum() > 0 && total.ephemeralStorage().signum() > 0,
                "the scenario exercises requests, compute and storage charges");
    }
}
