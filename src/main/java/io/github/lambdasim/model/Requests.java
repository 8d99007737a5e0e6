package io.github.lambdasim.model;

import java.util.Arrays;

/**
 * The requests in flight, as int ids: which function, when the request arrived, its kind, its
 * attempt, and its number (the order of arrival over the run, which names it in REPORT lines).
 * A request outlives any one dispatch: it is freed when it is done, not when an environment lets
 * it go. A request's fields lie together in one record of {@link #STRIDE} longs.
 *
 * <p>In an event-driven run (asynchronous events, calls between functions) each request also
 * has a second record of {@link #TREE_STRIDE} ints: its root (the traffic arrival whose tree it
 * belongs to), its entry point, the caller waiting on it (and the caller's attempt then), its hop
 * count, retries, the calls it waits on, flags, and a <em>live</em> count that keeps the record:
 * 1 while the request is unfinished, +1 per unfinished synchronous call it made, and for a root
 * +1 per unfinished request of its tree (see src/site/architecture.md). Without them nothing of
 * this is allocated or touched.
 */
final class Requests {
    /** A synchronous request from traffic: the caller waits, a throttle is final. */
    static final int SYNC = 0;
    /** An asynchronous event: it waits in the function's queue and is retried. */
    static final int ASYNC = 1;
    /** A synchronous call made by another function's invoke step (retried by the SDK when throttled). */
    static final int CALL = 2;
    /** A batch of messages an SQS poller received (its batch id with {@link #batch}). */
    static final int QUEUE_BATCH = 3;
    /** A batch of records of a stream's shard. */
    static final int STREAM_BATCH = 4;
    static final int NONE = -1;

    private static final int STRIDE = 4;
    private static final int FUNCTION = 0;
    private static final int ARRIVAL = 1;
    private static final int NUMBER = 2;
    /** Kind in bits 0-7, whether it is sampled in bit 8, attempt in bits 16-31. */
    private static final int PACKED = 3;
    private static final long SAMPLED = 1 << 8;

    private static final int TREE_STRIDE = 12;
    private static final int ROOT = 0;
    private static final int ENTRY = 1;
    private static final int LIVE = 2;
    private static final int PARENT = 3;
    private static final int PARENT_ATTEMPT = 4;
    private static final int HOPS = 5;
    /** Attempts throttled so far (the backoff's exponent). */
    private static final int THROTTLED = 6;
    /** Retries after function errors so far. */
    private static final int RETRIES = 7;
    /** Calls of the current invoke step not yet finished. */
    private static final int PENDING = 8;
    /** Calls of the current invoke step not yet made (one after another). */
    private static final int CALLS_LEFT = 9;
    private static final int FLAGS = 10;
    /** While it waits on calls: the environment its invocation runs on. */
    private static final int ENV = 11;

    /** Waiting on the calls of an invoke step. */
    static final int WAITING = 1;
    /** A call of the current invoke step failed. */
    static final int CALL_FAILED = 1 << 1;
    /** Finished (done, failed or dropped); the record lives on while something refers to it. */
    static final int FINISHED = 1 << 2;
    /** Of a root: some request of its tree failed or was dropped. */
    static final int TREE_FAILED = 1 << 3;
    /** Of a root: some invocation of its tree was a cold start. */
    static final int TREE_COLD = 1 << 4;
    /** Of a root: some request of its tree was retried (after a throttle or an error). */
    static final int TREE_RETRIED = 1 << 5;
    /** Its tree is followed by the trace sampler. */
    static final int TRACED = 1 << 6;
    /** The record is free (not a request). */
    private static final int FREE = 1 << 7;

    private int capacity = 256;
    private int count;
    private int[] freeIds = new int[256];
    private int freeCount;
    private long[] rec = new long[capacity * STRIDE];
    private int[] tree;
    private long arrived;
    private int inFlight;
    /** Every this many requests, one is marked for the sample of REPORT lines. */
    private final long sampleEvery;
    private long nextSampled;

    /** @param trees whether requests form trees (an event-driven run) */
    Requests(long sampleEvery, boolean trees) {
        this.sampleEvery = Math.max(1, sampleEvery);
        this.tree = trees ? new int[capacity * TREE_STRIDE] : null;
    }

