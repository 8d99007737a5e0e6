package io.github.lambdasim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@code --set path=value} to a scenario tree before it is validated. Paths are dotted
 * keys; list items are addressed by their {@code name} (functions, queues, streams), their
 * {@code function}, {@code queue} or {@code stream} (traffic, when one entry has it) or by index:
 * {@code functions.checkout.memorySize=2048}, {@code functions.worker.eventSource.batchSize=100},
 * {@code queues.orders.visibilityTimeout=5m}, {@code traffic[0].poisson.rate=80/s}.
 * The value is YAML, so {@code --set 'functions.api.coldStart={constant: 300ms}'} works too.
 */
final class Overrides {
    private static final String SOURCE = "--set";
    /** The keys that name what a traffic entry feeds: an entry is addressed by it when no other entry has the same. */
    private static final String[] TARGETS = {"function", "queue", "stream"};

    private Overrides() {
    }

    static YamlNode apply(YamlNode root, String override, Problems problems) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problems.add(SOURCE, 0, "'" + override + "' is not path=value (e.g. functions.checkout.memorySize=2048)");
            return root;
        }
        String path = override.substring(0, eq).trim();
        String valueText = override.substring(eq + 1);
        List<String> segments = split(path);
        if (segments.isEmpty() || segments.contains("")) {
            problems.add(SOURCE, 0, "'" + path + "' is not a path such as functions.checkout.memorySize");
            return root;
        }
        Problems valueProblems = new Problems(SOURCE);
        YamlNode value = valueText.isBlank() ? new YamlNode.Scalar(0, "", false, true) : YamlReader.read(valueText, valueProblems);
        if (value == null) {
            value = new YamlNode.Scalar(0, valueText, true, false);
        }
        value = YamlNode.onLine(value, YamlNode.FROM_SET);
        if (!(root instanceof YamlNode.Mapping)) {
            return root; // binding reports what the root should be
        }
        YamlNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            String at = String.join(".", segments.subList(0, i + 1));
            if (node instanceof YamlNode.Mapping m) {
                if (last) {
                    m.entries.put(seg, value);
                    return root;
                }
                YamlNode next = m.entries.get(seg);
                if (next == null || next instanceof YamlNode.Scalar s && s.isNull) {
                    next = new YamlNode.Mapping(0);
                    m.entries.put(seg, next);
                } else if (i == 0 && seg.equals("platform") && next instanceof YamlNode.Scalar preset) {
                    // `platform: current` is `platform: {preset: current}`: a key under it keeps the preset.
                    YamlNode.Mapping platform = new YamlNode.Mapping(preset.line());
                    platform.entries.put("preset", preset);
                    m.entries.put(seg, platform);
                    next = platform;
                }
                node = next;
            } else if (node instanceof YamlNode.Sequence s) {
                int index = indexOf(s, seg);
                if (index < 0) {
                    List<String> names = names(s);
                    String hint = Fields.closest(seg, names);
                    problems.add(SOURCE, 0, path + ": no list item '" + seg + "' at " + at
                            + (hint != null ? "; did you mean '" + hint + "'?"
                            : names.isEmpty() ? "; address items by index 0.." + (s.items.size() - 1)
                            : names.size() > 10 ? "; address items by name or by index 0.." + (s.items.size() - 1)
                            : "; items: " + String.join(", ", names)));
                    return root;
                }
                if (last) {
                    s.items.set(index, value);
                    return root;
                }
                node = s.items.get(index);
            } else {
                problems.add(SOURCE, 0, path + ": " + String.join(".", segments.subList(0, i)) + " is a single value, "
                        + "it has no '" + seg + "'");
                return root;
            }
        }
        return root;
    }

    /**
     * The problems of a scenario, with a hint where a {@code --set} path was not fully qualified
     * or misspelt at its first key ({@code memorySize=2048} set at the top of the scenario): the
     * full paths in the scenario that end in the same key, e.g. {@code did you mean
     * 'functions.api.memorySize'?}, or, for a key of a function not written in the file, that key
     * under each function.
     */
    static List<Problem> withPathHints(List<Problem> problems, YamlNode root, List<String> overrides,
                                       java.util.Collection<String> functionKeys) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            String hint = p.line() <= 0 && p.message().startsWith("unknown key")
                    && !p.message().contains("did you mean") ? hint(p.path(), root, overrides, functionKeys) : null;
            if (hint == null) {
                out.add(p);
                continue;
            }
            int tail = p.message().indexOf("; expected one of");
            String head = tail >= 0 ? p.message().substring(0, tail) : p.message();
            out.add(new Problem(p.source(), p.path(), p.line(), head + "; did you mean " + hint + "?"));
        }
        return out;
    }

    private static String hint(String problemPath, YamlNode root, List<String> overrides,
                               java.util.Collection<String> functionKeys) {
        for (String override : overrides) {
            int eq = override.indexOf('=');
            List<String> segments = eq <= 0 ? List.of() : split(override.substring(0, eq).trim());
            if (segments.isEmpty() || !segments.get(0).equals(problemPath)) {
                continue; // only a path misplaced from its first key: deeper ones have the key's own hint
            }
            String leaf = segments.get(segments.size() - 1);
            String given = String.join(".", segments);
            List<String> found = new ArrayList<>();
            collect(root, "", leaf, found);
            found.remove(given);
            if (found.isEmpty() && root instanceof YamlNode.Mapping m && m.entries.get("functions") instanceof YamlNode.Sequence fs) {
                String key = functionKeys.stream().filter(k -> k.equalsIgnoreCase(leaf)).findFirst()
                        .orElse(Fields.closest(leaf, functionKeys));
                if (key != null) {
                    for (String name : names(fs)) {
                        found.add("functions." + name + "." + key);
                    }
                }
            }
            if (found.isEmpty()) {
                return null;
            }
            List<String> quoted = found.stream().limit(3).map(f -> "'" + f + "'").toList();
            return String.join(" or ", quoted) + (found.size() > 3 ? " (or " + (found.size() - 3) + " more)" : "");
        }
        return null;
    }

    /** The dotted paths (list items by name, traffic by function, queue or stream, else by index) of every key named like {@code leaf}. */
    private static void collect(YamlNode node, String at, String leaf, List<String> found) {
        if (found.size() > 10) {
            return;
        }
        if (node instanceof YamlNode.Mapping m) {
            for (var e : m.entries.entrySet()) {
                String path = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                if (e.getKey().equalsIgnoreCase(leaf) && e.getValue().line() != YamlNode.FROM_SET) {
                    found.add(path);
                }
                collect(e.getValue(), path, leaf, found);
            }
        } else if (node instanceof YamlNode.Sequence s) {
            for (int i = 0; i < s.items.size(); i++) {
                String id = Integer.toString(i);
                if (s.items.get(i) instanceof YamlNode.Mapping m) {
                    if (m.entries.get("name") instanceof YamlNode.Scalar n && !n.isNull) {
                        id = n.text;
                    } else {
                        for (String key : TARGETS) {
                            if (m.entries.get(key) instanceof YamlNode.Scalar f && !f.isNull) {
                                id = f.text;
                                break;
                            }
                        }
                    }
                }
                collect(s.items.get(i), at + "." + id, leaf, found);
            }
        }
    }

    /** Splits {@code a.b[2].c} into a, b, 2, c. */
    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.replace("[", ".").replace("]", "").split("\\.", -1)) {
            out.add(part.trim());
        }
        return out;
    }

    private static int indexOf(YamlNode.Sequence s, String seg) {
        int byFunction = -1;
        int functionCount = 0;
        for (int i = 0; i < s.items.size(); i++) {
            if (s.items.get(i) instanceof YamlNode.Mapping m) {
                if (m.entries.get("name") instanceof YamlNode.Scalar n && seg.equals(n.text)) {
                    return i;
                }
                for (String key : TARGETS) {
                    if (m.entries.get(key) instanceof YamlNode.Scalar f && seg.equals(f.text) && functionCount++ == 0) {
                        byFunction = i;
                    }
                }
            }
        }
        if (functionCount == 1) {
            return byFunction;
        }
        if (seg.matches("[0-9]{1,9}")) {
            int i = Integer.parseInt(seg);
            return i < s.items.size() ? i : -1;
        }
        return -1;
    }

    private static List<String> names(YamlNode.Sequence s) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : s.items) {
            if (item instanceof YamlNode.Mapping m && m.entries.get("name") instanceof YamlNode.Scalar n) {
                out.add(n.text);
            }
        }
        return out;
    }
}
