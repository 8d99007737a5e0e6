package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Validation: each broken scenario gets one precise message per problem, with its YAML path and
 * line, all reported at once; well-formed scenarios bind to the values written.
 */
class ValidationTest {
    private static final String VALID = """
            name: ok
            duration: 1h
            functions:
              - name: api
                memorySize: 1024
                handler: {duration: 50ms}
            traffic:
              - {function: api, poisson: {rate: 10/s}}
            """;

    private static List<Problem> problems(String yaml, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(yaml, "s.yaml", List.of(overrides)));
        return e.problems();
    }

    private static String messages(List<Problem> problems) {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    @Test
    void aProblemInASetValueNamesTheOptionNotALineOfTheFile() {
        assertEquals("s.yaml --set: functions[0].memorySize: expected a whole number (MB), found 'abc'",
                messages(problems(VALID, "functions.api.memorySize=abc")));
        assertEquals("s.yaml --set: functions[0].handler.steps[0].cpu: '-5ms' is negative; a duration is zero or more",
                messages(problems(VALID, "functions.api.handler={steps: [{cpu: -5ms}]}")));
    }

    @Test
    void sizesTakeTheirUnitAsTheReadmeSays() {
        ScenarioSpec s = ScenarioLoader.parse(VALID.replace("memorySize: 1024", "memorySize: 10GB\n    ephemeralStorageSize: 2GB"),
                "s.yaml", List.of());
        assertEquals(10_240, s.functions().get(0).memoryMb());
        assertEquals(2_048, s.functions().get(0).ephemeralStorageMb());
        assertEquals(1_536, ScenarioLoader.parse(VALID, "s.yaml", List.of("functions.api.memorySize=1.5GB")).functions()
                .get(0).memoryMb());
        assertEquals("s.yaml:5: functions[0].memorySize: '0.3GB' is 307.2 MB, not a whole number of MB",
                messages(problems(VALID.replace("memorySize: 1024", "memorySize: 0.3GB"))));
    }

    @Test
    void validScenarioBindsItsValues() {
        ScenarioSpec s = ScenarioLoader.parse(VALID, "s.yaml", List.of());
        assertEquals("ok", s.name());
        assertEquals(3_600_000_000L, s.durationMicros());
        assertEquals(1024, s.functions().get(0).memoryMb());
        assertEquals("current", s.platform().preset());
        assertEquals(1769, s.platform().vcpuMemoryMb());
        assertEquals(1000, s.account().concurrencyLimit());
        assertEquals(36_000, s.expectedRequests(), 1e-6);
    }

    @Test
    void aRuntimeLambdaNeverHadIsRefusedWithItsFamilysRuntimes() {
        String yaml = VALID.replace("memorySize: 1024", "memorySize: 1024\n    runtime: nodejs99.x");
        assertEquals("s.yaml:6: functions[0].runtime: nodejs99.x is not a Lambda runtime; nodejs runtimes: nodejs20.x, "
                + "nodejs22.x, nodejs24.x; deprecated: nodejs, nodejs4.3, nodejs4.3-edge, nodejs6.10, nodejs8.10, nodejs10.x, "
                + "nodejs12.x, nodejs14.x, nodejs16.x, nodejs18.x", messages(problems(yaml)));
        assertEquals("s.yaml --set: functions[0].runtime: java99 is not a Lambda runtime; java runtimes: java8.al2, java11, "
                + "java17, java21, java25; deprecated: java8", messages(problems(VALID, "functions.api.runtime=java99")));
        // A misspelt family keeps its did-you-mean.
        assertTrue(messages(problems(VALID, "functions.api.runtime=pyhton3.12")).endsWith("did you mean 'python3.12'?"));
    }

    @Test
    void everyRuntimeLambdaHasHadIsAcceptedInBothPresets() {
        assertTrue(ScenarioLoader.runtimeIdentifiers().keySet().containsAll(List.of("nodejs20.x", "python3.12", "java21",
                "go1.x", "provided.al2023", "dotnet8", "ruby3.3", "nodejs4.3-edge", "dotnetcore1.0", "python2.7", "container")));
        for (String preset : List.of("current", "2019")) {
            for (String runtime : ScenarioLoader.runtimeIdentifiers().keySet()) {
                if (preset.equals("2019") && ScenarioLoader.runtimeIdentifiers().get(runtime).equals("images")) {
                    continue; // container images came in Dec 2020: an anachronism there (AnachronismsTest)
                }
                ScenarioSpec s = ScenarioLoader.parse(VALID, "s.yaml", List.of("platform=" + preset,
                        "functions.api.runtime=" + runtime));
                assertEquals(runtime, s.functions().get(0).runtime());
            }
        }
        assertFalse(ScenarioLoader.presetNames().contains("runtimes"), "the list of runtimes is not a preset");
    }

    @Test
    void memoryBelowTheMinimumNamesPathAndLine() {
        List<Problem> p = problems(VALID.replace("memorySize: 1024", "memorySize: 100"));
        assertEquals(1, p.size(), messages(p));
        assertEquals("s.yaml:5: functions[0].memorySize: 100 MB is below the minimum 128 MB", p.get(0).format());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = """
                name: broken
                duraton: 1h
                functions:
                  - name: api
                    memorySize: 20000
                    timeout: 0.5s
                    architecture: sparc
                    handler: {duration: 50}
                traffic:
                  - {function: apii, poisson: {rate: 10}}
                """;
        String all = messages(problems(yaml));
        assertTrue(all.contains("s.yaml:2: duraton: unknown key 'duraton'; did you mean 'duration'?"), all);
        assertFalse(all.contains("missing: how long to simulate"), "the misspelt key is the one problem: " + all);
        assertTrue(all.contains("s.yaml:5: functions[0].memorySize: 20000 MB is above the maximum 10240 MB of the current platform"), all);
        assertTrue(all.contains("s.yaml:6: functions[0].timeout: 0.5s is below the minimum 1s"), all);
        assertTrue(all.contains("functions[0].architecture: expected x86_64 or arm64, found 'sparc'"), all);
        assertTrue(all.contains("functions[0].handler.duration: '50' needs a unit, e.g. 50ms"), all);
        assertTrue(all.contains("s.yaml:10: traffic[0].function: no function named 'apii'; did you mean 'api'?"), all);
        assertTrue(all.contains("traffic[0].poisson.rate: '10' needs a unit, e.g. 50/s"), all);
    }

    @Test
    void era2019MemoryStepsAndLimits() {
        String all = messages(problems(VALID.replace("memorySize: 1024", "memorySize: 1000"), "platform=2019"));
        assertTrue(all.contains("1000 MB is not allowed by the 2019 platform: memory goes from 128 MB in steps of 64 MB"), all);
        String above = messages(problems(VALID.replace("memorySize: 1024", "memorySize: 4096"), "platform=2019"));
        assertTrue(above.contains("4096 MB is above the maximum 3008 MB of the 2019 platform"), above);
    }

    @Test
    void malformedYamlIsOneMessageWithItsLine() {
        List<Problem> p = problems("name: x\nfunctions: [\n  - a\n");
        assertEquals(1, p.size(), messages(p));
        assertTrue(p.get(0).format().startsWith("s.yaml:"), messages(p));
        assertTrue(p.get(0).message().startsWith("not valid YAML"), messages(p));
    }

    @Test
    void hostileYamlIsRefused() {
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                """;
        String all = messages(problems(bomb));
        assertTrue(all.contains("anchors and aliases") || all.contains("not valid YAML"), all);
        assertTrue(messages(problems("")).contains("the file is empty"));
        assertTrue(messages(problems("\0\1\2garbage")).contains("not text"));
        assertTrue(messages(problems("- just\n- a list\n")).contains("a scenario is a mapping"));
    }

    @Test
    void aPlatformDistributionIsReplacedWholeNotMergedIntoThePresets() {
        ScenarioSpec s = ScenarioLoader.parse(VALID.replace("duration: 1h", "duration: 1h\nplatform: {preset: current, "
                + "idleLifetime: {lognormal: {median: 6m, p99: 20m}}, provisioned: {allocationDelay: {constant: 30s}}}"),
                "s.yaml", List.of());
        assertTrue(s.platform().idleLifetimeMicros() instanceof DistributionSpec.LogNormal, s.platform().toString());
        assertEquals(30e6, s.platform().provisioned().allocationDelayMicros().mean(), 1e-6);
        assertEquals(15, s.platform().provisioned().scaleInDatapoints(), "the rest of the preset stays");
    }

    @Test
    void ratesAboveZeroAreAtLeastOneIn30YearsAndScalingRefills() {
        String all = messages(problems(VALID.replace("rate: 10/s", "rate: 1e-12/s")
                .replace("duration: 1h", "duration: 1h\nplatform: {preset: current, scaling: {refill: 0/s}}")));
        assertTrue(all.contains("s.yaml:9: traffic[0].poisson.rate: 1e-12/s is below the smallest rate, 1e-9/s (one in 30 "
                + "years); write 0/s for none"), all);
        assertTrue(all.contains("platform.scaling.refill: the scaling rate must be above zero (at least 1e-9/s)"), all);
    }

    @Test
    void concurrencyConfigurationsThatCannotExist() {
        String yaml = VALID.replace("memorySize: 1024", "memorySize: 1024\n    reservedConcurrency: 950");
        assertTrue(messages(problems(yaml)).contains("reserved concurrency adds up to 950, above the 900 the account allows"));
        String pc = VALID.replace("memorySize: 1024", "memorySize: 1024\n    reservedConcurrency: 10\n    provisionedConcurrency: 20");
        assertTrue(messages(problems(pc)).contains("provisioned concurrency 20 is above the function's reserved concurrency 10"));
    }

    @Test
    void setOverridesAddressListItemsByName() {
        ScenarioSpec s = ScenarioLoader.parse(VALID, "s.yaml", List.of("functions.api.memorySize=2048",
                "traffic[0].poisson.rate=20/s", "platform=2019", "functions.api.handler.duration={constant: 75ms}"));
        assertEquals(2048, s.functions().get(0).memoryMb());
        assertEquals(72_000, s.expectedRequests(), 1e-6);
        assertEquals("2019", s.platform().preset());
        assertEquals(75_000, s.functions().get(0).handler().steps().get(0) instanceof StepSpec.Wait w ? w.micros().mean() : 0);
        String bad = messages(problems(VALID, "functions.apx.memorySize=2048"));
        assertTrue(bad.contains("no list item 'apx'") && bad.contains("did you mean 'api'?"), bad);
        assertTrue(messages(problems(VALID, "nonsense")).contains("is not path=value"));
    }

    @Test
    void distributionsBindToTheirExactParameters() {
        String yaml = VALID.replace("{duration: 50ms}", "{duration: {lognormal: {median: 20ms, p99: 80ms}}}");
        StepSpec.Wait w = (StepSpec.Wait) ScenarioLoader.parse(yaml, "s.yaml", List.of()).functions().get(0).handler().steps().get(0);
        DistributionSpec.LogNormal d = (DistributionSpec.LogNormal) w.micros();
        assertEquals(20_000, d.quantile(0.5), 1e-6);
        assertEquals(80_000, d.quantile(0.99), 1e-3);
        String empirical = VALID.replace("{duration: 50ms}", "{duration: {empirical: {p0: 2ms, p50: 4ms, p100: 10ms}}}");
        StepSpec.Wait e = (StepSpec.Wait) ScenarioLoader.parse(empirical, "s.yaml", List.of()).functions().get(0).handler().steps().get(0);
        assertEquals(3_000, e.micros().quantile(0.25), 1e-9);
        assertEquals(7_000, e.micros().quantile(0.75), 1e-9);
        assertEquals((3_000 + 7_000) / 2.0, e.micros().mean(), 1e-9);
        String badLog = messages(problems(VALID.replace("{duration: 50ms}", "{duration: {lognormal: {median: 80ms, p99: 20ms}}}")));
        assertTrue(badLog.contains("needs 0 < median < p99"), badLog);
        String typo = messages(problems(VALID.replace("{duration: 50ms}", "{duration: {lognormla: {median: 80ms, p99: 20ms}}}")));
        assertTrue(typo.contains("unknown distribution 'lognormla'; did you mean 'lognormal'?"), typo);
    }

    /** New accounts start below 100 concurrency: such an account runs (unreserved), and cannot reserve any. */
    @Test
    void anAccountOfFewerThanAHundredRunsButReservesNothing() {
        ScenarioSpec spec = ScenarioLoader.parse(VALID, "s.yaml", List.of("account.concurrencyLimit=10"));
        assertEquals(10, spec.account().concurrencyLimit());
        assertEquals("s.yaml:4: functions: reserved concurrency adds up to 5, but an account whose concurrencyLimit is 10 "
                + "cannot reserve any: 100 must stay unreserved", messages(problems(VALID, "account.concurrencyLimit=10",
                "functions.api.reservedConcurrency=5")));
    }
}
