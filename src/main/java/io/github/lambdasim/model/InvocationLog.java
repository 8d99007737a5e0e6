package io.github.lambdasim.model;

/**
 * Told of every invocation as it ends, with what its REPORT line says: for {@code run
 * --report-log all}, which writes them all. A run without one pays a null check per invocation.
 */
@FunctionalInterface
public interface InvocationLog {
    /**
     * @param function      the function's index in the scenario
     * @param requestNumber the request's number (its request id derives from it)
     * @param startMicros   when the handler started
     * @param initMicros    the init (or restore) of a cold start, -1 for a warm one
     * @param memoryUsedMb  Max Memory Used
     * @param flags         {@link InvocationSample}'s flags
     */
    void ended(int function, long requestNumber, long startMicros, long initMicros, long durationMicros, long billedMicros,
               int memoryUsedMb, int flags);
}
