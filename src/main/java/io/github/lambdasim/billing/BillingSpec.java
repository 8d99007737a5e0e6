package io.github.lambdasim.billing;

import java.util.Objects;

/**
 * How a period is billed: the region's prices, the platform era, whether the free tier is
 * counted, the length of the billing month the period is projected to, and a Compute Savings
 * Plan (null: none).
 */
public record BillingSpec(String region, BillingEra era, boolean freeTier, long monthMicros,
                          SavingsPlanSpec savingsPlan) {
    /** @throws IllegalArgumentException for an unknown region (naming the known ones) or a month not positive */
    public BillingSpec {
        Objects.requireNonNull(era, "era");
        BillingRules.get().region(Objects.requireNonNull(region, "region"));
        if (monthMicros <= 0) {
            throw new IllegalArgumentException("the billing month must be longer than 0, not " + monthMicros + " us");
        }
    }

    /** Billing without a savings plan. */
    public BillingSpec(String region, BillingEra era, boolean freeTier, long monthMicros) {
        this(region, era, freeTier, monthMicros, null);
    }

    /** The default region, today's rules, the free tier counted, a 730 h month. */
    public static BillingSpec defaults() {
        BillingRules rules = BillingRules.get();
        return new BillingSpec(rules.defaultRegion(), BillingEra.CURRENT, true, rules.defaultMonthMicros());
    }

    public BillingSpec withRegion(String newRegion) {
        return new BillingSpec(newRegion, era, freeTier, monthMicros, savingsPlan);
    }

    public BillingSpec withEra(BillingEra newEra) {
        return new BillingSpec(region, newEra, freeTier, monthMicros, savingsPlan);
    }

    public BillingSpec withFreeTier(boolean on) {
        return new BillingSpec(region, era, on, monthMicros, savingsPlan);
    }

    public BillingSpec withMonthMicros(long micros) {
        return new BillingSpec(region, era, freeTier, micros, savingsPlan);
    }

    public BillingSpec withSavingsPlan(SavingsPlanSpec plan) {
        return new BillingSpec(region, era, freeTier, monthMicros, plan);
    }
}
