package io.github.lambdasim.model;

import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Simulated invocations per second of a scenario, in one JVM over several runs (the first ones
 * warm the JIT up), by wall-clock time and by the CPU time of the simulating thread, which other
 * work on a shared machine disturbs less. Not a test; run it by hand:
 *
 * <pre>
 * mvn -B -q test-compile
 * java -Xmx512m -cp target/lambdasim.jar:target/test-classes \
 *     io.github.lambdasim.model.SimulationBenchmark scenarios/bench.yaml [runs]
 * </pre>
 */
public final class SimulationBenchmark {
    private SimulationBenchmark() {
    }

    public static void main(String[] args) {
        ScenarioSpec spec = ScenarioLoader.load(Path.of(args[0]), List.of());
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] byWall = new double[runs];
        double[] byCpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            RunResult r = new Simulation(spec, 0, null, null).run();
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            byWall[i] = r.invocations() / wallSeconds;
            byCpu[i] = r.invocations() / cpuSeconds;
            System.out.printf(Locale.ROOT, "run %d: %,d invocations in %.2f s (%.2f s of CPU): %,.0f/s by wall clock, %,.0f/s by CPU%n",
                    i + 1, r.invocations(), wallSeconds, cpuSeconds, byWall[i], byCpu[i]);
        }
        // The first two runs warm the JIT up.
        int from = Math.min(2, runs - 1);
        double[] wall = Arrays.copyOfRange(byWall, from, runs);
        double[] cpu = Arrays.copyOfRange(byCpu, from, runs);
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: median of runs %d-%d: %,.0f invocations/s by wall clock, %,.0f by CPU (best %,.0f)%n",
                spec.name(), from + 1, runs, wall[wall.length / 2], cpu[cpu.length / 2], cpu[cpu.length - 1]);
    }
}
