package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Changing provisioned concurrency under load never lets a function run more requests at once
 * than its limit (reserved concurrency, or the account's unreserved pool): after a scale-in the
 * requests still finishing on removed environments count until they complete; after a
 * scale-out, provisioned environments take requests only while on-demand ones admitted under
 * the lower level leave room.
 */
class ProvisionedLimitsTest {
    @Test
    void concurrencyStaysWithinReservedWhileScaledInEnvironmentsFinish() {
        RunResult r = Scenarios.run(Scenarios.parse("""
                name: scale-in
                duration: 20m
                functions:
                  - name: api
                    reservedConcurrency: 100
                    timeout: 60s
                    provisionedConcurrency: {schedule: [{at: 10m, level: 10}], initial: 90}
                    handler: {duration: {uniform: {min: 20s, max: 40s}}}
                traffic:
                  - {function: api, poisson: {rate: 50/s}}
                """), 0);
        FunctionResult f = Scenarios.only(r);
        assertEquals(100, f.concurrencyMax(), "saturated, and never above reserved concurrency");
        assertTrue(f.throttles() > 0);
    }

    @Test
    void theSameHoldsForTheUnreservedPool() {
        RunResult r = Scenarios.run(Scenarios.parse("""
                name: scale-in-unreserved
                duration: 20m
                account: {concurrencyLimit: 200}
                functions:
                  - name: api
                    timeout: 60s
                    provisionedConcurrency: {schedule: [{at: 10m, level: 10}], initial: 90}
                    handler: {duration: {uniform: {min: 20s, max: 40s}}}
                traffic:
                  - {function: api, poisson: {rate: 50/s}}
                """), 0);
        assertEquals(200, Scenarios.only(r).concurrencyMax());
    }

    @Test
    void scaleOutWhileOnDemandRequestsRunStaysWithinReserved() {
        RunResult r = Scenarios.run(Scenarios.parse("""
                name: scale-out
                duration: 20m
                functions:
                  - name: api
                    reservedConcurrency: 120
                    timeout: 60s
                    provisionedConcurrency: {schedule: [{at: 5m, level: 100}], initial: 30}
                    handler: {duration: {uniform: {min: 20s, max: 40s}}}
                traffic:
                  - {function: api, poisson: {rate: 20/s}}
                """), 0);
        assertEquals(120, Scenarios.only(r).concurrencyMax());
        RunResult unreserved = Scenarios.run(Scenarios.parse("""
                name: scale-out-unreserved
                duration: 20m
                account: {concurrencyLimit: 220}
                functions:
                  - name: api
                    timeout: 60s
                    provisionedConcurrency: {schedule: [{at: 5m, level: 100}], initial: 30}
                    handler: {duration: {uniform: {min: 20s, max: 40s}}}
                traffic:
                  - {function: api, poisson: {rate: 20/s}}
                """), 0);
        assertEquals(220, Scenarios.only(unreserved).concurrencyMax());
    }
}
