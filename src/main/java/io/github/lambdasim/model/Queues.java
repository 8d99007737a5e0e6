package io.github.lambdasim.model;

import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.EventSourceSpec;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.QueueSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.Units;
import io.github.lambdasim.stats.Recorder;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQS standard queues of a run and the event source mappings that consume them (their
 * pollers). Messages are longs ({@link MessageRing}) in a FIFO of visible messages per queue; a
 * batch a poller receives moves them into a batch slot, where they stay invisible until the
 * batch succeeds (they are deleted) or its visibility timeout ends (they are visible again, or
 * moved to the dead-letter queue past {@code maxReceiveCount}).
 *
 * <p>A mapping runs at most its <em>target</em> batches at once: the platform's initial 5, plus
 * up to 300 a minute while messages wait for room (event {@link #POLL_SCALE}, once a minute), at
 * most 1,250 or the mapping's {@code maximumConcurrency}; after a minute in which none waited, down
 * to the most batches that minute used (never below the initial level). A poller woken by a message receives after the ReceiveMessage round trip
 * ({@link #POLL}); with a batching window it waits for a full batch or the window
 * ({@link #BATCH_WINDOW}). Each batch is one invocation through {@link Invocations#start}, so the
 * function's reserved and the account's concurrency hold it: a throttled batch goes back (visible
 * after the visibility timeout, its receive counted), and the mapping stops adding batches for the
 * platform's backoff. A message visible again goes back to the head of the FIFO (it is older than
 * those waiting), so the age of the oldest message is read at the head. Rules and sources: {@code platform-presets.yaml}, {@code events.sources}.
 */
final class Queues {
    static final int POLL = 11;
    static final int VISIBLE = 12;
    static final int BATCH_WINDOW = 13;
    static final int POLL_SCALE = 14;

    // Per-period figures of a queue.
    static final int SENT = 0;
    static final int RECEIVED = 1;
    static final int DELETED = 2;
    static final int DEAD_LETTERED = 3;
    static final int EXPIRED = 4;
    static final int VISIBLE_MAX = 5;
    static final int IN_FLIGHT_MAX = 6;
    static final int OLDEST_AGE_MAX_SECONDS = 7;
    static final int BATCHES = 8;
    static final int CONCURRENCY_MAX = 9;
    private static final int QUEUE_FIGURES = 10;

    private final Context context;
    private final Requests requests;
    private final FunctionStats stats;
    private final FunctionModel[] functions;
    private Invocations invocations;

    private final QueueSpec[] queues;
    private final MessageRing[] visible;
    private final long[] sent;
    private final long[] received;
    private final long[] deleted;
    private final long[] deadLettered;
    private final long[] expired;
    /**
     * Messages received and neither deleted nor visible again: in running batches or waiting out
     * their visibility timeout (all of them, a level; the other counts are of the messages sent in
     * the measurement window, and what became of them).
     */
    private final long[] inFlight;
    private final long[] visibleMax;
    private final long[] oldestAgeMaxMicros;
    private final PeriodFigures[] periods;
    private final int[][] consumers;

    // Event source mappings: one per consuming function.
    private final int[] mFunction;
    private final int[] mQueue;
    private final int[] mBatchSize;
    private final long[] mWindowMicros;
    private final boolean[] mPartial;
    private final int[] mCap;
    private final int[] mInitial;
    private final int[] mTarget;
    private final int[] mActive;
    private final int[] mActiveMax;
    /** Since the last scaling tick: the most batches in flight, and whether messages waited for room. */
    private final int[] mPeak;
    private final boolean[] mBacklog;
    private final boolean[] mPollPending;
    private final boolean[] mWindowPending;
    private final int[] mWindowGeneration;
    private final long[] mBackoffUntil;
    private final long[] mBatches;
    private final long[] mRecords;
    private final long[] mThrottled;
    private final long[] mFailed;
    private final int[] mRecordsMax;
    private final Recorder[] mEndToEnd;
    private final RandomStream[] mRecordRandom;
    private final int perMinute;
    private final long receiveMicros;
    private final long throttleBackoffMicros;

    // Batch slots.
    private int[] bMapping = new int[64];
    private int[] bCount = new int[64];
    private long[] bReceivedMicros = new long[64];
    private long[][] bMessages = new long[64][];
    private int[] freeBatches = new int[64];
    private int freeCount;
    private int batchCount;

    Queues(Context context, ScenarioSpec spec, FunctionModel[] functions, Requests requests, FunctionStats stats,
           int periodCount, long periodMicros) {
        this.context = context;
        this.requests = requests;
        this.stats = stats;
        this.functions = functions;
        PlatformSpec.EventSourceRules rules = spec.platform().events().sources();
        this.perMinute = rules.sqsScaleUpPerMinute();
        this.receiveMicros = rules.sqsReceiveMicros();
        this.throttleBackoffMicros = rules.sqsThrottleBackoffMicros();
        int n = spec.queues().size();
        queues = spec.queues().toArray(new QueueSpec[0]);
        visible = new MessageRing[n];
        sent = new long[n];
        received = new long[n];
        deleted = new long[n];
        deadLettered = new long[n];
        expired = new long[n];
        inFlight = new long[n];
        visibleMax = new long[n];
        oldestAgeMaxMicros = new long[n];
        periods = new PeriodFigures[n];
        for (int q = 0; q < n; q++) {
            visible[q] = new MessageRing();
            periods[q] = new PeriodFigures(QUEUE_FIGURES, periodCount, periodMicros, context.measureFrom,
                    context.measureTo);
        }
        List<Integer> mapped = new ArrayList<>();
        for (int f = 0; f < functions.length; f++) {
            EventSourceSpec es = functions[f].spec.eventSource();
            if (es != null && es.isQueue()) {
                mapped.add(f);
            }
        }
        int m = mapped.size();
        mFunction = new int[m];
        mQueue = new int[m];
        mBatchSize = new int[m];
        mWindowMicros = new long[m];
        mPartial = new boolean[m];
        mCap = new int[m];
        mInitial = new int[m];
        mTarget = new int[m];
        mActive = new int[m];
        mActiveMax = new int[m];
        mPeak = new int[m];
        mBacklog = new boolean[m];
        mPollPending = new boolean[m];
        mWindowPending = new boolean[m];
        mWindowGeneration = new int[m];
        mBackoffUntil = new long[m];
        mBatches = new long[m];
        mRecords = new long[m];
        mThrottled = new long[m];
        mFailed = new long[m];
        mRecordsMax = new int[m];
        mEndToEnd = new Recorder[m];
        mRecordRandom = new RandomStream[m];
        List<List<Integer>> byQueue = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            byQueue.add(new ArrayList<>());
        }
        for (int i = 0; i < m; i++) {
            int f = mapped.get(i);
            FunctionSpec fs = functions[f].spec;
            EventSourceSpec es = fs.eventSource();
            int q = index(es.queue());
            mFunction[i] = f;
            mQueue[i] = q;
            mBatchSize[i] = es.batchSize();
            mWindowMicros[i] = es.maximumBatchingWindowMicros();
            mPartial[i] = es.reportBatchItemFailures();
            mCap[i] = es.maximumConcurrency() > 0 ? Math.min(es.maximumConcurrency(), rules.sqsMaxConcurrency())
                    : rules.sqsMaxConcurrency();
            mInitial[i] = Math.min(rules.sqsInitialConcurrency(), mCap[i]);
            mTarget[i] = mInitial[i];
            mEndToEnd[i] = new Recorder();
            mRecordRandom[i] = context.stream("records:" + fs.name());
            byQueue.get(q).add(i);
        }
        consumers = new int[n][];
        for (int q = 0; q < n; q++) {
            consumers[q] = byQueue.get(q).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    void wire(Invocations invocations) {
        this.invocations = invocations;
    }

    /** The index of the queue named {@code name}. */
    private int index(String name) {
        for (int q = 0; q < queues.length; q++) {
            if (queues[q].name().equals(name)) {
                return q;
            }
        }
        throw new IllegalArgumentException("no queue " + name + " (the loader checks this)");
    }

    /** Starts each mapping's scaling clock. */
    void start() {
        for (int m = 0; m < mFunction.length; m++) {
            context.queue.push(Units.MICROS_PER_MINUTE, POLL_SCALE, m, 0);
        }
    }

    // ---------------------------------------------------------------- producers

    /** {@code count} messages sent to queue {@code q} now ({@code poison}: each makes every consumer fail). */
    void send(int q, int count, boolean poison) {
        MessageRing ring = visible[q];
        long now = context.now;
        for (int i = 0; i < count; i++) {
            ring.add(MessageRing.message(now, poison));
        }
        if (context.measured(now)) {
            sent[q] += count;
            periods[q].add(SENT, now, count);
        }
        levels(q);
        wakeConsumers(q);
    }

    private void wakeConsumers(int q) {
        for (int m : consumers[q]) {
            wake(m);
        }
    }

    /** A poller of mapping {@code m} that has room receives after the ReceiveMessage round trip. */
    private void wake(int m) {
        if (!mPollPending[m] && mActive[m] < mTarget[m] && !visible[mQueue[m]].isEmpty()) {
            mPollPending[m] = true;
            context.queue.push(Math.max(context.now + receiveMicros, mBackoffUntil[m]), POLL, m, 0);
        }
    }

    void onPoll(int m) {
        mPollPending[m] = false;
        poll(m);
    }

    /** Receives batches while the mapping has room and messages are visible. */
    private void poll(int m) {
        int q = mQueue[m];
        MessageRing ring = visible[q];
        if (mActive[m] >= mTarget[m] && !ring.isEmpty()) {
            mBacklog[m] = true;
        }
        while (mActive[m] < mTarget[m] && context.now >= mBackoffUntil[m]) {
            dropExpired(q);
            if (ring.isEmpty()) {
                return;
            }
            if (ring.size() < mBatchSize[m] && mWindowMicros[m] > 0) {
                if (!mWindowPending[m]) {
                    mWindowPending[m] = true;
                    context.queue.push(context.now + mWindowMicros[m], BATCH_WINDOW, m, ++mWindowGeneration[m]);
                }
                return;
            }
            if (!startBatch(m, Math.min(ring.size(), mBatchSize[m]))) {
                return;
            }
            if (mActive[m] >= mTarget[m] && !ring.isEmpty()) {
                mBacklog[m] = true;
            }
        }
    }

    /** The batching window of mapping {@code m} closed: it invokes with what it gathered. */
    void onBatchWindow(int m, int generation) {
        if (generation != mWindowGeneration[m]) {
            return;
        }
        mWindowPending[m] = false;
        int q = mQueue[m];
        dropExpired(q);
        if (mActive[m] < mTarget[m] && context.now >= mBackoffUntil[m] && !visible[q].isEmpty()) {
            if (!startBatch(m, Math.min(visible[q].size(), mBatchSize[m]))) {
                return;
            }
        }
        poll(m);
    }

    /**
     * Scales mapping {@code m} once a minute: up by the platform's step when messages waited for
     * room during the minute (or wait now), otherwise down to the most batches the minute used (at
     * least the initial level), so a steady load keeps the pollers it needs.
     */
    void onScale(int m) {
        if (mBacklog[m] || !visible[mQueue[m]].isEmpty()) {
            mTarget[m] = Math.min(mCap[m], mTarget[m] + perMinute);
        } else {
            mTarget[m] = Math.max(mInitial[m], Math.max(mPeak[m], mActive[m]));
        }
        mBacklog[m] = false;
        mPeak[m] = mActive[m];
        context.queue.push(context.now + Units.MICROS_PER_MINUTE, POLL_SCALE, m, 0);
        wake(m);
    }

    private void dropExpired(int q) {
        MessageRing ring = visible[q];
        long retention = queues[q].retentionMicros();
        while (!ring.isEmpty() && context.now - MessageRing.sentMicros(ring.get(0)) >= retention) {
            if (measured(ring.removeFirst())) {
                expired[q]++;
                periods[q].add(EXPIRED, context.now, 1);
            }
        }
    }

    /** Receives {@code n} messages into a batch and invokes the function with it; false when throttled. */
    private boolean startBatch(int m, int n) {
        int q = mQueue[m];
        int f = mFunction[m];
        long now = context.now;
        MessageRing ring = visible[q];
        oldestAge(q, now - MessageRing.sentMicros(ring.get(0)));
        int b = allocateBatch(m, n);
        long[] slot = bMessages[b];
        int measuredCount = 0;
        for (int i = 0; i < n; i++) {
            slot[i] = MessageRing.received(ring.removeFirst());
            if (measured(slot[i])) {
                measuredCount++;
            }
        }
        received[q] += measuredCount;
        periods[q].add(RECEIVED, now, measuredCount);
        inFlight[q] += n;
        int req = requests.createBatch(f, Requests.QUEUE_BATCH, now, b);
        stats.request(f);
        boolean counted = context.measured(now);
        if (invocations.start(req)) {
            mActive[m]++;
            mPeak[m] = Math.max(mPeak[m], mActive[m]);
            if (counted) {
                mActiveMax[m] = Math.max(mActiveMax[m], mActive[m]);
                mBatches[m]++;
                mRecords[m] += n;
                mRecordsMax[m] = Math.max(mRecordsMax[m], n);
                periods[q].add(BATCHES, now, 1);
            }
            periods[q].max(CONCURRENCY_MAX, now, mActive[m]);
            levels(q);
            return true;
        }
        // Throttled: the messages come back when their visibility timeout ends; the mapping backs off.
        stats.throttle(f, now);
        stats.requestEnded(f, Trees.FAILED, now);
        requests.free(req);
        if (counted) {
            mThrottled[m]++;
        }
        returnLater(b);
        mTarget[m] = Math.max(1, mActive[m]);
        mBackoffUntil[m] = now + throttleBackoffMicros;
        if (!mPollPending[m]) {
            mPollPending[m] = true;
            context.queue.push(mBackoffUntil[m], POLL, m, 0);
        }
        levels(q);
        return false;
    }

    /** The batch's messages become visible again when the visibility timeout since they were received ends. */
    private void returnLater(int b) {
        int q = mQueue[bMapping[b]];
        context.queue.push(Math.max(context.now, bReceivedMicros[b] + queues[q].visibilityTimeoutMicros()), VISIBLE, b, 0);
    }

    /** The number of records in the batch of {@code req}. */
    int records(int req) {
        return bCount[requests.batch(req)];
    }

    /**
     * Draws which records of the batch of {@code req} fail (poison messages always do; each other
     * with the function's record error rate) and says whether the invocation fails: it does when
     * one record fails, unless the function reports batch item failures.
     */
    boolean recordsFail(int req) {
        int b = requests.batch(req);
        int m = bMapping[b];
        double rate = functions[mFunction[m]].recordErrorRate;
        long[] slot = bMessages[b];
        boolean any = false;
        for (int i = 0, n = bCount[b]; i < n; i++) {
            long msg = slot[i] & ~MessageRing.FAILED;
            if (MessageRing.fails(msg, rate, mRecordRandom[m])) {
                msg |= MessageRing.FAILED;
                any = true;
            }
            slot[i] = msg;
        }
        return any && !mPartial[m];
    }

    /**
     * The invocation of batch {@code req} ended ({@code ok}: without an error): its messages are
     * deleted, but for the failed ones a partial response named, or all when it failed; those
     * come back after the visibility timeout.
     */
    void batchEnded(int req, boolean ok) {
        int b = requests.batch(req);
        int m = bMapping[b];
        int q = mQueue[m];
        int f = mFunction[m];
        long now = context.now;
        long[] slot = bMessages[b];
        int kept = 0;
        int n = bCount[b];
        int measuredDone = 0;
        for (int i = 0; i < n; i++) {
            long msg = slot[i];
            if (!ok || (msg & MessageRing.FAILED) != 0) {
                slot[kept++] = msg & ~MessageRing.FAILED;
            } else if (measured(msg)) {
                mEndToEnd[m].record(now - MessageRing.sentMicros(msg));
                measuredDone++;
            }
        }
        deleted[q] += measuredDone;
        inFlight[q] -= n - kept;
        periods[q].add(DELETED, now, measuredDone);
        if (!ok && context.measured(requests.arrivalMicros(req))) {
            mFailed[m]++;
        }
        if (kept > 0) {
            bCount[b] = kept;
            returnLater(b);
        } else {
            freeBatch(b);
        }
        stats.requestEnded(f, ok ? Trees.DONE : Trees.FAILED, requests.arrivalMicros(req));
        mActive[m]--;
        wake(m);
    }

    /** The visibility timeout of batch {@code b} ended: its messages are visible again, or dead-lettered. */
    void onVisible(int b) {
        int q = mQueue[bMapping[b]];
        int maxReceive = queues[q].maxReceiveCount();
        long[] slot = bMessages[b];
        int n = bCount[b];
        for (int i = 0; i < n; i++) {
            long msg = slot[i];
            if (maxReceive > 0 && MessageRing.receives(msg) >= maxReceive) {
                if (measured(msg)) {
                    deadLettered[q]++;
                    periods[q].add(DEAD_LETTERED, context.now, 1);
                }
            } else {
                // Back at the head, as the oldest: a standard queue gives no order, and a message that
                // was received once is no likelier than any other to wait behind the whole backlog.
                visible[q].addFirst(msg);
            }
        }
        inFlight[q] -= n;
        freeBatch(b);
        levels(q);
        wakeConsumers(q);
    }

    /** Whether a message was sent inside the measurement window (what becomes of it is counted). */
    private boolean measured(long message) {
        return context.measured(MessageRing.sentMicros(message));
    }

    private void levels(int q) {
        long now = context.now;
        if (!context.measured(now)) {
            return;
        }
        MessageRing ring = visible[q];
        visibleMax[q] = Math.max(visibleMax[q], ring.size());
        periods[q].max(VISIBLE_MAX, now, ring.size());
        periods[q].max(IN_FLIGHT_MAX, now, inFlight[q]);
        if (!ring.isEmpty()) {
            oldestAge(q, now - MessageRing.sentMicros(ring.get(0)));
        }
    }

    private void oldestAge(int q, long ageMicros) {
        if (!context.measured(context.now)) {
            return;
        }
        oldestAgeMaxMicros[q] = Math.max(oldestAgeMaxMicros[q], ageMicros);
        periods[q].max(OLDEST_AGE_MAX_SECONDS, context.now, ageMicros / 1e6);
    }

    private int allocateBatch(int m, int n) {
        int b;
        if (freeCount > 0) {
            b = freeBatches[--freeCount];
        } else {
            if (batchCount == bMapping.length) {
                int size = bMapping.length * 2;
                bMapping = java.util.Arrays.copyOf(bMapping, size);
                bCount = java.util.Arrays.copyOf(bCount, size);
                bReceivedMicros = java.util.Arrays.copyOf(bReceivedMicros, size);
                bMessages = java.util.Arrays.copyOf(bMessages, size);
                freeBatches = java.util.Arrays.copyOf(freeBatches, size);
            }
            b = batchCount++;
        }
        if (bMessages[b] == null || bMessages[b].length < n) {
            bMessages[b] = new long[Math.max(n, mBatchSize[m])];
        }
        bMapping[b] = m;
        bCount[b] = n;
        bReceivedMicros[b] = context.now;
        return b;
    }

    private void freeBatch(int b) {
        freeBatches[freeCount++] = b;
    }

    /** The measured messages still visible in queue {@code q}. */
    private long measuredVisible(int q) {
        long n = 0;
        MessageRing ring = visible[q];
        for (int i = 0; i < ring.size(); i++) {
            if (measured(ring.get(i))) {
                n++;
            }
        }
        return n;
    }

    /** The measured messages of queue {@code q} in batches: running, or waiting out their visibility timeout. */
    private long measuredInFlight(int q) {
        boolean[] free = new boolean[batchCount];
        for (int i = 0; i < freeCount; i++) {
            free[freeBatches[i]] = true;
        }
        long n = 0;
        for (int b = 0; b < batchCount; b++) {
            if (!free[b] && mQueue[bMapping[b]] == q) {
                for (int i = 0; i < bCount[b]; i++) {
                    if (measured(bMessages[b][i])) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** What the run measured of each queue and its consumers. */
    List<QueueResult> results(List<String> functionNames, io.github.lambdasim.billing.Bill bill) {
        List<QueueResult> out = new ArrayList<>();
        for (int q = 0; q < queues.length; q++) {
            List<QueueResult.Consumer> cs = new ArrayList<>();
            for (int m : consumers[q]) {
                cs.add(new QueueResult.Consumer(functionNames.get(mFunction[m]), mBatches[m], mRecords[m], mRecordsMax[m],
                        mThrottled[m], mFailed[m], mActiveMax[m], mEndToEnd[m].summary(),
                        bill.functions().get(mFunction[m]).period().exactUsd().total().doubleValue()));
            }
            PeriodFigures p = periods[q];
            out.add(new QueueResult(queues[q].name(), sent[q], received[q], deleted[q], deadLettered[q], expired[q],
                    measuredVisible(q), measuredInFlight(q), visibleMax[q], oldestAgeMaxMicros[q] / 1e6, cs,
                    new QueueResult.Periods(p.series(SENT), p.series(RECEIVED), p.series(DELETED), p.series(DEAD_LETTERED),
                            p.series(EXPIRED), p.series(VISIBLE_MAX), p.series(IN_FLIGHT_MAX),
                            p.series(OLDEST_AGE_MAX_SECONDS), p.series(BATCHES), p.series(CONCURRENCY_MAX))));
        }
        return out;
    }
}
