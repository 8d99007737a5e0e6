package io.github.lambdasim.report;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * sources.yaml: a small deterministic scenario with an SQS queue and a Kinesis stream, each with a
 * consumer, for the tests of the outputs of event sources: five minutes, a burst that builds a
 * backlog, poison messages that end in the dead-letter queue and failing batches that block a shard.
 */
public final class EventSourceScenario {
    /** The scenario's resource, for tests that run it from a file. */
    public static final String RESOURCE = "/io/github/lambdasim/report/sources.yaml";

    private EventSourceScenario() {
    }

    public static String yaml() {
        try (InputStream in = EventSourceScenario.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScenarioSpec spec() {
        return ScenarioLoader.parse(yaml(), "sources.yaml", List.of());
    }
}
