package io.github.lambdasim.billing;

/**
 * Provisioned concurrency configured at {@code level} environments from {@code startMicros} to
 * {@code endMicros} of the period. Back-to-back intervals (one's end is the next one's start) form
 * one enabled span, as when a schedule or auto scaling changes the level without disabling it.
 */
public record ProvisionedInterval(int level, long startMicros, long endMicros) {
    public ProvisionedInterval {
        if (level < 0) {
            throw new IllegalArgumentException("provisioned concurrency level " + level + " is negative");
        }
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("provisioned concurrency interval ends (" + endMicros
                    + " us) before it starts (" + startMicros + " us)");
        }
    }

    public long lengthMicros() {
        return endMicros - startMicros;
    }
}
