package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.AsyncSpec.Destination;
import io.github.lambdasim.scenario.StepSpec.Invoke;
import io.github.lambdasim.scenario.StepSpec.InvokeMode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Event-driven scenarios: asynchronous traffic, a function's async block and errorOnCallFailure,
 * invoke steps (in init and handler) and outages bind to exactly the records written, with the
 * platform's rules as defaults; functionDefaults carries them to listed functions and to those a
 * trace creates; {@code --set} reaches them; the functions named must exist, and synchronous calls
 * must not form a cycle.
 */
class EventScenarioTest {
    private static final long MS = Units.MICROS_PER_MS;
    private static final long MIN = Units.MICROS_PER_MINUTE;
    private static final String YAML = """
            name: events
            duration: 1h
            functions:
              - name: api
                errorOnCallFailure: false
                async:
                  maximumRetryAttempts: 1
                  maximumEventAge: 30m
                  onSuccess: {function: audit}
                  onFailure: dlq
                init:
                  - invoke: {function: config, mode: sync}
                handler:
                  errorRate: 0.01
                  outages:
                    - {at: 40m, for: 5m, errorRate: 1}
                    - {at: 20m, for: 10m, errorRate: 0.3}
                  steps:
                    - cpu: 5ms
                    - invoke: {function: charge}
                    - invoke: {function: email, mode: async}
                    - invoke: {functions: [audit, email, charge], mode: async, latency: {uniform: {min: 10ms, max: 30ms}}}
                    - invoke: {function: charge, calls: 3, parallel: true}
              - {name: charge, handler: {duration: 30ms}}
              - {name: email, handler: {duration: 30ms}}
              - {name: audit, handler: {duration: 30ms}}
              - {name: config, handler: {duration: 30ms}}
            traffic:
              - {function: api, poisson: {rate: 5/s}}
              - {function: email, invocation: async, poisson: {rate: 5/s}}
            """;

    private static ScenarioSpec parse(String yaml, String... overrides) {
        return ScenarioLoader.parse(yaml, "events.yaml", List.of(overrides));
    }

