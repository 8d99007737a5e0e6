package io.github.lambdasim.model;

/**
 * Invocations: a request placed on an execution environment and run there, as a small phase
 * machine per invocation. An invocation is identified by the environment it runs on, since an
 * environment runs one at a time. It runs init (on a cold start) and its workload's segments one
 * after another, each drawn when it starts; a workload is cut into segments at its invoke steps,
 * and the last segment's end completes the invocation. At an asynchronous invoke the events go
 * out and the next segment starts; at a synchronous one the invocation waits for {@link Calls}
 * (its environment busy, its clock running) until the calls return or its timeout comes. A cold
 * start whose init steps call other functions runs its init segments the same way first.
 *
 * <p>Placing a request follows Lambda: an idle provisioned environment first, then the most
 * recently used idle on-demand one (warm start), then a new one (cold start) when the
 * concurrency limits and the scaling rate allow; otherwise the request is throttled, and the
 * caller decides what a throttle means for it.
 */
final class Invocations {
    static final int SEGMENT_END = 1;
    static final int CALL_TIMEOUT = 10;

    private final Context context;
    private final FunctionModel[] functions;
    private final Requests requests;
    private final Admission admission;
    private final Environments environments;
    private final FunctionStats stats;
    private final InvocationSample samples;
    /** Every invocation's REPORT line, when asked for ({@code run --report-log all}); null otherwise. */
    private InvocationLog log;
    private Provisioned provisioned;
    // Event-driven runs only (null otherwise): where a request goes when its invocation ends.
    private Trees trees;
    private AsyncQueues asyncQueues;
    private Queues queues;
    private Streams streams;
    private Calls calls;
    private EntryPoints entryPoints;
    private TraceSampler tracer;

    // By environment id, the invocation it runs: one record of STRIDE longs (one cache line).
    private static final int STRIDE = 8;
    private static final int REQUEST = 0;
    private static final int START = 1;
    private static final int INIT = 2;
    /** Handler time so far, including the segment running now. */
    private static final int DURATION = 3;
    /** The running segment in bits 0-15, whether it is an init segment in bit 16, the wait generation in bits 32-63. */
    private static final int SEGMENT = 4;
    /** Max Memory Used in bits 0-19; above them, the part of init that is not billed (a SnapStart restore). */
    private static final int MEMORY_USED = 5;
    private static final int MEMORY_BITS = 20;
    private static final long MEMORY_MASK = (1L << MEMORY_BITS) - 1;
    private static final long MAX_UNBILLED_INIT = (1L << (63 - MEMORY_BITS)) - 1;
    private static final int FLAGS = 6;
    /** When the current wait on calls began. */
    private static final int WAIT_START = 7;
    private static final long SEGMENT_MASK = 0xffff;
    private static final long INIT_PHASE = 1L << 16;
    private static final long GENERATION_MASK = 0xffff_ffff_0000_0000L;
    private static final long ONE_GENERATION = 1L << 32;
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

    void log(InvocationLog invocationLog) {
        this.log = invocationLog;
    }

    void wire(Provisioned provisioned) {
        this.provisioned = provisioned;
    }

    /** The event sources whose batches end here (either may be null). */
    void wire(Queues queues, Streams streams) {
        this.queues = queues;
        this.streams = streams;
    }

    /** The records an invocation works on: its batch's for an event source's, one otherwise. */
    private int records(int req) {
        return switch (requests.kind(req)) {
            case Requests.QUEUE_BATCH -> queues.records(req);
            case Requests.STREAM_BATCH -> streams.records(req);
            default -> 1;
        };
    }

    /** Makes the run event-driven: requests end through their trees, events and calls. */
    void wire(Trees trees, AsyncQueues asyncQueues, Calls calls, EntryPoints entryPoints, TraceSampler tracer) {
        this.tracer = tracer;
        this.trees = trees;
        this.asyncQueues = asyncQueues;
        this.calls = calls;
        this.entryPoints = entryPoints;
    }

