package io.github.lambdasim.model;

import java.util.List;

/**
 * One tree of requests followed whole, in the manner of an X-Ray trace: each request of the tree
 * (the entry point's, the calls and events it caused), when it arrived, what caused it, and each
 * attempt to run it.
 *
 * @param entryPoint     the traffic source the tree came from
 * @param kind           why it was kept: {@code cold} (a cold start in it), {@code warm}, {@code retried}
 *                       or {@code failed} (a failed request or a dropped event in it)
 * @param requestNumber  the root request's number over the run (as in REPORT lines)
 * @param requests       the requests, the root first, each after the one that caused it
 * @param omitted        requests of the tree not recorded (beyond {@link TraceSampler#MAX_REQUESTS})
 */
public record TraceResult(String entryPoint, String kind, long requestNumber, List<Request> requests, int omitted) {
    public TraceResult {
        requests = List.copyOf(requests);
    }

    /** When the tree began: its root's arrival. */
    public long startMicros() {
        return requests.get(0).arrivalMicros();
    }

    /** When the tree was done: the last end of any of its requests. */
    public long endMicros() {
        long end = startMicros();
        for (Request r : requests) {
            end = Math.max(end, r.endMicros());
        }
        return end;
    }

    /**
     * One request of the tree.
     *
     * @param function     the function it invoked
     * @param kind         {@code sync} (from traffic), {@code call} (a synchronous call), {@code async} (an event)
     * @param cause        the index of the request that made it (its caller, or the sender of the event), -1 for the root
     * @param arrivalMicros when it arrived (for an event: entered the function's queue)
     * @param endMicros    when it ended
     * @param outcome      {@code done}, {@code failed} or {@code dropped}
     * @param attempts     its attempts, in order
     */
    public record Request(String function, String kind, int cause, long arrivalMicros, long endMicros, String outcome,
                          List<Attempt> attempts) {
        public Request {
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * One attempt of a request: throttled (no invocation: start = end), or an invocation with its
     * init (on a cold start) and its end.
     *
     * @param initMicros the init time of a cold start, 0 otherwise
     * @param outcome    {@code ok}, {@code error}, {@code timeout} or {@code throttled}
     */
    public record Attempt(long startMicros, long initMicros, long endMicros, String outcome) {
    }
}
