package io.github.lambdasim.report;

import io.github.lambdasim.scenario.EventSourceSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.QueueSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.StreamSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A small deterministic scenario with an SQS queue and a Kinesis stream, each with a consumer,
 * for the tests of the outputs of event sources: five minutes, a burst that builds a backlog,
 * poison messages that end in the dead-letter queue and failing batches that block a shard.
 */
public final class EventSourceScenario {
    private EventSourceScenario() {
    }

    static final String YAML = """
            name: sources
            description: An SQS queue and a Kinesis stream, each with a consumer.
            duration: 5m
            seed: 7
            platform: current
            region: us-east-1
            account: {concurrencyLimit: 1000}
            functions:
              - name: worker
                runtime: python3.12
                memorySize: 512
                timeout: 10s
                handler:
                  duration: {lognormal: {median: 400ms, p99: 2s}}
                  errorRate: 0.02
              - name: enricher
                runtime: nodejs20.x
                memorySize: 1024
                timeout: 10s
                handler:
                  duration: {lognormal: {median: 150ms, p99: 600ms}}
                  errorRate: 0.01
            traffic:
              - {function: worker, poisson: {rate: 1/s}}
            """;

    public static ScenarioSpec spec() {
        ScenarioSpec base = ScenarioLoader.parse(YAML, "sources.yaml", List.of());
        List<FunctionSpec> functions = new ArrayList<>();
        for (FunctionSpec f : base.functions()) {
            EventSourceSpec source = f.name().equals("worker")
                    ? EventSourceSpec.queue("orders", 10, 0, 0, false)
                    : EventSourceSpec.stream("clicks", 100, 0, 1, false, 2, EventSourceSpec.UNLIMITED);
            functions.add(new FunctionSpec(f.name(), f.runtime(), f.memoryMb(), f.architecture(), f.timeoutMicros(),
                    f.reservedConcurrency(), f.provisioned(), f.packageSizeMb(), f.coldStartMicros(), f.init(), f.handler(),
                    f.ephemeralStorageMb(), f.async(), f.errorOnCallFailure(), f.snapStart(), f.frontDoor(), source));
        }
        List<TrafficSpec> traffic = List.of(
                TrafficSpec.into(new TrafficSpec.Into("orders", null, null, 0.002), 0, "orders/poisson",
                        new TrafficSpec.Poisson(50, 0, Long.MAX_VALUE)),
                TrafficSpec.into(new TrafficSpec.Into("orders", null, null, 0), 1, "orders/spike",
                        new TrafficSpec.Spike(120_000_000L, 30_000_000L, 400, 0)),
                TrafficSpec.into(new TrafficSpec.Into(null, "clicks", null, 0), 2, "clicks/poisson",
                        new TrafficSpec.Poisson(200, 0, Long.MAX_VALUE)));
        return new ScenarioSpec(base.name(), base.description(), base.durationMicros(), base.seed(), base.platform(),
                base.region(), base.account(), base.billing(), functions, traffic, base.notes(), base.clock(),
                base.warmStart(), List.of(new QueueSpec("orders", 30_000_000L, 3, 4 * 86_400_000_000L)),
                List.of(new StreamSpec("clicks", StreamSpec.Type.KINESIS, 2, 86_400_000_000L)));
    }
}
