package io.github.lambdasim.stats;

/**
 * The per-period figures of one function, each declared once: its column in metrics.csv (named
 * like CloudWatch's AWS/Lambda metric where one exists), what it means, its unit, how it is read
 * across periods, and the run figure its periods add up to. Their order is the column order of
 * metrics.csv. The figures of a whole run are declared in the model's {@code Figures}.
 */
public enum Metric {
    REQUESTS("Requests", "requests that arrived", Unit.COUNT, Reading.SUM, "requests"),
    INVOCATIONS("Invocations", "invocations that completed", Unit.COUNT, Reading.SUM, "invocations"),
    ERRORS("Errors", "invocations that failed (including timeouts)", Unit.COUNT, Reading.SUM, "errors"),
    TIMEOUTS("Timeouts", "invocations stopped at the function timeout", Unit.COUNT, Reading.SUM, "timeouts"),
    THROTTLES("Throttles", "requests refused with 429", Unit.COUNT, Reading.SUM, "throttles"),
    THROTTLES_RPS("ThrottlesRps", "synchronous requests refused with 429 by the requests-per-second quota (a part of "
            + "Throttles)", Unit.COUNT, Reading.SUM, "throttlesRps"),
    COLD_STARTS("ColdStarts", "invocations that waited for a new environment", Unit.COUNT, Reading.SUM, "coldStarts"),
    PROVISIONED_INVOCATIONS("ProvisionedConcurrencyInvocations", "invocations on provisioned environments", Unit.COUNT,
            Reading.SUM, "provisionedInvocations"),
    SPILLOVER_INVOCATIONS("ProvisionedConcurrencySpilloverInvocations", "invocations on on-demand environments",
            Unit.COUNT, Reading.SUM, "spilloverInvocations"),
    DURATION_AVG_MS("DurationAvgMs", "mean handler duration", Unit.MS, Reading.PERCENTILE, null),
    DURATION_TM99_MS("DurationTm99Ms", "trimmed mean handler duration: the mean of those at or below the 99th "
            + "percentile (CloudWatch's TM99)", Unit.MS, Reading.PERCENTILE, null),
    DURATION_P50_MS("DurationP50Ms", "median handler duration", Unit.MS, Reading.PERCENTILE, null),
    DURATION_P90_MS("DurationP90Ms", "90th percentile handler duration", Unit.MS, Reading.PERCENTILE, null),
    DURATION_P95_MS("DurationP95Ms", "95th percentile handler duration", Unit.MS, Reading.PERCENTILE, null),
    DURATION_P99_MS("DurationP99Ms", "99th percentile handler duration", Unit.MS, Reading.PERCENTILE, null),
    DURATION_P999_MS("DurationP999Ms", "99.9th percentile handler duration", Unit.MS, Reading.PERCENTILE, null),
    DURATION_MAX_MS("DurationMaxMs", "longest handler duration", Unit.MS, Reading.MAX, null),
    LATENCY_TM99_MS("LatencyTm99Ms", "trimmed mean latency seen by callers: the mean of those at or below the 99th "
            + "percentile", Unit.MS, Reading.PERCENTILE, null),
    LATENCY_P50_MS("LatencyP50Ms", "median latency seen by callers (init + duration)", Unit.MS, Reading.PERCENTILE, null),
    LATENCY_P90_MS("LatencyP90Ms", "90th percentile latency seen by callers", Unit.MS, Reading.PERCENTILE, null),
    LATENCY_P95_MS("LatencyP95Ms", "95th percentile latency seen by callers", Unit.MS, Reading.PERCENTILE, null),
    LATENCY_P99_MS("LatencyP99Ms", "99th percentile latency seen by callers", Unit.MS, Reading.PERCENTILE, null),
    LATENCY_P999_MS("LatencyP999Ms", "99.9th percentile latency seen by callers", Unit.MS, Reading.PERCENTILE, null),
    LATENCY_MAX_MS("LatencyMaxMs", "longest latency seen by callers", Unit.MS, Reading.MAX, null),
    CONCURRENT_EXECUTIONS("ConcurrentExecutions", "most requests in flight at once", Unit.COUNT, Reading.MAX, null),
    CONCURRENCY_AVG("ConcurrencyAvg", "time-weighted mean of requests in flight (= environments busy)", Unit.LEVEL,
            Reading.MEAN, null),
    ENVIRONMENTS_ALIVE_AVG("EnvironmentsAliveAvg", "time-weighted mean of environments alive (initializing, busy or idle)",
            Unit.LEVEL, Reading.MEAN, null),
    ENVIRONMENTS_IDLE_AVG("EnvironmentsIdleAvg", "time-weighted mean of idle (warm) environments", Unit.LEVEL,
            Reading.MEAN, null),
    ENVIRONMENTS_CREATED("EnvironmentsCreated", "environments started (cold starts and provisioned)", Unit.COUNT,
            Reading.SUM, "environments.created"),
    ENVIRONMENTS_RECLAIMED("EnvironmentsReclaimed", "environments shut down", Unit.COUNT, Reading.SUM, null),
    PROVISIONED_CONCURRENCY("ProvisionedConcurrency", "configured provisioned concurrency (time-weighted mean)",
            Unit.LEVEL, Reading.MEAN, null),
    PROVISIONED_CONCURRENT_EXECUTIONS("ProvisionedConcurrentExecutions", "most provisioned environments busy at once",
            Unit.COUNT, Reading.MAX, null),
    PROVISIONED_UTILIZATION("ProvisionedConcurrencyUtilization",
            "busy provisioned environments / configured level (time-weighted)", Unit.SHARE, Reading.MEAN, null),
    BILLED_MS("BilledMs", "billed duration on on-demand environments, including billed init", Unit.MS, Reading.SUM,
            "billedDurationMs"),
    PROVISIONED_BILLED_MS("ProvisionedBilledMs", "billed duration on provisioned environments", Unit.MS, Reading.SUM, null),
    GB_SECONDS("GBSeconds", "billed GB-seconds of duration", Unit.GB_SECONDS, Reading.SUM, "gbSeconds"),
    COST_USD("CostUsd", "the period's share of the run's bill (free tier and tiers pro-rated)", Unit.USD, Reading.SUM,
            "costUsd.period.total", 8),
    COST_REQUESTS_USD("CostRequestsUsd", "request charges in CostUsd (shared by invocations)", Unit.USD, Reading.SUM,
            null, 8),
    COST_COMPUTE_USD("CostComputeUsd", "on-demand duration charges in CostUsd (shared by BilledMs)", Unit.USD,
            Reading.SUM, null, 8),
    COST_PROVISIONED_USD("CostProvisionedUsd", "provisioned concurrency charges in CostUsd (shared by time)", Unit.USD,
            Reading.SUM, null, 8),
    COST_PROVISIONED_COMPUTE_USD("CostProvisionedComputeUsd",
            "provisioned duration charges in CostUsd (shared by ProvisionedBilledMs)", Unit.USD, Reading.SUM, null, 8),
    COST_EPHEMERAL_STORAGE_USD("CostEphemeralStorageUsd",
            "ephemeral storage charges in CostUsd (shared by BilledMs + ProvisionedBilledMs)", Unit.USD, Reading.SUM,
            null, 8),
    // Event-driven runs only (asynchronous events, calls between functions): see EVENT_DRIVEN.
    ASYNC_EVENTS_RECEIVED("AsyncEventsReceived", "asynchronous events received (not counting retries)", Unit.COUNT,
            Reading.SUM, "events.asyncEventsReceived"),
    ASYNC_EVENTS_DROPPED("AsyncEventsDropped",
            "events given up: past their maximum age or retries (sent to onFailure when it is set)", Unit.COUNT,
            Reading.SUM, "events.asyncEventsDropped"),
    ASYNC_RETRIES("AsyncRetries", "attempts of events after a function error (each one an invocation)", Unit.COUNT,
            Reading.SUM, "events.asyncRetries"),
    ASYNC_EVENT_AGE_AVG_MS("AsyncEventAgeAvgMs", "mean age of events when an attempt starts (time in the queue)",
            Unit.MS, Reading.PERCENTILE, null),
    ASYNC_EVENT_AGE_MAX_MS("AsyncEventAgeMaxMs", "oldest event when an attempt starts", Unit.MS, Reading.MAX, null),
    ASYNC_EVENTS_WAITING_AVG("AsyncEventsWaitingAvg",
            "time-weighted mean of events waiting in the function's queue (for capacity or a retry)", Unit.LEVEL,
            Reading.MEAN, null);

