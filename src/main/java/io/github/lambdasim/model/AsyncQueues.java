package io.github.lambdasim.model;

import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.PlatformSpec;

/**
 * Each function's internal queue of asynchronous events (S3, SNS, EventBridge, or another
 * function's asynchronous call). An event is tried at once. A throttled attempt sends it back to
 * the queue for the platform's backoff (1 s, doubling, at most 5 min, each wait jittered: drawn
 * between {@code 1 - jitter} times its nominal value and that value, never below the first); an attempt that fails is
 * retried after the platform's delays (about 1 and 2 min) up to the function's
 * {@code maximumRetryAttempts}. No retry goes past the event's maximum age: the event is given up
 * exactly then. A given-up event is dropped and goes to the function's onFailure destination if
 * it has one; a processed one to onSuccess.
 *
 * <p>Waiting events are not woken when capacity frees: Lambda retries them by backoff, so a few
 * events can wait minutes beside idle capacity. Every attempt that runs is an invocation, billed
 * as any other; a throttled one is counted as a throttle and not billed.
 */
final class AsyncQueues {
    static final int ASYNC_RETRY = 8;

    private final Context context;
    private final FunctionModel[] functions;
    private final Requests requests;
    private final Trees trees;
    private final FunctionStats stats;
    private final long backoffMinMicros;
    private final long backoffMaxMicros;
    private final double backoffJitter;
    /** The backoff's draws: one stream per function, so a function's waits do not depend on the others'. */
    private final RandomStream[] backoffRandom;
    private final long[] errorRetryDelaysMicros;
    private Invocations invocations;

    AsyncQueues(Context context, FunctionModel[] functions, Requests requests, Trees trees, FunctionStats stats,
                PlatformSpec.EventRules rules) {
        this.context = context;
        this.functions = functions;
        this.requests = requests;
        this.trees = trees;
        this.stats = stats;
        this.backoffMinMicros = rules.throttleBackoffMinMicros();
        this.backoffMaxMicros = rules.throttleBackoffMaxMicros();
        this.backoffJitter = rules.throttleBackoffJitter();
        this.backoffRandom = backoffJitter > 0 ? context.streamPerFunction("async-backoff", functions) : null;
        this.errorRetryDelaysMicros = rules.errorRetryDelaysMicros().stream().mapToLong(Long::longValue).toArray();
    }

    void wire(Invocations invocations) {
        this.invocations = invocations;
    }

    /** A new event {@code req} (already a request of its function) arrives in its function's queue. */
    void received(int req) {
        stats.asyncReceived(requests.function(req));
        attempt(req, false);
    }

    /** An event made by request {@code cause} for function {@code f} (an asynchronous call, a destination). */
    void send(int f, int cause) {
        int req = trees.child(f, Requests.ASYNC, cause, false);
        if (trees.pastRecursionLimit(req)) {
            // Recursion detection stops it before any attempt: dropped, and sent to an onFailure
            // destination outside the scenario (one that is a function would only carry the loop on).
            stats.asyncReceived(f);
            stats.recursionStopped(f);
            stats.asyncDropped(f, context.now);
            int destination = functions[f].onFailure;
            if (destination != FunctionModel.NO_DESTINATION && destination < 0) {
                stats.asyncSentOn(f, false, context.now);
            }
            trees.finish(req, Trees.DROPPED);
            return;
        }
        received(req);
    }

    /** The retry of a waiting event is due. */
    void onRetry(int req) {
        attempt(req, true);
    }

    private void attempt(int req, boolean waiting) {
        int f = requests.function(req);
        long age = context.now - requests.arrivalMicros(req);
        if (waiting && age >= functions[f].maxEventAgeMicros) {
            stats.asyncWaiting(f, -1);
            giveUp(req);
            return;
        }
        if (invocations.start(req)) {
            if (waiting) {
                stats.asyncWaiting(f, -1);
            }
            stats.asyncAttemptStarted(f, age);
            return;
        }
        stats.throttle(f, requests.arrivalMicros(req));
        trees.throttled(req);
        trees.retried(req);
        int before = requests.throttled(req);
        long backoff = Math.min(backoffMaxMicros, backoffMinMicros << Math.min(before, 30));
        if (backoffJitter > 0) {
            backoff = Math.max(backoffMinMicros,
                    (long) (backoff * (1 - backoffJitter * backoffRandom[f].nextDouble())));
        }
        if (!waiting) {
            stats.asyncWaiting(f, 1);
        }
        retryAt(req, context.now + backoff);
    }

    /** An invocation of event {@code req} ended, well or not. */
    void attemptEnded(int req, boolean ok) {
        int f = requests.function(req);
        FunctionModel fm = functions[f];
        if (ok) {
            stats.asyncSucceeded(f, context.now - requests.arrivalMicros(req));
            sendOn(req, fm.onSuccess, true);
            trees.finish(req, Trees.DONE);
            return;
        }
        int retries = requests.retries(req);
        if (retries < fm.maxRetryAttempts) {
            requests.retried(req);
            requests.nextAttempt(req);
            stats.asyncRetried(f, requests.arrivalMicros(req));
            trees.retried(req);
            stats.asyncWaiting(f, 1);
            retryAt(req, context.now + errorRetryDelaysMicros[Math.min(retries, errorRetryDelaysMicros.length - 1)]);
            return;
        }
        giveUp(req);
    }

    /** The next attempt at {@code atMicros}, or at the event's maximum age if that comes first (it is then given up). */
    private void retryAt(int req, long atMicros) {
        long expires = requests.arrivalMicros(req) + functions[requests.function(req)].maxEventAgeMicros;
        context.queue.push(Math.min(atMicros, expires), ASYNC_RETRY, req, 0);
    }

    private void giveUp(int req) {
        int f = requests.function(req);
        stats.asyncDropped(f, requests.arrivalMicros(req));
        sendOn(req, functions[f].onFailure, false);
        trees.finish(req, Trees.DROPPED);
    }

    private void sendOn(int req, int destination, boolean success) {
        if (destination == FunctionModel.NO_DESTINATION) {
            return;
        }
        stats.asyncSentOn(requests.function(req), success, requests.arrivalMicros(req));
        if (destination >= 0) {
            send(destination, req);
        }
    }
}
