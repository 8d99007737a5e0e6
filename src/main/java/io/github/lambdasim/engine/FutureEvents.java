package io.github.lambdasim.engine;

/**
 * The future-event list of a run, as several {@link EventQueue} heaps (lanes) sharing one
 * tie-breaking sequence: the event types named for a lane go to it, every other type to the first
 * lane. Events pop in exactly the order one heap would give them (time, then insertion order),
 * but each heap stays smaller: a whole account's thousand pending arrivals, or the timers of its
 * idle environments far ahead, no longer deepen the heap that completions sift through.
 *
 * <p>The same API as {@link EventQueue}; nothing is allocated per event. Not thread-safe.
 */
public final class FutureEvents {
    private final EventQueue[] lanes;
    private final int[] laneOfType;
    private long nextSequence;

    private long poppedTimeMicros;
    private int poppedType;
    private int poppedTarget;
    private int poppedGeneration;

    /**
     * @param typesByLane for each lane after the first, the event types it holds (types are 0 to
     *                    63); the first lane holds every other type
     */
    public FutureEvents(int initialCapacity, int[]... typesByLane) {
        lanes = new EventQueue[typesByLane.length + 1];
        laneOfType = new int[64];
        lanes[0] = new EventQueue(initialCapacity);
        for (int lane = 1; lane < lanes.length; lane++) {
            lanes[lane] = new EventQueue(initialCapacity);
            for (int type : typesByLane[lane - 1]) {
                laneOfType[type] = lane;
            }
        }
    }

    /** Schedules an event; among events at the same time, earlier pushes pop first, whichever lane holds them. */
    public void push(long timeMicros, int type, int target, int generation) {
        lanes[laneOfType[type]].push(timeMicros, nextSequence++, type, target, generation);
    }

    public boolean isEmpty() {
        for (EventQueue q : lanes) {
            if (!q.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        int n = 0;
        for (EventQueue q : lanes) {
            n += q.size();
        }
        return n;
    }

    /** Time of the earliest event, or {@link Long#MAX_VALUE} when there is none. */
    public long peekTimeMicros() {
        long t = Long.MAX_VALUE;
        for (EventQueue q : lanes) {
            t = Math.min(t, q.peekTimeMicros());
        }
        return t;
    }

    /**
     * Removes the earliest event (the earliest of the lanes' heads; on a tie of time, the one pushed
     * first) and makes its fields readable.
     *
     * @throws IllegalStateException if there is no event
     */
    public void pop() {
        EventQueue first = lanes[0];
        long time = first.peekTimeMicros();
        long sequence = first.peekSequence();
        for (int i = 1; i < lanes.length; i++) {
            EventQueue q = lanes[i];
            long t = q.peekTimeMicros();
            if (t < time || t == time && q.peekSequence() < sequence) {
                first = q;
                time = t;
                sequence = q.peekSequence();
            }
        }
        first.pop();
        poppedTimeMicros = first.timeMicros();
        poppedType = first.type();
        poppedTarget = first.target();
        poppedGeneration = first.generation();
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
