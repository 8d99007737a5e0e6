package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-account trace replay: one traffic entry makes a function of each row of a small trace
 * (four rows, two of whose HashFunctions share their first 9 characters), named after its hash,
 * with its app's p99 memory rounded up to the platform's step, its own durations row and
 * functionDefaults for the rest; every problem is named with its file and hash.
 */
class AccountTraceTest {
    static final Path TRACE = Path.of("src/test/resources/io/github/lambdasim/scenario/tiny-account").toAbsolutePath();

    private static final String ACCOUNT = """
            name: account
            duration: 10m
            functionDefaults: {runtime: python3.12, timeout: 60s, handler: {duration: 5ms, errorRate: 0.01}}
            traffic:
              - trace: {file: invocations.csv, rows: all, spread: even, durations: durations.csv, memory: memory.csv}
            """;

    @TempDir
    Path dir;

    static ScenarioSpec parse(String yaml, String... overrides) {
        return ScenarioLoader.parse(yaml, "account.yaml", List.of(overrides), TRACE);
    }

    private static String problems(String yaml, Path base, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(yaml, "account.yaml", List.of(overrides), base));
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    private static List<String> names(ScenarioSpec s) {
        return s.functions().stream().map(FunctionSpec::name).toList();
    }

    private static DistributionSpec.Empirical ms(double... values) {
        double[] micros = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            micros[i] = values[i] * 1000;
        }
        return new DistributionSpec.Empirical(new double[] {0, 1, 25, 50, 75, 99, 100}, micros);
    }

    @Test
    void eachRowBecomesAFunctionNamedAfterItsHash() {
        ScenarioSpec s = parse(ACCOUNT);
        // 1234abcd0a55 and 1234abcd0b66 share 9 characters: both take 10.
        assertEquals(List.of("fn-1234abcd0a", "fn-1234abcd0b", "fn-77ee0000", "fn-c0ffee99"), names(s));
        assertEquals(List.of("fn-1234abcd0a/trace", "fn-1234abcd0b/trace", "fn-77ee0000/trace", "fn-c0ffee99/trace"),
                s.traffic().stream().map(TrafficSpec::name).toList());
        for (int i = 0; i < 4; i++) {
            assertEquals(s.functions().get(i).name(), s.traffic().get(i).function());
            assertEquals(0, s.traffic().get(i).index());
        }
        long[][] counts = {{3, 0, 5, 1, 2}, {0, 0, 0, 0, 7}, {10, 10, 10, 10, 10}, {1, 0, 0, 0, 0}};
        for (int i = 0; i < 4; i++) {
            TrafficSpec.Trace t = (TrafficSpec.Trace) s.traffic().get(i).pattern();
            assertEquals(5, t.minutes());
            for (int m = 0; m < 5; m++) {
                assertEquals(counts[i][m], t.count(m), "row " + i + ", minute " + (m + 1));
            }
            assertTrue(t.even());
        }
    }

    @Test
    void memoryIsTheAppsP99RoundedUpAndDurationsTheFunctionsOwnRow() {
        ScenarioSpec s = parse(ACCOUNT);
        // app1's p99 is 300.2 MB (rounded up to 301); app2's 127 MB (the minimum is 128); app3 of
        // own2 has 3500 MB (the app3 of own9 is another owner's).
        assertEquals(List.of(301, 301, 128, 3500), s.functions().stream().map(FunctionSpec::memoryMb).toList());
        // Joined on owner, app and function, wherever the row is; 77ee0000ffff of app9 is not this one.
        DistributionSpec[] expected = {ms(1, 2, 3, 4, 5, 6, 7), ms(10, 20, 30, 40, 50, 60, 70),
            ms(100, 200, 300, 400, 500, 600, 700), ms(1000, 1000, 1000, 1000, 1000, 1000, 1000)};
        for (int i = 0; i < 4; i++) {
            FunctionSpec f = s.functions().get(i);
            assertEquals(List.of(new StepSpec.Wait(expected[i])), f.handler().steps(), f.name());
            // The rest of functionDefaults applies, its handler's errorRate too.
            assertEquals(0.01, f.handler().errorRate());
            assertEquals("python3.12", f.runtime());
            assertEquals(60_000_000L, f.timeoutMicros());
        }
        assertEquals(List.of(), s.notes());
    }

    @Test
    void memorySizeOfFunctionDefaultsWins() {
        ScenarioSpec s = parse(ACCOUNT, "functionDefaults.memorySize=1024");
        assertEquals(List.of(1024, 1024, 1024, 1024), s.functions().stream().map(FunctionSpec::memoryMb).toList());
    }

    @Test
    void era2019RoundsUpTo64MbStepsAndCapsAtItsMaximumWithANote() {
        ScenarioSpec s = parse(ACCOUNT, "platform=2019");
        assertEquals(List.of(320, 320, 128, 3008), s.functions().stream().map(FunctionSpec::memoryMb).toList());
        assertEquals(List.of("traffic[0]: the p99 allocated memory of 1 function's app is above the 2019 platform's "
                + "maximum, so it gets 3008 MB: fn-c0ffee99"), s.notes());
    }

    @Test
    void rowsChosenByIndexOrHashPrefixKeepTheirNames() {
        ScenarioSpec s = parse(ACCOUNT, "traffic[0].trace.rows=[3, 77ee, 1234abcd0b]");
        // Named as with every row replayed: a name does not depend on which rows are chosen.
        assertEquals(List.of("fn-c0ffee99", "fn-77ee0000", "fn-1234abcd0b"), names(s));
    }

    @Test
    void withoutDurationsTheHandlerComesFromFunctionDefaults() {
        ScenarioSpec s = parse(ACCOUNT.replace(" durations: durations.csv,", ""));
        for (FunctionSpec f : s.functions()) {
            assertEquals(List.of(new StepSpec.Wait(new DistributionSpec.Constant(5000))), f.handler().steps());
        }
        assertEquals("account.yaml:5: traffic[0].trace.durations: missing: a durations.csv to draw each function's "
                + "duration from, or a handler with a duration in functionDefaults",
                problems(ACCOUNT.replace(" durations: durations.csv,", "").replace("handler: {duration: 5ms, errorRate: 0.01}",
                        "handler: {errorRate: 0.01}"), TRACE));
    }

    @Test
    void aNameTakenByAListedFunctionOrARowChosenTwiceIsRefused() {
        String yaml = ACCOUNT.replace("traffic:", """
                functions:
                  - {name: fn-77ee0000, handler: {duration: 5ms}}
                traffic:
                  - {function: fn-77ee0000, poisson: {rate: 1/s}}""");
        assertEquals("account.yaml:8: traffic[1].trace.rows: invocations.csv row 2 becomes function 'fn-77ee0000', "
                + "the name of functions[0]; rename that function", problems(yaml, TRACE));
        assertEquals("account.yaml:5: traffic[0].trace.rows[2]: row 0 is already chosen by rows[0]",
                problems(ACCOUNT.replace("rows: all", "rows: [0, 3, 1234abcd0a]"), TRACE));
        assertEquals("account.yaml:5: traffic[0].trace.rows[1]: no HashFunction starting with 'ffff' in invocations.csv",
                problems(ACCOUNT.replace("rows: all", "rows: [0, ffff]"), TRACE));
    }

    @Test
    void aCreatedFunctionMayHaveOtherSources() {
        ScenarioSpec s = parse(ACCOUNT + "  - {function: fn-c0ffee99, spike: {at: 1m, for: 1m, rate: 5/s}}\n");
        assertEquals("fn-c0ffee99/spike", s.traffic().get(4).name());
        assertEquals(1, s.traffic().get(4).index());
    }

    @Test
    void aRowWithoutItsDurationsOrMemoryRowNamesTheFileAndTheHash() throws IOException {
        for (String f : new String[] {"invocations.csv", "durations.csv", "memory.csv"}) {
            List<String> lines = Files.readAllLines(TRACE.resolve(f));
            // Without the row of c0ffee99aaaa (durations) and of app1 (memory).
            Files.write(dir.resolve(f), lines.stream().filter(l -> !l.startsWith("c0ffee99aaaa") && !l.startsWith("app1,"))
                    .toList());
        }
        assertEquals("""
                account.yaml:5: traffic[0].trace.memory: memory.csv has no row for the app of invocations.csv row 0 \
                (HashOwner own1, HashApp app1)
                account.yaml:5: traffic[0].trace.memory: memory.csv has no row for the app of invocations.csv row 1 \
                (HashOwner own1, HashApp app1)
                account.yaml:5: traffic[0].trace.durations: durations.csv has no row for invocations.csv row 3 \
                (HashFunction c0ffee99aaaa, with its HashOwner and HashApp)""", problems(ACCOUNT, dir));
    }

    @Test
    void rowsAndFunctionDoNotGoTogether() {
        String yaml = ACCOUNT.replace("  - trace:", "  - function: api\n    trace:").replace("traffic:", """
                functions:
                  - {name: api, handler: {duration: 5ms}}
                traffic:""");
        assertEquals("""
                account.yaml:8: traffic[0].trace.rows: rows: replays each row as its own function; remove function: api, \
                or give row: to replay one row for it
                account.yaml:8: traffic[0].trace.durations: durations: belongs to a replay of every row (rows:); for one \
                function, give handler.duration: {trace: {file: ..., row: ...}}
                account.yaml:8: traffic[0].trace.memory: memory: belongs to a replay of every row (rows:); for one \
                function, give handler.memoryUsedMb: {trace: {file: ..., row: ...}}""", problems(yaml, TRACE));
    }
}
