package io.github.lambdasim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.billing.SavingsPlanResult;
import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import io.github.lambdasim.model.EntryPointResult;
import io.github.lambdasim.model.FunctionResult;
import io.github.lambdasim.model.QueueResult;
import io.github.lambdasim.model.RunResult;
import io.github.lambdasim.model.SourceFigures;
import io.github.lambdasim.model.StreamResult;
import io.github.lambdasim.scenario.FunctionSpec;
import io.github.lambdasim.stats.Unit;
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
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(NODES);

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
        if (run.scenario().clock() != null) {
            root.put("start", run.scenario().clock().at(0));
            root.put("timeZone", run.scenario().clock().zone().getId());
        }
        if (run.scenario().warmStart()) {
            root.put("warmStart", true);
        }
        if (run.scenario().warmupMicros() > 0) {
            // Simulated before what is measured; written only then, so runs without one keep their files.
            root.set("warmupSeconds", number(run.scenario().warmupMicros() / 1e6, 3));
        }
        ObjectNode account = root.putObject("account");
        account.put("concurrencyLimit", run.scenario().account().concurrencyLimit());
        ObjectNode concurrency = account.putObject("concurrency");
        concurrency.set("mean", number(run.account().concurrencyMean(), Unit.LEVEL.decimals()));
        concurrency.put("max", run.account().concurrencyMax());
        root.set("simulatedSeconds", number(run.simulatedMicros() / 1e6, 3));
        boolean frontDoor = run.functions().stream().anyMatch(FunctionResult::hasFrontDoor);
        boolean plan = run.bill().savingsPlan() != null;
        root.set("costUsd", cost(run.bill().period(), run.bill().month(), run.bill().spec().monthMicros(), frontDoor, plan));
        if (plan) {
            root.set("savingsPlan", savingsPlan(run.bill().savingsPlan()));
        }
        ObjectNode functions = root.putObject("functions");
        for (int i = 0; i < run.functions().size(); i++) {
            FunctionResult f = run.functions().get(i);
            // Results come in the order of the scenario's functions.
            ObjectNode node = function(f, run.scenario().functions().get(i));
            Bill.FunctionBill b = run.bill().functions().get(i);
            node.set("costUsd", cost(b.period(), b.month(), run.bill().spec().monthMicros(), frontDoor, plan));
            functions.set(f.name(), node);
        }
        if (run.eventDriven()) {
            ObjectNode entryPoints = root.putObject("entryPoints");
            for (EntryPointResult e : run.entryPoints()) {
                entryPoints.set(e.name(), entryPoint(e));
            }
        }
        // Only runs with queues or streams have these blocks: every other summary.json is as before.
        if (!run.queues().isEmpty()) {
            ObjectNode queues = root.putObject("queues");
            for (QueueResult q : run.queues()) {
                queues.set(q.name(), queue(q));
            }
        }
        if (!run.streams().isEmpty()) {
            ObjectNode streams = root.putObject("streams");
            for (StreamResult s : run.streams()) {
                streams.set(s.name(), stream(s));
            }
        }
        return root;
    }

    /**
     * The savings plan: what was committed, its totals for the run and the month (exact, 6
     * decimals), and each hour of the run (USD at on-demand rates but for the commitment and
     * what it used, which are at the plan's rates).
     */
    private static ObjectNode savingsPlan(SavingsPlanResult r) {
        ObjectNode o = NODES.objectNode();
        o.set("commitmentPerHour", decimal(r.plan().commitmentUsdPerHour(), 6));
        o.set("discount", decimal(r.plan().discount(), 4));
        o.set("run", planTotals(r.run()));
        o.set("month", planTotals(r.month()));
        var hours = o.putArray("hours");
        for (SavingsPlanResult.Hour h : r.hours()) {
            ObjectNode x = hours.addObject();
            x.set("startSeconds", number(h.startMicros() / 1e6, 3));
            x.set("lengthSeconds", number(h.lengthMicros() / 1e6, 3));
            x.set("eligibleUsd", decimal(h.eligibleUsd(), 6));
            x.set("commitmentUsd", decimal(h.commitmentUsd(), 6));
            x.set("usedUsd", decimal(h.usedUsd(), 6));
            x.set("coveredUsd", decimal(h.coveredUsd(), 6));
            x.set("overflowUsd", decimal(h.overflowUsd(), 6));
        }
        return o;
    }

    private static ObjectNode planTotals(SavingsPlanResult.Totals t) {
        ObjectNode o = NODES.objectNode();
        o.set("eligibleUsd", decimal(t.eligibleUsd(), 6));
        o.set("commitmentUsd", decimal(t.commitmentUsd(), 6));
        o.set("usedUsd", decimal(t.usedUsd(), 6));
        o.set("unusedUsd", decimal(t.unusedUsd(), 6));
        o.set("coveredUsd", decimal(t.coveredUsd(), 6));
        o.set("overflowUsd", decimal(t.overflowUsd(), 6));
        o.set("withPlanUsd", decimal(t.withPlanUsd(), 6));
        o.set("savingUsd", decimal(t.savingUsd(), 6));
        return o;
    }

    /** Adds the {@code run} block, the only part that varies between two runs of the same seed. */
    public static void addRun(ObjectNode root, RunResult run) {
        ObjectNode r = root.putObject("run");
        r.set("wallSeconds", number(run.wallSeconds(), 3));
        r.put("events", run.events());
        r.set("invocationsPerSecond", number(run.invocationsPerSecond(), 0));
    }

    /**
     * Adds the {@code replications} block to the summary of replication 0 (built here, or read back
     * from its summary.json), before its {@code run} block: what {@code run --replications} writes,
     * whether it simulated every replication or merged the parts of a sharded run.
     */
    public static void addReplications(ObjectNode root, int count,
                                       java.util.Map<String, io.github.lambdasim.stats.Estimate> estimates) {
        com.fasterxml.jackson.databind.JsonNode run = root.remove("run");
        root.set("replications", replications(count, estimates));
        if (run != null) {
            root.set("run", run);
        }
    }

    /**
     * Reads a summary.json back as the tree it was rendered from: numbers keep their decimals, so
     * {@link #render} gives the same bytes again.
     */
    public static ObjectNode parse(String text) throws JsonProcessingException {
        com.fasterxml.jackson.databind.JsonNode tree = READER.readTree(text);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("summary.json is not a JSON object");
        }
        return (ObjectNode) tree;
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
        if (spec.frontDoor() != null) {
            ObjectNode door = o.putObject("frontDoor");
            door.put("type", spec.frontDoor().type().label());
            if (spec.frontDoor().hasTimeout()) {
                door.set("integrationTimeoutMs", number(spec.frontDoor().timeoutMicros() / 1000.0, 3));
            } else {
                door.putNull("integrationTimeoutMs");
            }
        }
        for (Figure figure : Figures.FUNCTION) {
            if (figure.source() instanceof Figure.Measured m && figure.appliesTo(f)) {
                put(o, figure, m.value().applyAsDouble(f));
            }
        }
        return o;
    }

    /** A figure's value at its path under {@code o}, rounded as its unit says. */
    private static void put(ObjectNode o, Figure figure, double v) {
        int dot = figure.path().lastIndexOf('.');
        ObjectNode parent = dot < 0 ? o : o.withObject("/" + figure.path().substring(0, dot).replace('.', '/'));
        String key = figure.path().substring(dot + 1);
        if (figure.unit().whole()) {
            parent.put(key, Math.round(v));
        } else {
            parent.set(key, number(v, figure.unit().decimals()));
        }
    }

    /** An entry point of an event-driven run: what it invokes, and its figures. */
    private static ObjectNode entryPoint(EntryPointResult e) {
        ObjectNode o = NODES.objectNode();
        o.put("function", e.function());
        o.put("invocation", e.invocation());
        for (Figure figure : Figures.ENTRY_POINT) {
            if (figure.source() instanceof Figure.EntryMeasured m) {
                put(o, figure, m.value().applyAsDouble(e));
            }
        }
        return o;
    }

    /** An SQS queue: its figures ({@link SourceFigures#QUEUE}), then each consuming function's. */
    private static ObjectNode queue(QueueResult q) {
        ObjectNode o = NODES.objectNode();
        for (Figure f : SourceFigures.QUEUE) {
            put(o, f, ((Figure.QueueMeasured) f.source()).value().applyAsDouble(q));
        }
        ObjectNode consumers = o.putObject("consumers");
        for (QueueResult.Consumer c : q.consumers()) {
            ObjectNode n = consumers.putObject(c.function());
            for (Figure f : SourceFigures.CONSUMER) {
                put(n, f, ((Figure.ConsumerMeasured) f.source()).value().applyAsDouble(c));
            }
        }
        return o;
    }

    /** A stream: its type, shards and consumer, then its figures ({@link SourceFigures#STREAM}). */
    private static ObjectNode stream(StreamResult s) {
        ObjectNode o = NODES.objectNode();
        o.put("type", s.type());
        o.put("shards", s.shards());
        if (s.consumer() != null) {
            o.put("consumer", s.consumer());
        } else {
            o.putNull("consumer");
        }
        for (Figure f : SourceFigures.STREAM) {
            put(o, f, ((Figure.StreamMeasured) f.source()).value().applyAsDouble(s));
        }
        return o;
    }

    /**
     * {@code period} and {@code month}, each with the charges rounded to cents as AWS's estimates
     * state them (total = their sum), the exact values, and the free-tier credit.
     */
    private static ObjectNode cost(Bill.Estimate period, Bill.Estimate month, long monthMicros, boolean frontDoor,
                                   boolean plan) {
        // SnapStart's charge gets a key in runs whose functions incur it (Python, .NET), as a front door's.
        boolean snapStart = month.exactUsd().snapStart().signum() != 0;
        ObjectNode o = NODES.objectNode();
        o.set("period", estimate(period, frontDoor, snapStart, plan));
        o.set("month", estimate(month, frontDoor, snapStart, plan));
        o.set("monthHours", number(monthMicros / 3.6e9, 3));
        return o;
    }

    private static ObjectNode estimate(Bill.Estimate e, boolean frontDoor, boolean snapStart, boolean plan) {
        ObjectNode o = charges(e.costUsd(), 2, frontDoor, snapStart, plan);
        o.set("exact", charges(e.exactUsd(), 6, frontDoor, snapStart, plan));
        ObjectNode free = o.putObject("freeTier");
        free.set("requests", decimal(e.freeTier().requests(), 0));
        free.set("gbSeconds", decimal(e.freeTier().gbSeconds(), 3));
        free.set("savedUsd", decimal(e.freeTier().savedUsd(), 6));
        return o;
    }

    /**
     * The charges; a front door's and a savings plan's get a key in runs that have one (else they
     * are 0, and have none).
     */
    private static ObjectNode charges(Bill.Charges c, int decimals, boolean frontDoor, boolean snapStart, boolean plan) {
        ObjectNode o = NODES.objectNode();
        o.set("requests", decimal(c.requests(), decimals));
        o.set("compute", decimal(c.compute(), decimals));
        o.set("provisioned", decimal(c.provisioned(), decimals));
        o.set("provisionedCompute", decimal(c.provisionedCompute(), decimals));
        o.set("ephemeralStorage", decimal(c.ephemeralStorage(), decimals));
        if (frontDoor) {
            o.set("frontDoor", decimal(c.frontDoor(), decimals));
        }
        if (snapStart) {
            o.set("snapStart", decimal(c.snapStart(), decimals));
        }
        if (plan) {
            o.set("savingsPlan", decimal(c.savingsPlan(), decimals));
        }
        o.set("total", decimal(c.total(), decimals));
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode decimal(BigDecimal value, int decimals) {
        return NODES.numberNode(value.setScale(decimals, RoundingMode.HALF_UP));
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
