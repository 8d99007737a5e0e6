package io.github.lambdasim.engine;

/**
 * Push+pop cost of {@link EventQueue} (a 4-ary heap) against the same queue as a binary heap, in
 * the "hold" model: the queue stays at n events and each step pops the earliest and pushes one at
 * its time plus an exponential delay. Not a test; run it by hand:
 *
 * <pre>
 * mvn -B -q test-compile
 * java -cp target/classes:target/test-classes io.github.lambdasim.engine.EventQueueBenchmark [4-ary|binary] [n...]
 * </pre>
 *
 * Run one variant per JVM so the two do not share JIT profiles.
 */
public final class EventQueueBenchmark {
    private static final int STEPS = 20_000_000;
    private static final int ROUNDS = 7;
    private static final int DELAY_MASK = (1 << 16) - 1;

    private interface Queue {
        void push(long timeMicros, int type, int target, int generation);

        void pop();

        long timeMicros();

        int target();
    }

    public static void main(String[] args) {
        String variant = args.length > 0 ? args[0] : "4-ary";
        int[] sizes = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 100_000, 1_000_000};
        long[] delays = new long[DELAY_MASK + 1];
        RandomStream random = RandomStream.of(1, "benchmark/delays", 0);
        for (int i = 0; i < delays.length; i++) {
            delays[i] = (long) random.nextExponential(10_000.0);
        }
        for (int n : sizes) {
            double[] nsPerStep = new double[ROUNDS];
            long checksum = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Queue queue = create(variant, n);
                for (int i = 0; i < n; i++) {
                    queue.push(delays[i & DELAY_MASK], 0, i, 0);
                }
                long start = System.nanoTime();
                for (int step = 0; step < STEPS; step++) {
                    queue.pop();
                    queue.push(queue.timeMicros() + delays[step & DELAY_MASK], 0, queue.target(), 0);
                }
                nsPerStep[round] = (System.nanoTime() - start) / (double) STEPS;
                queue.pop();
                checksum += queue.timeMicros();
            }
            java.util.Arrays.sort(nsPerStep);
            System.out.printf("%-6s n=%-9d push+pop %6.1f ns (median of %d rounds of %d; min %.1f, max %.1f)"
                    + " [checksum %d]%n", variant, n, nsPerStep[ROUNDS / 2], ROUNDS, STEPS, nsPerStep[0],
                    nsPerStep[ROUNDS - 1], checksum);
        }
    }

    private static Queue create(String variant, int n) {
        switch (variant) {
            case "4-ary": {
                EventQueue q = new EventQueue(16);
                return new Queue() {
                    @Override
                    public void push(long timeMicros, int type, int target, int generation) {
                        q.push(timeMicros, type, target, generation);
                    }

                    @Override
                    public void pop() {
                        q.pop();
                    }

                    @Override
                    public long timeMicros() {
                        return q.timeMicros();
                    }

                    @Override
                    public int target() {
                        return q.target();
                    }
                };
            }
            case "binary": {
                BinaryEventQueue q = new BinaryEventQueue(16);
                return new Queue() {
                    @Override
                    public void push(long timeMicros, int type, int target, int generation) {
                        q.push(timeMicros, type, target, generation);
                    }

                    @Override
                    public void pop() {
                        q.pop();
                    }

                    @Override
                    public long timeMicros() {
                        return q.timeMicros();
                    }

                    @Override
                    public int target() {
                        return q.target();
                    }
                };
            }
            default:
                throw new IllegalArgumentException("variant must be 4-ary or binary, was " + variant);
        }
    }

    /** {@link EventQueue} with two children per node instead of four; otherwise identical. */
    static final class BinaryEventQueue {
            private static final int ARITY_SHIFT = 1;
        private static final int ARITY = 1 << ARITY_SHIFT;
        private static final int MAX_CAPACITY = Integer.MAX_VALUE / 4;

        private long[] keys;
        private int[] payload;
        private int capacity;
        private int size;
        private long nextSequence;

        private long poppedTimeMicros;
        private int poppedType;
        private int poppedTarget;
        private int poppedGeneration;

        BinaryEventQueue(int initialCapacity) {
            if (initialCapacity < 0 || initialCapacity > MAX_CAPACITY) {
                throw new IllegalArgumentException("initialCapacity must be in [0, " + MAX_CAPACITY
                        + "], was " + initialCapacity);
            }
            capacity = Math.max(initialCapacity, 1);
            keys = new long[2 * capacity];
            payload = new int[3 * capacity];
        }

        public void push(long timeMicros, int type, int target, int generation) {
            if (size == capacity) {
                grow();
            }
            long sequence = nextSequence++;
            int i = size++;
            // Sift up with a hole: parents move down, the new entry is written once.
            while (i > 0) {
                int parent = (i - 1) >>> ARITY_SHIFT;
                long parentTime = keys[2 * parent];
                if (parentTime < timeMicros
                        || (parentTime == timeMicros && keys[2 * parent + 1] < sequence)) {
                    break;
                }
                move(parent, i);
                i = parent;
            }
            set(i, timeMicros, sequence, type, target, generation);
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public int size() {
            return size;
        }

        public long peekTimeMicros() {
            return size == 0 ? Long.MAX_VALUE : keys[0];
        }

        public void pop() {
            if (size == 0) {
                throw new IllegalStateException("pop on an empty event queue");
            }
            poppedTimeMicros = keys[0];
            poppedType = payload[0];
            poppedTarget = payload[1];
            poppedGeneration = payload[2];
            int n = --size;
            if (n == 0) {
                return;
            }
            long time = keys[2 * n];
            long sequence = keys[2 * n + 1];
            int i = 0;
            // Sift the last entry down from the root with a hole.
            while (true) {
                int first = (i << ARITY_SHIFT) + 1;
                if (first >= n) {
                    break;
                }
                int end = Math.min(first + ARITY, n);
                int min = first;
                long minTime = keys[2 * first];
                long minSequence = keys[2 * first + 1];
                for (int c = first + 1; c < end; c++) {
                    long t = keys[2 * c];
                    if (t < minTime || (t == minTime && keys[2 * c + 1] < minSequence)) {
                        min = c;
                        minTime = t;
                        minSequence = keys[2 * c + 1];
                    }
                }
                if (time < minTime || (time == minTime && sequence < minSequence)) {
                    break;
                }
                move(min, i);
                i = min;
            }
            set(i, time, sequence, payload[3 * n], payload[3 * n + 1], payload[3 * n + 2]);
        }

        public long timeMicros() {
            return poppedTimeMicros;
        }

        public int type() {
            return poppedType;
        }

        public int target() {
            return poppedTarget;
        }

        public int generation() {
            return poppedGeneration;
        }

        public void clear() {
            size = 0;
            nextSequence = 0;
            poppedTimeMicros = 0;
            poppedType = 0;
            poppedTarget = 0;
            poppedGeneration = 0;
        }

        private void move(int from, int to) {
            keys[2 * to] = keys[2 * from];
            keys[2 * to + 1] = keys[2 * from + 1];
            payload[3 * to] = payload[3 * from];
            payload[3 * to + 1] = payload[3 * from + 1];
            payload[3 * to + 2] = payload[3 * from + 2];
        }

        private void set(int i, long time, long sequence, int type, int target, int generation) {
            keys[2 * i] = time;
            keys[2 * i + 1] = sequence;
            payload[3 * i] = type;
            payload[3 * i + 1] = target;
            payload[3 * i + 2] = generation;
        }

        private void grow() {
            if (capacity == MAX_CAPACITY) {
                throw new IllegalStateException("event queue is full at " + MAX_CAPACITY + " events");
            }
            capacity = (int) Math.min(2L * capacity, MAX_CAPACITY);
            keys = java.util.Arrays.copyOf(keys, 2 * capacity);
            payload = java.util.Arrays.copyOf(payload, 3 * capacity);
        }
    }
}
