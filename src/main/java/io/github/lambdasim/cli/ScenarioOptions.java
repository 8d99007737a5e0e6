package io.github.lambdasim.cli;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and the options that change it, shared by the commands that read one. */
final class ScenarioOptions {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML), e.g. scenarios/quickstart.yaml.")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (overrides the scenario's).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = {
        "Override a scenario value; repeatable. List items by name or index:",
        "  --set functions.checkout.memorySize=2048  --set traffic[0].poisson.rate=80/s"})
    List<String> overrides = new ArrayList<>();

    ScenarioSpec load() {
        return ScenarioLoader.load(scenario, allOverrides());
    }

    /** The {@code --set} overrides, and the seed as one when given. */
    List<String> allOverrides() {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return all;
    }
}
