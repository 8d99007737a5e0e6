package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A whole-account trace replayed: each row of a small trace becomes a function, and a run that
 * covers the trace delivers to each function exactly its row's invocations (each minute's count
 * arrives within that minute, evenly or at random).
 */
class AccountReplayTest {
    private static final Path TRACE = Path.of("src/test/resources/io/github/lambdasim/scenario/tiny-account")
            .toAbsolutePath();

    @Test
    void eachFunctionGetsItsRowsRequests() {
        for (String spread : new String[] {"even", "poisson"}) {
            ScenarioSpec spec = ScenarioLoader.parse("""
                    name: account
                    duration: 10m
                    functionDefaults: {runtime: python3.12, timeout: 60s}
                    traffic:
                      - trace: {file: invocations.csv, rows: all, spread: %s, durations: durations.csv, memory: memory.csv}
                    """.formatted(spread), "account.yaml", List.of(), TRACE);
            Map<String, Long> requests = new Simulation(spec, 0, null, null).run().functions().stream()
                    .collect(Collectors.toMap(FunctionResult::name, FunctionResult::requests));
            // The rows' totals: 3+0+5+1+2, 7, 5 x 10 and 1.
            assertEquals(Map.of("fn-1234abcd0a", 11L, "fn-1234abcd0b", 7L, "fn-77ee0000", 50L, "fn-c0ffee99", 1L), requests,
                    spread);
        }
    }
}
