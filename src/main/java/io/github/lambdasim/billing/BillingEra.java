package io.github.lambdasim.billing;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The billing rules of a platform era: how an invocation's duration is rounded and whether INIT is
 * billed, and the on-demand duration prices an era printed where they differ from today's table.
 * The numbers are in {@code billing.yaml}. The era's other rules (memory limits...) are the
 * platform preset's.
 */
public enum BillingEra {
    /** Today's rules: 1 ms rounding, no minimum, INIT billed (since Aug 2025). */
    CURRENT("current"),
    /** The seed article's rules: 100 ms rounding and minimum, INIT free on managed runtimes. */
    Y2019("2019");

    private static final long MICROS_PER_MS = 1_000L;

    private final String label;
    private final long incrementMs;
    private final long incrementMicros;
    private final long minimumBilledMs;
    private final boolean initBilledManagedRuntime;
    private final boolean initBilledCustomRuntime;
    private final boolean durationTiers;
    private final boolean initBilledProvisioned;
    private final Map<Architecture, List<DurationTier>> durationPrices;

    BillingEra(String label) {
        BillingRules.EraRules rules = BillingRules.get().era(label);
        this.label = label;
        this.incrementMs = rules.billingIncrementMs();
        this.incrementMicros = rules.billingIncrementMs() * MICROS_PER_MS;
        this.minimumBilledMs = rules.minimumBilledMs();
        this.initBilledManagedRuntime = rules.initBilledManagedRuntime();
        this.initBilledCustomRuntime = rules.initBilledCustomRuntime();
        this.durationTiers = rules.durationTiers();
        this.initBilledProvisioned = rules.initBilledProvisioned();
        this.durationPrices = rules.durationPrices();
    }

    /** Whether the price table's duration tiers apply (since 2022), or every GB-s is at the first tier's price. */
    public boolean durationTiers() {
        return durationTiers;
    }

    /**
     * A region's prices as this era billed them: the era's own on-demand duration prices where
     * billing.yaml gives some (2019: the legacy page's $0.00001667 per GB-s for x86_64), the
     * region's table for everything else.
     */
    public RegionPrices prices(RegionPrices table) {
        RegionPrices out = table;
        for (Map.Entry<Architecture, List<DurationTier>> e : durationPrices.entrySet()) {
            out = out.withDurationTiers(e.getKey(), e.getValue());
        }
        return out;
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

    /** Whether a provisioned environment's init is billed (at the provisioned duration rate). */
    public boolean billsProvisionedInit() {
        return initBilledProvisioned;
    }

    /** The rounding increment of billed duration, in ms (1 or 100). */
    public long billingIncrementMs() {
        return incrementMs;
    }

    public long minimumBilledMs() {
        return minimumBilledMs;
    }
}
