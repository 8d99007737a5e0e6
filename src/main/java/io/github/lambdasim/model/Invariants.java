package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.DistributionSummary;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What must hold in every run, whatever the scenario: counts that add up, limits never exceeded,
 * nothing negative (counts, times, charges), per-period metrics that sum to the totals. A pure check of a finished
 * {@link RunResult} (the engine pays nothing for it); {@code lambdasim run --check} and the tests
 * call it. Each violation is one sentence naming the function and the figures.
 */
public final class Invariants {
    private Invariants() {
    }

    /** Every invariant the run breaks; empty when all hold. */
    public static List<String> check(RunResult run) {
        List<String> out = new ArrayList<>();
        ScenarioSpec spec = run.scenario();
        if (run.simulatedMicros() <= 0) {
            out.add("simulated time " + run.simulatedMicros() + " us is not positive");
        }
        nonNegative(out, "run", "events", run.events());
        if (!(run.wallSeconds() >= 0)) {
            out.add("run: wall-clock time " + run.wallSeconds() + " s is negative or not a number");
        }
        long reservedSum = 0;
        for (FunctionSpec f : spec.functions()) {
            if (f.hasReservedConcurrency()) {
                reservedSum += f.reservedConcurrency();
            }
        }
        long unreservedPool = Math.max(0, spec.account().concurrencyLimit() - reservedSum);
        if (run.bill() != null) {
            charges(out, "the run", run.bill().period().exactUsd());
            charges(out, "the month", run.bill().month().exactUsd());
            for (var b : run.bill().functions()) {
                charges(out, b.functionName() + ": the run", b.period().exactUsd());
            }
        }
        PeriodSeries series = run.series();
        for (int i = 0; i < run.functions().size(); i++) {
            FunctionResult f = run.functions().get(i);
            FunctionSpec fs = spec.function(f.name());
            checkFunction(out, f, fs.hasReservedConcurrency() ? fs.reservedConcurrency() : unreservedPool,
                    fs.hasReservedConcurrency() ? "reserved concurrency" : "unreserved account concurrency");
            if (series != null && i < series.functions().size()) {
                checkPeriods(out, f, series, i);
            }
        }
        return out;
    }

    private static void checkFunction(List<String> out, FunctionResult f, long limit, String limitName) {
        String n = f.name();
        long[] counts = {f.requests(), f.invocations(), f.throttles(), f.errors(), f.timeouts(), f.coldStarts(),
            f.provisionedInvocations(), f.spilloverInvocations(), f.inFlightAtEnd(), f.concurrencyMax(),
            f.environmentsCreated(), f.environmentsReclaimed(), f.environmentsRecycled(), f.environmentsReset(),
            f.environmentsAliveAtEnd(), f.billedMicros(), f.billedInitMicros(), f.provisionedBilledMicros(),
            f.provisionedLevelMax(), f.provisionedConcurrencyMax()};
        String[] names = {"requests", "invocations", "throttles", "errors", "timeouts", "coldStarts",
            "provisionedInvocations", "spilloverInvocations", "inFlightAtEnd", "concurrency.max",
            "environments.created", "environments.reclaimed", "environments.recycled", "environments.reset",
            "environments.aliveAtEnd", "billedDurationMicros", "billedInitMicros", "provisionedBilledMicros",
            "provisionedConcurrency.levelMax", "provisionedConcurrency.concurrencyMax"};
        for (int k = 0; k < counts.length; k++) {
            nonNegative(out, n, names[k], counts[k]);
        }
        double[] figures = {f.concurrencyMean(), f.environmentsAliveMean(), f.gbSeconds(), f.provisionedLevelMean()};
        String[] figureNames = {"concurrency.mean", "environments.meanAlive", "gbSeconds", "provisionedConcurrency.levelMean"};
        for (int k = 0; k < figures.length; k++) {
            if (!(figures[k] >= 0) || Double.isInfinite(figures[k])) {
                out.add(n + ": " + figureNames[k] + " = " + figures[k] + " is negative or not finite");
            }
        }
        summary(out, n, "latencyMs", f.latencyMs());
        summary(out, n, "durationMs", f.durationMs());
        summary(out, n, "initDurationMs", f.initDurationMs());

        equal(out, n, "requests = invocations + throttles + inFlightAtEnd", f.requests(),
                f.invocations() + f.throttles() + f.inFlightAtEnd());
        equal(out, n, "provisionedInvocations + spilloverInvocations = invocations",
                f.provisionedInvocations() + f.spilloverInvocations(), f.invocations());
        equal(out, n, "environments created = reclaimed + recycled + reset + aliveAtEnd", f.environmentsCreated(),
                f.environmentsReclaimed() + f.environmentsRecycled() + f.environmentsReset() + f.environmentsAliveAtEnd());
        atMost(out, n, "concurrency.max", f.concurrencyMax(), limitName, limit);
        atMost(out, n, "inFlightAtEnd", f.inFlightAtEnd(), "concurrency.max", f.concurrencyMax());
        atMost(out, n, "provisionedConcurrency.concurrencyMax", f.provisionedConcurrencyMax(), "concurrency.max",
                f.concurrencyMax());
        atMost(out, n, "errors", f.errors(), "invocations", f.invocations());
        atMost(out, n, "timeouts", f.timeouts(), "errors", f.errors());
        atMost(out, n, "coldStarts", f.coldStarts(), "spilloverInvocations", f.spilloverInvocations());
        atMost(out, n, "coldStarts", f.coldStarts(), "environments.created", f.environmentsCreated());
        atMost(out, n, "billedInitMicros", f.billedInitMicros(), "billedDurationMicros", f.billedMicros());
        equal(out, n, "latencyMs.count = invocations", f.latencyMs().count(), f.invocations());
        equal(out, n, "durationMs.count = invocations", f.durationMs().count(), f.invocations());
        equal(out, n, "initDurationMs.count = coldStarts", f.initDurationMs().count(), f.coldStarts());
        if (f.concurrencyMean() > f.concurrencyMax() + 1e-9) {
            out.add(String.format(Locale.ROOT, "%s: concurrency.mean %.4f is above concurrency.max %d", n,
                    f.concurrencyMean(), f.concurrencyMax()));
        }
    }

