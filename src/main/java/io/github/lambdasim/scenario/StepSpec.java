package io.github.lambdasim.scenario;

import java.util.List;

/** One step of a function's init code or handler, run in order. */
public sealed interface StepSpec {

    /**
     * CPU work, given as the time it takes on one full vCPU.
     *
     * @param perRecord whether the work is done once per record of the batch the invocation was
     *                  given (an event source's batch), rather than once per invocation
     */
    record Cpu(DistributionSpec cpuMicros, boolean perRecord) implements StepSpec {
        public Cpu(DistributionSpec cpuMicros) {
            this(cpuMicros, false);
        }
    }

    /**
     * Calls to another service: {@code calls} calls one after the other (sequential: the sum of
     * their latencies), all at once (parallel: the slowest of them), or as one batched call
     * (batch: one latency, from the batch call's own distribution).
     */
    record Io(String name, int calls, IoMode mode, DistributionSpec latencyMicros, boolean perRecord)
            implements StepSpec {
        public Io(String name, int calls, IoMode mode, DistributionSpec latencyMicros) {
            this(name, calls, mode, latencyMicros, false);
        }
    }

    /** Time spent waiting on something that is neither CPU nor a named call (a sleep, a lock). */
    record Wait(DistributionSpec micros, boolean perRecord) implements StepSpec {
        public Wait(DistributionSpec micros) {
            this(micros, false);
        }
    }

    /**
     * Messages sent to an SQS queue or records put on a stream of the scenario ({@code send}):
     * {@code count} of them, in one API round trip ({@code latencyMicros}, null for none), at the
     * end of which they are in the queue or the stream.
     *
     * @param queue  the queue, or null
     * @param stream the stream, or null
     */
    record Send(String queue, String stream, int count, DistributionSpec latencyMicros) implements StepSpec {
        public Send {
            if ((queue == null) == (stream == null)) {
                throw new IllegalArgumentException("a send step sends to a queue or a stream");
            }
        }
    }

    /**
     * Calls to other functions of the scenario through the Lambda Invoke API. A synchronous call
     * waits for the callee (the caller's environment is held and billed meanwhile); an
     * asynchronous one costs one API round trip ({@code latencyMicros}) and leaves an event on each
     * callee's asynchronous queue. {@code calls} calls to each function, one after another, or all
     * at once when {@code parallel}; several functions (a fan-out, as SNS or EventBridge do) only
     * asynchronously.
     *
     * @param latencyMicros the round trip of an asynchronous call; null for synchronous calls
     */
    record Invoke(List<String> functions, InvokeMode mode, int calls, boolean parallel, DistributionSpec latencyMicros)
            implements StepSpec {
        public Invoke {
            functions = List.copyOf(functions);
        }
    }

    enum InvokeMode {
        SYNC, ASYNC;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum IoMode {
        SEQUENTIAL, PARALLEL, BATCH;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
