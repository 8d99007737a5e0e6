package io.github.lambdasim.model;

import io.github.lambdasim.billing.Architecture;
import io.github.lambdasim.billing.ProvisionedInterval;
import io.github.lambdasim.stats.CompressedHistogram;
import io.github.lambdasim.stats.DistributionSummary;
import java.util.List;

/**
 * What one function did over a run.
 *
 * @param requests              requests that arrived
 * @param invocations           invocations that completed within the run
 * @param inFlightAtEnd         requests still running when the run ended
 * @param latencyMs             what the caller waited: init (on cold starts) plus duration
 * @param durationMs            the handler's duration
 * @param initDurationMs        init duration of the cold starts
 * @param concurrencyMean       time-weighted mean of requests in flight
 * @param environmentsReclaimed environments shut down after idling
 * @param environmentsRecycled  environments shut down at their maximum lifetime
 * @param environmentsAliveAtStart environments alive when measuring started (after a warm-up; 0 otherwise)
 * @param environmentsReset     environments discarded after a timeout or crash
 * @param environmentsAliveMean time-weighted mean of environments alive (busy or idle)
 * @param billedMicros          billed duration on on-demand environments (init included where billed)
 * @param billedInitMicros      the part of billedMicros that is init
 * @param provisionedBilledMicros billed duration on provisioned environments
 * @param gbSeconds             billed GB-seconds of duration (on-demand and provisioned)
 * @param provisionedIntervals  provisioned concurrency configured: level and interval, for billing
 * @param provisionedLevelMean  time-weighted mean of the configured provisioned level
 * @param provisionedConcurrencyMax most provisioned environments busy at once
 * @param throttlesRps          throttles by the requests-per-second quota (a part of {@code throttles})
 * @param latencyWarm           latency histogram of warm invocations (microseconds, provisioned included)
 * @param latencyCold           latency histogram of cold invocations (microseconds)
 * @param events                what an event-driven run measured of its requests, events and calls; null otherwise
 * @param frontDoor             what went through the service in front of it; null when it has none
 */
public record FunctionResult(String name, int memoryMb, Architecture architecture, int ephemeralStorageMb,
                             long requests, long invocations, long throttles, long throttlesRps, long errors, long timeouts,
                             long coldStarts, long provisionedInvocations, long spilloverInvocations,
                             long inFlightAtEnd, DistributionSummary latencyMs, DistributionSummary durationMs,
                             DistributionSummary initDurationMs, double concurrencyMean, long concurrencyMax,
                             long environmentsCreated, long environmentsReclaimed, long environmentsRecycled,
                             long environmentsAliveAtStart, long environmentsReset, long environmentsAliveAtEnd,
                             double environmentsAliveMean,
                             long billedMicros, long billedInitMicros, long provisionedBilledMicros,
                             double gbSeconds, List<ProvisionedInterval> provisionedIntervals,
                             double provisionedLevelMean, long provisionedLevelMax, long provisionedConcurrencyMax,
                             CompressedHistogram latencyWarm, CompressedHistogram latencyCold, FunctionEvents events,
                             FrontDoorResult frontDoor) {
    public FunctionResult {
        provisionedIntervals = List.copyOf(provisionedIntervals);
    }

    /** Whether the function has a front door (then {@link #frontDoor()} is not null). */
    public boolean hasFrontDoor() {
        return frontDoor != null;
    }

    /** Whether the run was event-driven (then {@link #events()} is not null). */
    public boolean hasEvents() {
        return events != null;
    }
}
