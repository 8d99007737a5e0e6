package io.github.lambdasim.stats;

/**
 * A level that changes over simulated time (concurrency, environments alive): its
 * time-weighted mean (the integral of level over time, divided by time) and its maximum.
 */
public final class TimeWeighted {
    private long level;
    private long max;
    private long lastChangeMicros;
    private double area;
    private long startMicros;
    /** The area at {@link #restart}: the mean counts from there. */
    private double startArea;

    public TimeWeighted(long startMicros) {
        this.startMicros = startMicros;
        this.lastChangeMicros = startMicros;
    }

    public void add(long nowMicros, long delta) {
        area += (double) level * (nowMicros - lastChangeMicros);
        lastChangeMicros = nowMicros;
        level += delta;
        if (level > max) {
            max = level;
        }
    }

    /**
     * Measures from {@code nowMicros} on (after a warm-up): the mean and the maximum start again
     * there, the level carries on; {@link #area} stays continuous.
     */
    public void restart(long nowMicros) {
        startArea = area(nowMicros);
        startMicros = nowMicros;
        max = level;
    }

    public long level() {
        return level;
    }

    public long max() {
        return max;
    }

    /** The integral of the level from the start to {@code nowMicros}, in level x microseconds. */
    public double area(long nowMicros) {
        return area + (double) level * (nowMicros - lastChangeMicros);
    }

    public double mean(long nowMicros) {
        long span = nowMicros - startMicros;
        return span <= 0 ? level : (area(nowMicros) - startArea) / span;
    }
}
