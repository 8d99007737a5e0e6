package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.stats.DistributionSummary;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import io.github.lambdasim.stats.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        List<Map<String, Double>> figures = new ArrayList<>();
        for (int i = 0; i < run.functions().size(); i++) {
            FunctionResult f = run.functions().get(i);
            // Results come in the order of the scenario's functions.
            FunctionSpec fs = spec.functions().get(i);
            figures.add(run.bill() != null ? Figures.values(run, i) : measured(f));
            checkFigures(out, f.name(), figures.get(i));
            checkFunction(out, f, fs.hasReservedConcurrency() ? fs.reservedConcurrency() : unreservedPool,
                    fs.hasReservedConcurrency() ? "reserved concurrency" : "unreserved account concurrency");
        }
        if (run.series() != null) {
            checkPeriods(out, run, figures);
        }
        if (run.account() != null) {
            checkAccount(out, run);
        }
        if (run.eventDriven()) {
            for (EntryPointResult e : run.entryPoints()) {
                equal(out, "entry point " + e.name(), "requests = succeeded + failed + unfinished", e.requests(),
                        e.succeeded() + e.failed() + e.unfinished());
                atMost(out, "entry point " + e.name(), "endToEndMs.count", e.endToEndMs().count(), "succeeded",
                        e.succeeded());
            }
        }
        for (QueueResult q : run.queues()) {
            String n = "queue " + q.name();
            equal(out, n, "sent = deleted + deadLettered + expired + visibleAtEnd + inFlightAtEnd", q.sent(),
                    q.deleted() + q.deadLettered() + q.expired() + q.visibleAtEnd() + q.inFlightAtEnd());
            atMost(out, n, "deleted", q.deleted(), "received", q.received());
            long processed = 0;
            for (QueueResult.Consumer c : q.consumers()) {
                processed += c.endToEndMs().count();
            }
            equal(out, n, "deleted = messages its consumers processed (endToEndMs.count)", q.deleted(), processed);
        }
        for (StreamResult st : run.streams()) {
            String n = "stream " + st.name();
            equal(out, n, "recordsIn = processed + discarded + expired + remainingAtEnd", st.recordsIn(),
                    st.processed() + st.discarded() + st.expired() + st.remainingAtEnd());
            equal(out, n, "records processed out of order", st.outOfOrder(), 0);
            atMost(out, n, "concurrencyMax", st.concurrencyMax(), "shards x parallelizationFactor", st.concurrencyLimit());
            equal(out, n, "endToEndMs.count = processed", st.endToEndMs().count(), st.processed());
        }
        return out;
    }

    /**
     * The account's concurrency is its functions' together: never above the account's limit, its
     * time-weighted mean the sum of theirs, its peak at least each one's.
     */
    private static void checkAccount(List<String> out, RunResult run) {
        AccountResult a = run.account();
        atMost(out, "the account", "concurrency.max", a.concurrencyMax(), "its concurrency limit",
                run.scenario().account().concurrencyLimit());
        double sum = 0;
        for (FunctionResult f : run.functions()) {
            sum += f.concurrencyMean();
            atMost(out, f.name(), "concurrency.max", f.concurrencyMax(), "the account's concurrency.max", a.concurrencyMax());
        }
        if (Math.abs(sum - a.concurrencyMean()) > 1e-9 * Math.max(1, sum)) {
            out.add(String.format(Locale.ROOT, "the account: concurrency.mean %.6f is not the sum of its functions' %.6f",
                    a.concurrencyMean(), sum));
        }
    }

    /** Every figure of the registry is a number in its unit's range: finite, zero or more, whole counts, shares up to 1. */
    private static void checkFigures(List<String> out, String n, Map<String, Double> figures) {
        for (Figure figure : Figures.FUNCTION) {
            Double boxed = figures.get(figure.path());
            if (boxed == null) {
                continue;
            }
            double v = boxed;
            String shown = figure.unit().whole() && Double.isFinite(v) ? Long.toString(Math.round(v)) : Double.toString(v);
            if (!Double.isFinite(v)) {
                out.add(n + ": " + figure.path() + " = " + shown + " is not finite");
            } else if (v < 0) {
                out.add(n + ": " + figure.path() + " = " + shown + " is negative");
            } else if (figure.unit().whole() && v != Math.rint(v)) {
                out.add(n + ": " + figure.path() + " = " + v + " is not a whole number");
            } else if (figure.unit() == Unit.SHARE && v > 1 + 1e-12) {
                out.add(n + ": " + figure.path() + " = " + v + " is a share above 1");
            }
        }
    }

    private static void checkFunction(List<String> out, FunctionResult f, long limit, String limitName) {
        String n = f.name();
        summary(out, n, "latencyMs", f.latencyMs());
        summary(out, n, "durationMs", f.durationMs());
        summary(out, n, "initDurationMs", f.initDurationMs());

        if (f.hasEvents()) {
            // Attempts are retried: each request instead ends exactly once, or is still unfinished.
            FunctionEvents e = f.events();
            equal(out, n, "requests = done + failed + dropped + unfinished", f.requests(),
                    e.requestsDone() + e.requestsFailed() + e.requestsDropped() + e.requestsUnfinished());
            // Every finished request had an attempt, but for the events recursion detection stopped.
            atMost(out, n, "requests - unfinished - recursionStopped", f.requests() - e.requestsUnfinished()
                    - e.recursionStopped(), "invocations + throttles", f.invocations() + f.throttles());
            atMost(out, n, "asyncEventsSucceeded + asyncEventsDropped", e.asyncEventsSucceeded() + e.asyncEventsDropped(),
                    "asyncEventsReceived", e.asyncEventsReceived());
            atMost(out, n, "events.asyncEventLatencyMs.count", e.asyncEventLatencyMs().count(), "asyncEventsSucceeded",
                    e.asyncEventsSucceeded());
        } else {
            equal(out, n, "requests = invocations + throttles + inFlightAtEnd", f.requests(),
                    f.invocations() + f.throttles() + f.inFlightAtEnd());
        }
        equal(out, n, "provisionedInvocations + spilloverInvocations = invocations",
                f.provisionedInvocations() + f.spilloverInvocations(), f.invocations());
        // Environments alive when measuring started (after a warm-up) existed: they were not created in the window.
        equal(out, n, "environments created + aliveAtStart = reclaimed + recycled + reset + aliveAtEnd",
                f.environmentsCreated() + f.environmentsAliveAtStart(), f.environmentsReclaimed() + f.environmentsRecycled() + f.environmentsReset() + f.environmentsAliveAtEnd());
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

    /**
     * Per period, in one pass over the rows: each metric that adds up sums to its run figure; no
     * value is negative or not finite; no period's peak exceeds the run's.
     */
    private static void checkPeriods(List<String> out, RunResult run, List<Map<String, Double>> figureValues) {
        PeriodSeries series = run.series();
        int functions = run.functions().size();
        Metric[] metrics = series.metrics().toArray(Metric[]::new);
        double[][] sums = new double[functions][Metric.values().length];
        double[] peak = new double[functions];
        boolean[] reported = new boolean[functions];
        for (int r = 0; r < series.rows(); r++) {
            int f = series.rowFunction(r);
            if (f >= functions) {
                continue;
            }
            for (Metric m : metrics) {
                double v = series.value(r, m);
                if (!(v >= 0) || Double.isInfinite(v)) {
                    if (!reported[f]) {
                        out.add(run.functions().get(f).name() + ": " + m.column() + " of period " + series.rowPeriod(r)
                                + " = " + v + " is negative or not finite");
                        reported[f] = true;
                    }
                    continue;
                }
                sums[f][m.ordinal()] += v;
            }
            peak[f] = Math.max(peak[f], series.value(r, Metric.CONCURRENT_EXECUTIONS));
        }
        for (int i = 0; i < functions; i++) {
            FunctionResult f = run.functions().get(i);
            String n = f.name();
            Map<String, Double> figures = figureValues.get(i);
            for (Metric m : metrics) {
                if (m.reading() != Metric.Reading.SUM || m.total() == null || !figures.containsKey(m.total())) {
                    continue;
                }
                addsUp(out, n, m, sums[i][m.ordinal()], figures.get(m.total()));
            }
            addsUp(out, n, Metric.ENVIRONMENTS_RECLAIMED, sums[i][Metric.ENVIRONMENTS_RECLAIMED.ordinal()],
                    f.environmentsReclaimed() + f.environmentsRecycled() + f.environmentsReset());
            addsUp(out, n, Metric.PROVISIONED_BILLED_MS, sums[i][Metric.PROVISIONED_BILLED_MS.ordinal()],
                    f.provisionedBilledMicros() / 1000.0);
            if (peak[i] > f.concurrencyMax()) {
                out.add(n + ": a period's ConcurrentExecutions " + (long) peak[i] + " is above the run's concurrency.max "
                        + f.concurrencyMax());
            }
        }
    }

    /** The measured figures of a result, for a run without a bill. */
    private static Map<String, Double> measured(FunctionResult f) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (Figure figure : Figures.FUNCTION) {
            if (figure.source() instanceof Figure.Measured measured && figure.appliesTo(f)) {
                m.put(figure.path(), measured.value().applyAsDouble(f));
            }
        }
        return m;
    }

    private static void addsUp(List<String> out, String n, Metric m, double sum, double total) {
        if (m.unit().whole()) {
            if (Math.round(sum) != Math.round(total)) {
                out.add(n + ": the periods' " + m.column() + " add up to " + Math.round(sum) + ", the run's total is "
                        + Math.round(total));
            }
        } else if (Math.abs(sum - total) > 1e-9 * Math.max(1, Math.abs(total)) + 1e-6) {
            out.add(String.format(Locale.ROOT, "%s: the periods' %s add up to %.6f, the run's total is %.6f", n,
                    m.column(), sum, total));
        }
    }

    private static void summary(List<String> out, String n, String name, DistributionSummary s) {
        nonNegative(out, n, name + ".count", s.count());
        double[] v = {s.mean(), s.p50(), s.p90(), s.p95(), s.p99(), s.p999(), s.max(), s.tm99()};
        for (double x : v) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                out.add(n + ": " + name + " holds " + x + ", negative or not finite");
                return;
            }
        }
        // Percentiles come from a histogram with 3 significant digits: allow that much.
        double slack = 1e-3 * s.max() + 1e-3;
        if (s.p50() > s.p90() + slack || s.p90() > s.p95() + slack || s.p95() > s.p99() + slack
                || s.p99() > s.p999() + slack || s.p999() > s.max() + slack || s.mean() > s.max() + slack
                || s.tm99() > s.p99() + slack) {
            out.add(String.format(Locale.ROOT, "%s: %s is not ordered: p50 %.3f, p90 %.3f, p95 %.3f, p99 %.3f, "
                    + "p99.9 %.3f, max %.3f, mean %.3f, tm99 %.3f", n, name, s.p50(), s.p90(), s.p95(), s.p99(),
                    s.p999(), s.max(), s.mean(), s.tm99()));
        }
    }

    private static void charges(List<String> out, String what, Bill.Charges c) {
        io.github.lambdasim.billing.Charge[] names = io.github.lambdasim.billing.Charge.values();
        BigDecimal[] values = c.components();
        for (int k = 0; k < values.length - 1; k++) { // a savings plan's adjustment is negative when it saves
            if (values[k].signum() < 0) {
                out.add(what + ": the " + names[k].label() + " charge " + values[k].toPlainString() + " USD is negative");
            }
        }
        if (c.total().compareTo(c.requests().add(c.compute()).add(c.provisioned()).add(c.provisionedCompute())
                .add(c.ephemeralStorage()).add(c.frontDoor()).add(c.snapStart()).add(c.savingsPlan())) != 0) {
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
