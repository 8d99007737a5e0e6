package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a user's editor does to a scenario, lambdasim answers with results or with messages:
 * 4,500 mutants of the bundled scenarios, made from a fixed seed (lines deleted,
 * duplicated, swapped or re-indented, characters and bytes flipped, values replaced with extreme
 * ones, garbage inserted, files cut short), are validated, and the valid ones run for one
 * simulated minute with {@code --check}. Every outcome is exit code 0 or 2, none throws, none
 * prints a stack trace, none breaks an invariant, none takes more than a few seconds.
 */
class MutationFuzzTest {
    private static final long SEED = 0x1a3bda5L;
    /** Mutants in all, shared by the bundled scenarios (the suite's time stays put as scenarios are added). */
    private static final int MUTANTS = 4500;
    private static final long MUTANT_SECONDS = 10;

    private static final String[] VALUES = {"0", "-1", "1", "-0", "0.0", "2.5", "1e308", "-1e308", "1e-308",
        "9223372036854775807", "9223372036854775808", "99999999999999999999999", ".nan", ".inf", "-.inf", "NaN",
        "Infinity", "~", "null", "''", "\"\"", "[]", "{}", "[1, 2]", "{a: b}", "true", "no", "0x1F", "0o17", "1_000",
        "0s", "1us", "1ms", "366d", "367d", "1e9d", "-5s", "1h30m", "15m", "901s", "1e9/s", "1e10/s", "0/s", "1e-9/s",
        "1/d", "5000/s", "10240", "10241", "128", "127", "3008", "1000000", "1000001", "999", "*alias", "&anchor x",
        "!!binary aGk=", "!custom x", "!!float 1", "'quoted: value'", "a: b", "- item", "é", "𝄞", "${ENV}", "%s%n",
        "../../etc/passwd", "current", "2019", "arm64", "x86_64", "nodejs20.x", "container", "sequential", "parallel",
        "batch", "poisson", "api", "{constant: 1ms}", "{lognormal: {median: 1ms, p99: 1s}}", "{uniform: {min: 1s, max: 900s}}",
        "{schedule: [{at: 1s, level: 900}], repeat: 1m}", "{autoscaling: {min: 1, max: 900}}", "x".repeat(5000)};
    /** Values of the key's own kind, extreme but often valid, so that the mutant runs. */
    private static final String[] RATES = {"0/s", "1e-9/s", "1e-300/s", "4.9e-324/s", "1/d", "5000/s", "1e6/s", "1e8/s",
        "1e9/s", "3000000/min"};
    private static final String[] DURATIONS = {"1us", "1ms", "0s", "1s", "900s", "15m", "2h", "366d", "1e-3us"};
    private static final String[] COUNTS = {"0", "1", "2", "900", "1000", "5000", "100000", "1000000"};
    private static final String[] SIZES = {"128", "129", "3008", "10240", "512", "0", "250", "1GB"};
    private static final String[] GARBAGE = {"---", "...", "%YAML 1.1", "? complex", "- - -", "{", "}", "[", "]",
        "a: &a [*a]", "<<: *x", "\t- tab", "key: value: more", "#", "'unterminated", "\"unterminated", "|", ">",
        "  - {function: api, poisson: {rate: 1e9/s}}", "  - name: extra", "functions: []", "traffic:", "duration: 1d",
        "\u0000", "\uFEFF", "\\u0000", "@", "`", "&", "*", "!", ": :", "- : -", "  ? x\n  : y"};
    /** Platform overrides, put in place of the scenario's platform line (or before its first line). */
    private static final String[] PLATFORMS = {"platform: 2019", "platform: {preset: current, scaling: {refill: 0/s}}",
        "platform: {preset: current, scaling: {burst: 1, refill: 1e-9/s}}",
        "platform: {preset: 2019, scaling: {scope: account, burst: {default: 1}, refill: 1/d}}",
        "platform: {preset: current, idleLifetime: {lognormal: {median: 1us, p99: 366d}}}",
        "platform: {preset: current, maxLifetime: 1us, idleLifetime: 0s}",
        "platform: {preset: current, maxLifetime: {exponential: {mean: 366d}}}",
        "platform: {preset: current, coldStart: {spread: 100, perPackageMb: 10s}}",
        "platform: {preset: current, provisioned: {allocationDelay: 0s, scaleOutDatapoints: 1, scaleInDatapoints: 1}}",
        "platform: {preset: current, memory: {min: 64, max: 100000, step: 1}, maxVcpus: 64, vcpuMemoryMb: 64}",
        "platform: {preset: current, accountConcurrency: 1000000, minUnreserved: 0}",
        "platform: {preset: current, maxTimeout: 1d, maxInit: 1ms}"};
    private static final String FLIPS = "\t :{}[]-#&*!|>'\",%@`\\0123456789eé\u0000\u00a0\u2028z";

