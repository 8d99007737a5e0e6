package io.github.lambdasim.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes of src/deploy/ for running sharded sweeps elsewhere: the container image, GNU
 * Parallel over ssh, a Kubernetes Indexed Job and an AWS Batch array job. Docker, Kubernetes and
 * AWS are not here, so their files are read and checked against each other (the image's paths,
 * the shard arithmetic, the shared volume); the shell scripts pass {@code bash -n}; the GNU
 * Parallel script runs, when GNU Parallel is installed, on this machine ({@code -S :}): with a
 * stand-in for lambdasim that records its calls, and with lambdasim itself once its sweep has
 * {@code --shard}.
 */
class DeployRecipesTest {
    private static final Path DEPLOY = Path.of("src/deploy");
    private static final Set<String> DOCKERFILE_INSTRUCTIONS = Set.of("FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV",
            "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    // ---------------------------------------------------------------- container image

    /** One instruction of a Dockerfile: its keyword, its flags (--chmod=755) and the rest. */
    record Instruction(String keyword, List<String> flags, String arguments, int line) { }

    @Test
    void dockerfileBuildsTheJarAndScenariosOnAJava17RuntimeWithJavaJarAsEntryPoint() throws IOException {
        List<Instruction> all = dockerfile(DEPLOY.resolve("Dockerfile"));
        for (Instruction i : all) {
            assertTrue(DOCKERFILE_INSTRUCTIONS.contains(i.keyword()), "line " + i.line() + ": unknown instruction " + i.keyword());
        }
        assertEquals("FROM", all.get(0).keyword(), "a Dockerfile starts with FROM");
        Map<String, List<Instruction>> stages = stages(all);
        assertEquals("eclipse-temurin:17-jre AS base", all.get(0).arguments());
        List<Instruction> base = stages.get("base");
        assertTrue(base.stream().anyMatch(i -> i.keyword().equals("COPY") && i.arguments().equals("target/lambdasim.jar /lambdasim/lambdasim.jar")),
                "the base stage copies the jar: " + base);
        assertTrue(base.stream().anyMatch(i -> i.keyword().equals("COPY") && i.arguments().equals("scenarios/ /lambdasim/scenarios/")),
                "the base stage copies the bundled scenarios: " + base);
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<finalName>lambdasim</finalName>"), "mvn package writes target/lambdasim.jar");

        // The default target is the last stage: java -jar, in exec form (a JSON array).
        List<Instruction> last = stages.get("");
        assertEquals("base", fromOf(last), "the last stage builds on base");
        Instruction entry = last.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).reduce((a, b) -> b).orElseThrow();
        List<String> words = new ArrayList<>();
        new ObjectMapper().readTree(entry.arguments()).forEach(n -> words.add(n.asText()));
        assertEquals("java", words.get(0), "ENTRYPOINT " + entry.arguments());
        assertEquals(List.of("-jar", "/lambdasim/lambdasim.jar"), words.subList(words.size() - 2, words.size()));

        // Every file copied from the build context is in the project (the jar once built).
        for (Instruction i : all) {
            if (i.keyword().equals("COPY") && i.flags().stream().noneMatch(f -> f.startsWith("--from="))) {
                String[] paths = i.arguments().split("\\s+");
                for (int k = 0; k < paths.length - 1; k++) {
                    if (!paths[k].equals("target/lambdasim.jar")) {
                        assertTrue(Files.exists(Path.of(paths[k])), "line " + i.line() + ": COPY of " + paths[k] + ", not in the project");
                    }
                }
            }
        }
    }

