package io.github.lambdasim.report.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasim.report.data.ReportData.PeriodTable;
import io.github.lambdasim.report.data.ReportFiles.Invalid;
import io.github.lambdasim.stats.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comparison as read back from its files: compare.json (each scenario's key figures and its
 * paired difference from the first) and, for the charts over time, replication 0 of each
 * scenario in {@code runs/<scenario>/} (summary.json and metrics.csv).
 *
 * @param threshold the practical threshold: a difference matters when its interval excludes zero
 *                  and it is at least this share of the first scenario's value
 * @param window    the part of the run measured ({@code --window}), as compare says it; null for all of it
 */
public record CompareData(int replications, double threshold, List<Side> sides, String window) {
    public static final String FILE = "compare.json";
    /** Where replication 0 of each scenario is written, one folder each. */
    public static final String RUNS = "runs/";
    public static final String COST_FIGURE = "costUsd.month.total";
    /** How the key figures of an entry point of an event-driven scenario begin: {@code entryPoints.<source>.}. */
    public static final String ENTRY_POINTS = "entryPoints.";

    public CompareData {
        sides = List.copyOf(sides);
    }

    /**
     * One scenario of the comparison.
     *
     * @param scenario    its label, unique in the comparison (the scenario's name unless names collide)
     * @param name        the scenario's name (its {@code name:})
     * @param differences each figure's difference from the first scenario (empty for the first)
     * @param unpaired    its key figures that are not compared, because some other scenario lacks them
     * @param run         replication 0, or null when compare.json names no run folder
     */
    public record Side(String scenario, String name, String file, String description, long seed,
                       Map<String, Estimate> figures, Map<String, Estimate> differences, List<String> unpaired, Run run) {
        public Side {
            figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
            differences = Collections.unmodifiableMap(new LinkedHashMap<>(differences));
            unpaired = List.copyOf(unpaired);
        }
    }

    /** Replication 0 of a scenario: its length, its functions and its metrics per period. */
    public record Run(String folder, double simulatedSeconds, List<String> functions, PeriodTable periods,
                      java.time.ZonedDateTime start) {
        public Run {
            functions = List.copyOf(functions);
        }
    }

    /** {@code a vs b vs c}. */
    public String title() {
        return String.join(" vs ", sides.stream().map(Side::scenario).toList());
    }

    /** The figures every scenario has, in the first scenario's order. */
    public List<String> figures() {
        return List.copyOf(sides.get(0).figures().keySet());
    }

    /** The functions every scenario has (those with key figures), in order. */
    public List<String> functions() {
        List<String> out = new ArrayList<>();
        for (String f : figures()) {
            if (f.endsWith(".latencyMs.p99")) {
                out.add(f.substring(0, f.length() - ".latencyMs.p99".length()));
            }
        }
        return out;
    }

