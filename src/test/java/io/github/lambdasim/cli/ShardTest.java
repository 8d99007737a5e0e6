package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharded sweeps, comparisons and runs with replications: run as 3 shards and merged they give
 * the very files of the unsharded command (sweep.json, sweep.csv, compare.json, compare.csv,
 * runs/ and a run's summary.json but for their wall-clock figures, metrics.csv, report-log.txt,
 * data/, the charts' SVGs, report.html); merge refuses a missing or doubled shard
 * and parts of two different sweeps, one line per problem and exit code 2; {@code merge
 * --missing} lists the shards still to run; a complete shard run again does nothing.
 */
class ShardTest {
    private static final String SCENARIO = SmallApi.yaml("shards", "description: A small API for the tests of sharded sweeps.\n", "2m", 5, "40ms",
            "5/s");

    @TempDir
    static Path dir;
    private static Path scenario;
    private static Path whole;
    private static List<Path> parts = new ArrayList<>();
    private static Cli wholeRun;
    private static Cli merged;

    private static String[] sweep(String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", scenario.toString(), "--vary", "functions.api.memorySize=256,1024",
                "--vary", "functions.api.handler.threads=1,2", "--replications", "2", "--slo", "p99<=120ms", "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void sweepWholeAndInThreeShards() throws IOException {
        scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, SCENARIO);
        whole = dir.resolve("whole");
        wholeRun = Cli.run(sweep("--out", whole.toString()));
        assertEquals(0, wholeRun.exitCode(), wholeRun.err());
        for (int k = 1; k <= 3; k++) {
            Path part = dir.resolve("part-" + k);
            Cli r = Cli.run(sweep("--shard", k + "/3", "--out", part.toString()));
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("Shard " + k + "/3 of the sweep of shards: "), r.out());
            parts.add(part);
        }
        merged = merge("--out", dir.resolve("merged").toString());
        assertEquals(0, merged.exitCode(), merged.err());
    }

    private static Cli merge(String... more) {
        List<String> args = new ArrayList<>(List.of("merge"));
        parts.forEach(p -> args.add(p.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void threeShardsMergedGiveTheFilesOfTheWholeSweep() throws IOException {
        Path m = dir.resolve("merged");
        assertSameFiles(whole, m, List.of("sweep.json", "sweep.csv", "report.html"));
        assertEquals(files(whole.resolve("charts")), files(m.resolve("charts")));
        assertFalse(files(whole.resolve("charts")).isEmpty());
        for (String f : files(whole.resolve("charts"))) {
            if (f.endsWith(".svg")) {
                assertSameFiles(whole, m, List.of("charts/" + f));
            }
        }
        assertEquals(wholeRun.out().replace(whole.toString(), "DIR"), merged.out().replace(m.toString(), "DIR"),
                "merge prints the sweep's table");
    }

    @Test
    void aShardOwnsEveryNthSimulation() throws IOException {
        // 4 points x 2 replications: shard 1 owns pairs 0, 3, 6; shard 2 owns 1, 4, 7; shard 3 owns 2, 5.
        assertTrue(Files.readString(parts.get(2).resolve("part.json")).contains("\"shard\" : 3"));
        assertEquals(2, Part.read(parts.get(2)).pairs().size());
        assertEquals(List.of(0, 1, 3), Part.read(parts.get(0)).pairs().stream().map(Part.Pair::point).toList());
        assertEquals(List.of(0, 1, 0), Part.read(parts.get(0)).pairs().stream().map(Part.Pair::replication).toList());
    }

    @Test
    void aCompleteShardRunAgainDoesNothing() throws IOException {
        Path part = parts.get(1);
        long before = Files.getLastModifiedTime(part.resolve("part.json")).toMillis();
        Cli r = Cli.run(sweep("--shard", "2/3", "--out", part.toString()));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Shard 2/3 is already complete in "), r.out());
        assertEquals(before, Files.getLastModifiedTime(part.resolve("part.json")).toMillis());
    }

    @Test
    void mergeMissingListsTheShardsStillToRun() {
        Cli all = merge("--missing");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals("missing: none (all 3 shards complete)", all.out().strip());

        Cli r = Cli.run("merge", "--missing", parts.get(1).toString(), dir.resolve("part-9").toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("missing: 1/3, 3/3", r.out().strip());
    }

    @Test
    void aMissingShardIsRefused() {
        Cli r = Cli.run("merge", parts.get(0).toString(), parts.get(2).toString(), "--out", dir.resolve("no").toString());
        assertEquals(2, r.exitCode());
        assertEquals("lambdasim: merge: shard 2/3 is missing (run it, or give its folder)", r.err().strip());
        assertFalse(Files.exists(dir.resolve("no/sweep.json")));
    }

    @Test
    void aShardGivenTwiceIsRefused() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("copy-of-1"));
        Files.copy(parts.get(0).resolve("part.json"), copy.resolve("part.json"));
        List<String> args = new ArrayList<>(List.of("merge"));
        parts.forEach(p -> args.add(p.toString()));
        args.add(copy.toString());
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode());
        assertEquals("lambdasim: merge: shard 1/3 given twice: " + parts.get(0) + " and " + copy, r.err().strip());
    }

    @Test
    void partsOfTwoSweepsAreRefused() {
        Path other = dir.resolve("other-2");
        Cli s = Cli.run(sweep("--shard", "2/3", "--set", "seed=6", "--out", other.toString()));
        assertEquals(0, s.exitCode(), s.err());
        Cli r = Cli.run("merge", parts.get(0).toString(), other.toString(), parts.get(2).toString());
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lambdasim: merge: " + other + ": a part of another sweep than " + parts.get(0)
                + " (the scenario files or the options differ)"), r.err().lines().toList());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aFolderWithoutAPartAndABrokenPartAreRefusedOneLineEach() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("part.json"), "{\"kind\": \"sweep\",\n \"digest\": 3}");
        Cli r = Cli.run("merge", dir.resolve("nothing-here").toString(), broken.toString());
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lambdasim: merge: " + dir.resolve("nothing-here") + ": no part.json: the shard has not finished, "
                + "or this is not a shard's folder",
                "lambdasim: merge: " + broken.resolve("part.json") + ": lambdasimVersion is missing or not text"),
                r.err().lines().toList());
    }

    @Test
    void theHelpListsMergeAndShard() {
        assertTrue(Cli.run("--help").out().contains("merge"));
        assertTrue(Cli.run("sweep", "--help").out().contains("--shard=K/N"));
        assertTrue(Cli.run("compare", "--help").out().contains("--shard=K/N"));
        assertTrue(Cli.run("run", "--help").out().contains("--shard=K/N"));
        assertTrue(Cli.run("merge", "--help").out().contains("--missing"));
    }

    @Test
    void badShardsAreRefused() {
        for (String bad : List.of("0/3", "4/3", "1/0", "two/3", "3")) {
            Cli r = Cli.run(sweep("--shard", bad, "--out", dir.resolve("bad").toString()));
            assertEquals(2, r.exitCode(), bad);
            assertTrue(r.err().startsWith("lambdasim: --shard: "), r.err());
        }
        Cli tooMany = Cli.run(sweep("--shard", "1/9", "--out", dir.resolve("bad").toString()));
        assertEquals(2, tooMany.exitCode());
        assertEquals("lambdasim: --shard: 1/9: only 8 simulations to share; use at most 8 shards", tooMany.err().strip());
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    @Test
    void aComparisonInThreeShardsMergedGivesTheFilesOfTheWholeComparison() throws IOException {
        Path bigger = dir.resolve("bigger.yaml");
        Files.writeString(bigger, SCENARIO.replace("name: shards", "name: bigger").replace("memorySize: 512", "memorySize: 1769"));
        Path cmp = dir.resolve("cmp");
        Cli w = Cli.run("compare", scenario.toString(), bigger.toString(), "--replications", "3", "--out", cmp.toString());
        assertEquals(0, w.exitCode(), w.err());
        List<String> args = new ArrayList<>(List.of("merge", "--out", dir.resolve("cmp-merged").toString()));
        for (int k = 1; k <= 3; k++) {
            Path part = dir.resolve("cmp-part-" + k);
            Cli r = Cli.run("compare", scenario.toString(), bigger.toString(), "--replications", "3", "--shard", k + "/3",
                    "--out", part.toString());
            assertEquals(0, r.exitCode(), r.err());
            args.add(part.toString());
        }
        // Shard 1 owns (shards, 0) and (bigger, 0): pairs 0 and 3.
        assertTrue(Files.isRegularFile(dir.resolve("cmp-part-1/runs/bigger/metrics.csv")));
        Cli m = Cli.run(args.toArray(String[]::new));
        assertEquals(0, m.exitCode(), m.err());
        Path merged = dir.resolve("cmp-merged");
        assertSameFiles(cmp, merged, List.of("compare.json", "compare.csv", "report.html", "runs/shards/metrics.csv",
                "runs/bigger/metrics.csv"));
        for (String run : List.of("runs/shards/summary.json", "runs/bigger/summary.json")) {
            assertEquals(withoutWallClock(Files.readString(cmp.resolve(run))), withoutWallClock(Files.readString(merged.resolve(run))),
                    run);
        }
        assertEquals(files(cmp.resolve("charts")), files(merged.resolve("charts")));
        for (String f : files(cmp.resolve("charts"))) {
            if (f.endsWith(".svg")) {
                assertSameFiles(cmp, merged, List.of("charts/" + f));
            }
        }
    }

    @Test
    void aRunsReplicationsInThreeShardsMergedGiveTheFilesOfTheWholeRun() throws IOException {
        Path run = dir.resolve("run");
        Cli w = Cli.run("run", scenario.toString(), "--replications", "4", "--out", run.toString());
        assertEquals(0, w.exitCode(), w.err());
        List<String> args = new ArrayList<>(List.of("merge", "--out", dir.resolve("run-merged").toString()));
        for (int k = 1; k <= 3; k++) {
            Path part = dir.resolve("run-part-" + k);
            Cli r = Cli.run("run", scenario.toString(), "--replications", "4", "--shard", k + "/3", "--out", part.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("Shard " + k + "/3 of the replications of shards: " + (k == 1 ? 2 : 1)
                    + " of 4 simulations"), r.out());
            args.add(part.toString());
        }
        // Shard 1 owns replications 0 and 3, and holds replication 0's files (its summary.json without the replications).
        assertTrue(Files.isRegularFile(dir.resolve("run-part-1/metrics.csv")));
        assertFalse(Files.readString(dir.resolve("run-part-1/summary.json")).contains("\"replications\""));
        assertFalse(Files.exists(dir.resolve("run-part-2/metrics.csv")));

        Cli missing = Cli.run("merge", "--missing", dir.resolve("run-part-1").toString(), dir.resolve("run-part-3").toString());
        assertEquals(1, missing.exitCode(), missing.err());
        assertEquals("missing: 2/3", missing.out().strip());

        Cli m = Cli.run(args.toArray(String[]::new));
        assertEquals(0, m.exitCode(), m.err());
        Path merged = dir.resolve("run-merged");
        assertEquals(files(run), files(merged));
        assertEquals(files(run.resolve("data")), files(merged.resolve("data")));
        List<String> same = new ArrayList<>(List.of("metrics.csv", "report-log.txt", "report.html"));
        files(run.resolve("data")).forEach(f -> same.add("data/" + f));
        assertSameFiles(run, merged, same);
        String summary = Files.readString(run.resolve("summary.json"));
        assertTrue(summary.contains("\"replications\" : {"), summary);
        assertEquals(withoutWallClock(summary), withoutWallClock(Files.readString(merged.resolve("summary.json"))));
        assertEquals(files(run.resolve("charts")), files(merged.resolve("charts")));
        for (String f : files(run.resolve("charts"))) {
            if (f.endsWith(".svg")) {
                assertSameFiles(run, merged, List.of("charts/" + f));
            }
        }
        // merge prints the key figures across replications as the run does, its last lines.
        assertTrue(m.out().contains(w.out().substring(w.out().indexOf("  api: "))), m.out());
    }

    @Test
    void aRunIsShardedOnlyWithReplicationsAndWithoutCheck() {
        Cli one = Cli.run("run", scenario.toString(), "--shard", "1/2", "--out", dir.resolve("bad-run").toString());
        assertEquals(2, one.exitCode());
        assertEquals("lambdasim: --shard: shares the replications of a run: give --replications 2 or more "
                + "(one simulation cannot be shared)", one.err().strip());
        Cli check = Cli.run("run", scenario.toString(), "--replications", "2", "--shard", "1/2", "--check", "--out",
                dir.resolve("bad-run").toString());
        assertEquals(2, check.exitCode());
        assertTrue(check.err().startsWith("lambdasim: --check cannot be used with --shard"), check.err());
        Cli tooMany = Cli.run("run", scenario.toString(), "--replications", "2", "--shard", "1/3", "--out",
                dir.resolve("bad-run").toString());
        assertEquals(2, tooMany.exitCode());
        assertEquals("lambdasim: --shard: 1/3: only 2 simulations to share; use at most 2 shards", tooMany.err().strip());
        assertFalse(Files.exists(dir.resolve("bad-run")));
    }

    @Test
    void aShardedRunWithoutReportMergesWithoutReport() throws IOException {
        List<String> args = new ArrayList<>(List.of("merge", "--out", dir.resolve("quiet-merged").toString()));
        for (int k = 1; k <= 2; k++) {
            Path part = dir.resolve("quiet-part-" + k);
            Cli r = Cli.run("run", scenario.toString(), "--replications", "2", "--no-report", "--set", "duration=30s",
                    "--shard", k + "/2", "--out", part.toString());
            assertEquals(0, r.exitCode(), r.err());
            args.add(part.toString());
        }
        Cli m = Cli.run(args.toArray(String[]::new));
        assertEquals(0, m.exitCode(), m.err());
        assertEquals(List.of("data", "metrics.csv", "report-log.txt", "summary.json"), files(dir.resolve("quiet-merged")));
        // --no-report is one of the run's options: a part with the report does not merge with one without.
        Path loud = dir.resolve("loud-part-2");
        Cli r = Cli.run("run", scenario.toString(), "--replications", "2", "--set", "duration=30s", "--shard", "2/2", "--out",
                loud.toString());
        assertEquals(0, r.exitCode(), r.err());
        Cli mixed = Cli.run("merge", dir.resolve("quiet-part-1").toString(), loud.toString());
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("a part of another run than"), mixed.err());
    }

    private static String withoutWallClock(String summary) {
        return summary.replaceAll("\"(wallSeconds|invocationsPerSecond)\" : [0-9.E]+", "\"$1\" : 0");
    }

    private static void assertSameFiles(Path a, Path b, List<String> names) throws IOException {
        for (String f : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
