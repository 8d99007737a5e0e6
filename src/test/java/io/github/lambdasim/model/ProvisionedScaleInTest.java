package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Scaling provisioned concurrency in while its environments are busy never lets the function run
 * more requests at once than its reserved concurrency: the requests still finishing on
 * environments that were scaled in count against it until they complete.
 */
class ProvisionedScaleInTest {
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
}
