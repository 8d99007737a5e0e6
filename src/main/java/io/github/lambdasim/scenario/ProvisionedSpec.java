package io.github.lambdasim.scenario;

import java.util.List;

/**
 * How much provisioned concurrency a function has over time: none, a fixed level (ready from the
 * start of the run), a schedule of changes (optionally repeated, e.g. daily), or target-tracking
 * auto scaling on ProvisionedConcurrencyUtilization.
 */
public sealed interface ProvisionedSpec {
    ProvisionedSpec NONE = new Fixed(0);

    /** The highest level this configuration can reach: what must fit in reserved and account concurrency. */
    int maxLevel();

    /** The level at the start of the run (ready from the start, no allocation delay). */
    int initialLevel();

    /** A constant level. */
    record Fixed(int level) implements ProvisionedSpec {
        @Override
        public int maxLevel() {
            return level;
        }

        @Override
        public int initialLevel() {
            return level;
        }
    }

    /**
     * Level changes requested at given times (each takes effect after the platform's allocation
     * delay); with {@code repeatMicros} above 0 the changes repeat with that period (24h for a
     * daily schedule). Before the first change of the run the level is {@code initialLevel}.
     */
    record Schedule(int initialLevel, List<Change> changes, long repeatMicros) implements ProvisionedSpec {
        public Schedule {
            changes = List.copyOf(changes);
        }

        @Override
        public int maxLevel() {
            int max = initialLevel;
            for (Change c : changes) {
                max = Math.max(max, c.level());
            }
            return max;
        }
    }

    record Change(long atMicros, int level) {
    }

    /**
     * Application Auto Scaling target tracking: the level follows utilization (busy provisioned
     * environments / level) towards {@code targetUtilization}, between {@code min} and {@code max}.
     */
    record AutoScaling(int min, int max, double targetUtilization) implements ProvisionedSpec {
        @Override
        public int maxLevel() {
            return max;
        }

        @Override
        public int initialLevel() {
            return min;
        }
    }
}
