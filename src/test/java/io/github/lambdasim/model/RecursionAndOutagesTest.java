package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recursion detection and outages against exact references. Two functions that send each other
 * an event: with the current preset every chain stops after 16 invocations, the traffic's
 * request included (the 17th event is stopped); with the 2019 preset (no detection) a chain goes on
 * for as long as the run, one hop per handler time. An outage replaces the error rate for the
 * invocations that start in it: errors per period follow the binomial law of their window, and
 * an event's retries and drops follow the error rates at its attempts' start times.
 */
class RecursionAndOutagesTest {
    private static final long MS = 1000;

    private static FunctionResult function(RunResult run, String name) {
        return run.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** a and b: 50 ms of work, then an event for the other (a 20 ms round trip). */
    private static String loop(String platform, String traffic, String duration) {
        return """
                name: loop
                duration: %s
                platform: %s
                functionDefaults: {coldStart: {constant: 100ms}}
                functions:
                  - name: a
                    handler:
                      steps:
                        - wait: 50ms
                        - invoke: {function: b, mode: async, latency: {constant: 20ms}}
                  - name: b
                    handler:
                      steps:
                        - wait: 50ms
                        - invoke: {function: a, mode: async, latency: {constant: 20ms}}
                traffic:
                  - {function: a, constant: %s}
                """.formatted(duration, platform, traffic);
    }

    @Test
    void recursionDetectionStopsEachChainAtSixteenHops() {
        RunResult run = Scenarios.run(Scenarios.parse(loop("current", "{rate: 1/s, end: 60s}", "2m")), 0);
        assertEquals(List.of(), Invariants.check(run));
        FunctionResult a = function(run, "a");
        FunctionResult b = function(run, "b");
        // Per tree: a's request from traffic is the chain's first invocation, then events for b
        // and a in turn; the 16th request (b's) sends an event that would be the 17th: stopped,
        // a request of a's dropped at once, with no attempt.
        assertEquals(60 * 9, a.requests());
        assertEquals(60 * 8, b.requests());
        assertEquals(60 * 8, a.events().asyncEventsReceived());
        assertEquals(60, a.events().asyncEventsDropped());
        assertEquals(60, a.events().requestsDropped());
        assertEquals(60 * 8, b.events().asyncEventsReceived());
        assertEquals(60, a.events().recursionStopped());
        assertEquals(0, b.events().recursionStopped());
        assertEquals(60 * 8, b.events().asyncCalls(), "b's last request of each tree sends the stopped event");
        assertEquals(60 * 8, a.invocations());
        assertEquals(60 * 8, b.invocations());
        assertEquals(0, a.events().requestsUnfinished() + b.events().requestsUnfinished());
        EntryPointResult entry = run.entryPoints().get(0);
        assertEquals(60, entry.requests());
        assertEquals(0, entry.unfinished());
        assertEquals(60, entry.failed(), "a stopped loop is a dropped event in its tree");
        assertEquals(60, entry.dropped());
        for (TraceResult t : run.traces()) {
            assertEquals(17, t.requests().size(), t.kind());
            assertEquals("dropped", t.requests().get(16).outcome(), "the stopped event");
            assertEquals(0, t.omitted());
        }
        // Each tree has a dropped event, so the traces are of failed trees; each ends when its stopped
        // event is dropped, after 16 hops of at least 70 ms.
        for (TraceResult t : run.traces()) {
            assertEquals("failed", t.kind());
            assertEquals(t.endMicros(), t.requests().get(16).endMicros());
            assertTrue(t.endMicros() - t.startMicros() >= 16 * 70 * MS);
        }
    }

    @Test
    void withoutDetectionAChainRunsAsLongAsTheRun() {
        // One request at 0. a cold: its event at 100 + 70 ms; b cold: the next at 170 + 170 ms;
        // from then on both are warm: one hop every 70 ms, at 340 + 70 (k - 2) ms for hop k >= 2.
        RunResult run = Scenarios.run(Scenarios.parse(loop("\"2019\"", "{rate: 1/s, end: 1s}", "9s")), 0);
        assertEquals(List.of(), Invariants.check(run));
        long hops = 2 + (9000 - 340) / 70;
        long requests = hops + 1;
        FunctionResult a = function(run, "a");
        FunctionResult b = function(run, "b");
        assertEquals(126, requests);
        assertEquals(requests, a.requests() + b.requests());
        assertEquals(0, a.events().recursionStopped() + b.events().recursionStopped());
        assertEquals(1, a.events().requestsUnfinished() + b.events().requestsUnfinished(), "the chain's last hop");
        assertEquals(1, run.entryPoints().get(0).unfinished());
        assertEquals(0, run.entryPoints().get(0).succeeded());

        // The same with the current preset stops at 16 requests.
        RunResult detected = Scenarios.run(Scenarios.parse(loop("current", "{rate: 1/s, end: 1s}", "9s")), 0);
        assertEquals(16 + 1, function(detected, "a").requests() + function(detected, "b").requests(),
                "16 invoked and the stopped one");
        assertEquals(1, detected.entryPoints().get(0).failed());

        // And a chain per second of traffic: after 20 s, 20 chains still run, their requests
        // growing with the square of the run's length (about 20 x 21 / 2 x 1 s / 70 ms).
        RunResult growing = Scenarios.run(Scenarios.parse(loop("\"2019\"", "{rate: 1/s}", "20s")), 0);
        assertEquals(20, growing.entryPoints().get(0).unfinished());
        long total = function(growing, "a").requests() + function(growing, "b").requests();
        assertTrue(Math.abs(total - 20 * 21 / 2.0 * 1000 / 70) < 20 * 5, "requests: " + total);
    }

    // ------------------------------------------------------------------ outages

    @Test
    void anOutageRaisesTheErrorShareInItsWindowOnly() {
        // 10 requests a second, 50 ms each: an invocation ends in the one-minute period it started in.
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: outage
                duration: 30m
                seed: 11
                functions:
                  - name: api
                    handler:
                      duration: {constant: 50ms}
                      errorRate: 0.02
                      outages: [{at: 10m, for: 10m, errorRate: 0.3}]
                traffic:
                  - {function: api, constant: {rate: 10/s}}
                """), 0);
        assertEquals(List.of(), Invariants.check(run));
        PeriodSeries series = run.series();
        assertEquals(60_000_000L, series.periodMicros());
        double[] errors = series.series(0, Metric.ERRORS);
        double[] invocations = series.series(0, Metric.INVOCATIONS);
        long inside = 0;
        long insideErrors = 0;
        long outside = 0;
        long outsideErrors = 0;
        for (int p = 0; p < 30; p++) {
            if (p >= 10 && p < 20) {
                inside += (long) invocations[p];
                insideErrors += (long) errors[p];
            } else {
                outside += (long) invocations[p];
                outsideErrors += (long) errors[p];
            }
        }
        assertEquals(6000, inside);
        assertEquals(12000, outside);
        binomial(insideErrors, inside, 0.3, "inside the outage");
        binomial(outsideErrors, outside, 0.02, "outside it");
    }

    /** {@code k} is within 4 standard deviations of Binomial(n, p)'s mean. */
    private static void binomial(long k, long n, double p, String what) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertEquals(n * p, k, 4 * sd, what + ": " + k + " errors of " + n);
    }

    @Test
    void retriesOfEventsFollowTheErrorRateAtEachAttemptsStart() {
        // An event every 200 ms until 25 minutes, 50 ms each; an outage from 10 to 20 minutes.
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: outage-events
                duration: 30m
                seed: 12
                functionDefaults: {coldStart: {constant: 100ms}}
                functions:
                  - name: worker
                    async: {maximumRetryAttempts: 2}
                    handler:
                      duration: {constant: 50ms}
                      errorRate: 0.02
                      outages: [{at: 10m, for: 10m, errorRate: 0.3}]
                traffic:
                  - {function: worker, invocation: async, constant: {rate: 5/s, end: 25m}}
                """), 0);
        assertEquals(List.of(), Invariants.check(run));
        FunctionEvents e = Scenarios.only(run).events();
        assertEquals(7500, e.asyncEventsReceived());
        assertEquals(0, e.requestsUnfinished());
        // Attempt 1 at t, the retry a minute after its end (t + 60.05 s), the second two minutes
        // after that one's end (t + 180.1 s); a retry or a cold start that shifts an attempt by
        // 100 ms across an edge of the window changes a probability for a handful of events only.
        double retries = 0;
        double retriesVar = 0;
        double drops = 0;
        double dropsVar = 0;
        double retriesWithoutOutage = 0;
        for (int k = 0; k < 7500; k++) {
            double t = k * 0.2;
            double p1 = errorRate(t);
            double p2 = errorRate(t + 60.05);
            double p3 = errorRate(t + 180.1);
            double x = p1 + p1 * p2;
            retries += x;
            retriesVar += p1 + 3 * p1 * p2 - x * x;
            double d = p1 * p2 * p3;
            drops += d;
            dropsVar += d * (1 - d);
            retriesWithoutOutage += 0.02 + 0.02 * 0.02;
        }
        assertEquals(retries, e.asyncRetries(), 4 * Math.sqrt(retriesVar), "retries (expected " + retries + ")");
        assertEquals(drops, e.asyncEventsDropped(), 4 * Math.sqrt(dropsVar) + 1, "dropped (expected " + drops + ")");
        assertTrue(e.asyncRetries() > 4 * retriesWithoutOutage, e.asyncRetries() + " vs " + retriesWithoutOutage);
        assertEquals(Scenarios.only(run).invocations(), e.asyncEventsReceived() + e.asyncRetries());
    }

    private static double errorRate(double seconds) {
        return seconds >= 600 && seconds < 1200 ? 0.3 : 0.02;
    }
}
