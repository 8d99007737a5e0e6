package io.github.lambdasim.model;

import java.util.Arrays;

/**
 * The execution environments of a run, as int ids: each belongs to one function and is
 * initializing, busy, idle or free. Idle environments wait in two stacks per function
 * (provisioned and on demand, most recently used on top), are reclaimed after their idle
 * lifetime and recycled at their maximum lifetime; freed ids are reused. One timer event per
 * environment at most is pending: an earlier deadline re-arms it, a later one waits for it, and
 * stale timers are dropped by generation.
 *
 * <p>An environment's fields lie together in one record of {@link #STRIDE} longs of a single
 * array, not in a dozen parallel arrays: an event touches one cache line of an environment, which
 * matters when a whole account's thousands of environments no longer fit in the cache.
 */
final class Environments {
    static final int TIMER = 2;

    static final int NONE = -1;
    static final int IDLE = 0;
    static final int BUSY = 1;
    static final int FREE = 2;
    static final int INITIALIZING = 3;

    // The record of an environment: these offsets into its STRIDE longs.
    private static final int STRIDE = 8;
    private static final int FUNCTION = 0;
    /** The state in the low byte, and the flags above it. */
    private static final int STATE = 1;
    private static final int PREV = 2;
    private static final int NEXT = 3;
    private static final int IDLE_DEADLINE = 4;
    private static final int RETIRE_AT = 5;
    private static final int TIMER_AT = 6;
    /** The timer's generation in the low 32 bits, the environment's generation in the high 32. */
    private static final int GENERATIONS = 7;
    private static final long STATE_MASK = 0xff;
    private static final long TIMER_PENDING = 1 << 8;
    private static final long PROVISIONED = 1 << 9;
    private static final long REMOVE_WHEN_DONE = 1 << 10;

    private final Context context;
    private final FunctionModel[] functions;
    private final FunctionStats stats;
    private Provisioned provisioned;

