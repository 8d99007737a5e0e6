package io.github.lambdasim.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.billing.Bill.Charges;
import io.github.lambdasim.billing.Bill.FunctionBill;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bills match bills computed by hand from the rules AWS publishes: every charge component, both
 * eras, the tiers, the free tier (shared, and never on provisioned charges), the 5-minute rounding
 * of provisioned concurrency, the month projection and the pro-rating of a shorter period, and
 * AWS's own worked examples. The arithmetic is written out beside each expectation.
 */
class BillingTest {
    private static final long MS = 1_000L;
    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long MONTH = 730 * HOUR;
    private static final BillingSpec CURRENT = BillingSpec.defaults();
    private static final BillingSpec Y2019 = CURRENT.withEra(BillingEra.Y2019);
    private static final Architecture X86 = Architecture.X86_64;
    private static final Architecture ARM = Architecture.ARM64;

    /** A month of on-demand usage: requests of an average duration already rounded by {@code era}. */
    private static FunctionUsage monthOf(String name, Architecture a, int memoryMb, long requests, long durationMicros,
                                         BillingEra era) {
        return FunctionUsage.onDemand(name, a, memoryMb, requests, requests * BillingEra.billedDurationMs(durationMicros, era));
    }

    private static Bill bill(BillingSpec spec, FunctionUsage... usage) {
        return Billing.bill(List.of(usage), spec.monthMicros(), spec);
    }

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    private static void assertCents(String requests, String compute, String provisioned, String provisionedCompute,
                                    String ephemeral, String total, Charges c) {
        assertUsd(requests, c.requests());
        assertUsd(compute, c.compute());
        assertUsd(provisioned, c.provisioned());
        assertUsd(provisionedCompute, c.provisionedCompute());
        assertUsd(ephemeral, c.ephemeralStorage());
        assertUsd(total, c.total());
    }

    // ---- AWS's worked examples -------------------------------------------------------------

    @Test
    void awsPricingPageMobileBackend() {
        // aws.amazon.com/lambda/pricing, the mobile backend: 3M requests, 120 ms, 1536 MB, x86_64.
        // Total compute (seconds) = 3M x 0.120 s = 360,000 s
        // Total compute (GB-s) = 360,000 x 1536 / 1024 = 540,000 GB-s
        // Billable = 540,000 - 400,000 = 140,000 GB-s; x $0.0000166667 = $2.333338 -> $2.33
        // Requests: (3M - 1M) x $0.20/M = $0.40. Total $2.73.
        Bill b = bill(CURRENT, monthOf("api", X86, 1536, 3_000_000, 120 * MS, BillingEra.CURRENT));
        assertCents("0.40", "2.33", "0", "0", "0", "2.73", b.month().costUsd());
        assertUsd("2.333338", b.month().exactUsd().compute());
        assertUsd("540000", b.month().usage().onDemandGbSeconds());
        assertUsd("400000", b.month().freeTier().gbSeconds());
        assertUsd("1000000", b.month().freeTier().requests());
        // Saved: 1M x $0.0000002 = $0.20, plus 400,000 x $0.0000166667 = $6.66668 -> $6.86668.
        assertUsd("6.86668", b.month().freeTier().savedUsd());
        List<String> lines = b.explanation();
        assertTrue(lines.contains("  Total compute (seconds) = 3,000,000 x 120 ms = 360,000 s"), lines::toString);
        assertTrue(lines.contains("  Total compute (GB-s) = 360,000 s x 1536 MB / 1024 = 540,000 GB-s"), lines::toString);
        assertTrue(lines.contains("  Billable compute = 540,000 GB-s - 400,000 free tier GB-s = 140,000 GB-s"),
                lines::toString);
        assertTrue(lines.contains("  Monthly compute charges = 140,000 GB-s x $0.0000166667 = $2.33"), lines::toString);
        assertTrue(lines.contains("  Billable requests = 3,000,000 - 1,000,000 free tier = 2,000,000"), lines::toString);
        assertTrue(lines.contains("  Monthly request charges = 2,000,000 x $0.20 per million = $0.40"), lines::toString);
        assertTrue(lines.contains("Total monthly charges = $0.40 requests + $2.33 on-demand duration = $2.73"), lines::toString);
    }

