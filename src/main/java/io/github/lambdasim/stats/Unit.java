package io.github.lambdasim.stats;

/**
 * What a figure counts or measures, which says how it is written: how many decimals files keep,
 * and whether it is a whole number. Every unit is zero or more.
 */
public enum Unit {
    /** A number of things (requests, environments): whole. */
    COUNT(0),
    /** Milliseconds. */
    MS(3),
    /** Seconds: ages and lengths of time that run to minutes (the oldest message, the iterator age). */
    SECONDS(3),
    /** A time-weighted mean of a count (concurrency, environments alive). */
    LEVEL(4),
    /** A share of a whole, from 0 to 1 (cold starts of invocations). */
    SHARE(6),
    /** Billed GB-seconds of duration. */
    GB_SECONDS(6),
    /** US dollars. */
    USD(6);

    private final int decimals;

    Unit(int decimals) {
        this.decimals = decimals;
    }

    /** Decimals a file keeps of a figure in this unit. */
    public int decimals() {
        return decimals;
    }

    public boolean whole() {
        return this == COUNT;
    }
}
