package io.github.lambdasim.model;

import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.stats.Recorder;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry points of an event-driven run, one per traffic source: its arrivals, how the trees
 * they start end, their response and end-to-end times, and the usage their trees leave on each
 * function, from which each entry point's share of the bill is found after the run.
 */
final class EntryPoints {
    private final List<TrafficSpec> sources;
    private final long[] arrived;
    private final long[] succeeded;
    private final long[] failed;
    private final long[] retries;
    private final long[] dropped;
    private final long[] coldTrees;
    private final Recorder[] response;
    private final Recorder[] endToEnd;
    /** By (entry point, function): billed microseconds and invocations. */
    private final PairSums usage = new PairSums();

    /** @param sources the traffic sources in the order of their entry point numbers */
    EntryPoints(List<TrafficSpec> sources) {
        this.sources = List.copyOf(sources);
        int n = sources.size();
        arrived = new long[n];
        succeeded = new long[n];
        failed = new long[n];
        retries = new long[n];
        dropped = new long[n];
        coldTrees = new long[n];
        response = new Recorder[n];
        endToEnd = new Recorder[n];
    }

    void arrived(int entry) {
        arrived[entry]++;
    }

    void retried(int entry) {
        retries[entry]++;
    }

    void dropped(int entry) {
        dropped[entry]++;
    }

    /** The root request of a tree ended, {@code micros} after it arrived. */
    void rootFinished(int entry, boolean done, long micros) {
        if (done) {
            recorder(response, entry).record(micros);
        }
    }

    /** A whole tree is done, {@code micros} after its root arrived. */
    void treeDone(int entry, boolean ok, boolean cold, long micros) {
        if (ok) {
            succeeded[entry]++;
            recorder(endToEnd, entry).record(micros);
        } else {
            failed[entry]++;
        }
        if (cold) {
            coldTrees[entry]++;
        }
    }

    /** An invocation of a request of entry point {@code entry} on function {@code f} was billed {@code billedMicros}. */
    void used(int entry, int f, long billedMicros) {
        usage.add(entry, f, billedMicros, 1);
    }

    private static Recorder recorder(Recorder[] recorders, int entry) {
        Recorder r = recorders[entry];
        if (r == null) {
            r = new Recorder();
            recorders[entry] = r;
        }
        return r;
    }

    /**
     * Each entry point's figures, with its share of each function's charges in the bill.
     *
     * @param openTrees per entry point, the trees not done at the end (counted in the request table)
     */
    List<EntryPointResult> results(Bill bill, List<FunctionResult> functions, long[] openTrees) {
        int n = sources.size();
        double[] run = new double[n];
        double[] month = new double[n];
        for (int[] pair : usage.pairs()) {
            int e = pair[0];
            int f = pair[1];
            FunctionResult fr = functions.get(f);
            double billedShare = share(usage.first(e, f), fr.billedMicros() + fr.provisionedBilledMicros());
            double invocationShare = share(usage.second(e, f), fr.invocations());
            Bill.FunctionBill fb = bill.functions().get(f);
            run[e] += cost(fb.period().exactUsd(), billedShare, invocationShare);
            month[e] += cost(fb.month().exactUsd(), billedShare, invocationShare);
        }
        List<EntryPointResult> out = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            TrafficSpec t = sources.get(e);
            if (!t.invokes()) {
                continue; // messages and records: their queue's or stream's figures tell what became of them
            }
            out.add(new EntryPointResult(t.name(), t.function(), t.invocation().label(), arrived[e], succeeded[e],
                    failed[e], openTrees[e], retries[e], dropped[e], coldTrees[e],
                    summary(response[e]), summary(endToEnd[e]), run[e], month[e]));
        }
        return out;
    }

    private static double share(double part, double whole) {
        return whole > 0 ? part / whole : 0;
    }

    private static double cost(Bill.Charges c, double billedShare, double invocationShare) {
        return c.requests().doubleValue() * invocationShare
                + (c.compute().doubleValue() + c.provisioned().doubleValue() + c.provisionedCompute().doubleValue()
                + c.ephemeralStorage().doubleValue()) * billedShare;
    }

    private static io.github.lambdasim.stats.DistributionSummary summary(Recorder r) {
        return (r == null ? new Recorder() : r).summary();
    }
}
