package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scaling limits: a burst of simultaneous long requests admits exactly what each era's scaling
 * rule allows (current: 1,000 environments per function; 2019: the region's account-wide burst)
 * and throttles the rest; concurrency limits cap admissions the same way.
 */
class ScalingTest {
    /** 5,000 requests evenly spread over five milliseconds, each running a minute. */
    private static final String BURST = """
            name: burst
            duration: 2m
            platform: %s
            region: %s
            account: {concurrencyLimit: 20000}
            functions:
              - name: f
                timeout: 900s
                coldStart: {constant: 100ms}
                handler: {duration: 60s}
            traffic:
              - {function: f, constant: {rate: 1000000/s, start: 0s, end: 5ms}}
            """;

    @ParameterizedTest
    @CsvSource({"current, us-east-1, 1000", "current, eu-west-1, 1000", "2019, us-east-1, 3000", "2019, eu-west-1, 3000",
        "'{preset: \"2019\", scaling: {burst: {us-east-1: 1000}}}', us-east-1, 1000",
        "'{preset: \"2019\", scaling: {burst: 500}}', us-east-1, 500"})
    void burstAdmitsTheScalingAllowance(String platform, String region, long admitted) {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BURST.formatted(platform, region)), 0));
        assertEquals(5000, f.requests());
        assertEquals(admitted, f.coldStarts());
        assertEquals(5000 - admitted, f.throttles());
        assertEquals(admitted, f.concurrencyMax());
    }

    @Test
    void refillAddsEnvironmentsAtTheEraRate() {
        // Current rules: the bucket of 1,000 refills at 100 per second, so a steady overload
        // admits 1,000 at once and then about 100 more per second.
        String yaml = """
                name: refill
                duration: 30s
                account: {concurrencyLimit: 20000}
                functions:
                  - name: f
                    timeout: 900s
                    coldStart: {constant: 100ms}
                    handler: {duration: 600s}
                traffic:
                  - {function: f, constant: {rate: 10000/s}}
                """;
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(yaml), 0));
        // 1,000 at once, then 100 per second for 30 s: 3,000 more (within one for the last token).
        assertEquals(4000, f.environmentsCreated(), 1);
        assertEquals(0, f.invocations(), "none completes within the run");
        assertEquals(f.environmentsCreated(), f.inFlightAtEnd());
    }

    @Test
    void accountConcurrencyCapsAdmissions() {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BURST.formatted("2019", "us-east-1"),
                "account.concurrencyLimit=800"), 0));
        assertEquals(800, f.coldStarts());
        assertEquals(800, f.concurrencyMax());
    }

    @Test
    void reservedConcurrencyZeroThrottlesEverything() {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BURST.formatted("current", "us-east-1"),
                "functions.f.reservedConcurrency=0"), 0));
        assertEquals(0, f.invocations());
        assertEquals(5000, f.throttles());
    }
}
