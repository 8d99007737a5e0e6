package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.report.ReportLines;
import org.junit.jupiter.api.Test;

/**
 * What one invocation costs and how it ends: init steps run only on cold starts (and are billed
 * per the era), a timeout stops the invocation at the timeout, bills it, counts it and resets
 * the environment; running out of memory fails and resets; errors keep the environment; the
 * REPORT line has Lambda's format.
 */
class InvocationOutcomeTest {
    private static final String BASE = """
            name: outcome
            duration: 1h
            platform: %s
            functions:
              - name: f
                memorySize: 1769
                timeout: 3s
                coldStart: {constant: 100ms}
                init:
                  - cpu: 400ms
                  - io: {name: connect, latency: 50ms}
                handler:
                  steps:
                    - cpu: 20ms
                    - io: {name: query, calls: 2, mode: sequential, latency: 15ms}
            traffic:
              - {function: f, constant: {rate: 10/s}}
            """;

    @Test
    void initStepsRunOnlyOnColdStarts() {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BASE.formatted("current")), 0));
        // 1,769 MB is one vCPU: init = 100 ms platform + 400 ms CPU + 50 ms; handler = 20 + 2 x 15 ms.
        assertEquals(550.0, f.initDurationMs().mean(), 1e-9);
        assertEquals(50.0, f.durationMs().max(), 1e-9);
        assertEquals(50.0, f.durationMs().mean(), 1e-9);
        assertEquals(f.coldStarts(), f.initDurationMs().count());
        // Latency: 600 ms on a cold start, 50 ms warm.
        assertEquals(600.0, f.latencyMs().max(), 1e-9);
        assertEquals(50.0, f.latencyMs().p50(), 0.05);
        // Current rules bill init with the invocation: 600 ms per cold start, 50 ms warm.
        assertEquals(f.coldStarts() * 600_000 + (f.invocations() - f.coldStarts()) * 50_000, f.billedMicros());
        assertEquals(f.coldStarts() * 550_000, f.billedInitMicros());
    }

    @Test
    void era2019RoundsTo100msAndDoesNotBillInit() {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BASE.formatted("2019"),
                "functions.f.memorySize=1792"), 0));
        assertEquals(f.invocations() * 100_000, f.billedMicros());
        assertEquals(0, f.billedInitMicros());
        // GB-s: 100 ms x 1,792 / 1,024 GB per invocation.
        assertEquals(f.invocations() * 0.1 * 1792 / 1024.0, f.gbSeconds(), 1e-9);
    }

    @Test
    void timeoutStopsBillsCountsAndResets() {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BASE.formatted("current"),
                "functions.f.handler={duration: 5s}", "traffic[0].constant.rate=6/min"), 0));
        assertEquals(f.invocations(), f.timeouts());
        assertEquals(f.invocations(), f.errors());
        assertEquals(3000.0, f.durationMs().max(), 1e-9);
        assertEquals(3000.0, f.durationMs().mean(), 1e-9);
        // Every environment is reset after its timeout, so every invocation is a cold start.
        assertEquals(f.invocations(), f.coldStarts());
        assertEquals(f.invocations(), f.environmentsReset());
        assertEquals(f.invocations() * 3_000_000 + f.coldStarts() * 550_000, f.billedMicros());
    }

    @Test
    void outOfMemoryFailsAndResets() {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BASE.formatted("current"),
                "functions.f.handler.memoryUsedMb={uniform: {min: 1500, max: 2000}}"), 0));
        // Memory used above 1,769 MB: (2000 - 1769) / 500 = 46.2% of invocations.
        double oom = f.environmentsReset() / (double) f.invocations();
        assertEquals(0.462, oom, 0.02);
        assertEquals(f.environmentsReset(), f.errors());
        assertEquals(0, f.timeouts());
    }

    @Test
    void errorsKeepTheEnvironment() {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BASE.formatted("current"),
                "functions.f.handler.errorRate=0.1"), 0));
        double rate = f.errors() / (double) f.invocations();
        double se = Math.sqrt(0.1 * 0.9 / f.invocations());
        assertEquals(0.1, rate, 4.5 * se);
        assertEquals(0, f.environmentsReset());
        assertTrue(f.coldStarts() < 30, "errors do not cause cold starts: " + f.coldStarts());
    }

    @Test
    void reportLineHasLambdasFormat() {
        assertEquals("REPORT RequestId: 3f1b2c4d-0000-4000-8000-000000000000\tDuration: 976.25 ms\tBilled Duration: 977 ms"
                        + "\tMemory Size: 128 MB\tMax Memory Used: 90 MB\tInit Duration: 430.47 ms",
                ReportLines.line("3f1b2c4d-0000-4000-8000-000000000000", 976_250, 977_000, 128, 90, 430_470));
        assertEquals("REPORT RequestId: x\tDuration: 12.00 ms\tBilled Duration: 12 ms\tMemory Size: 1024 MB",
                ReportLines.line("x", 12_000, 12_000, 1024, 0, -1));
        String id = ReportLines.requestId(42, 0, 7);
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        assertTrue(!id.equals(ReportLines.requestId(42, 0, 8)));
    }
}
