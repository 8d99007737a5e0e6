package io.github.lambdasim.engine;

/**
 * The future-event list of a run, as two {@link EventQueue} heaps sharing one tie-breaking
 * sequence: the events of the types named at construction (timers that wait far ahead, such as an
 * idle environment's reclaim, one per environment) in one, every other event (arrivals,
 * completions) in the other. Events pop in exactly the order one heap would give them (time, then
 * insertion order), but the busy heap stays small: with hundreds of idle environments waiting for
 * their timers, arrivals and completions sift through a heap of a few dozen instead.
 *
 * <p>The same API as {@link EventQueue}; nothing is allocated per event. Not thread-safe.
 */
public final class FutureEvents {
    private final EventQueue near;
    private final EventQueue far;
    private final boolean[] isFar;
    private long nextSequence;

    private long poppedTimeMicros;
    private int poppedType;
    private int poppedTarget;
    private int poppedGeneration;

    /** @param farTypes the event types kept in the second heap; types are 0 to 63 */
    public FutureEvents(int initialCapacity, int... farTypes) {
        near = new EventQueue(initialCapacity);
        far = new EventQueue(initialCapacity);
        isFar = new boolean[64];
        for (int t : farTypes) {
            isFar[t] = true;
        }
    }

    /** Schedules an event; among events at the same time, earlier pushes pop first, whichever heap holds them. */
    public void push(long timeMicros, int type, int target, int generation) {
        (isFar[type] ? far : near).push(timeMicros, nextSequence++, type, target, generation);
    }

    public boolean isEmpty() {
        return near.isEmpty() && far.isEmpty();
    }

    public int size() {
        return near.size() + far.size();
    }

    /** Time of the earliest event, or {@link Long#MAX_VALUE} when there is none. */
    public long peekTimeMicros() {
        return Math.min(near.peekTimeMicros(), far.peekTimeMicros());
    }

    /**
     * Removes the earliest event (the earlier of the two heads; on a tie of time, the one pushed
     * first) and makes its fields readable.
     *
     * @throws IllegalStateException if there is no event
     */
    public void pop() {
        long nearTime = near.peekTimeMicros();
        long farTime = far.peekTimeMicros();
        EventQueue q = far.isEmpty() || !near.isEmpty() && (nearTime < farTime
                || nearTime == farTime && near.peekSequence() < far.peekSequence()) ? near : far;
        q.pop();
        poppedTimeMicros = q.timeMicros();
        poppedType = q.type();
        poppedTarget = q.target();
        poppedGeneration = q.generation();
    }

    /** Time of the last popped event. */
    public long timeMicros() {
        return poppedTimeMicros;
    }

    /** Type of the last popped event. */
    public int type() {
        return poppedType;
    }

    /** Target (entity id) of the last popped event. */
    public int target() {
        return poppedTarget;
    }

    /** Generation of the last popped event, to compare with the target's counter. */
    public int generation() {
        return poppedGeneration;
    }
}
