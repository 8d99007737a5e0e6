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
        long total = 0;
        for (ScenarioSpec p : points) {
            total += p.durationMicros() * replications;
        }
        AtomicLong done = new AtomicLong();
        long grandTotal = Math.max(1, total);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "lambdasim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<List<Future<RunResult>>> futures = new ArrayList<>();
            for (ScenarioSpec point : points) {
                List<Future<RunResult>> reps = new ArrayList<>();
                for (int r = 0; r < replications; r++) {
                    int replication = r;
                    reps.add(pool.submit(() -> {
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
                futures.add(reps);
            }
            List<PointResult> results = new ArrayList<>();
            for (List<Future<RunResult>> reps : futures) {
                List<Map<String, Double>> figures = new ArrayList<>();
                RunResult first = null;
                for (Future<RunResult> f : reps) {
                    RunResult run = f.get();
                    figures.add(KeyFigures.of(run));
                    if (first == null && keepFirst) {
                        first = run;
                    }
                }
                results.add(new PointResult(figures, first));
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
