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

    @Option(names = "--warmup", paramLabel = "DURATION", description = {
        "Simulate this long first and measure only after it (statistics, metrics and the bill), e.g. 10m;",
        "overrides the scenario's warmup."})
    String warmup;

    /** {@code --warmup}'s value as an override of the scenario's {@code warmup}, refused here when it is no duration. */
    static String warmupOverride(String text) {
        try {
            io.github.lambdasim.scenario.Units.parseDurationMicros(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--warmup: " + e.getMessage());
        }
        return "warmup=" + text.strip();
    }

    ScenarioSpec load() {
        return ScenarioLoader.load(scenario, allOverrides());
    }

    /** The {@code --set} overrides, and the seed and the warm-up as ones when given. */
    List<String> allOverrides() {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        if (warmup != null) {
            all.add(warmupOverride(warmup));
        }
        return all;
    }
}
