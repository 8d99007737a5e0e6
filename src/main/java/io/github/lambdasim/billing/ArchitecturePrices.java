package io.github.lambdasim.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The prices for functions of one architecture in one region, as AWS publishes them.
 *
 * @param usdPerMillionRequests                 request price
 * @param durationTiers                         on-demand duration price bands, cheapest last
 * @param provisionedConcurrencyUsdPerGbSecond  configured provisioned concurrency, while enabled
 * @param provisionedDurationUsdPerGbSecond     duration of invocations on provisioned environments
 * @param ephemeralStorageUsdPerGbSecond        ephemeral storage above the included amount
 */
public record ArchitecturePrices(BigDecimal usdPerMillionRequests, List<DurationTier> durationTiers,
                                 BigDecimal provisionedConcurrencyUsdPerGbSecond,
                                 BigDecimal provisionedDurationUsdPerGbSecond,
                                 BigDecimal ephemeralStorageUsdPerGbSecond) {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public ArchitecturePrices {
        durationTiers = List.copyOf(durationTiers);
    }

    /** The same prices with another on-demand duration price list. */
    public ArchitecturePrices withDurationTiers(List<DurationTier> tiers) {
        return new ArchitecturePrices(usdPerMillionRequests, tiers, provisionedConcurrencyUsdPerGbSecond,
                provisionedDurationUsdPerGbSecond, ephemeralStorageUsdPerGbSecond);
    }

    public BigDecimal usdPerRequest() {
        return usdPerMillionRequests.divide(MILLION);
    }

    /**
     * How many of a month's GB-seconds fall in each duration tier, in tier order: the first
     * GB-seconds fill the first tier, and so on.
     */
    public List<BigDecimal> gbSecondsPerTier(BigDecimal monthGbSeconds) {
        List<BigDecimal> out = new ArrayList<>(durationTiers.size());
        BigDecimal below = BigDecimal.ZERO;
        for (DurationTier tier : durationTiers) {
            BigDecimal in = monthGbSeconds.subtract(below);
            if (tier.upToGbSeconds() != null) {
                in = in.min(tier.upToGbSeconds().subtract(below));
                below = tier.upToGbSeconds();
            }
            out.add(in.max(BigDecimal.ZERO));
        }
        return out;
    }

    /** The price of a month's on-demand GB-seconds with the tiers applied (exact). */
    public BigDecimal durationUsd(BigDecimal monthGbSeconds) {
        List<BigDecimal> perTier = gbSecondsPerTier(monthGbSeconds);
        BigDecimal usd = BigDecimal.ZERO;
        for (int i = 0; i < perTier.size(); i++) {
            usd = usd.add(perTier.get(i).multiply(durationTiers.get(i).usdPerGbSecond()));
        }
        return usd;
    }
}
