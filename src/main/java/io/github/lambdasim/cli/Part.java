package io.github.lambdasim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.model.Experiment;
import io.github.lambdasim.report.data.ReportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part.json of a shard's folder: which command and options it is a share of (kind, version,
 * digest), which share (K of N), what the final writing needs ({@code command}, as the command
 * wrote it) and the key figures of each pair (point, replication) the shard owns. It is written
 * last, so a folder holding it is complete.
 *
 * @param files files beside part.json that merge copies into the result (compare's runs/)
 */
record Part(Path dir, String kind, String version, String digest, Shard shard, int points, int replications,
            JsonNode command, List<Pair> pairs, List<String> files) {
    static final String FILE = "part.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The key figures of one simulation. */
    record Pair(int point, int replication, Map<String, Double> figures) {
    }

    /** lambdasim's version, as {@code lambdasim --version} says it. */
    static String lambdasimVersion() {
        return new Main.Version().getVersion()[0];
    }

    /**
     * SHA-256 over the kind, the bytes of the scenario files, the overrides and the command's
     * canonical description (what changes its results), in hex.
     */
    static String digest(String kind, List<Path> scenarios, List<String> overrides, JsonNode command) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, kind);
            for (Path p : scenarios) {
                update(sha, "file");
                byte[] bytes = Files.readAllBytes(p);
                update(sha, Integer.toString(bytes.length));
                sha.update(bytes);
            }
            for (String o : overrides) {
                update(sha, "set " + o);
            }
            update(sha, MAPPER.writeValueAsString(command));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + e.getMessage());
        }
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(b);
    }

    /** The text of part.json. */
    static String render(String kind, String digest, Shard shard, int points, int replications, JsonNode command,
                         List<Experiment.PairResult> pairs, List<String> files) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", kind);
        root.put("lambdasimVersion", lambdasimVersion());
        root.put("digest", digest);
        root.put("shard", shard.k());
        root.put("of", shard.n());
        root.put("points", points);
        root.put("replications", replications);
        root.set("command", command);
        ArrayNode fs = root.putArray("files");
        files.forEach(fs::add);
        ArrayNode ps = root.putArray("pairs");
        for (Experiment.PairResult p : pairs) {
            ObjectNode o = ps.addObject();
            o.put("point", p.point());
            o.put("replication", p.replication());
            ObjectNode figures = o.putObject("figures");
            p.figures().forEach((name, v) -> {
                if (v == null) {
                    figures.putNull(name);
                } else if (Double.isFinite(v)) {
                    figures.put(name, v.doubleValue());
                } else {
                    figures.put(name, v.toString());
                }
            });
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The complete part in {@code dir}, or null when the folder holds none (the shard has not finished). */
    static Part readIfComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE)) ? read(dir) : null;
    }

    /** Reads {@code dir}/part.json; a malformed one is refused with the file and what is wrong. */
    static Part read(Path dir) {
        Path file = dir.resolve(FILE);
        String where = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + ": no " + FILE + ": the shard has not finished, or this is not a shard's folder");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        String kind = ReportFiles.string(root, "kind", where);
        String version = ReportFiles.string(root, "lambdasimVersion", where);
        String digest = ReportFiles.string(root, "digest", where);
        int k = whole(root, "shard", where);
        int n = whole(root, "of", where);
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException(where + ": shard " + k + "/" + n + " is not a share of 1 to N");
        }
        int points = whole(root, "points", where);
        int replications = whole(root, "replications", where);
        JsonNode command = root.path("command");
        if (!command.isObject()) {
            throw new IllegalArgumentException(where + ": command is missing or not an object");
        }
        List<String> files = new ArrayList<>();
        for (JsonNode f : ReportFiles.array(root, "files", where)) {
            if (!f.isTextual() || f.asText().contains("..") || f.asText().startsWith("/")) {
                throw new IllegalArgumentException(where + ": files: " + f + " is not a path inside the part");
            }
            files.add(f.asText());
        }
        List<Pair> pairs = new ArrayList<>();
        JsonNode ps = ReportFiles.array(root, "pairs", where);
        for (int i = 0; i < ps.size(); i++) {
            String at = where + ": pairs[" + i + "]";
            JsonNode p = ps.get(i);
            JsonNode figures = p.path("figures");
            if (!figures.isObject()) {
                throw new IllegalArgumentException(at + ": figures is missing or not an object");
            }
            Map<String, Double> m = new LinkedHashMap<>();
            var it = figures.fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    m.put(e.getKey(), null);
                } else if (v.isNumber()) {
                    m.put(e.getKey(), v.doubleValue());
                } else if (v.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(v.asText())) {
                    m.put(e.getKey(), Double.valueOf(v.asText()));
                } else {
                    throw new IllegalArgumentException(at + ": figures: " + e.getKey() + " is not a number");
                }
            }
            pairs.add(new Pair(whole(p, "point", at), whole(p, "replication", at), m));
        }
        return new Part(dir, kind, version, digest, new Shard(k, n), points, replications, command, List.copyOf(pairs),
                List.copyOf(files));
    }

    /** Whether the pairs are exactly those (in order) that the shard owns. */
    boolean pairsMatchShard() {
        int next = 0;
        for (int i = 0; i < points * replications; i++) {
            if (!shard.owns(i)) {
                continue;
            }
            if (next >= pairs.size() || pairs.get(next).point() != i / replications
                    || pairs.get(next).replication() != i % replications) {
                return false;
            }
            next++;
        }
        return next == pairs.size();
    }


    static int whole(JsonNode parent, String key, String where) {
        JsonNode n = parent.path(key);
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
            throw new IllegalArgumentException(where + ": " + key + " is missing or not a whole number");
        }
        return n.asInt();
    }



    static List<String> texts(JsonNode parent, String key, String where) {
        List<String> out = new ArrayList<>();
        JsonNode a = ReportFiles.array(parent, key, where);
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) {
                throw new IllegalArgumentException(where + ": " + key + "[" + i + "] is not text");
            }
            out.add(a.get(i).asText());
        }
        return out;
    }

    /**
     * Whether {@code target} already holds this very part, complete: then the shard says so and
     * does nothing. A part of other options or another version is simulated again over it.
     */
    static boolean alreadyDone(Path target, String kind, String digest, Shard shard, java.io.PrintWriter out) {
        Part existing;
        try {
            existing = readIfComplete(target);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (existing == null || !existing.kind().equals(kind) || !existing.digest().equals(digest)
                || !existing.version().equals(lambdasimVersion()) || !existing.shard().equals(shard) || !existing.pairsMatchShard()
                || !existing.files().stream().allMatch(f -> Files.isRegularFile(target.resolve(f)))) {
            return false;
        }
        out.printf("Shard %s is already complete in %s (same scenario, options and version): nothing to do.%n", shard,
                TextSummary.display(target.toAbsolutePath().normalize()));
        out.flush();
        return true;
    }
}