    /**
     * Places request {@code req} on an environment and starts it; false when it is throttled. A
     * synchronous request (traffic or a call) is first held to the requests-per-second quota, as
     * Lambda's front end does before it looks for capacity; such a throttle is also counted apart.
     * A request over the provisioned environments' quota goes on demand, as a spillover.
     */
    boolean start(int req) {
        int f = requests.function(req);
        // Event source mappings, like traffic and calls, invoke synchronously.
        boolean sync = requests.kind(req) != Requests.ASYNC;
        int provisionedEnv = environments.idleTop(f, true);
        // Past the provisioned environments' own quota (10 x provisioned concurrency a second), a
        // request spills over to on-demand capacity as it does when they are all busy; the
        // on-demand quota then holds it.
        if (provisionedEnv != Environments.NONE && (!sync || admission.rpsAllows(f, true, context.now))) {
            if (!admission.hasProvisionedCapacity(f)) {
                return false;
            }
            environments.unlinkIdle(provisionedEnv);
            if (sync) {
                admission.rpsCount(f, true, context.now);
            }
            dispatch(f, provisionedEnv, req, 0, false, 0, 0, false);
            return true;
        }
        if (sync && !admission.rpsAllows(f, false, context.now)) {
            stats.throttleRps(f, requests.arrivalMicros(req));
            return false;
        }
        if (!admission.hasOnDemandCapacity(f)) {
            return false;
        }
        int env = environments.idleTop(f, false);
        long init = 0;
        long retriedInit = 0;
        long unbilledInit = 0;
        boolean restoreFailed = false;
        boolean cold = false;
        if (env != Environments.NONE) {
            environments.unlinkIdle(env);
        } else {
            if (!admission.bucket(f).take(context.now)) {
                return false;
            }
            env = environments.create(f, false);
            FunctionModel fm = functions[f];
            if (fm.snapStart) {
                // The restore itself is not billed; after-restore hooks are, as init, and fail it past their limit.
                unbilledInit = Math.min(MAX_UNBILLED_INIT, fm.sampleRestoreMicros());
                long hooks = fm.sampleAfterRestoreMicros();
                if (hooks > fm.afterRestoreLimitMicros) {
                    hooks = fm.afterRestoreLimitMicros;
                    restoreFailed = true;
                }
                init = unbilledInit + hooks;
            } else {
                init = fm.initCallsOut ? fm.sampleInitSegmentMicros(0) : fm.sampleInitMicros();
            }
            if (init > fm.maxInitMicros && !fm.initCallsOut && !fm.snapStart) {
                // Init stops at the limit and runs again, as long, inside the invocation and its timeout.
                retriedInit = init;
                init = fm.maxInitMicros;
            }
            cold = true;
        }
        if (sync) {
            admission.rpsCount(f, false, context.now);
        }
        dispatch(f, env, req, init, cold, retriedInit, unbilledInit, restoreFailed);
        return true;
    }

    private void dispatch(int f, int env, int req, long init, boolean cold, long retriedInit, long unbilledInit,
                          boolean restoreFailed) {
        FunctionModel fm = functions[f];
        if (env >= capacity) {
            grow(env);
        }
        // A cold start whose init calls out runs its init segments first, and draws the handler's after.
        boolean initPhase = cold && fm.initCallsOut;
        long duration = initPhase ? 0 : sampleSegment(fm, 0, req);
        int flag = cold ? InvocationSample.FLAG_COLD : 0;
        int memoryUsed = fm.sampleMemoryUsedMb();
        if (memoryUsed > fm.memoryMb) {
            // Killed when its memory reaches the memory size: its use grows steadily, so after
            // memorySize / memoryUsed of the segment; Max Memory Used shows the memory size.
            flag |= InvocationSample.FLAG_OUT_OF_MEMORY | InvocationSample.FLAG_ERROR;
            duration = duration * fm.memoryMb / memoryUsed;
            memoryUsed = fm.memoryMb;
        }
        duration += retriedInit;
        if (restoreFailed) {
            // SnapStartTimeoutException: the handler never runs; counted as a timeout, which resets the environment.
            duration = 0;
            flag |= InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_ERROR;
        }
        if (duration > fm.timeoutMicros) {
            duration = fm.timeoutMicros;
            flag |= InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_ERROR;
        }
        if (fm.maxErrorRate > 0 && fm.errorRandom.nextDouble() < fm.errorRateAt(context.now - context.warmup)) {
            flag |= InvocationSample.FLAG_ERROR;
        }
        if (requests.isBatch(req) && batchFails(req)) {
            flag |= InvocationSample.FLAG_ERROR;
        }
        environments.markBusy(env);
        int base = env * STRIDE;
        rec[base + REQUEST] = req;
        rec[base + START] = context.now;
        rec[base + INIT] = init;
        rec[base + DURATION] = duration;
        // Segment 0; the wait generation carries on from the environment's earlier invocations.
        rec[base + SEGMENT] = (rec[base + SEGMENT] & GENERATION_MASK) | (initPhase ? INIT_PHASE : 0);
        rec[base + MEMORY_USED] = memoryUsed | (unbilledInit << MEMORY_BITS);
        boolean onProvisioned = environments.isProvisioned(env);
        if (onProvisioned) {
            flag |= InvocationSample.FLAG_PROVISIONED;
            admission.startProvisioned(f);
        } else {
            admission.startOnDemand(f);
        }
        rec[base + FLAGS] = flag;
        stats.invocationStarted(f, onProvisioned, cold);
        if (trees != null && !requests.isBatch(req)) {
            if (cold) {
                trees.coldStart(req);
            }
            if (requests.has(req, Requests.TRACED)) {
                tracer.attemptStarted(req, init);
            }
        }
        context.queue.push(context.now + init + duration, SEGMENT_END, env, 0);
    }