    /** A new request of function {@code f} arriving now. */
    int create(int f, int requestKind, long nowMicros) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (count == capacity) {
                capacity *= 2;
                rec = Arrays.copyOf(rec, capacity * STRIDE);
                if (tree != null) {
                    tree = Arrays.copyOf(tree, capacity * TREE_STRIDE);
                }
            }
            id = count++;
        }
        // A counter, not a remainder: a division per request is measurable here.
        boolean sampled = arrived == nextSampled;
        if (sampled) {
            nextSampled += sampleEvery;
        }
        int base = id * STRIDE;
        rec[base + FUNCTION] = f;
        rec[base + ARRIVAL] = nowMicros;
        rec[base + NUMBER] = arrived++;
        rec[base + PACKED] = (1L << 16) | (sampled ? SAMPLED : 0) | (requestKind & 0xff);
        inFlight++;
        return id;
    }

    /**
     * A new invocation of function {@code f} with batch {@code batch} of an event source
     * ({@link #QUEUE_BATCH} or {@link #STREAM_BATCH}): no tree's, the batch's messages or records
     * are followed by their queue or stream.
     */
    int createBatch(int f, int requestKind, long nowMicros, int batch) {
        int id = create(f, requestKind, nowMicros);
        rec[id * STRIDE + FUNCTION] = ((long) batch << 32) | f;
        if (tree != null) {
            link(id, NONE, NONE, NONE, 0, 0);
        }
        return id;
    }

    /** The batch of an event source's invocation (see {@link #createBatch}). */
    int batch(int id) {
        return (int) (rec[id * STRIDE + FUNCTION] >>> 32);
    }

    /** Whether the request is a batch of an event source. */
    boolean isBatch(int id) {
        return kind(id) >= QUEUE_BATCH;
    }

    void free(int id) {
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = id;
        inFlight--;
        if (tree != null) {
            tree[id * TREE_STRIDE + FLAGS] = FREE;
        }
    }

    /** Per entry point, the measured trees not done (their root's record still in use); in an event-driven run. */
    long[] openTreesByEntry(int entries, Context context) {
        long[] out = new long[entries];
        for (int id = 0; id < count; id++) {
            int b = id * TREE_STRIDE;
            if ((tree[b + FLAGS] & FREE) == 0 && tree[b + ROOT] == id && context.measured(arrivalMicros(id))) {
                out[tree[b + ENTRY]]++;
            }
        }
        return out;
    }

    /** Per function, the measured requests not finished (still in flight or waiting); in an event-driven run. */
    long[] unfinishedByFunction(int functions, Context context) {
        long[] out = new long[functions];
        for (int id = 0; id < count; id++) {
            if ((tree[id * TREE_STRIDE + FLAGS] & (FREE | FINISHED)) == 0 && context.measured(arrivalMicros(id))) {
                out[function(id)]++;
            }
        }
        return out;
    }

    int function(int id) {
        return (int) rec[id * STRIDE + FUNCTION];
    }

    long arrivalMicros(int id) {
        return rec[id * STRIDE + ARRIVAL];
    }

    int attempt(int id) {
        return (int) (rec[id * STRIDE + PACKED] >>> 16) & 0xffff;
    }

    /** Counts one more attempt (a retry). */
    void nextAttempt(int id) {
        rec[id * STRIDE + PACKED] += 1L << 16;
    }

    int kind(int id) {
        return (int) rec[id * STRIDE + PACKED] & 0xff;
    }

    long number(int id) {
        return rec[id * STRIDE + NUMBER];
    }

    /** Whether the request's number is a multiple of the sample's spacing. */
    boolean everyNth(int id) {
        return (rec[id * STRIDE + PACKED] & SAMPLED) != 0;
    }

    /** Requests that arrived over the run so far. */
    long arrived() {
        return arrived;
    }

    /** Records in use (requests not yet freed). */
    int inUse() {
        return inFlight;
    }

    // ---------------------------------------------------------------- trees (event-driven runs)

    /**
     * Places a new request in its tree: its root and entry point, the caller waiting on it (or
     * {@link #NONE}) and the caller's attempt, its hop count. Its live count starts at 1.
     */
    void link(int id, int root, int entry, int parent, int parentAttempt, int hops) {
        int b = id * TREE_STRIDE;
        tree[b + ROOT] = root;
        tree[b + ENTRY] = entry;
        tree[b + LIVE] = 1;
        tree[b + PARENT] = parent;
        tree[b + PARENT_ATTEMPT] = parentAttempt;
        tree[b + HOPS] = hops;
        tree[b + THROTTLED] = 0;
        tree[b + RETRIES] = 0;
        tree[b + PENDING] = 0;
        tree[b + CALLS_LEFT] = 0;
        tree[b + FLAGS] = 0;
        tree[b + ENV] = NONE;
    }

    int root(int id) {
        return tree[id * TREE_STRIDE + ROOT];
    }

    int entry(int id) {
        return tree[id * TREE_STRIDE + ENTRY];
    }

    int parent(int id) {
        return tree[id * TREE_STRIDE + PARENT];
    }

    int parentAttempt(int id) {
        return tree[id * TREE_STRIDE + PARENT_ATTEMPT];
    }

    int hops(int id) {
        return tree[id * TREE_STRIDE + HOPS];
    }

    /** One more reason to keep the record. */
    void retain(int id) {
        tree[id * TREE_STRIDE + LIVE]++;
    }

    /** One reason fewer to keep the record; returns how many remain. */
    int release(int id) {
        return --tree[id * TREE_STRIDE + LIVE];
    }

    int live(int id) {
        return tree[id * TREE_STRIDE + LIVE];
    }

    /** Counts a throttled attempt; returns the throttles before it (the backoff's exponent). */
    int throttled(int id) {
        return tree[id * TREE_STRIDE + THROTTLED]++;
    }

    int retries(int id) {
        return tree[id * TREE_STRIDE + RETRIES];
    }

    void retried(int id) {
        tree[id * TREE_STRIDE + RETRIES]++;
    }

    int pending(int id) {
        return tree[id * TREE_STRIDE + PENDING];
    }

    void pending(int id, int calls) {
        tree[id * TREE_STRIDE + PENDING] = calls;
    }

    int callsLeft(int id) {
        return tree[id * TREE_STRIDE + CALLS_LEFT];
    }

    void callsLeft(int id, int calls) {
        tree[id * TREE_STRIDE + CALLS_LEFT] = calls;
    }

    int env(int id) {
        return tree[id * TREE_STRIDE + ENV];
    }

    void env(int id, int env) {
        tree[id * TREE_STRIDE + ENV] = env;
    }

    boolean has(int id, int flag) {
        return (tree[id * TREE_STRIDE + FLAGS] & flag) != 0;
    }

    void set(int id, int flag) {
        tree[id * TREE_STRIDE + FLAGS] |= flag;
    }

    void clear(int id, int flag) {
        tree[id * TREE_STRIDE + FLAGS] &= ~flag;
    }
}
