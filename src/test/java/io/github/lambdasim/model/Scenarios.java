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

    /**
     * The override that cuts a long bundled scenario for a test of what does not depend on length:
     * 20 minutes, or 5 for one of tens of millions of requests or records (a stream's benchmark).
     */
    static String shortened(ScenarioSpec full) {
        return full.expectedRequests() > 50e6 ? "duration=5m" : "duration=20m";
    }
}