    @Test
    void theAwsBatchStageHasTheCliAndTheEntryScriptsTheJobDefinitionNames() throws IOException {
        List<Instruction> batch = stages(dockerfile(DEPLOY.resolve("Dockerfile"))).get("aws-batch");
        assertEquals("base", fromOf(batch));
        assertTrue(batch.stream().anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("aws/install")), "installs the AWS CLI");
        Instruction copy = batch.stream().filter(i -> i.keyword().equals("COPY")).findFirst().orElseThrow();
        assertEquals("src/deploy/aws-batch/run-shard.sh src/deploy/aws-batch/merge-parts.sh /lambdasim/bin/", copy.arguments());
        assertTrue(copy.flags().contains("--chmod=755"));
        assertFalse(batch.stream().anyMatch(i -> i.keyword().equals("ENTRYPOINT")),
                "Batch cannot override an entry point: the job's command is the whole command line");
    }

    // ---------------------------------------------------------------- scripts

    @Test
    void everyScriptHasAHeaderAndPassesBashN() throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
        assertEquals(4, scripts.size(), "scripts: " + scripts);
        for (Path script : scripts) {
            List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
            assertEquals("#!/usr/bin/env bash", lines.get(0), script + ": shebang");
            assertTrue(lines.get(1).startsWith("# ") && lines.get(2).startsWith("#"), script + ": a comment saying what it does");
            assertTrue(lines.contains("set -euo pipefail"), script + ": set -euo pipefail");
            Result r = bash(Path.of("."), Map.of(), 10, "-n", script.toString());
            assertEquals(0, r.exit(), script + ": bash -n\n" + r.output());
        }
        // Every file says what it does and how to run it, in a comment at its top (JSON has none: its tag says).
        for (String file : List.of("Dockerfile", "kubernetes/sweep-job.yaml", "kubernetes/merge-job.yaml")) {
            assertTrue(Files.readString(DEPLOY.resolve(file)).startsWith("# "), file);
        }
    }

    // ---------------------------------------------------------------- Kubernetes

    @Test
    void kubernetesIndexedJobRunsOneShardPerIndexOntoTheVolumeTheMergeJobReads() throws IOException {
        List<JsonNode> sweepDocs = yaml(DEPLOY.resolve("kubernetes/sweep-job.yaml"));
        List<JsonNode> mergeDocs = yaml(DEPLOY.resolve("kubernetes/merge-job.yaml"));
        JsonNode claim = only(sweepDocs, "PersistentVolumeClaim");
        JsonNode sweep = only(sweepDocs, "Job");
        JsonNode merge = only(mergeDocs, "Job");
        assertEquals("batch/v1", sweep.path("apiVersion").asText());
        assertEquals("batch/v1", merge.path("apiVersion").asText());

        JsonNode spec = sweep.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        int completions = spec.path("completions").asInt();
        assertTrue(completions >= 1, "completions " + completions);
        int parallelism = spec.path("parallelism").asInt();
        assertTrue(parallelism >= 1 && parallelism <= completions, "parallelism " + parallelism);
        assertTrue(Set.of("Never", "OnFailure").contains(spec.path("template").path("spec").path("restartPolicy").asText()));

        JsonNode shard = onlyContainer(sweep);
        String command = commandLine(shard);
        assertTrue(command.contains("JOB_COMPLETION_INDEX"), command);
        Matcher k = Pattern.compile("K=\\$\\(\\(JOB_COMPLETION_INDEX \\+ 1\\)\\)").matcher(command);
        assertTrue(k.find(), "K is the index plus one: " + command);
        Matcher shardOption = Pattern.compile("--shard \\$K/(\\d+) --out (\\S+)/shard-\\$K").matcher(command);
        assertTrue(shardOption.find(), "--shard $K/N --out DIR/shard-$K: " + command);
        assertEquals(completions, Integer.parseInt(shardOption.group(1)), "the N of --shard K/N is the Job's completions");
        String parts = shardOption.group(2);

        // Both jobs mount the same claim at the same place; the parts are on it; the merge reads them.
        String claimName = claim.path("metadata").path("name").asText();
        String mountPath = mountOf(sweep, shard, claimName);
        JsonNode merger = onlyContainer(merge);
        assertEquals(mountPath, mountOf(merge, merger, claimName), "both jobs mount the claim at the same path");
        assertTrue(parts.startsWith(mountPath + "/"), "the parts " + parts + " are on the volume at " + mountPath);
        assertEquals(shard.path("image").asText(), merger.path("image").asText(), "both jobs run the same image");
        String mergeCommand = commandLine(merger);
        int missing = mergeCommand.indexOf("merge --missing " + parts + "/shard-*");
        int merging = mergeCommand.indexOf("merge " + parts + "/shard-*");
        assertTrue(missing >= 0 && merging > missing, "merge --missing, then merge, of " + parts + ": " + mergeCommand);
        assertTrue(mergeCommand.contains(" && "), "the merge runs only if nothing is missing: " + mergeCommand);

        // Every mount names a volume of its pod.
        for (JsonNode job : List.of(sweep, merge)) {
            JsonNode pod = job.path("spec").path("template").path("spec");
            Set<String> volumes = new java.util.TreeSet<>();
            pod.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
            pod.path("containers").forEach(c -> c.path("volumeMounts").forEach(m ->
                    assertTrue(volumes.contains(m.path("name").asText()), "mount " + m + " of no volume in " + volumes)));
        }
    }

    // ---------------------------------------------------------------- AWS Batch

    @Test
    void awsBatchJobDefinitionRunsTheEntryScriptThatComputesTheShardFromTheArrayIndex() throws IOException {
        JsonNode definition = new ObjectMapper().readTree(DEPLOY.resolve("aws-batch/job-definition.json").toFile());
        assertEquals("container", definition.path("type").asText());
        JsonNode container = definition.path("containerProperties");
        assertFalse(container.path("image").asText().isBlank(), "an image");
        assertEquals("/lambdasim/bin/run-shard.sh", container.path("command").path(0).asText(),
                "the command is the entry script the image's aws-batch stage copies");
        assertTrue(container.path("resourceRequirements").isArray() && container.path("resourceRequirements").size() == 2);

        String runShard = Files.readString(DEPLOY.resolve("aws-batch/run-shard.sh"), StandardCharsets.UTF_8);
        assertTrue(runShard.contains("k=$((${AWS_BATCH_JOB_ARRAY_INDEX:-0} + 1))"), "K = AWS_BATCH_JOB_ARRAY_INDEX + 1");
        assertTrue(runShard.contains("--shard \"$k/$shards\""), "runs shard K of N");
        assertTrue(runShard.contains("aws s3 cp --recursive --only-show-errors \"$part/\" \"$dest/shard-$k/\""), "copies the part up");
        String mergeParts = Files.readString(DEPLOY.resolve("aws-batch/merge-parts.sh"), StandardCharsets.UTF_8);
        assertTrue(mergeParts.indexOf("merge --missing") < mergeParts.indexOf("lambdasim merge \"$work\"/parts/shard-* --out"));
        assertTrue(mergeParts.contains("\"$dest/result/\""));
        String submit = Files.readString(DEPLOY.resolve("aws-batch/submit.sh"), StandardCharsets.UTF_8);
        assertTrue(submit.contains("--array-properties \"size=$shards\""), "an array job of N children");
        assertTrue(submit.contains("--depends-on \"jobId=$shards_job\""), "the merge waits for the array job");
        assertTrue(submit.contains("json_array /lambdasim/bin/run-shard.sh ") && submit.contains("json_array /lambdasim/bin/merge-parts.sh "));
    }

    // ---------------------------------------------------------------- GNU Parallel

    /**
     * The script's own logic, without simulating: a stand-in for lambdasim records its arguments
     * and fails shard 2 of 3 in the first run; the script then exits non-zero without merging.
     * Run again, it runs shard 2 only (the job log) and merges the three parts.
     */
    @Test
    void parallelScriptRunsEveryShardQuotesTheArgumentsAndResumesAfterAFailure(@TempDir Path dir) throws Exception {
        assumeGnuParallel();
        Path calls = dir.resolve("calls.txt");
        Path fake = dir.resolve("fake-lambdasim.sh");
        Files.writeString(fake, """
                #!/usr/bin/env bash
                line=""; for a in "$@"; do line+="<$a>"; done
                echo "$line" >> CALLS
                if [ "$1" = sweep ]; then
                    while [ $# -gt 0 ]; do case $1 in --shard) shard=$2;; --out) out=$2;; esac; shift; done
                    [ "${shard%%/*}" != "${FAIL_SHARD:-}" ] || exit 1
                    mkdir -p "$out"
                elif [ "$2" = --missing ]; then
                    [ -z "${FAIL_SHARD:-}" ] || { echo "missing: $FAIL_SHARD/3"; exit 1; }
                fi
                """.replace("CALLS", calls.toAbsolutePath().toString()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAMBDASIM", "bash " + fake.toAbsolutePath());
        env.put("PARTS", dir.resolve("parts").toString());
        env.put("OUT", dir.resolve("merged").toString());
        env.put("FAIL_SHARD", "2");
        String[] args = {"3", "s.yaml", "--vary", "functions.f.memorySize=128,512", "--slo", "p99<=300 ms", "--set", "x=$HOME"};
        Result first = script(env, args);
        assertNotEquals(0, first.exit(), first.output());
        assertTrue(first.output().contains("1 shard(s) failed"), first.output());
        String parts = dir.resolve("parts").toString();
        List<String> firstCalls = Files.readAllLines(calls);
        for (int k = 1; k <= 3; k++) {
            assertTrue(firstCalls.contains("<sweep><s.yaml><--vary><functions.f.memorySize=128,512><--slo><p99<=300 ms><--set><x=$HOME>"
                    + "<--shard><" + k + "/3><--out><" + parts + "/shard-" + k + ">"), "shard " + k + " in " + firstCalls);
        }
        assertEquals("<merge><--missing><" + parts + "/shard-1><" + parts + "/shard-3>", firstCalls.get(3));
        assertEquals(4, firstCalls.size(), "no merge while a shard is missing: " + firstCalls);

        env.remove("FAIL_SHARD");
        Result second = script(env, args);
        assertEquals(0, second.exit(), second.output());
        List<String> secondCalls = Files.readAllLines(calls).subList(4, Files.readAllLines(calls).size());
        assertEquals(3, secondCalls.size(), "shard 2 again, then merge --missing and merge: " + secondCalls);
        assertTrue(secondCalls.get(0).contains("<--shard><2/3>"), secondCalls.get(0));
        String all = "<" + parts + "/shard-1><" + parts + "/shard-2><" + parts + "/shard-3>";
        assertEquals("<merge><--missing>" + all, secondCalls.get(1));
        assertEquals("<merge>" + all + "<--out><" + dir.resolve("merged") + ">", secondCalls.get(2));
    }

    /**
     * The script with lambdasim itself: the merged parts of two shards are the sweep without
     * --shard, byte for byte; run again without the job log, every shard finds its part complete
     * and leaves it as it is. Needs GNU Parallel.
     */
    @Test
    void parallelScriptOnThisMachineMergesToWhatTheUnshardedSweepWrites(@TempDir Path dir) throws Exception {
        assumeGnuParallel();
        String lambdasim = shellWords(javaCommand());

        String scenario = Path.of("scenarios/hashing.yaml").toAbsolutePath().toString();
        String[] sweep = {scenario, "--vary", "functions.hash.memorySize=128,512", "--replications", "2"};
        Result whole = bash(dir, Map.of(), 120, "-c", lambdasim + " sweep " + String.join(" ", sweep) + " --out whole");
        assertEquals(0, whole.exit(), whole.output());

        Map<String, String> env = Map.of("LAMBDASIM", lambdasim, "PARTS", dir.resolve("parts").toString(),
                "OUT", dir.resolve("merged").toString());
        String[] args = Stream.concat(Stream.of("2"), Stream.of(sweep)).toArray(String[]::new);
        Result first = script(env, args);
        assertEquals(0, first.exit(), first.output());
        for (String file : List.of("sweep.csv", "sweep.json")) {
            assertEquals(Files.readString(dir.resolve("whole").resolve(file)), Files.readString(dir.resolve("merged").resolve(file)),
                    file + ": merged shards against the sweep without --shard");
        }

        Map<Path, Long> before = modified(dir.resolve("parts"));
        Files.delete(dir.resolve("parts/joblog"));
        Result again = script(env, args);
        assertEquals(0, again.exit(), again.output());
        assertEquals(before, modified(dir.resolve("parts")), "a complete part is left as it is:\n" + again.output());
    }

    // ---------------------------------------------------------------- helpers

    private static List<Instruction> dockerfile(Path file) throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int start = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.length() == 0)) {
                continue;
            }
            if (pending.length() == 0) {
                start = n + 1;
            }
            boolean continued = line.endsWith("\\");
            pending.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continued) {
                String text = pending.toString().strip();
                pending.setLength(0);
                String[] words = text.split("\\s+", 2);
                List<String> flags = new ArrayList<>();
                String rest = words.length > 1 ? words[1] : "";
                while (rest.startsWith("--")) {
                    String[] f = rest.split("\\s+", 2);
                    flags.add(f[0]);
                    rest = f.length > 1 ? f[1] : "";
                }
                out.add(new Instruction(words[0].toUpperCase(), flags, rest.replaceAll("\\s+", " "), start));
            }
        }
        assertEquals(0, pending.length(), file + " ends in a continuation line");
        return out;
    }

    /** The stages by name ("" for an unnamed one), each from its FROM. */
    private static Map<String, List<Instruction>> stages(List<Instruction> all) {
        Map<String, List<Instruction>> stages = new LinkedHashMap<>();
        List<Instruction> current = null;
        for (Instruction i : all) {
            if (i.keyword().equals("FROM")) {
                String[] w = i.arguments().split("\\s+");
                String name = w.length == 3 && w[1].equalsIgnoreCase("AS") ? w[2] : "";
                current = new ArrayList<>();
                assertTrue(stages.put(name, current) == null, "two stages named '" + name + "'");
            }
            current.add(i);
        }
        return stages;
    }

    private static String fromOf(List<Instruction> stage) {
        return stage.get(0).arguments().split("\\s+")[0];
    }

    private static List<JsonNode> yaml(Path file) throws IOException {
        return new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll();
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    private static JsonNode onlyContainer(JsonNode job) {
        JsonNode containers = job.path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size(), "one container");
        return containers.get(0);
    }

    /** The container's command and arguments as one line ({@code /bin/sh -c} scripts folded by YAML). */
    private static String commandLine(JsonNode container) {
        List<String> words = new ArrayList<>();
        container.path("command").forEach(n -> words.add(n.asText()));
        container.path("args").forEach(n -> words.add(n.asText()));
        return String.join(" ", words);
    }

    private static String mountOf(JsonNode job, JsonNode container, String claim) {
        String volume = null;
        for (JsonNode v : job.path("spec").path("template").path("spec").path("volumes")) {
            if (v.path("persistentVolumeClaim").path("claimName").asText().equals(claim)) {
                volume = v.path("name").asText();
            }
        }
        assertTrue(volume != null, job.path("metadata").path("name").asText() + " has a volume of the claim " + claim);
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("name").asText().equals(volume)) {
                return m.path("mountPath").asText();
            }
        }
        throw new AssertionError(job.path("metadata").path("name").asText() + " does not mount " + volume);
    }

    record Result(int exit, String output) { }

    private static Result script(Map<String, String> env, String... args) throws Exception {
        List<String> words = new ArrayList<>(List.of(DEPLOY.resolve("parallel/sweep.sh").toString()));
        words.addAll(List.of(args));
        return bash(Path.of("."), env, 300, words.toArray(String[]::new));
    }

    private static Result bash(Path dir, Map<String, String> env, int seconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash " + args[0] + " took more than " + seconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void assumeGnuParallel() throws Exception {
        Result r = bash(Path.of("."), Map.of(), 30, "-c", "command -v parallel >/dev/null && parallel --version");
        assumeTrue(r.exit() == 0 && r.output().contains("GNU parallel"),
                "GNU Parallel is not installed (apt-get install parallel, brew install parallel): the script is not run");
    }

    /** lambdasim as this build has it: this JVM's java with the test class path (the jar comes after the tests). */
    private static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), "io.github.lambdasim.cli.Main");
    }

    private static String shellWords(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(sb.length() == 0 ? "" : " ").append('\'').append(w.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    private static Map<Path, Long> modified(Path root) throws IOException {
        Map<Path, Long> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("joblog")).toList()) {
                times.put(root.relativize(p), Files.getLastModifiedTime(p).toMillis());
            }
        }
        assertFalse(times.isEmpty(), "no part in " + root);
        return times;
    }
}
