package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lambdasim.billing.SavingsPlanResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run on a Compute Savings Plan: the hour-by-hour plan is applied to the run's own charges and
 * its month is the run's hours repeated, computed by hand; the bill's line adds up in every
 * period of metrics.csv (--check's invariants hold).
 */
class SavingsPlanRunTest {
    private static final String SCENARIO = """
            name: plan
            duration: 3h
            seed: 1
            functions:
              - name: api
                memorySize: 1024
                coldStart: {constant: 0ms}
                handler: {duration: {constant: 1s}}
            traffic:
              - {function: api, constant: {rate: 1/s}}
            billing: {freeTier: false, savingsPlan: {commitmentPerHour: 0.05, discount: 0.17}}
            """;

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void aSteadyHourIsAllCoveredAndTheMonthRepeatsTheRun() {
        RunResult r = Scenarios.run(Scenarios.parse(SCENARIO), 0);
        // 10,799 invocations of 1 s at 1 GB end in the 3 h (the last one runs past the end):
        // 10,799 GB-s x $0.0000166667 = $0.1799836933 of eligible charges, about $0.06 an hour;
        // the $0.05 commitment covers 0.05 / 0.83 = $0.0602 an hour: all of it. The run:
        // commitment 3 x $0.05 = $0.15. Month (730 h / 3 h): eligible $43.796032, commitment
        // $36.50, the bill's line 36.50 - 43.796032 -> -$7.30; compute $43.80; requests 10,799 x
        // 730 / 3 x $0.20 per million = $0.5256 -> $0.53; total 43.80 + 0.53 - 7.30 = $37.03.
        assertEquals(10_799, r.functions().get(0).invocations());
        SavingsPlanResult p = r.bill().savingsPlan();
        assertEquals(3, p.hours().size());
        assertUsd("0.15", p.run().commitmentUsd());
        assertEquals(0, p.run().overflowUsd().signum());
        // The hours' shares are doubles: exact to far below a cent.
        assertEquals(0.1799836933, p.run().eligibleUsd().doubleValue(), 1e-9);
        assertEquals(43.796032, p.month().eligibleUsd().doubleValue(), 1e-6);
        assertUsd("36.50", p.month().commitmentUsd());
        assertUsd("-7.30", r.bill().month().costUsd().savingsPlan());
        assertUsd("37.03", r.bill().month().costUsd().total());
        assertEquals(List.of(), Invariants.check(r));
    }

    @Test
    void withoutAPlanTheBillHasNoPlanLine() {
        RunResult r = Scenarios.run(Scenarios.parse(SCENARIO.replace(
                ", savingsPlan: {commitmentPerHour: 0.05, discount: 0.17}", "")), 0);
        assertEquals(null, r.bill().savingsPlan());
        assertUsd("44.33", r.bill().month().costUsd().total()); // 43.80 compute + 0.53 requests
    }
}
