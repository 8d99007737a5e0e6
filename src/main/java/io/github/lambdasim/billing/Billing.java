package io.github.lambdasim.billing;

import io.github.lambdasim.billing.Bill.Charges;
import io.github.lambdasim.billing.Bill.Estimate;
import io.github.lambdasim.billing.Bill.FreeTierCredit;
import io.github.lambdasim.billing.Bill.FunctionBill;
import io.github.lambdasim.billing.Bill.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Usage in, bill out: the charges of a period's usage of all functions of an account, as AWS bills
 * them.
 *
 * <p>The month is the period's usage scaled by month / period. On it: the free tier (requests and
 * on-demand GB-s, shared by all functions of both architectures, the GB-s credit split between
 * architectures in proportion to their GB-s) is taken off first, then the duration tiers are
 * applied to the remaining on-demand GB-s of each architecture, counted from the tier's start.
 * (AWS does not say in which order; the other order moves at most 400,000 GB-s across the first
 * tier boundary, $0.67 a month above 6B GB-s.) Provisioned concurrency, duration on provisioned
 * environments and ephemeral storage get no free tier. The period's charges are the month's
 * scaled back by period / month, so a period one billing month long is billed as that month.
 *
 * <p>Account charges that are not linear in one function's usage (the free tier, the tiers) are
 * shared among functions in proportion to their usage: request credit by requests, GB-s credit
 * and tiered compute charges by on-demand GB-s (within an architecture). The last function of a
 * share takes the remainder, so function charges add up exactly; in cents, each component is
 * shared by largest remainder, so function cents add up to the account's cents.
 *
 * <p>Arithmetic is decimal: GB-s and prices are exact; scaling by month / period is rounded to 34
 * significant digits ({@link MathContext#DECIMAL128}).
 */
public final class Billing {
    static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1_024);

    private Billing() {
    }

    /**
     * Bills a period's usage.
     *
     * @param usage        each function's usage in the period (distinct names)
     * @param periodMicros the length of the period the usage was measured over
     * @param spec         region, era, free tier and month length
     * @throws IllegalArgumentException for a period not positive or a function named twice
     */
    public static Bill bill(List<FunctionUsage> usage, long periodMicros, BillingSpec spec) {
        if (periodMicros <= 0) {
            throw new IllegalArgumentException("the period must be longer than 0, not " + periodMicros + " us");
        }
        Set<String> names = new HashSet<>();
        for (FunctionUsage f : usage) {
            if (!names.add(f.functionName())) {
                throw new IllegalArgumentException("function " + f.functionName() + " appears twice");
            }
        }
        BillingRules rules = BillingRules.get();
        RegionPrices prices = spec.era().prices(rules.region(spec.region(), spec.era()));
        boolean sameLength = periodMicros == spec.monthMicros();
        BigDecimal period = BigDecimal.valueOf(periodMicros);
        BigDecimal month = BigDecimal.valueOf(spec.monthMicros());

        int n = usage.size();
        List<FunctionMonth> fm = new ArrayList<>(n);
        List<Usage> periodUsage = new ArrayList<>(n);
        for (FunctionUsage f : usage) {
            FunctionMonth m = FunctionMonth.of(f, rules, prices.prices(f.architecture()));
            periodUsage.add(m.usage());
            fm.add(sameLength ? m : m.scaled(month, period));
        }

        // The free tier: shared by all requests, and by all on-demand GB-s of both architectures.
        BigDecimal[] requests = new BigDecimal[n];
        BigDecimal[] gbs = new BigDecimal[n];
        BigDecimal totalRequests = BigDecimal.ZERO;
        BigDecimal totalGbs = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            requests[i] = fm.get(i).requests;
            gbs[i] = fm.get(i).onDemandGbSeconds;
            totalRequests = totalRequests.add(requests[i]);
            totalGbs = totalGbs.add(gbs[i]);
        }
        BigDecimal requestCredit = BigDecimal.ZERO;
        BigDecimal gbsCredit = BigDecimal.ZERO;
        if (spec.freeTier()) {
            requestCredit = totalRequests.min(rules.freeTier().requests());
            gbsCredit = totalGbs.min(rules.freeTier().gbSeconds());
        }
        BigDecimal[] requestCreditOf = share(requestCredit, requests);
        BigDecimal[] gbsCreditOf = share(gbsCredit, gbs);

        // The tiers: per architecture, on the month's on-demand GB-s left after the free tier.
        Map<Architecture, ArchitectureMonth> byArchitecture = new EnumMap<>(Architecture.class);
        for (Architecture a : Architecture.values()) {
            BigDecimal archGbs = BigDecimal.ZERO;
            BigDecimal archCredit = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                if (fm.get(i).architecture == a) {
                    archGbs = archGbs.add(gbs[i]);
                    archCredit = archCredit.add(gbsCreditOf[i]);
                }
            }
            ArchitecturePrices p = prices.prices(a);
            BigDecimal billable = archGbs.subtract(archCredit);
            BigDecimal compute = p.durationUsd(billable);
            BigDecimal saved = p.durationUsd(archGbs).subtract(compute);
            byArchitecture.put(a, new ArchitectureMonth(a, archGbs, archCredit, billable, compute, saved));
        }
        BigDecimal[] computeOf = new BigDecimal[n];
        BigDecimal[] computeSavedOf = new BigDecimal[n];
        for (Architecture a : Architecture.values()) {
            BigDecimal[] weights = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                weights[i] = fm.get(i).architecture == a ? gbs[i] : BigDecimal.ZERO;
            }
            BigDecimal[] compute = share(byArchitecture.get(a).computeUsd(), weights);
            BigDecimal[] saved = share(byArchitecture.get(a).savedUsd(), weights);
            for (int i = 0; i < n; i++) {
                if (fm.get(i).architecture == a) {
                    computeOf[i] = compute[i];
                    computeSavedOf[i] = saved[i];
                }
            }
        }

        BigDecimal[] frontDoorOf = frontDoorCharges(fm);
        // SnapStart (Python, .NET): the version's cache all month (the run repeated: active throughout)
        // and the month's restores, at the region's prices (us-east-1's where SnapStart has none here).
        BigDecimal monthSeconds = month.divide(MICROS_PER_SECOND);
        BigDecimal[] snapStartOf = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            FunctionMonth f = fm.get(i);
            snapStartOf[i] = !f.snapStartCharged ? BigDecimal.ZERO : SnapStartPricing.get().usd(spec.region(),
                    rules.defaultRegion(), f.memoryMb, f.snapStartRestores, monthSeconds);
        }

        List<Estimate> monthOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FunctionMonth f = fm.get(i);
            BigDecimal requestPrice = f.prices.usdPerRequest();
            Charges exact = Charges.of(
                    requests[i].subtract(requestCreditOf[i]).multiply(requestPrice),
                    computeOf[i],
                    f.provisionedConcurrencyGbSeconds.multiply(f.prices.provisionedConcurrencyUsdPerGbSecond()),
                    f.provisionedGbSeconds.multiply(f.prices.provisionedDurationUsdPerGbSecond()),
                    f.ephemeralStorageGbSeconds.multiply(f.prices.ephemeralStorageUsdPerGbSecond()),
                    frontDoorOf[i], snapStartOf[i], BigDecimal.ZERO);
            FreeTierCredit credit = new FreeTierCredit(requestCreditOf[i], gbsCreditOf[i],
                    requestCreditOf[i].multiply(requestPrice).add(computeSavedOf[i]));
            monthOf.add(new Estimate(f.usage(), exact, null, credit));
        }
        Estimate accountMonth = sum(monthOf);
        List<Estimate> functionMonths = withCents(accountMonth, monthOf);

        List<Estimate> periodOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            periodOf.add(sameLength ? monthOf.get(i) : scale(monthOf.get(i), periodUsage.get(i), period, month));
        }
        Estimate accountPeriod = sum(periodOf);
        List<Estimate> functionPeriods = withCents(accountPeriod, periodOf);

        List<FunctionBill> functionBills = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            functionBills.add(new FunctionBill(fm.get(i).name, fm.get(i).architecture, functionMonths.get(i),
                    functionPeriods.get(i)));
        }
        Estimate monthEstimate = withCents(accountMonth);
        Estimate periodEstimate = withCents(accountPeriod);
        List<String> explanation = new BillExplainer(spec, periodMicros, rules, prices, fm, byArchitecture,
                monthEstimate, periodEstimate).lines();
        return new Bill(spec, periodMicros, monthEstimate, periodEstimate, functionBills, explanation);
    }

    /**
     * Each function's front-door charge of the month: per kind of front door, the account's month
     * of requests through it priced with its tiers, shared among its functions by their requests.
     */
    static BigDecimal[] frontDoorCharges(List<FunctionMonth> fm) {
        int n = fm.size();
        BigDecimal[] out = new BigDecimal[n];
        Arrays.fill(out, BigDecimal.ZERO);
        for (FrontDoor door : FrontDoor.values()) {
            BigDecimal[] weights = new BigDecimal[n];
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                weights[i] = fm.get(i).frontDoor == door ? fm.get(i).frontDoorRequests : BigDecimal.ZERO;
                total = total.add(weights[i]);
            }
            BigDecimal[] shares = share(FrontDoorPrices.of(door).usd(total), weights);
            for (int i = 0; i < n; i++) {
                if (fm.get(i).frontDoor == door) {
                    out[i] = shares[i];
                }
            }
        }
        return out;
    }

    /**
     * Provisioned concurrency configured, in concurrency-seconds: each enabled span (back-to-back
     * intervals of a positive level) rounded up to the increment, the rounding billed at the span's
     * last level.
     */
    static BigDecimal provisionedConcurrencySeconds(List<ProvisionedInterval> intervals, long incrementMicros) {
        BigDecimal levelMicros = BigDecimal.ZERO;
        long spanStart = 0;
        long spanEnd = 0;
        int lastLevel = 0;
        boolean open = false;
        for (ProvisionedInterval p : intervals) {
            if (p.level() == 0 || p.lengthMicros() == 0) {
                continue;
            }
            if (open && p.startMicros() != spanEnd) {
                levelMicros = levelMicros.add(roundingOf(spanStart, spanEnd, lastLevel, incrementMicros));
                open = false;
            }
            if (!open) {
                spanStart = p.startMicros();
                open = true;
            }
            levelMicros = levelMicros.add(BigDecimal.valueOf(p.level()).multiply(BigDecimal.valueOf(p.lengthMicros())));
            spanEnd = p.endMicros();
            lastLevel = p.level();
        }
        if (open) {
            levelMicros = levelMicros.add(roundingOf(spanStart, spanEnd, lastLevel, incrementMicros));
        }
        return levelMicros.divide(MICROS_PER_SECOND);
    }

    /** The enabled time a span is billed for, in microseconds: its length rounded up to the increment. */
    static long billedEnabledMicros(long lengthMicros, long incrementMicros) {
        long increments = lengthMicros / incrementMicros;
        if (increments * incrementMicros != lengthMicros) {
            increments++;
        }
        return increments * incrementMicros;
    }

    private static BigDecimal roundingOf(long start, long end, int level, long incrementMicros) {
        long length = end - start;
        return BigDecimal.valueOf(level).multiply(BigDecimal.valueOf(billedEnabledMicros(length, incrementMicros) - length));
    }

    /** Billed milliseconds x MB as GB-seconds (exact: 1024 x 1000 divides a decimal exactly). */
    static BigDecimal gbSeconds(long billedMs, long mb) {
        return BigDecimal.valueOf(billedMs).multiply(BigDecimal.valueOf(mb)).divide(MB_PER_GB.multiply(MS_PER_SECOND));
    }

    /**
     * Shares {@code amount} in proportion to {@code weights}; the last positive weight takes the
     * remainder so the shares add up to {@code amount} exactly. With no weight, all shares are 0.
     */
    static BigDecimal[] share(BigDecimal amount, BigDecimal[] weights) {
        BigDecimal[] out = new BigDecimal[weights.length];
        BigDecimal total = BigDecimal.ZERO;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            out[i] = BigDecimal.ZERO;
            if (weights[i].signum() > 0) {
                total = total.add(weights[i]);
                last = i;
            }
        }
        if (last < 0) {
            return out;
        }
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < last; i++) {
            if (weights[i].signum() > 0) {
                out[i] = amount.multiply(weights[i]).divide(total, MC);
                given = given.add(out[i]);
            }
        }
        out[last] = amount.subtract(given);
        return out;
    }

    /**
     * Shares a total in cents among parts whose exact values are given: each part gets its value
     * rounded down to cents, and the cents left go one each to the parts with the largest
     * remainders (the first on ties).
     */
    static BigDecimal[] shareCents(BigDecimal totalCents, BigDecimal[] exact) {
        int n = exact.length;
        BigDecimal[] out = new BigDecimal[n];
        BigDecimal[] remainder = new BigDecimal[n];
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            out[i] = exact[i].setScale(2, RoundingMode.FLOOR);
            remainder[i] = exact[i].subtract(out[i]);
            given = given.add(out[i]);
        }
        long left = totalCents.subtract(given).movePointRight(2).longValueExact();
        boolean[] taken = new boolean[n];
        BigDecimal cent = new BigDecimal("0.01");
        for (long k = 0; k < left && k < n; k++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!taken[i] && (best < 0 || remainder[i].compareTo(remainder[best]) > 0)) {
                    best = i;
                }
            }
            taken[best] = true;
            out[best] = out[best].add(cent);
        }
        return out;
    }

    static Estimate withCents(Estimate account) {
        return new Estimate(account.usage(), account.exactUsd(), account.exactUsd().roundedToCents(),
                account.freeTier());
    }

    /** Function estimates with their cents: the account's cents of each component shared by largest remainder. */
    static List<Estimate> withCents(Estimate account, List<Estimate> parts) {
        int n = parts.size();
        BigDecimal[] accountCents = account.exactUsd().roundedToCents().components();
        BigDecimal[][] cents = new BigDecimal[accountCents.length][];
        for (int c = 0; c < accountCents.length; c++) {
            BigDecimal[] exact = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                exact[i] = parts.get(i).exactUsd().components()[c];
            }
            cents[c] = shareCents(accountCents[c], exact);
        }
        List<Estimate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal[] mine = new BigDecimal[accountCents.length];
            for (int c = 0; c < accountCents.length; c++) {
                mine[c] = cents[c][i];
            }
            Estimate e = parts.get(i);
            out.add(new Estimate(e.usage(), e.exactUsd(), Charges.ofComponents(mine), e.freeTier()));
        }
        return out;
    }

    static Estimate sum(List<Estimate> parts) {
        BigDecimal[] usage = new BigDecimal[7];
        BigDecimal[] charges = new BigDecimal[Charge.values().length];
        BigDecimal[] credit = new BigDecimal[3];
        Arrays.fill(usage, BigDecimal.ZERO);
        Arrays.fill(charges, BigDecimal.ZERO);
        Arrays.fill(credit, BigDecimal.ZERO);
        for (Estimate e : parts) {
            Usage u = e.usage();
            BigDecimal[] us = {u.requests(), u.provisionedRequests(), u.onDemandGbSeconds(),
                    u.provisionedConcurrencyGbSeconds(), u.provisionedGbSeconds(), u.ephemeralStorageGbSeconds(),
                    u.frontDoorRequests()};
            for (int k = 0; k < us.length; k++) {
                usage[k] = usage[k].add(us[k]);
            }
            BigDecimal[] cs = e.exactUsd().components();
            for (int k = 0; k < cs.length; k++) {
                charges[k] = charges[k].add(cs[k]);
            }
            credit[0] = credit[0].add(e.freeTier().requests());
            credit[1] = credit[1].add(e.freeTier().gbSeconds());
            credit[2] = credit[2].add(e.freeTier().savedUsd());
        }
        return new Estimate(new Usage(usage[0], usage[1], usage[2], usage[3], usage[4], usage[5], usage[6]),
                Charges.ofComponents(charges), null, new FreeTierCredit(credit[0], credit[1], credit[2]));
    }

    /** A month's estimate pro-rated by {@code numerator / denominator}, for the period whose usage it was. */
    private static Estimate scale(Estimate e, Usage usage, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal[] c = e.exactUsd().components();
        for (int k = 0; k < c.length; k++) {
            c[k] = scale(c[k], numerator, denominator);
        }
        FreeTierCredit f = e.freeTier();
        FreeTierCredit credit = new FreeTierCredit(scale(f.requests(), numerator, denominator),
                scale(f.gbSeconds(), numerator, denominator), scale(f.savedUsd(), numerator, denominator));
        return new Estimate(usage, Charges.ofComponents(c), null, credit);
    }

    static BigDecimal scale(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        return value.multiply(numerator).divide(denominator, MC);
    }

    /** Per architecture: the month's on-demand GB-s, the free tier taken off them, and their price. */
    record ArchitectureMonth(Architecture architecture, BigDecimal gbSeconds, BigDecimal freeTierGbSeconds,
                             BigDecimal billableGbSeconds, BigDecimal computeUsd, BigDecimal savedUsd) {
    }

    /** One function's usage in the month's quantities, before any account-wide rule. */
    static final class FunctionMonth {
        final String name;
        final Architecture architecture;
        final ArchitecturePrices prices;
        final int memoryMb;
        final int ephemeralStorageMb;
        final int chargedEphemeralMb;
        final int provisionedLevel; // the one level configured, or -1 when it varied
        final BigDecimal requests;
        final BigDecimal provisionedRequests;
        final BigDecimal onDemandBilledSeconds;
        final BigDecimal onDemandGbSeconds;
        final BigDecimal provisionedConcurrencySeconds;
        final BigDecimal provisionedConcurrencyGbSeconds;
        final BigDecimal provisionedBilledSeconds;
        final BigDecimal provisionedGbSeconds;
        final BigDecimal ephemeralBilledSeconds;
        final BigDecimal ephemeralStorageGbSeconds;
        final FrontDoor frontDoor;
        final BigDecimal frontDoorRequests;
        /** Whether its SnapStart is charged (Python, .NET): then its cache is billed all month and its restores. */
        final boolean snapStartCharged;
        final BigDecimal snapStartRestores;

        private FunctionMonth(String name, Architecture architecture, ArchitecturePrices prices, int memoryMb,
                              int ephemeralStorageMb, int chargedEphemeralMb, int provisionedLevel,
                              FrontDoor frontDoor, boolean snapStartCharged, BigDecimal[] q) {
            this.name = name;
            this.architecture = architecture;
            this.prices = prices;
            this.memoryMb = memoryMb;
            this.ephemeralStorageMb = ephemeralStorageMb;
            this.chargedEphemeralMb = chargedEphemeralMb;
            this.provisionedLevel = provisionedLevel;
            this.requests = q[0];
            this.provisionedRequests = q[1];
            this.onDemandBilledSeconds = q[2];
            this.onDemandGbSeconds = q[3];
            this.provisionedConcurrencySeconds = q[4];
            this.provisionedConcurrencyGbSeconds = q[5];
            this.provisionedBilledSeconds = q[6];
            this.provisionedGbSeconds = q[7];
            this.ephemeralBilledSeconds = q[8];
            this.ephemeralStorageGbSeconds = q[9];
            this.frontDoor = frontDoor;
            this.frontDoorRequests = q[10];
            this.snapStartCharged = snapStartCharged;
            this.snapStartRestores = q[11];
        }

        static FunctionMonth of(FunctionUsage f, BillingRules rules, ArchitecturePrices prices) {
            int charged = Math.max(0, f.ephemeralStorageMb() - rules.ephemeralStorageIncludedMb());
            BigDecimal concurrencySeconds = provisionedConcurrencySeconds(f.provisionedConcurrency(),
                    rules.provisionedIncrementMicros());
            int level = -1;
            for (ProvisionedInterval p : f.provisionedConcurrency()) {
                if (p.level() > 0 && p.lengthMicros() > 0) {
                    level = level == -1 || level == p.level() ? p.level() : -2;
                }
            }
            BigDecimal[] q = {
                BigDecimal.valueOf(f.requests()),
                BigDecimal.valueOf(f.provisionedRequests()),
                BigDecimal.valueOf(f.onDemandBilledMs()).divide(MS_PER_SECOND),
                gbSeconds(f.onDemandBilledMs(), f.memoryMb()),
                concurrencySeconds,
                concurrencySeconds.multiply(BigDecimal.valueOf(f.memoryMb())).divide(MB_PER_GB),
                BigDecimal.valueOf(f.provisionedBilledMs()).divide(MS_PER_SECOND),
                gbSeconds(f.provisionedBilledMs(), f.memoryMb()),
                BigDecimal.valueOf(f.ephemeralStorageBilledMs()).divide(MS_PER_SECOND),
                gbSeconds(f.ephemeralStorageBilledMs(), charged),
                BigDecimal.valueOf(f.frontDoorRequests()),
                BigDecimal.valueOf(Math.max(0, f.snapStartRestores())),
            };
            return new FunctionMonth(f.functionName(), f.architecture(), prices, f.memoryMb(),
                    f.ephemeralStorageMb(), charged, Math.max(level, -1), f.frontDoor(), f.snapStartRestores() >= 0, q);
        }

        FunctionMonth scaled(BigDecimal numerator, BigDecimal denominator) {
            BigDecimal[] q = {requests, provisionedRequests, onDemandBilledSeconds, onDemandGbSeconds,
                provisionedConcurrencySeconds, provisionedConcurrencyGbSeconds, provisionedBilledSeconds,
                provisionedGbSeconds, ephemeralBilledSeconds, ephemeralStorageGbSeconds, frontDoorRequests,
                snapStartRestores};
            for (int k = 0; k < q.length; k++) {
                q[k] = scale(q[k], numerator, denominator);
            }
            return new FunctionMonth(name, architecture, prices, memoryMb, ephemeralStorageMb, chargedEphemeralMb,
                    provisionedLevel, frontDoor, snapStartCharged, q);
        }

        BigDecimal onDemandRequests() {
            return requests.subtract(provisionedRequests);
        }

        Usage usage() {
            return new Usage(requests, provisionedRequests, onDemandGbSeconds, provisionedConcurrencyGbSeconds,
                    provisionedGbSeconds, ephemeralStorageGbSeconds, frontDoorRequests);
        }
    }
}
