package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With more than a dozen functions the report leads with the account: its numbers and charts,
 * then one table of every function, the costliest first, then the charts of the costliest
 * functions only ({@code --charts-for}, default 10); the text summary lists the costliest with
 * their headline figures. {@code report --charts-for} redraws with another count.
 */
class AccountReportTest {
    private static final int FUNCTIONS = 14;
    private static final List<String> KINDS = List.of("latency-", "latency-distribution-", "concurrency-", "invocations-");

    @TempDir
    static Path dir;
    private static Path out;
    private static Cli run;

    @BeforeAll
    static void runAnAccount() throws IOException {
        StringBuilder yaml = new StringBuilder("""
                name: account
                description: Fourteen functions of different rates and sizes.
                duration: 10m
                seed: 3
                functions:
                """);
        for (int i = 0; i < FUNCTIONS; i++) {
            yaml.append("  - {name: fn-").append(i).append(", memorySize: ").append(128 + 64 * (i % 5))
                    .append(", handler: {duration: {lognormal: {median: ").append(20 + 7 * i).append("ms, p99: 400ms}}}}\n");
        }
        yaml.append("traffic:\n");
        for (int i = 0; i < FUNCTIONS; i++) {
            yaml.append("  - {function: fn-").append(i).append(", poisson: {rate: ").append(1 + (i * 7) % 11).append("/s}}\n");
        }
        Path scenario = dir.resolve("account.yaml");
        Files.writeString(scenario, yaml);
        out = dir.resolve("out");
        run = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    /** The functions by monthly cost (cents, then exact), from summary.json. */
    private static List<String> byCost() throws IOException {
        JsonNode functions = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("functions");
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>(functions.properties());
        list.sort(Comparator.comparing((Map.Entry<String, JsonNode> e) -> e.getValue().at("/costUsd/month/total").decimalValue())
                .thenComparing(e -> e.getValue().at("/costUsd/month/exact/total").decimalValue()).reversed());
        return list.stream().map(Map.Entry::getKey).toList();
    }

    private static Set<String> chartedFunctions(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("charts"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("invocations-") && n.endsWith(".svg"))
                    .map(n -> n.substring("invocations-".length(), n.length() - 4)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void thePageLeadsWithTheAccountThenEveryFunctionThenTheCostliestCharts() throws IOException {
        String html = Files.readString(out.resolve("report.html"));
        int account = html.indexOf("<section id=\"account\">");
        int table = html.indexOf("<section id=\"functions\">");
        int charts = html.indexOf("<section id=\"charts\">");
        assertTrue(account > 0 && account < table && table < charts, "account, table, charts in that order");
        assertTrue(html.indexOf("id=\"fig-account-concurrency\"") < table);
        assertTrue(html.indexOf("id=\"fig-cost-by-function\"") < table);
        List<String> byCost = byCost();
        int at = table;
        for (String f : byCost) {
            int row = html.indexOf(">" + f + "<", at);
            assertTrue(row > at, f + " is in the table after the costlier ones");
            at = row;
        }
        assertEquals(new TreeSet<>(byCost.subList(0, ChartsOption.DEFAULT)), chartedFunctions(out));
        for (String f : byCost.subList(0, ChartsOption.DEFAULT)) {
            for (String kind : KINDS) {
                assertTrue(Files.isRegularFile(out.resolve("charts/" + kind + f + ".png")), kind + f);
            }
            assertTrue(html.contains("<a href=\"#fn-" + f + "\">"), "the table links " + f + " to its charts");
        }
        assertFalse(html.contains("<a href=\"#fn-" + byCost.get(FUNCTIONS - 1) + "\">"), "no link without charts");
    }

    @Test
    void theTextSummaryListsTheCostliestFunctions() throws IOException {
        List<String> byCost = byCost();
        String text = run.out();
        assertTrue(text.contains(FUNCTIONS + " functions, the costliest first"), text);
        int at = 0;
        for (String f : byCost.subList(0, TextSummary.LISTED)) {
            int line = text.indexOf("\n  " + f + " ", at);
            assertTrue(line > at, f + " listed in order: " + text);
            at = line;
        }
        assertTrue(text.contains("... and " + (FUNCTIONS - TextSummary.LISTED) + " more"), text);
    }

    @Test
    void chartsForChoosesHowManyFunctionsGetTheirOwnCharts() throws IOException {
        List<String> byCost = byCost();
        Path copy = dir.resolve("redrawn");
        Files.createDirectories(copy.resolve("data"));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString();
                if (!rel.startsWith("charts") && !rel.equals("report.html")) {
                    Files.copy(p, copy.resolve(rel));
                }
            }
        }
        assertEquals(0, Cli.run("report", copy.toString(), "--charts-for", "3").exitCode());
        assertEquals(new TreeSet<>(byCost.subList(0, 3)), chartedFunctions(copy));
        Cli all = Cli.run("report", copy.toString(), "--charts-for", "all");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals(new TreeSet<>(byCost), chartedFunctions(copy));
        Cli bad = Cli.run("report", copy.toString(), "--charts-for", "some");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--charts-for: 'some' is not a number of functions (0 or more) or 'all'"), bad.err());
    }
}
