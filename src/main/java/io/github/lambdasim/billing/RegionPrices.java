package io.github.lambdasim.billing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The Lambda prices of one region, per architecture. */
public record RegionPrices(String region, Map<Architecture, ArchitecturePrices> byArchitecture) {
    public RegionPrices {
        byArchitecture = Map.copyOf(byArchitecture);
    }

    public ArchitecturePrices prices(Architecture architecture) {
        return byArchitecture.get(architecture);
    }

    /** These prices with another on-demand duration price list for one architecture. */
    public RegionPrices withDurationTiers(Architecture architecture, List<DurationTier> tiers) {
        Map<Architecture, ArchitecturePrices> map = new EnumMap<>(byArchitecture);
        map.put(architecture, map.get(architecture).withDurationTiers(tiers));
        return new RegionPrices(region, map);
    }
}
