package io.github.lambdasim.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Billed duration of one invocation follows each era's published rounding: up to 1 ms with no
 * minimum today, up to 100 ms with a 100 ms minimum in 2019; INIT is billed as each era did; and
 * the per-invocation call allocates nothing.
 */
class BillingEraTest {
    private static final BillingEra CURRENT = BillingEra.CURRENT;
    private static final BillingEra Y2019 = BillingEra.Y2019;

    @Test
    void theSeedArticles230msIsBilledAs300msUnder2019Rounding() {
        assertEquals(300, BillingEra.billedDurationMs(230_000, Y2019));
        assertEquals(230, BillingEra.billedDurationMs(230_000, CURRENT));
    }

    @Test
    void currentRoundsUpToTheMillisecondWithNoMinimum() {
        assertEquals(231, BillingEra.billedDurationMs(230_400, CURRENT)); // 230.4 ms
        assertEquals(1, BillingEra.billedDurationMs(1, CURRENT));         // 1 us
        assertEquals(0, BillingEra.billedDurationMs(0, CURRENT));         // "no minimum execution time"
        assertEquals(120, BillingEra.billedDurationMs(120_000, CURRENT)); // exact stays exact
    }

    @Test
    void era2019RoundsUpTo100msWithA100msMinimum() {
        assertEquals(100, BillingEra.billedDurationMs(0, Y2019));
        assertEquals(100, BillingEra.billedDurationMs(1, Y2019));
        assertEquals(100, BillingEra.billedDurationMs(100_000, Y2019));
        assertEquals(200, BillingEra.billedDurationMs(100_001, Y2019));
    }

    @Test
    void theAwsBlogsReportLinesOfDecember2020() {
        // "Duration: 27.40 ms Billed Duration: 100 ms" before, "Duration: 27.55 ms Billed Duration: 28 ms" after.
        assertEquals(100, BillingEra.billedDurationMs(27_400, Y2019));
        assertEquals(28, BillingEra.billedDurationMs(27_550, CURRENT));
    }

    @Test
    void initIsBilledAsEachEraBilledIt() {
        assertTrue(CURRENT.billsOnDemandInit(true));
        assertTrue(CURRENT.billsOnDemandInit(false));
        assertFalse(Y2019.billsOnDemandInit(true));
        assertTrue(Y2019.billsOnDemandInit(false));
        // INIT 158.63 ms + handler 1.70 ms = 160.33 ms, rounded together.
        assertEquals(161, BillingEra.billedInvocationMs(158_630, 1_700, true, CURRENT));
        assertEquals(200, BillingEra.billedInvocationMs(158_630, 1_700, false, Y2019));
        assertEquals(100, BillingEra.billedInvocationMs(158_630, 1_700, true, Y2019)); // handler only
    }

    @Test
    void the2019EraBillsX86DurationAtTheLegacyPagesPrintedPriceWithoutTiers() {
        // billing.yaml: the 2019 pricing page printed and computed with $0.00001667 per GB-s, one
        // flat price (tiers came in 2022); arm64 (Sept 2021) and every other price keep the table.
        RegionPrices table = BillingRules.get().region("us-east-1");
        RegionPrices then = Y2019.prices(table);
        assertEquals(List.of(new DurationTier(null, new BigDecimal("0.00001667"))),
                then.prices(Architecture.X86_64).durationTiers());
        assertEquals(table.prices(Architecture.ARM64), then.prices(Architecture.ARM64));
        assertEquals(table.prices(Architecture.X86_64).provisionedDurationUsdPerGbSecond(),
                then.prices(Architecture.X86_64).provisionedDurationUsdPerGbSecond());
        assertEquals(table, CURRENT.prices(table));
    }

    @Test
    void negativeDurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BillingEra.billedDurationMs(-1, CURRENT));
    }

    @Test
    void labels() {
        assertEquals(CURRENT, BillingEra.named("current"));
        assertEquals(Y2019, BillingEra.named("2019"));
        assertNull(BillingEra.named("2014"));
    }

    @Test
    void billedDurationAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        long sum = 0;
        for (int i = 0; i < 200_000; i++) { // warm up
            sum += BillingEra.billedDurationMs(i * 7L, (i & 1) == 0 ? CURRENT : Y2019);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1_000_000; i++) {
            sum += BillingEra.billedDurationMs(i * 13L, (i & 1) == 0 ? CURRENT : Y2019);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(sum > 0);
        assertTrue(allocated < 1_000, "allocated " + allocated + " bytes for 1M calls");
    }
}
