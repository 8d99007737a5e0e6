package io.github.lambdasim.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What Lambda charges for a period's usage: the monthly projection ({@code month}) and the
 * period's share of it ({@code period}), for the account and for each function, with the lines
 * that explain the arithmetic. Function figures add up to the account's, exactly and in cents.
 *
 * @param spec         how it was billed
 * @param periodMicros the length of the period the usage was measured over
 * @param month        the month: the period's usage scaled to the month, free tier and tiers applied
 * @param period       the period: the month pro-rated by period / month
 * @param functions    the same two estimates per function, in the order of the usage given
 * @param explanation  the monthly arithmetic, line by line, in the style of AWS's worked examples
 * @param savingsPlan  how a Compute Savings Plan applied, hour by hour; null without one
 */
public record Bill(BillingSpec spec, long periodMicros, Estimate month, Estimate period,
                   List<FunctionBill> functions, List<String> explanation, SavingsPlanResult savingsPlan) {
    public Bill {
        functions = List.copyOf(functions);
        explanation = List.copyOf(explanation);
    }

    /** A bill without a savings plan. */
    public Bill(BillingSpec spec, long periodMicros, Estimate month, Estimate period, List<FunctionBill> functions,
                List<String> explanation) {
        this(spec, periodMicros, month, period, functions, explanation, null);
    }

    /** The bill of one function, or null when there is none of that name. */
    public FunctionBill function(String functionName) {
        for (FunctionBill f : functions) {
            if (f.functionName().equals(functionName)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The charges of an estimate in USD.
     *
     * @param requests           request charges
     * @param compute            on-demand duration (GB-s) charges, tiers and free tier applied
     * @param provisioned        provisioned concurrency configured, while enabled
     * @param provisionedCompute duration of invocations served by provisioned environments
     * @param ephemeralStorage   ephemeral storage above the included 512 MB
     * @param frontDoor          requests through the service in front of a function (API Gateway)
     * @param snapStart          SnapStart's cache and restores (Python and .NET functions)
     * @param savingsPlan        a Compute Savings Plan's commitment less the on-demand charges it
     *                           covered: negative when it saves money (0 without a plan)
     * @param total              the sum of the above
     */
    public record Charges(BigDecimal requests, BigDecimal compute, BigDecimal provisioned,
                          BigDecimal provisionedCompute, BigDecimal ephemeralStorage, BigDecimal frontDoor,
                          BigDecimal snapStart, BigDecimal savingsPlan, BigDecimal total) {
        public static final Charges ZERO = of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);

        public Charges {
            Objects.requireNonNull(requests);
            Objects.requireNonNull(compute);
            Objects.requireNonNull(provisioned);
            Objects.requireNonNull(provisionedCompute);
            Objects.requireNonNull(ephemeralStorage);
            Objects.requireNonNull(frontDoor);
            Objects.requireNonNull(snapStart);
            Objects.requireNonNull(savingsPlan);
            Objects.requireNonNull(total);
        }

        /** Lambda's charges (no front door) whose total is the sum of the components. */
        public static Charges of(BigDecimal requests, BigDecimal compute, BigDecimal provisioned,
                                 BigDecimal provisionedCompute, BigDecimal ephemeralStorage) {
            return of(requests, compute, provisioned, provisionedCompute, ephemeralStorage, BigDecimal.ZERO);
        }

        /** Charges whose total is the sum of the components. */
        public static Charges of(BigDecimal requests, BigDecimal compute, BigDecimal provisioned,
                                 BigDecimal provisionedCompute, BigDecimal ephemeralStorage, BigDecimal frontDoor) {
            return of(requests, compute, provisioned, provisionedCompute, ephemeralStorage, frontDoor, BigDecimal.ZERO);
        }

        /** Charges whose total is the sum of the components, a savings plan's included. */
        public static Charges of(BigDecimal requests, BigDecimal compute, BigDecimal provisioned,
                                 BigDecimal provisionedCompute, BigDecimal ephemeralStorage, BigDecimal frontDoor,
                                 BigDecimal savingsPlan) {
            return of(requests, compute, provisioned, provisionedCompute, ephemeralStorage, frontDoor, BigDecimal.ZERO,
                    savingsPlan);
        }

        /** Charges whose total is the sum of the components, SnapStart's and a savings plan's included. */
        public static Charges of(BigDecimal requests, BigDecimal compute, BigDecimal provisioned,
                                 BigDecimal provisionedCompute, BigDecimal ephemeralStorage, BigDecimal frontDoor,
                                 BigDecimal snapStart, BigDecimal savingsPlan) {
            return new Charges(requests, compute, provisioned, provisionedCompute, ephemeralStorage, frontDoor,
                    snapStart, savingsPlan, requests.add(compute).add(provisioned).add(provisionedCompute)
                    .add(ephemeralStorage).add(frontDoor).add(snapStart).add(savingsPlan));
        }

        /** These charges with a savings plan's adjustment. */
        public Charges withSavingsPlan(BigDecimal adjustment) {
            return of(requests, compute, provisioned, provisionedCompute, ephemeralStorage, frontDoor, snapStart,
                    adjustment);
        }

        /** Each component rounded to cents (half up), as AWS's estimates do, and their sum. */
        public Charges roundedToCents() {
            return of(cents(requests), cents(compute), cents(provisioned), cents(provisionedCompute),
                    cents(ephemeralStorage), cents(frontDoor), cents(snapStart), cents(savingsPlan));
        }

        /**
         * The components in order: requests, compute, provisioned, provisionedCompute,
         * ephemeralStorage, frontDoor, snapStart, savingsPlan (the order of {@link Charge}).
         */
        public BigDecimal[] components() {
            return new BigDecimal[] {requests, compute, provisioned, provisionedCompute, ephemeralStorage, frontDoor,
                snapStart, savingsPlan};
        }

        static Charges ofComponents(BigDecimal[] c) {
            return of(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
        }

        static BigDecimal cents(BigDecimal usd) {
            return usd.setScale(2, RoundingMode.HALF_UP);
        }
    }

    /**
     * The free tier's part of an estimate.
     *
     * @param requests   requests credited
     * @param gbSeconds  on-demand GB-seconds credited
     * @param savedUsd   what the free tier took off the charges (exact)
     */
    public record FreeTierCredit(BigDecimal requests, BigDecimal gbSeconds, BigDecimal savedUsd) {
        public static final FreeTierCredit NONE = new FreeTierCredit(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public BigDecimal savedUsdCents() {
            return Charges.cents(savedUsd);
        }
    }

    /**
     * The quantities an estimate charges for.
     *
     * @param requests                         all requests
     * @param provisionedRequests              requests served by provisioned environments
     * @param onDemandGbSeconds                billed duration on on-demand environments x memory
     * @param provisionedConcurrencyGbSeconds  configured concurrency x memory x enabled time (rounded up to 5 min)
     * @param provisionedGbSeconds             billed duration on provisioned environments x memory
     * @param ephemeralStorageGbSeconds        billed duration x ephemeral storage above the included amount
     * @param frontDoorRequests                requests through a front door (API Gateway, function URL, ALB)
     */
    public record Usage(BigDecimal requests, BigDecimal provisionedRequests, BigDecimal onDemandGbSeconds,
                        BigDecimal provisionedConcurrencyGbSeconds, BigDecimal provisionedGbSeconds,
                        BigDecimal ephemeralStorageGbSeconds, BigDecimal frontDoorRequests) {
    }

    /**
     * One estimate (the month or the period).
     *
     * @param usage     what is charged for
     * @param exactUsd  the charges before rounding
     * @param costUsd   the charges as AWS's estimates state them: each component rounded to cents,
     *                  the total their sum
     * @param freeTier  the free tier credited (zero when it is off)
     */
    public record Estimate(Usage usage, Charges exactUsd, Charges costUsd, FreeTierCredit freeTier) {
    }

    /** The estimates of one function: its share of the account's bill. */
    public record FunctionBill(String functionName, Architecture architecture, Estimate month, Estimate period) {
    }
}
