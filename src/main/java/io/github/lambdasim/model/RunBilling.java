package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.billing.Billing;
import io.github.lambdasim.billing.FrontDoor;
import io.github.lambdasim.billing.SavingsPlans;
import io.github.lambdasim.billing.SnapStartPricing;
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
 * adds up to that component of the run's bill and CostUsd to its total. A front door's charge has no
 * column: its share, by invocations and throttles, is in CostUsd.
 */
final class RunBilling {
    private RunBilling() {
    }

    static Bill bill(ScenarioSpec spec, List<FunctionResult> results, PeriodSeries.Builder series) {
        List<FunctionUsage> usage = new ArrayList<>();
        for (FunctionResult f : results) {
            long billedMs = f.billedMicros() / 1000;
            FunctionUsage u = new FunctionUsage(f.name(), f.architecture(), f.memoryMb(), f.ephemeralStorageMb(),
                    f.invocations(), f.provisionedInvocations(), billedMs, f.provisionedBilledMicros() / 1000, f.provisionedIntervals(),
                    billedMs + f.provisionedBilledMicros() / 1000);
            u = f.hasFrontDoor() ? u.withFrontDoor(FrontDoor.named(f.frontDoor().type()), f.frontDoor().requests()) : u;
            // SnapStart of Python and .NET is charged: each cold start restored a snapshot.
            var fs = spec.function(f.name());
            String family = spec.platform().runtimeFamily(fs.runtime());
            usage.add(fs.snapStart() != null && family != null && SnapStartPricing.get().charged(family)
                    ? u.withSnapStart(f.coldStarts()) : u);
        }
        Bill bill = Billing.bill(usage, spec.durationMicros(), spec.billing());
        // Each function's drivers over the run: the sums of its rows.
        int n = results.size();
        double[] onDemandMs = new double[n];
        double[] provisionedMs = new double[n];
        double[] configured = new double[n];
        double[] attempts = new double[n];
        double[] rowTime = new double[n];
        for (int r = 0; r < series.rows(); r++) {
            int f = series.rowFunction(r);
            attempts[f] += series.get(r, Metric.INVOCATIONS) + series.get(r, Metric.THROTTLES);
            rowTime[f] += periodLength(spec, series, series.rowPeriod(r));
            onDemandMs[f] += series.get(r, Metric.BILLED_MS);
            provisionedMs[f] += series.get(r, Metric.PROVISIONED_BILLED_MS);
            configured[f] += series.get(r, Metric.PROVISIONED_CONCURRENCY) * periodLength(spec, series, series.rowPeriod(r));
        }
        int rows = series.rows();
        double[] costOf = new double[rows];
        double[] eligibleOf = new double[rows];
        for (int r = 0; r < rows; r++) {
            int f = series.rowFunction(r);
            Bill.Charges c = bill.functions().get(f).period().exactUsd();
            double billedMs = series.get(r, Metric.BILLED_MS);
            double provisionedBilledMs = series.get(r, Metric.PROVISIONED_BILLED_MS);
            double requests = share(c.requests(), series.get(r, Metric.INVOCATIONS), results.get(f).invocations());
            double compute = share(c.compute(), billedMs, onDemandMs[f]);
            double provisioned = share(c.provisioned(),
                    series.get(r, Metric.PROVISIONED_CONCURRENCY) * periodLength(spec, series, series.rowPeriod(r)),
                    configured[f]);
            double provisionedCompute = share(c.provisionedCompute(), provisionedBilledMs, provisionedMs[f]);
            double storage = share(c.ephemeralStorage(), billedMs + provisionedBilledMs, onDemandMs[f] + provisionedMs[f]);
            series.set(r, Metric.COST_REQUESTS_USD, requests);
            series.set(r, Metric.COST_COMPUTE_USD, compute);
            series.set(r, Metric.COST_PROVISIONED_USD, provisioned);
            series.set(r, Metric.COST_PROVISIONED_COMPUTE_USD, provisionedCompute);
            series.set(r, Metric.COST_EPHEMERAL_STORAGE_USD, storage);
            // The front door has no column of its own: its share (by the period's invocations and
            // throttles, the requests it passed on) is in CostUsd only.
            double frontDoor = share(c.frontDoor(), series.get(r, Metric.INVOCATIONS) + series.get(r, Metric.THROTTLES),
                    attempts[f]);
            // SnapStart's cache is charged for the time the version is active: its share by the period's length
            // (among the periods the function has a row in, so that the shares add up to the charge).
            double snapStart = share(c.snapStart(), periodLength(spec, series, series.rowPeriod(r)), rowTime[f]);
            costOf[r] = requests + compute + provisioned + provisionedCompute + storage + frontDoor + snapStart;
            eligibleOf[r] = (SavingsPlans.eligible("compute") ? compute : 0)
                    + (SavingsPlans.eligible("provisioned") ? provisioned : 0)
                    + (SavingsPlans.eligible("provisionedCompute") ? provisionedCompute : 0)
                    + (SavingsPlans.eligible("ephemeralStorage") ? storage : 0);
        }
        if (spec.billing().savingsPlan() != null) {
            bill = withSavingsPlan(spec, bill, series, eligibleOf, n);
            addPlanShares(bill, series, eligibleOf, costOf, n);
        }
        for (int r = 0; r < rows; r++) {
            series.set(r, Metric.COST_USD, costOf[r]);
        }
        return bill;
    }

