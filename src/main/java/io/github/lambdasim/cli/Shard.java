package io.github.lambdasim.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One share of a command's simulations, {@code --shard K/N}: of the pairs (point, replication),
 * numbered point-major, shard K of N owns those whose number i satisfies i % N == K - 1. The same
 * pair is in the same shard on any machine.
 */
record Shard(int k, int n) {
    /** The most shards a command is cut into. */
    static final int MAX = 100_000;
    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    /** {@code K/N} with 1 <= K <= N. */
    static Shard parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard: '" + text + "' is not K/N (e.g. 2/5: the second of five shards)");
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || n > MAX) {
            throw new IllegalArgumentException("--shard: " + text.trim() + ": the number of shards must be between 1 and " + MAX);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("--shard: " + text.trim() + ": K must be between 1 and " + n);
        }
        return new Shard(k, n);
    }

    /** Whether this shard owns the pair numbered {@code index}. */
    boolean owns(int index) {
        return index % n == k - 1;
    }

    /** Refuses more shards than simulations: some would have nothing to do. */
    void checkWork(int pairs) {
        if (n > pairs) {
            throw new IllegalArgumentException("--shard: " + this + ": only " + pairs + " simulations to share; use at most "
                    + pairs + " shards");
        }
    }

    /** The suffix of a part's default folder: {@code -shard-2-of-5}. */
    String folderSuffix() {
        return "-shard-" + k + "-of-" + n;
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
