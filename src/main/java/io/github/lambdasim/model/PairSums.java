package io.github.lambdasim.model;

import java.util.Arrays;

/**
 * Two sums per pair of small ints (an entry point and a function), in an open-addressing table
 * of primitive arrays: adding to a pair already seen allocates nothing, and memory follows the
 * pairs that occur, not every entry point times every function.
 */
final class PairSums {
    private static final long EMPTY = -1;
    private long[] keys = new long[64];
    private double[] first = new double[64];
    private double[] second = new double[64];
    private int size;

    PairSums() {
        Arrays.fill(keys, EMPTY);
    }

    void add(int a, int b, double toFirst, double toSecond) {
        int i = slot(((long) a << 32) | (b & 0xffffffffL));
        first[i] += toFirst;
        second[i] += toSecond;
    }

    double first(int a, int b) {
        int i = find(((long) a << 32) | (b & 0xffffffffL));
        return i < 0 ? 0 : first[i];
    }

    double second(int a, int b) {
        int i = find(((long) a << 32) | (b & 0xffffffffL));
        return i < 0 ? 0 : second[i];
    }

    /** The pairs seen, as {a, b} (in no particular order). */
    int[][] pairs() {
        int[][] out = new int[size][];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                out[n++] = new int[] {(int) (k >>> 32), (int) k};
            }
        }
        return out;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return i;
            }
            if (keys[i] == EMPTY) {
                return -1;
            }
        }
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != key) {
            if (keys[i] == EMPTY) {
                if (2 * (size + 1) > keys.length) {
                    grow();
                    return slot(key);
                }
                keys[i] = key;
                size++;
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldFirst = first;
        double[] oldSecond = second;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        first = new double[keys.length];
        second = new double[keys.length];
        size = 0;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j]);
                first[i] = oldFirst[j];
                second[i] = oldSecond[j];
            }
        }
    }
}
