package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls between functions against exact references. With constant step times and cold starts
 * every invocation's times follow by hand: a synchronous call adds the callee's latency (its cold
 * start included) to the caller's duration, and the caller is billed for the wait; parallel calls
 * cost the slowest, sequential ones the sum; an asynchronous invoke costs only its round trips.
 * A throttled call is tried 3 times by the SDK with full-jitter backoffs (uniform in [0, 1 s] and
 * [0, 2 s]), a function error is not retried, and a failed call fails the caller unless it says
 * {@code errorOnCallFailure: false}.
 */
class FunctionCallsTest {
    private static final long MS = 1000;

    private static FunctionResult function(RunResult run, String name) {
        return run.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static TraceResult trace(RunResult run, String kind) {
        return run.traces().stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static void invariantsHold(RunResult run) {
        assertEquals(List.of(), Invariants.check(run));
    }

    // ------------------------------------------------------------------ a synchronous call

    /** api at 1,769 MB (one vCPU: cpu steps take their time): 10 ms cpu, 20 ms io, a call to b, 5 ms cpu. */
    private static final String SYNC_CALL = """
            name: sync-call
            duration: 10s
            billing: {freeTier: false}
            functionDefaults: {coldStart: {constant: 200ms}}
            functions:
              - name: api
                memorySize: 1769
                handler:
                  steps:
                    - cpu: 10ms
                    - io: {name: db, latency: {constant: 20ms}}
                    - invoke: {function: b}
                    - cpu: 5ms
              - name: b
                handler: {duration: {constant: 30ms}}
            traffic:
              - {function: api, constant: {rate: 1/s}}
            """;

    @Test
    void aSynchronousCallAddsTheCalleesLatencyColdStartIncludedToTheCallersDuration() {
        RunResult run = Scenarios.run(Scenarios.parse(SYNC_CALL), 0);
        invariantsHold(run);
        FunctionResult api = function(run, "api");
        FunctionResult b = function(run, "b");
        // Arrivals at 0, 1, ..., 9 s; each is done 465 ms (cold) or 65 ms later.
        assertEquals(10, api.invocations());
        assertEquals(10, b.invocations());
        assertEquals(1, api.coldStarts());
        assertEquals(1, b.coldStarts());
        // The first: api's init 200, its 30 ms of steps, b cold (200 + 30), 5 ms: duration 265 ms.
        // Then b is warm: 10 + 20 + 30 + 5 = 65 ms.
        assertEquals((265 + 9 * 65) / 10.0, api.durationMs().mean(), 1e-9);
        assertEquals(30, b.durationMs().mean(), 1e-9);
        assertEquals((230 + 9 * 30) / 10.0, b.latencyMs().mean(), 1e-9);
        assertEquals(10, api.events().syncCalls());
        assertEquals(0, api.events().callsFailed());
        assertEquals(10, b.events().requestsDone());

        TraceResult cold = trace(run, "cold");
        assertEquals(List.of("api", "b"), cold.requests().stream().map(TraceResult.Request::function).toList());
        TraceResult.Request root = cold.requests().get(0);
        TraceResult.Request call = cold.requests().get(1);
        assertEquals("call", call.kind());
        assertEquals(0, call.cause());
        assertEquals(List.of(new TraceResult.Attempt(0, 200 * MS, 465 * MS, "ok")), root.attempts());
        // b is called when api's first segment ends: after its init and 30 ms of steps.
        assertEquals(230 * MS, call.arrivalMicros());
        assertEquals(List.of(new TraceResult.Attempt(230 * MS, 200 * MS, 460 * MS, "ok")), call.attempts());
        TraceResult warm = trace(run, "warm");
        long t = warm.startMicros();
        assertEquals(new TraceResult.Attempt(t, 0, t + 65 * MS, "ok"), warm.requests().get(0).attempts().get(0));
        assertEquals(new TraceResult.Attempt(t + 30 * MS, 0, t + 60 * MS, "ok"), warm.requests().get(1).attempts().get(0));

        EntryPointResult entry = run.entryPoints().get(0);
        assertEquals(10, entry.succeeded());
        assertEquals(1, entry.coldTrees());
        assertEquals((465 + 9 * 65) / 10.0, entry.responseMs().mean(), 1e-9);
        assertEquals(entry.responseMs().mean(), entry.endToEndMs().mean(), 1e-9, "nothing outlives the caller");
    }

    @Test
    void theCallerIsBilledForItsWait() {
        RunResult run = Scenarios.run(Scenarios.parse(SYNC_CALL), 0);
        FunctionResult api = function(run, "api");
        FunctionResult b = function(run, "b");
        // Current rules: 1 ms rounding, INIT billed. api: (200 + 265) + 9 x 65 ms; b: (200 + 30) + 9 x 30 ms.
        assertEquals(1050 * MS, api.billedMicros());
        assertEquals(200 * MS, api.billedInitMicros());
        assertEquals(500 * MS, b.billedMicros());
        double apiGbSeconds = 1.050 * 1769 / 1024;
        double bGbSeconds = 0.500 * 128 / 1024;
        assertEquals(apiGbSeconds, api.gbSeconds(), 1e-12);
        assertEquals(bGbSeconds, b.gbSeconds(), 1e-12);
        // No free tier, far below the first tier's end: $0.0000166667 per GB-s, $0.20 per million requests.
        var apiBill = run.bill().function("api").period().exactUsd();
        var bBill = run.bill().function("b").period().exactUsd();
        assertEquals(apiGbSeconds * 0.0000166667, apiBill.compute().doubleValue(), 1e-15);
        assertEquals(bGbSeconds * 0.0000166667, bBill.compute().doubleValue(), 1e-15);
        assertEquals(10 * 0.20e-6, apiBill.requests().doubleValue(), 1e-15);
        assertEquals(10 * 0.20e-6, bBill.requests().doubleValue(), 1e-15);
        // The wait is what makes api's bill: without it api would be billed 200 + 10 x 35 ms.
        assertEquals(b.latencyMs().mean() * 10 * MS, api.billedMicros() - (200 + 10 * 35) * MS, 1e-6);
    }

    @Test
    void withRandomStepsTheCallersMeanDurationIsItsOwnStepsPlusTheCalleesMeanLatency() {
        // Lognormal own steps (mean = median x exp(sigma^2 / 2)) and callee.
        ScenarioSpec spec = Scenarios.parse("""
                name: sync-call-random
                duration: 20m
                functions:
                  - name: api
                    memorySize: 1769
                    timeout: 60s
                    handler:
                      steps:
                        - cpu: {exponential: {mean: 12ms}}
                        - invoke: {function: b}
                        - io: {name: db, latency: {uniform: {min: 10ms, max: 30ms}}}
                  - name: b
                    handler: {duration: {lognormal: {median: 40ms, p99: 300ms}}}
                traffic:
                  - {function: api, poisson: {rate: 5/s, end: 19m}}
                """);
        int replications = 6;
        double[] own = new double[replications];
        for (int r = 0; r < replications; r++) {
            RunResult run = Scenarios.run(spec, r);
            FunctionResult api = function(run, "api");
            FunctionResult b = function(run, "b");
            assertEquals(api.invocations(), b.invocations(), "one call each, all done");
            // Every invocation of b is one of api's calls, waited for whole: api's time without them.
            double apiTotal = api.durationMs().mean() * api.invocations();
            double bTotal = b.latencyMs().mean() * b.invocations();
            own[r] = (apiTotal - bTotal) / api.invocations();
            invariantsHold(run);
        }
        ConfidenceInterval ci = ConfidenceInterval.of(own, 0.999);
        // Without the wait in api's duration this would be 32 ms less b's mean latency (about 60 ms).
        assertTrue(ci.contains(12 + 20), "api's own steps: expected 32 ms, simulated " + ci);
    }

    @Test
    void aCallFromInitIsWaitedForInTheColdStartOnly() {
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: init-call
                duration: 10s
                functionDefaults: {coldStart: {constant: 200ms}}
                functions:
                  - name: api
                    memorySize: 1769
                    init:
                      - cpu: 40ms
                      - invoke: {function: config}
                      - wait: 10ms
                    handler: {duration: {constant: 30ms}}
                  - name: config
                    handler: {duration: {constant: 50ms}}
                traffic:
                  - {function: api, constant: {rate: 1/s, end: 5s}}
                """), 0);
        invariantsHold(run);
        FunctionResult api = function(run, "api");
        FunctionResult config = function(run, "config");
        assertEquals(5, api.invocations());
        assertEquals(1, api.coldStarts());
        assertEquals(1, config.invocations(), "one call, from the one cold start");
        // Init: 200 ms of platform, 40 ms of CPU, config cold (200 + 50 ms), 10 ms; the handler's 30 ms after.
        assertEquals(500, api.initDurationMs().mean(), 1e-9);
        assertEquals(30, api.durationMs().mean(), 1e-9);
        assertEquals(500 * MS, api.billedInitMicros());
        assertEquals((530 + 4 * 30) * MS, api.billedMicros());
        TraceResult cold = trace(run, "cold");
        assertEquals(List.of(new TraceResult.Attempt(0, 500 * MS, 530 * MS, "ok")), cold.requests().get(0).attempts());
        assertEquals(240 * MS, cold.requests().get(1).arrivalMicros());
        assertEquals(1, trace(run, "warm").requests().size());
    }

    // ------------------------------------------------------------------ several calls

    private static String threeCalls(boolean parallel) {
        return """
                name: three-calls
                duration: 30s
                functionDefaults: {coldStart: {constant: 200ms}}
                functions:
                  - name: api
                    memorySize: 1769
                    handler:
                      steps:
                        - cpu: 10ms
                        - invoke: {function: b, calls: 3, parallel: %s}
                        - cpu: 5ms
                  - name: b
                    handler: {duration: {constant: 30ms}}
                traffic:
                  - {function: api, constant: {rate: 1/s, end: 20s}}
                """.formatted(parallel);
    }

    @Test
    void parallelCallsCostTheSlowestAndSequentialOnesTheSum() {
        RunResult parallel = Scenarios.run(Scenarios.parse(threeCalls(true)), 0);
        RunResult sequential = Scenarios.run(Scenarios.parse(threeCalls(false)), 0);
        invariantsHold(parallel);
        invariantsHold(sequential);
        for (RunResult run : List.of(parallel, sequential)) {
            assertEquals(20, function(run, "api").invocations());
            assertEquals(3 * 20, function(run, "b").requests());
            assertEquals(3 * 20, function(run, "b").invocations());
            assertEquals(3 * 20, function(run, "api").events().syncCalls());
        }
        // Parallel: three cold environments at once for the first request (wait 230 ms), then 30 ms.
        assertEquals(3, function(parallel, "b").coldStarts());
        assertEquals((15 + 230 + 19 * (15 + 30)) / 20.0, function(parallel, "api").durationMs().mean(), 1e-9);
        // One after another: one environment, cold once: 230 + 30 + 30 ms, then 3 x 30 ms.
        assertEquals(1, function(sequential, "b").coldStarts());
        assertEquals((15 + 290 + 19 * (15 + 90)) / 20.0, function(sequential, "api").durationMs().mean(), 1e-9);
        TraceResult warm = trace(sequential, "warm");
        long t = warm.startMicros();
        assertEquals(4, warm.requests().size());
        for (int k = 1; k <= 3; k++) {
            TraceResult.Request call = warm.requests().get(k);
            long start = t + (10 + 30 * (k - 1)) * MS;
            assertEquals(List.of(new TraceResult.Attempt(start, 0, start + 30 * MS, "ok")), call.attempts(), "call " + k);
        }
    }

    // ------------------------------------------------------------------ throttled calls: the SDK's retries

    private static String throttled(boolean errorOnCallFailure) {
        return """
                name: throttled-call
                duration: 20m
                seed: %d
                functionDefaults: {coldStart: {constant: 200ms}}
                functions:
                  - name: api
                    memorySize: 1769
                    timeout: 10s
                    errorOnCallFailure: %s
                    handler:
                      steps:
                        - cpu: 10ms
                        - invoke: {function: b}
                        - cpu: 5ms
                  - name: b
                    reservedConcurrency: 0
                    handler: {duration: {constant: 30ms}}
                traffic:
                  - {function: api, poisson: {rate: 0.5/s, end: 19m}}
                """.formatted(errorOnCallFailure ? 3 : 4, errorOnCallFailure);
    }

    @Test
    void aThrottledCallIsTriedThreeTimesThenFailsTheCaller() {
        RunResult run = Scenarios.run(Scenarios.parse(throttled(true)), 0);
        invariantsHold(run);
        FunctionResult api = function(run, "api");
        FunctionResult b = function(run, "b");
        long calls = api.invocations();
        assertTrue(calls > 450, "about 570 requests: " + calls);
        assertEquals(calls, api.requests(), "every request done before the end");
        assertEquals(calls, b.requests());
        assertEquals(3 * calls, b.throttles(), "3 attempts per call");
        assertEquals(0, b.invocations());
        assertEquals(calls, b.events().requestsFailed());
        assertEquals(calls, api.events().callsFailed());
        assertEquals(calls, api.errors(), "a failed call fails the caller");
        assertEquals(calls, api.events().requestsFailed());
        EntryPointResult entry = run.entryPoints().get(0);
        assertEquals(calls, entry.failed());
        assertEquals(2 * calls, entry.retries(), "two SDK retries per call");
        // The caller ends at the third throttle: 10 ms of steps, then backoffs U(0, 1 s) + U(0, 2 s).
        double meanWait = backoffMeanMs(api, 10);
        checkBackoffs(api, 10, meanWait);
    }

    @Test
    void withErrorOnCallFailureFalseTheCallerGoesOnAfterTheFailedCall() {
        RunResult run = Scenarios.run(Scenarios.parse(throttled(false)), 0);
        invariantsHold(run);
        FunctionResult api = function(run, "api");
        FunctionResult b = function(run, "b");
        long calls = api.invocations();
        assertEquals(3 * calls, b.throttles());
        assertEquals(calls, api.events().callsFailed());
        assertEquals(0, api.errors(), "the caller handles the failure");
        assertEquals(calls, api.events().requestsDone());
        assertEquals(calls, run.entryPoints().get(0).failed(), "the tree still holds a failed request");
        // All its steps run: 15 ms, plus the two backoffs.
        checkBackoffs(api, 15, backoffMeanMs(api, 15));
    }

    /** The mean of the caller's durations without its own steps. */
    private static double backoffMeanMs(FunctionResult api, double ownMs) {
        return api.durationMs().mean() - ownMs;
    }

    /**
     * The caller's duration is its own steps plus two backoffs, uniform in [0, 1 s] and [0, 2 s]:
     * between own and own + 3 s, of mean own + 1.5 s and variance (1 + 4) / 12 s^2.
     */
    private static void checkBackoffs(FunctionResult api, double ownMs, double meanWaitMs) {
        assertTrue(api.durationMs().max() <= ownMs + 3000 + 3, "at most 3 s of backoff: " + api.durationMs());
        assertTrue(api.durationMs().p50() >= ownMs, api.durationMs().toString());
        double se = Math.sqrt(5.0 / 12) * 1000 / Math.sqrt(api.invocations());
        assertEquals(1500, meanWaitMs, 4 * se, "mean backoff over " + api.invocations() + " calls");
    }

    // ------------------------------------------------------------------ function errors: no SDK retry

    @Test
    void aCalleesFunctionErrorIsNotRetriedAndFailsTheCaller() {
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: callee-errors
                duration: 1m
                functionDefaults: {coldStart: {constant: 200ms}}
                functions:
                  - name: api
                    memorySize: 1769
                    handler:
                      steps:
                        - cpu: 10ms
                        - invoke: {function: b}
                        - cpu: 5ms
                  - name: b
                    handler: {duration: {constant: 30ms}, errorRate: 1.0}
                traffic:
                  - {function: api, constant: {rate: 2/s, end: 50s}}
                """), 0);
        invariantsHold(run);
        FunctionResult api = function(run, "api");
        FunctionResult b = function(run, "b");
        assertEquals(100, api.invocations());
        assertEquals(100, b.invocations(), "one invocation per call: Lambda answers a function error with 200");
        assertEquals(100, b.errors());
        assertEquals(0, b.throttles());
        assertEquals(100, b.events().requestsFailed());
        assertEquals(100, api.errors());
        assertEquals(100, api.events().callsFailed());
        assertEquals(0, run.entryPoints().get(0).retries());
        // The caller fails as soon as the call returns: 10 + 30 ms (the first: b cold, 10 + 230 ms).
        assertEquals((240 + 99 * 40) / 100.0, api.durationMs().mean(), 1e-9);
    }

