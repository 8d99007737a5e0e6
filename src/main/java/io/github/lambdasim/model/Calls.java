package io.github.lambdasim.model;

import io.github.lambdasim.engine.RandomStream;
import io.github.lambdasim.scenario.PlatformSpec;

/**
 * Synchronous calls between functions: the requests an invoke step makes while its invocation
 * waits. Calls go one after another, or all at once ({@code parallel}). A throttled call is
 * retried by the AWS SDK (standard retry mode: a few attempts, each after a backoff drawn uniformly
 * in [0, base x 2^(k-1)], capped); a function error is not retried by the SDK (Lambda answers it
 * with 200 and the error in the payload). When the last call returns, or the first fails and the
 * caller lets failures propagate, the caller's invocation resumes.
 */
final class Calls {
    static final int CALL_RETRY = 9;

    private final Context context;
    private final FunctionModel[] functions;
    private final Requests requests;
    private final Trees trees;
    private final FunctionStats stats;
    private final int sdkMaxAttempts;
    private final long sdkBackoffBaseMicros;
    private final long sdkMaxBackoffMicros;
    private final RandomStream[] sdkRandom;
    private Invocations invocations;

    Calls(Context context, FunctionModel[] functions, Requests requests, Trees trees, FunctionStats stats,
          PlatformSpec.EventRules rules) {
        this.context = context;
        this.functions = functions;
        this.requests = requests;
        this.trees = trees;
        this.stats = stats;
        this.sdkMaxAttempts = rules.sdkMaxAttempts();
        this.sdkBackoffBaseMicros = rules.sdkBackoffBaseMicros();
        this.sdkMaxBackoffMicros = rules.sdkMaxBackoffMicros();
        // The SDK's jitter is the caller's: one stream per calling function.
        this.sdkRandom = context.streamPerFunction("sdk", functions);
    }

    void wire(Invocations invocations) {
        this.invocations = invocations;
    }

    /** The invocation of request {@code caller} on {@code env} reached a synchronous invoke step: make its calls. */
    void begin(int caller, int env, FunctionModel.Call call) {
        requests.set(caller, Requests.WAITING);
        requests.clear(caller, Requests.CALL_FAILED);
        requests.env(caller, env);
        int n = call.requests();
        if (call.parallel()) {
            requests.pending(caller, n);
            requests.callsLeft(caller, 0);
            for (int target : call.targets()) {
                for (int c = 0; c < call.calls(); c++) {
                    if (!requests.has(caller, Requests.WAITING)) {
                        return; // a call failed at once, and the caller did not wait for the others
                    }
                    call(caller, target);
                }
            }
        } else {
            requests.pending(caller, 1);
            requests.callsLeft(caller, n - 1);
            call(caller, call.targets()[0]);
        }
    }

    /** One call made (counted here: calls after a failure that ends the caller are never made). */
    private void call(int caller, int target) {
        stats.callsMade(requests.function(caller), true, 1);
        int req = trees.child(target, Requests.CALL, caller, true);
        attempt(req);
    }

    /** The SDK's retry of a throttled call is due. */
    void onRetry(int req) {
        attempt(req);
    }

    private void attempt(int req) {
        if (invocations.start(req)) {
            return;
        }
        int f = requests.function(req);
        stats.throttle(f, requests.arrivalMicros(req));
        trees.throttled(req);
        int throttled = requests.throttled(req) + 1;
        if (throttled >= sdkMaxAttempts) {
            trees.finish(req, Trees.FAILED);
            return;
        }
        trees.retried(req);
        int caller = requests.parent(req);
        long cap = Math.min(sdkMaxBackoffMicros, sdkBackoffBaseMicros << Math.min(throttled - 1, 30));
        long backoff = (long) (sdkRandom[requests.function(caller)].nextDouble() * cap);
        context.queue.push(context.now + backoff, CALL_RETRY, req, 0);
    }

    /** Call {@code req} ended, well or not: the caller, if it still waits for it, hears of it. */
    void callFinished(int req, boolean ok) {
        int caller = requests.parent(req);
        if (!requests.has(caller, Requests.WAITING) || requests.attempt(caller) != requests.parentAttempt(req)) {
            return; // the caller stopped waiting (it timed out, or an earlier call failed)
        }
        int callerFunction = requests.function(caller);
        FunctionModel fm = functions[callerFunction];
        if (!ok) {
            stats.callFailed(callerFunction, requests.arrivalMicros(req));
            requests.set(caller, Requests.CALL_FAILED);
            if (fm.errorOnCallFailure) {
                resume(caller);
                return;
            }
        }
        int pending = requests.pending(caller) - 1;
        int left = requests.callsLeft(caller);
        if (left > 0) {
            requests.callsLeft(caller, left - 1);
            requests.pending(caller, pending + 1);
            call(caller, requests.function(req)); // one after another: the same callee again
            return;
        }
        requests.pending(caller, pending);
        if (pending == 0) {
            resume(caller);
        }
    }

    private void resume(int caller) {
        requests.clear(caller, Requests.WAITING);
        invocations.resume(requests.env(caller), requests.has(caller, Requests.CALL_FAILED));
    }

    /** The caller's invocation gave up waiting (it timed out): calls still running are left to run. */
    void abandon(int caller) {
        requests.clear(caller, Requests.WAITING);
    }
}
