package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does with compare: copies a scenario and changes one value (same name: each
 * side is labelled by its file), compares one file with itself under another value ({@code --set
 * 2:...}: the label says what differs), compares scenarios whose functions differ (what could not
 * be paired is said), gives one scenario only (a clear message); and a misplaced --vary path is
 * reported once with the full path to use.
 */
class CompareLabelsTest {
    private static final String SCENARIO = """
            name: tiny
            description: A small API for the tests of compare's labels.
            duration: 1m
            seed: 3
            functions:
              - name: api
                memorySize: 512
                coldStart: {constant: 150ms}
                handler:
                  steps:
                    - cpu: 40ms
            traffic:
              - {function: api, poisson: {rate: 5/s}}
            """;

    @TempDir
    static Path dir;
    private static Path tiny;
    private static Path copy;

    @BeforeAll
    static void scenarios() throws Exception {
        tiny = dir.resolve("tiny.yaml");
        Files.writeString(tiny, SCENARIO);
        copy = dir.resolve("tiny-1769.yaml");
        Files.writeString(copy, SCENARIO.replace("memorySize: 512", "memorySize: 1769"));
    }

    /**
     * 520 MB against 512 MB: the handler's 40 ms of CPU at 520/1,769 of a vCPU instead of 512/1,769,
     * 2.13 ms off a 288 ms p99 (a 150 ms cold start and 138 ms of work) on the same arrivals: -0.74%.
     * The paired difference is real (its interval excludes zero) but below the default 1% practical
     * threshold, so it is not news; at 0.5% it is.
     */
    @Test
    void aDifferenceIsMarkedWhenRealAndAtLeastThePracticalThreshold() throws Exception {
        Path at1 = dir.resolve("threshold-1");
        Cli r = Cli.run("compare", tiny.toString(), tiny.toString(), "--set", "2:functions.api.memorySize=520",
                "--replications", "2", "--out", at1.toString());
        assertEquals(0, r.exitCode(), r.err());
        String latency = r.out().lines().filter(l -> l.startsWith("Latency p99")).findFirst().orElseThrow();
        assertTrue(latency.endsWith("286 ms (-2.13 ms ± 0 ms, -0.74%)"), r.out());
        assertTrue(r.out().contains("No difference is both real (its interval excludes zero) and at least 1% of tiny's value"),
                r.out());
        String json = Files.readString(at1.resolve("compare.json"));
        assertTrue(json.contains("\"threshold\" : 0.01"), json);
        assertTrue(json.replaceAll("\\s+", "").contains("\"differenceRelative\":-0.007377,\"differenceMatters\":false"), json);
        assertTrue(Files.readString(at1.resolve("report.html")).contains("<tr><th scope=\"row\">Latency p99</th><td>288 ± 0 ms"
                + "</td><td>286 ± 0 ms</td><td>-2.13 ± 0.00 ms <span class=\"rel\">(-0.74%)</span></td></tr>"), "not coloured");

        Path half = dir.resolve("threshold-half");
        r = Cli.run("compare", tiny.toString(), tiny.toString(), "--set", "2:functions.api.memorySize=520",
                "--replications", "2", "--threshold", "0.5%", "--out", half.toString());
        assertEquals(0, r.exitCode(), r.err());
        latency = r.out().lines().filter(l -> l.startsWith("Latency p99")).findFirst().orElseThrow();
        assertTrue(latency.endsWith("-0.74%) *"), r.out());
        assertTrue(r.out().contains("* a difference that matters: its interval excludes zero and it is at least 0.5% of "
                + "tiny's value"), r.out());
        assertTrue(Files.readString(half.resolve("compare.json")).replaceAll("\\s+", "")
                .contains("\"differenceRelative\":-0.007377,\"differenceMatters\":true"));
        assertTrue(Files.readString(half.resolve("report.html")).contains("<tr><th scope=\"row\">Latency p99</th><td>288 ± 0 ms"
                + "</td><td>286 ± 0 ms</td><td class=\"better\">-2.13"), "the faster p99 is coloured");

        r = Cli.run("compare", tiny.toString(), tiny.toString(), "--threshold", "a lot");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--threshold: expected a percentage such as 1% or 0.5%, found 'a lot'"), r.err());
    }

