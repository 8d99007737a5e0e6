package io.github.lambdasim.model;

import io.github.lambdasim.stats.DistributionSummary;

/**
 * What an event-driven run measured of one function's requests, asynchronous events and calls.
 *
 * <p>Every request of the function (from traffic, a call or an event) ends exactly once:
 * {@code requestsDone + requestsFailed + requestsDropped + requestsUnfinished = requests}.
 *
 * @param requestsDone           requests that ended well (a synchronous one answered, an event processed)
 * @param requestsFailed         synchronous requests and calls that failed: an error, a timeout, or a throttle
 *                               (after the SDK's retries, for a call)
 * @param requestsDropped        events given up (their maximum age, their retries, or recursion detection)
 * @param requestsUnfinished     requests still in flight or waiting when the run ended (counted in the
 *                               request table at the end, not derived from the others)
 * @param asyncEventsReceived    asynchronous events received (AsyncEventsReceived)
 * @param asyncEventsSucceeded   events processed without error on some attempt
 * @param asyncEventsDropped     events given up (AsyncEventsDropped): sent to onFailure if set
 * @param asyncRetries           attempts after a function error (each an invocation, and billed)
 * @param asyncToOnSuccess       events sent to the onSuccess destination
 * @param asyncToOnFailure       events sent to the onFailure destination
 * @param recursionStopped       events for this function stopped by recursion detection (received and dropped at once)
 * @param asyncEventAgeMeanMs    mean age of events when an attempt started (AsyncEventAge)
 * @param asyncEventAgeMaxMs     the oldest event when an attempt started
 * @param asyncEventLatencyMs    from an event's arrival to the successful end of its last attempt
 * @param asyncEventsWaitingMean time-weighted mean of events waiting in the function's queue
 * @param asyncEventsWaitingMax  most events waiting at once
 * @param syncCalls              synchronous calls this function made to others
 * @param asyncCalls             asynchronous calls (events) this function made to others
 * @param callsFailed            synchronous calls of this function that failed
 */
public record FunctionEvents(long requestsDone, long requestsFailed, long requestsDropped, long requestsUnfinished,
                             long asyncEventsReceived, long asyncEventsSucceeded, long asyncEventsDropped,
                             long asyncRetries, long asyncToOnSuccess, long asyncToOnFailure, long recursionStopped,
                             double asyncEventAgeMeanMs, double asyncEventAgeMaxMs,
                             DistributionSummary asyncEventLatencyMs, double asyncEventsWaitingMean,
                             long asyncEventsWaitingMax, long syncCalls, long asyncCalls, long callsFailed) {
}