    /** Segment {@code s} of the handler, for the records of request {@code req} when a step is done per record. */
    private long sampleSegment(FunctionModel fm, int s, int req) {
        return fm.work.perRecord() ? fm.work.sampleSegmentMicros(s, fm.workRandom, records(req))
                : fm.work.sampleSegmentMicros(s, fm.workRandom);
    }

    /** Whether a record of the batch of {@code req} fails the invocation (drawn when it starts). */
    private boolean batchFails(int req) {
        return requests.kind(req) == Requests.QUEUE_BATCH ? queues.recordsFail(req) : streams.recordsFail(req);
    }

    /** The running segment of the invocation on {@code env} ends: a call, the next segment, or the end. */
    void onSegmentEnd(int env) {
        int base = env * STRIDE;
        long segment = rec[base + SEGMENT];
        FunctionModel fm = functions[environments.function(env)];
        if ((segment & (SEGMENT_MASK | INIT_PHASE)) == 0 && fm.work.segmentCount() == 1) {
            complete(env); // a handler without invoke steps: one segment, the common case
            return;
        }
        int s = (int) (segment & SEGMENT_MASK);
        if ((segment & INIT_PHASE) != 0) {
            int call = fm.initWork.invokeAfter(s);
            if (call < 0) {
                startHandler(env, fm);
            } else {
                callPoint(env, fm, fm.initCalls[call]);
            }
            return;
        }
        int call = fm.work.invokeAfter(s);
        if (call < 0 || (rec[base + FLAGS] & (InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_OUT_OF_MEMORY)) != 0) {
            complete(env);
            return;
        }
        callPoint(env, fm, fm.handlerCalls[call]);
    }

    /** The invocation reached an invoke step: events go out at once, synchronous calls are waited for. */
    private void callPoint(int env, FunctionModel fm, FunctionModel.Call call) {
        int base = env * STRIDE;
        int req = (int) rec[base + REQUEST];
        if (call.sends() != FunctionModel.Call.INVOKE) {
            if (call.sends() == FunctionModel.Call.QUEUE) {
                queues.send(call.targets()[0], call.calls(), false);
            } else {
                streams.put(call.targets()[0], call.calls(), true, 0, false);
            }
            nextSegment(env, fm);
            return;
        }
        if (!call.sync()) {
            stats.callsMade(environments.function(env), false, call.requests());
            for (int target : call.targets()) {
                for (int c = 0; c < call.calls(); c++) {
                    asyncQueues.send(target, req);
                }
            }
            nextSegment(env, fm);
            return;
        }
        rec[base + WAIT_START] = context.now;
        if ((rec[base + SEGMENT] & INIT_PHASE) == 0) {
            // The handler's clock runs while it waits: at its timeout the invocation ends.
            long left = fm.timeoutMicros - rec[base + DURATION];
            context.queue.push(context.now + left, CALL_TIMEOUT, env, (int) (rec[base + SEGMENT] >>> 32));
        }
        calls.begin(req, env, call);
    }

    /** The segment after the current one, of init or of the handler. */
    private void nextSegment(int env, FunctionModel fm) {
        int base = env * STRIDE;
        rec[base + SEGMENT]++;
        int s = (int) (rec[base + SEGMENT] & SEGMENT_MASK);
        long d;
        if ((rec[base + SEGMENT] & INIT_PHASE) != 0) {
            d = fm.sampleInitSegmentMicros(s);
            rec[base + INIT] += d;
        } else {
            d = handlerTime(base, fm, sampleSegment(fm, s, (int) rec[base + REQUEST]));
        }
        context.queue.push(context.now + d, SEGMENT_END, env, 0);
    }

    /** Init is done: the handler's first segment. */
    private void startHandler(int env, FunctionModel fm) {
        int base = env * STRIDE;
        rec[base + SEGMENT] &= GENERATION_MASK;
        long d = handlerTime(base, fm, sampleSegment(fm, 0, (int) rec[base + REQUEST]));
        context.queue.push(context.now + d, SEGMENT_END, env, 0);
    }

