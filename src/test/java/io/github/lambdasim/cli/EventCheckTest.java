package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --check} on an event-driven scenario (calls given up by the SDK, a fan-out, retried
 * events sent to onFailure, a loop stopped by recursion detection, an outage): every invariant
 * holds, including that each request and each tree ends once.
 */
class EventCheckTest {
    private static final String SCENARIO = """
            name: event-check
            duration: 1m
            seed: 7
            functions:
              - name: api
                timeout: 30s
                handler:
                  steps:
                    - cpu: 5ms
                    - invoke: {functions: [email, audit], mode: async}
                    - invoke: {function: pay, calls: 2, parallel: true}
                  outages: [{at: 20s, for: 20s, errorRate: 0.3}]
              - name: pay
                reservedConcurrency: 1
                handler: {duration: {uniform: {min: 50ms, max: 150ms}}}
              - name: email
                async: {maximumRetryAttempts: 1, onFailure: {function: dlq}}
                handler:
                  steps:
                    - wait: 30ms
                    - invoke: {function: email, mode: async}
                  errorRate: 0.3
              - name: audit
                async: {onSuccess: archive}
                handler: {duration: {exponential: {mean: 30ms}}}
              - {name: dlq, handler: {duration: 10ms}}
            traffic:
              - {function: api, poisson: {rate: 5/s}}
            """;

    @TempDir
    Path dir;

    @Test
    void everyInvariantHoldsOnAnEventDrivenRun() throws IOException {
        Path file = dir.resolve("event-check.yaml");
        Files.writeString(file, SCENARIO);
        Cli r = Cli.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--no-report", "--check");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("Check: every invariant holds (counts add up, limits respected, nothing negative)."
                + System.lineSeparator()), r.out());
        // The run was event-driven: its summary has the entry point and the stopped loop.
        assertTrue(r.out().contains("api/poisson"), r.out());
        assertTrue(Files.exists(dir.resolve("out").resolve("data").resolve("traces.json")));
    }
}
