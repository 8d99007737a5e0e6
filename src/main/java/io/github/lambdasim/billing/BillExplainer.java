package io.github.lambdasim.billing;

import static io.github.lambdasim.billing.BillFormat.ms;
import static io.github.lambdasim.billing.BillFormat.number;
import static io.github.lambdasim.billing.BillFormat.perMillion;
import static io.github.lambdasim.billing.BillFormat.price;
import static io.github.lambdasim.billing.BillFormat.time;
import static io.github.lambdasim.billing.BillFormat.usd;
import static io.github.lambdasim.billing.BillFormat.usd4;

import io.github.lambdasim.billing.Bill.Charges;
import io.github.lambdasim.billing.Bill.Estimate;
import io.github.lambdasim.billing.Billing.ArchitectureMonth;
import io.github.lambdasim.billing.Billing.FunctionMonth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a bill's monthly arithmetic line by line, the way AWS's pricing examples do ("Total
 * compute (GB-s) = 360,000 s x 1536 MB / 1024 = 540,000 GB-s"), then the period's share.
 */
final class BillExplainer {
    private static final String INDENT = "  ";
    private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000);

    private final BillingSpec spec;
    private final long periodMicros;
    private final BillingRules rules;
    private final RegionPrices prices;
    private final List<FunctionMonth> functions;
    private final Map<Architecture, ArchitectureMonth> architectures;
    private final Estimate month;
    private final Estimate period;
    private final boolean named;
    private final List<String> out = new ArrayList<>();

    BillExplainer(BillingSpec spec, long periodMicros, BillingRules rules, RegionPrices prices,
                  List<FunctionMonth> functions, Map<Architecture, ArchitectureMonth> architectures,
                  Estimate month, Estimate period) {
        this.spec = spec;
        this.periodMicros = periodMicros;
        this.rules = rules;
        this.prices = prices;
        this.functions = functions;
        this.architectures = architectures;
        this.month = month;
        this.period = period;
        this.named = functions.size() > 1;
    }

    List<String> lines() {
        BillingEra era = spec.era();
        if (prices.borrowed()) {
            out.add(prices.notice());
        }
        out.add("Prices of " + prices.pricesOf() + "; " + era.label() + " platform: each invocation's duration rounded up to "
                + era.billingIncrementMs() + " ms" + (era.minimumBilledMs() > 0
                ? " (at least " + era.minimumBilledMs() + " ms)" : "") + "; GB = MB / 1024.");
        if (periodMicros != spec.monthMicros()) {
            out.add("Month = the " + time(periodMicros) + " period's usage x " + time(spec.monthMicros()) + " / "
                    + time(periodMicros) + " (a " + time(spec.monthMicros()) + " billing month).");
        }
        requests();
        compute();
        provisioned();
        provisionedCompute();
        ephemeralStorage();
        frontDoors();
        snapStart();
        totals();
        return out;
    }

    /** SnapStart of Python and .NET functions: the cache while the version is active (all month) and the restores. */
    private void snapStart() {
        for (FunctionMonth f : functions) {
            if (!f.snapStartCharged) {
                continue;
            }
            SnapStartPricing.Charges c = SnapStartPricing.get().charges(
                    SnapStartPricing.get().prices(spec.region(), rules.defaultRegion()), f.memoryMb,
                    f.snapStartRestores.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(), spec.monthMicros());
            List<String> lines = c.explanation();
            out.add(lines.get(0) + (named ? ": " + f.name : "") + ", the version active all month");
            for (String line : lines.subList(1, lines.size())) {
                out.add(line);
            }
        }
    }

    private void requests() {
        BigDecimal total = month.usage().requests();
        if (total.signum() == 0) {
            return;
        }
        out.add("Monthly request charges");
        out.add(INDENT + "Total requests = " + number(total));
        BigDecimal billable = total.subtract(month.freeTier().requests());
        if (spec.freeTier()) {
            out.add(INDENT + "Billable requests = " + number(total) + " - " + number(month.freeTier().requests())
                    + " free tier = " + number(billable));
        } else {
            out.add(INDENT + "Billable requests = " + number(billable) + " (free tier off)");
        }
        Map<BigDecimal, List<FunctionMonth>> byPrice = group(f -> f.prices.usdPerMillionRequests());
        if (byPrice.size() == 1) {
            BigDecimal p = byPrice.keySet().iterator().next();
            out.add(INDENT + "Monthly request charges = " + number(billable) + " x " + perMillion(p) + " = "
                    + usd(month.costUsd().requests()));
        } else {
            out.add(INDENT + "Monthly request charges = " + usd(month.costUsd().requests())
                    + " (each architecture's billable requests at its price)");
        }
    }

    private void compute() {
        boolean both = architectures.values().stream().filter(a -> a.gbSeconds().signum() > 0).count() > 1;
        if (both && spec.freeTier()) {
            ArchitectureMonth x86 = architectures.get(Architecture.X86_64);
            ArchitectureMonth arm = architectures.get(Architecture.ARM64);
            out.add("Free tier compute: " + number(month.freeTier().gbSeconds()) + " GB-s shared in proportion to"
                    + " GB-s: " + number(x86.freeTierGbSeconds()) + " to x86_64, "
                    + number(arm.freeTierGbSeconds()) + " to arm64");
        }
        for (ArchitectureMonth a : architectures.values()) {
            if (a.gbSeconds().signum() == 0) {
                continue;
            }
            out.add("Monthly compute charges (" + a.architecture().label() + ")");
            List<String> parts = new ArrayList<>();
            for (FunctionMonth f : functions) {
                if (f.architecture != a.architecture() || f.onDemandGbSeconds.signum() == 0) {
                    continue;
                }
                out.add(INDENT + prefix(f) + "Total compute (seconds) = "
                        + seconds(f.onDemandRequests(), f.onDemandBilledSeconds));
                out.add(INDENT + prefix(f) + "Total compute (GB-s) = " + number(f.onDemandBilledSeconds) + " s x "
                        + f.memoryMb + " MB / 1024 = " + number(f.onDemandGbSeconds) + " GB-s");
                parts.add(number(f.onDemandGbSeconds));
            }
            if (parts.size() > 1) {
                out.add(INDENT + "Total compute (GB-s) = " + String.join(" + ", parts) + " = "
                        + number(a.gbSeconds()) + " GB-s");
            }
            if (spec.freeTier()) {
                out.add(INDENT + "Billable compute = " + number(a.gbSeconds()) + " GB-s - "
                        + number(a.freeTierGbSeconds()) + " free tier GB-s = " + number(a.billableGbSeconds())
                        + " GB-s");
            } else {
                out.add(INDENT + "Billable compute = " + number(a.billableGbSeconds()) + " GB-s (free tier off)");
            }
            ArchitecturePrices p = prices.prices(a.architecture());
            List<BigDecimal> perTier = p.gbSecondsPerTier(a.billableGbSeconds());
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < perTier.size(); i++) {
                if (perTier.get(i).signum() > 0 || (i == 0 && terms.isEmpty())) {
                    terms.add(number(perTier.get(i)) + " GB-s x " + price(p.durationTiers().get(i).usdPerGbSecond()));
                }
            }
            if (terms.size() > 1) {
                out.add(INDENT + "Tiers of a month's GB-s: " + tiers(p));
            } else if (!spec.era().durationTiers() && a.billableGbSeconds().compareTo(rules.region(spec.region())
                    .prices(a.architecture()).durationTiers().get(0).upToGbSeconds()) > 0) {
                // Beyond where today's first tier ends: say why the bill has no tiers.
                out.add(INDENT + "No duration tiers in the " + spec.era().label() + " era (they came in 2022): "
                        + "every GB-s at one price");
            }
            out.add(INDENT + "Monthly compute charges = " + String.join(" + ", terms) + " = "
                    + (both ? usd4(a.computeUsd()) : usd(month.costUsd().compute())));
        }
        if (both) {
            out.add("Monthly compute charges = " + usd4(architectures.get(Architecture.X86_64).computeUsd()) + " + "
                    + usd4(architectures.get(Architecture.ARM64).computeUsd()) + " = " + usd(month.costUsd().compute()));
        }
    }

    private void provisioned() {
        if (month.usage().provisionedConcurrencyGbSeconds().signum() == 0) {
            return;
        }
        out.add("Provisioned concurrency charges (no free tier)");
        List<Term> terms = new ArrayList<>();
        for (FunctionMonth f : functions) {
            if (f.provisionedConcurrencyGbSeconds.signum() == 0) {
                continue;
            }
            String how = f.provisionedLevel > 0
                    ? number(f.provisionedLevel) + " x " + f.memoryMb + " MB / 1024 x "
                            + number(f.provisionedConcurrencySeconds.divide(BigDecimal.valueOf(f.provisionedLevel),
                            Billing.MC)) + " s enabled"
                    : number(f.provisionedConcurrencySeconds) + " concurrency-seconds x " + f.memoryMb + " MB / 1024";
            out.add(INDENT + prefix(f) + "Provisioned concurrency (GB-s) = " + how + " = "
                    + number(f.provisionedConcurrencyGbSeconds) + " GB-s");
            terms.add(new Term(f.architecture, f.provisionedConcurrencyGbSeconds,
                    f.prices.provisionedConcurrencyUsdPerGbSecond()));
        }
        out.add(INDENT + "(enabled time rounded up to " + time(rules.provisionedIncrementMicros())
                + " per enabled interval)");
        charge("Provisioned concurrency charges", terms, month.costUsd().provisioned());
    }

    private void provisionedCompute() {
        if (month.usage().provisionedGbSeconds().signum() == 0) {
            return;
        }
        out.add("Provisioned compute charges (invocations on provisioned environments; no free tier)");
        List<Term> terms = new ArrayList<>();
        for (FunctionMonth f : functions) {
            if (f.provisionedGbSeconds.signum() == 0) {
                continue;
            }
            out.add(INDENT + prefix(f) + "Total compute (seconds) = "
                    + seconds(f.provisionedRequests, f.provisionedBilledSeconds));
            out.add(INDENT + prefix(f) + "Total compute (GB-s) = " + number(f.provisionedBilledSeconds) + " s x "
                    + f.memoryMb + " MB / 1024 = " + number(f.provisionedGbSeconds) + " GB-s");
            terms.add(new Term(f.architecture, f.provisionedGbSeconds, f.prices.provisionedDurationUsdPerGbSecond()));
        }
        charge("Provisioned compute charges", terms, month.costUsd().provisionedCompute());
    }

    private void ephemeralStorage() {
        if (month.usage().ephemeralStorageGbSeconds().signum() == 0) {
            return;
        }
        int included = rules.ephemeralStorageIncludedMb();
        out.add("Ephemeral storage charges (above the included " + included + " MB)");
        List<Term> terms = new ArrayList<>();
        for (FunctionMonth f : functions) {
            if (f.ephemeralStorageGbSeconds.signum() == 0) {
                continue;
            }
            out.add(INDENT + prefix(f) + "Ephemeral storage (GB-s) = " + number(f.ephemeralBilledSeconds) + " s x ("
                    + f.ephemeralStorageMb + " - " + included + ") MB / 1024 = "
                    + number(f.ephemeralStorageGbSeconds) + " GB-s");
            terms.add(new Term(f.architecture, f.ephemeralStorageGbSeconds, f.prices.ephemeralStorageUsdPerGbSecond()));
        }
        charge("Ephemeral storage charges", terms, month.costUsd().ephemeralStorage());
    }

    /** The services in front of functions, one block per kind, after Lambda's own charges. */
    private void frontDoors() {
        boolean any = false;
        for (FrontDoor door : FrontDoor.values()) {
            List<FunctionMonth> behind = functions.stream().filter(f -> f.frontDoor == door).toList();
            if (behind.isEmpty()) {
                continue;
            }
            any = true;
            FrontDoorPrices p = FrontDoorPrices.of(door);
            BigDecimal requests = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            for (FunctionMonth f : behind) {
                requests = requests.add(f.frontDoorRequests);
                parts.add(number(f.frontDoorRequests));
            }
            out.add("Front door charges (" + door.service() + (door == FrontDoor.HTTP_API || door == FrontDoor.REST_API
                    ? ", us-east-1 prices, no API Gateway free tier" : "") + ")");
            String names = behind.stream().map(f -> f.name).reduce((a, b) -> a + ", " + b).orElse("");
            out.add(INDENT + "Requests through it (" + names + ") = " + (parts.size() > 1 ? String.join(" + ", parts)
                    + " = " : "") + number(requests));
            List<BigDecimal> perTier = p.requestsPerTier(requests);
            List<String> terms = new ArrayList<>();
            BigDecimal usd = BigDecimal.ZERO;
            for (int i = 0; i < perTier.size(); i++) {
                if (perTier.get(i).signum() > 0 || (i == 0 && terms.isEmpty())) {
                    terms.add(number(perTier.get(i)) + " x " + perMillion(p.tiers().get(i).usdPerMillion()));
                }
            }
            usd = p.usd(requests);
            out.add(INDENT + "Front door charges = " + String.join(" + ", terms) + " = " + usd4(usd));
            if (p.note() != null) {
                out.add(INDENT + "(" + p.note() + ")");
            }
        }
        if (any) {
            out.add(INDENT + "(Front door charges: requests only; data transfer and CloudWatch Logs are not included.)");
        }
    }

    private void totals() {
        Charges c = month.costUsd();
        out.add("Total monthly charges = " + sumOf(c) + " = " + usd(c.total()));
        if (spec.freeTier() && month.freeTier().savedUsd().signum() > 0) {
            out.add("The free tier saved " + usd(month.freeTier().savedUsd()) + " a month ("
                    + number(month.freeTier().requests()) + " requests and " + number(month.freeTier().gbSeconds())
                    + " GB-s of on-demand compute).");
        }
        if (periodMicros == spec.monthMicros()) {
            out.add("The " + time(periodMicros) + " period is the billing month: its charges are the monthly charges.");
        } else {
            Charges p = period.costUsd();
            out.add("Charges for the " + time(periodMicros) + " period = monthly charges x " + time(periodMicros)
                    + " / " + time(spec.monthMicros()) + ", each rounded to cents: " + sumOf(p) + " = "
                    + usd(p.total()));
        }
    }

    /** The final line of a charge: one price for all, or a subtotal per architecture. */
    private void charge(String name, List<Term> terms, BigDecimal cents) {
        Map<Architecture, Term> byArchitecture = new LinkedHashMap<>();
        for (Term t : terms) {
            byArchitecture.merge(t.architecture, t, (a, b) -> new Term(a.architecture, a.gbSeconds.add(b.gbSeconds),
                    a.price));
        }
        if (byArchitecture.size() == 1) {
            Term t = byArchitecture.values().iterator().next();
            out.add(INDENT + name + " = " + number(t.gbSeconds) + " GB-s x " + price(t.price) + " = " + usd(cents));
            return;
        }
        List<String> subtotals = new ArrayList<>();
        for (Term t : byArchitecture.values()) {
            BigDecimal usd = t.gbSeconds.multiply(t.price);
            out.add(INDENT + t.architecture.label() + ": " + number(t.gbSeconds) + " GB-s x " + price(t.price) + " = "
                    + usd4(usd));
            subtotals.add(usd4(usd));
        }
        out.add(INDENT + name + " = " + String.join(" + ", subtotals) + " = " + usd(cents));
    }

    static String sumOf(Charges c) {
        List<String> parts = new ArrayList<>();
        Charge[] names = Charge.values();
        BigDecimal[] values = c.components();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (values[i].signum() != 0 || (i == 0 && parts.isEmpty() && allZero(values))) {
                String part = usd(values[i].abs()) + " " + names[i].label();
                out.append(parts.isEmpty() ? (values[i].signum() < 0 ? "-" : "") : values[i].signum() < 0 ? " - " : " + ")
                        .append(part);
                parts.add(part);
            }
        }
        return out.toString();
    }

    private static boolean allZero(BigDecimal[] values) {
        for (BigDecimal v : values) {
            if (v.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    /** "3,000,000 x 120 ms = 360,000 s", or the billed total when there is no whole average. */
    private static String seconds(BigDecimal requests, BigDecimal billedSeconds) {
        if (requests.signum() > 0) {
            BigDecimal averageMs = billedSeconds.multiply(MS_PER_SECOND).divide(requests, Billing.MC);
            return number(requests) + " x " + ms(averageMs) + (isWhole(averageMs) ? "" : " on average") + " = "
                    + number(billedSeconds) + " s";
        }
        return number(billedSeconds) + " s billed";
    }

    private static boolean isWhole(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0;
    }

    private String prefix(FunctionMonth f) {
        return named ? f.name + ": " : "";
    }

    private static String tiers(ArchitecturePrices p) {
        List<String> tiers = new ArrayList<>();
        for (DurationTier t : p.durationTiers()) {
            tiers.add((t.upToGbSeconds() != null ? "up to " + number(t.upToGbSeconds()) : "beyond") + " at "
                    + price(t.usdPerGbSecond()));
        }
        return String.join(", ", tiers);
    }

    private <K> Map<K, List<FunctionMonth>> group(Function<FunctionMonth, K> key) {
        Map<K, List<FunctionMonth>> map = new LinkedHashMap<>();
        for (FunctionMonth f : functions) {
            if (f.requests.signum() > 0) {
                map.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
            }
        }
        return map;
    }

    private record Term(Architecture architecture, BigDecimal gbSeconds, BigDecimal price) {
    }
}
