package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The platform's rules of asynchronous events and calls between functions bind from
 * platform-presets.yaml to the values of their sources (the 2019 preset without recursion
 * detection), and a scenario overrides them key by key as any other platform key, a distribution
 * replaced whole.
 */
class EventRulesTest {
    private static final long S = Units.MICROS_PER_SECOND;
    private static final String YAML = """
            name: rules
            duration: 1h
            functions:
              - {name: api, handler: {duration: 5ms}}
            traffic:
              - {function: api, poisson: {rate: 1/s}}
            """;

    private static PlatformSpec.EventRules rules(String yaml, String... overrides) {
        return ScenarioLoader.parse(yaml, "rules.yaml", List.of(overrides)).platform().events();
    }

    private static String problems(String yaml, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(yaml, "rules.yaml", List.of(overrides)));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    private static PlatformSpec.EventRules current(int recursionLimit) {
        return new PlatformSpec.EventRules(S, 300 * S, 0.5, List.of(60 * S, 120 * S), 2, 2, 60 * S, 6 * Units.MICROS_PER_HOUR,
                recursionLimit, 3, S, 20 * S, DistributionSpec.LogNormal.ofMedianP99(15_000, 60_000),
                sources(recursionLimit > 0));
    }

    /**
     * The pollers and the limits of queues, streams and mappings: since Nov 2023 (SQS scaling 300 a
     * minute up to 1,250), or in 2019 (60 a minute up to 1,000, SQS batches of 10, Kinesis 7 days).
     */
    private static PlatformSpec.EventSourceRules sources(boolean current) {
        long day = Units.MICROS_PER_DAY;
        var limits = new PlatformSpec.Limits(30 * S, 12 * Units.MICROS_PER_HOUR, 1000, 4 * day, 60 * S, 14 * day, day,
                current ? 365 * day : 7 * day, 10, current ? 10_000 : 10, 10, 10_000, 1000, 100, 300 * S, 2, 1000, 10,
                10_000, 60 * S, 7 * day, 500);
        return new PlatformSpec.EventSourceRules(5, current ? 300 : 60, current ? 1250 : 1000, 10 * Units.MICROS_PER_MS, S,
                S, 250 * Units.MICROS_PER_MS, limits);
    }

    @Test
    void thePresetsCarryTheDocumentedRules() {
        assertEquals(current(16), rules(YAML));
        assertEquals(current(16), ScenarioLoader.preset("current", "us-east-1").events());
        assertEquals(current(0), ScenarioLoader.preset("2019", "us-east-1").events(), "no loop detection before July 2023");
        DistributionSpec latency = rules(YAML).asyncInvokeLatencyMicros();
        assertEquals(15_000, latency.quantile(0.5), 1e-6);
        assertEquals(60_000, latency.quantile(0.99), 1e-6);
    }

    @Test
    void aScenarioOverridesOneRuleAndKeepsTheRest() {
        PlatformSpec.EventRules r = rules(events("recursionLimit: 0, throttleBackoff: {max: 1m}, "
                + "asyncInvokeLatency: {constant: 10ms}"));
        assertEquals(0, r.recursionLimit());
        assertEquals(60 * S, r.throttleBackoffMaxMicros());
        assertEquals(S, r.throttleBackoffMinMicros(), "the rest of throttleBackoff stays");
        assertEquals(new DistributionSpec.Constant(10_000), r.asyncInvokeLatencyMicros(), "a distribution replaced whole");
        assertEquals(List.of(60 * S, 120 * S), r.errorRetryDelaysMicros());
        assertEquals(4, rules(YAML, "platform.events.recursionLimit=4").recursionLimit());
        assertEquals(List.of(30 * S), rules(YAML, "platform.events.errorRetryDelays=[30s]",
                "platform.events.maximumRetryAttempts={max: 1, default: 1}").errorRetryDelaysMicros());
    }

    @Test
    void aRetryLimitNeedsADelayForEachRetry() {
        assertEquals("rules.yaml:3: platform.events.maximumRetryAttempts.max: up to 3 retries need a delay before each: "
                + "give errorRetryDelays with 3 delays (the preset has 2)", problems(events("maximumRetryAttempts: {max: 3}")));
        assertEquals("rules.yaml:3: platform.events.errorRetryDelays: 1 delay for up to 2 retries "
                + "(maximumRetryAttempts.max); give one delay per retry", problems(events("errorRetryDelays: [1m]")));
        assertEquals("rules.yaml:3: platform.events.maximumEventAge.max: 30s is below the minimum 1m",
                problems(events("maximumEventAge: {max: 30s}")));
        assertEquals("rules.yaml:3: platform.events.recursionLimt: unknown key 'recursionLimt'; did you mean 'recursionLimit'?",
                problems(events("recursionLimt: 0")));
    }

    /** The scenario with {@code platform: {preset: current, events: {<rules>}}} on line 3. */
    @Test
    void aKeyUnderAPresetNameKeepsThePreset() {
        // `platform: 2019` is `platform: {preset: 2019}`: --set a key under it and the era stays.
        String era2019 = YAML.replace("duration: 1h", "duration: 1h\nplatform: \"2019\"");
        PlatformSpec.EventRules r = rules(era2019, "platform.events.throttleBackoff.jitter=0");
        assertEquals(0, r.throttleBackoffJitter());
        assertEquals(0, r.recursionLimit(), "still the 2019 preset: no loop detection");
        assertEquals(16, rules(YAML, "platform.events.sdkMaxAttempts=5").recursionLimit(), "the default preset stays");
    }

    private static String events(String rules) {
        return YAML.replace("duration: 1h", "duration: 1h\nplatform: {preset: current, events: {" + rules + "}}");
    }
}
