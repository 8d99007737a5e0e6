package io.github.lambdasim.scenario;

import io.github.lambdasim.billing.Architecture;
import java.util.List;

/**
 * One Lambda function as configured (names follow the Serverless Framework).
 *
 * @param reservedConcurrency   the function's reserved concurrency, or {@link #UNRESERVED}
 * @param coldStartMicros       the platform part of a cold start, or null for the runtime's model
 * @param async                 how its asynchronous events are retried and where they go (never null)
 * @param errorOnCallFailure    whether a synchronous call to another function that fails makes this
 *                              invocation fail (the error propagates) or is handled (the steps go on)
 * @param frontDoor             the service in front of it (API Gateway...), or null when none
 * @param eventSource           the queue or stream its pollers read batches from, or null when none
 */
public record FunctionSpec(String name, String runtime, int memoryMb, Architecture architecture, long timeoutMicros,
                           int reservedConcurrency, ProvisionedSpec provisioned, double packageSizeMb,
                           DistributionSpec coldStartMicros, List<StepSpec> init, HandlerSpec handler,
                           int ephemeralStorageMb, AsyncSpec async, boolean errorOnCallFailure,
                           SnapStartSpec snapStart, FrontDoorSpec frontDoor, EventSourceSpec eventSource) {
    public static final int UNRESERVED = -1;

    /** A function without an event source. */
    public FunctionSpec(String name, String runtime, int memoryMb, Architecture architecture, long timeoutMicros,
                        int reservedConcurrency, ProvisionedSpec provisioned, double packageSizeMb,
                        DistributionSpec coldStartMicros, List<StepSpec> init, HandlerSpec handler,
                        int ephemeralStorageMb, AsyncSpec async, boolean errorOnCallFailure,
                        SnapStartSpec snapStart, FrontDoorSpec frontDoor) {
        this(name, runtime, memoryMb, architecture, timeoutMicros, reservedConcurrency, provisioned, packageSizeMb,
                coldStartMicros, init, handler, ephemeralStorageMb, async, errorOnCallFailure, snapStart, frontDoor, null);
    }

    /** A function without a front door. */
    public FunctionSpec(String name, String runtime, int memoryMb, Architecture architecture, long timeoutMicros,
                        int reservedConcurrency, ProvisionedSpec provisioned, double packageSizeMb,
                        DistributionSpec coldStartMicros, List<StepSpec> init, HandlerSpec handler,
                        int ephemeralStorageMb, AsyncSpec async, boolean errorOnCallFailure) {
        this(name, runtime, memoryMb, architecture, timeoutMicros, reservedConcurrency, provisioned, packageSizeMb,
                coldStartMicros, init, handler, ephemeralStorageMb, async, errorOnCallFailure, null, null, null);
    }

    public FunctionSpec {
        init = List.copyOf(init);
    }

    public boolean hasReservedConcurrency() {
        return reservedConcurrency != UNRESERVED;
    }
}
