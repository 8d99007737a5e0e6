package io.github.lambdasim.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasim.templates.ImportedFunction.Placeholder;
import io.github.lambdasim.templates.ImportedFunction.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The event source mappings of a template (a SAM {@code SQS}, {@code Kinesis} or {@code DynamoDB}
 * event, an {@code AWS::Lambda::EventSourceMapping}, a serverless.yml {@code sqs} or
 * {@code stream} event), in the scenario's terms: the function's {@code eventSource:} and the
 * queue or stream it reads. The source is the template's resource when the mapping names one
 * ({@code !GetAtt Q.Arn}, {@code !Ref}), with what the resource says of it (an
 * {@code AWS::SQS::Queue}'s visibility timeout, retention and redrive policy; an
 * {@code AWS::Kinesis::Stream}'s shards and retention; a DynamoDB table's stream), else the
 * queue or stream of an ARN, named by it. A DynamoDB stream's shards, which DynamoDB does not
 * expose, and whatever the template computes are placeholders.
 */
final class EventSourceImport {
    /** A value of a mapping or of its source (a missing node when the template does not give it), and where it is. */
    record Value(JsonNode node, String from) {
    }

    /**
     * What to do with one mapping: the function's {@code eventSource:} settings, or null and a
     * comment (a source lambdasim does not model); and what the function should say of it.
     */
    record Mapping(List<Setting> eventSource, String comment, List<String> notes) {
    }

    private static final String QUEUE_TYPE = "AWS::SQS::Queue";
    private static final String KINESIS_TYPE = "AWS::Kinesis::Stream";

    private final JsonNode resources;
    private final String resourcesAt;
    /** A value node's literal text, or a placeholder saying what to put there (a parameter without default, a variable). */
    private final BiFunction<JsonNode, String, String> resolve;
    private final Map<String, ImportedSource> sources = new LinkedHashMap<>();

    /**
     * @param resources   the template's CloudFormation resources (a serverless.yml's {@code resources.Resources})
     * @param resourcesAt their path, for the comments ({@code Resources})
     * @param resolve     a value's literal text or a placeholder: the template's way with parameters or variables
     */
    EventSourceImport(JsonNode resources, String resourcesAt, BiFunction<JsonNode, String, String> resolve) {
        this.resources = resources;
        this.resourcesAt = resourcesAt;
        this.resolve = resolve;
    }

    /** The queues and streams read, each once, in the order first read. */
    List<ImportedSource> sources() {
        return List.copyOf(sources.values());
    }

    /**
     * One mapping of function {@code fn}.
     *
     * @param type   "sqs", "kinesis", "dynamodb", or null to tell from the source (its resource or ARN)
     * @param source the queue's or stream's ARN as the template writes it
     * @param keys   the mapping's values by their scenario key ({@code batchSize}, {@code maximumBatchingWindow} in
     *               seconds, {@code maximumConcurrency}, {@code functionResponseTypes}, {@code parallelizationFactor},
     *               {@code bisectBatchOnFunctionError}, {@code maximumRetryAttempts}, {@code maximumRecordAge} in seconds)
     * @param event  the event's name, which names the source when nothing else can
     */
    Mapping mapping(String fn, String event, String type, Value source, Map<String, Value> keys) {
        String logicalId = resource(source.node());
        JsonNode resource = logicalId == null ? null : resources.path(logicalId);
        String resourceType = resource == null ? "" : resource.path("Type").asText("");
        String arn = logicalId == null ? arn(source.node()) : "";
        if (type == null) {
            type = resourceType.equals(QUEUE_TYPE) ? "sqs" : resourceType.equals(KINESIS_TYPE) ? "kinesis"
                    : resourceType.startsWith("AWS::DynamoDB::") ? "dynamodb" : arnService(arn);
        }
        if (type == null || !List.of("sqs", "kinesis", "dynamodb").contains(type)) {
            String what = type == null ? "an event source lambdasim cannot tell (" + (arn.isEmpty() ? "its ARN is computed"
                    : arn) + ")" : type.equals("kafka") ? "a Kafka (Amazon MSK) cluster" : type.equals("mq") ? "an Amazon MQ broker"
                    : type.equals("rds") ? "a DocumentDB change stream" : "a " + type + " source";
            return new Mapping(null, "event " + event + ": an event source mapping of " + what + "; lambdasim models SQS "
                    + "queues and Kinesis and DynamoDB streams only, so it has no traffic here", List.of());
        }
        boolean queue = type.equals("sqs");
        List<String> notes = new ArrayList<>();
        String name = name(queue, type, logicalId, resource, arn, fn + "-" + event, notes);
        String key = (queue ? "queue " : "stream ") + name;
        if (!sources.containsKey(key)) {
            sources.put(key, new ImportedSource(name, queue, queue ? queueSettings(name, logicalId, resource, source, notes)
                    : streamSettings(name, type, logicalId, resource, source, notes), notes));
        }
        List<Setting> s = new ArrayList<>();
        s.add(new Setting(queue ? "queue" : "stream", name, source.from()));
        number(s, keys, "batchSize", "", "the batch size");
        number(s, keys, "maximumBatchingWindow", "s", "the batching window in seconds");
        Value responses = keys.getOrDefault("functionResponseTypes", missing(""));
        boolean reportFailures = responses.node().toString().contains("ReportBatchItemFailures");
        if (queue) {
            number(s, keys, "maximumConcurrency", "", "the maximum concurrency");
            if (reportFailures) {
                s.add(new Setting("reportBatchItemFailures", "true", responses.from()));
            }
        } else {
            number(s, keys, "parallelizationFactor", "", "the parallelization factor");
            Value bisect = keys.getOrDefault("bisectBatchOnFunctionError", missing(""));
            if (!bisect.node().isMissingNode()) {
                String b = resolve.apply(bisect.node(), "whether a failing batch is split");
                s.add(new Setting("bisectBatchOnFunctionError", b.equals("true") || b.equals("false") || b.startsWith("\"") ? b
                        : Placeholder.text("true or false (the template says " + b + ")"), bisect.from()));
            }
            number(s, keys, "maximumRetryAttempts", "", "the retries of a failing batch");
            Value age = keys.getOrDefault("maximumRecordAge", missing(""));
            if (!age.node().isMissingNode()) {
                String a = value(age.node(), "the maximum record age in seconds");
                s.add(new Setting("maximumRecordAge", a.equals("-1") || a.startsWith("\"") ? a : a + "s", age.from()));
            }
        }
        return new Mapping(s, null, !queue && reportFailures ? List.of("event " + event + ": ReportBatchItemFailures on a "
                + "stream is not modelled (a failing batch is retried whole, or bisected)") : List.of());
    }