    @Test
    void aCalleeTimeoutIsNotRetriedEither() {
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: callee-timeout
                duration: 1m
                functionDefaults: {coldStart: {constant: 200ms}}
                functions:
                  - name: api
                    timeout: 10s
                    errorOnCallFailure: false
                    handler:
                      steps:
                        - invoke: {function: b}
                        - wait: 5ms
                  - name: b
                    timeout: 1s
                    handler: {duration: {constant: 2s}}
                traffic:
                  - {function: api, constant: {rate: 1/s, end: 30s}}
                """), 0);
        invariantsHold(run);
        FunctionResult api = function(run, "api");
        FunctionResult b = function(run, "b");
        assertEquals(30, b.invocations());
        assertEquals(30, b.timeouts());
        assertEquals(30, api.events().callsFailed());
        assertEquals(0, api.errors());
        // A timeout resets b's environment: every call is a cold start, 200 ms + 1 s.
        assertEquals(30, b.coldStarts());
        assertEquals(1205, api.durationMs().mean(), 1e-9);
    }

    // ------------------------------------------------------------------ asynchronous calls

    private static String fanOut(boolean parallel) {
        return """
                name: fan-out
                duration: 1m
                functionDefaults: {coldStart: {constant: 200ms}}
                functions:
                  - name: api
                    memorySize: 1769
                    handler:
                      steps:
                        - cpu: 10ms
                        - invoke: {functions: [a, b, c], mode: async, latency: {constant: 20ms}, parallel: %s}
                        - cpu: 5ms
                  - {name: a, handler: {duration: {constant: 500ms}}}
                  - {name: b, handler: {duration: {constant: 300ms}}}
                  - {name: c, handler: {duration: {constant: 100ms}}}
                traffic:
                  - {function: api, constant: {rate: 1/s, end: 40s}}
                """.formatted(parallel);
    }

    @Test
    void anAsynchronousFanOutCostsTheCallerOnlyItsRoundTrips() {
        RunResult sequential = Scenarios.run(Scenarios.parse(fanOut(false)), 0);
        RunResult parallel = Scenarios.run(Scenarios.parse(fanOut(true)), 0);
        for (RunResult run : List.of(sequential, parallel)) {
            invariantsHold(run);
            FunctionResult api = function(run, "api");
            assertEquals(40, api.invocations());
            assertEquals(3 * 40, api.events().asyncCalls());
            assertEquals(0, api.events().syncCalls());
            for (String callee : List.of("a", "b", "c")) {
                FunctionResult f = function(run, callee);
                assertEquals(40, f.events().asyncEventsReceived(), callee);
                assertEquals(40, f.invocations(), callee);
                assertEquals(40, f.events().requestsDone(), callee);
            }
            assertEquals(40, run.entryPoints().get(0).succeeded());
        }
        // One round trip per callee, one after another (3 x 20 ms), or all at once (20 ms);
        // the callees' seconds are not the caller's.
        assertEquals(15 + 60, function(sequential, "api").durationMs().max(), 0.1);
        assertEquals(15 + 60, function(sequential, "api").durationMs().mean(), 1e-9);
        assertEquals(15 + 20, function(parallel, "api").durationMs().mean(), 1e-9);
        // The tree ends with a's event: sent when the round trips end, then 500 ms (warm).
        EntryPointResult entry = sequential.entryPoints().get(0);
        TraceResult warm = trace(sequential, "warm");
        long t = warm.startMicros();
        assertEquals(t + 75 * MS, warm.requests().get(0).endMicros());
        for (TraceResult.Request r : warm.requests().subList(1, 4)) {
            assertEquals("async", r.kind());
            assertEquals(t + 70 * MS, r.arrivalMicros(), "the events go out when the round trips end");
        }
        assertEquals(t + 570 * MS, warm.endMicros());
        // The first tree: api and a cold (200 ms each): 200 + 70 + 200 + 500 ms.
        assertEquals((970 + 39 * 570) / 40.0, entry.endToEndMs().mean(), 1e-9);
        assertEquals((275 + 39 * 75) / 40.0, entry.responseMs().mean(), 1e-9);
    }
}
