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
 * cost chart ends at the bill). A function has a row only in the periods it was active in: when
 * it had an event, or environments alive; a quiet hour between two calls leaves no rows. The
 * account's concurrency is its functions' together, per period and over the run.
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

    @Test
    void aFunctionHasRowsOnlyWhileItIsActive() {
        // Calls at minute 0 and minute 40; the environment idles for 10 minutes (2019 rules) after each.
        RunResult r = Scenarios.run(Scenarios.parse("""
                name: quiet
                duration: 1h
                platform: 2019
                functions:
                  - {name: rare, handler: {duration: 100ms}}
                  - {name: busy, handler: {duration: 10ms}}
                traffic:
                  - {function: rare, constant: {rate: 1/s, start: 10s, end: 11s}}
                  - {function: rare, constant: {rate: 1/s, start: 40m10s, end: 40m11s}}
                  - {function: busy, poisson: {rate: 2/s}}
                """), 0);
        PeriodSeries s = r.series();
        int rare = 0;
        int busy = 1;
        for (int p = 0; p < s.periods(); p++) {
            boolean rareActive = p <= 10 || p >= 40 && p <= 50;
            assertEquals(rareActive, s.row(rare, p) >= 0, "rare in minute " + p);
            assertTrue(s.row(busy, p) >= 0, "busy in minute " + p);
        }
        assertEquals(s.periods() + 22, s.rows());
        double alive = 0;
        for (double v : s.series(rare, Metric.ENVIRONMENTS_ALIVE_AVG)) {
            alive += v * s.periodMicros();
        }
        // Two environments of 10 minutes and a tenth of a second each, from the rows alone.
        assertEquals(2 * (600 + 0.1) * 1e6, alive, 2 * 1e6);
        assertEquals(r.functions().get(rare).environmentsAliveMean(), alive / r.simulatedMicros(), 1e-9);
    }

    @Test
    void theAccountsConcurrencyIsItsFunctionsTogether() {
        PeriodSeries s = run.series();
        double[] max = run.account().periodConcurrencyMax();
        double[] mean = run.account().periodConcurrencyAvg();
        assertEquals(s.periods(), max.length);
        for (int p = 0; p < s.periods(); p++) {
            double sumOfMeans = 0;
            double sumOfPeaks = 0;
            double highestPeak = 0;
            for (int f = 0; f < s.functions().size(); f++) {
                sumOfMeans += s.get(f, Metric.CONCURRENCY_AVG, p);
                sumOfPeaks += s.get(f, Metric.CONCURRENT_EXECUTIONS, p);
                highestPeak = Math.max(highestPeak, s.get(f, Metric.CONCURRENT_EXECUTIONS, p));
            }
            assertEquals(sumOfMeans, mean[p], 1e-9, "period " + p);
            assertTrue(max[p] >= highestPeak && max[p] <= sumOfPeaks, "period " + p + ": " + max[p]);
        }
        double total = 0;
        for (FunctionResult f : run.functions()) {
            total += f.concurrencyMean();
        }
        assertEquals(total, run.account().concurrencyMean(), 1e-9);
    }
}
