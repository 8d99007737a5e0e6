package io.github.lambdasim.billing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one function used in a period, in the units Lambda bills: the input of {@link Billing#bill}.
 * A simulation adds each invocation's {@link BillingEra#billedDurationMs billed milliseconds} to
 * {@code onDemandBilledMs} or {@code provisionedBilledMs}; sums keep this exact.
 *
 * @param functionName             as configured
 * @param architecture             sets the prices
 * @param memoryMb                 configured memory
 * @param ephemeralStorageMb       configured ephemeral storage (512 MB is included)
 * @param requests                 all invocations billed as requests, on-demand and provisioned
 * @param provisionedRequests      of {@code requests}, those served by provisioned environments
 * @param onDemandBilledMs         sum of billed ms on on-demand environments (spillover included),
 *                                 with billed INIT where the era bills it
 * @param provisionedBilledMs      sum of billed ms of invocations served by provisioned environments
 * @param provisionedConcurrency   the intervals provisioned concurrency was configured (enabled)
 * @param ephemeralStorageBilledMs billed ms the ephemeral storage is charged for (usually
 *                                 {@code onDemandBilledMs + provisionedBilledMs})
 * @param frontDoor                the service in front of the function, or null when there is none
 * @param frontDoorRequests        requests that came through it (each billed by it, throttled or not)
 * @param snapStartRestores        snapshots restored by a function whose SnapStart is charged (Python,
 *                                 .NET): its version's cache is charged for the whole period too; -1
 *                                 for a function whose SnapStart is not charged (Java) or is off
 */
public record FunctionUsage(String functionName, Architecture architecture, int memoryMb, int ephemeralStorageMb,
                            long requests, long provisionedRequests, long onDemandBilledMs,
                            long provisionedBilledMs, List<ProvisionedInterval> provisionedConcurrency,
                            long ephemeralStorageBilledMs, FrontDoor frontDoor, long frontDoorRequests,
                            long snapStartRestores) {
    public FunctionUsage {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(architecture, "architecture");
        if (memoryMb <= 0) {
            throw new IllegalArgumentException(functionName + ": memory " + memoryMb + " MB is not positive");
        }
        if (ephemeralStorageMb < 0) {
            throw new IllegalArgumentException(functionName + ": ephemeral storage " + ephemeralStorageMb
                    + " MB is negative");
        }
        if (requests < 0 || provisionedRequests < 0 || onDemandBilledMs < 0 || provisionedBilledMs < 0
                || ephemeralStorageBilledMs < 0) {
            throw new IllegalArgumentException(functionName + ": usage counts must not be negative");
        }
        if (frontDoorRequests < 0 || (frontDoor == null && frontDoorRequests > 0)) {
            throw new IllegalArgumentException(functionName + ": " + frontDoorRequests
                    + " front-door requests " + (frontDoor == null ? "without a front door" : "is negative"));
        }
        if (provisionedRequests > requests) {
            throw new IllegalArgumentException(functionName + ": " + provisionedRequests
                    + " provisioned requests is more than the " + requests + " requests in all");
        }
        List<ProvisionedInterval> sorted = new ArrayList<>(provisionedConcurrency);
        sorted.sort(Comparator.comparingLong(ProvisionedInterval::startMicros));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startMicros() < sorted.get(i - 1).endMicros()) {
                throw new IllegalArgumentException(functionName + ": provisioned concurrency intervals overlap");
            }
        }
        provisionedConcurrency = List.copyOf(sorted);
    }

    /** Usage of a function without charged SnapStart. */
    public FunctionUsage(String functionName, Architecture architecture, int memoryMb, int ephemeralStorageMb,
                         long requests, long provisionedRequests, long onDemandBilledMs, long provisionedBilledMs,
                         List<ProvisionedInterval> provisionedConcurrency, long ephemeralStorageBilledMs,
                         FrontDoor frontDoor, long frontDoorRequests) {
        this(functionName, architecture, memoryMb, ephemeralStorageMb, requests, provisionedRequests, onDemandBilledMs,
                provisionedBilledMs, provisionedConcurrency, ephemeralStorageBilledMs, frontDoor, frontDoorRequests, -1);
    }

    /** The same usage with a charged SnapStart that restored {@code restores} snapshots. */
    public FunctionUsage withSnapStart(long restores) {
        return new FunctionUsage(functionName, architecture, memoryMb, ephemeralStorageMb, requests, provisionedRequests,
                onDemandBilledMs, provisionedBilledMs, provisionedConcurrency, ephemeralStorageBilledMs, frontDoor,
                frontDoorRequests, restores);
    }

    /** Usage of a function without a front door. */
    public FunctionUsage(String functionName, Architecture architecture, int memoryMb, int ephemeralStorageMb,
                         long requests, long provisionedRequests, long onDemandBilledMs, long provisionedBilledMs,
                         List<ProvisionedInterval> provisionedConcurrency, long ephemeralStorageBilledMs) {
        this(functionName, architecture, memoryMb, ephemeralStorageMb, requests, provisionedRequests, onDemandBilledMs,
                provisionedBilledMs, provisionedConcurrency, ephemeralStorageBilledMs, null, 0);
    }

    /** The same usage with {@code count} requests through {@code door}. */
    public FunctionUsage withFrontDoor(FrontDoor door, long count) {
        return new FunctionUsage(functionName, architecture, memoryMb, ephemeralStorageMb, requests, provisionedRequests,
                onDemandBilledMs, provisionedBilledMs, provisionedConcurrency, ephemeralStorageBilledMs, door, count,
                snapStartRestores);
    }

    /** A function without provisioned concurrency or extra ephemeral storage. */
    public static FunctionUsage onDemand(String functionName, Architecture architecture, int memoryMb,
                                         long requests, long billedMs) {
        return new FunctionUsage(functionName, architecture, memoryMb,
                BillingRules.get().ephemeralStorageIncludedMb(), requests, 0, billedMs, 0, List.of(), billedMs);
    }

    /** Requests served by on-demand environments (spillover included). */
    public long onDemandRequests() {
        return requests - provisionedRequests;
    }
}
