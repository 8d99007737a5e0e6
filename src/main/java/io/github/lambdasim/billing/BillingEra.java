package io.github.lambdasim.billing;

import java.util.Locale;

/**
 * The billing rules of a platform era: how an invocation's duration is rounded, whether INIT is
 * billed, and the memory and ephemeral storage a function may have. The numbers are in
 * {@code billing.yaml}; prices do not depend on the era (today's table is used for both).
 */
public enum BillingEra {
    /** Today's rules: 1 ms rounding, no minimum, INIT billed (since Aug 2025), up to 10,240 MB. */
    CURRENT("current"),
    /** The seed article's rules: 100 ms rounding and minimum, INIT free on managed runtimes, up to 3,008 MB. */
    Y2019("2019");

    private static final long MICROS_PER_MS = 1_000L;

    private final String label;
    private final long incrementMs;
    private final long incrementMicros;
    private final long minimumBilledMs;
    private final boolean initBilledManagedRuntime;
    private final boolean initBilledCustomRuntime;
    private final int minMemoryMb;
    private final int maxMemoryMb;
    private final int memoryStepMb;
    private final int maxEphemeralStorageMb;

    BillingEra(String label) {
        BillingRules.EraRules rules = BillingRules.get().era(label);
        this.label = label;
        this.incrementMs = rules.billingIncrementMs();
        this.incrementMicros = rules.billingIncrementMs() * MICROS_PER_MS;
        this.minimumBilledMs = rules.minimumBilledMs();
        this.initBilledManagedRuntime = rules.initBilledManagedRuntime();
        this.initBilledCustomRuntime = rules.initBilledCustomRuntime();
        this.minMemoryMb = rules.minMemoryMb();
        this.maxMemoryMb = rules.maxMemoryMb();
        this.memoryStepMb = rules.memoryStepMb();
        this.maxEphemeralStorageMb = rules.maxEphemeralStorageMb();
    }

    /** The name users write ({@code current}, {@code 2019}). */
    public String label() {
        return label;
    }

    /** Looks up a label, or returns null when there is none such. */
    public static BillingEra named(String label) {
        for (BillingEra e : values()) {
            if (e.label.equals(label.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        return null;
    }

    /**
     * The billed milliseconds of one invocation that ran {@code durationMicros}: rounded up to
     * the era's increment, and at least its minimum (230 ms is 300 ms in 2019, 230.4 ms is 231 ms
     * today; 0 ms is 0 today and 100 ms in 2019). Allocates nothing: simulations call it per
     * invocation.
     */
    public static long billedDurationMs(long durationMicros, BillingEra era) {
        if (durationMicros < 0) {
            throw new IllegalArgumentException("negative duration: " + durationMicros + " us");
        }
        long increments = durationMicros / era.incrementMicros;
        if (increments * era.incrementMicros != durationMicros) {
            increments++;
        }
        return Math.max(increments * era.incrementMs, era.minimumBilledMs);
    }

    /**
     * The billed milliseconds of an invocation on an on-demand environment, with its INIT
     * ({@code initMicros}, 0 on a warm start) when the era bills INIT for this kind of runtime;
     * INIT and handler time are rounded together, as Lambda's REPORT line shows.
     */
    public static long billedInvocationMs(long initMicros, long durationMicros, boolean managedRuntime,
                                          BillingEra era) {
        return billedDurationMs(era.billsOnDemandInit(managedRuntime) ? initMicros + durationMicros
                : durationMicros, era);
    }

    /** Whether an on-demand cold start's INIT is billed: managed runtimes (Node.js, Python...) or custom ones. */
    public boolean billsOnDemandInit(boolean managedRuntime) {
        return managedRuntime ? initBilledManagedRuntime : initBilledCustomRuntime;
    }

    /** The rounding increment of billed duration, in ms (1 or 100). */
    public long billingIncrementMs() {
        return incrementMs;
    }

    public long minimumBilledMs() {
        return minimumBilledMs;
    }

    public int minMemoryMb() {
        return minMemoryMb;
    }

    public int maxMemoryMb() {
        return maxMemoryMb;
    }

    public int memoryStepMb() {
        return memoryStepMb;
    }

    public int maxEphemeralStorageMb() {
        return maxEphemeralStorageMb;
    }

    /**
     * What is wrong with a memory size in this era, written for the user ({@code "100 MB is below
     * the minimum 128 MB"}), or null when it is allowed. Callers prefix where the value came from.
     */
    public String memoryProblem(long memoryMb) {
        if (memoryMb < minMemoryMb) {
            return memoryMb + " MB is below the minimum " + minMemoryMb + " MB";
        }
        if (memoryMb > maxMemoryMb) {
            return memoryMb + " MB is above the maximum " + maxMemoryMb + " MB of the " + label + " platform";
        }
        if ((memoryMb - minMemoryMb) % memoryStepMb != 0) {
            return memoryMb + " MB is not a step of " + memoryStepMb + " MB from " + minMemoryMb
                    + " MB, as the " + label + " platform requires";
        }
        return null;
    }

    /** What is wrong with an ephemeral storage size in this era, or null when it is allowed. */
    public String ephemeralStorageProblem(long ephemeralStorageMb) {
        int included = BillingRules.get().ephemeralStorageIncludedMb();
        if (ephemeralStorageMb < included) {
            return ephemeralStorageMb + " MB is below the minimum " + included + " MB";
        }
        if (ephemeralStorageMb > maxEphemeralStorageMb) {
            return ephemeralStorageMb + " MB is above the maximum " + maxEphemeralStorageMb
                    + " MB of the " + label + " platform";
        }
        return null;
    }
}
