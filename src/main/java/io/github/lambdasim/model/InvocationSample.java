package io.github.lambdasim.model;

/**
 * A bounded sample of invocations, for REPORT lines and timelines: every cold start up to a cap,
 * and every Nth invocation. Kept in primitive arrays filled in place, so memory does not grow
 * with the run.
 */
public final class InvocationSample {
    public static final int FLAG_COLD = 1;
    public static final int FLAG_ERROR = 2;
    public static final int FLAG_TIMEOUT = 4;
    public static final int FLAG_OUT_OF_MEMORY = 8;
    public static final int FLAG_PROVISIONED = 16;

    private final int capacity;
    private final int coldCap;
    private final long every;
    private int size;
    private int colds;
    private final int[] function;
    private final long[] requestNumber;
    private final long[] startMicros;
    private final long[] initMicros;
    private final long[] durationMicros;
    private final long[] billedMicros;
    private final int[] maxMemoryUsedMb;
    private final int[] flags;

    InvocationSample(int capacity, int coldCap, long every) {
        this.capacity = capacity;
        this.coldCap = coldCap;
        this.every = Math.max(1, every);
        function = new int[capacity];
        requestNumber = new long[capacity];
        startMicros = new long[capacity];
        initMicros = new long[capacity];
        durationMicros = new long[capacity];
        billedMicros = new long[capacity];
        maxMemoryUsedMb = new int[capacity];
        flags = new int[capacity];
    }

    /** Requests are sampled when their number (from 0) is a multiple of this. */
    long every() {
        return every;
    }

    /**
     * Whether an invocation with these flags belongs in the sample: every cold start up to the
     * cap, and the others whose request was numbered a multiple of {@link #every}.
     */
    boolean wants(boolean everyNth, int flag) {
        if (size >= capacity) {
            return false;
        }
        return (flag & FLAG_COLD) != 0 ? colds < coldCap : everyNth;
    }

    void add(int fn, long n, long start, long init, long duration, long billed, int memoryUsed, int flag) {
        int i = size++;
        if ((flag & FLAG_COLD) != 0) {
            colds++;
        }
        function[i] = fn;
        requestNumber[i] = n;
        startMicros[i] = start;
        initMicros[i] = init;
        durationMicros[i] = duration;
        billedMicros[i] = billed;
        maxMemoryUsedMb[i] = memoryUsed;
        flags[i] = flag;
    }

    public int size() {
        return size;
    }

    public int function(int i) {
        return function[i];
    }

    public long requestNumber(int i) {
        return requestNumber[i];
    }

    /** When the request arrived (the invocation started, after init on a cold start). */
    public long startMicros(int i) {
        return startMicros[i];
    }

    public long initMicros(int i) {
        return initMicros[i];
    }

    public long durationMicros(int i) {
        return durationMicros[i];
    }

    public long billedMicros(int i) {
        return billedMicros[i];
    }

    public int maxMemoryUsedMb(int i) {
        return maxMemoryUsedMb[i];
    }

    public int flags(int i) {
        return flags[i];
    }
}
