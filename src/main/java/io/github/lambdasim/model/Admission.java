package io.github.lambdasim.model;

import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import java.util.Arrays;

/**
 * The ledger of capacity: what each function holds of its reserved concurrency or of the
 * account's unreserved pool (requests in flight on demand and on provisioned environments,
 * the configured provisioned level, provisioned environments scaled in while busy), and the
 * scaling rate's token buckets. It says whether a request may take capacity, and
 * {@link #release} tells whatever waits for capacity that some was freed.
 *
 * <p>Provisioned concurrency counts against the function's reserved concurrency, or the
 * account's unreserved pool, whether its environments are busy or not.
 */
final class Admission {
    /** Told when a function's capacity frees: asynchronous queues and pollers register one. */
    interface Waiter {
        void capacityFreed(int function);
    }

    // Per function, one record of STRIDE ints, so that admitting a request touches one cache line.
    private static final int STRIDE = 8;
    /** Reserved concurrency, or -1 when the function draws on the unreserved pool. */
    private static final int RESERVED = 0;
    private static final int BUSY = 1;
    private static final int ON_DEMAND_BUSY = 2;
    private static final int PROVISIONED_BUSY = 3;
    /** Provisioned environments scaled in while busy: removed when done, counted against concurrency until then. */
    private static final int PROVISIONED_DRAINING = 4;
    /** The configured provisioned level: what counts against concurrency and is billed. */
    private static final int PROVISIONED_LEVEL = 5;
    private final int[] rec;

    private final long unreservedPool;
    /**
     * On-demand requests in flight (and those finishing on provisioned environments already scaled
     * in) and provisioned levels of the functions without reserved concurrency.
     */
    private long unreservedBusy;
    private long unreservedProvisioned;
    /** Requests in flight on provisioned environments (not scaled in) of the functions without reserved concurrency. */
    private long unreservedProvisionedBusy;

    /** The account's bucket in the 2019 era, else null and one bucket per function. */
    private final TokenBucket accountBucket;
    private final TokenBucket[] functionBuckets;
    private Waiter[] waiters = new Waiter[0];

    // The requests-per-second quota, counted in fixed one-second windows of the clock: synchronous
    // requests started on demand (account-wide) and on provisioned environments (per function).
    private static final long RPS_WINDOW_MICROS = 1_000_000L;
    private final int rpsPerConcurrency;
    private final long onDemandRpsLimit;
    private long onDemandRpsWindow = -1;
    private long onDemandRpsCount;
    private final long[] provisionedRpsWindow;
    private final int[] provisionedRpsCount;

    Admission(ScenarioSpec spec) {
        int n = spec.functions().size();
        rec = new int[n * STRIDE];
        long reservedSum = 0;
        for (int f = 0; f < n; f++) {
            FunctionSpec fs = spec.functions().get(f);
            rec[f * STRIDE + RESERVED] = fs.hasReservedConcurrency() ? fs.reservedConcurrency() : -1;
            if (fs.hasReservedConcurrency()) {
                reservedSum += fs.reservedConcurrency();
            }
        }
        unreservedPool = Math.max(0, spec.account().concurrencyLimit() - reservedSum);
        rpsPerConcurrency = spec.platform().requestsPerSecondPerConcurrency();
        onDemandRpsLimit = rpsPerConcurrency == 0 ? Long.MAX_VALUE : (long) rpsPerConcurrency * spec.account().concurrencyLimit();
        provisionedRpsWindow = new long[n];
        Arrays.fill(provisionedRpsWindow, -1);
        provisionedRpsCount = new int[n];
        PlatformSpec.ScalingSpec scaling = spec.platform().scaling();
        if (scaling.scope() == PlatformSpec.Scope.ACCOUNT) {
            accountBucket = new TokenBucket(scaling.burst(), scaling.refillPerSecond(), scaling.refillStepMicros());
            functionBuckets = null;
        } else {
            accountBucket = null;
            functionBuckets = new TokenBucket[n];
            for (int f = 0; f < n; f++) {
                functionBuckets[f] = new TokenBucket(scaling.burst(), scaling.refillPerSecond(), scaling.refillStepMicros());
            }
        }
    }

    /** Requests of {@code f} in flight, on demand and on provisioned environments. */
    int busy(int f) {
        return rec[f * STRIDE + BUSY];
    }

    /** Requests of {@code f} in flight on provisioned environments. */
    int provisionedBusy(int f) {
        return rec[f * STRIDE + PROVISIONED_BUSY];
    }

    /** The configured provisioned level of {@code f}. */
    int provisionedLevel(int f) {
        return rec[f * STRIDE + PROVISIONED_LEVEL];
    }

