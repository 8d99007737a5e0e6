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
 * invocations, duration and storage by billed milliseconds, provisioned concurrency by the
 * configured level), so the CostUsd column adds up to
 * the run's bill.
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
            double requests = c.requests().doubleValue();
            double byDuration = c.compute().add(c.provisionedCompute()).add(c.ephemeralStorage()).doubleValue();
            double byTime = c.provisioned().doubleValue();
            double totalBilledMs = (f.billedMicros() + f.provisionedBilledMicros()) / 1000.0;
            double configured = totalConfigured(series, i);
            for (int p = 0; p < series.periods(); p++) {
                double cost = 0;
                if (f.invocations() > 0) {
                    cost += requests * series.get(i, Metric.INVOCATIONS, p) / f.invocations();
                }
                if (totalBilledMs > 0) {
                    cost += byDuration * (series.get(i, Metric.BILLED_MS, p) + series.get(i, Metric.PROVISIONED_BILLED_MS, p))
                            / totalBilledMs;
                }
                cost += configured > 0 ? byTime * series.get(i, Metric.PROVISIONED_CONCURRENCY, p) / configured : 0;
                series.set(i, Metric.COST_USD, p, cost);
            }
        }
        return bill;
    }

    private static double totalConfigured(PeriodSeries series, int function) {
        double sum = 0;
        for (double v : series.series(function, Metric.PROVISIONED_CONCURRENCY)) {
            sum += v;
        }
        return sum;
    }
}
