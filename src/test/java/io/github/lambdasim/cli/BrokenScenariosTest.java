package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets exactly the messages it must: each scenario in
 * {@code src/test/resources/io/github/lambdasim/cli/broken/} has beside it a {@code .expected}
 * file with its problems, one per line, as {@code validate} and {@code run} print them; both exit
 * with 2, print no stack trace and write nothing. Inputs that cannot live in the source tree (too
 * large, a folder, missing, unreadable, endless) are made by the tests below, with their message.
 */
class BrokenScenariosTest {
    @TempDir
    Path dir;

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(BrokenScenariosTest.class.getResource("broken")).toURI());
        return Files.list(folder).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBrokenScenarioGetsItsExactMessages(Path scenario) throws IOException {
        String name = scenario.getFileName().toString();
        Path expectedFile = scenario.resolveSibling(name.replace(".yaml", ".expected"));
        assertTrue(Files.exists(expectedFile), "each broken scenario says what it must produce: " + expectedFile);
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);

        Cli validate = Cli.run("validate", scenario.toString());
        assertEquals(2, validate.exitCode(), validate.out() + validate.err());
        assertEquals(report(expected), validate.err().replace(scenario.toString(), name), name);
        assertEquals("", validate.out());

        Path out = dir.resolve("out");
        Cli run = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertEquals(report(expected), run.err().replace(scenario.toString(), name), name);
        assertFalse(Files.exists(out), "nothing written");
    }

    /** What the command prints for these problems. */
    private static String report(List<String> problems) {
        StringBuilder sb = new StringBuilder("lambdasim: the scenario is not valid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):" + System.lineSeparator());
        for (String p : problems) {
            sb.append("  ").append(p).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String only(Cli r) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String[] lines = r.err().split("\\R");
        assertEquals(2, lines.length, r.err());
        return lines[1].trim();
    }

    @Test
    void aFileOverTheSizeLimit() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "name: big\ndescription: " + "x".repeat(16 << 20) + "\n");
        assertEquals(big + ": is larger than 16 MB (16777216 bytes), the limit for a scenario file",
                only(Cli.run("validate", big.toString())));
    }

    @Test
    void anEndlessFileIsReadNoFurtherThanTheLimit() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero));
        assertEquals("/dev/zero: is larger than 16 MB (16777216 bytes), the limit for a scenario file",
                only(Cli.run("validate", zero.toString())));
    }

    @Test
    void traceFilesOverTheRowColumnLineAndSizeLimits() throws IOException {
        String scenario = "name: traced\nduration: 1h\nfunctions:\n  - {name: f, handler: {duration: 5ms}}\ntraffic:\n"
                + "  - {function: f, trace: {file: %s}}\n";
        StringBuilder rows = new StringBuilder("HashFunction,1\n");
        for (int i = 0; i <= 100_000; i++) {
            rows.append('f').append(i).append(",1\n");
        }
        Files.writeString(dir.resolve("rows.csv"), rows);
        StringBuilder columns = new StringBuilder("HashFunction");
        for (int m = 1; m <= 25_000; m++) {
            columns.append(',').append(m);
        }
        Files.writeString(dir.resolve("columns.csv"), columns.append('\n'));
        Files.writeString(dir.resolve("cell.csv"), "HashFunction,1\nf0,\"" + "9".repeat((1 << 20) + 1) + "\"\n");
        Files.writeString(dir.resolve("line.csv"), "HashFunction" + ("," + "m".repeat(60)).repeat(20_000) + "\n");
        try (var file = new java.io.RandomAccessFile(dir.resolve("size.csv").toFile(), "rw")) {
            file.setLength((64L << 20) + 1);
        }
        assertProblems(scenario.formatted("rows.csv"), "traced.yaml:6: traffic[0].trace.file: rows.csv:100002: more than "
                + "100,000 rows of data, the limit for a trace file (one function per row)");
        assertProblems(scenario.formatted("columns.csv"), "traced.yaml:6: traffic[0].trace.file: columns.csv:1: more than "
                + "25,000 columns, the limit for a trace file");
        assertProblems(scenario.formatted("cell.csv"), "traced.yaml:6: traffic[0].trace.file: cell.csv:2: a cell is "
                + "longer than 1,048,576 characters, the limit for a trace file");
        assertProblems(scenario.formatted("line.csv"), "traced.yaml:6: traffic[0].trace.file: line.csv:1: the line is "
                + "longer than 1,048,576 characters, the limit for a trace file");
        assertProblems(scenario.formatted("size.csv"), "traced.yaml:6: traffic[0].trace.file: size.csv is larger than "
                + "64 MB (67,108,864 bytes), the limit for a trace file");
    }

    @Test
    void aFolderInsteadOfAFile() {
        assertEquals(dir + ": is a folder; give the path of a scenario file (.yaml)", only(Cli.run("validate", dir.toString())));
    }

    @Test
    void aFileThatDoesNotExist() {
        Path missing = dir.resolve("missing.yaml");
        assertEquals(missing + ": no such file", only(Cli.run("run", missing.toString())));
    }

    @Test
    void aFileThatCannotBeRead() throws IOException {
        Path locked = dir.resolve("locked.yaml");
        Files.writeString(locked, "name: locked\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(locked), "permissions are not enforced for this user (root)");
        assertEquals(locked + ": cannot be read: permission denied", only(Cli.run("validate", locked.toString())));
    }

    @Test
    void tooManyFunctionsTrafficSourcesStepsAndScheduleChanges() throws IOException {
        // A list over its limit is refused whole, its items unread: they need not even be functions.
        String yaml = "name: crowded\nduration: 1h\nfunctions: [" + "0, ".repeat(100_000) + "0]\n"
                + "traffic: [" + "0, ".repeat(200_000) + "0]\n";
        assertProblems(yaml, "crowded.yaml:3: functions: 100001 functions; at most 100000",
                "crowded.yaml:4: traffic: 200001 sources; at most 200000");

        StringBuilder steps = new StringBuilder("name: busy\nduration: 1h\nfunctions:\n  - name: api\n"
                + "    provisionedConcurrency:\n      schedule:\n");
        for (int i = 0; i < 1001; i++) {
            steps.append("        - {at: ").append(i + 1).append("s, level: 1}\n");
        }
        steps.append("    handler:\n      steps:\n");
        for (int i = 0; i < 1001; i++) {
            steps.append("        - cpu: 1ms\n");
        }
        steps.append("traffic:\n  - {function: api, poisson: {rate: 1/s}}\n");
        assertProblems(steps.toString(), "busy.yaml:7: functions[0].provisionedConcurrency.schedule: 1001 changes; at most 1000",
                "busy.yaml:1010: functions[0].handler.steps: 1001 steps; at most 1000");
    }

    private void assertProblems(String yaml, String... problems) throws IOException {
        String name = yaml.substring("name: ".length(), yaml.indexOf('\n')) + ".yaml";
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        Cli r = Cli.run("validate", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals(report(List.of(problems)), r.err());
    }
}
