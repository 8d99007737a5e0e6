package io.github.lambdasim.model;

import static io.github.lambdasim.model.Figure.Better.LOWER;
import static io.github.lambdasim.model.Figure.Better.NEITHER;
import static io.github.lambdasim.model.Figure.Use.HEADLINE;
import static io.github.lambdasim.model.Figure.Use.KEY;
import static io.github.lambdasim.model.Figure.Use.TABLE;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.stats.Unit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The registry of the figures a run reports, each declared once. summary.json writes the stored
 * ones in this order under each function; metrics.csv's per-period figures are the {@code Metric}
 * enum. Replications, sweeps and comparisons estimate the {@link Figure.Use#KEY} ones, the report
 * and the text summary show the {@link Figure.Use#TABLE} ones, and a many-function report the
 * {@link Figure.Use#HEADLINE} ones; {@code --check} verifies every one is a number in its unit's
 * range. Adding a figure is one entry here (and, for a new measurement, recording it in
 * {@code FunctionStats}).
 */
public final class Figures {
    private static final List<Figure> BUILDING = new ArrayList<>();

    public static final Figure REQUESTS = measured("requests", Unit.COUNT, "Requests", "requests that arrived",
            NEITHER, FunctionResult::requests, null, KEY, TABLE, HEADLINE);
    public static final Figure INVOCATIONS = measured("invocations", Unit.COUNT, "Invocations",
            "invocations that completed within the run", NEITHER, FunctionResult::invocations, null, KEY, TABLE);
    public static final Figure THROTTLES = measured("throttles", Unit.COUNT, "Throttles (429)",
            "requests refused with 429 (TooManyRequestsException)", LOWER, FunctionResult::throttles,
            "Throttles (429) / of requests", TABLE);
    public static final Figure THROTTLE_RATE = ratio("throttleRate", "Throttled", "the share of requests throttled",
            "throttles", "requests", 1, "Throttles (429) / of requests", KEY, TABLE, HEADLINE);
    public static final Figure ERRORS = measured("errors", Unit.COUNT, "Errors", "invocations that failed, timeouts "
            + "included", LOWER, FunctionResult::errors, "Errors / of invocations / of which timeouts", TABLE);
    public static final Figure ERROR_RATE = ratio("errorRate", "Errors", "the share of invocations that failed",
            "errors", "invocations", 1, "Errors / of invocations / of which timeouts", KEY, TABLE);
    public static final Figure TIMEOUTS = measured("timeouts", Unit.COUNT, "Timeouts",
            "invocations stopped at the function timeout", LOWER, FunctionResult::timeouts,
            "Errors / of invocations / of which timeouts", TABLE);
    public static final Figure COLD_STARTS = measured("coldStarts", Unit.COUNT, "Cold starts",
            "invocations that started on a new environment", LOWER, FunctionResult::coldStarts,
            "Cold starts / of invocations", TABLE);
    public static final Figure COLD_START_RATE = ratio("coldStartRate", "Cold starts",
            "the share of invocations that started on a new environment", "coldStarts", "invocations", 1,
            "Cold starts / of invocations", KEY, TABLE, HEADLINE);
    public static final Figure PROVISIONED_INVOCATIONS = measured("provisionedInvocations", Unit.COUNT,
            "On provisioned environments", "invocations on provisioned environments", NEITHER,
            FunctionResult::provisionedInvocations, null);
    public static final Figure SPILLOVER_INVOCATIONS = measured("spilloverInvocations", Unit.COUNT,
            "On on-demand environments", "invocations on on-demand environments", NEITHER,
            FunctionResult::spilloverInvocations, null);
    public static final Figure PROVISIONED_LEVEL_MEAN = measured("provisionedConcurrency.levelMean", Unit.LEVEL,
            "Provisioned level, mean", "configured provisioned concurrency, time-weighted", NEITHER,
            FunctionResult::provisionedLevelMean, null);
    public static final Figure PROVISIONED_LEVEL_MAX = measured("provisionedConcurrency.levelMax", Unit.COUNT,
            "Provisioned level, max", "the highest provisioned concurrency configured", NEITHER,
            FunctionResult::provisionedLevelMax, null);
    public static final Figure PROVISIONED_CONCURRENCY_MAX = measured("provisionedConcurrency.concurrencyMax",
            Unit.COUNT, "Provisioned busy, max", "most provisioned environments busy at once", NEITHER,
            FunctionResult::provisionedConcurrencyMax, null);
    public static final Figure IN_FLIGHT_AT_END = measured("inFlightAtEnd", Unit.COUNT, "Running at the end",
            "requests still running when the run ended", NEITHER, FunctionResult::inFlightAtEnd, null);
    // Distributions in milliseconds: count, mean, p50, p90, p99, max.
    private static final String LATENCY = "what the caller waits: init (on a cold start) plus duration";
    private static final String LATENCY_ROW = "Latency p50 / p90 / p99 / max";
    public static final Figure LATENCY_COUNT = stat("latencyMs.count", "Latency, count", LATENCY,
            f -> f.latencyMs().count(), null);
    public static final Figure LATENCY_MEAN = stat("latencyMs.mean", "Latency mean", LATENCY,
            f -> f.latencyMs().mean(), null, KEY);
    public static final Figure LATENCY_P50 = stat("latencyMs.p50", "Latency p50", LATENCY,
            f -> f.latencyMs().p50(), LATENCY_ROW, KEY, TABLE);
    public static final Figure LATENCY_P90 = stat("latencyMs.p90", "Latency p90", LATENCY,
            f -> f.latencyMs().p90(), LATENCY_ROW, KEY, TABLE);
    public static final Figure LATENCY_P99 = stat("latencyMs.p99", "Latency p99", LATENCY,
            f -> f.latencyMs().p99(), LATENCY_ROW, KEY, TABLE, HEADLINE);
    public static final Figure LATENCY_MAX = stat("latencyMs.max", "Latency max", LATENCY,
            f -> f.latencyMs().max(), LATENCY_ROW, KEY, TABLE);
    private static final String DURATION = "the handler's duration";
    private static final String DURATION_ROW = "Duration p50 / p90 / p99 / max";
    public static final Figure DURATION_COUNT = stat("durationMs.count", "Duration, count", DURATION,
            f -> f.durationMs().count(), null);
    public static final Figure DURATION_MEAN = stat("durationMs.mean", "Duration mean", DURATION,
            f -> f.durationMs().mean(), null, KEY);
    public static final Figure DURATION_P50 = stat("durationMs.p50", "Duration p50", DURATION,
            f -> f.durationMs().p50(), DURATION_ROW, TABLE);
    public static final Figure DURATION_P90 = stat("durationMs.p90", "Duration p90", DURATION,
            f -> f.durationMs().p90(), DURATION_ROW, TABLE);
    public static final Figure DURATION_P99 = stat("durationMs.p99", "Duration p99", DURATION,
            f -> f.durationMs().p99(), DURATION_ROW, KEY, TABLE);
    public static final Figure DURATION_MAX = stat("durationMs.max", "Duration max", DURATION,
            f -> f.durationMs().max(), DURATION_ROW, TABLE);
    private static final String INIT = "the init duration of cold starts";
    private static final String INIT_ROW = "Init duration p50 / p90 / p99 / max";
    public static final Figure INIT_COUNT = stat("initDurationMs.count", "Init duration, count", INIT,
            f -> f.initDurationMs().count(), null);
    public static final Figure INIT_MEAN = stat("initDurationMs.mean", "Init duration mean", INIT,
            f -> f.initDurationMs().mean(), null);
    public static final Figure INIT_P50 = stat("initDurationMs.p50", "Init duration p50", INIT,
            f -> f.initDurationMs().p50(), INIT_ROW, KEY, TABLE);
    public static final Figure INIT_P90 = stat("initDurationMs.p90", "Init duration p90", INIT,
            f -> f.initDurationMs().p90(), INIT_ROW, TABLE);
    public static final Figure INIT_P99 = stat("initDurationMs.p99", "Init duration p99", INIT,
            f -> f.initDurationMs().p99(), INIT_ROW, TABLE);
    public static final Figure INIT_MAX = stat("initDurationMs.max", "Init duration max", INIT,
            f -> f.initDurationMs().max(), INIT_ROW, TABLE);
    public static final Figure CONCURRENCY_MEAN = measured("concurrency.mean", Unit.LEVEL, "Concurrency, mean",
            "requests in flight, time-weighted", NEITHER, FunctionResult::concurrencyMean, "Concurrency mean / max",
            KEY, TABLE);
    public static final Figure CONCURRENCY_MAX = measured("concurrency.max", Unit.COUNT, "Concurrency, max",
            "most requests in flight at once", NEITHER, FunctionResult::concurrencyMax, "Concurrency mean / max", KEY,
            TABLE);
    public static final Figure ENVIRONMENTS_CREATED = measured("environments.created", Unit.COUNT,
            "Environments created", "execution environments started (cold starts and provisioned)", NEITHER,
            FunctionResult::environmentsCreated, "Environments created / alive on average", TABLE);
    public static final Figure ENVIRONMENTS_RECLAIMED = measured("environments.reclaimed", Unit.COUNT,
            "Environments reclaimed", "environments shut down after idling", NEITHER,
            FunctionResult::environmentsReclaimed, null);
    public static final Figure ENVIRONMENTS_RECYCLED = measured("environments.recycled", Unit.COUNT,
            "Environments recycled", "environments shut down at their maximum lifetime", NEITHER,
            FunctionResult::environmentsRecycled, null);
    public static final Figure ENVIRONMENTS_RESET = measured("environments.reset", Unit.COUNT, "Environments reset",
            "environments discarded after a timeout or crash", NEITHER, FunctionResult::environmentsReset, null);
    public static final Figure ENVIRONMENTS_ALIVE_AT_END = measured("environments.aliveAtEnd", Unit.COUNT,
            "Environments alive at the end", "environments alive when the run ended", NEITHER,
            FunctionResult::environmentsAliveAtEnd, null);
    public static final Figure ENVIRONMENTS_MEAN_ALIVE = measured("environments.meanAlive", Unit.LEVEL,
            "Environments alive, mean", "environments alive (initializing, busy or idle), time-weighted", NEITHER,
            FunctionResult::environmentsAliveMean, "Environments created / alive on average", KEY, TABLE);
    public static final Figure BILLED_DURATION = measured("billedDurationMs", Unit.MS, "Billed duration",
            "billed duration on on-demand environments, init included where billed", NEITHER,
            f -> f.billedMicros() / 1000.0, null);
    public static final Figure BILLED_INIT = measured("billedInitMs", Unit.MS, "Billed init",
            "the part of the billed duration that is init", NEITHER, f -> f.billedInitMicros() / 1000.0, null);
    public static final Figure GB_SECONDS = measured("gbSeconds", Unit.GB_SECONDS, "Billed GB-seconds",
            "billed GB-seconds of duration, on-demand and provisioned", NEITHER, FunctionResult::gbSeconds, null,
            KEY, TABLE);
    public static final Figure COST_PERIOD = billed("costUsd.period.total", false, "Cost of the run",
            "the function's share of the run's bill", null, TABLE);
    public static final Figure COST_MONTH = billed("costUsd.month.total", true, "Cost a month",
            "the function's share of the bill projected to the billing month", null, KEY, TABLE, HEADLINE);
    public static final Figure COST_PER_MILLION = ratio("costPerMillionInvocationsUsd", Unit.USD,
            "Cost per 1M invocations", "the run's cost per million invocations", "costUsd.period.total", "invocations",
            1e6, null, KEY);

    /** Every figure of a function, in summary.json's order (derived ones beside what they derive from). */
    public static final List<Figure> FUNCTION = Collections.unmodifiableList(new ArrayList<>(BUILDING));

    /** The figures of the whole scenario (the bill's totals), at the top of summary.json. */
    public static final List<Figure> SCENARIO = List.of(
            new Figure("costUsd.month.total", Unit.USD, "Cost a month, all functions",
                    "the bill projected to the billing month", LOWER, new Figure.Billed(true), Set.of(KEY), null),
            new Figure("costUsd.period.total", Unit.USD, "Cost of the run, all functions", "the run's bill", LOWER,
                    new Figure.Billed(false), Set.of(KEY), null));

    private static final Map<String, Figure> BY_PATH = new LinkedHashMap<>();

    static {
        for (Figure f : FUNCTION) {
            if (BY_PATH.put(f.path(), f) != null) {
                throw new ExceptionInInitializerError("figure " + f.path() + " is declared twice");
            }
        }
    }

    private Figures() {
    }

    /** The function figure at {@code path}, or null. */
    public static Figure byPath(String path) {
        return BY_PATH.get(path);
    }

    /** The function figures with {@code use}, in order. */
    public static List<Figure> with(Figure.Use use) {
        return FUNCTION.stream().filter(f -> f.is(use)).toList();
    }

    /** The scenario figures with {@code use}, in order. */
    public static List<Figure> scenarioWith(Figure.Use use) {
        return SCENARIO.stream().filter(f -> f.is(use)).toList();
    }

    /** Every figure of function {@code f} of a run, by path, stored and derived. */
    public static Map<String, Double> values(RunResult run, int f) {
        FunctionResult result = run.functions().get(f);
        Bill.FunctionBill bill = run.bill().functions().get(f);
        Map<String, Double> values = new LinkedHashMap<>();
        for (Figure figure : FUNCTION) {
            if (figure.source() instanceof Figure.Measured m) {
                values.put(figure.path(), m.value().applyAsDouble(result));
            } else if (figure.source() instanceof Figure.Billed b) {
                values.put(figure.path(), (b.month() ? bill.month() : bill.period()).exactUsd().total().doubleValue());
            }
        }
        return derive(values);
    }

    /** The scenario figures of a run, by path. */
    public static Map<String, Double> scenarioValues(RunResult run) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Figure figure : SCENARIO) {
            Figure.Billed b = (Figure.Billed) figure.source();
            values.put(figure.path(), (b.month() ? run.bill().month() : run.bill().period()).exactUsd().total()
                    .doubleValue());
        }
        return values;
    }

    /**
     * {@code stored} (the stored figures of a function, by path) with the derived ones added, all
     * in the registry's order: what a report reads back from summary.json gives what the run had.
     */
    public static Map<String, Double> derive(Map<String, Double> stored) {
        Map<String, Double> all = new LinkedHashMap<>();
        for (Figure figure : FUNCTION) {
            if (figure.source() instanceof Figure.Ratio r) {
                double den = stored.getOrDefault(r.denominator(), 0.0);
                all.put(figure.path(), den == 0 ? 0 : stored.getOrDefault(r.numerator(), 0.0) / den * r.scale());
            } else if (stored.containsKey(figure.path())) {
                all.put(figure.path(), stored.get(figure.path()));
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- declaring

    private static Figure measured(String path, Unit unit, String label, String meaning, Figure.Better better,
                                   ToDoubleFunction<FunctionResult> value, String row, Figure.Use... uses) {
        return add(new Figure(path, unit, label, meaning, better, new Figure.Measured(value), set(uses), row));
    }

    private static Figure billed(String path, boolean month, String label, String meaning, String row,
                                 Figure.Use... uses) {
        return add(new Figure(path, Unit.USD, label, meaning, LOWER, new Figure.Billed(month), set(uses), row));
    }

    private static Figure ratio(String path, String label, String meaning, String numerator, String denominator,
                                double scale, String row, Figure.Use... uses) {
        return ratio(path, Unit.SHARE, label, meaning, numerator, denominator, scale, row, uses);
    }

    private static Figure ratio(String path, Unit unit, String label, String meaning, String numerator,
                                String denominator, double scale, String row, Figure.Use... uses) {
        return add(new Figure(path, unit, label, meaning, LOWER, new Figure.Ratio(numerator, denominator, scale),
                set(uses), row));
    }

    /** One statistic of a distribution: the count is a count, the rest milliseconds, lower being better. */
    private static Figure stat(String path, String label, String meaning, ToDoubleFunction<FunctionResult> value,
                               String row, Figure.Use... uses) {
        boolean count = path.endsWith(".count");
        return add(new Figure(path, count ? Unit.COUNT : Unit.MS, label, meaning, count ? NEITHER : LOWER,
                new Figure.Measured(value), set(uses), row));
    }

    private static Figure add(Figure f) {
        BUILDING.add(f);
        return f;
    }

    private static Set<Figure.Use> set(Figure.Use... uses) {
        return uses.length == 0 ? Set.of() : EnumSet.of(uses[0], uses);
    }
}
