package io.github.lambdasim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sides of a comparison: which {@code --set} applies to which scenario ({@code --set
 * PATH=VALUE} to every one, {@code --set K:PATH=VALUE} to the K-th only) and the label each side
 * is shown and filed under.
 */
final class CompareSides {
    /** {@code 2:functions.api.memorySize=2048}: the scenario's position (from 1), then the override. */
    private static final Pattern PER_SIDE = Pattern.compile("(\\d{1,4}):(.+)", Pattern.DOTALL);
    private static final int MAX_FOLDER = 100;

    private CompareSides() {
    }

    /** The overrides of each of {@code n} scenarios, in the order given: the plain ones and those aimed at it. */
    static List<List<String>> overrides(List<String> sets, int n) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (String set : sets) {
            Matcher m = PER_SIDE.matcher(set);
            if (!m.matches()) {
                out.forEach(l -> l.add(set));
                continue;
            }
            int k = Integer.parseInt(m.group(1));
            if (k < 1 || k > n) {
                throw new IllegalArgumentException("--set " + set + ": there is no scenario " + k + " (1 to " + n
                        + ", in the order given)");
            }
            out.get(k - 1).add(m.group(2));
        }
        return out;
    }

    /** The overrides aimed at each scenario alone ({@code --set K:PATH=VALUE}), without the position. */
    static List<List<String>> ownOverrides(List<String> sets, int n) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (String set : sets) {
            Matcher m = PER_SIDE.matcher(set);
            if (m.matches()) {
                out.get(Integer.parseInt(m.group(1)) - 1).add(m.group(2));
            }
        }
        return out;
    }

    /**
     * The label of each side: the {@code --label}s when given; otherwise each scenario's name, or,
     * where names collide, its file's name without .yaml; where those collide too (one file
     * compared with itself), followed by what was set for that side alone
     * ({@code quickstart [memorySize=2048]}), and by its position when nothing tells them apart
     * ({@code quickstart (2)}).
     */
    static List<String> labels(List<String> names, List<Path> files, List<List<String>> own, List<String> given) {
        int n = names.size();
        if (!given.isEmpty()) {
            if (given.size() != n) {
                throw new IllegalArgumentException("--label: " + given.size() + " label" + (given.size() == 1 ? "" : "s")
                        + " for " + n + " scenarios; give one per scenario, in their order");
            }
            Set<String> seen = new HashSet<>();
            Set<String> folders = new HashSet<>();
            for (String l : given) {
                if (l.isBlank()) {
                    throw new IllegalArgumentException("--label: a label is empty");
                }
                if (!seen.add(l.strip())) {
                    throw new IllegalArgumentException("--label: '" + l.strip() + "' is given twice; labels tell the scenarios apart");
                }
                if (!folders.add(folder(l))) {
                    throw new IllegalArgumentException("--label: '" + l.strip() + "' and another label name the same folder "
                            + "runs/" + folder(l) + "; make them differ in letters or digits");
                }
            }
            return given.stream().map(String::strip).toList();
        }
        List<String> labels = new ArrayList<>(names);
        for (int i : colliding(labels)) {
            labels.set(i, baseName(files.get(i)));
        }
        Set<String> ambiguousLeaves = ambiguousLeaves(own);
        for (int i : colliding(labels)) {
            if (!own.get(i).isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (String set : own.get(i)) {
                    parts.add(shortSet(set, ambiguousLeaves));
                }
                labels.set(i, labels.get(i) + " [" + String.join(", ", parts) + "]");
            }
        }
        for (int i : colliding(labels)) {
            labels.set(i, labels.get(i) + " (" + (i + 1) + ")");
        }
        return labels;
    }

    /** The positions whose label another side has too. */
    private static List<Integer> colliding(List<String> labels) {
        Map<String, Integer> count = new HashMap<>();
        labels.forEach(l -> count.merge(l, 1, Integer::sum));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (count.get(labels.get(i)) > 1) {
                out.add(i);
            }
        }
        return out;
    }

    /** {@code scenarios/quickstart.yaml}: quickstart. */
    static String baseName(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return name.replaceFirst("(?i)\\.ya?ml$", "");
    }

    /** The last keys of the paths that end the same but differ before: those are written in full. */
    private static Set<String> ambiguousLeaves(List<List<String>> own) {
        Map<String, Set<String>> paths = new HashMap<>();
        for (List<String> sets : own) {
            for (String set : sets) {
                String path = path(set);
                paths.computeIfAbsent(leaf(path), k -> new HashSet<>()).add(path);
            }
        }
        Set<String> out = new HashSet<>();
        paths.forEach((leaf, p) -> {
            if (p.size() > 1) {
                out.add(leaf);
            }
        });
        return out;
    }

    /** {@code functions.api.memorySize=2048}: {@code memorySize=2048}, unless another set path ends the same. */
    private static String shortSet(String set, Set<String> ambiguousLeaves) {
        int eq = set.indexOf('=');
        String path = path(set);
        String value = eq < 0 ? "" : set.substring(eq + 1).strip();
        String shown = ambiguousLeaves.contains(leaf(path)) ? path : leaf(path);
        return eq < 0 ? shown : shown + "=" + value;
    }

    private static String path(String set) {
        int eq = set.indexOf('=');
        return (eq < 0 ? set : set.substring(0, eq)).strip();
    }

    private static String leaf(String path) {
        String p = path.replace("]", "");
        int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        return cut >= 0 ? p.substring(cut + 1) : p;
    }

    /**
     * A label as a folder name: letters, digits, '.', '_' and '-', runs of anything else as one
     * '-' ({@code quickstart [memorySize=2048]}: {@code quickstart-memorySize-2048}).
     */
    static String folder(String label) {
        String f = label.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (f.length() > MAX_FOLDER) {
            f = f.substring(0, MAX_FOLDER).replaceAll("[-.]+$", "");
        }
        return f.isEmpty() ? "scenario" : f;
    }
}
