package io.github.lambdasim.scenario;

/** One step of a function's init code or handler, run in order. */
public sealed interface StepSpec {

    /** CPU work, given as the time it takes on one full vCPU. */
    record Cpu(DistributionSpec cpuMicros) implements StepSpec {
    }

    /**
     * Calls to another service: {@code calls} calls one after the other (sequential: the sum of
     * their latencies), all at once (parallel: the slowest of them), or as one batched call
     * (batch: one latency, from the batch call's own distribution).
     */
    record Io(String name, int calls, IoMode mode, DistributionSpec latencyMicros) implements StepSpec {
    }

    /** Time spent waiting on something that is neither CPU nor a named call (a sleep, a lock). */
    record Wait(DistributionSpec micros) implements StepSpec {
    }

    enum IoMode {
        SEQUENTIAL, PARALLEL, BATCH;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
