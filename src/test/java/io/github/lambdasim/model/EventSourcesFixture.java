package io.github.lambdasim.model;

import io.github.lambdasim.scenario.EventSourceSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.QueueSpec;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.StreamSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import java.util.ArrayList;
import java.util.List;

/** Scenarios with queues and streams built from a YAML scenario of functions (temporary, until the loader reads them). */
final class EventSourcesFixture {
    private EventSourcesFixture() {
    }

    static FunctionSpec consuming(FunctionSpec f, EventSourceSpec es) {
        return new FunctionSpec(f.name(), f.runtime(), f.memoryMb(), f.architecture(), f.timeoutMicros(),
                f.reservedConcurrency(), f.provisioned(), f.packageSizeMb(), f.coldStartMicros(), f.init(), f.handler(),
                f.ephemeralStorageMb(), f.async(), f.errorOnCallFailure(), f.snapStart(), f.frontDoor(), es);
    }

    static ScenarioSpec with(String yaml, List<QueueSpec> queues, List<StreamSpec> streams,
                             java.util.Map<String, EventSourceSpec> sources, List<TrafficSpec> extraTraffic) {
        ScenarioSpec s = ScenarioLoader.parse(yaml, "fixture.yaml", List.of());
        List<FunctionSpec> fs = new ArrayList<>();
        for (FunctionSpec f : s.functions()) {
            fs.add(sources.containsKey(f.name()) ? consuming(f, sources.get(f.name())) : f);
        }
        List<TrafficSpec> traffic = new ArrayList<>(s.traffic());
        traffic.addAll(extraTraffic);
        return new ScenarioSpec(s.name(), s.description(), s.durationMicros(), s.seed(), s.platform(), s.region(),
                s.account(), s.billing(), fs, traffic, s.notes(), s.clock(), s.warmStart(), queues, streams);
    }
}
