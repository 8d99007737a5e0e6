package io.github.lambdasim.model;

import java.util.Arrays;

/**
 * The requests in flight, as int ids into parallel arrays: which function, when the request
 * first arrived, its attempt, the request that made it (for calls between functions), its kind,
 * and its number (the order of arrival over the run, which names it in REPORT lines). A request
 * outlives any one dispatch: it is freed when it is done, not when an environment lets it go.
 */
final class Requests {
    /** A synchronous request: the caller waits, a throttle is final. */
    static final int SYNC = 0;
    static final int NONE = -1;

    private int capacity = 256;
    private int count;
    private int[] freeIds = new int[256];
    private int freeCount;
    private int[] function = new int[capacity];
    private long[] arrivalMicros = new long[capacity];
    private int[] attempt = new int[capacity];
    private int[] parent = new int[capacity];
    private int[] kind = new int[capacity];
    private long[] number = new long[capacity];
    private boolean[] everyNth = new boolean[capacity];
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
                grow();
            }
            id = count++;
        }
        function[id] = f;
        arrivalMicros[id] = nowMicros;
        attempt[id] = 1;
        parent[id] = parentRequest;
        kind[id] = requestKind;
        number[id] = arrived;
        // A counter, not a remainder: a division per request is measurable here.
        everyNth[id] = arrived == nextSampled;
        if (everyNth[id]) {
            nextSampled += sampleEvery;
        }
        arrived++;
        return id;
    }

    void free(int id) {
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = id;
    }

    int function(int id) {
        return function[id];
    }

    long arrivalMicros(int id) {
        return arrivalMicros[id];
    }

    int attempt(int id) {
        return attempt[id];
    }

    int parent(int id) {
        return parent[id];
    }

    int kind(int id) {
        return kind[id];
    }

    long number(int id) {
        return number[id];
    }

    /** Whether the request's number is a multiple of the sample's spacing. */
    boolean everyNth(int id) {
        return everyNth[id];
    }

    /** Requests that arrived over the run so far. */
    long arrived() {
        return arrived;
    }

    private void grow() {
        capacity *= 2;
        function = Arrays.copyOf(function, capacity);
        arrivalMicros = Arrays.copyOf(arrivalMicros, capacity);
        attempt = Arrays.copyOf(attempt, capacity);
        parent = Arrays.copyOf(parent, capacity);
        kind = Arrays.copyOf(kind, capacity);
        number = Arrays.copyOf(number, capacity);
        everyNth = Arrays.copyOf(everyNth, capacity);
    }
}
