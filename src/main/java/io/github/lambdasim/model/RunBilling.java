package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.billing.Billing;
import io.github.lambdasim.billing.FunctionUsage;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Bills a run: each function's usage (completed invocations as requests, billed milliseconds
 * summed per invocation with the era's rounding) goes to {@link Billing}, which projects it to
 * the billing month and pro-rates it back to the run. The run's bill is then shared among the
 * metrics periods in proportion to each component's usage in the period (requests by
 * invocations, on-demand and provisioned duration by their billed milliseconds, storage by all
 * billed milliseconds, provisioned concurrency by its configured level x the period's length), so each Cost*Usd column
 * adds up to that component of the run's bill and CostUsd to its total.
 */
final class RunBilling {
    private RunBilling() {
    }

    static Bill bill(ScenarioSpec spec, List<FunctionResult> results, PeriodSeries series) {
        List<FunctionUsage> usage = new ArrayList<>();
        for (FunctionResult f : results) {
            long billedMs = f.billedMicros() / 1000;
            usage.add(new FunctionUsage(f.name(), f.architecture(), f.memoryMb(), f.ephemeralStorageMb(),
                    f.invocations(), f.provisionedInvocations(), billedMs, f.provisionedBilledMicros() / 1000, f.provisionedIntervals(),
                    billedMs + f.provisionedBilledMicros() / 1000));
        }
        Bill bill = Billing.bill(usage, spec.durationMicros(), spec.billing());
        for (int i = 0; i < results.size(); i++) {
            FunctionResult f = results.get(i);
            Bill.Charges c = bill.functions().get(i).period().exactUsd();
            double onDemandMs = 0;
            double provisionedMs = 0;
            double configured = 0;
            for (int p = 0; p < series.periods(); p++) {
                onDemandMs += series.get(i, Metric.BILLED_MS, p);
                provisionedMs += series.get(i, Metric.PROVISIONED_BILLED_MS, p);
                configured += series.get(i, Metric.PROVISIONED_CONCURRENCY, p) * periodLength(spec, series, p);
            }
            for (int p = 0; p < series.periods(); p++) {
                double billedMs = series.get(i, Metric.BILLED_MS, p);
                double provisionedBilledMs = series.get(i, Metric.PROVISIONED_BILLED_MS, p);
                double requests = share(c.requests(), series.get(i, Metric.INVOCATIONS, p), f.invocations());
                double compute = share(c.compute(), billedMs, onDemandMs);
                double provisioned = share(c.provisioned(),
                        series.get(i, Metric.PROVISIONED_CONCURRENCY, p) * periodLength(spec, series, p), configured);
                double provisionedCompute = share(c.provisionedCompute(), provisionedBilledMs, provisionedMs);
                double storage = share(c.ephemeralStorage(), billedMs + provisionedBilledMs, onDemandMs + provisionedMs);
                series.set(i, Metric.COST_REQUESTS_USD, p, requests);
                series.set(i, Metric.COST_COMPUTE_USD, p, compute);
                series.set(i, Metric.COST_PROVISIONED_USD, p, provisioned);
                series.set(i, Metric.COST_PROVISIONED_COMPUTE_USD, p, provisionedCompute);
                series.set(i, Metric.COST_EPHEMERAL_STORAGE_USD, p, storage);
                series.set(i, Metric.COST_USD, p, requests + compute + provisioned + provisionedCompute + storage);
            }
        }
        return bill;
    }

    private static long periodLength(ScenarioSpec spec, PeriodSeries series, int p) {
        return Math.min(series.periodMicros(), spec.durationMicros() - series.periodStartMicros(p));
    }

    /** {@code part / whole} of a charge, or nothing when there is no whole to share it by. */
    private static double share(java.math.BigDecimal charge, double part, double whole) {
        return whole > 0 ? charge.doubleValue() * part / whole : 0;
    }
}