    @Test
    void awsPricingPage2019Example1() {
        // The legacy pricing page (aws.amazon.com/lambda/pricing, 2019, 100 ms rounding), Example 1:
        // "If you allocated 512MB of memory to your function, executed it 3 million times in one
        // month, and it ran for 1 second each time": 3M x 1 s = 3,000,000 s x 512 / 1024 =
        // 1,500,000 GB-s; - 400,000 free = 1,100,000 GB-s x $0.00001667 = $18.337 -> "$18.34";
        // requests (3M - 1M) x $0.20/M = $0.40; "Total charges = $18.34 + $0.40 = $18.74 per month".
        // The page computed with the price it printed, rounded to $0.00001667; the 2019 era bills
        // at that price (billing.yaml), so the page's figures come out to the cent. (At today's
        // $0.0000166667 it would be $18.33 and $18.73.)
        Bill b = bill(Y2019, monthOf("f", X86, 512, 3_000_000, 1_000 * MS, BillingEra.Y2019));
        assertCents("0.40", "18.34", "0", "0", "0", "18.74", b.month().costUsd());
        assertUsd("18.337", b.month().exactUsd().compute());
        assertTrue(b.explanation().contains("  Monthly compute charges = 1,100,000 GB-s x $0.0000166700 = $18.34"),
                b.explanation()::toString);
        Bill today = bill(CURRENT, monthOf("f", X86, 512, 3_000_000, 1_000 * MS, BillingEra.Y2019));
        assertCents("0.40", "18.33", "0", "0", "0", "18.73", today.month().costUsd());
    }

    @Test
    void awsPricingPage2019Example2() {
        // The 2019 pricing page, example 2: 128 MB, 30M invocations of 200 ms.
        // Total compute = 30M x 0.2 s = 6,000,000 s; x 128 / 1024 = 750,000 GB-s
        // Billable = 750,000 - 400,000 = 350,000 GB-s; x $0.00001667 (the page's rate) = $5.8345
        // -> $5.83. Requests: (30M - 1M) x $0.20/M = $5.80. Total $11.63, as the page printed.
        Bill b = bill(Y2019, monthOf("f", X86, 128, 30_000_000, 200 * MS, BillingEra.Y2019));
        assertCents("5.80", "5.83", "0", "0", "0", "11.63", b.month().costUsd());
    }

    @Test
    void awsNewsBlog1msBillingBothEras() {
        // AWS News Blog, 1 Dec 2020: 60M invocations a month averaging 28 ms, 1 GB, no free tier.
        // Requests: 60M x $0.20/M = $12.
        // 2019 (100 ms): 60M x 0.1 s x 1 GB = 6,000,000 GB-s. The blog, written at the 2020 rate,
        // says $0.0000166667 -> "$100"; the 2019 era bills at the legacy page's printed
        // $0.00001667 (billing.yaml): 6,000,000 x $0.00001667 = $100.02.
        // current (28 ms): 60M x 0.028 s x 1 GB = 1,680,000 GB-s x $0.0000166667 = $28.000056 -> $28.00
        BillingSpec noFree2019 = Y2019.withFreeTier(false);
        BillingSpec noFreeNow = CURRENT.withFreeTier(false);
        Bill before = bill(noFree2019, monthOf("web", X86, 1024, 60_000_000, 28 * MS, BillingEra.Y2019));
        Bill after = bill(noFreeNow, monthOf("web", X86, 1024, 60_000_000, 28 * MS, BillingEra.CURRENT));
        assertCents("12.00", "100.02", "0", "0", "0", "112.02", before.month().costUsd());
        assertCents("12.00", "28.00", "0", "0", "0", "40.00", after.month().costUsd());
        assertUsd("100.02", before.month().exactUsd().compute());
        assertUsd("28.000056", after.month().exactUsd().compute());
    }

