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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a front door charges per request: tiers over the month's requests of the account (per API
 * type), read once from the {@code frontDoors} section of {@code billing.yaml}.
 *
 * @param door  the service
 * @param tiers price bands, cheapest last; the last has no limit
 * @param note  what the bill should say about this front door's price, or null
 */
public record FrontDoorPrices(FrontDoor door, List<Tier> tiers, String note) {
    private static final String RESOURCE = "billing.yaml";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final Map<FrontDoor, FrontDoorPrices> ALL = load();

    /** Requests of the month up to {@code upToRequests} (null: no limit) at {@code usdPerMillion}. */
    public record Tier(BigDecimal upToRequests, BigDecimal usdPerMillion) {
    }

    public FrontDoorPrices {
        tiers = List.copyOf(tiers);
    }

    public static FrontDoorPrices of(FrontDoor door) {
        return ALL.get(door);
    }

    /** How many of a month's requests fall in each tier, in tier order. */
    public List<BigDecimal> requestsPerTier(BigDecimal monthRequests) {
        List<BigDecimal> out = new ArrayList<>(tiers.size());
        BigDecimal below = BigDecimal.ZERO;
        for (Tier t : tiers) {
            BigDecimal in = monthRequests.subtract(below);
            if (t.upToRequests() != null) {
                in = in.min(t.upToRequests().subtract(below));
                below = t.upToRequests();
            }
            out.add(in.max(BigDecimal.ZERO));
        }
        return out;
    }

    /** The price of a month's requests with the tiers applied (exact). */
    public BigDecimal usd(BigDecimal monthRequests) {
        List<BigDecimal> perTier = requestsPerTier(monthRequests);
        BigDecimal usd = BigDecimal.ZERO;
        for (int i = 0; i < perTier.size(); i++) {
            usd = usd.add(perTier.get(i).multiply(tiers.get(i).usdPerMillion()).divide(MILLION));
        }
        return usd;
    }

    private static Map<FrontDoor, FrontDoorPrices> load() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode section;
        try (InputStream in = FrontDoorPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            section = mapper.readTree(in).get("frontDoors");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<FrontDoor, FrontDoorPrices> out = new EnumMap<>(FrontDoor.class);
        for (FrontDoor door : FrontDoor.values()) {
            JsonNode node = section == null ? null : section.get(door.label());
            if (node == null || !node.has("requests") || node.get("requests").isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": frontDoors." + door.label() + ".requests is missing");
            }
            JsonNode list = node.get("requests");
            List<Tier> tiers = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode t = list.get(i);
                BigDecimal upTo = t.has("upToRequests") ? t.get("upToRequests").decimalValue() : null;
                if ((upTo == null) != (i == list.size() - 1)) {
                    throw new IllegalStateException(RESOURCE + ": frontDoors." + door.label()
                            + ": only the last tier is without a limit");
                }
                tiers.add(new Tier(upTo, t.get("usdPerMillion").decimalValue()));
            }
            out.put(door, new FrontDoorPrices(door, tiers, node.has("note") ? node.get("note").asText() : null));
        }
        return out;
    }
}
