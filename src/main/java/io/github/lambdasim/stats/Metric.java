package io.github.lambdasim.stats;

/**
 * The per-period metrics of one function, named like CloudWatch's AWS/Lambda metrics where one
 * exists. Their order is the column order of metrics.csv.
 */
public enum Metric {
    REQUESTS("Requests", "requests that arrived"),
    INVOCATIONS("Invocations", "invocations that completed"),
    ERRORS("Errors", "invocations that failed (including timeouts)"),
    TIMEOUTS("Timeouts", "invocations stopped at the function timeout"),
    THROTTLES("Throttles", "requests refused with 429"),
    COLD_STARTS("ColdStarts", "invocations that waited for a new environment"),
    PROVISIONED_INVOCATIONS("ProvisionedConcurrencyInvocations", "invocations on provisioned environments"),
    SPILLOVER_INVOCATIONS("ProvisionedConcurrencySpilloverInvocations", "invocations on on-demand environments"),
    DURATION_AVG_MS("DurationAvgMs", "mean handler duration"),
    DURATION_P50_MS("DurationP50Ms", "median handler duration"),
    DURATION_P90_MS("DurationP90Ms", "90th percentile handler duration"),
    DURATION_P99_MS("DurationP99Ms", "99th percentile handler duration"),
    DURATION_P999_MS("DurationP999Ms", "99.9th percentile handler duration"),
    DURATION_MAX_MS("DurationMaxMs", "longest handler duration"),
    LATENCY_P50_MS("LatencyP50Ms", "median latency seen by callers (init + duration)"),
    LATENCY_P90_MS("LatencyP90Ms", "90th percentile latency seen by callers"),
    LATENCY_P99_MS("LatencyP99Ms", "99th percentile latency seen by callers"),
    LATENCY_P999_MS("LatencyP999Ms", "99.9th percentile latency seen by callers"),
    LATENCY_MAX_MS("LatencyMaxMs", "longest latency seen by callers"),
    CONCURRENT_EXECUTIONS("ConcurrentExecutions", "most requests in flight at once"),
    CONCURRENCY_AVG("ConcurrencyAvg", "time-weighted mean of requests in flight (= environments busy)"),
    ENVIRONMENTS_ALIVE_AVG("EnvironmentsAliveAvg", "time-weighted mean of environments alive (initializing, busy or idle)"),
    ENVIRONMENTS_IDLE_AVG("EnvironmentsIdleAvg", "time-weighted mean of idle (warm) environments"),
    ENVIRONMENTS_CREATED("EnvironmentsCreated", "environments started (cold starts and provisioned)"),
    ENVIRONMENTS_RECLAIMED("EnvironmentsReclaimed", "environments shut down"),
    PROVISIONED_CONCURRENCY("ProvisionedConcurrency", "configured provisioned concurrency (time-weighted mean)"),
    PROVISIONED_CONCURRENT_EXECUTIONS("ProvisionedConcurrentExecutions", "most provisioned environments busy at once"),
    PROVISIONED_UTILIZATION("ProvisionedConcurrencyUtilization", "busy provisioned environments / configured level (time-weighted)"),
    BILLED_MS("BilledMs", "billed duration on on-demand environments, including billed init"),
    PROVISIONED_BILLED_MS("ProvisionedBilledMs", "billed duration on provisioned environments"),
    GB_SECONDS("GBSeconds", "billed GB-seconds of duration"),
    COST_USD("CostUsd", "the period's share of the run's bill (free tier and tiers pro-rated)", 8),
    COST_REQUESTS_USD("CostRequestsUsd", "request charges in CostUsd (shared by invocations)", 8),
    COST_COMPUTE_USD("CostComputeUsd", "on-demand duration charges in CostUsd (shared by BilledMs)", 8),
    COST_PROVISIONED_USD("CostProvisionedUsd", "provisioned concurrency charges in CostUsd (shared by time)", 8),
    COST_PROVISIONED_COMPUTE_USD("CostProvisionedComputeUsd",
            "provisioned duration charges in CostUsd (shared by ProvisionedBilledMs)", 8),
    COST_EPHEMERAL_STORAGE_USD("CostEphemeralStorageUsd",
            "ephemeral storage charges in CostUsd (shared by BilledMs + ProvisionedBilledMs)", 8);

    private final String column;
    private final String description;
    private final int decimals;

    Metric(String column, String description) {
        this(column, description, 4);
    }

    Metric(String column, String description, int decimals) {
        this.column = column;
        this.description = description;
        this.decimals = decimals;
    }

    public String column() {
        return column;
    }

    public String description() {
        return description;
    }

    /** Decimals metrics.csv keeps: 4, and 8 for dollars, whose per-period shares are fractions of a cent. */
    public int decimals() {
        return decimals;
    }
}
