package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run invariants hold on every bundled scenario (shortened where long) and on scenarios that
 * push each mechanism to its limits (throttling, resets, provisioned scale-in and scale-out, auto
 * scaling, the 2019 account-wide burst, requests cut by the end of the run, lifetimes shorter
 * than init, draws wide enough to overflow a clock); and the check finds
 * a result whose counts do not add up.
 */
class InvariantsTest {
    static Stream<Path> bundled() throws IOException {
        return Files.list(Path.of("scenarios")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void holdOnEveryBundledScenario(Path file) {
        ScenarioSpec full = ScenarioLoader.load(file, List.of());
        // Long scenarios are cut to keep the suite fast; the invariants do not depend on length.
        ScenarioSpec spec = full.expectedRequests() > 1e6 ? ScenarioLoader.load(file, List.of(Scenarios.shortened(full)))
                : full;
        RunResult run = Scenarios.run(spec, 0);
        assertEquals(List.of(), Invariants.check(run), file.toString());
    }

    static Stream<String> stressed() {
        return Stream.of(
                // Saturated reserved concurrency, timeouts and out-of-memory resets, errors.
                """
                name: saturated
                duration: 15m
                functions:
                  - name: api
                    reservedConcurrency: 50
                    timeout: 2s
                    handler:
                      duration: {lognormal: {median: 400ms, p99: 5s}}
                      memoryUsedMb: {uniform: {min: 100, max: 140}}
                      errorRate: 0.05
                traffic:
                  - {function: api, poisson: {rate: 200/s}}
                """,
                // Provisioned concurrency scheduled in and out under load, within reserved concurrency.
                """
                name: schedule
                duration: 30m
                functions:
                  - name: api
                    reservedConcurrency: 120
                    timeout: 60s
                    provisionedConcurrency: {schedule: [{at: 5m, level: 100}, {at: 12m, level: 5}, {at: 20m, level: 60}], initial: 30}
                    handler: {duration: {uniform: {min: 5s, max: 30s}}}
                traffic:
                  - {function: api, poisson: {rate: 10/s}}
                """,
                // Auto scaling on a diurnal load, beside an unreserved function sharing the account.
                """
                name: autoscaling
                duration: 1h
                account: {concurrencyLimit: 400}
                functions:
                  - name: api
                    provisionedConcurrency: {autoscaling: {min: 5, max: 200, targetUtilization: 0.6}}
                    timeout: 30s
                    handler: {duration: {uniform: {min: 1s, max: 20s}}}
                  - name: worker
                    handler: {duration: {exponential: {mean: 2s}}}
                traffic:
                  - {function: api, diurnal: {mean: 15/s, amplitude: 14/s, period: 20m}}
                  - {function: worker, spike: {at: 10m, for: 5m, rate: 300/s}}
                """,
                // 2019 rules: an account-wide burst shared by three functions; long requests cut at the end.
                """
                name: burst-2019
                duration: 10m
                platform: 2019
                region: eu-west-1
                account: {concurrencyLimit: 5000}
                functions:
                  - {name: a, timeout: 900s, handler: {duration: {uniform: {min: 1m, max: 14m}}}}
                  - {name: b, reservedConcurrency: 300, handler: {duration: 800ms}}
                  - {name: c, memorySize: 3008, handler: {duration: {normal: {mean: 100ms, sd: 80ms}}}}
                traffic:
                  - {function: a, spike: {at: 1m, for: 1m, rate: 100/s}}
                  - {function: b, constant: {rate: 500/s}}
                  - {function: c, ramp: {from: 0/s, to: 2000/s, start: 0s, end: 10m}}
                """,
                // Provisioned environments whose maximum lifetime is shorter than their init.
                """
                name: short-lived
                duration: 10m
                platform: {preset: current, maxLifetime: 1ms, idleLifetime: 1ms}
                functions:
                  - name: api
                    provisionedConcurrency: 20
                    init: [{cpu: 1s}]
                    handler: {duration: 50ms}
                traffic:
                  - {function: api, poisson: {rate: 30/s}}
                """,
                // Draws so wide that a sum of them would overflow the clock: cut, never wrapped. (Each
                // request is a cold start whose init stops at the 10 s limit and draws 300,000 calls.)
                """
                name: overflow
                duration: 10m
                platform: {preset: current, idleLifetime: {lognormal: {median: 1us, p99: 366d}}}
                functions:
                  - name: api
                    coldStart: {lognormal: {median: 1us, p99: 366d}}
                    init:
                      - io: {name: a, calls: 100000, latency: 366d}
                      - io: {name: b, calls: 100000, latency: 366d}
                      - io: {name: c, calls: 100000, latency: {exponential: {mean: 366d}}}
                    handler: {duration: {lognormal: {mean: 1ms, sd: 366d}}}
                traffic:
                  - {function: api, poisson: {rate: 1/s}}
                """);
    }

    @ParameterizedTest
    @MethodSource("stressed")
    void holdWhenEveryMechanismIsPushed(String yaml) {
        RunResult run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Scenarios.run(Scenarios.parse(yaml), 0));
        assertEquals(List.of(), Invariants.check(run));
    }

    @Test
    void aResultWhoseCountsDoNotAddUpIsCaught() throws ReflectiveOperationException {
        RunResult run = Scenarios.run(Scenarios.parse("""
                name: small
                duration: 5m
                functions:
                  - {name: api, reservedConcurrency: 10, handler: {duration: 100ms}}
                traffic:
                  - {function: api, poisson: {rate: 20/s}}
                """), 0);
        assertEquals(List.of(), Invariants.check(run));
        FunctionResult f = Scenarios.only(run);

        List<String> extraRequest = Invariants.check(with(run, copy(f, "requests", f.requests() + 1)));
        assertTrue(extraRequest.contains("api: requests = invocations + throttles + inFlightAtEnd does not hold: "
                + (f.requests() + 1) + " vs " + f.requests()), extraRequest.toString());
        assertTrue(extraRequest.contains("api: the periods' Requests add up to " + f.requests() + ", the run's total is "
                + (f.requests() + 1)), extraRequest.toString());

        List<String> aboveLimit = Invariants.check(with(run, copy(f, "concurrencyMax", 11L)));
        assertTrue(aboveLimit.contains("api: concurrency.max 11 is above reserved concurrency 10"), aboveLimit.toString());

        List<String> negative = Invariants.check(with(run, copy(f, "environmentsReset", -1L)));
        assertTrue(negative.contains("api: environments.reset = -1 is negative"), negative.toString());

        List<String> lostEnvironment = Invariants.check(with(run, copy(f, "environmentsReclaimed", f.environmentsReclaimed() + 1)));
        assertTrue(lostEnvironment.stream().anyMatch(v -> v.startsWith(
                "api: environments created + aliveAtStart = reclaimed + recycled + reset + aliveAtEnd does not hold")), lostEnvironment.toString());
    }

    private static RunResult with(RunResult r, FunctionResult f) {
        return new RunResult(r.scenario(), r.seed(), r.replication(), r.simulatedMicros(), List.of(f), r.account(), r.series(),
                r.samples(), r.bill(), r.events(), r.wallSeconds(), r.entryPoints(), r.traces());
    }

    /** A copy of a record with one component replaced (by name, so new components do not break the test). */
    private static FunctionResult copy(FunctionResult f, String component, Object value) throws ReflectiveOperationException {
        RecordComponent[] components = FunctionResult.class.getRecordComponents();
        List<Object> args = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean replace = components[i].getName().equals(component);
            found |= replace;
            args.add(replace ? value : components[i].getAccessor().invoke(f));
        }
        assertTrue(found, component);
        Constructor<FunctionResult> c = FunctionResult.class.getDeclaredConstructor(types);
        return c.newInstance(args.toArray());
    }
}
