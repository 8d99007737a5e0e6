package io.github.lambdasim.model;

import io.github.lambdasim.engine.FutureEvents;
import io.github.lambdasim.engine.RandomStream;

/**
 * What the components of one run share: the clock, the event queue, the end of the run, and the
 * seed and replication every named random stream is drawn from. One per {@link Simulation}.
 */
final class Context {
    /**
     * Arrivals (one pending per traffic source) and timers (one per idle environment, the retries
     * of events and calls, and the timeouts of callers waiting on calls: far ahead, and most never
     * fire) wait in heaps of their own, so that completions sift through a small one.
     */
    final FutureEvents queue = new FutureEvents(1024, new int[] {Arrivals.ARRIVAL},
            new int[] {Environments.TIMER, AsyncQueues.ASYNC_RETRY, Calls.CALL_RETRY, Invocations.CALL_TIMEOUT,
                    Queues.VISIBLE, Queues.POLL_SCALE});
    final long endMicros;
    /**
     * The measurement window {@code [measureFrom, measureTo)}: a request is measured when it
     * arrives in it (after a warm-up, inside compare's {@code --window}); by default the whole run.
     */
    final long measureFrom;
    final long measureTo;
    /** The scenario's time 0 in simulated time: the warm-up's length. */
    final long warmup;
    private final long seed;
    private final int replication;
    /** The simulated time of the event being handled, in microseconds since the start. */
    long now;

    Context(long seed, int replication, long endMicros) {
        this(seed, replication, endMicros, 0, 0, endMicros);
    }

    Context(long seed, int replication, long endMicros, long warmup, long measureFrom, long measureTo) {
        this.seed = seed;
        this.replication = replication;
        this.endMicros = endMicros;
        this.warmup = warmup;
        this.measureFrom = measureFrom;
        this.measureTo = measureTo;
    }

    /** Whether what arrived (or happened) at {@code micros} is measured: one comparison of longs each side. */
    boolean measured(long micros) {
        return micros >= measureFrom && micros < measureTo;
    }

    /** The random stream named {@code name} of this run's seed and replication. */
    RandomStream stream(String name) {
        return RandomStream.of(seed, name, replication);
    }

    /** One stream per function, named {@code <kind>:<function>}: a function's draws do not depend on the others'. */
    RandomStream[] streamPerFunction(String kind, FunctionModel[] functions) {
        RandomStream[] streams = new RandomStream[functions.length];
        for (int f = 0; f < functions.length; f++) {
            streams[f] = stream(kind + ":" + functions[f].spec.name());
        }
        return streams;
    }

    long seed() {
        return seed;
    }

    int replication() {
        return replication;
    }
}