    @Test
    void awsProvisionedConcurrencyExample() {
        // Pricing page, provisioned concurrency example 1: 1024 MB, 1,000 configured for 2 hours,
        // 1.2M invocations of 1 s on them. AWS states it without the free tier.
        // Provisioned: 1,000 x 1 GB x 7,200 s = 7,200,000 GB-s x $0.0000041667 = $30.00024 -> $30.00
        // Duration: 1.2M x 1 s x 1 GB = 1,200,000 GB-s x $0.0000097222 = $11.66664 -> $11.67
        // Requests: 1.2M x $0.20/M = $0.24. Total $41.91.
        FunctionUsage f = new FunctionUsage("f", X86, 1024, 512, 1_200_000, 1_200_000, 0, 1_200_000L * 1_000,
                List.of(new ProvisionedInterval(1_000, 0, 2 * HOUR)), 1_200_000L * 1_000);
        Bill b = bill(CURRENT.withFreeTier(false), f);
        assertCents("0.24", "0", "30.00", "11.67", "0", "41.91", b.month().costUsd());
        assertUsd("30.00024", b.month().exactUsd().provisioned());
        assertUsd("11.66664", b.month().exactUsd().provisionedCompute());
    }

    // ---- the seed article's figures ----------------------------------------------------------

    @Test
    void at128MbTheFreeTierCovers3200000Seconds() {
        // 400,000 GB-s / (128 / 1024 GB) = 3,200,000 s. 1M requests x 3,200 ms = 3,200,000 s.
        Bill covered = bill(CURRENT, FunctionUsage.onDemand("f", X86, 128, 1_000_000, 3_200_000_000L));
        assertUsd("400000", covered.month().usage().onDemandGbSeconds());
        assertCents("0", "0", "0", "0", "0", "0", covered.month().costUsd());
        // One more millisecond is 0.000125 GB-s over: 0.000125 x $0.0000166667 = $0.0000000020833375.
        Bill over = bill(CURRENT, FunctionUsage.onDemand("f", X86, 128, 1_000_000, 3_200_000_001L));
        assertUsd("0.0000000020833375", over.month().exactUsd().compute());
    }

    @Test
    void twoSecondsAt512MbIsOneGbSecond() {
        Bill b = bill(CURRENT, FunctionUsage.onDemand("f", X86, 512, 1, 2_000));
        assertUsd("1", b.month().usage().onDemandGbSeconds());
    }

    @Test
    void theSameMonthInBothEras() {
        // The mobile backend under 2019 rounding: 120 ms is billed 200 ms.
        // 3M x 0.2 s = 600,000 s x 1.5 GB = 900,000 GB-s; - 400,000 = 500,000 x $0.00001667 (the
        // 2019 page's rate) = $8.335 -> $8.34; requests $0.40; total $8.74 (against $2.73 today).
        Bill b = bill(Y2019, monthOf("api", X86, 1536, 3_000_000, 120 * MS, BillingEra.Y2019));
        assertCents("0.40", "8.34", "0", "0", "0", "8.74", b.month().costUsd());
        assertTrue(b.explanation().get(0).contains("rounded up to 100 ms (at least 100 ms)"));
    }

    // ---- tiers and architectures -------------------------------------------------------------

    @Test
    void aMonthCrossingThe6BillionGbSecondTier() {
        // 640M requests x 1 s at 10,240 MB (10 GB) = 6,400,000,000 GB-s of x86_64.
        // Free tier off: 6,000,000,000 x $0.0000166667 = $100,000.20
        //              +   400,000,000 x $0.0000150000 =   $6,000.00  -> $106,000.20
        // Free tier on: billable 6,399,600,000: 6B x 0.0000166667 = $100,000.20
        //              + 399,600,000 x $0.000015 = $5,994.00 -> $105,994.20
        // Requests: 640M x $0.20/M = $128.00 (free tier off); 639M x $0.20/M = $127.80 (on).
        FunctionUsage f = FunctionUsage.onDemand("etl", X86, 10_240, 640_000_000, 640_000_000_000L);
        Bill off = bill(CURRENT.withFreeTier(false), f);
        assertCents("128.00", "106000.20", "0", "0", "0", "106128.20", off.month().costUsd());
        Bill on = bill(CURRENT, f);
        assertCents("127.80", "105994.20", "0", "0", "0", "106122.00", on.month().costUsd());
        assertTrue(on.explanation().contains(
                "  Monthly compute charges = 6,000,000,000 GB-s x $0.0000166667 + 399,600,000 GB-s x $0.0000150000"
                        + " = $105,994.20"), on.explanation()::toString);
    }