    // ---------------------------------------------------------------- the source

    /** The logical id of the resource a value names ({@code !GetAtt Q.Arn}, {@code [Q, Arn]}, {@code !Ref Q}), else null. */
    String resource(JsonNode v) {
        if (v.isObject() && v.has("Fn::GetAtt")) {
            v = v.path("Fn::GetAtt");
        } else if (v.isObject() && v.has("Ref")) {
            v = v.path("Ref");
        }
        String id = v.isArray() && !v.isEmpty() ? v.get(0).asText() : v.isTextual() ? v.asText().replaceFirst("\\.[A-Za-z]+$", "")
                : null;
        return id != null && resources.has(id) ? id : null;
    }

    /** An ARN's text: a literal, a parameter's default, a {@code !Sub}'s string; else empty. */
    private String arn(JsonNode v) {
        if (v.isObject() && v.path("Fn::Sub").isTextual()) {
            return v.path("Fn::Sub").asText();
        }
        if (!v.isValueNode()) {
            return "";
        }
        String r = resolve.apply(v, "");
        return r.startsWith("\"") ? v.asText() : r;
    }

    /** The service of an ARN ({@code arn:aws:sqs:...}: sqs), or null. */
    private static String arnService(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 2 && parts[0].equals("arn") && !parts[2].contains("$") ? parts[2] : null;
    }

    private String name(boolean queue, String type, String logicalId, JsonNode resource, String arn, String otherwise,
                        List<String> notes) {
        String name = null;
        if (resource != null) {
            JsonNode given = resource.path("Properties").path(queue ? "QueueName" : type.equals("kinesis") ? "Name" : "TableName");
            String literal = given.isMissingNode() ? null : resolve.apply(given, "");
            name = literal == null || literal.startsWith("\"") || literal.contains("$") ? logicalId : literal;
        } else if (!arn.isEmpty()) {
            String last = queue ? arn.substring(arn.lastIndexOf(':') + 1)
                    : arn.replaceFirst(".*:(stream|table)/", "").replaceFirst("/.*", "");
            name = last.contains("$") || last.isEmpty() ? null : last;
        }
        if (name == null) {
            notes.add("the template computes this " + (queue ? "queue" : "stream") + "'s ARN: named after its event");
            name = otherwise;
        }
        String clean = name.replaceAll(queue ? "[^A-Za-z0-9_-]" : "[^A-Za-z0-9_.-]", "-");
        return clean.substring(0, Math.min(clean.length(), queue ? 80 : 128));
    }

