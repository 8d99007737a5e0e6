package io.github.lambdasim.model;

import java.util.Arrays;

/**
 * The execution environments of a run, as int ids into parallel arrays: each belongs to one
 * function and is initializing, busy, idle or free. Idle environments wait in two stacks per
 * function (provisioned and on demand, most recently used on top), are reclaimed after their idle
 * lifetime and recycled at their maximum lifetime; freed ids are reused. One timer event per
 * environment at most is pending: an earlier deadline re-arms it, a later one waits for it, and
 * stale timers are dropped by generation.
 */
final class Environments {
    static final int TIMER = 2;

    static final int NONE = -1;
    static final int IDLE = 0;
    static final int BUSY = 1;
    static final int FREE = 2;
    static final int INITIALIZING = 3;

    private final Context context;
    private final FunctionModel[] functions;
    private final FunctionStats stats;
    private Provisioned provisioned;

    private int capacity = 256;
    private int count;
    private int[] freeIds = new int[256];
    private int freeCount;
    private int[] function = new int[capacity];
    private int[] state = new int[capacity];
    private int[] prev = new int[capacity];
    private int[] next = new int[capacity];
    private long[] idleDeadline = new long[capacity];
    private long[] retireAt = new long[capacity];
    private int[] timerGeneration = new int[capacity];
    private long[] timerAt = new long[capacity];
    private boolean[] timerPending = new boolean[capacity];
    private boolean[] provisionedFlag = new boolean[capacity];
    private boolean[] removeWhenDone = new boolean[capacity];
    /** Bumped when an environment is freed or re-initialized: stale {@link Provisioned#READY} events are dropped. */
    private int[] generation = new int[capacity];

    /** Per function, the top of each idle stack, or {@link #NONE}. */
    private final int[] idleHead;
    private final int[] provisionedIdleHead;

    Environments(Context context, FunctionModel[] functions, FunctionStats stats) {
        this.context = context;
        this.functions = functions;
        this.stats = stats;
        idleHead = new int[functions.length];
        provisionedIdleHead = new int[functions.length];
        Arrays.fill(idleHead, NONE);
        Arrays.fill(provisionedIdleHead, NONE);
    }

    void wire(Provisioned provisioned) {
        this.provisioned = provisioned;
    }

    /** Slots ever used: every environment id is below this. */
    int slots() {
        return count;
    }

    int function(int env) {
        return function[env];
    }

    int state(int env) {
        return state[env];
    }

    boolean isProvisioned(int env) {
        return provisionedFlag[env];
    }

    boolean removeWhenDone(int env) {
        return removeWhenDone[env];
    }

    void markRemoveWhenDone(int env) {
        removeWhenDone[env] = true;
    }

    long retireAt(int env) {
        return retireAt[env];
    }

    int generation(int env) {
        return generation[env];
    }

    /** The most recently used idle environment of {@code f}, provisioned or on demand, or {@link #NONE}. */
    int idleTop(int f, boolean provisionedOnes) {
        return provisionedOnes ? provisionedIdleHead[f] : idleHead[f];
    }

    int nextIdle(int env) {
        return next[env];
    }

    /** A new environment of {@code f}, busy, with its maximum lifetime drawn. */
    int create(int f, boolean provisionedOne) {
        int env;
        if (freeCount > 0) {
            env = freeIds[--freeCount];
        } else {
            if (count == capacity) {
                grow();
            }
            env = count++;
        }
        FunctionModel fm = functions[f];
        function[env] = f;
        state[env] = BUSY;
        prev[env] = NONE;
        next[env] = NONE;
        timerPending[env] = false;
        provisionedFlag[env] = provisionedOne;
        removeWhenDone[env] = false;
        retireAt[env] = context.now + fm.sampleMaxLifetimeMicros();
        stats.environmentCreated(f);
        return env;
    }

