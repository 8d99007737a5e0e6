package io.github.lambdasim.model;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.util.List;

/** Builds scenarios from YAML text for tests. */
final class Scenarios {
    private Scenarios() {
    }

    static ScenarioSpec parse(String yaml, String... overrides) {
        return ScenarioLoader.parse(yaml, "test.yaml", List.of(overrides));
    }

    static RunResult run(ScenarioSpec spec, int replication) {
        return new Simulation(spec, replication, null, ProgressListener.NONE).run();
    }

    static FunctionResult only(RunResult r) {
        return r.functions().get(0);
    }
}
