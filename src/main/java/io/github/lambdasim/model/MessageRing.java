package io.github.lambdasim.model;

/**
 * A FIFO of messages or records, each one long (see {@link #message}): a ring buffer that grows
 * by doubling and never shrinks, so a steady run allocates nothing.
 *
 * <p>A message packs its send time (bits 13-63), its receive count (bits 2-12, at most 2,047),
 * whether it failed in the batch being processed (bit 1) and whether it is a poison message that
 * makes every consumer fail (bit 0).
 */
final class MessageRing {
    static final long POISON = 1;
    static final long FAILED = 1 << 1;
    private static final int RECEIVES_SHIFT = 2;
    private static final long RECEIVES_MASK = 0x7ffL << RECEIVES_SHIFT;
    private static final int TIME_SHIFT = 13;
    static final int MAX_RECEIVES = 0x7ff;

    private long[] buffer = new long[64];
    private int head;
    private int size;

    static long message(long sentMicros, boolean poison) {
        return (sentMicros << TIME_SHIFT) | (poison ? POISON : 0);
    }

    /**
     * Whether a message fails the invocation given it: a poison one always, any other with
     * probability {@code rate} (drawn only when it is above 0).
     */
    static boolean fails(long message, double rate, io.github.lambdasim.engine.RandomStream random) {
        return (message & POISON) != 0 || (rate > 0 && random.nextDouble() < rate);
    }

    static long sentMicros(long message) {
        return message >>> TIME_SHIFT;
    }

    static int receives(long message) {
        return (int) ((message & RECEIVES_MASK) >>> RECEIVES_SHIFT);
    }

    /** The message received once more (its count stops at {@link #MAX_RECEIVES}). */
    static long received(long message) {
        int r = receives(message);
        return r >= MAX_RECEIVES ? message : message + (1L << RECEIVES_SHIFT);
    }

    void add(long message) {
        growIfFull();
        buffer[(head + size++) & (buffer.length - 1)] = message;
    }

    /** Adds a message at the head: the next one taken. */
    void addFirst(long message) {
        growIfFull();
        head = (head - 1) & (buffer.length - 1);
        buffer[head] = message;
        size++;
    }

    private void growIfFull() {
        if (size == buffer.length) {
            long[] grown = new long[buffer.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = buffer[(head + i) & (buffer.length - 1)];
            }
            buffer = grown;
            head = 0;
        }
    }

    /** The {@code i}-th message from the head (0: the oldest). */
    long get(int i) {
        return buffer[(head + i) & (buffer.length - 1)];
    }

    void set(int i, long message) {
        buffer[(head + i) & (buffer.length - 1)] = message;
    }

    long removeFirst() {
        long m = buffer[head];
        head = (head + 1) & (buffer.length - 1);
        size--;
        return m;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
