package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.report.ReportLines;
import org.junit.jupiter.api.Test;

/**
 * Max Memory Used in REPORT lines (LAMBDA-FACTS.md, "Out of memory" and the REPORT line): always
 * present, the runtime's default from the platform preset when the function gives no
 * {@code memoryUsedMb} (Python 21 MB, Node.js 44 MB: Cartlidge's hello-world measurements; Java
 * 90 MB, an estimate), never above the memory size; an invocation that runs out of memory is
 * killed when its memory reaches the memory size, reports the memory size, and is billed for the
 * time it ran until then (its use growing steadily: memorySize / memoryUsed of its duration).
 */
class MaxMemoryUsedTest {
    private static final String SCENARIO = """
            name: memory
            duration: 10m
            platform: {preset: current, memoryUsed: {java: 300}}
            functions:
              - name: py
                runtime: python3.12
                coldStart: {constant: 0ms}
                handler: {duration: 1s}
              - name: node
                runtime: nodejs20.x
                coldStart: {constant: 0ms}
                handler: {duration: 1s}
              - name: java
                runtime: java21
                memorySize: 256
                coldStart: {constant: 0ms}
                handler: {duration: 1s}
              - name: oom
                runtime: nodejs20.x
                memorySize: 128
                coldStart: {constant: 0ms}
                handler: {duration: 1s, memoryUsedMb: 256}
            traffic:
              - {function: py, constant: {rate: 1/min}}
              - {function: node, constant: {rate: 1/min}}
              - {function: java, constant: {rate: 1/min}}
              - {function: oom, constant: {rate: 1/min}}
            """;

    @Test
    void everyReportLineCarriesMaxMemoryUsedNeverAboveTheMemorySize() {
        RunResult run = Scenarios.run(Scenarios.parse(SCENARIO), 0);
        InvocationSample s = run.samples();
        // The java preset default is overridden to 300 MB here: a 256 MB function reports 256 MB.
        int[] expected = {21, 44, 256, 128};
        int[] seen = new int[4];
        for (int i = 0; i < s.size(); i++) {
            assertEquals(expected[s.function(i)], s.maxMemoryUsedMb(i), run.functions().get(s.function(i)).name());
            seen[s.function(i)]++;
        }
        for (int f = 0; f < 4; f++) {
            assertTrue(seen[f] > 0, "function " + f + " sampled");
        }
        String log = ReportLines.render(run);
        long lines = log.lines().filter(l -> l.contains("REPORT RequestId")).count();
        assertEquals(s.size(), lines);
        assertEquals(lines, log.lines().filter(l -> l.contains("\tMax Memory Used: ")).count());
        assertEquals(0, run.functions().get(2).errors(), "a preset default above the memory size is no error");
    }

    @Test
    void anOutOfMemoryInvocationIsBilledForTheTimeItRanUntilKilled() {
        // 256 MB wanted of 128 MB: killed after 128 / 256 of its 1 s, 500 ms, an error that resets
        // the environment (so every request is a cold start, of 0 ms). Ten requests: 5,000 ms.
        RunResult run = Scenarios.run(Scenarios.parse(SCENARIO), 0);
        FunctionResult oom = run.functions().get(3);
        assertEquals(10, oom.invocations());
        assertEquals(10, oom.errors());
        assertEquals(10, oom.environmentsReset());
        assertEquals(5_000_000L, oom.billedMicros());
        assertEquals(500, oom.durationMs().max(), 1e-9);
        assertTrue(ReportLines.render(run).contains("Memory Size: 128 MB\tMax Memory Used: 128 MB"));
    }
}