    /** Whether an on-demand environment may take one more request of function {@code f}. */
    boolean hasOnDemandCapacity(int f) {
        int r = f * STRIDE;
        if (rec[r + RESERVED] >= 0) {
            return rec[r + ON_DEMAND_BUSY] + rec[r + PROVISIONED_DRAINING] + rec[r + PROVISIONED_LEVEL] < rec[r + RESERVED];
        }
        return unreservedBusy + unreservedProvisioned < unreservedPool;
    }

    /**
     * Whether a provisioned environment may take one more request: only while the function's
     * requests in flight stay within its limit (after a scale-out, on-demand requests admitted
     * under the lower level may still be running).
     */
    boolean hasProvisionedCapacity(int f) {
        int r = f * STRIDE;
        if (rec[r + RESERVED] >= 0) {
            return rec[r + BUSY] < rec[r + RESERVED];
        }
        return unreservedBusy + unreservedProvisionedBusy < unreservedPool;
    }

    /**
     * Whether the requests-per-second quota lets one more synchronous request start now: on a
     * provisioned environment of {@code f} (10 x its provisioned level a second) or on demand
     * (10 x the account's concurrency limit a second, shared by every function).
     */
    boolean rpsAllows(int f, boolean onProvisioned, long now) {
        if (rpsPerConcurrency == 0) {
            return true;
        }
        long window = now / RPS_WINDOW_MICROS;
        if (onProvisioned) {
            return provisionedRpsWindow[f] != window
                    || provisionedRpsCount[f] < (long) rpsPerConcurrency * rec[f * STRIDE + PROVISIONED_LEVEL];
        }
        return onDemandRpsWindow != window || onDemandRpsCount < onDemandRpsLimit;
    }

    /** A synchronous request started now, on a provisioned environment of {@code f} or on demand: the quota counts it. */
    void rpsCount(int f, boolean onProvisioned, long now) {
        long window = now / RPS_WINDOW_MICROS;
        if (onProvisioned) {
            if (provisionedRpsWindow[f] != window) {
                provisionedRpsWindow[f] = window;
                provisionedRpsCount[f] = 0;
            }
            provisionedRpsCount[f]++;
        } else {
            if (onDemandRpsWindow != window) {
                onDemandRpsWindow = window;
                onDemandRpsCount = 0;
            }
            onDemandRpsCount++;
        }
    }

    /** The bucket whose tokens pay for new environments of {@code f}. */
    TokenBucket bucket(int f) {
        return accountBucket != null ? accountBucket : functionBuckets[f];
    }

    void startOnDemand(int f) {
        int r = f * STRIDE;
        rec[r + BUSY]++;
        rec[r + ON_DEMAND_BUSY]++;
        if (rec[r + RESERVED] < 0) {
            unreservedBusy++;
        }
    }

    void startProvisioned(int f) {
        int r = f * STRIDE;
        rec[r + BUSY]++;
        rec[r + PROVISIONED_BUSY]++;
        if (rec[r + RESERVED] < 0) {
            unreservedProvisionedBusy++;
        }
    }

    void endOnDemand(int f) {
        int r = f * STRIDE;
        rec[r + BUSY]--;
        rec[r + ON_DEMAND_BUSY]--;
        if (rec[r + RESERVED] < 0) {
            unreservedBusy--;
        }
    }

    /** A request on a provisioned environment ends; {@code draining} when the environment was scaled in meanwhile. */
    void endProvisioned(int f, boolean draining) {
        int r = f * STRIDE;
        rec[r + BUSY]--;
        rec[r + PROVISIONED_BUSY]--;
        if (draining) {
            rec[r + PROVISIONED_DRAINING]--;
            if (rec[r + RESERVED] < 0) {
                unreservedBusy--;
            }
        } else if (rec[r + RESERVED] < 0) {
            unreservedProvisionedBusy--;
        }
    }

    /** A busy provisioned environment is scaled in: until it is done it counts as on-demand capacity. */
    void drain(int f) {
        int r = f * STRIDE;
        rec[r + PROVISIONED_DRAINING]++;
        if (rec[r + RESERVED] < 0) {
            unreservedBusy++;
            unreservedProvisionedBusy--;
        }
    }

    /** Sets the configured provisioned level; returns the change. */
    int setProvisionedLevel(int f, int level) {
        int r = f * STRIDE;
        int delta = level - rec[r + PROVISIONED_LEVEL];
        rec[r + PROVISIONED_LEVEL] = level;
        if (rec[r + RESERVED] < 0) {
            unreservedProvisioned += delta;
        }
        return delta;
    }

    void register(Waiter w) {
        waiters = Arrays.copyOf(waiters, waiters.length + 1);
        waiters[waiters.length - 1] = w;
    }

    /** Capacity of {@code f} (and so of the account) was freed: whatever waits for some may try again. */
    void release(int f) {
        for (Waiter w : waiters) {
            w.capacityFreed(f);
        }
    }
}
