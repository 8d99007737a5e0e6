package io.github.lambdasim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming parser. Hostile input is
 * refused rather than expanded: anchors and aliases (the "billion laughs"), more than one
 * document, duplicate keys and documents nested deeper than {@link #MAX_DEPTH}.
 */
final class YamlReader {
    static final int MAX_DEPTH = 64;
    /**
     * Generated scenarios of whole accounts are large: 100,000 functions and their traffic, one
     * line each, make 15 MB, which validates in 8 to 12 s within 512 MB of heap (measured on a
     * 2-core machine, most of it in the YAML parser). The bound also bounds the tree: at most
     * about 8 million nodes.
     */
    static final int MAX_CHARS = 16 << 20;

    private static final YAMLFactory FACTORY = factory();

    private final Problems problems;
    private YAMLParser parser;
    /** The first alias met (reported once, with how many followed) and the first node nested too deep. */
    private String firstAliasPath;
    private int firstAliasLine;
    private String firstAliasName;
    private int aliases;
    private boolean tooDeep;

    private YamlReader(Problems problems) {
        this.problems = problems;
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowDuplicateKeys(true); // reported by us, with the line
        options.setNestingDepthLimit(MAX_DEPTH);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    /** Parses {@code text}; problems go to {@code problems} and the result is null on a syntax error. */
    static YamlNode read(String text, Problems problems) {
        return new YamlReader(problems).readDocument(text);
    }

    private YamlNode readDocument(String text) {
        if (text.length() > MAX_CHARS) {
            problems.add("", 0, "the file is " + text.length() + " characters long; scenario files are limited to "
                    + MAX_CHARS + " characters");
            return null;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = 1 + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
            problems.add("", line, "the file is not text (this line holds a NUL byte); a scenario is a YAML text file");
            return null;
        }
        try (YAMLParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add("", 1, "the file is empty; a scenario needs at least name, duration, functions and traffic");
                return null;
            }
            YamlNode root = readValue("", 0);
            if (aliases > 0) {
                problems.add(firstAliasPath, firstAliasLine, "YAML anchors and aliases (*" + firstAliasName
                        + ") are not supported; write the value out" + (aliases > 1 ? " (" + (aliases - 1)
                        + " more alias" + (aliases > 2 ? "es" : "") + " follow)" : ""));
            }
            if (root == null) {
                return null;
            }
            if (root instanceof YamlNode.Scalar s && s.text.isBlank()) {
                problems.add("", 1, "the file is empty; a scenario needs at least name, duration, functions and traffic");
                return null;
            }
            if (p.nextToken() != null) {
                problems.add("", line(p.currentTokenLocation()), "the file holds more than one YAML document; put the scenario in one");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            if (tooDeep) {
                return null; // the parser's own depth limit, already reported
            }
            syntaxError(e, e.getLocation() == null ? 0 : e.getLocation().getLineNr());
            return null;
        } catch (IOException | RuntimeException e) {
            syntaxError(e, 0);
            return null;
        }
    }

    /** One message for a syntax error: the line of the problem itself, and what is wrong there in words. */
    private void syntaxError(Exception e, int fallbackLine) {
        MarkedYAMLException marked = null;
        for (Throwable t = e; t != null && marked == null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                marked = m;
            }
        }
        if (marked == null || marked.getProblem() == null) {
            String msg = e instanceof JsonProcessingException j ? cleanMessage(j) : e.getMessage();
            if (msg != null && msg.startsWith("Expected a field name")) {
                msg = "a key must be a plain name, not a list or a mapping";
            }
            problems.add("", fallbackLine, "not valid YAML: " + (msg == null ? "syntax error" : msg));
            return;
        }
        Mark at = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        int line = at == null ? fallbackLine : at.getLine() + 1;
        String problem = marked.getProblem().replace("\\t(TAB)", "a tab").replaceAll("\\s+", " ").trim();
        StringBuilder msg = new StringBuilder("not valid YAML");
        if (at != null) {
            msg.append(" at column ").append(at.getColumn() + 1);
        }
        if (problem.contains("a tab")) {
            msg.append(": a tab cannot indent YAML; indent with spaces");
        } else if (problem.startsWith("mapping values are not allowed")) {
            msg.append(": a 'key: value' cannot start here; check this line's indentation, or quote a value "
                    + "that holds ': '");
        } else {
            msg.append(": ").append(problem);
            Mark contextMark = marked.getContextMark();
            if (marked.getContext() != null) {
                msg.append(" (").append(marked.getContext().trim());
                if (contextMark != null && contextMark.getLine() + 1 != line) {
                    msg.append(" that starts on line ").append(contextMark.getLine() + 1);
                }
                msg.append(')');
            }
        }
        problems.add("", line, msg.toString());
    }

    private YamlNode readValue(String path, int depth) throws IOException {
        int line = line(parser.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            if (!tooDeep) {
                String at = abbreviate(path);
                problems.add(at, line, "nested deeper than " + MAX_DEPTH + " levels; a scenario needs far fewer");
                tooDeep = true;
            }
            parser.skipChildren();
            return null;
        }
        if (parser.isCurrentAlias()) {
            if (aliases++ == 0) {
                firstAliasPath = path;
                firstAliasLine = line;
                firstAliasName = parser.getText();
            }
            return null;
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                YamlNode.Mapping m = new YamlNode.Mapping(line);
                boolean ok = true;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser.currentTokenLocation());
                    parser.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    YamlNode value = readValue(childPath, depth + 1);
                    if (m.entries.containsKey(key)) {
                        problems.add(childPath, keyLine, "'" + key + "' is given twice; keep one");
                    }
                    if (value == null) {
                        ok = false;
                    } else {
                        m.entries.put(key, value);
                    }
                }
                return ok ? m : null;
            }
            case START_ARRAY -> {
                YamlNode.Sequence s = new YamlNode.Sequence(line);
                boolean ok = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    YamlNode value = readValue(path + "[" + s.items.size() + "]", depth + 1);
                    if (value == null) {
                        ok = false;
                    }
                    s.items.add(value);
                }
                return ok ? s : null;
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(line, "", false, true);
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                // The YAML parser reports quoting through its type id; fall back to "unquoted".
                return new YamlNode.Scalar(line, text, false, false);
            }
            default -> {
                return new YamlNode.Scalar(line, parser.getText(), false, false);
            }
        }
    }

    /** A deep path cut in the middle: {@code a[0][0][0]...[0]}. */
    private static String abbreviate(String path) {
        String[] parts = path.split("(?=[.\\[])");
        if (parts.length <= 8) {
            return path;
        }
        return String.join("", java.util.Arrays.asList(parts).subList(0, 4)) + "..." + parts[parts.length - 1];
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static String cleanMessage(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            return "syntax error";
        }
        int cut = msg.indexOf("\n at [Source");
        msg = cut >= 0 ? msg.substring(0, cut) : msg;
        return msg.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }
}