    private List<Setting> queueSettings(String name, String logicalId, JsonNode resource, Value source, List<String> notes) {
        List<Setting> s = new ArrayList<>();
        if (resource == null) {
            s.add(new Setting("name", name, source.from()));
            s.add(new Setting("visibilityTimeout", Placeholder.text("the visibility timeout of queue " + name + ", such as 60s "
                    + "(the queue is not in the template)"), source.from()));
            notes.add("the queue is not in the template: its retention and redrive policy are SQS's defaults here");
            return s;
        }
        String at = resourcesAt + "." + logicalId + ".Properties";
        JsonNode p = resource.path("Properties");
        s.add(new Setting("name", name, p.has("QueueName") && name.equals(resolve.apply(p.path("QueueName"), ""))
                ? at + ".QueueName" : resourcesAt + "." + logicalId));
        Value visibility = new Value(p.path("VisibilityTimeout"), at + ".VisibilityTimeout");
        if (visibility.node().isMissingNode()) {
            s.add(new Setting("visibilityTimeout", "30s", "SQS's default: " + at + " gives no VisibilityTimeout"));
        } else {
            s.add(new Setting("visibilityTimeout", seconds(value(visibility.node(), "the visibility timeout in seconds")),
                    visibility.from()));
        }
        JsonNode redrive = p.path("RedrivePolicy");
        if (redrive.isTextual()) {
            try {
                redrive = new com.fasterxml.jackson.databind.ObjectMapper().readTree(redrive.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                redrive = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }
        if (!redrive.path("maxReceiveCount").isMissingNode()) {
            s.add(new Setting("maxReceiveCount", value(redrive.path("maxReceiveCount"), "the redrive policy's maxReceiveCount"),
                    at + ".RedrivePolicy.maxReceiveCount"));
        }
        if (!p.path("MessageRetentionPeriod").isMissingNode()) {
            s.add(new Setting("retention", seconds(value(p.path("MessageRetentionPeriod"), "the retention in seconds")),
                    at + ".MessageRetentionPeriod"));
        }
        if (p.path("FifoQueue").asText("").equals("true")) {
            notes.add(at + ".FifoQueue: a FIFO queue, modelled as a standard queue (no message groups, no ordering)");
        }
        return s;
    }

    private List<Setting> streamSettings(String name, String type, String logicalId, JsonNode resource, Value source,
                                         List<String> notes) {
        List<Setting> s = new ArrayList<>();
        String at = resource == null ? source.from() : resourcesAt + "." + logicalId + ".Properties";
        JsonNode p = resource == null ? missing("").node() : resource.path("Properties");
        String key = type.equals("kinesis") ? "Name" : "TableName";
        s.add(new Setting("name", name, resource == null ? source.from() : p.has(key) && name.equals(resolve.apply(p.path(key),
                "")) ? at + "." + key : resourcesAt + "." + logicalId));
        s.add(new Setting("type", type, resource == null ? source.from() + " (its ARN)"
                : resourcesAt + "." + logicalId + " (" + resource.path("Type").asText() + ")"));
        if (type.equals("dynamodb")) {
            s.add(new Setting("shards", Placeholder.text("the shards of the stream of table " + name + ": DynamoDB does not say; "
                    + "about one per partition of the table, 1 for a small table"), "DynamoDB Streams shows no shard count"));
            if (resource != null && p.path("StreamSpecification").isMissingNode()) {
                notes.add(at + " has no StreamSpecification: the table's stream must be enabled for the mapping");
            }
            return s;
        }
        if (resource == null) {
            s.add(new Setting("shards", Placeholder.text("the shards of stream " + name + " (the stream is not in the template)"),
                    source.from()));
            notes.add("the stream is not in the template: its retention is Kinesis's default here (24h)");
            return s;
        }
        if (p.path("ShardCount").isMissingNode()) {
            boolean onDemand = p.path("StreamModeDetails").path("StreamMode").asText("").equals("ON_DEMAND");
            s.add(new Setting("shards", Placeholder.text("the shards of stream " + name + (onDemand ? " (on demand: "
                    + "Kinesis adds shards as writes grow, 4 at first)" : " (the template gives no ShardCount)")),
                    at + (onDemand ? ".StreamModeDetails" : "")));
        } else {
            s.add(new Setting("shards", value(p.path("ShardCount"), "the shards of stream " + name), at + ".ShardCount"));
        }
        if (!p.path("RetentionPeriodHours").isMissingNode()) {
            String h = value(p.path("RetentionPeriodHours"), "the retention in hours");
            s.add(new Setting("retention", h.startsWith("\"") ? h : h + "h", at + ".RetentionPeriodHours"));
        }
        return s;
    }

    // ---------------------------------------------------------------- values

    private void number(List<Setting> s, Map<String, Value> keys, String key, String unit, String what) {
        Value v = keys.getOrDefault(key, missing(""));
        if (!v.node().isMissingNode()) {
            String n = value(v.node(), what);
            s.add(new Setting(key, n.startsWith("\"") ? n : n + unit, v.from()));
        }
    }

    /** An integer as the template gives it (kept even out of Lambda's limits, which validate names), or a placeholder. */
    private String value(JsonNode v, String what) {
        String r = resolve.apply(v, what);
        return r.startsWith("\"") || r.matches("-?[0-9]+") ? r : Placeholder.text(what + " (the template says " + r + ")");
    }

    private static String seconds(String n) {
        return n.startsWith("\"") ? n : n + "s";
    }

    static Value missing(String from) {
        return new Value(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), from);
    }
}