    /** Three or more scenarios: the latency over time is one panel per scenario, not lines overlaid into one band. */
    @Test
    void threeScenariosAreDrawnAsSmallMultiples() throws Exception {
        Path out = dir.resolve("three");
        Cli r = Cli.run("compare", tiny.toString(), copy.toString(), tiny.toString(), "--set", "3:functions.api.memorySize=256",
                "--replications", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String svg = Files.readString(out.resolve("charts/latency-p99-api.svg"));
        assertTrue(svg.contains("one panel per scenario on one scale"), "the subtitle says so");
        assertTrue(svg.contains(">tiny [memorySize=256]<") && svg.contains(">tiny-1769<"), "each panel named");
    }

    @Test
    void twoFilesWithTheSameNameAreLabelledByTheirFilesAndReportDrawsThemAgain() throws Exception {
        Path out = dir.resolve("same-name");
        Cli r = Cli.run("compare", tiny.toString(), copy.toString(), "--replications", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("figure") && l.contains("tiny ") && l.contains("tiny-1769")),
                r.out());
        assertTrue(Files.readString(out.resolve("compare.csv")).startsWith("figure,tiny,tiny.ci95,tiny-1769,tiny-1769.ci95,"));
        assertTrue(Files.isRegularFile(out.resolve("runs/tiny/metrics.csv")));
        assertTrue(Files.isRegularFile(out.resolve("runs/tiny-1769/metrics.csv")));
        for (String chart : List.of("key-figures-api", "latency-p99-api", "cost-over-time")) {
            SweepReportTest.assertChart(out, chart);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h1>tiny vs tiny-1769</h1>"), html);
        assertTrue(html.contains("tiny-1769 (scenario tiny)"), "the scenario's own name is still said");

        Cli again = Cli.run("report", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(html, Files.readString(out.resolve("report.html")));

        // A folder written before labels were unique (both sides "tiny") is drawn, told apart by position.
        Path old = dir.resolve("old");
        Files.createDirectories(old.resolve("runs"));
        Files.writeString(old.resolve("compare.json"), Files.readString(out.resolve("compare.json"))
                .replace("\"scenario\" : \"tiny-1769\"", "\"scenario\" : \"tiny\""));
        for (String run : List.of("tiny", "tiny-1769")) {
            Files.createDirectories(old.resolve("runs/" + run));
            for (String f : List.of("summary.json", "metrics.csv")) {
                Files.copy(out.resolve("runs/" + run + "/" + f), old.resolve("runs/" + run + "/" + f));
            }
        }
        Cli oldReport = Cli.run("report", old.toString());
        assertEquals(0, oldReport.exitCode(), oldReport.err());
        assertTrue(oldReport.out().contains("tiny (1) vs tiny (2)"), oldReport.out());
    }

    @Test
    void oneFileComparedWithItselfSaysWhatDiffersAndMatchesTheCopy() throws Exception {
        Path out = dir.resolve("itself");
        Cli r = Cli.run("compare", tiny.toString(), tiny.toString(), "--set", "2:functions.api.memorySize=1769",
                "--replications", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("tiny [memorySize=1769]"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("runs/tiny-memorySize-1769/summary.json")));
        assertTrue(Files.readString(out.resolve("compare.json")).contains("\"scenario\" : \"tiny [memorySize=1769]\""));
        assertTrue(Files.readString(out.resolve("report.html")).contains("<h1>tiny vs tiny [memorySize=1769]</h1>"));

        // The same figures as the copy of the file with 1769 MB written in it.
        Path files = dir.resolve("files");
        assertEquals(0, Cli.run("compare", tiny.toString(), copy.toString(), "--replications", "2", "--out",
                files.toString()).exitCode());
        assertEquals(Files.readString(files.resolve("compare.csv")).replace("tiny-1769", "X"),
                Files.readString(out.resolve("compare.csv")).replace("tiny [memorySize=1769]", "X"));

        // Nothing tells them apart: numbered; --label wins.
        Cli twice = Cli.run("compare", tiny.toString(), tiny.toString(), "--replications", "2", "--out",
                dir.resolve("twice").toString());
        assertEquals(0, twice.exitCode(), twice.err());
        assertTrue(Files.isDirectory(dir.resolve("twice/runs/tiny-1")) && Files.isDirectory(dir.resolve("twice/runs/tiny-2")));
        Cli labelled = Cli.run("compare", tiny.toString(), tiny.toString(), "--set", "2:functions.api.memorySize=1769",
                "--label", "small", "--label", "big/fast", "--replications", "2", "--out", dir.resolve("labelled").toString());
        assertEquals(0, labelled.exitCode(), labelled.err());
        assertTrue(Files.isDirectory(dir.resolve("labelled/runs/big-fast")));
        assertTrue(labelled.out().contains("small") && labelled.out().contains("big/fast"), labelled.out());
    }

    @Test
    void badPerScenarioSetsAndLabelsAreRefused() {
        Cli r = Cli.run("compare", tiny.toString(), tiny.toString(), "--set", "3:seed=4", "--out", dir.resolve("no").toString());
        assertEquals(2, r.exitCode());
        assertEquals("lambdasim: --set 3:seed=4: there is no scenario 3 (1 to 2, in the order given)", r.err().strip());
        Cli one = Cli.run("compare", tiny.toString(), copy.toString(), "--label", "a", "--out", dir.resolve("no").toString());
        assertEquals(2, one.exitCode());
        assertTrue(one.err().startsWith("lambdasim: --label: 1 label for 2 scenarios"), one.err());
        Cli same = Cli.run("compare", tiny.toString(), copy.toString(), "--label", "a", "--label", "a");
        assertEquals(2, same.exitCode());
        assertTrue(same.err().contains("'a' is given twice"), same.err());
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void figuresThatCannotBePairedAreSaid() throws Exception {
        Path web = dir.resolve("web.yaml");
        Files.writeString(web, SCENARIO.replace("name: tiny", "name: web").replace("name: api", "name: web")
                .replace("function: api", "function: web"));
        Path out = dir.resolve("unpaired");
        Cli r = Cli.run("compare", tiny.toString(), web.toString(), "--replications", "2", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Not compared (not in every scenario, so nothing to pair them with):"), r.out());
        assertTrue(r.out().contains("  tiny: function api ("), r.out());
        assertTrue(r.out().contains("  web: function web ("), r.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<b>Not compared</b>") && html.contains("<li>web: function web ("), html);
    }

    @Test
    void oneScenarioGetsAClearMessage() {
        for (List<String> args : List.of(List.of("compare", "a.yaml", "--replications", "3"), List.of("compare"))) {
            Cli r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode());
            assertEquals("lambdasim: compare needs at least two scenarios; to compare one file with itself under other "
                    + "values: compare A.yaml A.yaml --set 2:PATH=VALUE", r.err().lines().findFirst().orElse(""));
        }
    }

    @Test
    void aMisplacedVaryPathIsReportedOnceWithTheFullPath() {
        Cli r = Cli.run("sweep", tiny.toString(), "--vary", "memorySize=512,1024,1769", "--replications", "2",
                "--out", dir.resolve("no-sweep").toString());
        assertEquals(2, r.exitCode());
        assertEquals(List.of("lambdasim: the sweep's points are not valid scenarios:",
                "  every point: tiny.yaml --set: memorySize: unknown key 'memorySize'; did you mean 'functions.api.memorySize'?"),
                r.err().lines().toList());
        Cli partly = Cli.run("sweep", tiny.toString(), "--vary", "functions.api.memorySize=64,1024", "--replications", "2",
                "--out", dir.resolve("no-sweep").toString());
        assertEquals(2, partly.exitCode());
        assertTrue(partly.err().contains("  point functions.api.memorySize=64: "), partly.err());
        assertFalse(Files.exists(dir.resolve("no-sweep")));
    }

    @Test
    void aComparisonOfOneFileWithItselfInShardsMergesToTheSameFiles() throws Exception {
        Path whole = dir.resolve("shard-whole");
        String[] base = {"compare", tiny.toString(), tiny.toString(), "--set", "2:functions.api.memorySize=1769",
            "--replications", "2"};
        assertEquals(0, Cli.run(concat(base, "--out", whole.toString())).exitCode());
        for (int k = 1; k <= 2; k++) {
            Cli r = Cli.run(concat(base, "--shard", k + "/2", "--out", dir.resolve("shard-" + k).toString()));
            assertEquals(0, r.exitCode(), r.err());
        }
        Cli m = Cli.run("merge", dir.resolve("shard-1").toString(), dir.resolve("shard-2").toString(), "--out",
                dir.resolve("shard-merged").toString());
        assertEquals(0, m.exitCode(), m.err());
        for (String f : List.of("compare.json", "compare.csv", "report.html", "runs/tiny-memorySize-1769/metrics.csv")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(dir.resolve("shard-merged").resolve(f)), f);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
