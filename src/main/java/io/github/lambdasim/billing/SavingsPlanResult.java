package io.github.lambdasim.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a Compute Savings Plan applied to a run, hour by hour, and its totals for the run and the
 * month (the run's hours repeated: each total x month / run).
 *
 * @param plan  the plan
 * @param hours each hour of the run (the last may be shorter)
 * @param run   the run's totals
 * @param month the totals projected to the billing month
 */
public record SavingsPlanResult(SavingsPlanSpec plan, List<Hour> hours, Totals run, Totals month) {
    public SavingsPlanResult {
        hours = List.copyOf(hours);
    }

    /**
     * One hour of the plan, in USD.
     *
     * @param startMicros  when the hour starts in the run
     * @param lengthMicros its length (an hour, or less for the run's last)
     * @param eligibleUsd  the hour's eligible charges at on-demand rates (duration, provisioned), after the free tier
     * @param commitmentUsd the commitment of the hour (pro-rated for a shorter last hour), charged whatever happens
     * @param usedUsd      the commitment used: covered charges at the plan's rates
     * @param coveredUsd   the eligible charges the commitment covered, at on-demand rates
     * @param overflowUsd  eligible charges beyond the commitment, billed on demand
     */
    public record Hour(long startMicros, long lengthMicros, BigDecimal eligibleUsd, BigDecimal commitmentUsd,
                       BigDecimal usedUsd, BigDecimal coveredUsd, BigDecimal overflowUsd) {
        public BigDecimal unusedUsd() {
            return commitmentUsd.subtract(usedUsd);
        }
    }

    /**
     * Totals over hours, exact.
     *
     * @param eligibleUsd   eligible charges at on-demand rates (what they cost without a plan)
     * @param commitmentUsd the commitment charged
     * @param usedUsd       of it, used
     * @param overflowUsd   eligible charges beyond the commitment, billed on demand
     */
    public record Totals(BigDecimal eligibleUsd, BigDecimal commitmentUsd, BigDecimal usedUsd, BigDecimal coveredUsd,
                         BigDecimal overflowUsd) {
        public BigDecimal unusedUsd() {
            return commitmentUsd.subtract(usedUsd);
        }

        /** What eligible usage costs with the plan: the commitment and the overflow. */
        public BigDecimal withPlanUsd() {
            return commitmentUsd.add(overflowUsd);
        }

        /** What the plan saves against on-demand (negative: it costs more than it saves). */
        public BigDecimal savingUsd() {
            return eligibleUsd.subtract(withPlanUsd());
        }

        /** The bill's adjustment: commitment charged less the on-demand charges it covered. */
        public BigDecimal adjustmentUsd() {
            return commitmentUsd.subtract(coveredUsd);
        }
    }
}
