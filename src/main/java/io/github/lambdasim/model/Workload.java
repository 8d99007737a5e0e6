package io.github.lambdasim.model;

import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.DistributionSpec;
import io.github.lambdasim.scenario.HandlerSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.StepSpec;
import java.util.List;

/**
 * A function's steps compiled for sampling without allocation: the time one run of them takes,
 * given the vCPU share its memory buys. Each step draws the same number of uniforms whatever the
 * memory or thread settings, so compared variants see the same draws (common random numbers).
 *
 * <p>The steps are cut into segments after each {@code invoke} step (a call to other functions),
 * so an invocation can draw each segment when it starts and pause between them. A synchronous
 * invoke takes no time of its own (the caller waits for the callee, which the invocation models);
 * an asynchronous one is the API's round trip, drawn like an io step of one call per callee and
 * call, at the end of its segment. {@link #invokeAfter} says which invoke ends a segment. A
 * workload without invoke steps is one segment.
 */
public final class Workload {
    private static final int CPU = 0;
    private static final int WAIT = 1;
    private static final int IO_SEQUENTIAL = 2;
    private static final int IO_PARALLEL = 3;
    private static final int IO_BATCH = 4;
    /** A synchronous invoke: no time here, the caller waits for the callee. */
    private static final int SYNC_CALL = 5;
    /**
     * A step done once per record draws each record's time up to this many records; a larger
     * batch draws this many and scales their sum to the batch (its mean exact, its spread that of
     * this many records), so that a batch of 10,000 costs no more than one of 32.
     */
    static final int MAX_RECORD_DRAWS = 32;

    private final int[] kinds;
    private final int[] calls;
    private final DistributionSpec[] distributions;
    /** Whether each step is done once per record of the invocation's batch. */
    private final boolean[] perRecord;
    private final boolean anyPerRecord;
    private final double cpuFactor;
    /** Index of each segment's first step, and the number of steps at the end. */
    private final int[] segmentStarts;
    /** For each segment, the index among the invoke steps of the one that ends it, or -1 for the last segment. */
    private final int[] invokeAfter;
    /** The steps that end a segment: invoke and send steps. */
    private final List<StepSpec> callSteps;

    public Workload(List<StepSpec> steps, double cpuFactor) {
        this(steps, cpuFactor, step -> step instanceof StepSpec.Invoke || step instanceof StepSpec.Send);
    }