    /** Adds a segment's time to the handler's, cut at the function's timeout; returns the time it runs. */
    private long handlerTime(int base, FunctionModel fm, long d) {
        long left = fm.timeoutMicros - rec[base + DURATION];
        if (d > left) {
            d = left;
            rec[base + FLAGS] |= InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_ERROR;
        }
        rec[base + DURATION] += d;
        return d;
    }

    /**
     * The calls the invocation on {@code env} waited for are back ({@code failed}: one of them
     * failed): it goes on with its next segment, or, when a failed call propagates, ends with an error.
     */
    void resume(int env, boolean failed) {
        int base = env * STRIDE;
        FunctionModel fm = functions[environments.function(env)];
        long waited = context.now - rec[base + WAIT_START];
        rec[base + SEGMENT] += ONE_GENERATION; // the timeout of this wait no longer applies
        if ((rec[base + SEGMENT] & INIT_PHASE) != 0) {
            rec[base + INIT] += waited;
        } else {
            rec[base + DURATION] += waited;
        }
        if (failed && fm.errorOnCallFailure) {
            rec[base + FLAGS] |= InvocationSample.FLAG_ERROR;
            complete(env);
            return;
        }
        nextSegment(env, fm);
    }

    /** The invocation on {@code env} reached its timeout while waiting for calls (unless it resumed since). */
    void onCallTimeout(int env, int generation) {
        int base = env * STRIDE;
        if ((int) (rec[base + SEGMENT] >>> 32) != generation) {
            return;
        }
        FunctionModel fm = functions[environments.function(env)];
        rec[base + SEGMENT] += ONE_GENERATION;
        rec[base + DURATION] = fm.timeoutMicros;
        rec[base + FLAGS] |= InvocationSample.FLAG_TIMEOUT | InvocationSample.FLAG_ERROR;
        calls.abandon((int) rec[base + REQUEST]);
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
        long billed = stats.invocationCompleted(f, start, context.now - start, init,
                rec[base + MEMORY_USED] >>> MEMORY_BITS, duration, flag);
        // Measured by its start, as it is billed; REPORT lines count time from the window's start.
        boolean measured = context.measured(start);
        long reportedStart = start + init - context.measureFrom;
        // Behind API Gateway, a caller still waiting at the integration timeout got 504 then.
        long gateway = functions[f].frontDoorTimeoutMicros;
        boolean gatewayTimeout = gateway != Long.MAX_VALUE && requests.kind(req) == Requests.SYNC
                && context.now - requests.arrivalMicros(req) > gateway;
        if (gatewayTimeout && measured) {
            stats.gatewayTimeout(f);
        }
        if (entryPoints != null && measured && !requests.isBatch(req)) {
            entryPoints.used(requests.entry(req), f, billed);
        }
        if (log != null && measured) {
            log.ended(f, requests.number(req), reportedStart, cold ? init : -1, duration, billed,
                    (int) (rec[base + MEMORY_USED] & MEMORY_MASK), flag);
        }
        if (measured && samples.wants(requests.everyNth(req), flag)) {
            samples.add(f, requests.number(req), reportedStart, cold ? init : -1, duration, billed,
                    (int) (rec[base + MEMORY_USED] & MEMORY_MASK), flag);
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
        if (trees == null) {
            requests.free(req);
        } else {
            if (requests.has(req, Requests.TRACED)) {
                tracer.attemptEnded(req, (flag & InvocationSample.FLAG_TIMEOUT) != 0 ? TraceSampler.TIMEOUT
                        : (flag & InvocationSample.FLAG_ERROR) != 0 ? TraceSampler.ERROR : TraceSampler.OK, init);
            }
            ended(req, (flag & InvocationSample.FLAG_ERROR) == 0 && !gatewayTimeout);
        }
        admission.release(f);
    }

    /** Where a request goes when its invocation ends, by its kind. */
    private void ended(int req, boolean ok) {
        switch (requests.kind(req)) {
            case Requests.ASYNC -> asyncQueues.attemptEnded(req, ok);
            case Requests.QUEUE_BATCH -> {
                queues.batchEnded(req, ok);
                requests.free(req);
            }
            case Requests.STREAM_BATCH -> {
                streams.batchEnded(req, ok);
                requests.free(req);
            }
            default -> trees.finish(req, ok ? Trees.DONE : Trees.FAILED);
        }
    }

    private void grow(int env) {
        while (capacity <= env) {
            capacity *= 2;
        }
        rec = java.util.Arrays.copyOf(rec, capacity * STRIDE);
    }
}