    private int capacity = 256;
    private int count;
    private int[] freeIds = new int[256];
    private int freeCount;
    private long[] rec = new long[capacity * STRIDE];

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
        return (int) rec[env * STRIDE + FUNCTION];
    }

    int state(int env) {
        return (int) (rec[env * STRIDE + STATE] & STATE_MASK);
    }

    private void setState(int env, int state) {
        int i = env * STRIDE + STATE;
        rec[i] = (rec[i] & ~STATE_MASK) | state;
    }

    private boolean flag(int env, long flag) {
        return (rec[env * STRIDE + STATE] & flag) != 0;
    }

    private void setFlag(int env, long flag, boolean on) {
        int i = env * STRIDE + STATE;
        rec[i] = on ? rec[i] | flag : rec[i] & ~flag;
    }

    boolean isProvisioned(int env) {
        return flag(env, PROVISIONED);
    }

    boolean removeWhenDone(int env) {
        return flag(env, REMOVE_WHEN_DONE);
    }

    void markRemoveWhenDone(int env) {
        setFlag(env, REMOVE_WHEN_DONE, true);
    }

    long retireAt(int env) {
        return rec[env * STRIDE + RETIRE_AT];
    }

    int generation(int env) {
        return (int) (rec[env * STRIDE + GENERATIONS] >>> 32);
    }

    private int timerGeneration(int env) {
        return (int) rec[env * STRIDE + GENERATIONS];
    }

    private void bumpGeneration(int env) {
        int i = env * STRIDE + GENERATIONS;
        rec[i] = ((long) ((int) (rec[i] >>> 32) + 1) << 32) | (rec[i] & 0xffffffffL);
    }

    private void bumpTimerGeneration(int env) {
        int i = env * STRIDE + GENERATIONS;
        rec[i] = (rec[i] & 0xffffffff00000000L) | (((int) rec[i] + 1) & 0xffffffffL);
    }

    private int prev(int env) {
        return (int) rec[env * STRIDE + PREV];
    }

    private void setPrev(int env, int p) {
        rec[env * STRIDE + PREV] = p;
    }

    /** The top of {@code f}'s idle stack of provisioned or on-demand environments, or {@link #NONE}. */
    int idleTop(int f, boolean provisionedOnes) {
        return provisionedOnes ? provisionedIdleHead[f] : idleHead[f];
    }

    int nextIdle(int env) {
        return (int) rec[env * STRIDE + NEXT];
    }

    private void setNext(int env, int n) {
        rec[env * STRIDE + NEXT] = n;
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
        int base = env * STRIDE;
        rec[base + FUNCTION] = f;
        // Busy, with its flags cleared (no timer pending), and its generations kept.
        rec[base + STATE] = BUSY | (provisionedOne ? PROVISIONED : 0);
        rec[base + PREV] = NONE;
        rec[base + NEXT] = NONE;
        rec[base + RETIRE_AT] = context.now + functions[f].sampleMaxLifetimeMicros();
        stats.environmentCreated(f);
        return env;
    }

    /**
     * An on-demand environment of {@code f} initialised before the run (a warm start): idle, its
     * idle lifetime counted from now as if just used, its maximum lifetime drawn as usual.
     */
    void createWarm(int f) {
        makeIdle(create(f, false));
    }

    /** Shuts an environment down and frees its id. */
    void destroy(int env) {
        int f = function(env);
        if (flag(env, PROVISIONED) && !flag(env, REMOVE_WHEN_DONE)) {
            provisioned.environmentGone(f);
        }
        setState(env, FREE);
        bumpGeneration(env);
        bumpTimerGeneration(env);
        setFlag(env, TIMER_PENDING, false);
        stats.environmentDestroyed(f);
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = env;
    }

    /** A provisioned environment starts (again) to initialize; returns the generation its ready event must carry. */
    int startInitializing(int env, boolean recycled) {
        if (recycled) {
            rec[env * STRIDE + RETIRE_AT] = context.now + functions[function(env)].sampleMaxLifetimeMicros();
        }
        setState(env, INITIALIZING);
        bumpGeneration(env);
        return generation(env);
    }

    void markBusy(int env) {
        setState(env, BUSY);
    }

    /** The environment waits for a request on top of its function's idle stack, with its timers armed. */
    void makeIdle(int env) {
        int f = function(env);
        int base = env * STRIDE;
        setState(env, IDLE);
        stats.idleChanged(f, 1);
        boolean p = flag(env, PROVISIONED);
        int head = p ? provisionedIdleHead[f] : idleHead[f];
        rec[base + PREV] = NONE;
        rec[base + NEXT] = head;
        if (head != NONE) {
            setPrev(head, env);
        }
        if (p) {
            provisionedIdleHead[f] = env;
            // Provisioned environments are never reclaimed for idling, only recycled.
            rec[base + IDLE_DEADLINE] = Long.MAX_VALUE;
        } else {
            idleHead[f] = env;
            rec[base + IDLE_DEADLINE] = context.now + functions[f].sampleIdleLifetimeMicros();
        }
        armTimer(env, Math.min(rec[base + IDLE_DEADLINE], rec[base + RETIRE_AT]));
    }

    /** Keeps one pending timer per environment: an earlier deadline re-arms it, a later one waits for it. */
    private void armTimer(int env, long at) {
        int base = env * STRIDE;
        if (flag(env, TIMER_PENDING) && rec[base + TIMER_AT] <= at) {
            return;
        }
        bumpTimerGeneration(env);
        setFlag(env, TIMER_PENDING, true);
        rec[base + TIMER_AT] = at;
        context.queue.push(at, TIMER, env, timerGeneration(env));
    }

    void onTimer(int env, int timerGen) {
        if (timerGen != timerGeneration(env)) {
            return; // stale: the environment was re-armed earlier or freed
        }
        setFlag(env, TIMER_PENDING, false);
        if (state(env) != IDLE) {
            return; // busy: it is re-armed when it goes idle
        }
        int f = function(env);
        long now = context.now;
        long idleDeadline = rec[env * STRIDE + IDLE_DEADLINE];
        long deadline = Math.min(idleDeadline, retireAt(env));
        if (now >= deadline) {
            unlinkIdle(env);
            stats.idleChanged(f, -1);
            if (flag(env, PROVISIONED)) {
                stats.recycled(f);
                provisioned.reinitialize(env);
                return;
            }
            if (now >= idleDeadline) {
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
        int f = function(env);
        int p = prev(env);
        int n = nextIdle(env);
        if (p != NONE) {
            setNext(p, n);
        } else if (flag(env, PROVISIONED)) {
            provisionedIdleHead[f] = n;
        } else {
            idleHead[f] = n;
        }
        if (n != NONE) {
            setPrev(n, p);
        }
        setPrev(env, NONE);
        setNext(env, NONE);
    }

    private void grow() {
        capacity *= 2;
        rec = Arrays.copyOf(rec, capacity * STRIDE);
    }
}
