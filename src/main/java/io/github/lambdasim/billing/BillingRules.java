package io.github.lambdasim.billing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The billing rules and prices, read once from {@code billing.yaml} beside this class: the only
 * place a billing number is written down. Everything here is immutable.
 */
public final class BillingRules {
    private static final String RESOURCE = "billing.yaml";
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    /** Per-month free tier: requests and on-demand GB-seconds, shared by both architectures. */
    public record FreeTier(BigDecimal requests, BigDecimal gbSeconds) {
    }

    /** The rules of one platform era, as {@link BillingEra} exposes them. */
    record EraRules(long billingIncrementMs, long minimumBilledMs, boolean initBilledManagedRuntime,
                    boolean initBilledCustomRuntime, boolean durationTiers, boolean initBilledProvisioned,
                    Map<Architecture, List<DurationTier>> durationPrices) {
    }

    private static final BillingRules INSTANCE = load();

    private final long defaultMonthMicros;
    private final String defaultRegion;
    private final FreeTier freeTier;
    private final long provisionedIncrementMicros;
    private final int ephemeralStorageIncludedMb;
    private final Map<String, EraRules> eras;
    private final Map<String, RegionPrices> regions;
    /** Every commercial Lambda region, in the order of billing.yaml. */
    private final List<String> lambdaRegions;

    private BillingRules(long defaultMonthMicros, String defaultRegion, FreeTier freeTier,
                         long provisionedIncrementMicros, int ephemeralStorageIncludedMb,
                         Map<String, EraRules> eras, Map<String, RegionPrices> regions, List<String> lambdaRegions) {
        this.defaultMonthMicros = defaultMonthMicros;
        this.defaultRegion = defaultRegion;
        this.freeTier = freeTier;
        this.provisionedIncrementMicros = provisionedIncrementMicros;
        this.ephemeralStorageIncludedMb = ephemeralStorageIncludedMb;
        this.eras = eras;
        this.regions = regions;
        this.lambdaRegions = lambdaRegions;
    }

    /** The rules of the platform as published (there is one set). */
    public static BillingRules get() {
        return INSTANCE;
    }

    /** The month monthly estimates are for, unless a scenario says otherwise (730 h). */
    public long defaultMonthMicros() {
        return defaultMonthMicros;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public FreeTier freeTier() {
        return freeTier;
    }

    /** Provisioned concurrency is billed for its enabled time rounded up to this (5 minutes). */
    public long provisionedIncrementMicros() {
        return provisionedIncrementMicros;
    }

    /** Ephemeral storage every function has at no charge (512 MB). */
    public int ephemeralStorageIncludedMb() {
        return ephemeralStorageIncludedMb;
    }

    /** Every commercial Lambda region a calculation may be for. */
    public List<String> regionNames() {
        return lambdaRegions;
    }

    /** The regions with a price table of their own, sorted. */
    public List<String> pricedRegionNames() {
        return List.copyOf(regions.keySet());
    }

    /**
     * The prices of a region: its own table, or for a Lambda region without one the default
     * region's ({@link RegionPrices#borrowed()}).
     *
     * @throws IllegalArgumentException when Lambda has no such region
     */
    public RegionPrices region(String name) {
        RegionPrices prices = regions.get(name);
        if (prices == null) {
            if (!lambdaRegions.contains(name)) {
                throw new IllegalArgumentException("unknown region '" + name + "'; not one of Lambda's "
                        + lambdaRegions.size() + " commercial regions (" + lambdaRegions.get(0) + ", "
                        + lambdaRegions.get(1) + ", ... " + lambdaRegions.get(lambdaRegions.size() - 1) + ")");
            }
            RegionPrices lent = regions.get(defaultRegion);
            return new RegionPrices(name, lent.pricesOf(), lent.byArchitecture());
        }
        return prices;
    }

    /**
     * The prices of a region in an era: {@link #region(String)}'s, with only the first duration
     * tier's price, unlimited, in an era before the tiers.
     */
    public RegionPrices region(String name, BillingEra era) {
        RegionPrices prices = region(name);
        if (era.durationTiers()) {
            return prices;
        }
        Map<Architecture, ArchitecturePrices> flat = new EnumMap<>(Architecture.class);
        prices.byArchitecture().forEach((a, p) -> flat.put(a, new ArchitecturePrices(p.usdPerMillionRequests(),
                List.of(new DurationTier(null, p.durationTiers().get(0).usdPerGbSecond())),
                p.provisionedConcurrencyUsdPerGbSecond(), p.provisionedDurationUsdPerGbSecond(),
                p.ephemeralStorageUsdPerGbSecond())));
        return new RegionPrices(prices.region(), prices.pricesOf(), flat);
    }

    EraRules era(String label) {
        EraRules rules = eras.get(label);
        if (rules == null) {
            throw new IllegalStateException(RESOURCE + " has no era '" + label + "'");
        }
        return rules;
    }

    private static BillingRules load() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode root;
        try (InputStream in = BillingRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            root = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        JsonNode free = need(root, "freeTier");
        FreeTier freeTier = new FreeTier(decimal(free, "requests"), decimal(free, "gbSeconds"));

        Map<String, EraRules> eras = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = need(root, "eras").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode era = e.getValue();
            JsonNode init = need(era, "initBilled");
            eras.put(e.getKey(), new EraRules(
                    whole(era, "billingIncrementMs"), whole(era, "minimumBilledMs"),
                    need(init, "managedRuntime").asBoolean(), need(init, "customRuntime").asBoolean(),
                    need(era, "durationTiers").asBoolean(), need(init, "provisioned").asBoolean(),
                    eraDurationPrices(era)));
        }

        Map<String, Map<Architecture, ArchitecturePrices>> tables = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = need(root, "priceTables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<Architecture, ArchitecturePrices> byArchitecture = new EnumMap<>(Architecture.class);
            for (Architecture a : Architecture.values()) {
                byArchitecture.put(a, architecturePrices(need(e.getValue(), a.label())));
            }
            tables.put(e.getKey(), Collections.unmodifiableMap(byArchitecture));
        }
        Map<String, RegionPrices> regions = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = need(root, "regions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<Architecture, ArchitecturePrices> table = tables.get(e.getValue().asText());
            if (table == null) {
                throw new IllegalStateException(RESOURCE + ": region " + e.getKey()
                        + " names no price table '" + e.getValue().asText() + "'");
            }
            regions.put(e.getKey(), new RegionPrices(e.getKey(), e.getKey(), table));
        }
        List<String> lambdaRegions = new ArrayList<>();
        need(root, "lambdaRegions").forEach(r -> lambdaRegions.add(r.asText()));
        for (String priced : regions.keySet()) {
            if (!lambdaRegions.contains(priced)) {
                throw new IllegalStateException(RESOURCE + ": region " + priced + " has prices but is not in lambdaRegions");
            }
        }
        String defaultRegion = need(root, "defaultRegion").asText();
        if (!regions.containsKey(defaultRegion)) {
            throw new IllegalStateException(RESOURCE + ": default region " + defaultRegion + " has no prices");
        }
        return new BillingRules(
                whole(root, "monthHours") * MICROS_PER_HOUR, defaultRegion, freeTier,
                whole(root, "provisionedConcurrencyIncrementMinutes") * MICROS_PER_MINUTE,
                (int) whole(root, "ephemeralStorageIncludedMb"),
                Collections.unmodifiableMap(eras), Collections.unmodifiableMap(regions), List.copyOf(lambdaRegions));
    }

