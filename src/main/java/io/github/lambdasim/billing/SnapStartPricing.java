package io.github.lambdasim.billing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What SnapStart costs, from the {@code snapStart} section of {@code billing.yaml}: nothing for
 * Java; for Python and .NET a cache charge per GB-s of memory while the version is active (at
 * least 3 hours) and a restore charge per GB restored. Pure functions of the usage; amounts in
 * decimal, each charge rounded to cents as AWS's worked example does.
 */
public final class SnapStartPricing {
    private static final String RESOURCE = "billing.yaml";
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1_024);
    private static final SnapStartPricing INSTANCE = load();

    private final Set<String> chargedRuntimes;
    private final long minimumActiveMicros;
    private final Map<String, Prices> byRegion;

    /** The SnapStart prices of a region. */
    public record Prices(BigDecimal cacheUsdPerGbSecond, BigDecimal restoreUsdPerGb) {
    }

    /**
     * A month's SnapStart charges of one function.
     *
     * @param activeMicros       how long the version was active
     * @param billedActiveMicros that, at least the minimum (3 h)
     * @param cacheGbSeconds     memory in GB x billed active seconds
     * @param restores           snapshots restored
     * @param restoredGb         restores x memory in GB
     * @param cacheUsd           the cache charge, exact
     * @param restoreUsd         the restore charge, exact
     */
    public record Charges(int memoryMb, long activeMicros, long billedActiveMicros, BigDecimal cacheGbSeconds,
                          long restores, BigDecimal restoredGb, Prices prices, BigDecimal cacheUsd,
                          BigDecimal restoreUsd) {
        public BigDecimal cacheUsdCents() {
            return cacheUsd.setScale(2, RoundingMode.HALF_UP);
        }

        public BigDecimal restoreUsdCents() {
            return restoreUsd.setScale(2, RoundingMode.HALF_UP);
        }

        /** The arithmetic, in the style of the bill's other lines. */
        public List<String> explanation() {
            List<String> out = new ArrayList<>();
            out.add("Monthly SnapStart charges (Python and .NET functions; SnapStart for Java has no charge)");
            out.add("  Cache = " + memoryMb + " MB / 1024 x " + BillFormat.time(activeMicros) + " active"
                    + (billedActiveMicros > activeMicros ? ", billed as the minimum " + BillFormat.time(billedActiveMicros)
                    : "") + " = " + BillFormat.number(cacheGbSeconds) + " GB-s");
            out.add("  Monthly cache charges = " + BillFormat.number(cacheGbSeconds) + " GB-s x "
                    + BillFormat.price(prices.cacheUsdPerGbSecond()) + " = " + BillFormat.usd(cacheUsdCents()));
            out.add("  Restored = " + BillFormat.number(restores) + " restores x " + memoryMb + " MB / 1024 = "
                    + BillFormat.number(restoredGb) + " GB");
            out.add("  Monthly restore charges = " + BillFormat.number(restoredGb) + " GB x "
                    + BillFormat.price(prices.restoreUsdPerGb()) + " = " + BillFormat.usd(restoreUsdCents()));
            return out;
        }
    }

    private SnapStartPricing(Set<String> chargedRuntimes, long minimumActiveMicros, Map<String, Prices> byRegion) {
        this.chargedRuntimes = chargedRuntimes;
        this.minimumActiveMicros = minimumActiveMicros;
        this.byRegion = byRegion;
    }

    public static SnapStartPricing get() {
        return INSTANCE;
    }

    /** Whether SnapStart is charged for functions of this runtime family ({@code python}, {@code dotnet}). */
    public boolean charged(String runtimeFamily) {
        return chargedRuntimes.contains(runtimeFamily);
    }

    /** The shortest time a version's cache is billed for (3 h). */
    public long minimumActiveMicros() {
        return minimumActiveMicros;
    }

    /**
     * The SnapStart charges of a function of {@code memoryMb} whose version was active
     * {@code activeMicros} and restored {@code restores} snapshots, at the region's prices.
     *
     * @throws IllegalArgumentException for a region without prices
     */
    public Charges charges(String region, int memoryMb, long restores, long activeMicros) {
        Prices p = byRegion.get(region);
        if (p == null) {
            throw new IllegalArgumentException("no SnapStart prices for region '" + region + "'");
        }
        return charges(p, memoryMb, restores, activeMicros);
    }

    /** The same at the given prices. */
    public Charges charges(Prices p, int memoryMb, long restores, long activeMicros) {
        long billed = Math.max(activeMicros, minimumActiveMicros);
        BigDecimal gb = BigDecimal.valueOf(memoryMb).divide(MB_PER_GB);
        BigDecimal cacheGbSeconds = gb.multiply(BigDecimal.valueOf(billed)).divide(MICROS_PER_SECOND);
        BigDecimal restoredGb = gb.multiply(BigDecimal.valueOf(restores));
        return new Charges(memoryMb, activeMicros, billed, cacheGbSeconds, restores, restoredGb, p,
                cacheGbSeconds.multiply(p.cacheUsdPerGbSecond()), restoredGb.multiply(p.restoreUsdPerGb()));
    }

    /**
     * The SnapStart charge of a function of {@code memoryMb} in a bill: its version's cache for
     * {@code activeSeconds} and {@code restores} restores, at the prices of {@code region} (or,
     * for a region without SnapStart prices here, of {@code fallbackRegion}).
     */
    public BigDecimal usd(String region, String fallbackRegion, int memoryMb, BigDecimal restores, BigDecimal activeSeconds) {
        Prices p = byRegion.getOrDefault(region, byRegion.get(fallbackRegion));
        BigDecimal gb = BigDecimal.valueOf(memoryMb).divide(MB_PER_GB);
        return gb.multiply(activeSeconds).multiply(p.cacheUsdPerGbSecond()).add(gb.multiply(restores).multiply(
                p.restoreUsdPerGb()));
    }

    /** The prices of a region, or of {@code fallbackRegion} when SnapStart has none here for it. */
    public Prices prices(String region, String fallbackRegion) {
        return byRegion.getOrDefault(region, byRegion.get(fallbackRegion));
    }

    private static SnapStartPricing load() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode root;
        try (InputStream in = SnapStartPricing.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            root = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        JsonNode section = need(root, "snapStart");
        Set<String> runtimes = new HashSet<>();
        need(section, "chargedRuntimes").forEach(r -> runtimes.add(r.asText()));
        long minimum = need(section, "minimumActiveHours").longValue() * MICROS_PER_HOUR;
        JsonNode tables = need(section, "prices");
        Map<String, Prices> byRegion = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = need(root, "regions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = tables.get(e.getValue().asText());
            if (t != null) {
                byRegion.put(e.getKey(), new Prices(need(t, "cacheUsdPerGbSecond").decimalValue(),
                        need(t, "restoreUsdPerGb").decimalValue()));
            }
        }
        return new SnapStartPricing(Set.copyOf(runtimes), minimum, Map.copyOf(byRegion));
    }

    private static JsonNode need(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(RESOURCE + " lacks 'snapStart." + field + "'");
        }
        return value;
    }
}
