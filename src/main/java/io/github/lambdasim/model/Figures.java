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
    public static final Figure THROTTLES_RPS = measured("throttlesRps", Unit.COUNT, "Throttled by the RPS quota",
            "synchronous requests refused with 429 by the requests-per-second quota (10 x the concurrency limit on "
            + "demand, 10 x provisioned concurrency on provisioned environments): a part of throttles", LOWER,
            FunctionResult::throttlesRps, null);
    // Over attempts, which are the requests in a run without retries (each request one attempt).
    public static final Figure THROTTLE_RATE = ratio("throttleRate", "Throttled",
            "the share of attempts throttled (of requests, when nothing is retried)", "throttles",
            List.of("invocations", "throttles", "inFlightAtEnd"), 1, "Throttles (429) / of requests", KEY, TABLE,
            HEADLINE);
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
    // Distributions in milliseconds: count, mean, p50, p90, p99, max; latency and duration also the
    // trimmed mean tm99 (the mean of the values at or below p99, CloudWatch's TM99), p95 and p99.9.
    // The report's and text summary's rows keep p50 / p90 / p99 / max; the others are in
    // summary.json, and latency's are key figures (sweeps, compare, --slo).
    private static final String TM99 = ", trimmed: the mean of the values at or below the 99th percentile";
    private static final String LATENCY = "what the caller waits: init (on a cold start) plus duration";
    private static final String LATENCY_ROW = "Latency p50 / p90 / p99 / max";
    public static final Figure LATENCY_COUNT = stat("latencyMs.count", "Latency, count", LATENCY,
            f -> f.latencyMs().count(), null);
    public static final Figure LATENCY_MEAN = stat("latencyMs.mean", "Latency mean", LATENCY,
            f -> f.latencyMs().mean(), null, KEY);
    public static final Figure LATENCY_TM99 = stat("latencyMs.tm99", "Latency tm99", LATENCY + TM99,
            f -> f.latencyMs().tm99(), null, KEY);
    public static final Figure LATENCY_P50 = stat("latencyMs.p50", "Latency p50", LATENCY,
            f -> f.latencyMs().p50(), LATENCY_ROW, KEY, TABLE);
    public static final Figure LATENCY_P90 = stat("latencyMs.p90", "Latency p90", LATENCY,
            f -> f.latencyMs().p90(), LATENCY_ROW, KEY, TABLE);
    public static final Figure LATENCY_P95 = stat("latencyMs.p95", "Latency p95", LATENCY,
            f -> f.latencyMs().p95(), null, KEY);
    public static final Figure LATENCY_P99 = stat("latencyMs.p99", "Latency p99", LATENCY,
            f -> f.latencyMs().p99(), LATENCY_ROW, KEY, TABLE, HEADLINE);
    public static final Figure LATENCY_P999 = stat("latencyMs.p999", "Latency p99.9", LATENCY,
            f -> f.latencyMs().p999(), null, KEY);
    public static final Figure LATENCY_MAX = stat("latencyMs.max", "Latency max", LATENCY,
            f -> f.latencyMs().max(), LATENCY_ROW, KEY, TABLE);
    private static final String DURATION = "the handler's duration";
    private static final String DURATION_ROW = "Duration p50 / p90 / p99 / max";
    public static final Figure DURATION_COUNT = stat("durationMs.count", "Duration, count", DURATION,
            f -> f.durationMs().count(), null);
    public static final Figure DURATION_MEAN = stat("durationMs.mean", "Duration mean", DURATION,
            f -> f.durationMs().mean(), null, KEY);
    public static final Figure DURATION_TM99 = stat("durationMs.tm99", "Duration tm99", DURATION + TM99,
            f -> f.durationMs().tm99(), null);
    public static final Figure DURATION_P50 = stat("durationMs.p50", "Duration p50", DURATION,
            f -> f.durationMs().p50(), DURATION_ROW, TABLE);
    public static final Figure DURATION_P90 = stat("durationMs.p90", "Duration p90", DURATION,
            f -> f.durationMs().p90(), DURATION_ROW, TABLE);
    public static final Figure DURATION_P95 = stat("durationMs.p95", "Duration p95", DURATION,
            f -> f.durationMs().p95(), null);
    public static final Figure DURATION_P99 = stat("durationMs.p99", "Duration p99", DURATION,
            f -> f.durationMs().p99(), DURATION_ROW, KEY, TABLE);
    public static final Figure DURATION_P999 = stat("durationMs.p999", "Duration p99.9", DURATION,
            f -> f.durationMs().p999(), null);
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

    // ---------------------------------------------------------------- event-driven runs only: "events" in summary.json
    private static FunctionEvents ev(FunctionResult f) {
        return f.events();
    }

    public static final Figure REQUESTS_DONE = event("events.requestsDone", Unit.COUNT, "Requests done",
            "requests that ended well: answered, or (an event) processed", NEITHER, f -> ev(f).requestsDone(),
            "Requests done / failed / dropped / unfinished", TABLE);
    public static final Figure REQUESTS_FAILED = event("events.requestsFailed", Unit.COUNT, "Requests failed",
            "synchronous requests and calls that failed: an error, a timeout, or a throttle", LOWER,
            f -> ev(f).requestsFailed(), "Requests done / failed / dropped / unfinished", TABLE);
    public static final Figure REQUESTS_DROPPED = event("events.requestsDropped", Unit.COUNT, "Events dropped",
            "events given up: past their maximum age or retries, or stopped as a loop", LOWER,
            f -> ev(f).requestsDropped(), "Requests done / failed / dropped / unfinished", TABLE);
    public static final Figure REQUESTS_UNFINISHED = event("events.requestsUnfinished", Unit.COUNT,
            "Requests unfinished", "requests still running or waiting when the run ended", NEITHER,
            f -> ev(f).requestsUnfinished(), "Requests done / failed / dropped / unfinished", TABLE);
    public static final Figure ASYNC_RECEIVED = event("events.asyncEventsReceived", Unit.COUNT, "Events received",
            "asynchronous events received (AsyncEventsReceived)", NEITHER, f -> ev(f).asyncEventsReceived(),
            "Events received / dropped / retried", TABLE);
    public static final Figure ASYNC_SUCCEEDED = event("events.asyncEventsSucceeded", Unit.COUNT, "Events processed",
            "events processed without error on some attempt", NEITHER, f -> ev(f).asyncEventsSucceeded(), null);
    public static final Figure ASYNC_DROPPED = event("events.asyncEventsDropped", Unit.COUNT, "Events dropped",
            "events given up (AsyncEventsDropped), sent to onFailure when it is set", LOWER,
            f -> ev(f).asyncEventsDropped(), "Events received / dropped / retried", KEY, TABLE);
    public static final Figure ASYNC_DROP_RATE = ratio("events.asyncDropRate", "Events dropped",
            "the share of events received that were given up", "events.asyncEventsDropped",
            List.of("events.asyncEventsReceived"), 1, null, KEY, HEADLINE);
    public static final Figure ASYNC_RETRIES = event("events.asyncRetries", Unit.COUNT, "Event retries",
            "attempts of events after a function error, each an invocation and billed", LOWER,
            f -> ev(f).asyncRetries(), "Events received / dropped / retried", KEY, TABLE);
    public static final Figure ASYNC_TO_ON_SUCCESS = event("events.asyncToOnSuccess", Unit.COUNT, "Sent to onSuccess",
            "events sent on to the onSuccess destination", NEITHER, f -> ev(f).asyncToOnSuccess(), null);
    public static final Figure ASYNC_TO_ON_FAILURE = event("events.asyncToOnFailure", Unit.COUNT, "Sent to onFailure",
            "events sent on to the onFailure destination", NEITHER, f -> ev(f).asyncToOnFailure(), null);
    public static final Figure RECURSION_STOPPED = event("events.recursionStopped", Unit.COUNT, "Stopped as loops",
            "events for this function that recursion detection stopped", NEITHER, f -> ev(f).recursionStopped(), null);
    private static final String AGE_ROW = "Event age mean / max";
    public static final Figure ASYNC_AGE_MEAN = event("events.asyncEventAgeMs.mean", Unit.MS, "Event age, mean",
            "how long events waited in the queue when an attempt started (AsyncEventAge)", LOWER,
            f -> ev(f).asyncEventAgeMeanMs(), AGE_ROW, TABLE);
    public static final Figure ASYNC_AGE_MAX = event("events.asyncEventAgeMs.max", Unit.MS, "Event age, max",
            "the oldest event when an attempt started", LOWER, f -> ev(f).asyncEventAgeMaxMs(), AGE_ROW, KEY, TABLE);
    private static final String EVENT_LATENCY = "from an event's arrival to the successful end of its last attempt, "
            + "queue time and retries included";
    private static final String EVENT_LATENCY_ROW = "Event latency p50 / p90 / p99 / max";
    public static final Figure ASYNC_LATENCY_COUNT = event("events.asyncEventLatencyMs.count", Unit.COUNT,
            "Event latency, count", EVENT_LATENCY, NEITHER, f -> ev(f).asyncEventLatencyMs().count(), null);
    public static final Figure ASYNC_LATENCY_MEAN = event("events.asyncEventLatencyMs.mean", Unit.MS,
            "Event latency mean", EVENT_LATENCY, LOWER, f -> ev(f).asyncEventLatencyMs().mean(), null, KEY);
    public static final Figure ASYNC_LATENCY_P50 = event("events.asyncEventLatencyMs.p50", Unit.MS,
            "Event latency p50", EVENT_LATENCY, LOWER, f -> ev(f).asyncEventLatencyMs().p50(), EVENT_LATENCY_ROW, TABLE);
    public static final Figure ASYNC_LATENCY_P90 = event("events.asyncEventLatencyMs.p90", Unit.MS,
            "Event latency p90", EVENT_LATENCY, LOWER, f -> ev(f).asyncEventLatencyMs().p90(), EVENT_LATENCY_ROW, TABLE);
    public static final Figure ASYNC_LATENCY_P99 = event("events.asyncEventLatencyMs.p99", Unit.MS,
            "Event latency p99", EVENT_LATENCY, LOWER, f -> ev(f).asyncEventLatencyMs().p99(), EVENT_LATENCY_ROW, KEY,
            TABLE);
    public static final Figure ASYNC_LATENCY_MAX = event("events.asyncEventLatencyMs.max", Unit.MS,
            "Event latency max", EVENT_LATENCY, LOWER, f -> ev(f).asyncEventLatencyMs().max(), EVENT_LATENCY_ROW, TABLE);
    private static final String WAITING_ROW = "Events waiting mean / max";
    public static final Figure ASYNC_WAITING_MEAN = event("events.asyncEventsWaiting.mean", Unit.LEVEL,
            "Events waiting, mean", "events in the function's queue (for capacity or a retry), time-weighted",
            NEITHER, f -> ev(f).asyncEventsWaitingMean(), WAITING_ROW, TABLE);
    public static final Figure ASYNC_WAITING_MAX = event("events.asyncEventsWaiting.max", Unit.COUNT,
            "Events waiting, max", "most events in the function's queue at once", NEITHER,
            f -> ev(f).asyncEventsWaitingMax(), WAITING_ROW, TABLE);
    private static final String CALLS_ROW = "Calls made sync / async / failed";
    public static final Figure SYNC_CALLS = event("events.syncCalls", Unit.COUNT, "Synchronous calls",
            "synchronous calls this function made to others", NEITHER, f -> ev(f).syncCalls(), CALLS_ROW, TABLE);
    public static final Figure ASYNC_CALLS = event("events.asyncCalls", Unit.COUNT, "Asynchronous calls",
            "asynchronous calls (events) this function made to others", NEITHER, f -> ev(f).asyncCalls(), CALLS_ROW,
            TABLE);
    public static final Figure CALLS_FAILED = event("events.callsFailed", Unit.COUNT, "Calls failed",
            "synchronous calls of this function that failed (after the SDK's retries)", LOWER,
            f -> ev(f).callsFailed(), CALLS_ROW, TABLE);

    // ---------------------------------------------------------------- functions with a front door only
    public static final Figure FRONT_DOOR_REQUESTS = measured("frontDoor.requests", Unit.COUNT, "Front-door requests",
            "synchronous requests through the front door (API Gateway, function URL, ALB), throttled ones included",
            NEITHER, f -> f.frontDoor().requests(), null);
    public static final Figure GATEWAY_TIMEOUTS = measured("frontDoor.gatewayTimeouts", Unit.COUNT,
            "Gateway timeouts (504)", "requests whose caller got 504 at the front door's integration timeout while the "
            + "function ran on and was billed", LOWER, f -> f.frontDoor().gatewayTimeouts(), null);

    /** Every figure of a function, in summary.json's order (derived ones beside what they derive from). */
    public static final List<Figure> FUNCTION = Collections.unmodifiableList(new ArrayList<>(BUILDING));

    private static final List<Figure> ENTRY_BUILDING = new ArrayList<>();
    private static final String RESPONSE = "from arrival to the end of the entry point's own request (what its caller "
            + "waits for), of requests that ended well";
    private static final String RESPONSE_ROW = "Response p50 / p90 / p99 / max";
    private static final String END_TO_END = "from arrival to the end of the last request it caused (calls, events, "
            + "retries, destinations), of trees that ended well";
    private static final String END_TO_END_ROW = "End to end p50 / p90 / p99 / max";

    /**
     * The figures of an entry point (a traffic source) in an event-driven run, under
     * {@code entryPoints.<name>} in summary.json, in this order.
     */
    public static final List<Figure> ENTRY_POINT;

    static {
        entry("requests", Unit.COUNT, "Requests", "arrivals from this traffic source", NEITHER,
                EntryPointResult::requests, null, TABLE);
        entry("succeeded", Unit.COUNT, "Succeeded", "requests whose whole tree ended well", NEITHER,
                EntryPointResult::succeeded, "Succeeded / failed / unfinished", TABLE);
        entry("failed", Unit.COUNT, "Failed", "requests with a failed request or a dropped event in their tree", LOWER,
                EntryPointResult::failed, "Succeeded / failed / unfinished", TABLE);
        entry("unfinished", Unit.COUNT, "Unfinished", "requests whose tree was not done when the run ended", NEITHER,
                EntryPointResult::unfinished, "Succeeded / failed / unfinished", TABLE);
        ENTRY_BUILDING.add(new Figure("successRate", Unit.SHARE, "Success", "the share of finished requests whose "
                + "whole tree ended well", Figure.Better.HIGHER, new Figure.Ratio("succeeded", List.of("succeeded",
                "failed"), 1), set(KEY, TABLE, HEADLINE), null));
        entry("retries", Unit.COUNT, "Retries", "retries in its trees: after throttles and errors, the SDK's included",
                LOWER, EntryPointResult::retries, "Retries / events dropped", KEY, TABLE);
        entry("dropped", Unit.COUNT, "Events dropped", "events given up in its trees", LOWER,
                EntryPointResult::dropped, "Retries / events dropped", KEY, TABLE);
        entry("coldTrees", Unit.COUNT, "With a cold start", "done requests with a cold start somewhere in their tree",
                LOWER, EntryPointResult::coldTrees, null, TABLE);
        entry("responseMs.count", Unit.COUNT, "Response, count", RESPONSE, NEITHER, e -> e.responseMs().count(), null);
        entry("responseMs.mean", Unit.MS, "Response mean", RESPONSE, LOWER, e -> e.responseMs().mean(), null, KEY);
        entry("responseMs.p50", Unit.MS, "Response p50", RESPONSE, LOWER, e -> e.responseMs().p50(), RESPONSE_ROW, TABLE);
        entry("responseMs.p90", Unit.MS, "Response p90", RESPONSE, LOWER, e -> e.responseMs().p90(), RESPONSE_ROW, TABLE);
        entry("responseMs.p99", Unit.MS, "Response p99", RESPONSE, LOWER, e -> e.responseMs().p99(), RESPONSE_ROW, KEY,
                TABLE, HEADLINE);
        entry("responseMs.max", Unit.MS, "Response max", RESPONSE, LOWER, e -> e.responseMs().max(), RESPONSE_ROW, TABLE);
        entry("endToEndMs.count", Unit.COUNT, "End to end, count", END_TO_END, NEITHER, e -> e.endToEndMs().count(),
                null);
        entry("endToEndMs.mean", Unit.MS, "End to end mean", END_TO_END, LOWER, e -> e.endToEndMs().mean(), null, KEY);
        entry("endToEndMs.p50", Unit.MS, "End to end p50", END_TO_END, LOWER, e -> e.endToEndMs().p50(), END_TO_END_ROW,
                KEY, TABLE);
        entry("endToEndMs.p90", Unit.MS, "End to end p90", END_TO_END, LOWER, e -> e.endToEndMs().p90(), END_TO_END_ROW,
                TABLE);
        entry("endToEndMs.p99", Unit.MS, "End to end p99", END_TO_END, LOWER, e -> e.endToEndMs().p99(), END_TO_END_ROW,
                KEY, TABLE, HEADLINE);
        entry("endToEndMs.max", Unit.MS, "End to end max", END_TO_END, LOWER, e -> e.endToEndMs().max(), END_TO_END_ROW,
                KEY, TABLE);
        entry("costUsd.period", Unit.USD, "Cost of the run", "its share of the run's bill: each function's charges "
                + "shared by the billed time and invocations its requests used there", LOWER, EntryPointResult::costUsd,
                null, TABLE);
        entry("costUsd.month", Unit.USD, "Cost a month", "the same share of the monthly bill", LOWER,
                EntryPointResult::monthlyCostUsd, null, KEY, TABLE);
        ENTRY_BUILDING.add(new Figure("costPerMillionUsd", Unit.USD, "Cost per 1M requests", "the run's cost of a "
                + "million requests through the whole graph", LOWER, new Figure.Ratio("costUsd.period",
                List.of("requests"), 1e6), set(KEY, TABLE, HEADLINE), null));
        ENTRY_POINT = Collections.unmodifiableList(new ArrayList<>(ENTRY_BUILDING));
    }

    private static void entry(String path, Unit unit, String label, String meaning, Figure.Better better,
                              ToDoubleFunction<EntryPointResult> value, String row, Figure.Use... uses) {
        ENTRY_BUILDING.add(new Figure(path, unit, label, meaning, better, new Figure.EntryMeasured(value), set(uses),
                row));
    }

    /** Every figure of an entry point of a run, by path, stored and derived. */
    public static Map<String, Double> entryValues(EntryPointResult e) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Figure figure : ENTRY_POINT) {
            if (figure.source() instanceof Figure.EntryMeasured m) {
                values.put(figure.path(), m.value().applyAsDouble(e));
            }
        }
        return deriveEntry(values);
    }

    /** An entry point's stored figures with the derived ones added, in the registry's order. */
    public static Map<String, Double> deriveEntry(Map<String, Double> stored) {
        return derive(stored, ENTRY_POINT);
    }

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

    /** The function figures with {@code use}, in order, of a run that is not event-driven. */
    public static List<Figure> with(Figure.Use use) {
        return with(use, false);
    }

    /** The function figures with {@code use}, in order, of a run that is event-driven or not. */
    public static List<Figure> with(Figure.Use use, boolean eventDriven) {
        return FUNCTION.stream().filter(f -> f.is(use) && (eventDriven || !f.eventDriven()) && !f.frontDoorOnly())
                .toList();
    }

    /** The entry-point figures with {@code use}, in order. */
    public static List<Figure> entryWith(Figure.Use use) {
        return ENTRY_POINT.stream().filter(f -> f.is(use)).toList();
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
            if (!figure.appliesTo(result)) {
                continue;
            }
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
        return derive(stored, FUNCTION);
    }

    private static Map<String, Double> derive(Map<String, Double> stored, List<Figure> figures) {
        Map<String, Double> all = new LinkedHashMap<>();
        for (Figure figure : figures) {
            if (figure.source() instanceof Figure.Ratio r) {
                if (!stored.containsKey(r.numerator())) {
                    continue; // a figure of event-driven runs, in a run that is not one
                }
                double den = r.denominatorOf(stored);
                all.put(figure.path(), den == 0 ? 0 : stored.get(r.numerator()) / den * r.scale());
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

    private static Figure event(String path, Unit unit, String label, String meaning, Figure.Better better,
                                ToDoubleFunction<FunctionResult> value, String row, Figure.Use... uses) {
        return add(new Figure(path, unit, label, meaning, better, new Figure.Measured(value), set(uses), row));
    }

    private static Figure ratio(String path, String label, String meaning, String numerator, List<String> denominator,
                                double scale, String row, Figure.Use... uses) {
        return ratio(path, Unit.SHARE, label, meaning, numerator, denominator, scale, row, uses);
    }

    private static Figure ratio(String path, String label, String meaning, String numerator, String denominator,
                                double scale, String row, Figure.Use... uses) {
        return ratio(path, Unit.SHARE, label, meaning, numerator, List.of(denominator), scale, row, uses);
    }

    private static Figure ratio(String path, Unit unit, String label, String meaning, String numerator,
                                String denominator, double scale, String row, Figure.Use... uses) {
        return ratio(path, unit, label, meaning, numerator, List.of(denominator), scale, row, uses);
    }

    private static Figure ratio(String path, Unit unit, String label, String meaning, String numerator,
                                List<String> denominator, double scale, String row, Figure.Use... uses) {
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
