package io.github.lambdasim.billing;

import java.util.Map;

/** The Lambda prices of one region, per architecture. */
public record RegionPrices(String region, Map<Architecture, ArchitecturePrices> byArchitecture) {
    public RegionPrices {
        byArchitecture = Map.copyOf(byArchitecture);
    }

    public ArchitecturePrices prices(Architecture architecture) {
        return byArchitecture.get(architecture);
    }
}