    @Test
    void arm64AcrossAllThreeTiers() {
        // 20,000,000,000 GB-s of arm64, free tier off:
        //   7,500,000,000 x $0.0000133334 = $100,000.50
        // 11,250,000,000 x $0.0000120001 = $135,001.125
        //  1,250,000,000 x $0.0000106667 =  $13,333.375   -> $248,335.00
        // 2B requests x 10 s at 1024 MB = 20B GB-s; requests 2,000M x $0.20/M = $400.00.
        FunctionUsage f = FunctionUsage.onDemand("batch", ARM, 1024, 2_000_000_000L, 20_000_000_000_000L);
        Bill b = bill(CURRENT.withFreeTier(false), f);
        assertCents("400.00", "248335.00", "0", "0", "0", "248735.00", b.month().costUsd());
    }

    @Test
    void arm64AgainstX86ForTheSameWork() {
        // The mobile backend on arm64: 140,000 billable GB-s x $0.0000133334 = $1.866676 -> $1.87;
        // requests $0.40; total $2.27 against $2.73 on x86_64 (20% less on duration).
        Bill arm = bill(CURRENT, monthOf("api", ARM, 1536, 3_000_000, 120 * MS, BillingEra.CURRENT));
        assertCents("0.40", "1.87", "0", "0", "0", "2.27", arm.month().costUsd());
    }

    @Test
    void theFreeTierIsSharedByBothArchitectures() {
        // x86 and arm64 functions of 300,000 GB-s each (1M requests each).
        // Requests: 2M - 1M free = 1M x $0.20/M = $0.20, credit shared 500,000 / 500,000.
        // GB-s credit 400,000 shared in proportion: 200,000 each.
        // x86: 100,000 x $0.0000166667 = $1.66667; arm: 100,000 x $0.0000133334 = $1.33334
        // compute = $3.00001 -> $3.00; total $3.20.
        FunctionUsage x = FunctionUsage.onDemand("x", X86, 1024, 1_000_000, 300_000_000L);
        FunctionUsage a = FunctionUsage.onDemand("a", ARM, 1024, 1_000_000, 300_000_000L);
        Bill b = bill(CURRENT, x, a);
        assertCents("0.20", "3.00", "0", "0", "0", "3.20", b.month().costUsd());
        assertUsd("3.00001", b.month().exactUsd().compute());
        assertUsd("200000", b.function("x").month().freeTier().gbSeconds());
        assertUsd("200000", b.function("a").month().freeTier().gbSeconds());
        assertUsd("1.66667", b.function("x").month().exactUsd().compute());
        assertUsd("1.33334", b.function("a").month().exactUsd().compute());
        assertUsd("0.10", b.function("x").month().exactUsd().requests());
    }

    @Test
    void regionsWithTheSameRatesBillTheSame() {
        FunctionUsage f = monthOf("api", X86, 1536, 3_000_000, 120 * MS, BillingEra.CURRENT);
        assertEquals(bill(CURRENT, f).month(), bill(CURRENT.withRegion("eu-west-1"), f).month());
    }

    // ---- provisioned concurrency ---------------------------------------------------------------

    @Test
    void provisionedConcurrencyIsRoundedUpTo5MinutesPerEnabledInterval() {
        long inc = BillingRules.get().provisionedIncrementMicros();
        // 60 min exactly: 10 x 3,600 s = 36,000 concurrency-seconds.
        assertUsd("36000", Billing.provisionedConcurrencySeconds(List.of(new ProvisionedInterval(10, 0, HOUR)), inc));
        // 61 min is billed as 65 min: 10 x 3,900 s = 39,000.
        assertUsd("39000", Billing.provisionedConcurrencySeconds(
                List.of(new ProvisionedInterval(10, 0, HOUR + MINUTE)), inc));
        // 1 us is billed as 5 min: 300.
        assertUsd("300", Billing.provisionedConcurrencySeconds(List.of(new ProvisionedInterval(1, 0, 1)), inc));
        // Two separate 1-minute intervals are two enabled spans: 5 min each, 600.
        assertUsd("600", Billing.provisionedConcurrencySeconds(List.of(new ProvisionedInterval(1, 0, MINUTE),
                new ProvisionedInterval(1, 10 * MINUTE, 11 * MINUTE)), inc));
        // Back-to-back levels are one span of 31 min, billed 35: 10 x 1,800 + 20 x 60 + 20 x 240 = 24,000.
        assertUsd("24000", Billing.provisionedConcurrencySeconds(List.of(new ProvisionedInterval(10, 0, 30 * MINUTE),
                new ProvisionedInterval(20, 30 * MINUTE, 31 * MINUTE)), inc));
    }

