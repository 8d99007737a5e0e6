package io.github.lambdasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lambdasim merge}: joins the parts written by {@code sweep --shard K/N} (or
 * {@code compare --shard K/N}, {@code run --replications R --shard K/N}) into the files the
 * unsharded command would have written.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the parts of a sharded sweep, comparison or run (the folders written with --shard K/N) into "
            + "exactly the files the command writes unsharded: sweep.json, sweep.csv (or compare.json, compare.csv and runs/; "
            + "or a run's summary.json, metrics.csv, report-log.txt and data/), the charts and report.html.",
            "Refuses parts of different scenarios, options or lambdasim versions, and a shard missing or given twice.",
            "With --missing, only lists the shards still to run (exit code 1 if any)."},
        footer = {"", "Example: lambdasim sweep s.yaml --vary functions.api.memorySize=512,1024,2048 --shard 1/3   (and 2/3, 3/3)",
            "         lambdasim merge output/s-sweep-shard-*-of-3"})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' folders (each holding part.json).")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: the unsharded command's, e.g. output/<scenario name>-sweep, or "
                    + "output/<scenario name> for a run).")
    Path out;

    @Option(names = "--missing", description = "Only list the shards without a complete part among the folders "
            + "(e.g. missing: 2/5, 4/5); exit code 1 if any, 0 if none.")
    boolean missing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        for (Path d : dirs) {
            try {
                Part p = missing ? Part.readIfComplete(d) : Part.read(d);
                if (p != null) {
                    parts.add(p);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (parts.isEmpty() && problems.isEmpty()) {
            problems.add("no complete part among " + (dirs.size() == 1 ? "the folder given" : "the " + dirs.size()
                    + " folders given") + ": no shard has finished yet, or these are not shards' folders");
        }
        Map<Integer, Part> byShard = new TreeMap<>();
        if (!parts.isEmpty()) {
            Part first = parts.get(0);
            for (Part p : parts) {
                String problem = mismatch(first, p);
                if (problem != null) {
                    problems.add(problem);
                    continue;
                }
                if (!p.pairsMatchShard()) {
                    problems.add(p.dir().resolve(Part.FILE) + ": its simulations are not those of shard " + p.shard() + " of "
                            + p.points() + " points x " + p.replications() + " replications");
                    continue;
                }
                Part twin = byShard.putIfAbsent(p.shard().k(), p);
                if (twin != null) {
                    problems.add("shard " + p.shard() + " given twice: " + twin.dir() + " and " + p.dir());
                }
            }
        }
        if (!problems.isEmpty()) {
            return refuse(err, problems);
        }
        int n = parts.get(0).shard().n();
        List<String> absent = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!byShard.containsKey(k)) {
                absent.add(k + "/" + n);
            }
        }
        if (missing) {
            if (absent.isEmpty()) {
                stdout.println("missing: none (all " + n + " shards complete)");
                stdout.flush();
                return 0;
            }
            stdout.println("missing: " + String.join(", ", absent));
            stdout.flush();
            return Errors.FAILURE;
        }
        if (!absent.isEmpty()) {
            for (String a : absent) {
                problems.add("shard " + a + " is missing (run it, or give its folder)");
            }
            return refuse(err, problems);
        }
        List<Part> ordered = new ArrayList<>(byShard.values());
        Part first = ordered.get(0);
        List<List<Map<String, Double>>> replications = new ArrayList<>();
        for (int p = 0; p < first.points(); p++) {
            replications.add(new ArrayList<>());
        }
        int r = first.replications();
        for (int i = 0; i < first.points() * r; i++) {
            Part owner = ordered.get(i % n);
            Part.Pair pair = owner.pairs().get(i / n);
            replications.get(pair.point()).add(pair.figures());
        }
        String where = first.dir().resolve(Part.FILE).toString();
        return switch (first.kind()) {
            case SweepCommand.Plan.KIND -> {
                SweepCommand.Plan plan = SweepCommand.Plan.fromJson(first.command(), where);
                yield SweepCommand.write(plan, replications, out != null ? out : plan.defaultTarget(), stdout, err);
            }
            case CompareCommand.Plan.KIND -> {
                CompareCommand.Plan plan = CompareCommand.Plan.fromJson(first.command(), where);
                List<String> absentFiles = new ArrayList<>();
                for (int i = 0; i < first.points(); i++) {
                    Part owner = ordered.get(i * r % n);
                    for (String f : firstRunFiles(plan, i)) {
                        if (!owner.files().contains(f) || !Files.isRegularFile(owner.dir().resolve(f))) {
                            absentFiles.add(owner.dir() + ": " + f + " is missing (run shard " + owner.shard() + " again)");
                        }
                    }
                }
                if (!absentFiles.isEmpty()) {
                    yield refuse(err, absentFiles);
                }
                yield CompareCommand.write(plan, replications, (folder, i) -> {
                    Part owner = ordered.get(i * r % n);
                    for (String f : firstRunFiles(plan, i)) {
                        folder.write(f, Files.readAllBytes(owner.dir().resolve(f)));
                    }
                }, out != null ? out : plan.defaultTarget(), stdout, err);
            }
            case RunCommand.Plan.KIND -> {
                RunCommand.Plan plan = RunCommand.Plan.fromJson(first.command(), where);
                if (first.points() != 1 || plan.replications() != r) {
                    yield refuse(err, List.of(where + ": not the part of one run's replications"));
                }
                // Replication 0 is pair 0: shard 1 holds its files.
                Part owner = ordered.get(0);
                List<String> absentFiles = new ArrayList<>();
                if (!owner.files().contains(RunCommand.FILES.get(0))) {
                    absentFiles.add(owner.dir() + ": " + RunCommand.FILES.get(0) + " is missing (run shard " + owner.shard()
                            + " again)");
                }
                for (String f : owner.files()) {
                    if (!Files.isRegularFile(owner.dir().resolve(f))) {
                        absentFiles.add(owner.dir() + ": " + f + " is missing (run shard " + owner.shard() + " again)");
                    }
                }
                if (!absentFiles.isEmpty()) {
                    yield refuse(err, absentFiles);
                }
                yield RunCommand.merge(plan, replications.get(0), owner.dir(), owner.files(), n,
                        out != null ? out : plan.defaultTarget(), stdout, err);
            }
            default -> refuse(err, List.of(where + ": a part of a '" + first.kind() + "', which this version cannot merge"));
        };
    }

    /** The files of replication 0 of scenario i that a comparison's part holds. */
    private static List<String> firstRunFiles(CompareCommand.Plan plan, int i) {
        String run = plan.runFolders().get(i);
        return List.of(run + "/summary.json", run + "/metrics.csv");
    }

    /** Why {@code p} cannot be merged with {@code first}, or null. */
    private static String mismatch(Part first, Part p) {
        if (!p.kind().equals(first.kind())) {
            return p.dir() + ": a part of a " + p.kind() + ", but " + first.dir() + " is a part of a " + first.kind();
        }
        if (!p.version().equals(first.version())) {
            return p.dir() + ": written by " + p.version() + ", but " + first.dir() + " by " + first.version()
                    + " (run every shard with the same version)";
        }
        if (!p.digest().equals(first.digest())) {
            return p.dir() + ": a part of another " + p.kind() + " than " + first.dir()
                    + " (the scenario files or the options differ)";
        }
        if (p.shard().n() != first.shard().n()) {
            return p.dir() + ": shard " + p.shard() + ", but " + first.dir() + " is shard " + first.shard()
                    + " (the same " + p.kind() + " cut into a different number of shards)";
        }
        return null;
    }

    private static int refuse(PrintWriter err, List<String> problems) {
        for (String p : problems) {
            err.println("lambdasim: merge: " + p);
        }
        err.flush();
        return Errors.INVALID_INPUT;
    }

    /** What a shard prints when its part is written: what it did, and how to merge. */
    static void printPart(PrintWriter out, String what, Shard shard, int simulations, int of, Path folder, String glob) {
        out.printf("Shard %s of the %s: %d of %d simulations, in %s.%n", shard, what, simulations, of,
                TextSummary.display(folder));
        out.printf("When all %d shards are done: lambdasim merge %s%n", shard.n(),
                glob != null ? glob : "<the " + shard.n() + " shards' folders>");
        out.flush();
    }
}
