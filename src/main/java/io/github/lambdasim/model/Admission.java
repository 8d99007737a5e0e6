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

    /** Reserved concurrency of each function, or -1 when it draws on the unreserved pool. */
    private final int[] reserved;
    final int[] busy;
    private final int[] onDemandBusy;
    final int[] provisionedBusy;
    /** Provisioned environments scaled in while busy: removed when done, counted against concurrency until then. */
    private final int[] provisionedDraining;
    /** The configured provisioned level: what counts against concurrency and is billed. */
    final int[] provisionedLevel;

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

    Admission(ScenarioSpec spec) {
        int n = spec.functions().size();
        reserved = new int[n];
        busy = new int[n];
        onDemandBusy = new int[n];
        provisionedBusy = new int[n];
        provisionedDraining = new int[n];
        provisionedLevel = new int[n];
        long reservedSum = 0;
        for (int f = 0; f < n; f++) {
            FunctionSpec fs = spec.functions().get(f);
            reserved[f] = fs.hasReservedConcurrency() ? fs.reservedConcurrency() : -1;
            if (fs.hasReservedConcurrency()) {
                reservedSum += fs.reservedConcurrency();
            }
        }
        unreservedPool = Math.max(0, spec.account().concurrencyLimit() - reservedSum);
        PlatformSpec.ScalingSpec scaling = spec.platform().scaling();
        if (scaling.scope() == PlatformSpec.Scope.ACCOUNT) {
            accountBucket = new TokenBucket(scaling.burst(), scaling.refillPerSecond());
            functionBuckets = null;
        } else {
            accountBucket = null;
            functionBuckets = new TokenBucket[n];
            for (int f = 0; f < n; f++) {
                functionBuckets[f] = new TokenBucket(scaling.burst(), scaling.refillPerSecond());
            }
        }
    }

    /** Whether an on-demand environment may take one more request of function {@code f}. */
    boolean hasOnDemandCapacity(int f) {
        if (reserved[f] >= 0) {
            return onDemandBusy[f] + provisionedDraining[f] + provisionedLevel[f] < reserved[f];
        }
        return unreservedBusy + unreservedProvisioned < unreservedPool;
    }

    /**
     * Whether a provisioned environment may take one more request: only while the function's
     * requests in flight stay within its limit (after a scale-out, on-demand requests admitted
     * under the lower level may still be running).
     */
    boolean hasProvisionedCapacity(int f) {
        if (reserved[f] >= 0) {
            return busy[f] < reserved[f];
        }
        return unreservedBusy + unreservedProvisionedBusy < unreservedPool;
    }

    /** The bucket whose tokens pay for new environments of {@code f}. */
    TokenBucket bucket(int f) {
        return accountBucket != null ? accountBucket : functionBuckets[f];
    }

    void startOnDemand(int f) {
        busy[f]++;
        onDemandBusy[f]++;
        if (reserved[f] < 0) {
            unreservedBusy++;
        }
    }

    void startProvisioned(int f) {
        busy[f]++;
        provisionedBusy[f]++;
        if (reserved[f] < 0) {
            unreservedProvisionedBusy++;
        }
    }

    void endOnDemand(int f) {
        busy[f]--;
        onDemandBusy[f]--;
        if (reserved[f] < 0) {
            unreservedBusy--;
        }
    }

    /** A request on a provisioned environment ends; {@code draining} when the environment was scaled in meanwhile. */
    void endProvisioned(int f, boolean draining) {
        busy[f]--;
        provisionedBusy[f]--;
        if (draining) {
            provisionedDraining[f]--;
            if (reserved[f] < 0) {
                unreservedBusy--;
            }
        } else if (reserved[f] < 0) {
            unreservedProvisionedBusy--;
        }
    }

    /** A busy provisioned environment is scaled in: until it is done it counts as on-demand capacity. */
    void drain(int f) {
        provisionedDraining[f]++;
        if (reserved[f] < 0) {
            unreservedBusy++;
            unreservedProvisionedBusy--;
        }
    }

    /** Sets the configured provisioned level; returns the change. */
    int setProvisionedLevel(int f, int level) {
        int delta = level - provisionedLevel[f];
        provisionedLevel[f] = level;
        if (reserved[f] < 0) {
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
