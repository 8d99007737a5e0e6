package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A function behind API Gateway: the caller gets 504 at the integration timeout (29 s by default,
 * API Gateway quotas; shared/LAMBDA-FACTS.md "API Gateway in front of a synchronous function")
 * while the function runs on and is billed for all of its duration; a REST API may raise the
 * timeout; a function URL has none of its own. Every synchronous request (throttled ones too) is
 * a request of the front door. Constant traffic and constant durations: exact counts.
 */
class FrontDoorTest {
    /** A 35 s report behind a front door, called once a minute for 10 minutes: 10 requests. */
    private static String scenario(String frontDoor, String extraTraffic) {
        return """
                name: front-door
                duration: 10m
                seed: 1
                functions:
                  - name: report
                    runtime: python3.12
                    memorySize: 1024
                    timeout: 60s
                    coldStart: {constant: 0ms}
                    handler: {duration: {constant: 35s}}
                    frontDoor: %s
                  - {name: audit, handler: {duration: 10ms}}
                traffic:
                  - {function: report, constant: {rate: 1/min}}
                %s""".formatted(frontDoor, extraTraffic);
    }

    private static FunctionResult report(RunResult r) {
        return r.functions().get(0);
    }

    @Test
    void aThirtyFiveSecondFunctionBehindAnHttpApiIs504AtTwentyNineSecondsAndBilledThirtyFive() {
        RunResult r = Scenarios.run(Scenarios.parse(scenario("{type: http-api}", "")), 0);
        FunctionResult f = report(r);
        assertEquals(10, f.frontDoor().requests());
        assertEquals(10, f.frontDoor().gatewayTimeouts());
        // The function ran on: 10 invocations, no error of its own, each billed 35 s (35,000 ms).
        assertEquals(10, f.invocations());
        assertEquals(0, f.errors());
        assertEquals(10 * 35_000_000L, f.billedMicros());
        // The front door's month: 10 requests in 10 min -> 43,800 in 730 h, x $1.00 per million =
        // $0.0438 -> $0.04.
        assertEquals(0, new BigDecimal("0.04").compareTo(r.bill().function("report").month().costUsd().frontDoor()));
        assertEquals(0, new BigDecimal("0.0438").compareTo(r.bill().function("report").month().exactUsd().frontDoor()));
    }

    @Test
    void aRestApiWhoseTimeoutIsRaisedAnswersThem() {
        FunctionResult f = report(Scenarios.run(Scenarios.parse(scenario("{type: rest-api, timeout: 40s}", "")), 0));
        assertEquals(10, f.frontDoor().requests());
        assertEquals(0, f.frontDoor().gatewayTimeouts());
        // At 35 s exactly the default REST API timeout (29 s) would not: one second under is answered.
        FunctionResult under = report(Scenarios.run(Scenarios.parse(scenario("{type: rest-api}", ""),
                "functions.report.handler.duration={constant: 28999ms}"), 0));
        assertEquals(0, under.frontDoor().gatewayTimeouts());
    }

    @Test
    void aFunctionUrlHasNoTimeoutOfItsOwn() {
        FunctionResult f = report(Scenarios.run(Scenarios.parse(scenario("{type: function-url}", "")), 0));
        assertEquals(10, f.frontDoor().requests());
        assertEquals(0, f.frontDoor().gatewayTimeouts());
    }

    @Test
    void throttledRequestsAreFrontDoorRequestsToo() {
        // Reserved concurrency 1 and a 35 s function called once a minute: each call finds the one
        // environment free (the previous ended 25 s ago), so nothing is throttled; at twice a minute
        // every second call finds it busy.
        RunResult r = Scenarios.run(Scenarios.parse(scenario("{type: http-api}", ""),
                "functions.report.reservedConcurrency=1", "traffic.0.constant.rate=2/min"), 0);
        FunctionResult f = report(r);
        assertEquals(f.requests(), f.frontDoor().requests());
        assertEquals(20, f.requests());
        assertEquals(10, f.throttles());
    }

    @Test
    void inAnEventDrivenRunTheEntryPointCountsThe504AsFailed() {
        // Asynchronous traffic to another function makes the run event-driven: the report's entry
        // point sees its 10 requests fail (504), while the function's invocations succeed.
        RunResult r = Scenarios.run(Scenarios.parse(scenario("{type: http-api}",
                "  - {function: audit, constant: {rate: 1/min}, invocation: async}\n")), 0);
        EntryPointResult e = r.entryPoints().stream().filter(p -> p.function().equals("report")).findFirst().orElseThrow();
        assertEquals(10, e.requests());
        assertEquals(10, e.failed());
        assertEquals(0, e.succeeded());
        assertEquals(0, report(r).errors());
        assertEquals(10, report(r).frontDoor().gatewayTimeouts());
    }

    @Test
    void aFunctionWithoutAFrontDoorHasNoFrontDoorFigures() {
        RunResult r = Scenarios.run(Scenarios.parse(scenario("{type: http-api}", "  - {function: audit, constant: {rate: 1/min}}\n")), 0);
        assertNull(r.functions().get(1).frontDoor());
        assertEquals(0, r.bill().function("audit").month().exactUsd().frontDoor().signum());
    }
}