    /** Steps cut into segments after each step {@code endsSegment} accepts. */
    Workload(List<StepSpec> steps, double cpuFactor, java.util.function.Predicate<StepSpec> endsSegment) {
        int n = steps.size();
        kinds = new int[n];
        calls = new int[n];
        distributions = new DistributionSpec[n];
        perRecord = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            StepSpec s = steps.get(i);
            calls[i] = 1;
            if (s instanceof StepSpec.Cpu c) {
                kinds[i] = CPU;
                distributions[i] = c.cpuMicros();
                perRecord[i] = c.perRecord();
            } else if (s instanceof StepSpec.Wait w) {
                kinds[i] = WAIT;
                distributions[i] = w.micros();
                perRecord[i] = w.perRecord();
            } else if (s instanceof StepSpec.Send send) {
                // The API's round trip: one, whatever the count (SendMessageBatch, PutRecords); none when not given.
                kinds[i] = send.latencyMicros() == null ? SYNC_CALL : WAIT;
                distributions[i] = send.latencyMicros();
            } else if (s instanceof StepSpec.Io io) {
                perRecord[i] = io.perRecord();
                kinds[i] = switch (io.mode()) {
                    case SEQUENTIAL -> IO_SEQUENTIAL;
                    case PARALLEL -> IO_PARALLEL;
                    case BATCH -> IO_BATCH;
                };
                calls[i] = io.mode() == StepSpec.IoMode.BATCH ? 1 : io.calls();
                distributions[i] = io.latencyMicros();
            } else if (s instanceof StepSpec.Invoke invoke) {
                if (invoke.mode() == StepSpec.InvokeMode.SYNC) {
                    kinds[i] = SYNC_CALL;
                } else {
                    // The round trip of each call to each callee: one after another, or the slowest.
                    kinds[i] = invoke.parallel() ? IO_PARALLEL : IO_SEQUENTIAL;
                    calls[i] = invoke.calls() * invoke.functions().size();
                    distributions[i] = invoke.latencyMicros();
                }
            }
        }
        for (boolean p : perRecord) {
            any |= p;
        }
        this.anyPerRecord = any;
        this.cpuFactor = cpuFactor;
        int[] starts = new int[n + 2];
        int[] after = new int[n + 1];
        List<StepSpec> found = new java.util.ArrayList<>();
        int segments = 1;
        for (int i = 0; i < n; i++) {
            StepSpec step = steps.get(i);
            boolean call = step instanceof StepSpec.Invoke || step instanceof StepSpec.Send;
            if (call) {
                found.add(step);
            }
            if (endsSegment.test(step)) {
                after[segments - 1] = call ? found.size() - 1 : -1;
                starts[segments++] = i + 1;
            }
        }
        after[segments - 1] = -1;
        starts[segments] = n;
        segmentStarts = java.util.Arrays.copyOf(starts, segments + 1);
        invokeAfter = java.util.Arrays.copyOf(after, segments);
        callSteps = List.copyOf(found);
    }

    /** The number of segments: one more than the invoke steps. */
    public int segmentCount() {
        return segmentStarts.length - 1;
    }

    /** The index (among {@link #calls()}) of the invoke or send step that ends segment {@code segment}, or -1 for the last. */
    public int invokeAfter(int segment) {
        return invokeAfter[segment];
    }

    /** The invoke and send steps, in order. */
    public List<StepSpec> calls() {
        return callSteps;
    }

    /** Whether a step is done once per record of a batch. */
    public boolean perRecord() {
        return anyPerRecord;
    }

    /**
     * Wall-clock time per unit of CPU time (CPU time being measured at one full vCPU): the serial
     * part runs at min(1, share) vCPU, the parallel part at min(threads, share) vCPU (no thread
     * gets more than one); below one vCPU, where threads can only take turns, each extra thread
     * adds {@code threadOverhead} of switching cost instead of a speed-up.
     */
    public static double cpuFactor(int memoryMb, PlatformSpec platform, HandlerSpec handler) {
        return cpuFactor(memoryMb, platform, handler.threads(), handler.parallelFraction(), handler.threadOverhead());
    }

    public static double cpuFactor(int memoryMb, PlatformSpec platform, int threads, double parallelFraction,
                                   double threadOverhead) {
        double share = vcpuShare(memoryMb, platform);
        double serial = (1 - parallelFraction) / Math.min(1, share);
        double parallel = parallelFraction / Math.min(threads, share);
        if (share < 1 && threads > 1) {
            parallel *= 1 + threadOverhead * (threads - 1);
        }
        return serial + parallel;
    }

    /**
     * The vCPUs a memory size buys: memory / the memory of one vCPU up to one vCPU; above it, linear
     * up to the platform's maximum at {@code maxVcpusMemoryMb} (or, without one, still memory / the
     * memory of one vCPU), never above the maximum.
     */
    public static double vcpuShare(int memoryMb, PlatformSpec platform) {
        int one = platform.vcpuMemoryMb();
        if (memoryMb <= one || platform.maxVcpusMemoryMb() == 0) {
            return Math.min(platform.maxVcpus(), memoryMb / (double) one);
        }
        return Math.min(platform.maxVcpus(), 1 + (memoryMb - one) * (platform.maxVcpus() - 1)
                / (double) (platform.maxVcpusMemoryMb() - one));
    }

    /** One run of the steps, in microseconds. */
    public long sampleMicros(RandomStream random) {
        return sampleSteps(0, kinds.length, random);
    }

    /** One run of the steps of segment {@code segment} (from 0), in microseconds. */
    public long sampleSegmentMicros(int segment, RandomStream random) {
        return sampleSteps(segmentStarts[segment], segmentStarts[segment + 1], random, 1);
    }

    /**
     * One run of the steps of segment {@code segment} for a batch of {@code records} records: a
     * step done per record is drawn for each (see {@link #MAX_RECORD_DRAWS}).
     */
    public long sampleSegmentMicros(int segment, RandomStream random, int records) {
        return sampleSteps(segmentStarts[segment], segmentStarts[segment + 1], random, records);
    }

    private long sampleSteps(int from, int to, RandomStream random) {
        return sampleSteps(from, to, random, 1);
    }

    private long sampleSteps(int from, int to, RandomStream random, int records) {
        if (to - from == 1 && kinds[from] == WAIT && !perRecord[from]) {
            // The common handler of one duration: one draw, nothing to add up.
            return Math.round(distributions[from].quantile(random.nextDouble()));
        }
        double total = 0;
        for (int i = from; i < to; i++) {
            if (perRecord[i] && records > 1) {
                int draws = Math.min(records, MAX_RECORD_DRAWS);
                double sum = 0;
                for (int r = 0; r < draws; r++) {
                    sum = step(i, random, sum);
                }
                total += sum * records / draws;
            } else {
                total = step(i, random, total);
            }
        }
        return Math.round(total);
    }

    /** {@code total} plus one draw of step {@code i}, in microseconds (not rounded), added in the order drawn. */
    private double step(int i, RandomStream random, double total) {
        DistributionSpec d = distributions[i];
        {
            switch (kinds[i]) {
                case CPU -> total += d.quantile(random.nextDouble()) * cpuFactor;
                case WAIT, IO_BATCH -> total += d.quantile(random.nextDouble());
                case SYNC_CALL -> {
                }
                case IO_SEQUENTIAL -> {
                    for (int c = calls[i]; c > 0; c--) {
                        total += d.quantile(random.nextDouble());
                    }
                }
                case IO_PARALLEL -> {
                    double max = 0;
                    for (int c = calls[i]; c > 0; c--) {
                        max = Math.max(max, d.quantile(random.nextDouble()));
                    }
                    total += max;
                }
                default -> throw new IllegalStateException();
            }
        }
        return total;
    }

    /** Whether there are no steps (an empty init). */
    public boolean isEmpty() {
        return kinds.length == 0;
    }
}
