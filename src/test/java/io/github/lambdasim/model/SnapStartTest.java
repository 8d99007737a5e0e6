package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.report.ReportLines;
import org.junit.jupiter.api.Test;

/**
 * SnapStart (Lambda Developer Guide, "Improving startup performance with Lambda SnapStart";
 * LAMBDA-FACTS.md): a cold start restores the snapshot instead of running init (the function's
 * 2 s init ran when the version was published); the restore is not billed, the after-restore
 * hooks are, as init; hooks past 10 s fail the restore, and the invocation with it. REPORT lines
 * show Restore Duration and Billed Restore Duration instead of Init Duration (Lambda Developer
 * Guide, "Monitoring for Lambda SnapStart").
 */
class SnapStartTest {
    private static final String SCENARIO = """
            name: snapstart
            duration: 1h
            functions:
              - name: api
                runtime: java21
                memorySize: 1024
                timeout: 10s
                coldStart: {constant: 2s}
                snapStart: {restore: 200ms, afterRestore: %s}
                handler: {duration: 100ms}
            traffic:
              - {function: api, constant: {rate: 6/h}}
            """;

    @Test
    void aRestoreReplacesTheInitAndOnlyTheHooksAreBilled() {
        // Requests every 10 min, beyond the 5-7 min idle lifetime: all six are cold starts.
        // Latency 200 ms restore + 50 ms hooks + 100 ms = 350 ms (2,100 ms without SnapStart);
        // billed 50 + 100 = 150 ms each, 900 ms in all.
        RunResult run = Scenarios.run(Scenarios.parse(SCENARIO.formatted("50ms")), 0);
        FunctionResult f = Scenarios.only(run);
        assertEquals(6, f.coldStarts());
        String firstLine = ReportLines.render(run).lines().filter(l -> l.contains("REPORT RequestId")).findFirst().orElseThrow();
        assertEquals("Duration: 100.00 ms\tBilled Duration: 150 ms\tMemory Size: 1024 MB\tMax Memory Used: 90 MB"
                + "\tRestore Duration: 250.00 ms\tBilled Restore Duration: 50 ms",
                firstLine.substring(firstLine.indexOf("Duration: ")));
        assertEquals(350, f.latencyMs().max(), 1e-9);
        assertEquals(250, f.initDurationMs().max(), 1e-9);
        assertEquals(900_000L, f.billedMicros());
        assertEquals(300_000L, f.billedInitMicros());
        assertEquals(0, f.errors());
    }

    @Test
    void hooksPastTenSecondsFailTheRestore() {
        // 12 s of hooks stop at 10 s: the invocation fails (a timeout) without running the handler,
        // after 200 ms + 10 s; the 10 s of hooks are billed: 6 x 10,000 ms.
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(SCENARIO.formatted("12s")), 0));
        assertEquals(6, f.errors());
        assertEquals(6, f.timeouts());
        assertEquals(6, f.environmentsReset());
        assertEquals(10_200, f.latencyMs().max(), 1e-9);
        assertEquals(60_000_000L, f.billedMicros());
    }

    /**
     * A Python function with SnapStart is billed its cache and restores (Lambda pricing page, "SnapStart
     * pricing": cache $0.0000015046 per GB-s while the version is active, restore $0.0001397998 per GB
     * restored; none for Java). A run of an hour repeated all month: the version active 730 h, each
     * cold start a restore. At 1,024 MB: cache 1 GB x 2,628,000 s x $0.0000015046 = $3.9540888, and
     * restores 730 x (the run's cold starts) x 1 GB x $0.0001397998.
     */
    @Test
    void pythonSnapStartIsBilledItsCacheAndRestores() {
        RunResult r = Scenarios.run(Scenarios.parse("""
                name: py-snap
                duration: 1h
                seed: 5
                functions:
                  - name: api
                    runtime: python3.12
                    memorySize: 1024
                    snapStart: true
                    handler: {duration: 50ms}
                traffic:
                  - {function: api, poisson: {rate: 1/s}}
                """), 0);
        long restores = Scenarios.only(r).coldStarts();
        assertTrue(restores > 0, "cold starts restore snapshots");
        java.math.BigDecimal expected = new java.math.BigDecimal("2628000").multiply(new java.math.BigDecimal("0.0000015046"))
                .add(java.math.BigDecimal.valueOf(730 * restores).multiply(new java.math.BigDecimal("0.0001397998")));
        assertEquals(0, expected.compareTo(r.bill().month().exactUsd().snapStart().stripTrailingZeros()),
                expected + " against " + r.bill().month().exactUsd().snapStart());
        // The same function in Java: SnapStart has no charge.
        RunResult java = Scenarios.run(Scenarios.parse("""
                name: java-snap
                duration: 1h
                seed: 5
                functions:
                  - name: api
                    runtime: java21
                    memorySize: 1024
                    snapStart: true
                    handler: {duration: 50ms}
                traffic:
                  - {function: api, poisson: {rate: 1/s}}
                """), 0);
        assertEquals(0, java.bill().month().exactUsd().snapStart().signum());
    }
}
