package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous invocation against exact references: events that never find capacity are given up
 * exactly at their maximum age and cost nothing; with error rate p and r retries an event takes
 * (1 - p^(r+1)) / (1 - p) invocations on average and is dropped with probability p^(r+1); Little's
 * law on the function's queue; every request ends exactly once.
 */
class AsyncInvocationTest {

    @Test
    void withoutCapacityEveryEventIsDroppedExactlyAtItsMaximumAgeAndNothingIsBilled() {
        // Constant traffic: an event every 0.1 s from t = 0; the run ends at 10 minutes.
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: no-capacity
                duration: 10m
                platform: {preset: current, events: {throttleBackoff: {jitter: 0}}}
                functions:
                  - name: sink
                    reservedConcurrency: 0
                    async: {maximumEventAge: 60s, onFailure: dlq}
                    handler: {duration: {constant: 100ms}}
                traffic:
                  - {function: sink, invocation: async, constant: {rate: 10/s}}
                """), 0);
        FunctionResult f = Scenarios.only(run);
        FunctionEvents e = f.events();
        // Arrivals at k x 0.1 s; those before 540 s reach 60 s of age within the run.
        assertEquals(6000, e.asyncEventsReceived());
        assertEquals(5400, e.asyncEventsDropped());
        assertEquals(5400, e.asyncToOnFailure());
        assertEquals(600, e.requestsUnfinished());
        assertEquals(0, f.invocations());
        assertEquals(0, run.bill().period().exactUsd().total().compareTo(BigDecimal.ZERO), "throttled attempts are free");
        // Backoff 1, 2, 4 ... 32 s, then the event's age: 6 attempts before it is given up at 60 s.
        assertEquals(6000L * 6 - 600 * 6 + throttlesOfTheLastMinute(), f.throttles());
        for (TraceResult t : run.traces()) {
            TraceResult.Request r = t.requests().get(0);
            assertEquals("dropped", r.outcome());
            assertEquals(60_000_000L, r.endMicros() - r.arrivalMicros(), "given up exactly at its maximum age");
        }
        assertTrue(Invariants.check(run).isEmpty(), Invariants.check(run).toString());
    }

    @Test
    void theJitteredBackoffStaysBetweenHalfItsWaitsAndAllOfThem() {
        // The same events with the preset's jitter (each wait drawn between half its nominal value and
        // that value, never below 1 s): attempts at ages 0, 1, then after waits of 1-2, 2-4, 4-8, 8-16,
        // 16-32 s. Within 60 s that is 6 attempts when every wait is whole, 7 when every wait is half
        // (0, 1, 2, 4, 8, 16, 32), never fewer or more.
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: no-capacity-jitter
                duration: 10m
                functions:
                  - name: sink
                    reservedConcurrency: 0
                    async: {maximumEventAge: 60s}
                    handler: {duration: {constant: 100ms}}
                traffic:
                  - {function: sink, invocation: async, constant: {rate: 10/s, end: 9m}}
                """), 0);
        FunctionResult f = Scenarios.only(run);
        assertEquals(5400, f.events().asyncEventsDropped(), "every event is given up within the run");
        double perEvent = f.throttles() / 5400.0;
        assertTrue(perEvent > 6 && perEvent < 7, "attempts per dropped event: " + perEvent);
        assertTrue(Invariants.check(run).isEmpty(), Invariants.check(run).toString());
    }

    /** Throttled attempts of events that arrived in the last minute: at 0, 1, 3, 7, 15, 31 s of age. */
    private static long throttlesOfTheLastMinute() {
        long n = 0;
        for (int k = 5400; k < 6000; k++) {
            double left = 600 - k * 0.1;
            for (double age : new double[] {0, 1, 3, 7, 15, 31}) {
                if (age < left - 1e-9) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void invocationsPerEventAreTheTruncatedGeometricMean() {
        double p = 0.3;
        int retries = 2;
        // Events for 5 hours of a 6-hour run: every event has finished when the run ends.
        ScenarioSpec spec = Scenarios.parse("""
                name: retries
                duration: 6h
                seed: 5
                functions:
                  - name: worker
                    memorySize: 512
                    async: {maximumRetryAttempts: 2}
                    handler: {duration: {constant: 50ms}, errorRate: 0.3}
                traffic:
                  - {function: worker, invocation: async, poisson: {rate: 2/s, end: 5h}}
                """);
        int replications = 6;
        double[] perEvent = new double[replications];
        double[] dropped = new double[replications];
        for (int r = 0; r < replications; r++) {
            RunResult run = Scenarios.run(spec, r);
            FunctionResult f = Scenarios.only(run);
            FunctionEvents e = f.events();
            assertEquals(0, e.requestsUnfinished());
            assertEquals(e.asyncEventsReceived(), e.asyncEventsSucceeded() + e.asyncEventsDropped());
            assertEquals(f.invocations(), e.asyncEventsReceived() + e.asyncRetries(), "every retry is an invocation");
            perEvent[r] = (double) f.invocations() / e.asyncEventsReceived();
            dropped[r] = (double) e.asyncEventsDropped() / e.asyncEventsReceived();
            assertTrue(Invariants.check(run).isEmpty(), Invariants.check(run).toString());
        }
        double expected = (1 - Math.pow(p, retries + 1)) / (1 - p);
        ConfidenceInterval ci = ConfidenceInterval.of(perEvent, 0.999);
        assertTrue(ci.contains(expected), "expected " + expected + " invocations per event, simulated " + ci);
        ConfidenceInterval drops = ConfidenceInterval.of(dropped, 0.999);
        assertTrue(drops.contains(Math.pow(p, retries + 1)), "expected p^3 dropped, simulated " + drops);
    }

    @Test
    void littlesLawHoldsOnTheQueue() {
        // A burst far above the reserved concurrency: events wait for capacity (no errors, no drops).
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: queue
                duration: 2h
                seed: 9
                functions:
                  - name: thumbnails
                    memorySize: 1024
                    reservedConcurrency: 10
                    handler: {duration: {lognormal: {median: 400ms, p99: 1500ms}}}
                traffic:
                  - {function: thumbnails, invocation: async, poisson: {rate: 60/s, end: 2m}}
                  - {function: thumbnails, invocation: async, poisson: {rate: 5/s}}
                """), 0);
        FunctionResult f = Scenarios.only(run);
        FunctionEvents e = f.events();
        assertEquals(0, e.asyncEventsDropped());
        assertTrue(e.asyncEventsWaitingMax() > 1000, "the burst must queue: " + e.asyncEventsWaitingMax());
        // Each event waits from its arrival to the attempt that runs: its age then. The queue's
        // time-weighted level integrates the same waits, measured apart.
        double seconds = run.simulatedMicros() / 1e6;
        long started = e.asyncEventsReceived() - e.requestsUnfinished();
        double lambdaW = started / seconds * e.asyncEventAgeMeanMs() / 1000;
        // Events still waiting at the end add a little to the level only: a few, at 5/s.
        assertEquals(lambdaW, e.asyncEventsWaitingMean(), 0.002 * lambdaW + 0.01);
    }

    @Test
    void theResponseOfAnAsynchronousEntryPointIncludesItsQueueTimeAndRetries() {
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: event-latency
                duration: 1h
                seed: 2
                functions:
                  - name: f
                    handler: {duration: {constant: 100ms}, errorRate: 0.2}
                traffic:
                  - {function: f, invocation: async, poisson: {rate: 1/s, end: 50m}}
                """), 0);
        FunctionEvents e = Scenarios.only(run).events();
        EntryPointResult entry = run.entryPoints().get(0);
        // A retried event waits at least a minute: the mean is well above the handler's 100 ms.
        assertTrue(e.asyncEventLatencyMs().mean() > 100 + 0.15 * 60_000, e.asyncEventLatencyMs().toString());
        assertEquals(e.asyncEventLatencyMs().count(), entry.endToEndMs().count());
        assertEquals(e.asyncEventLatencyMs().mean(), entry.endToEndMs().mean(), 1e-9);
        assertEquals(entry.requests(), entry.succeeded() + entry.failed() + entry.unfinished());
        assertEquals(List.of("cold", "warm", "retried", "failed"),
                run.traces().stream().map(TraceResult::kind).toList());
    }

    @Test
    void theSlowestFollowedTreeIsKeptWhenABacklogBuildsLater() {
        // One environment for 1.2 events a second of 1 s each: the queue grows all run long, so the
        // trees of the first seconds are the fastest, and later ones wait minutes.
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: backlog
                duration: 30m
                seed: 4
                functions:
                  - name: f
                    reservedConcurrency: 1
                    handler: {duration: {constant: 1s}}
                traffic:
                  - {function: f, invocation: async, poisson: {rate: 1.2/s, end: 20m}}
                """), 0);
        TraceResult slowest = run.traces().stream().filter(t -> t.kind().equals("slowest")).findFirst().orElseThrow();
        for (TraceResult t : run.traces()) {
            if (t != slowest) {
                assertTrue(t.endMicros() - t.startMicros() < slowest.endMicros() - slowest.startMicros(), t.kind());
            }
        }
        // Followed at the 2nd, 4th, 8th ... arrival, after the trees kept by kind were found.
        for (TraceResult t : run.traces()) {
            assertTrue(t == slowest || t.startMicros() < slowest.startMicros(), t.kind());
        }
        assertTrue(slowest.endMicros() - slowest.startMicros() > 10_000_000L, "waited for the backlog");
        assertEquals(List.of(), Invariants.check(run));
    }
}
