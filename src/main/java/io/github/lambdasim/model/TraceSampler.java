package io.github.lambdasim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows a few whole trees of requests, X-Ray style, to show them as timelines: per entry point
 * one tree of each kind (a cold start in it, all warm, retried, failed). Up to {@link #SLOTS} trees
 * are followed at once, each in preallocated arrays of {@link #MAX_REQUESTS} requests and
 * {@link #MAX_ATTEMPTS} attempts, so following allocates nothing per event; a tree is copied out
 * only when it is kept. A new root is followed while a slot is free and its entry point still
 * lacks a kind, so the rarer kinds (retried, failed) are found as soon as they happen. After that,
 * roots are still followed now and then (the 2nd, 4th, 8th ... arrival of the entry point), and
 * the slowest of them is kept too: the trees of the first seconds are seldom those that wait for a
 * backlog or a retry later in the run.
 */
final class TraceSampler {
    static final int SLOTS = 32;
    static final int MAX_REQUESTS = 64;
    static final int MAX_ATTEMPTS = 256;
    static final String[] KINDS = {"cold", "warm", "retried", "failed", "slowest"};
    /** The kinds a tree is sorted into; "slowest" is kept beside them. */
    private static final int SORTED_KINDS = 4;
    private static final int SLOWEST = 4;
    private static final String[] REQUEST_KINDS = {"sync", "async", "call"};
    private static final String[] OUTCOMES = {"done", "failed", "dropped"};
    static final int OK = 0;
    static final int ERROR = 1;
    static final int TIMEOUT = 2;
    static final int THROTTLED = 3;
    private static final String[] ATTEMPT_OUTCOMES = {"ok", "error", "timeout", "throttled"};

    private final Requests requests;
    private final FunctionModel[] functions;
    private final Context context;
    private final List<String> entryNames;
    /** Per entry point, the kinds already kept, one bit each. */
    private final int[] kept;
    private final List<TraceResult> results = new ArrayList<>();
    /** Per entry point: its roots so far, the count at which the next is followed, the slowest tree kept. */
    private final long[] arrivals;
    private final long[] nextFollowed;
    private final long[] slowestMicros;
    private final TraceResult[] slowest;

    // Per slot: the root followed (-1: free), its entry point, and its requests and attempts.
    private final int[] slotRoot = new int[SLOTS];
    private final int[] slotEntry = new int[SLOTS];
    private final int[] slotRequests = new int[SLOTS];
    private final int[] slotAttempts = new int[SLOTS];
    private final int[] slotOmitted = new int[SLOTS];
    // Per slot and request row.
    private final int[] rowRequest = new int[SLOTS * MAX_REQUESTS];
    private final int[] rowFunction = new int[SLOTS * MAX_REQUESTS];
    private final int[] rowKind = new int[SLOTS * MAX_REQUESTS];
    private final int[] rowCause = new int[SLOTS * MAX_REQUESTS];
    private final long[] rowArrival = new long[SLOTS * MAX_REQUESTS];
    private final long[] rowEnd = new long[SLOTS * MAX_REQUESTS];
    private final int[] rowOutcome = new int[SLOTS * MAX_REQUESTS];
    // Per slot and attempt.
    private final int[] attemptRow = new int[SLOTS * MAX_ATTEMPTS];
    private final long[] attemptStart = new long[SLOTS * MAX_ATTEMPTS];
    private final long[] attemptInit = new long[SLOTS * MAX_ATTEMPTS];
    private final long[] attemptEnd = new long[SLOTS * MAX_ATTEMPTS];
    private final int[] attemptOutcome = new int[SLOTS * MAX_ATTEMPTS];
    private int following;

    /** @param entryNames the entry points' names, by number */
    TraceSampler(Context context, Requests requests, FunctionModel[] functions, List<String> entryNames) {
        this.context = context;
        this.requests = requests;
        this.functions = functions;
        this.entryNames = List.copyOf(entryNames);
        this.kept = new int[entryNames.size()];
        this.arrivals = new long[entryNames.size()];
        this.nextFollowed = new long[entryNames.size()];
        this.slowestMicros = new long[entryNames.size()];
        this.slowest = new TraceResult[entryNames.size()];
        Arrays.fill(nextFollowed, 2);
        Arrays.fill(slowestMicros, -1);
        Arrays.fill(slotRoot, -1);
    }

    /** A root arrived: followed if a slot is free and its entry point still lacks a kind of tree, or now and then. */
    void rootCreated(int req, int entry) {
        long n = ++arrivals[entry];
        boolean now = n >= nextFollowed[entry];
        if (following == SLOTS || kept[entry] == (1 << SORTED_KINDS) - 1 && !now) {
            return;
        }
        if (now) {
            nextFollowed[entry] = 2 * n;
        }
        int slot = 0;
        while (slotRoot[slot] != -1) {
            slot++;
        }
        slotRoot[slot] = req;
        slotEntry[slot] = entry;
        slotRequests[slot] = 0;
        slotAttempts[slot] = 0;
        slotOmitted[slot] = 0;
        following++;
        requests.set(req, Requests.TRACED);
        addRow(slot, req, -1);
    }

    /** Request {@code req} of a followed tree was made by {@code cause}. */
    void childCreated(int req, int cause) {
        int slot = slotOf(req);
        if (slot >= 0) {
            addRow(slot, req, row(slot, cause));
        }
    }

    private void addRow(int slot, int req, int causeRow) {
        int n = slotRequests[slot];
        if (n == MAX_REQUESTS) {
            slotOmitted[slot]++;
            return;
        }
        int r = slot * MAX_REQUESTS + n;
        rowRequest[r] = req;
        rowFunction[r] = requests.function(req);
        rowKind[r] = requests.kind(req);
        rowCause[r] = causeRow;
        rowArrival[r] = requests.arrivalMicros(req);
        rowEnd[r] = -1;
        rowOutcome[r] = -1;
        slotRequests[slot] = n + 1;
    }

    /** An invocation of followed request {@code req} starts ({@code initMicros} of init on a cold start). */
    void attemptStarted(int req, long initMicros) {
        addAttempt(req, initMicros, -1, -1);
    }

    /** Records an attempt of followed request {@code req} from now: open ({@code end} -1) or already over. */
    private void addAttempt(int req, long initMicros, long endMicros, int outcome) {
        int slot = slotOf(req);
        int row = slot < 0 ? -1 : row(slot, req);
        if (row < 0 || slotAttempts[slot] == MAX_ATTEMPTS) {
            return;
        }
        int a = slot * MAX_ATTEMPTS + slotAttempts[slot]++;
        attemptRow[a] = row;
        attemptStart[a] = context.now;
        attemptInit[a] = initMicros;
        attemptEnd[a] = endMicros;
        attemptOutcome[a] = outcome;
    }

    /**
     * The running invocation of followed request {@code req} ends: {@link #OK}, {@link #ERROR} or
     * {@link #TIMEOUT}; {@code initMicros} is its whole init (a cold start whose init calls other
     * functions knows it only now).
     */
    void attemptEnded(int req, int outcome, long initMicros) {
        int slot = slotOf(req);
        int row = slot < 0 ? -1 : row(slot, req);
        if (row < 0) {
            return;
        }
        for (int a = slot * MAX_ATTEMPTS + slotAttempts[slot] - 1; a >= slot * MAX_ATTEMPTS; a--) {
            if (attemptRow[a] == row && attemptEnd[a] < 0) {
                attemptEnd[a] = context.now;
                attemptInit[a] = initMicros;
                attemptOutcome[a] = outcome;
                return;
            }
        }
    }

    /** An attempt of followed request {@code req} was throttled. */
    void throttled(int req) {
        addAttempt(req, 0, context.now, THROTTLED);
    }

    /** Followed request {@code req} ended ({@link Trees#DONE}, ...); its id may be reused from now on. */
    void finished(int req, int outcome) {
        int slot = slotOf(req);
        int row = slot < 0 ? -1 : row(slot, req);
        if (row >= 0) {
            int r = slot * MAX_REQUESTS + row;
            rowEnd[r] = context.now;
            rowOutcome[r] = outcome;
            if (req != slotRoot[slot]) {
                rowRequest[r] = -1;
            }
        }
    }

    /** The followed tree of {@code root} is done: kept if its kind is still missing for its entry point. */
    void treeDone(int root, boolean failed, boolean cold, boolean retried) {
        int slot = slotOf(root);
        if (slot < 0) {
            return;
        }
        int kind = failed ? 3 : retried ? 2 : cold ? 0 : 1;
        int entry = slotEntry[slot];
        long took = context.now - requests.arrivalMicros(root);
        if ((kept[entry] & (1 << kind)) == 0) {
            kept[entry] |= 1 << kind;
            results.add(copy(slot, KINDS[kind]));
        } else if (took > slowestMicros[entry]) {
            slowestMicros[entry] = took;
            slowest[entry] = copy(slot, KINDS[SLOWEST]);
        }
        slotRoot[slot] = -1;
        following--;
    }

    /** A tree's record, its times counted from the start of the measurement window. */
    private TraceResult copy(int slot, String kind) {
        long from = context.measureFrom;
        List<TraceResult.Request> rows = new ArrayList<>();
        for (int i = 0; i < slotRequests[slot]; i++) {
            int r = slot * MAX_REQUESTS + i;
            List<TraceResult.Attempt> attempts = new ArrayList<>();
            for (int a = slot * MAX_ATTEMPTS; a < slot * MAX_ATTEMPTS + slotAttempts[slot]; a++) {
                if (attemptRow[a] == i && attemptEnd[a] >= 0) {
                    attempts.add(new TraceResult.Attempt(attemptStart[a] - from, attemptInit[a], attemptEnd[a] - from,
                            ATTEMPT_OUTCOMES[attemptOutcome[a]]));
                }
            }
            rows.add(new TraceResult.Request(functions[rowFunction[r]].spec.name(), REQUEST_KINDS[rowKind[r]],
                    rowCause[r], rowArrival[r] - from, rowEnd[r] < 0 ? rowEnd[r] : rowEnd[r] - from, OUTCOMES[Math.max(0, rowOutcome[r])], attempts));
        }
        return new TraceResult(entryNames.get(slotEntry[slot]), kind, requests.number(slotRoot[slot]), rows,
                slotOmitted[slot]);
    }

    private long slowestByKind(int entry) {
        long most = -1;
        for (TraceResult t : results) {
            if (t.entryPoint().equals(entryNames.get(entry))) {
                most = Math.max(most, t.endMicros() - t.startMicros());
            }
        }
        return most;
    }

    /** The slot following the tree of {@code req}, or -1. */
    private int slotOf(int req) {
        int root = requests.root(req);
        for (int s = 0; s < SLOTS; s++) {
            if (slotRoot[s] == root) {
                return s;
            }
        }
        return -1;
    }

    /** The row of request {@code req} in {@code slot}, or -1 when it was not recorded. */
    private int row(int slot, int req) {
        for (int i = slotRequests[slot] - 1; i >= 0; i--) {
            if (rowRequest[slot * MAX_REQUESTS + i] == req) {
                return i;
            }
        }
        return -1;
    }

    /** The trees kept, by entry point (in name order), then kind. */
    List<TraceResult> results() {
        List<TraceResult> out = new ArrayList<>(results);
        for (int e = 0; e < slowest.length; e++) {
            // Kept only when it is slower than every tree kept by kind (otherwise one of those shows it).
            if (slowest[e] != null && slowestMicros[e] > slowestByKind(e)) {
                out.add(slowest[e]);
            }
        }
        out.sort(java.util.Comparator.comparing(TraceResult::entryPoint)
                .thenComparing(t -> Arrays.asList(KINDS).indexOf(t.kind())));
        return out;
    }
}
