package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conservation in an event-driven run where every mechanism is at work (SDK retries that give up,
 * sequential calls cut short by a failure, a fan-out, retried events and their onFailure
 * destination, a loop stopped by recursion detection, an outage, requests cut by the end of the
 * run): each function receives exactly the requests the others made for it, every request ends
 * once, and the invariant check holds; and it catches a result whose counts do not add up.
 */
class EventConservationTest {
    static final String MIXED = """
            name: mixed
            duration: 5m
            seed: 3
            functions:
              - name: api
                timeout: 30s
                handler:
                  steps:
                    - cpu: 5ms
                    - invoke: {functions: [email, audit], mode: async}
                    - invoke: {function: pay, calls: 3}
                    - io: {name: db, latency: {lognormal: {median: 10ms, p99: 50ms}}}
                  outages: [{at: 2m, for: 1m, errorRate: 0.2}]
              - name: pay
                reservedConcurrency: 1
                handler: {duration: {uniform: {min: 50ms, max: 150ms}}}
              - name: email
                async: {maximumRetryAttempts: 1, onFailure: {function: dlq}}
                handler: {duration: {constant: 40ms}, errorRate: 0.4}
              - name: audit
                async: {onSuccess: archive-bucket}
                handler: {duration: {exponential: {mean: 30ms}}}
              - name: dlq
                handler: {duration: {constant: 10ms}}
              - name: x
                handler:
                  steps:
                    - wait: {uniform: {min: 10ms, max: 200ms}}
                    - invoke: {function: y, mode: async}
              - name: y
                handler:
                  steps:
                    - wait: 20ms
                    - invoke: {function: x, mode: async}
            traffic:
              - {function: api, poisson: {rate: 4/s}}
              - {function: x, invocation: async, poisson: {rate: 0.5/s}}
            """;

    /** One run of {@link #MIXED}, shared by the tests (they only read it). */
    private static RunResult mixed;

    private static synchronized RunResult mixed() {
        if (mixed == null) {
            mixed = Scenarios.run(Scenarios.parse(MIXED), 0);
        }
        return mixed;
    }

