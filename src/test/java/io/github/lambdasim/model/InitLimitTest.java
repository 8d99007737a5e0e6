package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The init limits (Lambda Developer Guide, "Understanding the Lambda execution environment
 * lifecycle", Init phase; LAMBDA-FACTS.md "Init phase limit"): an on-demand init longer than 10 s
 * stops at 10 s and is retried inside the first invocation, under the function timeout, so a
 * 15 s init with a 3 s timeout fails every time; a provisioned environment's init may run 130 s,
 * or the function timeout when longer, and fails and starts again beyond. The stopped init is
 * billed as INIT where the era bills INIT (current: yes; 2019: not for managed runtimes); the
 * retried one is part of the invocation's duration and billed in every era.
 */
class InitLimitTest {
    private static final String ON_DEMAND = """
            name: init-limit
            duration: 10m
            platform: %s
            functions:
              - name: f
                runtime: java11
                memorySize: 1024
                timeout: %s
                coldStart: {constant: %s}
                handler: {duration: 100ms}
            traffic:
              - {function: f, constant: {rate: 1/min}}
            """;

    @Test
    void aFifteenSecondInitWithAThreeSecondTimeoutFailsEveryTime() {
        // Every request (10, one a minute) is a cold start: init stops at 10 s, the retry runs
        // into the 3 s timeout, and the timeout resets the environment. Latency 10 s + 3 s.
        // Billed (current: INIT billed): 10 s + 3 s = 13,000 ms each, 130,000 ms in all.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(ON_DEMAND.formatted("current", "3s", "15s")), 0));
        assertEquals(10, f.invocations());
        assertEquals(10, f.coldStarts());
        assertEquals(10, f.timeouts());
        assertEquals(10, f.errors());
        assertEquals(130_000_000L, f.billedMicros());
        assertEquals(100_000_000L, f.billedInitMicros());
        assertEquals(13_000, f.latencyMs().max(), 1e-9);
    }

    @Test
    void underThe2019RulesOnlyTheRetryInsideTheInvocationIsBilled() {
        // 2019: INIT unbilled for managed runtimes; the 3 s the retry ran inside the invocation is
        // its duration, billed: 10 x 3,000 ms.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(ON_DEMAND.formatted("\"2019\"", "3s", "15s")), 0));
        assertEquals(10, f.timeouts());
        assertEquals(30_000_000L, f.billedMicros());
        assertEquals(0, f.billedInitMicros());
    }

    @Test
    void aTwelveSecondInitFinishesInsideALongTimeoutAndTheEnvironmentStaysWarm() {
        // Init stops at 10 s, the retry (12 s) and the handler (100 ms) fit in the 30 s timeout:
        // the first request waits 10 + 12 + 0.1 = 22.1 s and is billed 22,100 ms; the other nine
        // are warm, 100 ms each: 23,000 ms in all.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(ON_DEMAND.formatted("current", "30s", "12s")), 0));
        assertEquals(10, f.invocations());
        assertEquals(1, f.coldStarts());
        assertEquals(0, f.errors());
        assertEquals(23_000_000L, f.billedMicros());
        assertEquals(22_100, f.latencyMs().max(), 1e-9);
    }

    @Test
    void anInitUnderTheLimitIsUntouched() {
        // 9 s: one cold start of 9 s + 100 ms, then nine warm: 9,100 + 900 = 10,000 ms.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(ON_DEMAND.formatted("current", "3s", "9s")), 0));
        assertEquals(1, f.coldStarts());
        assertEquals(0, f.errors());
        assertEquals(10_000_000L, f.billedMicros());
    }

    private static final String PROVISIONED = """
            name: provisioned-init-limit
            duration: 10m
            platform: {preset: current, maxLifetime: %s}
            functions:
              - name: f
                runtime: java11
                memorySize: 1024
                timeout: %s
                coldStart: {constant: 200s}
                provisionedConcurrency: 1
                handler: {duration: 100ms}
            traffic:
              - {function: f, constant: {rate: 1/min, start: 1h}}
            """;

    @Test
    void aProvisionedInitPastTheLimitFailsAtItAndStartsAgain() {
        // The environment is ready at 0 and recycled at 2 min; its 200 s init fails at 130 s
        // (4:10, 6:20, 8:30; the fourth is under way at the end). Each failed init is billed at the
        // provisioned duration rate: 3 x 130 s = 390 s x 1 GB x $0.0000097222 = $0.0037916580.
        RunResult run = Scenarios.run(Scenarios.parse(PROVISIONED.formatted("2m", "3s")), 0);
        FunctionResult f = Scenarios.only(run);
        assertEquals(390_000_000L, f.provisionedBilledMicros());
        assertEquals(0, new BigDecimal("0.0037916580").compareTo(run.bill().period().exactUsd().provisionedCompute()));
    }

    @Test
    void aProvisionedInitMayRunAsLongAsALongerTimeout() {
        // Timeout 300 s: the limit is 300 s, and the 200 s init succeeds. Lifetime 4 min, counted
        // from the start of an init: recycled at 4:00, ready at 7:20, recycled at 8:00 and still
        // initializing at the end (an init under way at the end is not billed): 200 s billed.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(PROVISIONED.formatted("4m", "300s")), 0));
        assertEquals(200_000_000L, f.provisionedBilledMicros());
    }
}
