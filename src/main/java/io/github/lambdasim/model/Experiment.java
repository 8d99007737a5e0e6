package io.github.lambdasim.model;

import io.github.lambdasim.scenario.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Runs several scenarios (the points of a sweep, the sides of a comparison) with several
 * replications each, spread over the machine's cores. Replication r of every point uses
 * substream r of every named random stream, so points that share traffic see the same arrivals
 * and draws (common random numbers) and their differences are sharp.
 */
public final class Experiment {
    private Experiment() {
    }

    /** The outcome of one point: key figures of each replication, and the first replication in full (or null). */
    public record PointResult(List<Map<String, Double>> replications, RunResult first) {
        public PointResult {
            replications = List.copyOf(replications);
        }
    }

    /**
     * Runs every point with {@code replications} replications; {@code progress} is told the
     * fraction of simulated time done over all runs. Keeps only the key figures of all but the
     * first replication of each point, so memory does not grow with replications.
     */
    public static List<PointResult> run(List<ScenarioSpec> points, int replications, Long periodMicros, int threads,
                                        boolean keepFirst, ProgressListener progress) {
        List<PairResult> pairs = runPairs(points, replications, periodMicros, threads, keepFirst, progress, i -> true);
        List<PointResult> results = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            List<Map<String, Double>> figures = new ArrayList<>();
            RunResult first = null;
            for (PairResult pair : pairs.subList(p * replications, (p + 1) * replications)) {
                figures.add(pair.figures());
                if (first == null) {
                    first = pair.run();
                }
            }
            results.add(new PointResult(figures, first));
        }
        return results;
    }

    /**
     * The outcome of one simulation of a point: its key figures, and the run in full when it is
     * replication 0 and the caller keeps it (else null).
     */
    public record PairResult(int point, int replication, Map<String, Double> figures, RunResult run) {
    }

    /**
     * Runs the pairs (point, replication) whose index {@code point * replications + replication}
     * {@code owned} accepts, in that order (point-major): a share of the work that other machines
     * can do the rest of, since replication r of a point is the same simulation wherever it runs.
     */
    public static List<PairResult> runPairs(List<ScenarioSpec> points, int replications, Long periodMicros, int threads,
                                            boolean keepFirst, ProgressListener progress, IntPredicate owned) {
        long total = 0;
        for (int p = 0; p < points.size(); p++) {
            for (int r = 0; r < replications; r++) {
                if (owned.test(p * replications + r)) {
                    total += points.get(p).runMicros();
                }
            }
        }
        AtomicLong done = new AtomicLong();
        long grandTotal = Math.max(1, total);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "lambdasim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<int[]> keys = new ArrayList<>();
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int p = 0; p < points.size(); p++) {
                ScenarioSpec point = points.get(p);
                for (int r = 0; r < replications; r++) {
                    if (!owned.test(p * replications + r)) {
                        continue;
                    }
                    int replication = r;
                    keys.add(new int[] {p, r});
                    futures.add(pool.submit(() -> {
                        long[] last = {0};
                        RunResult result = new Simulation(point, replication, periodMicros, (simulated, all) -> {
                            long now = done.addAndGet(simulated - last[0]);
                            last[0] = simulated;
                            synchronized (progress) {
                                progress.progress(now, grandTotal);
                            }
                        }).run();
                        return result;
                    }));
                }
            }
            List<PairResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                RunResult run = futures.get(i).get();
                futures.set(i, null);
                int[] key = keys.get(i);
                results.add(new PairResult(key[0], key[1], KeyFigures.of(run), keepFirst && key[1] == 0 ? run : null));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The number of threads to use: every core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
