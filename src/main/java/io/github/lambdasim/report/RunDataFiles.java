package io.github.lambdasim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.model.FunctionResult;
import io.github.lambdasim.model.InvocationSample;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.model.TraceResult;
import io.github.lambdasim.report.data.ReportFiles;
import io.github.lambdasim.report.data.RunFiles;
import io.github.lambdasim.stats.CompressedHistogram;
import io.github.lambdasim.stats.Unit;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;

/**
 * Writes the files under {@code data/} that the report is drawn from besides summary.json,
 * metrics.csv and report-log.txt: what the run knows and those files do not say. Their names
 * are in {@link RunFiles}; written by the run, read by {@link ReportFiles}; the report never
 * looks at the simulation itself.
 */
public final class RunDataFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunDataFiles() {
    }

    public static void write(RunResult run, OutputFolder folder) throws IOException {
        folder.write(RunFiles.HISTOGRAMS, histograms(run));
        folder.write(RunFiles.SAMPLES, samples(run));
        folder.write(RunFiles.BILL, String.join("\n", run.bill().explanation()) + "\n");
        folder.write(RunFiles.ACCOUNT, account(run));
        if (run.traces() != null) {
            folder.write(RunFiles.TRACES, traces(run));
        }
    }

    /**
     * The trees of requests the run followed whole: per tree its entry point, why it was kept, its
     * root's request id, and its requests (the root first), each with the index of the request that
     * caused it, its arrival and end, its outcome and its attempts; times in milliseconds since the
     * start of the run.
     */
    static String traces(RunResult run) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("unit", "milliseconds since the start of the run");
        ArrayNode trees = root.putArray("traces");
        for (TraceResult t : run.traces()) {
            ObjectNode tree = trees.addObject();
            tree.put("entryPoint", t.entryPoint());
            tree.put("kind", t.kind());
            tree.put("requestId", ReportLines.requestId(run.seed(), run.replication(), t.requestNumber()));
            tree.put("omittedRequests", t.omitted());
            ArrayNode requests = tree.putArray("requests");
            for (TraceResult.Request r : t.requests()) {
                ObjectNode o = requests.addObject();
                o.put("function", r.function());
                o.put("kind", r.kind());
                o.put("cause", r.cause());
                o.set("arrivalMs", SummaryJson.number(r.arrivalMicros() / 1e3, 3));
                o.set("endMs", SummaryJson.number(r.endMicros() / 1e3, 3));
                o.put("outcome", r.outcome());
                ArrayNode attempts = o.putArray("attempts");
                for (TraceResult.Attempt a : r.attempts()) {
                    ObjectNode at = attempts.addObject();
                    at.set("startMs", SummaryJson.number(a.startMicros() / 1e3, 3));
                    at.set("initMs", SummaryJson.number(a.initMicros() / 1e3, 3));
                    at.set("endMs", SummaryJson.number(a.endMicros() / 1e3, 3));
                    at.put("outcome", a.outcome());
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String histograms(RunResult run) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("unit", "microseconds");
        root.put("encoding", "HdrHistogram compressed (Histogram.decodeFromCompressedByteBuffer), base64");
        ObjectNode functions = root.putObject("functions");
        for (FunctionResult f : run.functions()) {
            ObjectNode fn = functions.putObject(f.name());
            fn.set("warm", histogram(f.latencyWarm()));
            fn.set("cold", histogram(f.latencyCold()));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode histogram(CompressedHistogram h) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("count", h.totalCount());
        o.put("histogram", Base64.getEncoder().encodeToString(h.bytes()));
        return o;
    }

    /** The account's concurrency per period: its peak and its time-weighted mean, every period. */
    static String account(RunResult run) {
        StringBuilder sb = new StringBuilder(RunFiles.ACCOUNT_HEADER).append('\n');
        double[] max = run.account().periodConcurrencyMax();
        double[] mean = run.account().periodConcurrencyAvg();
        String periodSeconds = MetricsCsv.plain(run.series().periodMicros() / 1e6, 3);
        for (int p = 0; p < max.length; p++) {
            sb.append(MetricsCsv.plain(run.series().periodStartMicros(p) / 1e6, 3)).append(',').append(periodSeconds)
                    .append(',').append(MetricsCsv.plain(max[p], 0)).append(',')
                    .append(MetricsCsv.plain(mean[p], Unit.LEVEL.decimals())).append('\n');
        }
        return sb.toString();
    }

    /**
     * One row per sampled invocation, in the order of report-log.txt: {@code startSeconds} is when
     * the handler started (after init on a cold start), {@code initMs} is empty on a warm start,
     * {@code maxMemoryUsedMb} is empty only when the platform preset gives the runtime no default.
     */
    static String samples(RunResult run) {
        InvocationSample s = run.samples();
        Integer[] order = new Integer[s.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(s::startMicros).thenComparingLong(s::requestNumber));
        StringBuilder sb = new StringBuilder(RunFiles.SAMPLES_HEADER).append('\n');
        for (int i : order) {
            int flags = s.flags(i);
            boolean cold = (flags & InvocationSample.FLAG_COLD) != 0;
            sb.append(run.functions().get(s.function(i)).name()).append(',')
                    .append(ReportLines.requestId(run.seed(), run.replication(), s.requestNumber(i))).append(',')
                    .append(MetricsCsv.plain(s.startMicros(i) / 1e6, 6)).append(',')
                    .append(cold ? MetricsCsv.plain(s.initMicros(i) / 1e3, 3) : "").append(',')
                    .append(MetricsCsv.plain(s.durationMicros(i) / 1e3, 3)).append(',')
                    .append(MetricsCsv.plain(s.billedMicros(i) / 1e3, 3)).append(',')
                    .append(s.maxMemoryUsedMb(i) > 0 ? Integer.toString(s.maxMemoryUsedMb(i)) : "").append(',')
                    .append(cold).append(',')
                    .append((flags & InvocationSample.FLAG_PROVISIONED) != 0).append(',')
                    .append(status(flags)).append('\n');
        }
        return sb.toString();
    }

    private static String status(int flags) {
        if ((flags & InvocationSample.FLAG_TIMEOUT) != 0) {
            return "timeout";
        }
        if ((flags & InvocationSample.FLAG_OUT_OF_MEMORY) != 0) {
            return "out-of-memory";
        }
        return (flags & InvocationSample.FLAG_ERROR) != 0 ? "error" : "success";
    }
}
