package io.github.lambdasim.model;

import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.EventSourceSpec;
import io.github.lambdasim.scenario.PlatformSpec;
import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.StreamSpec;
import io.github.lambdasim.stats.Recorder;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kinesis and DynamoDB streams of a run and the function that consumes each. A stream's
 * shard is split into {@code parallelizationFactor} <em>lanes</em> (one when nobody consumes it),
 * a record's lane chosen by its partition key, so records of one key stay in order. Each lane is
 * a FIFO of records ({@link MessageRing}) and processes one batch at a time, in order: polled
 * every second (Kinesis) or quarter second (DynamoDB) when idle ({@link #SHARD_POLL}), at once
 * after a batch that succeeded while records remain. A failing batch blocks its lane: it is
 * retried at the next poll, split in two first when {@code bisectBatchOnFunctionError} (splits
 * are not retries), and discarded after {@code maximumRetryAttempts} retries; records older than
 * {@code maximumRecordAge} or the stream's retention are skipped when the lane polls. So a
 * consumer runs at most shards x parallelization factor batches at once.
 */
final class Streams {
    static final int SHARD_POLL = 15;

    // Per-period figures of a stream.
    static final int RECORDS_IN = 0;
    static final int PROCESSED = 1;
    static final int DISCARDED = 2;
    static final int EXPIRED = 3;
    static final int ITERATOR_AGE_MAX_SECONDS = 4;
    static final int BLOCKED_SECONDS = 5;
    static final int BATCHES = 6;
    static final int CONCURRENCY_MAX = 7;
    private static final int STREAM_FIGURES = 8;

    private final Context context;
    private final Requests requests;
    private final FunctionStats stats;
    private final FunctionModel[] functions;
    private Invocations invocations;

    private final StreamSpec[] streams;
    private final int[] laneBase;
    private final int[] lanesPerShard;
    /** The consuming function of each stream, or -1. */
    private final int[] consumer;
    private final int[] batchSize;
    private final long[] windowMicros;
    private final boolean[] bisect;
    private final int[] maxRetries;
    /** Records older than this are skipped: the mapping's maximum record age, or the retention. */
    private final long[] maxAgeMicros;
    private final long[] pollMicros;
    private final RandomStream[] keyRandom;
    private final RandomStream[] recordRandom;
    private final long[] recordsIn;
    private final long[] processed;
    private final long[] discarded;
    private final long[] expired;
    private final long[] outOfOrder;
    private final long[] batches;
    /** Records in the batches started (a record tried twice counts twice). */
    private final long[] records;
    private final long[] failedBatches;
    private final long[] throttled;
    private final int[] recordsMax;
    private final int[] active;
    private final int[] activeMax;
    private final double[] iteratorAgeMaxSeconds;
    private final long[] blockedMicros;
    private final Recorder[] endToEnd;
    private final PeriodFigures[] periods;
    /** Per stream, the highest iterator age per shard and period, in seconds. */
    private final PeriodFigures[] shardAges;

    // Lanes.
    private final int[] laneStream;
    private final MessageRing[] ring;
    private final boolean[] busy;
    private final boolean[] pollPending;
    private final int[] inBatch;
    private final int[] attempts;
    private final int[] limit;
    /** Records removed from the lane so far; {@code bisectEnd} is the count at which a split batch's records are all done. */
    private final long[] consumed;
    private final long[] bisectEnd;
    private final long[] blockedSince;
    private final long[] lastSentMicros;
    private final long[] phaseMicros;

    Streams(Context context, ScenarioSpec spec, FunctionModel[] functions, Requests requests, FunctionStats stats,
            int periodCount, long periodMicros) {
        this.context = context;
        this.requests = requests;
        this.stats = stats;
        this.functions = functions;
        PlatformSpec.EventSourceRules rules = spec.platform().events().sources();
        int n = spec.streams().size();
        streams = spec.streams().toArray(new StreamSpec[0]);
        laneBase = new int[n + 1];
        lanesPerShard = new int[n];
        consumer = new int[n];
        batchSize = new int[n];
        windowMicros = new long[n];
        bisect = new boolean[n];
        maxRetries = new int[n];
        maxAgeMicros = new long[n];
        pollMicros = new long[n];
        keyRandom = new RandomStream[n];
        recordRandom = new RandomStream[n];
        recordsIn = new long[n];
        processed = new long[n];
        discarded = new long[n];
        expired = new long[n];
        outOfOrder = new long[n];
        batches = new long[n];
        records = new long[n];
        failedBatches = new long[n];
        throttled = new long[n];
        recordsMax = new int[n];
        active = new int[n];
        activeMax = new int[n];
        iteratorAgeMaxSeconds = new double[n];
        blockedMicros = new long[n];
        endToEnd = new Recorder[n];
        periods = new PeriodFigures[n];
        shardAges = new PeriodFigures[n];
        java.util.Arrays.fill(consumer, -1);
        for (int s = 0; s < n; s++) {
            StreamSpec st = streams[s];
            lanesPerShard[s] = 1;
            maxAgeMicros[s] = st.retentionMicros();
            for (int f = 0; f < functions.length; f++) {
                EventSourceSpec es = functions[f].spec.eventSource();
                if (es != null && st.name().equals(es.stream())) {
                    consumer[s] = f;
                    lanesPerShard[s] = es.parallelizationFactor();
                    batchSize[s] = es.batchSize();
                    windowMicros[s] = es.maximumBatchingWindowMicros();
                    bisect[s] = es.bisectBatchOnFunctionError();
                    maxRetries[s] = es.maximumRetryAttempts();
                    if (es.maximumRecordAgeMicros() >= 0) {
                        maxAgeMicros[s] = Math.min(maxAgeMicros[s], es.maximumRecordAgeMicros());
                    }
                    recordRandom[s] = context.stream("records:" + functions[f].spec.name());
                }
            }
            pollMicros[s] = st.type() == StreamSpec.Type.KINESIS ? rules.kinesisPollMicros() : rules.dynamodbPollMicros();
            keyRandom[s] = context.stream("partition-keys:" + st.name());
            endToEnd[s] = new Recorder();
            periods[s] = new PeriodFigures(STREAM_FIGURES, periodCount, periodMicros, context.measureFrom,
                    context.measureTo);
            shardAges[s] = new PeriodFigures(st.shards(), periodCount, periodMicros, context.measureFrom,
                    context.measureTo);
            laneBase[s + 1] = laneBase[s] + st.shards() * lanesPerShard[s];
        }
        int lanes = laneBase[n];
        laneStream = new int[lanes];
        ring = new MessageRing[lanes];
        busy = new boolean[lanes];
        pollPending = new boolean[lanes];
        inBatch = new int[lanes];
        attempts = new int[lanes];
        limit = new int[lanes];
        consumed = new long[lanes];
        bisectEnd = new long[lanes];
        blockedSince = new long[lanes];
        lastSentMicros = new long[lanes];
        phaseMicros = new long[lanes];
        for (int s = 0; s < n; s++) {
            for (int lane = laneBase[s]; lane < laneBase[s + 1]; lane++) {
                laneStream[lane] = s;
                ring[lane] = new MessageRing();
                limit[lane] = Math.max(1, batchSize[s]);
                blockedSince[lane] = -1;
                // Lanes are polled out of step with each other, spread over the polling interval.
                phaseMicros[lane] = (long) (pollMicros[s] * ((lane - laneBase[s]) * 0.618033988749895 % 1.0));
            }
        }
    }

    void wire(Invocations invocations) {
        this.invocations = invocations;
    }

    // ---------------------------------------------------------------- producers

    /**
     * {@code count} records put on stream {@code s} now, with partition key hash {@code keyHash}
     * (or a random key when {@code randomKey}); {@code poison}: each makes every consumer fail.
     */
    void put(int s, int count, boolean randomKey, int keyHash, boolean poison) {
        int lanesOfShard = lanesPerShard[s];
        int shards = streams[s].shards();
        for (int i = 0; i < count; i++) {
            int slot = randomKey ? (int) (keyRandom[s].nextDouble() * shards * lanesOfShard)
                    : Math.floorMod(keyHash, shards * lanesOfShard);
            // The key picks the shard; within it, the lane (ParallelizationFactor keeps a key's order).
            int lane = laneBase[s] + (slot % shards) * lanesOfShard + slot / shards;
            if (!busy[lane]) {
                expire(lane);
            }
            ring[lane].add(MessageRing.message(context.now, poison));
            if (consumer[s] >= 0 && !busy[lane] && !pollPending[lane]) {
                pollPending[lane] = true;
                long p = pollMicros[s];
                long next = Math.floorDiv(context.now - phaseMicros[lane], p) * p + p + phaseMicros[lane];
                context.queue.push(next, SHARD_POLL, lane, 0);
            }
        }
        if (context.measured(context.now)) {
            recordsIn[s] += count;
            periods[s].add(RECORDS_IN, context.now, count);
        }
    }

    /** Lane {@code lane} is polled: it invokes with its next batch, waits for its window, or goes idle. */
    void onPoll(int lane) {
        pollPending[lane] = false;
        if (busy[lane]) {
            return;
        }
        int s = laneStream[lane];
        expire(lane);
        MessageRing r = ring[lane];
        if (r.isEmpty()) {
            return;
        }
        int n = Math.min(r.size(), limit[lane]);
        long now = context.now;
        if (n < batchSize[s] && windowMicros[s] > 0 && now < MessageRing.sentMicros(r.get(0)) + windowMicros[s]) {
            schedulePoll(lane, MessageRing.sentMicros(r.get(0)) + windowMicros[s]);
            return;
        }
        int f = consumer[s];
        int req = requests.createBatch(f, Requests.STREAM_BATCH, now, lane);
        stats.request(f);
        // IteratorAge: the age of the last record of the batch read.
        double age = (now - MessageRing.sentMicros(r.get(n - 1))) / 1e6;
        boolean counted = context.measured(now);
        if (counted) {
            iteratorAgeMaxSeconds[s] = Math.max(iteratorAgeMaxSeconds[s], age);
        }
        periods[s].max(ITERATOR_AGE_MAX_SECONDS, now, age);
        shardAges[s].max((lane - laneBase[s]) / lanesPerShard[s], now, age);
        inBatch[lane] = n; // read by the invocation as it starts (its records, which of them fail)
        if (!invocations.start(req)) {
            stats.throttle(f, now);
            stats.requestEnded(f, Trees.FAILED, now);
            requests.free(req);
            if (counted) {
                throttled[s]++;
            }
            schedulePoll(lane, now + pollMicros[s]);
            return;
        }
        busy[lane] = true;
        active[s]++;
        if (counted) {
            batches[s]++;
            records[s] += n;
            recordsMax[s] = Math.max(recordsMax[s], n);
            activeMax[s] = Math.max(activeMax[s], active[s]);
            periods[s].add(BATCHES, now, 1);
        }
        periods[s].max(CONCURRENCY_MAX, now, active[s]);
    }

    private void schedulePoll(int lane, long atMicros) {
        if (!pollPending[lane]) {
            pollPending[lane] = true;
            context.queue.push(atMicros, SHARD_POLL, lane, 0);
        }
    }

    /** Skips the records at the head of an idle lane that are older than the mapping's maximum record age or the retention. */
    private void expire(int lane) {
        int s = laneStream[lane];
        MessageRing r = ring[lane];
        long oldest = context.now - maxAgeMicros[s];
        boolean any = false;
        while (!r.isEmpty() && MessageRing.sentMicros(r.get(0)) <= oldest) {
            if (measured(r.removeFirst())) {
                expired[s]++;
                periods[s].add(EXPIRED, context.now, 1);
            }
            consumed[lane]++;
            any = true;
        }
        if (any) {
            // The failing batch is not what it was: its attempts start again, and it no longer blocks the lane.
            attempts[lane] = 0;
            if (consumed[lane] >= bisectEnd[lane]) {
                limit[lane] = Math.max(1, batchSize[s]);
            }
            unblock(lane);
        }
    }

    /** Whether a record was put inside the measurement window (what becomes of it is counted). */
    private boolean measured(long record) {
        return context.measured(MessageRing.sentMicros(record));
    }

    int records(int req) {
        return inBatch[requests.batch(req)];
    }

    /** Draws whether the batch of {@code req} fails: a poison record always does, each other record with the function's record error rate. */
    boolean recordsFail(int req) {
        int lane = requests.batch(req);
        int s = laneStream[lane];
        double rate = functions[consumer[s]].recordErrorRate;
        MessageRing r = ring[lane];
        boolean any = false;
        for (int i = 0, n = inBatch[lane]; i < n; i++) {
            if (MessageRing.fails(r.get(i), rate, recordRandom[s])) {
                any = true;
            }
        }
        return any;
    }

    /** The invocation of batch {@code req} ended: its records are done, or the lane retries, splits or discards the batch. */
    void batchEnded(int req, boolean ok) {
        int lane = requests.batch(req);
        int s = laneStream[lane];
        int f = consumer[s];
        long now = context.now;
        int n = inBatch[lane];
        MessageRing r = ring[lane];
        busy[lane] = false;
        active[s]--;
        if (ok) {
            int measuredDone = 0;
            for (int i = 0; i < n; i++) {
                long sentAt = MessageRing.sentMicros(r.removeFirst());
                if (sentAt < lastSentMicros[lane]) {
                    outOfOrder[s]++;
                }
                lastSentMicros[lane] = sentAt;
                if (context.measured(sentAt)) {
                    endToEnd[s].record(now - sentAt);
                    measuredDone++;
                }
            }
            processed[s] += measuredDone;
            periods[s].add(PROCESSED, now, measuredDone);
            done(lane, n);
            stats.requestEnded(f, Trees.DONE, requests.arrivalMicros(req));
            if (!r.isEmpty()) {
                schedulePoll(lane, now);
            }
            return;
        }
        if (context.measured(requests.arrivalMicros(req))) {
            failedBatches[s]++;
        }
        stats.requestEnded(f, Trees.FAILED, requests.arrivalMicros(req));
        if (blockedSince[lane] < 0) {
            blockedSince[lane] = now;
        }
        if (bisect[s] && n > 1) {
            limit[lane] = (n + 1) / 2;
            bisectEnd[lane] = Math.max(bisectEnd[lane], consumed[lane] + n);
        } else if (maxRetries[s] >= 0 && ++attempts[lane] > maxRetries[s]) {
            int measuredGone = 0;
            for (int i = 0; i < n; i++) {
                if (measured(r.removeFirst())) {
                    measuredGone++;
                }
            }
            discarded[s] += measuredGone;
            periods[s].add(DISCARDED, now, measuredGone);
            done(lane, n);
        }
        schedulePoll(lane, now + pollMicros[s]);
    }

    /** {@code n} records left the head of the lane: the batch no longer blocks it. */
    private void done(int lane, int n) {
        int s = laneStream[lane];
        consumed[lane] += n;
        attempts[lane] = 0;
        if (consumed[lane] >= bisectEnd[lane]) {
            limit[lane] = Math.max(1, batchSize[s]);
        }
        unblock(lane);
    }

    private void unblock(int lane) {
        int s = laneStream[lane];
        if (blockedSince[lane] >= 0) {
            periods[s].addSeconds(BLOCKED_SECONDS, blockedSince[lane], context.now);
            blockedMicros[s] += periods[s].clippedMicros(blockedSince[lane], context.now);
            blockedSince[lane] = -1;
        }
    }

    /** What the run measured of each stream and its consumer; lanes still blocked are counted up to {@code endMicros}. */
    List<StreamResult> results(List<String> functionNames, long endMicros, io.github.lambdasim.billing.Bill bill) {
        List<StreamResult> out = new ArrayList<>();
        for (int s = 0; s < streams.length; s++) {
            long blocked = blockedMicros[s];
            long remaining = 0;
            for (int lane = laneBase[s]; lane < laneBase[s + 1]; lane++) {
                MessageRing r = ring[lane];
                for (int i = 0; i < r.size(); i++) {
                    if (measured(r.get(i))) {
                        remaining++;
                    }
                }
                if (blockedSince[lane] >= 0) {
                    periods[s].addSeconds(BLOCKED_SECONDS, blockedSince[lane], endMicros);
                    blocked += periods[s].clippedMicros(blockedSince[lane], endMicros);
                }
            }
            double[][] ages = new double[streams[s].shards()][];
            for (int shard = 0; shard < ages.length; shard++) {
                ages[shard] = shardAges[s].series(shard);
            }
            PeriodFigures p = periods[s];
            out.add(new StreamResult(streams[s].name(), streams[s].type().label(), streams[s].shards(),
                    consumer[s] < 0 ? null : functionNames.get(consumer[s]), recordsIn[s], processed[s], discarded[s],
                    expired[s], remaining, outOfOrder[s], batches[s], records[s], failedBatches[s], throttled[s], recordsMax[s],
                    activeMax[s], streams[s].shards() * lanesPerShard[s], iteratorAgeMaxSeconds[s], blocked / 1e6,
                    endToEnd[s].summary(),
                    new StreamResult.Periods(p.series(RECORDS_IN), p.series(PROCESSED), p.series(DISCARDED),
                            p.series(EXPIRED), p.series(ITERATOR_AGE_MAX_SECONDS), p.series(BLOCKED_SECONDS),
                            p.series(BATCHES), p.series(CONCURRENCY_MAX), ages),
                    consumer[s] < 0 ? 0 : bill.functions().get(consumer[s]).period().exactUsd().total().doubleValue()));
        }
        return out;
    }
}
