package io.github.lambdasim.model;

/**
 * The trees of requests of an event-driven run: a traffic arrival is a root; the calls and
 * events its invocations make, and the events their destinations receive, are its descendants.
 * This class makes requests in their tree, ends each exactly once (done, failed or dropped), and
 * keeps a record alive while something refers to it (see {@link Requests}): when a root's record
 * goes, its whole tree is done, and {@link EntryPoints} records the tree.
 */
final class Trees {
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int DROPPED = 2;

    private final Context context;
    private final Requests requests;
    private final FunctionStats stats;
    private final EntryPoints entryPoints;
    private final TraceSampler tracer;
    /** Hops after which an asynchronous event is stopped as a loop (0: never). */
    private final int recursionLimit;
    private Calls calls;

    Trees(Context context, Requests requests, FunctionStats stats, EntryPoints entryPoints, TraceSampler tracer,
          int recursionLimit) {
        this.context = context;
        this.requests = requests;
        this.stats = stats;
        this.entryPoints = entryPoints;
        this.tracer = tracer;
        this.recursionLimit = recursionLimit;
    }

    void wire(Calls calls) {
        this.calls = calls;
    }

    /** A request of function {@code f} arriving from traffic source {@code entry}: the root of a new tree. */
    int root(int f, int kind, int entry) {
        int req = requests.create(f, kind, context.now);
        requests.link(req, req, entry, Requests.NONE, 0, 1);
        if (context.measured(context.now)) {
            entryPoints.arrived(entry);
            tracer.rootCreated(req, entry);
        }
        return req;
    }

    /**
     * A request of function {@code f} made by request {@code cause}: a synchronous call, whose
     * caller waits on it ({@code waiting}), or an asynchronous event. Returns {@link Requests#NONE}
     * when recursion detection stops an event that would go past the chain's limit.
     */
    int child(int f, int kind, int cause, boolean waiting) {
        int hops = requests.hops(cause) + 1;
        int req = requests.create(f, kind, context.now);
        int root = requests.root(cause);
        requests.link(req, root, requests.entry(cause), waiting ? cause : Requests.NONE,
                waiting ? requests.attempt(cause) : 0, hops);
        if (waiting) {
            requests.retain(cause);
        }
        requests.retain(root);
        stats.request(f);
        if (requests.has(root, Requests.TRACED)) {
            requests.set(req, Requests.TRACED);
            tracer.childCreated(req, cause);
        }
        return req;
    }

    /** Whether event {@code req} went further down its chain than recursion detection allows. */
    boolean pastRecursionLimit(int req) {
        return recursionLimit > 0 && requests.hops(req) > recursionLimit;
    }

    /** Request {@code req} ends: {@link #DONE}, {@link #FAILED} or {@link #DROPPED}. */
    void finish(int req, int outcome) {
        requests.set(req, Requests.FINISHED);
        stats.requestEnded(requests.function(req), outcome, requests.arrivalMicros(req));
        int root = requests.root(req);
        int entry = requests.entry(req);
        // An entry point counts the trees whose root arrived in the window.
        boolean measured = context.measured(requests.arrivalMicros(root));
        if (outcome != DONE) {
            requests.set(root, Requests.TREE_FAILED);
            if (outcome == DROPPED && measured) {
                entryPoints.dropped(entry);
            }
        }
        if (requests.has(req, Requests.TRACED)) {
            tracer.finished(req, outcome);
        }
        if (req == root && measured) {
            entryPoints.rootFinished(entry, outcome == DONE, context.now - requests.arrivalMicros(req));
        }
        int parent = requests.parent(req);
        if (requests.kind(req) == Requests.CALL) {
            calls.callFinished(req, outcome == DONE);
        }
        letGo(req);
        if (parent != Requests.NONE) {
            letGo(parent);
        }
        if (root != req) {
            letGo(root);
        }
    }

    /** An attempt of request {@code req} was throttled. */
    void throttled(int req) {
        if (requests.has(req, Requests.TRACED)) {
            tracer.throttled(req);
        }
    }

    /** Request {@code req} is tried again (after a throttle or an error). */
    void retried(int req) {
        int root = requests.root(req);
        requests.set(root, Requests.TREE_RETRIED);
        if (context.measured(requests.arrivalMicros(root))) {
            entryPoints.retried(requests.entry(req));
        }
    }

    /** An invocation of request {@code req} was a cold start. */
    void coldStart(int req) {
        requests.set(requests.root(req), Requests.TREE_COLD);
    }

    private void letGo(int req) {
        if (requests.release(req) == 0) {
            if (requests.root(req) == req && context.measured(requests.arrivalMicros(req))) {
                entryPoints.treeDone(requests.entry(req), !requests.has(req, Requests.TREE_FAILED),
                        requests.has(req, Requests.TREE_COLD), context.now - requests.arrivalMicros(req));
                if (requests.has(req, Requests.TRACED)) {
                    tracer.treeDone(req, requests.has(req, Requests.TREE_FAILED), requests.has(req, Requests.TREE_COLD),
                            requests.has(req, Requests.TREE_RETRIED));
                }
            }
            requests.free(req);
        }
    }
}