    private static FunctionResult function(RunResult run, String name) {
        return run.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyFunctionReceivesTheRequestsTheOthersMadeForIt() {
        RunResult run = mixed();
        assertEquals(List.of(), Invariants.check(run));
        FunctionResult api = function(run, "api");
        FunctionResult pay = function(run, "pay");
        FunctionResult email = function(run, "email");
        FunctionResult audit = function(run, "audit");
        FunctionResult dlq = function(run, "dlq");
        FunctionResult x = function(run, "x");
        FunctionResult y = function(run, "y");
        // The mechanisms are all at work.
        assertTrue(pay.throttles() > 100, "pay saturated: " + pay.throttles());
        assertTrue(api.events().callsFailed() > 10, "calls given up: " + api.events().callsFailed());
        assertTrue(email.events().asyncRetries() > 100, "retries: " + email.events().asyncRetries());
        assertTrue(email.events().asyncToOnFailure() > 10, "to onFailure: " + email.events().asyncToOnFailure());
        assertTrue(x.events().recursionStopped() + y.events().recursionStopped() > 100, "loops stopped");
        assertTrue(x.events().requestsUnfinished() + y.events().requestsUnfinished() > 0, "loops cut by the end");

        // Each callee receives what its callers made for it.
        assertEquals(api.events().syncCalls(), pay.requests(), "api's synchronous calls are pay's requests");
        assertEquals(api.events().asyncCalls(), email.requests() + audit.requests(), "the fan-out");
        assertEquals(email.requests(), audit.requests());
        assertEquals(email.events().asyncEventsReceived(), email.requests());
        assertEquals(email.events().asyncToOnFailure(), dlq.requests());
        assertEquals(email.events().asyncEventsDropped(), email.events().asyncToOnFailure());
        assertEquals(audit.events().asyncEventsSucceeded(), audit.events().asyncToOnSuccess(), "to a place outside");
        assertEquals(0, dlq.events().asyncToOnFailure() + dlq.events().asyncToOnSuccess());
        long loopTraffic = run.entryPoints().get(1).requests();
        assertEquals(loopTraffic + x.events().asyncCalls() + y.events().asyncCalls(),
                x.requests() + y.requests(), "every event of the loop is a request (a stopped one too)");
        assertEquals(run.entryPoints().get(0).requests(), api.requests());

        // Every request ends once: done, failed, dropped, or unfinished at the end.
        for (FunctionResult f : run.functions()) {
            FunctionEvents e = f.events();
            assertEquals(f.requests(), e.requestsDone() + e.requestsFailed() + e.requestsDropped() + e.requestsUnfinished(),
                    f.name());
        }
        // A failed call is pay's failed request; api's errors are its failed calls, its outage errors
        // and its timeouts, and every one is a failed request of api.
        assertEquals(pay.events().requestsFailed(), api.events().callsFailed());
        assertEquals(api.errors(), api.events().requestsFailed());
        for (EntryPointResult e : run.entryPoints()) {
            assertEquals(e.requests(), e.succeeded() + e.failed() + e.unfinished(), e.name());
        }
    }

    @Test
    void theCheckCatchesEventCountsThatDoNotAddUp() throws ReflectiveOperationException {
        RunResult run = mixed();
        assertEquals(List.of(), Invariants.check(run));
        int i = 1;
        FunctionResult pay = run.functions().get(i);
        assertEquals("pay", pay.name());
        FunctionEvents e = pay.events();

        FunctionEvents lost = copy(e, "requestsFailed", e.requestsFailed() - 1);
        List<String> found = Invariants.check(withFunction(run, i, copy(pay, "events", lost)));
        assertTrue(found.contains("pay: requests = done + failed + dropped + unfinished does not hold: " + pay.requests()
                + " vs " + (pay.requests() - 1)), found.toString());

        FunctionResult email = run.functions().get(2);
        FunctionEvents ee = email.events();
        FunctionEvents tooMany = copy(ee, "asyncEventsSucceeded", ee.asyncEventsReceived() - ee.asyncEventsDropped() + 1);
        found = Invariants.check(withFunction(run, 2, copy(email, "events", tooMany)));
        assertTrue(found.stream().anyMatch(v -> v.startsWith("email: asyncEventsSucceeded + asyncEventsDropped ")),
                found.toString());

        EntryPointResult entry = run.entryPoints().get(0);
        List<EntryPointResult> entries = new ArrayList<>(run.entryPoints());
        entries.set(0, copy(entry, "succeeded", entry.succeeded() + 1));
        found = Invariants.check(new RunResult(run.scenario(), run.seed(), run.replication(), run.simulatedMicros(),
                run.functions(), run.account(), run.series(), run.samples(), run.bill(), run.events(), run.wallSeconds(),
                entries, run.traces()));
        assertTrue(found.contains("entry point " + entry.name() + ": requests = succeeded + failed + unfinished does not hold: "
                + entry.requests() + " vs " + (entry.requests() + 1)), found.toString());
    }

    private static RunResult withFunction(RunResult r, int index, FunctionResult f) {
        List<FunctionResult> functions = new ArrayList<>(r.functions());
        functions.set(index, f);
        return new RunResult(r.scenario(), r.seed(), r.replication(), r.simulatedMicros(), functions, r.account(),
                r.series(), r.samples(), r.bill(), r.events(), r.wallSeconds(), r.entryPoints(), r.traces());
    }

    /** A copy of a record with one component replaced (by name, so new components do not break the test). */
    static <R extends Record> R copy(R r, String component, Object value) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) r.getClass();
        RecordComponent[] components = type.getRecordComponents();
        List<Object> args = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int k = 0; k < components.length; k++) {
            types[k] = components[k].getType();
            boolean replace = components[k].getName().equals(component);
            found |= replace;
            args.add(replace ? value : components[k].getAccessor().invoke(r));
        }
        assertTrue(found, component);
        Constructor<R> c = type.getDeclaredConstructor(types);
        return c.newInstance(args.toArray());
    }
}