    /** The entry points every scenario has (event-driven scenarios), in the order of their figures. */
    public List<String> entryPoints() {
        List<String> out = new ArrayList<>();
        for (String f : figures()) {
            String entry = f.startsWith(ENTRY_POINTS) ? io.github.lambdasim.model.KeyFigures.entryPoint(f) : null;
            if (entry != null && !out.contains(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** What could not be compared, one line per scenario that has figures others lack (empty when all pair). */
    public List<String> unpairedLines() {
        return unpairedLines(sides.stream().map(Side::scenario).toList(), sides.stream().map(Side::unpaired).toList());
    }

    /**
     * One line per scenario that has key figures some other scenario lacks, grouped by function
     * or entry point: {@code quickstart: function api (only some of the scenarios have it)}.
     */
    public static List<String> unpairedLines(List<String> labels, List<List<String>> unpaired) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Map<String, List<String>> byOwner = new LinkedHashMap<>();
            for (String f : unpaired.get(i)) {
                byOwner.computeIfAbsent(owner(f), k -> new ArrayList<>()).add(f);
            }
            if (byOwner.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            byOwner.forEach((owner, figures) -> parts.add(owner + (figures.size() > 3
                    ? " (" + figures.size() + " figures)" : " (" + String.join(", ", figures) + ")")));
            lines.add(labels.get(i) + ": " + String.join("; ", parts));
        }
        return lines;
    }

    /** {@code function api}, {@code entry point orders}, or the figure itself for a scenario-wide one. */
    private static String owner(String figure) {
        String entry = io.github.lambdasim.model.KeyFigures.entryPoint(figure);
        if (entry != null) {
            return "entry point " + entry;
        }
        String source = io.github.lambdasim.model.KeyFigures.sourceOwner(figure);
        if (source != null) {
            return source;
        }
        io.github.lambdasim.model.Figure f = io.github.lambdasim.model.KeyFigures.figure(figure);
        if (f != null && figure.endsWith("." + f.path()) && figure.length() > f.path().length() + 1) {
            return "function " + figure.substring(0, figure.length() - f.path().length() - 1);
        }
        return figure;
    }

    /** Whether every scenario's replication 0 is there to draw charts over time. */
    public boolean hasRuns() {
        return sides.stream().allMatch(s -> s.run() != null);
    }

    public static boolean isComparison(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static CompareData read(Path dir) {
        JsonNode root = ReportFiles.json(dir, FILE);
        int replications = (int) ReportFiles.integer(root, "replications", FILE);
        JsonNode list = root.path("scenarios");
        if (!list.isArray() || list.size() < 2) {
            throw new Invalid(FILE + ": scenarios is missing or has fewer than two");
        }
        List<Side> sides = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String w = FILE + ": scenarios[" + i + "]";
            Map<String, Estimate> figures = new LinkedHashMap<>();
            Map<String, Estimate> differences = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : ReportFiles.object(s, "figures", w).properties()) {
                String fw = w + ".figures." + f.getKey();
                JsonNode n = f.getValue();
                figures.put(f.getKey(), new Estimate(ReportFiles.decimal(n, "mean", fw), half(n.path("ci95")), replications));
                if (i > 0) {
                    differences.put(f.getKey(), new Estimate(ReportFiles.decimal(n, "difference", fw),
                            half(n.path("differenceCi95")), replications));
                }
            }
            RunAndDescription run = null;
            JsonNode folder = s.path("run");
            if (folder.isTextual()) {
                run = run(dir, folder.asText(), w);
            }
            List<String> unpaired = new ArrayList<>();
            if (s.path("unpaired").isArray()) {
                s.path("unpaired").forEach(u -> unpaired.add(u.asText()));
            }
            String label = ReportFiles.string(s, "scenario", w);
            sides.add(new Side(label, s.path("name").asText(label), s.path("file").asText(""),
                    s.path("description").asText(run == null ? "" : run.description), ReportFiles.integer(s, "seed", w),
                    figures, differences, unpaired, run == null ? null : run.run));
        }
        // Folders written before labels were unique: tell their scenarios apart by position.
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean collide = !sides.stream().allMatch(s -> seen.add(s.scenario()));
        if (collide) {
            for (int i = 0; i < sides.size(); i++) {
                Side s = sides.get(i);
                sides.set(i, new Side(s.scenario() + " (" + (i + 1) + ")", s.name(), s.file(), s.description(), s.seed(),
                        s.figures(), s.differences(), s.unpaired(), s.run()));
            }
        }
        for (Side s : sides) {
            if (!s.figures().keySet().equals(sides.get(0).figures().keySet())) {
                throw new Invalid(FILE + ": " + s.scenario() + " has other figures than " + sides.get(0).scenario());
            }
        }
        if (!sides.get(0).figures().containsKey(COST_FIGURE)) {
            throw new Invalid(FILE + ": no figure " + COST_FIGURE);
        }
        return new CompareData(replications, root.path("threshold").isNumber() ? root.path("threshold").asDouble()
                : io.github.lambdasim.stats.Difference.DEFAULT_THRESHOLD, sides,
                root.path("window").isTextual() ? root.path("window").asText() : null);
    }

    private static double half(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private record RunAndDescription(Run run, String description) {
    }

    private static RunAndDescription run(Path dir, String folder, String where) {
        Path p = dir.resolve(folder).normalize();
        if (!p.startsWith(dir.normalize()) || !folder.startsWith(RUNS)) {
            throw new Invalid(where + ": run '" + folder + "' is not a folder under " + RUNS);
        }
        JsonNode summary = ReportFiles.json(dir, folder + "/summary.json");
        String sw = folder + "/summary.json";
        List<String> functions = new ArrayList<>();
        ReportFiles.object(summary, "functions", sw).fieldNames().forEachRemaining(functions::add);
        double simulatedSeconds = ReportFiles.decimal(summary, "simulatedSeconds", sw);
        PeriodTable periods;
        try (java.io.BufferedReader in = ReportFiles.reader(dir, folder + "/metrics.csv")) {
            periods = ReportFiles.metrics(in, functions, new java.util.HashSet<>(functions), simulatedSeconds,
                    folder + "/metrics.csv");
        } catch (java.io.IOException e) {
            throw new ReportFiles.Invalid(dir.resolve(folder + "/metrics.csv") + ": cannot read: " + e.getMessage());
        }
        return new RunAndDescription(new Run(folder, simulatedSeconds, functions, periods, ReportFiles.start(summary, sw)),
                summary.path("description").asText(""));
    }
}