    @Test
    void provisionedChargeOf61MinutesIsThatOf65() {
        // 10 x 1 GB x 3,900 s = 39,000 GB-s x $0.0000041667 = $0.1625013 -> $0.16
        FunctionUsage f = new FunctionUsage("f", X86, 1024, 512, 0, 0, 0, 0,
                List.of(new ProvisionedInterval(10, 0, HOUR + MINUTE)), 0);
        Bill b = bill(CURRENT, f);
        assertUsd("39000", b.month().usage().provisionedConcurrencyGbSeconds());
        assertUsd("0.1625013", b.month().exactUsd().provisioned());
        assertCents("0", "0", "0.16", "0", "0", "0.16", b.month().costUsd());
    }

    @Test
    void theFreeTierNeverAppliesToProvisionedCharges() {
        // 1 x 1 GB configured for 730 h and 100,000 invocations of 1 s on it, far below the free tier.
        // Provisioned: 1 x 2,628,000 s = 2,628,000 GB-s x $0.0000041667 = $10.9500876 -> $10.95
        // Provisioned compute: 100,000 GB-s x $0.0000097222 = $0.97222 -> $0.97
        // Requests: 100,000 are within the 1M free requests: $0.
        FunctionUsage f = new FunctionUsage("f", X86, 1024, 512, 100_000, 100_000, 0, 100_000L * 1_000,
                List.of(new ProvisionedInterval(1, 0, MONTH)), 100_000L * 1_000);
        Bill on = bill(CURRENT, f);
        Bill off = bill(CURRENT.withFreeTier(false), f);
        assertCents("0", "0", "10.95", "0.97", "0", "11.92", on.month().costUsd());
        assertUsd("0", on.month().freeTier().gbSeconds());
        assertEquals(on.month().exactUsd().provisioned(), off.month().exactUsd().provisioned());
        assertEquals(on.month().exactUsd().provisionedCompute(), off.month().exactUsd().provisionedCompute());
        assertCents("0.02", "0", "10.95", "0.97", "0", "11.94", off.month().costUsd());
    }

    @Test
    void spilloverIsBilledOnDemandBesideProvisionedInvocations() {
        // 1024 MB, 2 configured for 730 h (5,256,000 GB-s x $0.0000041667 = $21.9001752 -> $21.90);
        // 1,500,000 requests, 1,000,000 on provisioned environments at 100 ms (100,000 GB-s
        // x $0.0000097222 = $0.97222 -> $0.97), 500,000 spilled over at 100 ms (50,000 GB-s, within
        // the free tier: $0); requests 1.5M - 1M = 500,000 x $0.20/M = $0.10. Total $22.97.
        FunctionUsage f = new FunctionUsage("f", X86, 1024, 512, 1_500_000, 1_000_000, 500_000L * 100,
                1_000_000L * 100, List.of(new ProvisionedInterval(2, 0, MONTH)), 1_500_000L * 100);
        Bill b = bill(CURRENT, f);
        assertCents("0.10", "0", "21.90", "0.97", "0", "22.97", b.month().costUsd());
        assertUsd("50000", b.month().freeTier().gbSeconds());
    }

    // ---- ephemeral storage ----------------------------------------------------------------------

