package io.github.lambdasim.scenario;

import io.github.lambdasim.billing.BillingEra;
import java.util.Map;

/**
 * The rules and numbers of the Lambda platform in one era, resolved from a preset
 * ({@code platform-presets.yaml}, where every number has its source) and the scenario's
 * overrides.
 *
 * @param vcpuMemoryMb              memory that buys one full vCPU
 * @param maxVcpusMemoryMb          memory at which the share reaches {@code maxVcpus}, linear from one vCPU at
 *                                  {@code vcpuMemoryMb}; 0: one vCPU per {@code vcpuMemoryMb} throughout, capped
 * @param billingEra                the era's billing rules (rounding, INIT billing)
 * @param idleLifetimeMicros        how long an idle environment lives before it is reclaimed
 * @param maxLifetimeMicros         age at which an environment is recycled even when busy
 * @param packageMicrosPerMb        cold-start time added per MB of deployment package
 * @param coldStartSpread           p99 / median of the platform part of a cold start
 * @param requestsPerSecondPerConcurrency the requests-per-second quota per unit of concurrency: synchronous
 *                                  requests on demand per account concurrency, and on provisioned environments
 *                                  per provisioned concurrency of the function (0: no quota)
 */
public record PlatformSpec(String preset, int vcpuMemoryMb, int maxVcpus, int maxVcpusMemoryMb, int memoryMinMb, int memoryMaxMb,
                           int memoryStepMb, int ephemeralStorageMinMb, int ephemeralStorageMaxMb,
                           long maxTimeoutMicros, long maxInitMicros, BillingEra billingEra,
                           DistributionSpec idleLifetimeMicros,
                           DistributionSpec maxLifetimeMicros, ScalingSpec scaling, int accountConcurrency,
                           int minUnreservedConcurrency, int requestsPerSecondPerConcurrency, ProvisionedRules provisioned,
                           Map<String, Long> runtimeColdStartMedianMicros,
                           double coldStartSpread, long packageMicrosPerMb, EventRules events,
                           LifecycleRules lifecycle, Map<String, String> arrivedLater, boolean allowAnachronisms) {
    public PlatformSpec {
        runtimeColdStartMedianMicros = Map.copyOf(runtimeColdStartMedianMicros);
        arrivedLater = Map.copyOf(arrivedLater);
    }

    /** The features a preset of an earlier era may list under {@code arrivedLater}. */
    public static final java.util.List<String> LATER_FEATURES = java.util.List.of("arm64", "containerImages",
            "ephemeralStorageAbove512Mb");

    /**
     * Why {@code feature} (one of {@link #LATER_FEATURES}) is refused on this platform: it arrived
     * after the era, and the scenario did not allow anachronisms; null when it may be used.
     */
    public String anachronism(String feature, String what) {
        String arrived = arrivedLater.get(feature);
        if (arrived == null || allowAnachronisms) {
            return null;
        }
        return what + " arrived in " + arrived + ", after the " + preset + " platform (a scenario may use it anyway "
                + "with platform: {preset: \"" + preset + "\", allowAnachronisms: true})";
    }

    /**
     * The rules of an execution environment's life that the other components do not carry.
     *
     * @param maxInitProvisionedMicros how long a provisioned environment's init may run (or the
     *                                 function timeout, when it is longer)
     * @param memoryUsedMb             Max Memory Used of an invocation per runtime family, when the
     *                                 function gives none
     * @param snapStart                where SnapStart is available, and its restores
     */
    public record LifecycleRules(long maxInitProvisionedMicros, Map<String, Integer> memoryUsedMb,
                                 SnapStartRules snapStart) {
        public LifecycleRules {
            memoryUsedMb = Map.copyOf(memoryUsedMb);
        }
    }

    /**
     * SnapStart on this platform.
     *
     * @param since                   when it arrived, for the message refusing it on an older platform
     * @param runtimes                the runtime identifiers it supports (none: not available)
     * @param restoreMedianMicros     median restore duration per runtime family
     * @param afterRestoreLimitMicros how long after-restore hooks may run
     */
    public record SnapStartRules(String since, java.util.List<String> runtimes, Map<String, Long> restoreMedianMicros,
                                 long afterRestoreLimitMicros) {
        public SnapStartRules {
            runtimes = java.util.List.copyOf(runtimes);
            restoreMedianMicros = Map.copyOf(restoreMedianMicros);
        }
    }

    /**
     * How fast new execution environments may be created: a token bucket of {@code burst}
     * environments refilled at {@code refillPerSecond}, per function (current rules) or shared by
     * the account (2019 rules); continuously when {@code refillStepMicros} is 0, else in steps of
     * that length counted from the first token taken from the full bucket.
     */
    public record ScalingSpec(Scope scope, int burst, double refillPerSecond, long refillStepMicros) {
    }

    /**
     * How provisioned concurrency changes take effect: after an allocation delay, and for target
     * tracking, after {@code scaleOutDatapoints} one-minute datapoints above target (scale out)
     * or {@code scaleInDatapoints} below {@code scaleInThreshold} x target (scale in).
     */
    public record ProvisionedRules(DistributionSpec allocationDelayMicros, int scaleOutDatapoints, int scaleInDatapoints,
                                   double scaleInThreshold) {
    }

    /**
     * How Lambda treats asynchronous events and calls between functions.
     *
     * @param throttleBackoffMinMicros  first wait of an event sent back to its queue by a throttle
     * @param throttleBackoffMaxMicros  longest such wait (the wait doubles from the first up to it)
     * @param throttleBackoffJitter     each wait is drawn uniformly between (1 - jitter) times its
     *                                  nominal value and that value, never below the first
     * @param errorRetryDelaysMicros    wait before each retry after a function error, in order
     * @param maxRetryAttemptsLimit     most retries after errors a function may ask for
     * @param defaultRetryAttempts      retries after errors when the function says nothing
     * @param minEventAgeMicros         shortest maximum event age a function may set
     * @param maxEventAgeMicros         longest maximum event age (and the default)
     * @param recursionLimit            invocations of one chain of events after which Lambda stops it (0: never)
     * @param sdkMaxAttempts            attempts of a synchronous Invoke by the AWS SDK (standard retry mode)
     * @param sdkBackoffBaseMicros      the SDK's backoff before retry k is uniform in [0, base x 2^(k-1)]
     * @param sdkMaxBackoffMicros       ... capped at this
     * @param asyncInvokeLatencyMicros  round trip of an asynchronous Invoke, unless the step gives one
     */
    public record EventRules(long throttleBackoffMinMicros, long throttleBackoffMaxMicros, double throttleBackoffJitter,
                             java.util.List<Long> errorRetryDelaysMicros, int maxRetryAttemptsLimit,
                             int defaultRetryAttempts, long minEventAgeMicros, long maxEventAgeMicros,
                             int recursionLimit, int sdkMaxAttempts, long sdkBackoffBaseMicros,
                             long sdkMaxBackoffMicros, DistributionSpec asyncInvokeLatencyMicros,
                             EventSourceRules sources) {
        public EventRules {
            errorRetryDelaysMicros = java.util.List.copyOf(errorRetryDelaysMicros);
        }
    }

    /**
     * How Lambda's pollers read SQS queues and streams, and the limits of queues, streams and
     * event source mappings ({@code platform.events.sources} in the presets, with their sources).
     *
     * @param sqsInitialConcurrency     concurrent batches an SQS mapping starts with (and scales back to)
     * @param sqsScaleUpPerMinute       concurrent batches added each minute while messages remain
     * @param sqsMaxConcurrency         the most concurrent batches of one SQS mapping
     * @param sqsReceiveMicros          a poller's ReceiveMessage round trip (an assumption)
     * @param sqsThrottleBackoffMicros  how long a poller whose batch was throttled waits before it polls again
     * @param kinesisPollMicros         how often a Kinesis shard is polled
     * @param dynamodbPollMicros        how often a DynamoDB stream shard is polled
     */
    public record EventSourceRules(int sqsInitialConcurrency, int sqsScaleUpPerMinute, int sqsMaxConcurrency,
                                   long sqsReceiveMicros, long sqsThrottleBackoffMicros, long kinesisPollMicros,
                                   long dynamodbPollMicros, Limits limits) {
    }

    /**
     * What a queue, a stream and an event source mapping may be set to, and their defaults.
     */
    public record Limits(long visibilityTimeoutDefaultMicros, long visibilityTimeoutMaxMicros, int maxReceiveCountMax,
                         long queueRetentionDefaultMicros, long queueRetentionMinMicros, long queueRetentionMaxMicros,
                         long streamRetentionDefaultMicros, long kinesisRetentionMaxMicros,
                         int sqsBatchSizeDefault, int sqsBatchSizeMax, int sqsBatchSizeWithoutWindow,
                         int kinesisBatchSizeMax, int dynamodbBatchSizeMax, int streamBatchSizeDefault,
                         long maxBatchingWindowMicros, int maximumConcurrencyMin, int maximumConcurrencyMax,
                         int parallelizationFactorMax, int maximumRetryAttemptsMax, long maximumRecordAgeMinMicros,
                         long maximumRecordAgeMaxMicros, int shardsMax) {
    }

    public enum Scope {
        FUNCTION, ACCOUNT
    }

    /** What is wrong with a memory size on this platform, for the user, or null when it is allowed. */
    public String memoryProblem(long memoryMb) {
        if (memoryMb < memoryMinMb) {
            return memoryMb + " MB is below the minimum " + memoryMinMb + " MB";
        }
        if (memoryMb > memoryMaxMb) {
            return memoryMb + " MB is above the maximum " + memoryMaxMb + " MB of the " + preset + " platform";
        }
        if ((memoryMb - memoryMinMb) % memoryStepMb != 0) {
            return memoryMb + " MB is not allowed by the " + preset + " platform: memory goes from " + memoryMinMb
                    + " MB in steps of " + memoryStepMb + " MB";
        }
        return null;
    }

    /** What is wrong with an ephemeral storage size on this platform, or null when it is allowed. */
    public String ephemeralStorageProblem(long storageMb) {
        if (storageMb < ephemeralStorageMinMb) {
            return storageMb + " MB is below the minimum " + ephemeralStorageMinMb + " MB";
        }
        if (storageMb > ephemeralStorageMaxMb) {
            return storageMb + " MB is above the maximum " + ephemeralStorageMaxMb + " MB of the " + preset + " platform";
        }
        return storageMb > ephemeralStorageMinMb ? anachronism("ephemeralStorageAbove512Mb", storageMb
                + " MB: ephemeral storage above " + ephemeralStorageMinMb + " MB") : null;
    }

    /** The runtime family of a runtime identifier ({@code nodejs20.x} -> {@code nodejs}), or null. */
    public String runtimeFamily(String runtime) {
        String best = null;
        for (String family : runtimeColdStartMedianMicros.keySet()) {
            if (runtime.startsWith(family) && (best == null || family.length() > best.length())) {
                best = family;
            }
        }
        return best;
    }
}
