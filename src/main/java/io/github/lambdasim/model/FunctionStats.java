package io.github.lambdasim.model;

import io.github.lambdasim.billing.BillingEra;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodRecorder;
import io.github.lambdasim.stats.PeriodSeries;
import io.github.lambdasim.stats.Recorder;
import io.github.lambdasim.stats.TimeWeighted;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run measures of each function: counts, latency and duration recorders, time-weighted
 * levels (concurrency, environments alive and idle, provisioned level and busy), and the period
 * being filled. The components tell this one what happened.
 *
 * <p>Built to scale to whole accounts: a function's entry is allocated at its first request or
 * environment, and a bit set keeps the functions active in the period being filled (those with
 * an event in it, or environments alive, or provisioned concurrency configured). When the clock
 * passes the end of a period, only those get a row and any period work; a function whose levels
 * fell to zero leaves the set until its next event.
 *
 * <p>Only what the context measures is counted (see {@link Context#measured}): a request by its
 * arrival, an invocation and its bill by its start, an environment's creation or end by when it
 * happens. A warm-up is a period before the first that gets no row: at its end the levels'
 * integrals and peaks start again ({@link #startMeasuring}). At the end of the window the levels
 * are read once ({@link #stopMeasuring}), so that a window that ends before the run does not take
 * in the time after it, while the invocations of its requests still end and are counted.
 */
final class FunctionStats {
    /** The per-period percentiles, in the order of their metrics. */
    private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};
    private static final Metric[] DURATION_PERCENTILES = {Metric.DURATION_P50_MS, Metric.DURATION_P90_MS,
        Metric.DURATION_P95_MS, Metric.DURATION_P99_MS, Metric.DURATION_P999_MS};
    private static final Metric[] LATENCY_PERCENTILES = {Metric.LATENCY_P50_MS, Metric.LATENCY_P90_MS,
        Metric.LATENCY_P95_MS, Metric.LATENCY_P99_MS, Metric.LATENCY_P999_MS};
    private static final Metric[] COUNTS = {Metric.REQUESTS, Metric.INVOCATIONS, Metric.ERRORS, Metric.TIMEOUTS,
        Metric.THROTTLES, Metric.THROTTLES_RPS, Metric.COLD_STARTS, Metric.PROVISIONED_INVOCATIONS, Metric.ENVIRONMENTS_CREATED,
        Metric.ENVIRONMENTS_RECLAIMED, Metric.ASYNC_EVENTS_RECEIVED, Metric.ASYNC_EVENTS_DROPPED, Metric.ASYNC_RETRIES};

    private final Context context;
    private final FunctionModel[] functions;
    private final Admission admission;
    private final Entry[] entries;
    private final PeriodSeries.Builder series;
    /** Whether the run is event-driven: then each entry has its {@link Events}. */
    private final boolean eventDriven;
    /** The functions active in the period being filled, one bit each. */
    private final long[] active;
    private int period;
    private long periodEnd;
    /** Simulated time of period 0's start: the start of the measurement window. */
    private final long origin;
    private boolean measuring;
    private boolean stopped;
    private long accountMaxAtEnd;
    private final long[] percentiles = new long[PERCENTILES.length];
    /** Holds a period's warm and cold values together while their percentiles are found. */
    private final PeriodRecorder scratch = new PeriodRecorder();
    // The account as a whole: requests in flight over every function, and per period its peak and
    // mean (the sum of its functions' means, which the periods' rows already hold).
    private int accountBusy;
    private int accountMax;
    private int accountPeriodMax;
    private double accountPeriodMeanSum;
    private final double[] accountPeriodMaxes;
    private final double[] accountPeriodMeans;

    /** One function's statistics. */
    private static final class Entry {
        long requests;
        long invocations;
        long throttles;
        long throttlesRps;
        long errors;
        long timeouts;
        long coldStarts;
        long environmentsCreated;
        long environmentsReclaimed;
        long environmentsRecycled;
        long environmentsReset;
        long billedMicros;
        long billedInitMicros;
        long provisionedInvocations;
        long provisionedBilledMicros;
        /** Measured invocations started and not yet ended. */
        long inFlight;
        /** Environments alive when measuring started: they existed, they were not created in the window. */
        long aliveAtStart;
        /** The levels read at the end of the window, once ({@link #stopMeasuring}); null until then. */
        Levels atEnd;
        /** Warm invocations: a warm start's latency is its duration, so one recorder holds both. */
        final Recorder warm = new Recorder();
        final Recorder latencyCold = new Recorder();
        final Recorder durationCold = new Recorder();
        final Recorder init = new Recorder();
        // Requests in flight and idle environments change with every invocation: kept here, not in
        // TimeWeighted objects of their own, so an invocation touches one object of statistics.
        // The arithmetic is TimeWeighted's: the area grows by level x time at each change.
        long concurrency;
        long concurrencySince;
        double concurrencyArea;
        /** The concurrency area when measuring started. */
        double concurrencyStartArea;
        long concurrencyMax;
        long idle;
        long idleSince;
        double idleArea;
        final TimeWeighted alive;
        final TimeWeighted provisionedConfigured;
        final TimeWeighted provisionedBusyLevel;

        // The current period.
        final long[] periodCounts = new long[Metric.values().length];
        /** The period's warm invocations: their durations, which are their latencies. */
        final PeriodRecorder periodWarm = new PeriodRecorder();
        /** The period's cold starts, once the function has had one. */
        PeriodRecorder periodColdLatency;
        PeriodRecorder periodColdDuration;
        int periodConcurrencyMax;
        int periodProvisionedBusyMax;
        long periodBilledMicros;
        long periodProvisionedBilledMicros;
        double periodStartConfiguredArea;
        double periodStartProvisionedBusyArea;
        double periodStartAliveArea;
        double periodStartConcurrencyArea;
        double periodStartIdleArea;
        long periodStartMicros;

        /** Requests through the function's front door, and those its caller saw end with 504. */
        long frontDoorRequests;
        long gatewayTimeouts;

        /** Requests, events and calls, in an event-driven run. */
        final Events events;

        Entry(boolean eventDriven, long startMicros) {
            events = eventDriven ? new Events(startMicros) : null;
            alive = new TimeWeighted(startMicros);
            provisionedConfigured = new TimeWeighted(startMicros);
            provisionedBusyLevel = new TimeWeighted(startMicros);
        }
    }

    /** A function's levels at the end of the window. */
    private record Levels(double concurrencyMean, long concurrencyMax, long aliveAtEnd, double aliveMean,
                          double configuredMean, long configuredMax, long provisionedBusyMax, double waitingMean,
                          long waitingMax) {
    }

    /** One function's requests, asynchronous events and calls (event-driven runs). */
    private static final class Events {
        long done;
        long failed;
        long dropped;
        long received;
        long succeeded;
        long eventsDropped;
        long retries;
        long toOnSuccess;
        long toOnFailure;
        long recursionStopped;
        long ageCount;
        double ageSum;
        long ageMax;
        final Recorder latency = new Recorder();
        final TimeWeighted waiting;
        long syncCalls;
        long asyncCalls;
        long callsFailed;
        // The current period.
        long periodAgeCount;
        double periodAgeSum;
        long periodAgeMax;
        double periodStartWaitingArea;

        Events(long startMicros) {
            waiting = new TimeWeighted(startMicros);
        }
    }

    FunctionStats(Context context, FunctionModel[] functions, Admission admission, PeriodSeries.Builder series,
                  boolean eventDriven) {
        this.context = context;
        this.eventDriven = eventDriven;
        this.functions = functions;
        this.admission = admission;
        this.entries = new Entry[functions.length];
        this.series = series;
        this.active = new long[(functions.length + 63) >>> 6];
        this.origin = context.measureFrom;
        // A warm-up is a period of its own, closed without a row.
        this.measuring = origin == 0;
        this.periodEnd = measuring ? Math.min(series.periodMicros(), context.measureTo) : origin;
        this.accountPeriodMaxes = new double[series.periods()];
        this.accountPeriodMeans = new double[series.periods()];
    }

    /** The function's entry, created at its first use; the function is active in this period. */
    private Entry entry(int f) {
        Entry e = entries[f];
        if (e == null) {
            e = new Entry(eventDriven, origin);
            entries[f] = e;
        }
        long bit = 1L << f;
        if ((active[f >>> 6] & bit) == 0) {
            active[f >>> 6] |= bit;
            // Its period starts now, as far as its time-weighted means are concerned: it was
            // inactive since its last row, with every level at zero.
            e.periodStartMicros = origin + series.periodStartMicros(period);
        }
        return e;
    }

    // ---------------------------------------------------------------- requests and invocations

    /** A request of the function arrives now. */
    void request(int f) {
        if (!context.measured(context.now)) {
            return;
        }
        Entry e = entry(f);
        e.requests++;
        e.periodCounts[Metric.REQUESTS.ordinal()]++;
    }

    /** A synchronous request came through the function's front door. */
    void frontDoorRequest(int f) {
        if (context.measured(context.now)) {
            entry(f).frontDoorRequests++;
        }
    }

    /** The front door answered a request with 504 at its integration timeout (the function ran on). */
    void gatewayTimeout(int f) {
        // Counted with its invocation, which the caller measured.
        entry(f).gatewayTimeouts++;
    }

    /** An attempt of a request that arrived at {@code arrivalMicros} was throttled. */
    void throttle(int f, long arrivalMicros) {
        if (!context.measured(arrivalMicros)) {
            return;
        }
        Entry e = entry(f);
        e.throttles++;
        e.periodCounts[Metric.THROTTLES.ordinal()]++;
    }

    /** A throttle (counted by {@link #throttle} too) was for the requests-per-second quota. */
    void throttleRps(int f, long arrivalMicros) {
        if (!context.measured(arrivalMicros)) {
            return;
        }
        Entry e = entry(f);
        e.throttlesRps++;
        e.periodCounts[Metric.THROTTLES_RPS.ordinal()]++;
    }

    /** An invocation starts on an environment: busy levels and the period's peaks. */
    void invocationStarted(int f, boolean onProvisioned, boolean cold) {
        Entry e = entry(f);
        long now = context.now;
        if (context.measured(now)) {
            e.inFlight++;
        }
        if (onProvisioned) {
            e.provisionedBusyLevel.add(now, 1);
            int provisionedBusy = admission.provisionedBusy(f);
            if (provisionedBusy > e.periodProvisionedBusyMax) {
                e.periodProvisionedBusyMax = provisionedBusy;
            }
        }
        e.concurrencyArea += (double) e.concurrency * (now - e.concurrencySince);
        e.concurrencySince = now;
        if (++e.concurrency > e.concurrencyMax) {
            e.concurrencyMax = e.concurrency;
        }
        if (++accountBusy > accountPeriodMax) {
            accountPeriodMax = accountBusy;
            if (accountBusy > accountMax) {
                accountMax = accountBusy;
            }
        }
        if (!cold) {
            addIdle(e, now, -1);
        }
        int busy = admission.busy(f);
        if (busy > e.periodConcurrencyMax) {
            e.periodConcurrencyMax = busy;
        }
    }

    /**
     * Records a completed invocation, which leaves its environment; returns its billed duration in
     * microseconds. Of its init, {@code unbilledInitMicros} (a SnapStart restore) is never billed.
     */
    long invocationCompleted(int f, long startMicros, long latency, long initMicros, long unbilledInitMicros,
                             long durationMicros, int flags) {
        Entry e = entry(f);
        e.concurrencyArea += (double) e.concurrency * (context.now - e.concurrencySince);
        e.concurrencySince = context.now;
        e.concurrency--;
        accountBusy--;
        if ((flags & InvocationSample.FLAG_PROVISIONED) != 0) {
            e.provisionedBusyLevel.add(context.now, -1);
        }
        if (!context.measured(startMicros)) {
            return 0; // started before the window (or after it): neither measured nor billed
        }
        e.inFlight--;
        FunctionModel fm = functions[f];
        boolean cold = (flags & InvocationSample.FLAG_COLD) != 0;
        e.invocations++;
        e.periodCounts[Metric.INVOCATIONS.ordinal()]++;
        long billed;
        if ((flags & InvocationSample.FLAG_PROVISIONED) != 0) {
            // Pre-initialized: no init to wait for or bill, and the lower provisioned duration rate.
            e.provisionedInvocations++;
            e.periodCounts[Metric.PROVISIONED_INVOCATIONS.ordinal()]++;
            e.warm.record(durationMicros);
            billed = BillingEra.billedDurationMs(durationMicros, fm.billingEra) * 1000;
            e.provisionedBilledMicros += billed;
            e.periodProvisionedBilledMicros += billed;
            recordOutcome(e, latency, durationMicros, flags);
            return billed;
        }
        if (cold) {
            e.coldStarts++;
            e.periodCounts[Metric.COLD_STARTS.ordinal()]++;
            e.init.record(initMicros);
            e.latencyCold.record(latency);
            e.durationCold.record(durationMicros);
            billed = BillingEra.billedInvocationMs(initMicros - unbilledInitMicros, durationMicros, fm.managedRuntime,
                    fm.billingEra) * 1000;
            e.billedInitMicros += billed - BillingEra.billedDurationMs(durationMicros, fm.billingEra) * 1000;
        } else {
            e.warm.record(durationMicros);
            billed = BillingEra.billedDurationMs(durationMicros, fm.billingEra) * 1000;
        }
        e.billedMicros += billed;
        e.periodBilledMicros += billed;
        recordOutcome(e, latency, durationMicros, flags);
        return billed;
    }

    private static void recordOutcome(Entry e, long latency, long durationMicros, int flags) {
        if ((flags & InvocationSample.FLAG_ERROR) != 0) {
            e.errors++;
            e.periodCounts[Metric.ERRORS.ordinal()]++;
        }
        if ((flags & InvocationSample.FLAG_TIMEOUT) != 0) {
            e.timeouts++;
            e.periodCounts[Metric.TIMEOUTS.ordinal()]++;
        }
        if ((flags & InvocationSample.FLAG_COLD) == 0) {
            e.periodWarm.record(durationMicros);
        } else {
            if (e.periodColdLatency == null) {
                e.periodColdLatency = new PeriodRecorder();
                e.periodColdDuration = new PeriodRecorder();
            }
            e.periodColdLatency.record(latency);
            e.periodColdDuration.record(durationMicros);
        }
    }


    // ---------------------------------------------------------------- requests, events and calls (event-driven runs)

    /** A request of the function ended: {@link Trees#DONE}, {@link Trees#FAILED} or {@link Trees#DROPPED}. */
    void requestEnded(int f, int outcome, long arrivalMicros) {
        if (!context.measured(arrivalMicros)) {
            return;
        }
        Events v = entry(f).events;
        switch (outcome) {
            case Trees.DONE -> v.done++;
            case Trees.FAILED -> v.failed++;
            default -> v.dropped++;
        }
    }

    void asyncReceived(int f) {
        if (!context.measured(context.now)) {
            return;
        }
        Entry e = entry(f);
        e.events.received++;
        e.periodCounts[Metric.ASYNC_EVENTS_RECEIVED.ordinal()]++;
    }

    /** An attempt of an event starts an invocation, {@code ageMicros} after the event arrived. */
    void asyncAttemptStarted(int f, long ageMicros) {
        if (!context.measured(context.now - ageMicros)) {
            return;
        }
        Events v = entry(f).events;
        v.ageCount++;
        v.ageSum += ageMicros;
        v.ageMax = Math.max(v.ageMax, ageMicros);
        v.periodAgeCount++;
        v.periodAgeSum += ageMicros;
        v.periodAgeMax = Math.max(v.periodAgeMax, ageMicros);
    }

    /** Events waiting in the function's queue (for capacity or a retry) change by {@code delta}. */
    void asyncWaiting(int f, int delta) {
        entry(f).events.waiting.add(context.now, delta);
    }

    /** An event was processed, {@code latencyMicros} after it arrived. */
    void asyncSucceeded(int f, long latencyMicros) {
        if (!context.measured(context.now - latencyMicros)) {
            return;
        }
        Events v = entry(f).events;
        v.succeeded++;
        v.latency.record(latencyMicros);
    }

    void asyncRetried(int f, long arrivalMicros) {
        if (!context.measured(arrivalMicros)) {
            return;
        }
        Entry e = entry(f);
        e.events.retries++;
        e.periodCounts[Metric.ASYNC_RETRIES.ordinal()]++;
    }

    void asyncDropped(int f, long arrivalMicros) {
        if (!context.measured(arrivalMicros)) {
            return;
        }
        Entry e = entry(f);
        e.events.eventsDropped++;
        e.periodCounts[Metric.ASYNC_EVENTS_DROPPED.ordinal()]++;
    }

    /** An event was sent on to the function's onSuccess or onFailure destination. */
    void asyncSentOn(int f, boolean success, long arrivalMicros) {
        if (!context.measured(arrivalMicros)) {
            return;
        }
        Events v = entry(f).events;
        if (success) {
            v.toOnSuccess++;
        } else {
            v.toOnFailure++;
        }
    }

    void recursionStopped(int f) {
        if (context.measured(context.now)) {
            entry(f).events.recursionStopped++;
        }
    }

    /** The function made {@code n} calls to other functions. */
    void callsMade(int f, boolean sync, int n) {
        if (!context.measured(context.now)) {
            return;
        }
        Events v = entry(f).events;
        if (sync) {
            v.syncCalls += n;
        } else {
            v.asyncCalls += n;
        }
    }

    /** A call that arrived at {@code arrivalMicros} failed. */
    void callFailed(int f, long arrivalMicros) {
        if (context.measured(arrivalMicros)) {
            entry(f).events.callsFailed++;
        }
    }

    // ---------------------------------------------------------------- environments

    void environmentCreated(int f) {
        Entry e = entry(f);
        e.alive.add(context.now, 1);
        if (context.measured(context.now)) {
            e.environmentsCreated++;
            e.periodCounts[Metric.ENVIRONMENTS_CREATED.ordinal()]++;
        }
    }

    void environmentDestroyed(int f) {
        Entry e = entry(f);
        e.alive.add(context.now, -1);
        if (context.measured(context.now)) {
            e.periodCounts[Metric.ENVIRONMENTS_RECLAIMED.ordinal()]++;
        }
    }

    /** A provisioned environment recycled or reset starts again: counted as shut down and created. */
    void environmentReinitialized(int f) {
        if (!context.measured(context.now)) {
            return;
        }
        Entry e = entry(f);
        e.environmentsCreated++;
        e.periodCounts[Metric.ENVIRONMENTS_RECLAIMED.ordinal()]++;
        e.periodCounts[Metric.ENVIRONMENTS_CREATED.ordinal()]++;
    }

    void idleChanged(int f, int delta) {
        addIdle(entry(f), context.now, delta);
    }

    private static void addIdle(Entry e, long now, int delta) {
        e.idleArea += (double) e.idle * (now - e.idleSince);
        e.idleSince = now;
        e.idle += delta;
    }

    void reclaimed(int f) {
        if (context.measured(context.now)) {
            entry(f).environmentsReclaimed++;
        }
    }

    /** A provisioned environment's init ran {@code micros} (to its end, its limit, or a scale-in): billed where the era says. */
    void provisionedInitRan(int f, long micros) {
        FunctionModel fm = functions[f];
        if (micros <= 0 || !fm.billingEra.billsProvisionedInit() || !context.measured(context.now)) {
            return;
        }
        Entry e = entry(f);
        long billed = BillingEra.billedDurationMs(micros, fm.billingEra) * 1000;
        e.provisionedBilledMicros += billed;
        e.periodProvisionedBilledMicros += billed;
    }

    void recycled(int f) {
        if (context.measured(context.now)) {
            entry(f).environmentsRecycled++;
        }
    }

    void reset(int f) {
        if (context.measured(context.now)) {
            entry(f).environmentsReset++;
        }
    }

    // ---------------------------------------------------------------- provisioned concurrency

    void provisionedLevelChanged(int f, int delta) {
        entry(f).provisionedConfigured.add(context.now, delta);
    }

    /** The integral of busy provisioned environments over time so far, for target tracking. */
    double provisionedBusyArea(int f, long now) {
        return entries[f] == null ? 0 : entries[f].provisionedBusyLevel.area(now);
    }

    // ---------------------------------------------------------------- periods

    /** Closes every period that ends at or before {@code t}: a row for each function active in it. */
    void closePeriodsUpTo(long t) {
        if (!measuring) {
            if (t < periodEnd) {
                return;
            }
            startMeasuring();
        }
        while (t >= periodEnd && period < series.periods()) {
            for (int w = 0; w < active.length; w++) {
                long bits = active[w];
                while (bits != 0) {
                    int f = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    closePeriod(f, periodEnd);
                }
            }
            accountPeriodMaxes[period] = accountPeriodMax;
            accountPeriodMeans[period] = accountPeriodMeanSum;
            accountPeriodMeanSum = 0;
            accountPeriodMax = accountBusy;
            period++;
            periodEnd = Math.min(periodEnd + series.periodMicros(), context.measureTo);
        }
        if (period == series.periods() && !stopped) {
            stopMeasuring();
        }
    }

    /**
     * The warm-up ends: what was counted in it is forgotten (only levels and environments alive
     * carry on), the levels' integrals and peaks start again, period 0 begins.
     */
    private void startMeasuring() {
        long at = origin;
        measuring = true;
        for (int f = 0; f < entries.length; f++) {
            Entry e = entries[f];
            if (e == null) {
                continue;
            }
            e.concurrencyArea += (double) e.concurrency * (at - e.concurrencySince);
            e.concurrencySince = at;
            e.concurrencyStartArea = e.concurrencyArea;
            e.concurrencyMax = e.concurrency;
            e.idleArea += (double) e.idle * (at - e.idleSince);
            e.idleSince = at;
            e.alive.restart(at);
            e.provisionedConfigured.restart(at);
            e.provisionedBusyLevel.restart(at);
            e.aliveAtStart = e.alive.level();
            e.periodStartConcurrencyArea = e.concurrencyArea;
            e.periodStartIdleArea = e.idleArea;
            e.periodStartAliveArea = e.alive.area(at);
            e.periodStartConfiguredArea = e.provisionedConfigured.area(at);
            e.periodStartProvisionedBusyArea = e.provisionedBusyLevel.area(at);
            e.periodStartMicros = at;
            java.util.Arrays.fill(e.periodCounts, 0);
            e.periodWarm.reset();
            if (e.periodColdLatency != null) {
                e.periodColdLatency.reset();
                e.periodColdDuration.reset();
            }
            e.periodConcurrencyMax = admission.busy(f);
            e.periodProvisionedBusyMax = admission.provisionedBusy(f);
            e.periodBilledMicros = 0;
            e.periodProvisionedBilledMicros = 0;
            if (e.events != null) {
                e.events.waiting.restart(at);
                e.events.periodStartWaitingArea = e.events.waiting.area(at);
                e.events.periodAgeCount = 0;
                e.events.periodAgeSum = 0;
                e.events.periodAgeMax = 0;
            }
        }
        accountMax = accountBusy;
        accountPeriodMax = accountBusy;
        periodEnd = Math.min(origin + series.periodMicros(), context.measureTo);
    }

    /** The window ends: each function's levels are read here, once; periods are over. */
    private void stopMeasuring() {
        stopped = true;
        long at = context.measureTo;
        double span = Math.max(1, at - origin);
        for (Entry e : entries) {
            if (e == null) {
                continue;
            }
            double c = e.concurrencyArea + (double) e.concurrency * (at - e.concurrencySince) - e.concurrencyStartArea;
            e.atEnd = new Levels(c / span, e.concurrencyMax, e.alive.level(), e.alive.mean(at),
                    e.provisionedConfigured.mean(at), e.provisionedConfigured.max(), e.provisionedBusyLevel.max(),
                    e.events == null ? 0 : e.events.waiting.mean(at), e.events == null ? 0 : e.events.waiting.max());
        }
        accountMaxAtEnd = accountMax;
        periodEnd = Long.MAX_VALUE;
    }

    /**
     * At the end of a run whose window ended earlier: what the window's requests did after it (their
     * invocations ending, billed) goes to each function's last period, so that the periods still add
     * up to the run's figures.
     */
    void closeLate() {
        int last = series.periods() - 1;
        Metric[] added = {Metric.BILLED_MS, Metric.PROVISIONED_BILLED_MS, Metric.GB_SECONDS, Metric.SPILLOVER_INVOCATIONS};
        for (int f = 0; f < entries.length; f++) {
            Entry e = entries[f];
            if (e == null || e.atEnd == null) {
                continue;
            }
            long[] counts = e.periodCounts;
            double[] values = {e.periodBilledMicros / 1000.0, e.periodProvisionedBilledMicros / 1000.0,
                functions[f].gbSeconds(e.periodBilledMicros + e.periodProvisionedBilledMicros),
                counts[Metric.INVOCATIONS.ordinal()] - counts[Metric.PROVISIONED_INVOCATIONS.ordinal()]};
            boolean any = false;
            for (long c : counts) {
                any |= c != 0;
            }
            if (!any && values[0] == 0 && values[1] == 0) {
                continue;
            }
            int row = -1;
            for (int r = series.rows() - 1; r >= 0 && series.rowPeriod(r) == last; r--) {
                if (series.rowFunction(r) == f) {
                    row = r;
                }
            }
            if (row < 0) {
                continue; // not reached: a function with requests in flight at the window's end has a row there
            }
            for (Metric m : COUNTS) {
                series.set(row, m, series.get(row, m) + counts[m.ordinal()]);
            }
            for (int k = 0; k < added.length; k++) {
                series.set(row, added[k], series.get(row, added[k]) + values[k]);
            }
        }
    }

    /** When the period being filled ends: the loop closes periods when the clock reaches it. */
    long periodEndMicros() {
        return periodEnd;
    }

    private void closePeriod(int f, long endMicros) {
        Entry e = entries[f];
        int row = series.add(period, f);
        long[] counts = e.periodCounts;
        for (Metric m : COUNTS) {
            series.set(row, m, counts[m.ordinal()]);
        }
        series.set(row, Metric.SPILLOVER_INVOCATIONS, counts[Metric.INVOCATIONS.ordinal()]
                - counts[Metric.PROVISIONED_INVOCATIONS.ordinal()]);
        PeriodRecorder warm = e.periodWarm;
        PeriodRecorder coldDuration = e.periodColdDuration;
        long n = warm.count() + (coldDuration == null ? 0 : coldDuration.count());
        series.set(row, Metric.DURATION_AVG_MS, n == 0 ? 0
                : (warm.sumMicros() + (coldDuration == null ? 0 : coldDuration.sumMicros())) / n / 1000);
        distribution(row, warm, coldDuration, DURATION_PERCENTILES, Metric.DURATION_MAX_MS, Metric.DURATION_TM99_MS);
        distribution(row, warm, e.periodColdLatency, LATENCY_PERCENTILES, Metric.LATENCY_MAX_MS,
                Metric.LATENCY_TM99_MS);
        series.set(row, Metric.CONCURRENT_EXECUTIONS, e.periodConcurrencyMax);
        double span = Math.max(1, endMicros - e.periodStartMicros);
        double c = e.concurrencyArea + (double) e.concurrency * (endMicros - e.concurrencySince);
        double i = e.idleArea + (double) e.idle * (endMicros - e.idleSince);
        double concurrencyAvg = (c - e.periodStartConcurrencyArea) / span;
        series.set(row, Metric.CONCURRENCY_AVG, concurrencyAvg);
        accountPeriodMeanSum += concurrencyAvg;
        series.set(row, Metric.ENVIRONMENTS_IDLE_AVG, (i - e.periodStartIdleArea) / span);
        double configured = e.provisionedConfigured.area(endMicros);
        double provisionedBusyArea = e.provisionedBusyLevel.area(endMicros);
        double aliveArea = e.alive.area(endMicros);
        series.set(row, Metric.ENVIRONMENTS_ALIVE_AVG, (aliveArea - e.periodStartAliveArea) / span);
        series.set(row, Metric.PROVISIONED_CONCURRENCY, (configured - e.periodStartConfiguredArea) / span);
        series.set(row, Metric.PROVISIONED_CONCURRENT_EXECUTIONS, e.periodProvisionedBusyMax);
        series.set(row, Metric.PROVISIONED_UTILIZATION, configured - e.periodStartConfiguredArea <= 0 ? 0
                : (provisionedBusyArea - e.periodStartProvisionedBusyArea) / (configured - e.periodStartConfiguredArea));
        series.set(row, Metric.BILLED_MS, e.periodBilledMicros / 1000.0);
        series.set(row, Metric.PROVISIONED_BILLED_MS, e.periodProvisionedBilledMicros / 1000.0);
        series.set(row, Metric.GB_SECONDS, functions[f].gbSeconds(e.periodBilledMicros + e.periodProvisionedBilledMicros));
        e.periodStartConfiguredArea = configured;
        e.periodStartProvisionedBusyArea = provisionedBusyArea;
        e.periodStartAliveArea = aliveArea;
        e.periodProvisionedBusyMax = admission.provisionedBusy(f);
        e.periodProvisionedBilledMicros = 0;
        e.periodStartConcurrencyArea = c;
        e.periodStartIdleArea = i;
        e.periodStartMicros = endMicros;
        java.util.Arrays.fill(counts, 0);
        if (e.events != null) {
            closeEventPeriod(e.events, row, endMicros, span);
        }
        e.periodWarm.reset();
        if (e.periodColdLatency != null) {
            e.periodColdLatency.reset();
            e.periodColdDuration.reset();
        }
        e.periodConcurrencyMax = admission.busy(f);
        e.periodBilledMicros = 0;
        if (e.alive.level() == 0 && admission.busy(f) == 0 && admission.provisionedLevel(f) == 0
                && (e.events == null || e.events.waiting.level() == 0)) {
            active[f >>> 6] &= ~(1L << f); // nothing left to measure until its next event
        }
    }

    private void closeEventPeriod(Events v, int row, long endMicros, double span) {
        series.set(row, Metric.ASYNC_EVENT_AGE_AVG_MS, v.periodAgeCount == 0 ? 0 : v.periodAgeSum / v.periodAgeCount / 1000);
        series.set(row, Metric.ASYNC_EVENT_AGE_MAX_MS, v.periodAgeMax / 1000.0);
        double waitingArea = v.waiting.area(endMicros);
        series.set(row, Metric.ASYNC_EVENTS_WAITING_AVG, (waitingArea - v.periodStartWaitingArea) / span);
        v.periodStartWaitingArea = waitingArea;
        v.periodAgeCount = 0;
        v.periodAgeSum = 0;
        v.periodAgeMax = 0;
    }

    /** The percentiles, maximum and trimmed mean (tm99) of the warm invocations and the cold ones together. */
    private void distribution(int row, PeriodRecorder warm, PeriodRecorder cold, Metric[] percentileMetrics, Metric max,
                              Metric tm99) {
        PeriodRecorder all = PeriodRecorder.together(warm, cold, scratch);
        all.percentilesMicros(PERCENTILES, percentiles);
        series.set(row, tm99, all.trimmedMeanMicros(99) / 1000);
        for (int k = 0; k < percentileMetrics.length; k++) {
            series.set(row, percentileMetrics[k], percentiles[k] / 1000.0);
        }
        series.set(row, max, Math.max(warm.maxMicros(), cold == null ? 0 : cold.maxMicros()) / 1000.0);
    }

    // ---------------------------------------------------------------- results

    /** The account's concurrency over the run and per period. */
    AccountResult account(List<FunctionResult> functions) {
        double mean = 0;
        for (FunctionResult f : functions) {
            mean += f.concurrencyMean();
        }
        return new AccountResult(mean, accountMaxAtEnd, accountPeriodMaxes, accountPeriodMeans);
    }

    /**
     * @param unfinished the function's requests still in flight or waiting at the end, counted in
     *                   the request table (event-driven runs; 0 otherwise)
     */
    FunctionResult result(int f, List<io.github.lambdasim.billing.ProvisionedInterval> intervals, long unfinished) {
        FunctionModel fm = functions[f];
        Entry e = entries[f] != null ? entries[f] : new Entry(eventDriven, origin);
        Levels l = e.atEnd != null ? e.atEnd : new Levels(0, 0, 0, 0, 0, 0, 0, 0, 0);
        Recorder latency = Recorder.merge(e.warm, e.latencyCold);
        Recorder duration = Recorder.merge(e.warm, e.durationCold);
        return new FunctionResult(fm.spec.name(), fm.spec.memoryMb(), fm.spec.architecture(), fm.spec.ephemeralStorageMb(),
                e.requests, e.invocations, e.throttles, e.throttlesRps, e.errors, e.timeouts, e.coldStarts, e.provisionedInvocations,
                e.invocations - e.provisionedInvocations, e.inFlight,
                latency.summary(), duration.summary(), e.init.summary(), l.concurrencyMean(),
                l.concurrencyMax(), e.environmentsCreated, e.environmentsReclaimed, e.environmentsRecycled,
                e.aliveAtStart, e.environmentsReset, l.aliveAtEnd(), l.aliveMean(), e.billedMicros, e.billedInitMicros,
                e.provisionedBilledMicros, fm.gbSeconds(e.billedMicros + e.provisionedBilledMicros), new ArrayList<>(intervals),
                l.configuredMean(), l.configuredMax(), l.provisionedBusyMax(),
                e.warm.compressed(), e.latencyCold.compressed(), e.events == null ? null : events(e.events, l, unfinished),
                fm.spec.frontDoor() == null ? null
                        : new FrontDoorResult(fm.spec.frontDoor().type().label(), e.frontDoorRequests, e.gatewayTimeouts));
    }

    private static FunctionEvents events(Events v, Levels l, long unfinished) {
        return new FunctionEvents(v.done, v.failed, v.dropped, unfinished, v.received, v.succeeded, v.eventsDropped,
                v.retries, v.toOnSuccess, v.toOnFailure, v.recursionStopped,
                v.ageCount == 0 ? 0 : v.ageSum / v.ageCount / 1000, v.ageMax / 1000.0, v.latency.summary(),
                l.waitingMean(), l.waitingMax(), v.syncCalls, v.asyncCalls, v.callsFailed);
    }
}