    /** Per-period counts sum to the run's totals; no period is negative; no period's peak exceeds the run's. */
    private static void checkPeriods(List<String> out, FunctionResult f, PeriodSeries series, int i) {
        String n = f.name();
        check(out, n, series, i, Metric.REQUESTS, f.requests());
        check(out, n, series, i, Metric.INVOCATIONS, f.invocations());
        check(out, n, series, i, Metric.THROTTLES, f.throttles());
        check(out, n, series, i, Metric.ERRORS, f.errors());
        check(out, n, series, i, Metric.TIMEOUTS, f.timeouts());
        check(out, n, series, i, Metric.COLD_STARTS, f.coldStarts());
        check(out, n, series, i, Metric.PROVISIONED_INVOCATIONS, f.provisionedInvocations());
        check(out, n, series, i, Metric.SPILLOVER_INVOCATIONS, f.spilloverInvocations());
        check(out, n, series, i, Metric.ENVIRONMENTS_CREATED, f.environmentsCreated());
        check(out, n, series, i, Metric.ENVIRONMENTS_RECLAIMED,
                f.environmentsReclaimed() + f.environmentsRecycled() + f.environmentsReset());
        checkSum(out, n, series, i, Metric.BILLED_MS, f.billedMicros() / 1000.0);
        checkSum(out, n, series, i, Metric.PROVISIONED_BILLED_MS, f.provisionedBilledMicros() / 1000.0);
        checkSum(out, n, series, i, Metric.GB_SECONDS, f.gbSeconds());
        for (Metric m : Metric.values()) {
            double[] values = series.series(i, m);
            for (int p = 0; p < values.length; p++) {
                if (!(values[p] >= 0) || Double.isInfinite(values[p])) {
                    out.add(n + ": " + m.column() + " of period " + p + " = " + values[p] + " is negative or not finite");
                    break;
                }
            }
        }
        double peak = 0;
        for (double v : series.series(i, Metric.CONCURRENT_EXECUTIONS)) {
            peak = Math.max(peak, v);
        }
        if (peak > f.concurrencyMax()) {
            out.add(n + ": a period's ConcurrentExecutions " + (long) peak + " is above the run's concurrency.max "
                    + f.concurrencyMax());
        }
    }

    private static void check(List<String> out, String n, PeriodSeries series, int i, Metric m, long total) {
        double sum = 0;
        for (double v : series.series(i, m)) {
            sum += v;
        }
        if (Math.round(sum) != total) {
            out.add(n + ": the periods' " + m.column() + " add up to " + Math.round(sum) + ", the run's total is " + total);
        }
    }

    private static void checkSum(List<String> out, String n, PeriodSeries series, int i, Metric m, double total) {
        double sum = 0;
        for (double v : series.series(i, m)) {
            sum += v;
        }
        if (Math.abs(sum - total) > 1e-9 * Math.max(1, Math.abs(total)) + 1e-6) {
            out.add(String.format(Locale.ROOT, "%s: the periods' %s add up to %.6f, the run's total is %.6f", n,
                    m.column(), sum, total));
        }
    }

    private static void summary(List<String> out, String n, String name, DistributionSummary s) {
        nonNegative(out, n, name + ".count", s.count());
        double[] v = {s.mean(), s.p50(), s.p90(), s.p99(), s.max()};
        for (double x : v) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                out.add(n + ": " + name + " holds " + x + ", negative or not finite");
                return;
            }
        }
        // Percentiles come from a histogram with 3 significant digits: allow that much.
        double slack = 1e-3 * s.max() + 1e-3;
        if (s.p50() > s.p90() + slack || s.p90() > s.p99() + slack || s.p99() > s.max() + slack || s.mean() > s.max() + slack) {
            out.add(String.format(Locale.ROOT, "%s: %s is not ordered: p50 %.3f, p90 %.3f, p99 %.3f, max %.3f, mean %.3f",
                    n, name, s.p50(), s.p90(), s.p99(), s.max(), s.mean()));
        }
    }

    private static void charges(List<String> out, String what, Bill.Charges c) {
        String[] names = {"requests", "compute", "provisioned", "provisionedCompute", "ephemeralStorage"};
        BigDecimal[] values = c.components();
        for (int k = 0; k < values.length; k++) {
            if (values[k].signum() < 0) {
                out.add(what + ": the " + names[k] + " charge " + values[k].toPlainString() + " USD is negative");
            }
        }
        if (c.total().compareTo(c.requests().add(c.compute()).add(c.provisioned()).add(c.provisionedCompute())
                .add(c.ephemeralStorage())) != 0) {
            out.add(what + ": the charges do not add up to the total " + c.total().toPlainString() + " USD");
        }
    }

    private static void nonNegative(List<String> out, String n, String name, long value) {
        if (value < 0) {
            out.add(n + ": " + name + " = " + value + " is negative");
        }
    }

    private static void equal(List<String> out, String n, String rule, long left, long right) {
        if (left != right) {
            out.add(n + ": " + rule + " does not hold: " + left + " vs " + right);
        }
    }

    private static void atMost(List<String> out, String n, String name, long value, String limitName, long limit) {
        if (value > limit) {
            out.add(n + ": " + name + " " + value + " is above " + limitName + " " + limit);
        }
    }
}
