package io.github.lambdasim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.model.FunctionResult;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.stats.DistributionSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * summary.json: the machine-readable contract of a run (see README "Output"). Keys keep their
 * order and numbers are rounded to fixed decimals, so the same scenario and seed give the same
 * bytes; only the {@code run} block (wall-clock figures) differs between two runs.
 */
public final class SummaryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private SummaryJson() {
    }

    public static ObjectNode build(RunResult run) {
        ObjectNode root = NODES.objectNode();
        root.put("scenario", run.scenario().name());
        root.put("description", run.scenario().description());
        root.put("seed", run.seed());
        root.put("replication", run.replication());
        root.put("platform", run.scenario().platform().preset());
        root.put("region", run.scenario().region());
        root.putObject("account").put("concurrencyLimit", run.scenario().account().concurrencyLimit());
        root.set("simulatedSeconds", number(run.simulatedMicros() / 1e6, 3));
        root.set("costUsd", cost(run.bill().period(), run.bill().month(), run.bill().spec().monthMicros()));
        ObjectNode functions = root.putObject("functions");
        for (int i = 0; i < run.functions().size(); i++) {
            FunctionResult f = run.functions().get(i);
            ObjectNode node = function(f, run.scenario().function(f.name()));
            Bill.FunctionBill b = run.bill().functions().get(i);
            node.set("costUsd", cost(b.period(), b.month(), run.bill().spec().monthMicros()));
            functions.set(f.name(), node);
        }
        return root;
    }

    /** Adds the {@code run} block, the only part that varies between two runs of the same seed. */
    public static void addRun(ObjectNode root, RunResult run) {
        ObjectNode r = root.putObject("run");
        r.set("wallSeconds", number(run.wallSeconds(), 3));
        r.put("events", run.events());
        r.set("invocationsPerSecond", number(run.invocationsPerSecond(), 0));
    }

    /** The {@code replications} block: each key figure's mean and 95% confidence half-width. */
    public static ObjectNode replications(int count, java.util.Map<String, io.github.lambdasim.stats.Estimate> estimates) {
        ObjectNode o = NODES.objectNode();
        o.put("count", count);
        o.put("confidence", io.github.lambdasim.stats.Estimate.CONFIDENCE);
        ObjectNode figures = o.putObject("figures");
        estimates.forEach((name, e) -> {
            ObjectNode n = figures.putObject(name);
            n.set("mean", number(e.mean(), 6));
            n.set("ci95", number(e.halfWidth(), 6));
        });
        return o;
    }

    public static String render(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode function(FunctionResult f, FunctionSpec spec) {
        ObjectNode o = NODES.objectNode();
        o.put("memorySize", f.memoryMb());
        o.put("architecture", f.architecture().label());
        o.put("runtime", spec.runtime());
        o.set("timeoutMs", number(spec.timeoutMicros() / 1000.0, 3));
        if (spec.hasReservedConcurrency()) {
            o.put("reservedConcurrency", spec.reservedConcurrency());
        } else {
            o.putNull("reservedConcurrency");
        }
        o.put("requests", f.requests());
        o.put("invocations", f.invocations());
        o.put("throttles", f.throttles());
        o.put("errors", f.errors());
        o.put("timeouts", f.timeouts());
        o.put("coldStarts", f.coldStarts());
        o.put("provisionedInvocations", f.provisionedInvocations());
        o.put("spilloverInvocations", f.spilloverInvocations());
        ObjectNode pc = o.putObject("provisionedConcurrency");
        pc.set("levelMean", number(f.provisionedLevelMean(), 4));
        pc.put("levelMax", f.provisionedLevelMax());
        pc.put("concurrencyMax", f.provisionedConcurrencyMax());
        o.put("inFlightAtEnd", f.inFlightAtEnd());
        o.set("latencyMs", summary(f.latencyMs()));
        o.set("durationMs", summary(f.durationMs()));
        o.set("initDurationMs", summary(f.initDurationMs()));
        ObjectNode c = o.putObject("concurrency");
        c.set("mean", number(f.concurrencyMean(), 4));
        c.put("max", f.concurrencyMax());
        ObjectNode e = o.putObject("environments");
        e.put("created", f.environmentsCreated());
        e.put("reclaimed", f.environmentsReclaimed());
        e.put("recycled", f.environmentsRecycled());
        e.put("reset", f.environmentsReset());
        e.put("aliveAtEnd", f.environmentsAliveAtEnd());
        e.set("meanAlive", number(f.environmentsAliveMean(), 4));
        o.set("billedDurationMs", number(f.billedMicros() / 1000.0, 3));
        o.set("billedInitMs", number(f.billedInitMicros() / 1000.0, 3));
        o.set("gbSeconds", number(f.gbSeconds(), 6));
        return o;
    }

    /**
     * {@code period} and {@code month}, each with the charges rounded to cents as AWS's estimates
     * state them (total = their sum), the exact values, and the free-tier credit.
     */
    private static ObjectNode cost(Bill.Estimate period, Bill.Estimate month, long monthMicros) {
        ObjectNode o = NODES.objectNode();
        o.set("period", estimate(period));
        o.set("month", estimate(month));
        o.set("monthHours", number(monthMicros / 3.6e9, 3));
        return o;
    }

    private static ObjectNode estimate(Bill.Estimate e) {
        ObjectNode o = charges(e.costUsd(), 2);
        o.set("exact", charges(e.exactUsd(), 6));
        ObjectNode free = o.putObject("freeTier");
        free.set("requests", decimal(e.freeTier().requests(), 0));
        free.set("gbSeconds", decimal(e.freeTier().gbSeconds(), 3));
        free.set("savedUsd", decimal(e.freeTier().savedUsd(), 6));
        return o;
    }

    private static ObjectNode charges(Bill.Charges c, int decimals) {
        ObjectNode o = NODES.objectNode();
        o.set("requests", decimal(c.requests(), decimals));
        o.set("compute", decimal(c.compute(), decimals));
        o.set("provisioned", decimal(c.provisioned(), decimals));
        o.set("provisionedCompute", decimal(c.provisionedCompute(), decimals));
        o.set("ephemeralStorage", decimal(c.ephemeralStorage(), decimals));
        o.set("total", decimal(c.total(), decimals));
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode decimal(BigDecimal value, int decimals) {
        return NODES.numberNode(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    private static ObjectNode summary(DistributionSummary s) {
        ObjectNode o = NODES.objectNode();
        o.put("count", s.count());
        o.set("mean", number(s.mean(), 3));
        o.set("p50", number(s.p50(), 3));
        o.set("p90", number(s.p90(), 3));
        o.set("p99", number(s.p99(), 3));
        o.set("max", number(s.max(), 3));
        return o;
    }

    /** A number rounded half-up to {@code decimals}, written without exponent or trailing zeros. */
    public static com.fasterxml.jackson.databind.JsonNode number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return NODES.nullNode();
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return NODES.numberNode(d);
    }
}
