package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Traffic sources are named: as given, or {@code <function>/<pattern>} with {@code #2}, {@code #3}
 * for the later unnamed sources of the same function and pattern; names are unique, and each
 * source keeps its name when the list is reordered, named sources included (its random stream is
 * keyed by it).
 */
class TrafficNamesTest {
    private static final String HEAD = """
            name: named
            duration: 1h
            functions:
              - {name: api, handler: {duration: 5ms}}
              - {name: worker, handler: {duration: 5ms}}
            traffic:
            """;

    private static ScenarioSpec parse(List<String> traffic, String... overrides) {
        return ScenarioLoader.parse(HEAD + String.join("", traffic), "named.yaml", List.of(overrides));
    }

    private static List<String> names(ScenarioSpec s) {
        return s.traffic().stream().map(TrafficSpec::name).toList();
    }

    private static String problems(List<String> traffic) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(traffic));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    private static final List<String> ENTRIES = List.of(
            "  - {function: api, poisson: {rate: 5/s}}\n",
            "  - {function: worker, spike: {at: 10m, for: 1m, rate: 50/s}}\n",
            "  - {function: api, poisson: {rate: 7/s}}\n",
            "  - {function: api, constant: {rate: 1/s}}\n",
            "  - {name: checkout-launch, function: api, spike: {at: 30m, for: 5m, rate: 80/s}}\n",
            "  - {function: api, poisson: {rate: 9/s}}\n");

    @Test
    void sourcesAreNamedByFunctionAndPatternCountedInFileOrder() {
        assertEquals(List.of("api/poisson", "worker/spike", "api/poisson#2", "api/constant", "checkout-launch",
                "api/poisson#3"), names(parse(ENTRIES)));
    }

    @Test
    void aNamedSourceTakesNoNumberAndMovesFreely() {
        List<String> traffic = new ArrayList<>(ENTRIES);
        traffic.set(0, "  - {name: base-load, function: api, poisson: {rate: 5/s}}\n");
        assertEquals(List.of("base-load", "worker/spike", "api/poisson", "api/constant", "checkout-launch",
                "api/poisson#2"), names(parse(traffic)));
        List<String> moved = new ArrayList<>(traffic);
        moved.add(moved.remove(0));
        assertEquals(byPattern(parse(traffic)), byPattern(parse(moved)), "moving the named source renames none");
    }

    @Test
    void reorderingTheListKeepsEachSourcesName() {
        Map<String, String> before = byPattern(parse(ENTRIES));
        // Entries of the same function and pattern keep their order among themselves; others move freely.
        List<String> moved = List.of(ENTRIES.get(4), ENTRIES.get(3), ENTRIES.get(0), ENTRIES.get(1), ENTRIES.get(2),
                ENTRIES.get(5));
        assertEquals(before, byPattern(parse(moved)));
        List<String> reversed = new ArrayList<>(List.of(ENTRIES.get(1), ENTRIES.get(3), ENTRIES.get(4)));
        Collections.reverse(reversed);
        assertEquals(List.of("checkout-launch", "api/constant", "worker/spike"), names(parse(reversed)));
    }

    private static Map<String, String> byPattern(ScenarioSpec s) {
        Map<String, String> m = new HashMap<>();
        s.traffic().forEach(t -> m.put(t.name(), t.function() + " " + t.pattern().describe()));
        return m;
    }

    @Test
    void aNameIsUniqueAndMadeOfAllowedCharacters() {
        assertEquals("named.yaml:8: traffic[1].name: a traffic source named 'launch' is already defined (traffic[0]); "
                + "names must be unique", problems(List.of("  - {name: launch, function: api, poisson: {rate: 5/s}}\n",
                "  - {name: launch, function: worker, poisson: {rate: 5/s}}\n")));
        assertEquals("named.yaml:8: traffic[1].name: 'api/poisson' is the name traffic[0] takes by default "
                + "(function/pattern); choose another", problems(List.of("  - {function: api, poisson: {rate: 5/s}}\n",
                "  - {name: api/poisson, function: worker, poisson: {rate: 5/s}}\n")));
        assertEquals("named.yaml:7: traffic[0].name: 'launch day' is not a traffic source name: 1 to 128 letters, "
                + "digits, '-', '_', '.', '/' or '#'", problems(List.of(
                "  - {name: launch day, function: api, poisson: {rate: 5/s}}\n")));
    }

    @Test
    void setAddressesASourceByItsName() {
        ScenarioSpec s = parse(ENTRIES, "traffic.checkout-launch.spike.rate=120/s");
        assertEquals(120, s.traffic().get(4).pattern().maxRate(), 1e-9);
    }
}
