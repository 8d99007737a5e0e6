package io.github.lambdasim.billing;

import java.util.Objects;

/**
 * How a period is billed: the region's prices, the platform era, whether the free tier is
 * counted, and the length of the billing month the period is projected to.
 */
public record BillingSpec(String region, BillingEra era, boolean freeTier, long monthMicros) {
    /** @throws IllegalArgumentException for an unknown region (naming the known ones) or a month not positive */
    public BillingSpec {
        Objects.requireNonNull(era, "era");
        BillingRules.get().region(Objects.requireNonNull(region, "region"));
        if (monthMicros <= 0) {
            throw new IllegalArgumentException("the billing month must be longer than 0, not " + monthMicros + " us");
        }
    }

    /** The default region, today's rules, the free tier counted, a 730 h month. */
    public static BillingSpec defaults() {
        BillingRules rules = BillingRules.get();
        return new BillingSpec(rules.defaultRegion(), BillingEra.CURRENT, true, rules.defaultMonthMicros());
    }

    public BillingSpec withRegion(String newRegion) {
        return new BillingSpec(newRegion, era, freeTier, monthMicros);
    }

    public BillingSpec withEra(BillingEra newEra) {
        return new BillingSpec(region, newEra, freeTier, monthMicros);
    }

    public BillingSpec withFreeTier(boolean on) {
        return new BillingSpec(region, era, on, monthMicros);
    }

    public BillingSpec withMonthMicros(long micros) {
        return new BillingSpec(region, era, freeTier, micros);
    }
}
