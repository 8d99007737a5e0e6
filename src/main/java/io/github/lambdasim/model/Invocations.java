package io.github.lambdasim.model;

/**
 * Invocations: a request placed on an execution environment and run there, as a small phase
 * machine per invocation. An invocation is identified by the environment it runs on, since an
 * environment runs one at a time. It runs init (on a cold start) and its workload's segments one
 * after another, each drawn when it starts; a workload is cut into segments at the steps that
 * wait on something outside the function, and the last segment's end completes the invocation.
 *
 * <p>Placing a request follows Lambda: an idle provisioned environment first, then the most
 * recently used idle on-demand one (warm start), then a new one (cold start) when the
 * concurrency limits and the scaling rate allow; otherwise the request is throttled, and the
 * caller decides what a throttle means for it.
 */
final class Invocations {
    static final int SEGMENT_END = 1;

    private final Context context;
    private final FunctionModel[] functions;
    private final Requests requests;
    private final Admission admission;
    private final Environments environments;
    private final FunctionStats stats;
    private final InvocationSample samples;
    private Provisioned provisioned;

    // By environment id, the invocation it runs: one record of STRIDE longs (one cache line).
    private static final int STRIDE = 8;
    private static final int REQUEST = 0;
    private static final int START = 1;
    private static final int INIT = 2;
    /** Handler time so far, including the segment running now. */
    private static final int DURATION = 3;
    private static final int SEGMENT = 4;
    private static final int MEMORY_USED = 5;
    private static final int FLAGS = 6;
    private int capacity = 256;
    private long[] rec = new long[capacity * STRIDE];

    Invocations(Context context, FunctionModel[] functions, Requests requests, Admission admission,
                Environments environments, FunctionStats stats, InvocationSample samples) {
        this.context = context;
        this.functions = functions;
        this.requests = requests;
        this.admission = admission;
        this.environments = environments;
        this.stats = stats;
        this.samples = samples;
    }

    void wire(Provisioned provisioned) {
        this.provisioned = provisioned;
    }

    /** Places request {@code req} on an environment and starts it; false when it is throttled. */
    boolean start(int req) {
        int f = requests.function(req);
        int provisionedEnv = environments.idleTop(f, true);
        if (provisionedEnv != Environments.NONE) {
            if (!admission.hasProvisionedCapacity(f)) {
                return false;
            }
            environments.unlinkIdle(provisionedEnv);
            dispatch(f, provisionedEnv, req, 0, false);
            return true;
        }
        if (!admission.hasOnDemandCapacity(f)) {
            return false;
        }
        int env = environments.idleTop(f, false);
        long init = 0;
        boolean cold = false;
        if (env != Environments.NONE) {
            environments.unlinkIdle(env);
        } else {
            if (!admission.bucket(f).take(context.now)) {
                return false;
            }
            env = environments.create(f, false);
            init = functions[f].sampleInitMicros();
            cold = true;
        }
        dispatch(f, env, req, init, cold);
        return true;
    }

    private void dispatch(int f, int env, int req, long init, boolean cold) {
        FunctionModel fm = functions[f];
        if (env >= capacity) {
            grow(env);
        }
        long duration = fm.work.sampleSegmentMicros(0, fm.workRandom);
        int flag = cold ? InvocationSample.FLAG_COLD : 0;
        int memoryUsed = fm.sampleMemoryUsedMb();
        if (memoryUsed > fm.memoryMb) {
            flag |= InvocationSample.FLAG_OUT_OF_MEMORY | InvocationSample.FLAG_ERROR;
        }
        if (duration > fm.timeoutMicros) {
            duration = fm.timeoutMicros;
            flag |= InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_ERROR;
        }
        if (fm.errorRate > 0 && fm.errorRandom.nextDouble() < fm.errorRate) {
            flag |= InvocationSample.FLAG_ERROR;
        }
        environments.markBusy(env);
        int base = env * STRIDE;
        rec[base + REQUEST] = req;
        rec[base + START] = context.now;
        rec[base + INIT] = init;
        rec[base + DURATION] = duration;
        rec[base + SEGMENT] = 0;
        rec[base + MEMORY_USED] = memoryUsed;
        boolean onProvisioned = environments.isProvisioned(env);
        if (onProvisioned) {
            flag |= InvocationSample.FLAG_PROVISIONED;
            admission.startProvisioned(f);
        } else {
            admission.startOnDemand(f);
        }
        rec[base + FLAGS] = flag;
        stats.invocationStarted(f, onProvisioned, cold);
        context.queue.push(context.now + init + duration, SEGMENT_END, env, 0);
    }

    /** The running segment of the invocation on {@code env} ends: the next one starts, or the invocation is done. */
    void onSegmentEnd(int env) {
        FunctionModel fm = functions[environments.function(env)];
        int base = env * STRIDE;
        int next = (int) rec[base + SEGMENT] + 1;
        if (next < fm.work.segmentCount() && (rec[base + FLAGS] & InvocationSample.FLAG_TIMEOUT) == 0) {
            long d = fm.work.sampleSegmentMicros(next, fm.workRandom);
            long left = fm.timeoutMicros - rec[base + DURATION];
            if (d > left) {
                d = left;
                rec[base + FLAGS] |= InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_ERROR;
            }
            rec[base + SEGMENT] = next;
            rec[base + DURATION] += d;
            context.queue.push(context.now + d, SEGMENT_END, env, 0);
            return;
        }
        complete(env);
    }

    private void complete(int env) {
        int f = environments.function(env);
        int base = env * STRIDE;
        int req = (int) rec[base + REQUEST];
        long start = rec[base + START];
        long init = rec[base + INIT];
        long duration = rec[base + DURATION];
        int flag = (int) rec[base + FLAGS];
        boolean cold = (flag & InvocationSample.FLAG_COLD) != 0;
        long billed = stats.invocationCompleted(f, context.now - start, init, duration, flag);
        if (samples.wants(requests.everyNth(req), flag)) {
            samples.add(f, requests.number(req), start + init, cold ? init : -1, duration, billed,
                    (int) rec[base + MEMORY_USED], flag);
        }
        boolean onProvisioned = environments.isProvisioned(env);
        boolean reset = (flag & (InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_OUT_OF_MEMORY)) != 0;
        if (onProvisioned) {
            boolean draining = environments.removeWhenDone(env);
            admission.endProvisioned(f, draining);
            if (draining) {
                stats.reclaimed(f);
                environments.destroy(env);
            } else if (reset) {
                stats.reset(f);
                provisioned.reinitialize(env);
            } else if (context.now >= environments.retireAt(env)) {
                stats.recycled(f);
                provisioned.reinitialize(env);
            } else {
                environments.makeIdle(env);
            }
        } else {
            admission.endOnDemand(f);
            if (reset) {
                stats.reset(f);
                environments.destroy(env);
            } else if (context.now >= environments.retireAt(env)) {
                stats.recycled(f);
                environments.destroy(env);
            } else {
                environments.makeIdle(env);
            }
        }
        requests.free(req);
        admission.release(f);
    }

    private void grow(int env) {
        while (capacity <= env) {
            capacity *= 2;
        }
        rec = java.util.Arrays.copyOf(rec, capacity * STRIDE);
    }
}