    /**
     * The bill with the scenario's savings plan applied hour by hour: each period's eligible
     * charges (at on-demand rates, after the free tier) go to the hours it overlaps, in
     * proportion to the overlap.
     */
    private static Bill withSavingsPlan(ScenarioSpec spec, Bill bill, PeriodSeries.Builder series, double[] eligibleOf,
                                        int n) {
        long hour = 3_600_000_000L;
        long duration = spec.durationMicros();
        int hours = (int) ((duration + hour - 1) / hour);
        long[] starts = new long[hours];
        long[] lengths = new long[hours];
        for (int h = 0; h < hours; h++) {
            starts[h] = h * hour;
            lengths[h] = Math.min(hour, duration - starts[h]);
        }
        double[][] eligible = new double[n][hours];
        for (int r = 0; r < series.rows(); r++) {
            int f = series.rowFunction(r);
            long from = series.periodStartMicros(series.rowPeriod(r));
            long to = from + periodLength(spec, series, series.rowPeriod(r));
            for (int h = (int) (from / hour); h < hours && h * hour < to; h++) {
                long overlap = Math.min(to, (h + 1) * hour) - Math.max(from, h * hour);
                eligible[f][h] += eligibleOf[r] * overlap / (double) (to - from);
            }
        }
        return SavingsPlans.apply(bill, eligible, starts, lengths);
    }

    /**
     * Adds each function's savings-plan line to its periods' CostUsd, shared by their eligible
     * charges (or by their requests when it had none), so CostUsd still adds up to the run's bill;
     * the hour-by-hour detail is in the plan's own chart.
     */
    private static void addPlanShares(Bill bill, PeriodSeries.Builder series, double[] eligibleOf, double[] costOf,
                                      int n) {
        double[] eligible = new double[n];
        double[] attempts = new double[n];
        for (int r = 0; r < series.rows(); r++) {
            int f = series.rowFunction(r);
            eligible[f] += eligibleOf[r];
            attempts[f] += series.get(r, Metric.INVOCATIONS) + series.get(r, Metric.THROTTLES) + 1;
        }
        for (int r = 0; r < series.rows(); r++) {
            int f = series.rowFunction(r);
            java.math.BigDecimal adjustment = bill.functions().get(f).period().exactUsd().savingsPlan();
            costOf[r] += eligible[f] > 0 ? share(adjustment, eligibleOf[r], eligible[f])
                    : share(adjustment, series.get(r, Metric.INVOCATIONS) + series.get(r, Metric.THROTTLES) + 1, attempts[f]);
        }
    }

    private static long periodLength(ScenarioSpec spec, PeriodSeries.Builder series, int p) {
        return Math.min(series.periodMicros(), spec.durationMicros() - series.periodStartMicros(p));
    }

    /** {@code part / whole} of a charge, or nothing when there is no whole to share it by. */
    private static double share(java.math.BigDecimal charge, double part, double whole) {
        return whole > 0 ? charge.doubleValue() * part / whole : 0;
    }
}
