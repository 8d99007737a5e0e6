package io.github.lambdasim.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.billing.SavingsPlanResult.Hour;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Compute Savings Plan applied hour by hour, computed by hand (shared/LAMBDA-FACTS.md; AWS
 * "How Savings Plans apply to your usage"): the commitment is USD an hour at the plan's rates,
 * on-demand x (1 - discount); eligible charges are covered at that rate until the commitment is
 * used up, the rest is billed on demand, and unused commitment is charged anyway. With $0.83 an
 * hour at 17% off, the commitment covers $0.83 / 0.83 = $1.00 of on-demand charges an hour.
 */
class SavingsPlanTest {
    private static final long HOUR = 3_600_000_000L;
    private static final SavingsPlanSpec PLAN = new SavingsPlanSpec(new BigDecimal("0.83"), new BigDecimal("0.17"));

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void anHourUnderTheCommitment() {
        // $0.60 of charges: all covered, at 0.60 x 0.83 = $0.498 of commitment; $0.332 unused,
        // charged anyway; no overflow. With the plan the hour costs $0.83, $0.23 more than on demand.
        Hour h = SavingsPlans.hour(PLAN, 0, HOUR, new BigDecimal("0.60"));
        assertUsd("0.60", h.coveredUsd());
        assertUsd("0.498", h.usedUsd());
        assertUsd("0.332", h.unusedUsd());
        assertUsd("0", h.overflowUsd());
        assertUsd("0.83", h.commitmentUsd());
    }

    @Test
    void anHourAtTheCommitment() {
        // $1.00: all covered, the whole $0.83 used, nothing unused or over: saves $0.17 (17%).
        Hour h = SavingsPlans.hour(PLAN, 0, HOUR, new BigDecimal("1.00"));
        assertUsd("1.00", h.coveredUsd());
        assertUsd("0.83", h.usedUsd());
        assertUsd("0", h.unusedUsd());
        assertUsd("0", h.overflowUsd());
    }

    @Test
    void anHourOverTheCommitment() {
        // $1.50: $1.00 covered for the $0.83; $0.50 billed on demand; $1.33 in all, saving $0.17.
        Hour h = SavingsPlans.hour(PLAN, 0, HOUR, new BigDecimal("1.50"));
        assertUsd("1.00", h.coveredUsd());
        assertUsd("0.83", h.usedUsd());
        assertUsd("0.50", h.overflowUsd());
    }

    @Test
    void aShorterLastHourCommitsItsShare() {
        // 30 minutes: $0.415 committed, covering $0.50 of on-demand charges.
        Hour h = SavingsPlans.hour(PLAN, 0, HOUR / 2, new BigDecimal("0.80"));
        assertUsd("0.415", h.commitmentUsd());
        assertUsd("0.50", h.coveredUsd());
        assertUsd("0.30", h.overflowUsd());
    }

    @Test
    void theThreeHoursMakeABillWhoseMonthRepeatsThem() {
        // A 3 h run, free tier off. Eligible charges per hour come in as the run's shares:
        // 0.60, 1.00 and 1.50 (as above). The run: commitment 3 x 0.83 = $2.49; covered 0.60 +
        // 1.00 + 1.00 = $2.60; overflow $0.50; with the plan $2.99 against $3.10 on demand, saving
        // $0.11; the bill's line: 2.49 - 2.60 = -$0.11. Month (730 h / 3 h): x 243.333...:
        // -$0.11 x 730 / 3 = -$26.766... -> -$26.77.
        FunctionUsage u = FunctionUsage.onDemand("api", Architecture.X86_64, 1024, 1_000, 1_000);
        BillingSpec spec = BillingSpec.defaults().withFreeTier(false).withSavingsPlan(PLAN);
        Bill before = Billing.bill(List.of(u), 3 * HOUR, spec);
        Bill b = SavingsPlans.apply(before, new double[][] {{0.60, 1.00, 1.50}}, new long[] {0, HOUR, 2 * HOUR},
                new long[] {HOUR, HOUR, HOUR});
        SavingsPlanResult r = b.savingsPlan();
        assertUsd("2.49", r.run().commitmentUsd());
        assertUsd("2.60", r.run().coveredUsd());
        assertUsd("0.50", r.run().overflowUsd());
        assertUsd("2.99", r.run().withPlanUsd());
        assertUsd("0.11", r.run().savingUsd());
        assertUsd("-0.11", b.period().exactUsd().savingsPlan());
        assertUsd("-26.77", b.month().costUsd().savingsPlan());
        // The rest of the bill is as it was, and the total takes the plan's line.
        assertUsd(before.month().costUsd().total().subtract(new BigDecimal("26.77")).toPlainString(),
                b.month().costUsd().total());
        assertTrue(b.explanation().stream().anyMatch(l -> l.startsWith("Total monthly charges with the plan = ")),
                b.explanation()::toString);
    }

    @Test
    void anHourWithoutUsageChargesItsCommitment() {
        // Two functions; hour 2 has no eligible charges: its $0.83 is all unused and charged,
        // shared by the run's eligible charges (3:1 here): api +$0.6225, job +$0.2075. Hours 0-1:
        // api $0.75 + job $0.25 = $1.00 each, all covered for the $0.83: -$0.17 each hour, shared
        // 3:1 (api -$0.1275, job -$0.0425). The run's line: 0.83 - 2 x 0.17 = +$0.49; api 0.6225 -
        // 0.255 = $0.3675, job 0.2075 - 0.085 = $0.1225.
        BillingSpec spec = BillingSpec.defaults().withFreeTier(false).withSavingsPlan(PLAN);
        Bill before = Billing.bill(List.of(FunctionUsage.onDemand("api", Architecture.X86_64, 128, 10, 10),
                FunctionUsage.onDemand("job", Architecture.X86_64, 128, 10, 10)), 3 * HOUR, spec);
        Bill b = SavingsPlans.apply(before, new double[][] {{0.75, 0.75, 0}, {0.25, 0.25, 0}},
                new long[] {0, HOUR, 2 * HOUR}, new long[] {HOUR, HOUR, HOUR});
        assertUsd("0.49", b.period().exactUsd().savingsPlan());
        assertUsd("0.3675", b.function("api").period().exactUsd().savingsPlan());
        assertUsd("0.1225", b.function("job").period().exactUsd().savingsPlan());
        assertUsd("0.83", b.savingsPlan().run().unusedUsd());
    }
}
