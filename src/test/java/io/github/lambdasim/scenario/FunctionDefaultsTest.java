package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * functionDefaults: each function takes every top-level key it does not set itself (a function's
 * own handler replaces the default's whole handler); the defaults are checked once, at their own
 * path, and a function's own keys at its own path; {@code --set functionDefaults...} changes
 * every function that does not set the key.
 */
class FunctionDefaultsTest {
    private static final String YAML = """
            name: defaults
            duration: 1h
            functionDefaults:
              runtime: python3.12
              memorySize: 512
              timeout: 30s
              handler: {duration: 20ms, errorRate: 0.1}
            functions:
              - {name: a}
              - {name: b, memorySize: 1024, handler: {duration: 5ms}}
              - {name: c, runtime: java21}
            traffic:
              - {function: a, poisson: {rate: 1/s}}
            """;

    private static ScenarioSpec parse(String yaml, String... overrides) {
        return ScenarioLoader.parse(yaml, "defaults.yaml", List.of(overrides));
    }

    private static String problems(String yaml, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml, overrides));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    @Test
    void eachFunctionTakesTheKeysItDoesNotSet() {
        ScenarioSpec s = parse(YAML);
        FunctionSpec a = s.function("a");
        FunctionSpec b = s.function("b");
        FunctionSpec c = s.function("c");
        assertEquals(List.of("python3.12", "python3.12", "java21"), List.of(a.runtime(), b.runtime(), c.runtime()));
        assertEquals(List.of(512, 1024, 512), List.of(a.memoryMb(), b.memoryMb(), c.memoryMb()));
        assertEquals(30_000_000L, b.timeoutMicros());
        assertEquals(List.of(new StepSpec.Wait(new DistributionSpec.Constant(20_000))), a.handler().steps());
        assertEquals(0.1, a.handler().errorRate());
        // b's own handler replaces the default's whole handler: no errorRate from it.
        assertEquals(List.of(new StepSpec.Wait(new DistributionSpec.Constant(5_000))), b.handler().steps());
        assertEquals(0, b.handler().errorRate());
    }

    @Test
    void setChangesTheDefaultForEveryFunctionThatDoesNotSetTheKey() {
        ScenarioSpec s = parse(YAML, "functionDefaults.memorySize=2048", "functionDefaults.architecture=arm64");
        assertEquals(List.of(2048, 1024, 2048), s.functions().stream().map(FunctionSpec::memoryMb).toList());
        assertEquals("arm64", s.function("b").architecture().label());
        ScenarioSpec none = parse(YAML.replace("functionDefaults:\n", "functionDefaults:\n  reservedConcurrency: 5\n"));
        assertEquals(List.of(5, 5, 5), none.functions().stream().map(FunctionSpec::reservedConcurrency).toList());
    }

    @Test
    void aBadDefaultIsReportedOnceAtItsOwnPath() {
        assertEquals("defaults.yaml:5: functionDefaults.memorySize: 100 MB is below the minimum 128 MB",
                problems(YAML.replace("memorySize: 512", "memorySize: 100")));
        assertEquals("""
                defaults.yaml:4: functionDefaults.runtme: unknown key 'runtme'; did you mean 'runtime'?
                defaults.yaml:7: functionDefaults.handler.errorRate: 2 is out of range: expected 0 to 1""",
                problems(YAML.replace("runtime: python3.12", "runtme: python3.12").replace("errorRate: 0.1", "errorRate: 2")));
        assertEquals("defaults.yaml:4: functionDefaults.name: each function names itself; functionDefaults holds "
                + "the other function keys", problems(YAML.replace("  runtime: python3.12", "  name: x")));
    }

    @Test
    void aFunctionsOwnKeysAreReportedAtItsOwnPath() {
        assertEquals("defaults.yaml:10: functions[1].memorySize: 100 MB is below the minimum 128 MB",
                problems(YAML.replace("memorySize: 1024", "memorySize: 100")));
        // a and c take the default's handler, which says not what they do; b has its own.
        assertEquals("""
                defaults.yaml:9: functions[0]: missing: what the handler does; functionDefaults.handler gives neither a \
                duration nor steps, so give this function a handler (e.g. handler: {duration: 100ms})
                defaults.yaml:11: functions[2]: missing: what the handler does; functionDefaults.handler gives neither a \
                duration nor steps, so give this function a handler (e.g. handler: {duration: 100ms})""",
                problems(YAML.replace("handler: {duration: 20ms, errorRate: 0.1}", "handler: {errorRate: 0.1}")));
        assertEquals("defaults.yaml:3: functionDefaults: expected a mapping of function keys (all but name), such as "
                + "{runtime: python3.12, timeout: 30s}; found a list", problems("""
                name: d
                duration: 1h
                functionDefaults: [python3.12]
                functions:
                  - {name: a, handler: {duration: 5ms}}
                traffic:
                  - {function: a, poisson: {rate: 1/s}}
                """));
    }
}