    @TempDir
    Path dir;

    @Test
    void everyMutantEndsWithResultsOrMessages() throws Exception {
        List<Path> scenarios;
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            scenarios = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> failures = new ArrayList<>();
        int[] outcomes = new int[3];
        try {
            for (int s = 0; s < scenarios.size(); s++) {
                byte[] original = Files.readAllBytes(scenarios.get(s));
                List<Future<Outcome>> futures = new ArrayList<>();
                List<String> reports = new ArrayList<>();
                for (int m = 0; m < MUTANTS / scenarios.size(); m++) {
                    long seed = SEED + s * 1_000_003L + m;
                    List<String> applied = new ArrayList<>();
                    byte[] mutant = mutate(original, new SplittableRandom(seed), applied);
                    reports.add(report("", applied, mutant));
                    int worker = m % 2;
                    futures.add(pool.submit(() -> check(mutant, applied, seed, worker)));
                }
                for (int m = 0; m < futures.size(); m++) {
                    Future<Outcome> f = futures.get(m);
                    Outcome o;
                    try {
                        o = f.get(MUTANT_SECONDS, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        f.cancel(true);
                        fail("a mutant of " + scenarios.get(s) + " took more than " + MUTANT_SECONDS + " s:" + reports.get(m));
                        return;
                    }
                    outcomes[o.validated ? (o.ran ? 0 : 1) : 2]++;
                    if (o.failure != null && failures.size() < 5) {
                        failures.add(o.failure);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), failures.size() + " mutants failed, for example:\n\n" + String.join("\n\n", failures));
        // The mutants exercise both paths: some still valid and run, many refused with messages.
        assertTrue(outcomes[0] > 250 && outcomes[1] > 0 && outcomes[2] > 1000, "run " + outcomes[0] + ", valid but refused "
                + outcomes[1] + ", invalid " + outcomes[2]);
    }

    private record Outcome(boolean validated, boolean ran, String failure) {
    }

    private Outcome check(byte[] mutant, List<String> applied, long seed, int worker) throws IOException {
        Path file = dir.resolve("mutant-" + seed + ".yaml");
        Files.write(file, mutant);
        try {
            Cli validate = Cli.run("validate", file.toString());
            String problem = problem(validate, "validate", 0, 2);
            if (problem != null || validate.exitCode() != 0) {
                return new Outcome(false, false, problem == null ? null : report(problem, applied, mutant));
            }
            Path out = dir.resolve("out-" + worker);
            Cli run = Cli.run("run", file.toString(), "--no-report", "--out", out.toString(), "--set", "duration=1m",
                    "--max-requests", "100k", "--check");
            problem = problem(run, "run", 0, 2);
            return new Outcome(true, run.exitCode() == 0, problem == null ? null : report(problem, applied, mutant));
        } catch (RuntimeException | Error e) {
            return new Outcome(false, false, report("threw " + e, applied, mutant));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What is wrong with an outcome, or null: an exit code not allowed, or a stack trace. */
    private static String problem(Cli r, String command, int... allowed) {
        if (Arrays.stream(allowed).noneMatch(c -> c == r.exitCode())) {
            return command + " exited with " + r.exitCode() + ":\n" + r.err();
        }
        if (r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("failed:")) {
            return command + " printed a failure:\n" + r.err();
        }
        return null;
    }

    private static String report(String problem, List<String> applied, byte[] mutant) {
        String text = new String(mutant, StandardCharsets.UTF_8);
        return problem + "\nmutations: " + applied + "\nmutant:\n" + (text.length() > 3000 ? text.substring(0, 3000) + "..." : text);
    }

    /** One to three mutations of the text (or, now and then, of its bytes). */
    static byte[] mutate(byte[] original, SplittableRandom random, List<String> applied) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(original, StandardCharsets.UTF_8).split("\n", -1)));
        // A third of the mutants get one new value only: many of them stay valid and are run.
        boolean oneValue = random.nextInt(3) == 0;
        int n = oneValue ? 1 : 1 + random.nextInt(3);
        for (int k = 0; k < n && !lines.isEmpty(); k++) {
            int i = random.nextInt(lines.size());
            switch (oneValue ? 4 : random.nextInt(10)) {
                case 0 -> {
                    applied.add("delete line " + (i + 1));
                    lines.remove(i);
                }
                case 1 -> {
                    applied.add("duplicate line " + (i + 1));
                    lines.add(i, lines.get(i));
                }
                case 2 -> {
                    int j = random.nextInt(lines.size());
                    applied.add("swap lines " + (i + 1) + " and " + (j + 1));
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case 3 -> {
                    String line = lines.get(i);
                    if (!line.isEmpty()) {
                        int at = random.nextInt(line.length());
                        char c = FLIPS.charAt(random.nextInt(FLIPS.length()));
                        applied.add("line " + (i + 1) + " char " + (at + 1) + " -> U+" + Integer.toHexString(c));
                        lines.set(i, line.substring(0, at) + c + line.substring(at + 1));
                    }
                }
                case 4, 5 -> {
                    String line = lines.get(i);
                    int colon = line.lastIndexOf(": ");
                    String value = value(line.substring(0, Math.max(0, colon)), random);
                    if (colon >= 0) {
                        int end = line.indexOf(',', colon);
                        int brace = line.indexOf('}', colon);
                        end = end < 0 ? brace : brace < 0 ? end : Math.min(end, brace);
                        applied.add("line " + (i + 1) + " value -> " + abbreviate(value));
                        lines.set(i, line.substring(0, colon + 2) + value + (end < 0 ? "" : line.substring(end)));
                    } else {
                        applied.add("line " + (i + 1) + " appended " + abbreviate(value));
                        lines.set(i, line + " " + value);
                    }
                }
                case 6 -> {
                    String g = random.nextInt(4) == 0 ? randomText(random) : GARBAGE[random.nextInt(GARBAGE.length)];
                    applied.add("insert before line " + (i + 1) + ": " + abbreviate(g));
                    lines.add(i, g);
                }
                case 7 -> {
                    String line = lines.get(i);
                    int spaces = 1 + random.nextInt(4);
                    if (random.nextBoolean() || !line.startsWith(" ")) {
                        applied.add("indent line " + (i + 1) + " by " + spaces);
                        lines.set(i, " ".repeat(spaces) + line);
                    } else {
                        applied.add("unindent line " + (i + 1));
                        lines.set(i, line.substring(Math.min(spaces, line.length() - line.stripLeading().length())));
                    }
                }
                case 8 -> {
                    String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
                    int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("platform:")).findFirst().orElse(""));
                    applied.add("platform -> " + platform);
                    if (at >= 0 && lines.get(at).startsWith("platform:")) {
                        lines.set(at, platform);
                    } else {
                        lines.add(0, platform);
                    }
                }
                default -> {
                    String all = String.join("\n", lines);
                    int cut = all.isEmpty() ? 0 : random.nextInt(all.length());
                    applied.add("cut at " + cut);
                    lines = new ArrayList<>(Arrays.asList(all.substring(0, cut).split("\n", -1)));
                }
            }
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && !oneValue && random.nextInt(50) == 0) {
            int at = random.nextInt(bytes.length);
            bytes[at] = (byte) (0x80 | random.nextInt(0x80));
            applied.add("byte " + at + " -> not UTF-8");
        }
        return bytes;
    }

    /** An extreme value: half the time one of the key's own kind. */
    private static String value(String before, SplittableRandom random) {
        String key = before.substring(Math.max(0, Math.max(before.lastIndexOf(' '), before.lastIndexOf('{')) + 1)).trim();
        String[] kind = key.matches("rate|mean|amplitude|from|to|refill") ? RATES
                : key.matches("duration|timeout|at|for|start|end|median|p99|min|max|cpu|wait|latency|repeat|idleLifetime") ? DURATIONS
                : key.matches("reservedConcurrency|provisionedConcurrency|concurrencyLimit|level|calls|threads|burst") ? COUNTS
                : key.matches("memorySize|packageSizeMb|ephemeralStorageSize|memoryUsedMb") ? SIZES : null;
        String[] from = kind != null && random.nextBoolean() ? kind : VALUES;
        return from[random.nextInt(from.length)];
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5f));
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
