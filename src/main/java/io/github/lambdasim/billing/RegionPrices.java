package io.github.lambdasim.billing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda prices of one region, per architecture.
 *
 * @param pricesOf the region whose price table these are: {@code region} itself, or the default
 *                 region's for a Lambda region without a price table of its own yet
 */
public record RegionPrices(String region, String pricesOf, Map<Architecture, ArchitecturePrices> byArchitecture) {
    public RegionPrices {
        byArchitecture = Map.copyOf(byArchitecture);
    }

    public ArchitecturePrices prices(Architecture architecture) {
        return byArchitecture.get(architecture);
    }

    /** Whether these are another region's prices, lent to a region without a price table. */
    public boolean borrowed() {
        return !pricesOf.equals(region);
    }

    /** The one line a bill carries when the prices are borrowed, else null. */
    public String notice() {
        return borrowed() ? "No Lambda price table for " + region + " yet: billed at " + pricesOf
                + " prices, which may differ from " + region + "'s." : null;
    }

    /** These prices with another on-demand duration price list for one architecture. */
    public RegionPrices withDurationTiers(Architecture architecture, List<DurationTier> tiers) {
        Map<Architecture, ArchitecturePrices> map = new EnumMap<>(byArchitecture);
        map.put(architecture, map.get(architecture).withDurationTiers(tiers));
        return new RegionPrices(region, pricesOf, map);
    }
}
