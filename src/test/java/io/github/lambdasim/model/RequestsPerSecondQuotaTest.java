package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lambdasim.stats.Metric;
import org.junit.jupiter.api.Test;

/**
 * The requests-per-second quota (Lambda Developer Guide, "Lambda quotas"): synchronous requests
 * on demand are limited to 10 x the account's concurrency limit a second, and those served by
 * provisioned environments to 10 x the function's provisioned concurrency (beyond it a request
 * spills over to on-demand environments); beyond the on-demand quota a 429,
 * counted as a throttle and apart as {@code throttlesRps}. The quota is counted in fixed
 * one-second windows of the clock, so with evenly spaced requests each second admits exactly
 * the quota.
 */
class RequestsPerSecondQuotaTest {
    @Test
    void twentyThousandRequestsASecondOnAnAccountOfOneThousandThrottleHalf() {
        // Issue 14's probe: 20,000 requests/s of 1 ms for 10 s, account concurrency 1,000: the quota is
        // 10,000/s, so 100,000 of the 200,000 run and 100,000 are throttled, all by the quota (the work
        // needs 20 concurrent executions, far below the 1,000).
        String yaml = """
                name: rps
                duration: 10s
                account: {concurrencyLimit: 1000}
                functions:
                  - name: f
                    coldStart: {constant: 0ms}
                    handler: {duration: 1ms}
                traffic:
                  - {function: f, constant: {rate: 20000/s}}
                """;
        RunResult r = new Simulation(Scenarios.parse(yaml), 0, 1_000_000L, ProgressListener.NONE).run();
        FunctionResult f = Scenarios.only(r);
        assertEquals(200_000, f.requests());
        assertEquals(100_000, f.invocations());
        assertEquals(100_000, f.throttles());
        assertEquals(100_000, f.throttlesRps());
        for (int p = 0; p < 10; p++) {
            assertEquals(10_000, r.series().get(0, Metric.THROTTLES_RPS, p), "second " + p);
        }
        // The quota follows the account's limit: at 2,500 it is 25,000/s, above the traffic.
        FunctionResult raised = Scenarios.only(Scenarios.run(Scenarios.parse(yaml, "account.concurrencyLimit=2500"), 0));
        assertEquals(0, raised.throttles());
        // platform.requestsPerSecondPerConcurrency: 0 lifts the quota.
        FunctionResult none = Scenarios.only(Scenarios.run(Scenarios.parse(yaml.replace("duration: 10s",
                "duration: 10s\nplatform: {preset: current, requestsPerSecondPerConcurrency: 0}")), 0));
        assertEquals(0, none.throttles());
    }

    @Test
    void concurrencyThrottlesAreNotCountedAsQuotaThrottles() {
        // 100 simultaneous requests of 10 s on a function reserved to 40: 60 throttles, none by the quota
        // (100 requests in the second, far below 10,000).
        String yaml = """
                name: concurrency
                duration: 20s
                functions:
                  - name: f
                    reservedConcurrency: 40
                    timeout: 30s
                    coldStart: {constant: 0ms}
                    handler: {duration: 10s}
                traffic:
                  - {function: f, constant: {rate: 100000/s, start: 0s, end: 1ms}}
                """;
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(yaml), 0));
        assertEquals(60, f.throttles());
        assertEquals(0, f.throttlesRps());
    }

    @Test
    void provisionedEnvironmentsServeTenTimesTheirConcurrencyASecond() {
        // Provisioned concurrency 10 (ready within the 2-minute allocation delay at most): 300 requests/s of
        // 1 ms for 10 s from 150 s, each finding an idle provisioned environment; the quota for them is
        // 10 x 10 = 100/s, so 1,000 run on them and the other 2,000 spill over to on-demand environments,
        // as requests do when the provisioned ones are busy (the on-demand quota, 10,000/s, holds none).
        String yaml = """
                name: provisioned
                duration: 170s
                functions:
                  - name: f
                    provisionedConcurrency: 10
                    coldStart: {constant: 0ms}
                    handler: {duration: 1ms}
                traffic:
                  - {function: f, constant: {rate: 300/s, start: 150s, end: 160s}}
                """;
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(yaml), 0));
        assertEquals(3_000, f.requests());
        assertEquals(1_000, f.provisionedInvocations());
        assertEquals(3_000, f.invocations());
        assertEquals(0, f.throttles());
        assertEquals(0, f.throttlesRps());
    }

    @Test
    void asynchronousEventsAreNotHeldToTheQuota() {
        // 20,000 events/s of 1 ms for 2 s on an account of 1,000: all run (the quota counts synchronous requests).
        String yaml = """
                name: async
                duration: 3s
                account: {concurrencyLimit: 1000}
                functions:
                  - name: f
                    coldStart: {constant: 0ms}
                    handler: {duration: 1ms}
                traffic:
                  - {function: f, invocation: async, constant: {rate: 20000/s, start: 0s, end: 2s}}
                """;
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(yaml), 0));
        assertEquals(40_000, f.invocations());
        assertEquals(0, f.throttlesRps());
    }
}
