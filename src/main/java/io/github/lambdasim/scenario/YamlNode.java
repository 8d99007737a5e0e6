package io.github.lambdasim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree that remembers the line of every node, so each problem found
 * while binding can name its line. Mutable only inside this package, for {@code --set} overrides.
 */
abstract sealed class YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
    private final int line;

    YamlNode(int line) {
        this.line = line;
    }

    final int line() {
        return line;
    }

    abstract String kind();

    /** A plain value: text as written, and whether it was quoted or null. */
    static final class Scalar extends YamlNode {
        final String text;
        final boolean quoted;
        final boolean isNull;

        Scalar(int line, String text, boolean quoted, boolean isNull) {
            super(line);
            this.text = text;
            this.quoted = quoted;
            this.isNull = isNull;
        }

        @Override
        String kind() {
            return isNull ? "nothing (null)" : "a value";
        }
    }

    static final class Mapping extends YamlNode {
        final Map<String, YamlNode> entries = new LinkedHashMap<>();

        Mapping(int line) {
            super(line);
        }

        @Override
        String kind() {
            return "a mapping";
        }
    }

    static final class Sequence extends YamlNode {
        final List<YamlNode> items = new ArrayList<>();

        Sequence(int line) {
            super(line);
        }

        @Override
        String kind() {
            return "a list";
        }
    }

    /** The line of a node given on the command line by {@code --set}: problems name the option, not a line. */
    static final int FROM_SET = -1;

    /** A deep copy whose nodes are all on {@code line} (a {@code --set} value: {@link #FROM_SET}). */
    static YamlNode onLine(YamlNode node, int line) {
        if (node instanceof Mapping m) {
            Mapping c = new Mapping(line);
            m.entries.forEach((k, v) -> c.entries.put(k, onLine(v, line)));
            return c;
        }
        if (node instanceof Sequence s) {
            Sequence c = new Sequence(line);
            s.items.forEach(i -> c.items.add(onLine(i, line)));
            return c;
        }
        Scalar s = (Scalar) node;
        return new Scalar(line, s.text, s.quoted, s.isNull);
    }

    /** A deep copy: presets are copied before a scenario's overrides are merged into them. */
    static YamlNode copy(YamlNode node) {
        if (node instanceof Mapping m) {
            Mapping c = new Mapping(m.line());
            m.entries.forEach((k, v) -> c.entries.put(k, copy(v)));
            return c;
        }
        if (node instanceof Sequence s) {
            Sequence c = new Sequence(s.line());
            s.items.forEach(i -> c.items.add(copy(i)));
            return c;
        }
        return node;
    }

    /** Merges {@code overlay} into {@code base}: mappings key by key, anything else replaced. */
    static YamlNode merge(YamlNode base, YamlNode overlay) {
        if (base instanceof Mapping b && overlay instanceof Mapping o) {
            Mapping out = (Mapping) copy(b);
            o.entries.forEach((k, v) -> out.entries.put(k, out.entries.containsKey(k) ? merge(out.entries.get(k), v) : v));
            return out;
        }
        return overlay;
    }
}
