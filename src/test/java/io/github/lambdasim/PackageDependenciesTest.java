package io.github.lambdasim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of lambdasim depend on each other in one direction only: no cycle among them,
 * and each imports no more than {@link #ALLOWED} lets it. A package is named relative to
 * {@code io.github.lambdasim} ({@code report.chart}); a dependency is an import, a static import
 * or a fully qualified name in the code of a file under src/main/java (comments and strings
 * aside), up to its first capitalised segment. A new dependency that the table does not list
 * fails with the file, the line and the import; a deliberate one goes into the table, never
 * back up the layers.
 */
class PackageDependenciesTest {
    private static final Path ROOT = Path.of("src/main/java/io/github/lambdasim");
    private static final String PREFIX = "io.github.lambdasim.";

    /**
     * What each package may import, besides itself, the JDK and libraries. Nothing imports cli;
     * report.data is what report and report.chart read, and reads neither of them; it reads the
     * model's figure registry, which says what each figure of summary.json is.
     */
    static final Map<String, Set<String>> ALLOWED = table(
            "engine",       "",
            "stats",        "",
            "billing",      "",
            "fit",          "",
            "templates",    "",
            "scenario",     "billing engine",
            "model",        "billing engine scenario stats",
            "report.data",  "billing model scenario stats",
            "report.chart", "report.data stats",
            "report",       "billing model report.chart report.data scenario stats",
            "cli",          "billing fit model report report.data scenario stats templates");

    /** One use of another package: where it is and what it says. */
    record Use(String from, String to, String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    @Test
    void noCycleAmongPackages() throws IOException {
        List<Use> uses = uses(ROOT);
        List<String> cycle = cycle(graph(uses));
        if (!cycle.isEmpty()) {
            StringBuilder sb = new StringBuilder("cycle among packages: " + String.join(" -> ", cycle));
            for (int i = 0; i + 1 < cycle.size(); i++) {
                String from = cycle.get(i);
                String to = cycle.get(i + 1);
                uses.stream().filter(u -> u.from().equals(from) && u.to().equals(to)).findFirst()
                        .ifPresent(u -> sb.append("\n  ").append(from).append(" -> ").append(to).append(": ").append(u));
            }
            fail(sb.toString());
        }
    }

    @Test
    void eachPackageImportsOnlyWhatTheTableAllows() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Use u : uses(ROOT)) {
            Set<String> allowed = ALLOWED.get(u.from());
            if (allowed == null) {
                wrong.add(u + " (package " + u.from() + " is not in the table)");
            } else if (!allowed.contains(u.to())) {
                wrong.add(u + " (" + u.from() + " may import " + (allowed.isEmpty() ? "no other package"
                        : "only " + String.join(", ", allowed)) + ")");
            }
        }
        assertTrue(wrong.isEmpty(), "imports against the direction of the packages:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void theTableNamesThePackagesThereAreAndHasNoCycle() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .forEach(p -> packages.add(ROOT.relativize(p.getParent()).toString().replace('/', '.')
                            .replace('\\', '.')));
        }
        assertEquals(packages, new TreeSet<>(ALLOWED.keySet()), "the table's packages");
        ALLOWED.forEach((p, to) -> assertTrue(packages.containsAll(to), p + " may import a package there is not: " + to));
        assertEquals(List.of(), cycle(ALLOWED), "the table allows a cycle");
    }

    /** The finder itself: imports, static imports and qualified names count; comments and strings do not. */
    @Test
    void findsImportsAndQualifiedNamesOutsideCommentsAndStrings() {
        String source = """
                package io.github.lambdasim.report.chart;

                import static io.github.lambdasim.report.Html.esc;
                import io.github.lambdasim.report.data.ReportData.PeriodTable;
                import io.github.lambdasim.stats.*;
                /** See {@link io.github.lambdasim.cli.Main}. */
                class X { // io.github.lambdasim.engine.EventQueue
                    String s = "io.github.lambdasim.model.Simulation";
                    String t = \"""
                            io.github.lambdasim.billing.Bill
                            \""";
                    char c = '"';
                    io.github.lambdasim.scenario.Units u;
                }
                """;
        List<Use> uses = uses("X.java", source);
        assertEquals(List.of("report 3", "report.data 4", "stats 5", "scenario 13"),
                uses.stream().map(u -> u.to() + " " + u.line()).toList());
        assertTrue(uses.stream().allMatch(u -> u.from().equals("report.chart")));
        assertEquals(List.of("a", "b", "a"), cycle(Map.of("a", Set.of("b"), "b", Set.of("a"))));
        assertEquals(List.of(), cycle(Map.of("a", Set.of("b"), "b", Set.of())));
    }

    // ---------------------------------------------------------------- reading the sources

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(?:static\\s+)?(io\\.github\\.lambdasim\\.[\\w.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bio\\.github\\.lambdasim\\.(?:[a-z_]\\w*\\.)*[A-Z]\\w*");

    static List<Use> uses(Path root) throws IOException {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                uses.addAll(uses(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return uses;
    }

    /** The uses of other lambdasim packages in one source file. */
    static List<Use> uses(String file, String source) {
        String code = codeOnly(source);
        Matcher pm = PACKAGE.matcher(code);
        if (!pm.find() || !(pm.group(1) + ".").startsWith(PREFIX)) {
            throw new AssertionError(file + ": no package below " + PREFIX);
        }
        String from = pm.group(1).substring(PREFIX.length());
        List<Use> uses = new ArrayList<>();
        Set<Integer> importStarts = new TreeSet<>();
        Matcher im = IMPORT.matcher(code);
        while (im.find()) {
            importStarts.add(im.start(1));
            add(uses, from, packageOf(im.group(1)), file, code, im.start(1), source);
        }
        Matcher qm = QUALIFIED.matcher(code);
        while (qm.find()) {
            if (!importStarts.contains(qm.start())) {
                add(uses, from, packageOf(qm.group()), file, code, qm.start(), source);
            }
        }
        uses.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return uses;
    }

    private static void add(List<Use> uses, String from, String to, String file, String code, int at, String source) {
        if (to.equals(from)) {
            return;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        int start = source.lastIndexOf('\n', at) + 1;
        int end = source.indexOf('\n', at);
        uses.add(new Use(from, to, file, line, source.substring(start, end < 0 ? source.length() : end).strip()));
    }

    /** {@code report.chart} of {@code io.github.lambdasim.report.chart.Charts.NamedChart} or {@code ...report.chart.*}. */
    static String packageOf(String name) {
        List<String> segments = new ArrayList<>();
        for (String s : name.substring(PREFIX.length()).split("\\.")) {
            if (s.equals("*") || Character.isUpperCase(s.charAt(0))) {
                break;
            }
            segments.add(s);
        }
        return String.join(".", segments);
    }

    /** The source with comments, strings, text blocks and characters blanked out, newlines kept. */
    static String codeOnly(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = closing(s, i + 3, "\"\"\"");
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                end = closing(s, i + 1, String.valueOf(s.charAt(i)));
            } else {
                sb.append(s.charAt(i++));
                continue;
            }
            for (int j = i; j < end; j++) {
                sb.append(s.charAt(j) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return sb.toString();
    }

    /** The index after {@code quote} closing a literal that starts at {@code from}, skipping escapes. */
    private static int closing(String s, int from, String quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return s.length();
    }

    // ---------------------------------------------------------------- the graph

    static Map<String, Set<String>> graph(List<Use> uses) {
        Map<String, Set<String>> g = new TreeMap<>();
        for (Use u : uses) {
            g.computeIfAbsent(u.from(), k -> new TreeSet<>()).add(u.to());
            g.computeIfAbsent(u.to(), k -> new TreeSet<>());
        }
        return g;
    }

    /** A cycle as its packages, the first repeated at the end ({@code a -> b -> a}), or empty when there is none. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>(); // absent: unseen, 1: on the path, 2: done
        for (String start : new TreeSet<>(graph.keySet())) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String p, Map<String, Set<String>> graph, Map<String, Integer> state,
                                      List<String> path) {
        Integer s = state.get(p);
        if (s != null && s == 1) {
            List<String> c = new ArrayList<>(path.subList(path.indexOf(p), path.size()));
            c.add(p);
            return c;
        }
        if (s != null) {
            return List.of();
        }
        state.put(p, 1);
        path.add(p);
        for (String q : new TreeSet<>(graph.getOrDefault(p, Set.of()))) {
            List<String> found = visit(q, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return List.of();
    }

    private static Map<String, Set<String>> table(String... rows) {
        Map<String, Set<String>> t = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 2) {
            t.put(rows[i], rows[i + 1].isBlank() ? Set.of() : new TreeSet<>(List.of(rows[i + 1].trim().split("\\s+"))));
        }
        return t;
    }
}
