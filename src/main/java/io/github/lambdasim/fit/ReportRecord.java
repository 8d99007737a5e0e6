package io.github.lambdasim.fit;

/**
 * One REPORT line, as Lambda writes it at the end of each invocation: {@code REPORT RequestId: ...
 * Duration: 976.25 ms  Billed Duration: 977 ms  Memory Size: 128 MB  Max Memory Used: 90 MB
 * Init Duration: 430.47 ms}, with {@code Status: error} or {@code timeout} on a failed one.
 *
 * @param function        the function it is of (from the log group, the line's prefix or {@code --function})
 * @param timestampMillis when it was written, in epoch or log-relative milliseconds; {@link #NO_TIME} when unknown
 * @param durationMs      the handler's duration
 * @param memorySizeMb    the configured memory
 * @param maxMemoryUsedMb the most memory used, 0 when the line does not say
 * @param initMs          the init duration of a cold start, -1 for a warm start
 * @param failed          whether the line says {@code Status: error} or {@code timeout}
 */
public record ReportRecord(String function, long timestampMillis, double durationMs, int memorySizeMb,
                           int maxMemoryUsedMb, double initMs, boolean failed) {
    /** The timestamp of a line that has none. */
    public static final long NO_TIME = Long.MIN_VALUE;

    public boolean cold() {
        return initMs >= 0;
    }
}