    /** The first metric only event-driven runs have; the ones before it, every run has. */
    public static final Metric FIRST_EVENT_METRIC = ASYNC_EVENTS_RECEIVED;

    /** How a metric's values are read across periods (and across functions). */
    public enum Reading {
        /** Counted in its period: periods add up to the run's figure, functions to the account's. */
        SUM,
        /** The period's peak: a longer span's is the largest of its periods'. */
        MAX,
        /** A time-weighted mean over the period: a longer span's is the mean weighted by length. */
        MEAN,
        /** Of its period's invocations alone: neither adds up nor averages across periods. */
        PERCENTILE
    }

    private final String column;
    private final String description;
    private final Unit unit;
    private final Reading reading;
    private final String total;
    private final int decimals;

    Metric(String column, String description, Unit unit, Reading reading, String total) {
        this(column, description, unit, reading, total, 4);
    }

    Metric(String column, String description, Unit unit, Reading reading, String total, int decimals) {
        this.column = column;
        this.description = description;
        this.unit = unit;
        this.reading = reading;
        this.total = total;
        this.decimals = decimals;
    }

    public Unit unit() {
        return unit;
    }

    public Reading reading() {
        return reading;
    }

    /**
     * The run figure (a summary.json path under the function, see the model's figure registry)
     * this metric's periods add up to, or null when none is reported.
     */
    public String total() {
        return total;
    }

    public String column() {
        return column;
    }

    public String description() {
        return description;
    }

    /** Whether only event-driven runs (asynchronous events, calls between functions) have it. */
    public boolean eventDriven() {
        return ordinal() >= FIRST_EVENT_METRIC.ordinal();
    }

    /** The metrics of a run: every one for an event-driven run, the others otherwise. */
    public static java.util.List<Metric> of(boolean eventDriven) {
        java.util.List<Metric> all = java.util.List.of(values());
        return eventDriven ? all : all.subList(0, FIRST_EVENT_METRIC.ordinal());
    }

    /** Decimals metrics.csv keeps: 4, and 8 for dollars, whose per-period shares are fractions of a cent. */
    public int decimals() {
        return decimals;
    }
}