    private static String problems(String yaml, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml, overrides));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    @Test
    void everyKeyBindsToTheRecordsWritten() {
        ScenarioSpec s = parse(YAML);
        FunctionSpec api = s.function("api");
        assertEquals(false, api.errorOnCallFailure());
        assertEquals(new AsyncSpec(1, 30 * MIN, Destination.toFunction("audit"), Destination.outside("dlq")), api.async());
        assertEquals(List.of(new Invoke(List.of("config"), InvokeMode.SYNC, 1, false, null)), api.init());
        assertEquals(List.of(new HandlerSpec.Outage(20 * MIN, 30 * MIN, 0.3), new HandlerSpec.Outage(40 * MIN, 45 * MIN, 1)),
                api.handler().outages(), "in time order");
        assertEquals(0.01, api.handler().errorRate());
        DistributionSpec platformLatency = s.platform().events().asyncInvokeLatencyMicros();
        assertEquals(List.of(
                new StepSpec.Cpu(new DistributionSpec.Constant(5 * MS)),
                new Invoke(List.of("charge"), InvokeMode.SYNC, 1, false, null),
                new Invoke(List.of("email"), InvokeMode.ASYNC, 1, false, platformLatency),
                new Invoke(List.of("audit", "email", "charge"), InvokeMode.ASYNC, 1, false,
                        new DistributionSpec.Uniform(10 * MS, 30 * MS)),
                new Invoke(List.of("charge"), InvokeMode.SYNC, 3, true, null)), api.handler().steps());
        assertEquals(List.of(TrafficSpec.Invocation.SYNC, TrafficSpec.Invocation.ASYNC),
                s.traffic().stream().map(TrafficSpec::invocation).toList());
    }

    @Test
    void withoutTheNewKeysAFunctionTakesThePlatformsDefaults() {
        FunctionSpec charge = parse(YAML).function("charge");
        assertEquals(new AsyncSpec(2, 6 * Units.MICROS_PER_HOUR, null, null), charge.async());
        assertEquals(true, charge.errorOnCallFailure());
        assertEquals(List.of(), charge.handler().outages());
        assertEquals(List.of(), charge.init());
        // The 2019 preset has the same limits; a platform override changes the default retries.
        FunctionSpec overridden = parse(YAML.replace("duration: 1h", "duration: 1h\nplatform: {preset: current, events: "
                + "{maximumRetryAttempts: {default: 0}, maximumEventAge: {max: 2h}}}")).function("charge");
        assertEquals(new AsyncSpec(0, 2 * Units.MICROS_PER_HOUR, null, null), overridden.async());
    }

    @Test
    void functionDefaultsCarryTheNewKeysAndAFunctionsOwnAsyncReplacesTheDefaultsWhole() {
        ScenarioSpec s = parse("""
                name: defaults
                duration: 1h
                functionDefaults:
                  errorOnCallFailure: false
                  async: {maximumRetryAttempts: 0, onFailure: {function: sink}}
                  handler:
                    outages: [{at: 10m, for: 1m, errorRate: 0.5}]
                    steps:
                      - invoke: {function: sink, mode: async}
                functions:
                  - {name: a}
                  - {name: b, async: {maximumEventAge: 1h}}
                  - {name: sink, errorOnCallFailure: true, handler: {duration: 5ms}}
                traffic:
                  - {function: a, poisson: {rate: 1/s}}
                """);
        FunctionSpec a = s.function("a");
        assertEquals(new AsyncSpec(0, 6 * Units.MICROS_PER_HOUR, null, Destination.toFunction("sink")), a.async());
        assertEquals(false, a.errorOnCallFailure());
        assertEquals(List.of(new HandlerSpec.Outage(10 * MIN, 11 * MIN, 0.5)), a.handler().outages());
        assertEquals(List.of(new Invoke(List.of("sink"), InvokeMode.ASYNC, 1, false,
                s.platform().events().asyncInvokeLatencyMicros())), a.handler().steps());
        assertEquals(new AsyncSpec(2, 60 * MIN, null, null), s.function("b").async());
        assertEquals(true, s.function("sink").errorOnCallFailure());
    }

    @Test
    void aWholeAccountReplayCarriesTheDefaultsToEveryFunctionItCreates() {
        ScenarioSpec s = AccountTraceTest.parse("""
                name: account
                duration: 10m
                functionDefaults:
                  errorOnCallFailure: false
                  async: {maximumRetryAttempts: 1, onFailure: dlq}
                  handler: {duration: 5ms, outages: [{at: 2m, for: 1m, errorRate: 0.2}]}
                traffic:
                  - {invocation: async, trace: {file: invocations.csv, rows: all, durations: durations.csv}}
                """);
        assertEquals(4, s.functions().size());
        for (FunctionSpec f : s.functions()) {
            assertEquals(new AsyncSpec(1, 6 * Units.MICROS_PER_HOUR, null, Destination.outside("dlq")), f.async(), f.name());
            assertEquals(false, f.errorOnCallFailure(), f.name());
            // The trace's durations replace the handler's duration; its outages stay.
            assertEquals(List.of(new HandlerSpec.Outage(2 * MIN, 3 * MIN, 0.2)), f.handler().outages(), f.name());
        }
        assertEquals(List.of(TrafficSpec.Invocation.ASYNC), s.traffic().stream().map(TrafficSpec::invocation).distinct().toList());
    }

    @Test
    void setReachesTheNewKeys() {
        ScenarioSpec s = parse(YAML, "functions.api.async.maximumRetryAttempts=0", "functions.charge.async.onFailure=dlq",
                "traffic[1].invocation=sync", "functions.api.errorOnCallFailure=true",
                "functions.api.handler.outages=[{at: 5m, for: 1m, errorRate: 0.9}]");
        FunctionSpec api = s.function("api");
        assertEquals(new AsyncSpec(0, 30 * MIN, Destination.toFunction("audit"), Destination.outside("dlq")), api.async());
        assertEquals(Destination.outside("dlq"), s.function("charge").async().onFailure());
        assertEquals(true, api.errorOnCallFailure());
        assertEquals(List.of(new HandlerSpec.Outage(5 * MIN, 6 * MIN, 0.9)), api.handler().outages());
        assertEquals(TrafficSpec.Invocation.SYNC, s.traffic().get(1).invocation());
        String bad = problems(YAML, "functions.api.async.maximumRetryAttempts=3");
        assertTrue(bad.endsWith("functions[0].async.maximumRetryAttempts: 3 is out of range: expected 0 to 2 (Lambda's limit)"),
                bad);
    }

    @Test
    void aFunctionNamedInFunctionDefaultsIsCheckedOnceThere() {
        // a and b both take the defaults: each problem is said once, where it can be changed.
        assertEquals("""
                events.yaml:4: functionDefaults.async.onSuccess.function: no function named 'adit'; did you mean 'audit'?
                events.yaml:5: functionDefaults.handler.steps[0].invoke.function: no function named 'audti'; did you mean \
                'audit'?""", problems("""
                name: events
                duration: 1h
                functionDefaults:
                  async: {onSuccess: {function: adit}}
                  handler: {steps: [{invoke: {function: audti, mode: async}}]}
                functions: [{name: a}, {name: b}, {name: audit, handler: {duration: 1ms}}]
                traffic: [{function: a, poisson: {rate: 1/s}}]
                """));
    }

    @Test
    void aFunctionWithAProblemOfItsOwnIsStillOneThatCanBeCalled() {
        // b has no handler: that is its one problem, not also "no function named 'b'" at the call.
        assertEquals("events.yaml: functions[1].handler: missing: what the handler does, e.g. handler: {duration: 100ms} "
                + "or handler: {steps: [...]}", problems("""
                name: events
                duration: 1h
                functions:
                  - {name: a, handler: {steps: [{invoke: {function: b}}]}}
                  - {name: b}
                traffic: [{function: a, poisson: {rate: 1/s}}]
                """));
    }

    @Test
    void eachCycleOfSynchronousCallsIsReportedAtTheCallThatClosesIt() {
        String yaml = """
                name: events
                duration: 1h
                functions:
                  - {name: a, handler: {steps: [{invoke: {function: b}}]}}
                  - {name: b, init: [{invoke: {function: c}}], handler: {duration: 1ms}}
                  - {name: c, handler: {steps: [{invoke: {function: a, mode: MODE}}]}}
                  - {name: d, handler: {steps: [{invoke: {function: d}}, {invoke: {function: a}}]}}
                traffic: [{function: a, poisson: {rate: 1/s}}]
                """;
        assertEquals("""
                events.yaml:6: functions[2].handler.steps[0].invoke: functions a -> b -> c -> a call each other \
                synchronously: each would wait for the next and none would return; make one of the calls asynchronous \
                (mode: async)
                events.yaml:7: functions[3].handler.steps[0].invoke: function d calls itself synchronously: it would wait \
                for itself and never return; make the call asynchronous (mode: async)""", problems(yaml.replace("MODE", "sync")));
        // Asynchronous loops are allowed (recursion detection stops them): d calling itself is then the one cycle.
        assertTrue(problems(yaml.replace("MODE", "async")).startsWith("events.yaml:7: functions[3].handler.steps[0].invoke: "
                + "function d calls itself synchronously"));
    }

    @Test
    void aCallToEveryFunctionOfALongCycleNamesTheFirstTen() {
        StringBuilder yaml = new StringBuilder("name: events\nduration: 1h\nfunctions:\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("  - {name: f").append(i).append(", handler: {steps: [{invoke: {function: f").append((i + 1) % 12)
                    .append("}}]}}\n");
        }
        yaml.append("traffic: [{function: f0, poisson: {rate: 1/s}}]\n");
        assertEquals("events.yaml:15: functions[11].handler.steps[0].invoke: functions f0 -> f1 -> f2 -> f3 -> f4 -> f5 "
                + "-> f6 -> f7 -> f8 -> f9 -> ... (2 more) -> f0 call each other synchronously: each would wait for the "
                + "next and none would return; make one of the calls asynchronous (mode: async)", problems(yaml.toString()));
    }
}
