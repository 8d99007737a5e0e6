package io.github.lambdasim.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The price table read from billing.yaml holds the published numbers exactly (as decimals, not
 * binary floating point), for the regions it names, and refuses other regions by listing them.
 */
class BillingRulesTest {
    private static final BillingRules RULES = BillingRules.get();

    @Test
    void x86PricesAsPublished() {
        ArchitecturePrices p = RULES.region("us-east-1").prices(Architecture.X86_64);
        assertEquals(new BigDecimal("0.20"), p.usdPerMillionRequests().setScale(2));
        assertEquals(0, new BigDecimal("0.0000002").compareTo(p.usdPerRequest()));
        List<DurationTier> tiers = p.durationTiers();
        assertEquals(3, tiers.size());
        assertEquals(0, new BigDecimal("6000000000").compareTo(tiers.get(0).upToGbSeconds()));
        assertEquals(new BigDecimal("0.0000166667"), tiers.get(0).usdPerGbSecond());
        assertEquals(0, new BigDecimal("15000000000").compareTo(tiers.get(1).upToGbSeconds()));
        assertEquals(0, new BigDecimal("0.000015").compareTo(tiers.get(1).usdPerGbSecond()));
        assertNull(tiers.get(2).upToGbSeconds());
        assertEquals(new BigDecimal("0.0000133334"), tiers.get(2).usdPerGbSecond());
        assertEquals(new BigDecimal("0.0000041667"), p.provisionedConcurrencyUsdPerGbSecond());
        assertEquals(new BigDecimal("0.0000097222"), p.provisionedDurationUsdPerGbSecond());
        assertEquals(new BigDecimal("0.0000000309"), p.ephemeralStorageUsdPerGbSecond());
    }

    @Test
    void arm64PricesAsPublished() {
        ArchitecturePrices p = RULES.region("us-east-1").prices(Architecture.ARM64);
        List<DurationTier> tiers = p.durationTiers();
        assertEquals(0, new BigDecimal("7500000000").compareTo(tiers.get(0).upToGbSeconds()));
        assertEquals(new BigDecimal("0.0000133334"), tiers.get(0).usdPerGbSecond());
        assertEquals(0, new BigDecimal("18750000000").compareTo(tiers.get(1).upToGbSeconds()));
        assertEquals(new BigDecimal("0.0000120001"), tiers.get(1).usdPerGbSecond());
        assertEquals(new BigDecimal("0.0000106667"), tiers.get(2).usdPerGbSecond());
        assertEquals(new BigDecimal("0.0000033334"), p.provisionedConcurrencyUsdPerGbSecond());
        assertEquals(new BigDecimal("0.0000077778"), p.provisionedDurationUsdPerGbSecond());
        assertEquals(new BigDecimal("0.0000000309"), p.ephemeralStorageUsdPerGbSecond());
    }

    @Test
    void euWest1BillsAtTheRatesOfUsEast1() {
        assertEquals(RULES.region("us-east-1").byArchitecture(), RULES.region("eu-west-1").byArchitecture());
    }

    @Test
    void anUnknownRegionIsAnErrorNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RULES.region("mars-1"));
        assertEquals("unknown region 'mars-1'; not one of Lambda's 34 commercial regions (us-east-1, us-east-2, ... sa-east-1)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BillingSpec.defaults().withRegion("mars-1"));
    }

    @Test
    void freeTierMonthAndIncrements() {
        assertEquals(0, new BigDecimal("1000000").compareTo(RULES.freeTier().requests()));
        assertEquals(0, new BigDecimal("400000").compareTo(RULES.freeTier().gbSeconds()));
        assertEquals(730L * 3_600_000_000L, RULES.defaultMonthMicros());
        assertEquals(5L * 60_000_000L, RULES.provisionedIncrementMicros());
        assertEquals(512, RULES.ephemeralStorageIncludedMb());
        assertEquals("us-east-1", RULES.defaultRegion());
    }

    @Test
    void tiersSplitAMonthsGbSeconds() {
        ArchitecturePrices p = RULES.region("us-east-1").prices(Architecture.X86_64);
        // 16B GB-s: 6B in the first tier, 9B in the second, 1B beyond.
        List<BigDecimal> split = p.gbSecondsPerTier(new BigDecimal("16000000000"));
        assertEquals(0, new BigDecimal("6000000000").compareTo(split.get(0)));
        assertEquals(0, new BigDecimal("9000000000").compareTo(split.get(1)));
        assertEquals(0, new BigDecimal("1000000000").compareTo(split.get(2)));
    }
}