    /** An era's own on-demand duration prices, per architecture; the architectures it does not name keep the table's. */
    private static Map<Architecture, List<DurationTier>> eraDurationPrices(JsonNode era) {
        Map<Architecture, List<DurationTier>> out = new EnumMap<>(Architecture.class);
        JsonNode prices = era.get("durationPrices");
        if (prices == null) {
            return Collections.unmodifiableMap(out);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = prices.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Architecture a = Architecture.named(e.getKey());
            if (a == null) {
                throw new IllegalStateException(RESOURCE + ": durationPrices of an era names no architecture '"
                        + e.getKey() + "'");
            }
            out.put(a, durationTiers(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static ArchitecturePrices architecturePrices(JsonNode node) {
        return new ArchitecturePrices(
                decimal(node, "usdPerMillionRequests"), durationTiers(need(node, "duration")),
                decimal(node, "provisionedConcurrencyUsdPerGbSecond"),
                decimal(node, "provisionedDurationUsdPerGbSecond"),
                decimal(node, "ephemeralStorageUsdPerGbSecond"));
    }

    private static List<DurationTier> durationTiers(JsonNode list) {
        List<DurationTier> tiers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode tier = list.get(i);
            BigDecimal upTo = tier.has("upToGbSeconds") ? decimal(tier, "upToGbSeconds") : null;
            if ((upTo == null) != (i == list.size() - 1)) {
                throw new IllegalStateException(RESOURCE + ": only the last duration tier is without a limit");
            }
            tiers.add(new DurationTier(upTo, decimal(tier, "usdPerGbSecond")));
        }
        if (tiers.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": a duration price list is empty");
        }
        return List.copyOf(tiers);
    }

    private static JsonNode need(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(RESOURCE + " lacks '" + field + "'");
        }
        return value;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = need(node, field);
        if (!value.isNumber()) {
            throw new IllegalStateException(RESOURCE + ": '" + field + "' is not a number");
        }
        return value.decimalValue();
    }

    private static long whole(JsonNode node, String field) {
        JsonNode value = need(node, field);
        if (!value.isIntegralNumber()) {
            throw new IllegalStateException(RESOURCE + ": '" + field + "' is not a whole number");
        }
        return value.longValue();
    }
}
