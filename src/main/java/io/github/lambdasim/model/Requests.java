package io.github.lambdasim.model;

import java.util.Arrays;

/**
 * The requests in flight, as int ids: which function, when the request first arrived, its
 * attempt, the request that made it (for calls between functions), its kind, and its number (the
 * order of arrival over the run, which names it in REPORT lines). A request outlives any one
 * dispatch: it is freed when it is done, not when an environment lets it go. A request's fields
 * lie together in one record of {@link #STRIDE} longs.
 */
final class Requests {
    /** A synchronous request: the caller waits, a throttle is final. */
    static final int SYNC = 0;
    static final int NONE = -1;

    private static final int STRIDE = 4;
    private static final int FUNCTION = 0;
    private static final int ARRIVAL = 1;
    private static final int NUMBER = 2;
    /** Kind in bits 0-7, whether it is sampled in bit 8, attempt in bits 16-31, parent request in bits 32-63. */
    private static final int PACKED = 3;
    private static final long SAMPLED = 1 << 8;

    private int capacity = 256;
    private int count;
    private int[] freeIds = new int[256];
    private int freeCount;
    private long[] rec = new long[capacity * STRIDE];
    private long arrived;
    /** Every this many requests, one is marked for the sample of REPORT lines. */
    private final long sampleEvery;
    private long nextSampled;

    Requests(long sampleEvery) {
        this.sampleEvery = Math.max(1, sampleEvery);
    }

    /** A new request of function {@code f} arriving now. */
    int create(int f, int requestKind, int parentRequest, long nowMicros) {
        int id;
        if (freeCount > 0) {
            id = freeIds[--freeCount];
        } else {
            if (count == capacity) {
                capacity *= 2;
                rec = Arrays.copyOf(rec, capacity * STRIDE);
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
        rec[base + PACKED] = ((long) parentRequest << 32) | (1L << 16) | (sampled ? SAMPLED : 0) | (requestKind & 0xff);
        return id;
    }

    void free(int id) {
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = id;
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

    int parent(int id) {
        return (int) (rec[id * STRIDE + PACKED] >> 32);
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
}