    /** Shuts an environment down and frees its id. */
    void destroy(int env) {
        int f = function[env];
        if (provisionedFlag[env] && !removeWhenDone[env]) {
            provisioned.environmentGone(f);
        }
        state[env] = FREE;
        generation[env]++;
        timerGeneration[env]++;
        timerPending[env] = false;
        stats.environmentDestroyed(f);
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = env;
    }

    /** A provisioned environment starts (again) to initialize; returns the generation its ready event must carry. */
    int startInitializing(int env, boolean recycled) {
        if (recycled) {
            retireAt[env] = context.now + functions[function[env]].sampleMaxLifetimeMicros();
        }
        state[env] = INITIALIZING;
        return ++generation[env];
    }

    void markBusy(int env) {
        state[env] = BUSY;
    }

    /** The environment waits for a request on top of its function's idle stack, with its timers armed. */
    void makeIdle(int env) {
        int f = function[env];
        state[env] = IDLE;
        stats.idleChanged(f, 1);
        boolean p = provisionedFlag[env];
        int head = p ? provisionedIdleHead[f] : idleHead[f];
        prev[env] = NONE;
        next[env] = head;
        if (head != NONE) {
            prev[head] = env;
        }
        if (p) {
            provisionedIdleHead[f] = env;
            // Provisioned environments are never reclaimed for idling, only recycled.
            idleDeadline[env] = Long.MAX_VALUE;
        } else {
            idleHead[f] = env;
            idleDeadline[env] = context.now + functions[f].sampleIdleLifetimeMicros();
        }
        armTimer(env, Math.min(idleDeadline[env], retireAt[env]));
    }

    /** Keeps one pending timer per environment: an earlier deadline re-arms it, a later one waits for it. */
    private void armTimer(int env, long at) {
        if (timerPending[env] && timerAt[env] <= at) {
            return;
        }
        timerGeneration[env]++;
        timerPending[env] = true;
        timerAt[env] = at;
        context.queue.push(at, TIMER, env, timerGeneration[env]);
    }

    void onTimer(int env, int timerGen) {
        if (timerGen != timerGeneration[env]) {
            return; // stale: the environment was re-armed earlier or freed
        }
        timerPending[env] = false;
        if (state[env] != IDLE) {
            return; // busy: it is re-armed when it goes idle
        }
        int f = function[env];
        long now = context.now;
        long deadline = Math.min(idleDeadline[env], retireAt[env]);
        if (now >= deadline) {
            unlinkIdle(env);
            stats.idleChanged(f, -1);
            if (provisionedFlag[env]) {
                stats.recycled(f);
                provisioned.reinitialize(env);
                return;
            }
            if (now >= idleDeadline[env]) {
                stats.reclaimed(f);
            } else {
                stats.recycled(f);
            }
            destroy(env);
        } else {
            armTimer(env, deadline);
        }
    }

    /** Takes an idle environment out of its function's idle stack. */
    void unlinkIdle(int env) {
        int f = function[env];
        int p = prev[env];
        int n = next[env];
        if (p != NONE) {
            next[p] = n;
        } else if (provisionedFlag[env]) {
            provisionedIdleHead[f] = n;
        } else {
            idleHead[f] = n;
        }
        if (n != NONE) {
            prev[n] = p;
        }
        prev[env] = NONE;
        next[env] = NONE;
    }

    private void grow() {
        capacity *= 2;
        function = Arrays.copyOf(function, capacity);
        state = Arrays.copyOf(state, capacity);
        prev = Arrays.copyOf(prev, capacity);
        next = Arrays.copyOf(next, capacity);
        idleDeadline = Arrays.copyOf(idleDeadline, capacity);
        retireAt = Arrays.copyOf(retireAt, capacity);
        timerGeneration = Arrays.copyOf(timerGeneration, capacity);
        timerAt = Arrays.copyOf(timerAt, capacity);
        timerPending = Arrays.copyOf(timerPending, capacity);
        provisionedFlag = Arrays.copyOf(provisionedFlag, capacity);
        removeWhenDone = Arrays.copyOf(removeWhenDone, capacity);
        generation = Arrays.copyOf(generation, capacity);
    }
}