    @Test
    void ephemeralStorageIsChargedAbove512MbOnly() {
        // 1M invocations of 1 s = 1,000,000 s.
        // 512 MB: nothing. 2048 MB: (2048 - 512) / 1024 = 1.5 GB x 1,000,000 s = 1,500,000 GB-s
        // x $0.0000000309 = $0.04635 -> $0.05. 10,240 MB: 9.5 GB -> 9,500,000 GB-s x $0.0000000309
        // = $0.29355 -> $0.29.
        assertUsd("0", bill(CURRENT, ephemeral(512)).month().exactUsd().ephemeralStorage());
        Bill b2048 = bill(CURRENT, ephemeral(2048));
        assertUsd("1500000", b2048.month().usage().ephemeralStorageGbSeconds());
        assertUsd("0.04635", b2048.month().exactUsd().ephemeralStorage());
        assertUsd("0.05", b2048.month().costUsd().ephemeralStorage());
        assertUsd("0.29", bill(CURRENT, ephemeral(10_240)).month().costUsd().ephemeralStorage());
        // The free tier does not cover it either.
        assertUsd("0.04635", bill(CURRENT, ephemeral(2048)).month().exactUsd().ephemeralStorage());
    }

    private static FunctionUsage ephemeral(int mb) {
        return new FunctionUsage("f", X86, 128, mb, 1_000_000, 0, 1_000_000_000L, 0, List.of(), 1_000_000_000L);
    }

    // ---- month, period, pro-rating ----------------------------------------------------------------

    @Test
    void aThirtyDayPeriodWithAThirtyDayMonthIsBilledExactlyAsThatMonth() {
        BillingSpec thirtyDays = CURRENT.withMonthMicros(30 * DAY);
        FunctionUsage f = new FunctionUsage("f", X86, 1536, 2048, 5_000_000, 1_000_000, 4_000_000L * 123,
                1_000_000L * 80, List.of(new ProvisionedInterval(3, 0, 30 * DAY)), 5_000_000L * 110);
        Bill b = Billing.bill(List.of(f), 30 * DAY, thirtyDays);
        assertEquals(b.month().exactUsd(), b.period().exactUsd());
        assertEquals(b.month().costUsd(), b.period().costUsd());
        assertEquals(b.month().freeTier(), b.period().freeTier());
        // And the month is the usage as given: 4M x 123 ms = 492,000 s x 1.5 GB = 738,000 GB-s.
        assertUsd("738000", b.month().usage().onDemandGbSeconds());
    }

    @Test
    void aOneHourRunIsProjectedToTheMonthAndProRatedBack() {
        // In 1 hour: 10,000 requests of 100 ms at 1024 MB = 1,000 GB-s.
        // Month (x 730): 7,300,000 requests, 730,000 GB-s.
        //   requests: 6,300,000 x $0.20/M = $1.26
        //   compute: 330,000 x $0.0000166667 = $5.500011 -> $5.50; total $6.76
        // Period (x 1/730): requests $1.26 / 730 = $0.0017260274 -> $0.00;
        //   compute $5.500011 / 730 = $0.0075342616 -> $0.01; total $0.01.
        // The free tier credited in the period is 1,000,000 / 730 requests and 400,000 / 730 GB-s.
        FunctionUsage f = FunctionUsage.onDemand("f", X86, 1024, 10_000, 10_000L * 100);
        Bill b = Billing.bill(List.of(f), HOUR, CURRENT);
        assertCents("1.26", "5.50", "0", "0", "0", "6.76", b.month().costUsd());
        assertUsd("7300000", b.month().usage().requests());
        assertCents("0.00", "0.01", "0", "0", "0", "0.01", b.period().costUsd());
        BigDecimal perHour = new BigDecimal("5.500011").divide(new BigDecimal("730"), Billing.MC);
        assertUsd(perHour.toPlainString(), b.period().exactUsd().compute());
        assertUsd("1000", b.period().usage().onDemandGbSeconds());
        assertUsd(new BigDecimal("400000").divide(new BigDecimal("730"), Billing.MC).toPlainString(),
                b.period().freeTier().gbSeconds());
        assertTrue(b.explanation().contains("Month = the 1 h period's usage x 730 h / 1 h (a 730 h billing month)."),
                b.explanation()::toString);
    }

