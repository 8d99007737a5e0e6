package io.github.lambdasim.report;

import io.github.lambdasim.model.InvocationSample;
import io.github.lambdasim.model.RunResult;
import java.util.Locale;

/**
 * REPORT lines in the format Lambda writes to CloudWatch Logs, tab-separated:
 * {@code REPORT RequestId: <uuid>	Duration: 976.25 ms	Billed Duration: 977 ms	Memory Size: 128 MB
 * Max Memory Used: 90 MB	Init Duration: 430.47 ms} (Init Duration on cold starts only; Max Memory
 * Used always, unless a platform preset gives the runtime no default). A SnapStart function's cold
 * start shows {@code Restore Duration} and {@code Billed Restore Duration} (the after-restore hooks,
 * part of Billed Duration) instead of Init Duration, as Lambda writes them. Request ids are derived from the seed, the
 * replication and the request's number, so they are unique and reproducible.
 */
public final class ReportLines {
    private ReportLines() {
    }

    public static String render(RunResult run) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Sampled REPORT lines of scenario ").append(run.scenario().name())
                .append(" (seed ").append(run.seed()).append("): every cold start up to a cap, and every Nth invocation.\n");
        sb.append("# Each line is preceded by the function name and the simulated time the invocation started.\n");
        InvocationSample s = run.samples();
        Integer[] order = new Integer[s.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(s.startMicros(a), s.startMicros(b)) != 0
                ? Long.compare(s.startMicros(a), s.startMicros(b)) : Long.compare(s.requestNumber(a), s.requestNumber(b)));
        for (int i : order) {
            append(sb, run.scenario(), run.seed(), run.replication(), s.function(i), s.requestNumber(i), s.startMicros(i),
                    s.initMicros(i), s.durationMicros(i), s.billedMicros(i), s.maxMemoryUsedMb(i), s.flags(i));
        }
        return sb.toString();
    }

    /** The header of a file of every REPORT line ({@code run --report-log all}). */
    public static String allHeader(io.github.lambdasim.scenario.ScenarioSpec scenario, long seed) {
        return "# Every REPORT line of scenario " + scenario.name() + " (seed " + seed + "), in the order the invocations "
                + "ended.\n# Each line is preceded by the function name and the simulated time the invocation started.\n";
    }

    /**
     * One invocation's line, after its function's name and the simulated time its handler started:
     * the REPORT line, with Restore Duration for a SnapStart cold start and the Status of a failure.
     */
    public static void append(StringBuilder sb, io.github.lambdasim.scenario.ScenarioSpec scenario, long seed, int replication,
                              int function, long requestNumber, long startMicros, long initMicros, long durationMicros,
                              long billedMicros, int maxMemoryUsedMb, int flags) {
        io.github.lambdasim.scenario.FunctionSpec fn = scenario.functions().get(function);
        sb.append(fn.name()).append('\t').append(clock(startMicros)).append('\t');
        boolean restored = initMicros >= 0 && fn.snapStart() != null;
        sb.append(line(requestId(seed, replication, requestNumber), durationMicros, billedMicros, fn.memoryMb(),
                maxMemoryUsedMb, restored ? -1 : initMicros));
        if (restored) {
            long billedRestoreMs = (billedMicros + 999) / 1000 - (durationMicros + 999) / 1000;
            sb.append("\tRestore Duration: ").append(ms(initMicros)).append(" ms")
                    .append("\tBilled Restore Duration: ").append(Math.max(0, billedRestoreMs)).append(" ms");
        }
        if ((flags & InvocationSample.FLAG_TIMEOUT) != 0) {
            sb.append("\tStatus: timeout");
        } else if ((flags & InvocationSample.FLAG_OUT_OF_MEMORY) != 0) {
            sb.append("\tStatus: error\tError Type: Runtime.OutOfMemory");
        } else if ((flags & InvocationSample.FLAG_ERROR) != 0) {
            sb.append("\tStatus: error");
        }
        sb.append('\n');
    }

    /** One REPORT line; {@code initMicros} below 0 means a warm start, {@code maxMemoryUsedMb} 0 means not modelled. */
    public static String line(String requestId, long durationMicros, long billedMicros, int memoryMb, int maxMemoryUsedMb,
                              long initMicros) {
        StringBuilder sb = new StringBuilder("REPORT RequestId: ").append(requestId);
        sb.append("\tDuration: ").append(ms(durationMicros)).append(" ms");
        sb.append("\tBilled Duration: ").append((billedMicros + 999) / 1000).append(" ms");
        sb.append("\tMemory Size: ").append(memoryMb).append(" MB");
        if (maxMemoryUsedMb > 0) {
            sb.append("\tMax Memory Used: ").append(maxMemoryUsedMb).append(" MB");
        }
        if (initMicros >= 0) {
            sb.append("\tInit Duration: ").append(ms(initMicros)).append(" ms");
        }
        return sb.toString();
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    private static String clock(long micros) {
        long s = micros / 1_000_000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", s / 3600, s / 60 % 60, s % 60, micros / 1000 % 1000);
    }

    /** A version-4-shaped UUID from the request's identity. */
    public static String requestId(long seed, int replication, long requestNumber) {
        long hi = mix(seed * 0x9E3779B97F4A7C15L + replication);
        hi = mix(hi ^ requestNumber);
        long lo = mix(hi + 0x632BE59BD9B4E019L);
        hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
