package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results are safe: an output folder that cannot be (a file, a path through a file, a folder
 * that cannot be written, a folder where a result file goes) is refused with exit code 2 before
 * anything is simulated; a run touches nothing outside its output folder; a refused, failed or
 * interrupted run leaves the earlier results as they were.
 */
class OutputSafetyTest {
    private static final String SCENARIO = """
            name: safe
            duration: 5m
            functions:
              - name: api
                handler: {duration: 20ms}
            traffic:
              - {function: api, poisson: {rate: 10/s}}
            """;

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, SCENARIO);
        return p;
    }

    @Test
    void outPointingAtAFileIsRefusedAndTheFileKept() throws IOException {
        Path file = dir.resolve("results.txt");
        Files.writeString(file, "mine");
        Cli r = Cli.run("run", scenario().toString(), "--out", file.toString());
        assertEquals(2, r.exitCode());
        assertEquals("lambdasim: --out: " + file + " is a file, not a folder; give a folder for summary.json, "
                + "metrics.csv, report-log.txt" + System.lineSeparator(), r.err());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void outThroughAFileIsRefused() throws IOException {
        Path file = dir.resolve("results.txt");
        Files.writeString(file, "mine");
        Path out = file.resolve("deeper").resolve("out");
        Cli r = Cli.run("run", scenario().toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertEquals("lambdasim: --out: cannot create " + out + ": " + file + " is a file" + System.lineSeparator(), r.err());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aFolderWhereAResultFileGoesIsRefused() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("metrics.csv"));
        Cli r = Cli.run("run", scenario().toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("metrics.csv is a folder; lambdasim writes a file there"), r.err());
        assertFalse(Files.exists(out.resolve("summary.json")), "nothing written, not even the files that could be");
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefused() throws IOException {
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "permissions are not enforced for this user (root)");
            Cli r = Cli.run("run", scenario().toString(), "--out", locked.resolve("out").toString());
            assertEquals(2, r.exitCode());
            assertTrue(r.err().contains("--out: cannot write in " + locked + " (permission denied)"), r.err());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void nothingOutsideTheOutputFolderIsTouched() throws IOException {
        Path s = scenario();
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("elsewhere").resolve("notes.md"), "mine");
        Path out = dir.resolve("runs").resolve("safe");
        Map<String, String> before = snapshot(dir);
        assertEquals(0, Cli.run("run", s.toString(), "--out", out.toString()).exitCode());
        Map<String, String> after = snapshot(dir);
        after.keySet().removeIf(k -> k.startsWith("runs"));
        before.keySet().removeIf(k -> k.startsWith("runs"));
        assertEquals(before, after);
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            assertEquals(1, runs.count(), "only the output folder, no staging left beside it");
        }
        try (Stream<Path> files = Files.list(out)) {
            // summary.json, metrics.csv, report-log.txt, report.html, charts/ and data/
            assertEquals(6, files.count());
        }
    }

    @Test
    void refusedAndInvalidRunsLeaveEarlierResultsIntact() throws IOException {
        Path s = scenario();
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", s.toString(), "--out", out.toString()).exitCode());
        Map<String, String> earlier = snapshot(out);
        assertEquals(2, Cli.run("run", s.toString(), "--out", out.toString(), "--max-requests", "10").exitCode());
        assertEquals(2, Cli.run("run", s.toString(), "--out", out.toString(), "--set", "duration=forever").exitCode());
        assertEquals(earlier, snapshot(out));
    }

    /**
     * A real interruption: the run is a separate process, killed while it simulates; the earlier
     * results are untouched and no staging folder is left.
     */
    @Test
    void anInterruptedRunLeavesEarlierResultsIntact() throws Exception {
        Path s = scenario();
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run("run", s.toString(), "--out", out.toString()).exitCode());
        Map<String, String> earlier = snapshot(out);
        for (boolean forcibly : new boolean[] {false, true}) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", s.toString(), "--out", out.toString(), "--set", "duration=30d",
                    "--set", "traffic[0].poisson.rate=2000/s", "--force")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
            assertFalse(p.waitFor(2, TimeUnit.SECONDS), "still simulating: " + Files.readString(dir.resolve("log.txt")));
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(earlier, snapshot(out));
            try (Stream<Path> entries = Files.list(dir)) {
                assertFalse(entries.anyMatch(e -> e.getFileName().toString().contains(".partial-")), "staging left behind");
            }
        }
    }

    /** Every file under {@code root}, relative, with its size and content hash. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String key = root.relativize(p).toString().replace(File.separatorChar, '/');
                out.put(key, Files.isDirectory(p) ? "dir" : Files.size(p) + ":" + java.util.Arrays.hashCode(Files.readAllBytes(p))
                        + ":" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }
}