    @Test
    void withoutTheFreeTierAPeriodCostsItsUsageAtList() {
        // Pro-rating without free tier or tiers is exact: 10,000 x $0.0000002 = $0.002;
        // 1,000 GB-s x $0.0000166667 = $0.0166667.
        FunctionUsage f = FunctionUsage.onDemand("f", X86, 1024, 10_000, 10_000L * 100);
        Bill b = Billing.bill(List.of(f), HOUR, CURRENT.withFreeTier(false));
        assertUsd("0.002", b.period().exactUsd().requests());
        assertUsd("0.0166667", b.period().exactUsd().compute());
    }

    // ---- functions add up to the account ----------------------------------------------------------

    @Test
    void functionChargesAddUpToTheAccountExactlyAndInCents() {
        // Three functions of 25,000 requests each, free tier off: each $0.005 of requests, the
        // account $0.015 -> $0.02. Rounding each function alone would give $0.01 x 3 = $0.03; the
        // cents are shared by largest remainder instead: $0.01 + $0.01 + $0.00.
        BillingSpec noFree = CURRENT.withFreeTier(false);
        List<FunctionUsage> usage = List.of(
                FunctionUsage.onDemand("a", X86, 128, 25_000, 0),
                FunctionUsage.onDemand("b", X86, 128, 25_000, 0),
                FunctionUsage.onDemand("c", X86, 128, 25_000, 0));
        Bill b = Billing.bill(usage, MONTH, noFree);
        assertUsd("0.02", b.month().costUsd().requests());
        BigDecimal cents = BigDecimal.ZERO;
        for (FunctionBill f : b.functions()) {
            cents = cents.add(f.month().costUsd().requests());
        }
        assertUsd("0.02", cents);
    }

    @Test
    void freeTierAndTierChargesAreSharedInProportion() {
        // 3M and 1M requests of 1 s at 1024 MB: 3,000,000 and 1,000,000 GB-s of x86_64.
        // Request credit 1M: 750,000 and 250,000. GB-s credit 400,000: 300,000 and 100,000.
        // Compute: 3,600,000 x $0.0000166667 = $60.00012, shared 3:1 = $45.00009 and $15.00003.
        FunctionUsage big = FunctionUsage.onDemand("big", X86, 1024, 3_000_000, 3_000_000_000L);
        FunctionUsage small = FunctionUsage.onDemand("small", X86, 1024, 1_000_000, 1_000_000_000L);
        Bill b = bill(CURRENT, big, small);
        assertUsd("750000", b.function("big").month().freeTier().requests());
        assertUsd("250000", b.function("small").month().freeTier().requests());
        assertUsd("300000", b.function("big").month().freeTier().gbSeconds());
        assertUsd("45.00009", b.function("big").month().exactUsd().compute());
        assertUsd("15.00003", b.function("small").month().exactUsd().compute());
        assertUsd("60.00012", b.month().exactUsd().compute());
        BigDecimal total = b.function("big").month().costUsd().total().add(b.function("small").month().costUsd().total());
        assertUsd(b.month().costUsd().total().toPlainString(), total);
        BigDecimal periodTotal = b.function("big").period().exactUsd().total()
                .add(b.function("small").period().exactUsd().total());
        assertUsd(b.period().exactUsd().total().toPlainString(), periodTotal);
    }

    @Test
    void badUsageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Billing.bill(List.of(), 0, CURRENT));
        FunctionUsage f = FunctionUsage.onDemand("f", X86, 128, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> Billing.bill(List.of(f, f), HOUR, CURRENT));
        assertThrows(IllegalArgumentException.class, () -> FunctionUsage.onDemand("f", X86, 128, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FunctionUsage("f", X86, 128, 512, 1, 2, 0, 0,
                List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new FunctionUsage("f", X86, 128, 512, 0, 0, 0, 0,
                List.of(new ProvisionedInterval(1, 0, HOUR), new ProvisionedInterval(1, MINUTE, 2 * HOUR)), 0));
    }

    @Test
    void noUsageCostsNothing() {
        Bill b = Billing.bill(List.of(), HOUR, CURRENT);
        assertCents("0", "0", "0", "0", "0", "0", b.month().costUsd());
        assertCents("0", "0", "0", "0", "0", "0", b.period().costUsd());
    }
}
