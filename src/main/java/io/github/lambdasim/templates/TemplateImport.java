package io.github.lambdasim.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.lambdasim.templates.ImportedFunction.Placeholder;
import io.github.lambdasim.templates.ImportedFunction.Setting;
import io.github.lambdasim.templates.ImportedFunction.Source;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the functions of a deployment template: an AWS SAM or CloudFormation template (YAML or
 * JSON; the short intrinsic tags {@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !If} ... are
 * read without failing, a reference to a parameter takes its {@code Default}; {@code Globals}
 * applied) or a Serverless Framework {@code serverless.yml}. Each function keeps every setting
 * the scenario has a key for (memory, timeout, runtime, architecture, ephemeral storage, reserved
 * and provisioned concurrency, SnapStart, asynchronous retries and event age); its events become
 * traffic sources, its event source mappings of SQS queues and Kinesis and DynamoDB streams its
 * {@code eventSource} and the queues and streams read ({@link EventSourceImport}). What a
 * template cannot say (rates, durations) is a placeholder.
 *
 * @param kind      "AWS SAM / CloudFormation" or "Serverless Framework"
 * @param name      a name for the scenario (the serverless service, else null)
 * @param region    the region the template names, or null
 * @param functions the functions, in the template's order
 * @param sources   the queues and streams the functions read, in the order first read
 */
public record TemplateImport(String kind, String name, String region, List<ImportedFunction> functions,
                             List<ImportedSource> sources) {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    /** A template that cannot be read, with where and why. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    public static TemplateImport read(String file, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            throw new Invalid(file + ":" + (e.getLocation() == null ? 1 : e.getLocation().getLineNr()) + ": not YAML or JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Invalid(file + ": expected a SAM or CloudFormation template (Resources:) or a serverless.yml (functions:)");
        }
        if (root.has("Resources")) {
            return sam(file, root);
        }
        if (root.has("functions") || root.has("service")) {
            return serverless(file, root);
        }
        throw new Invalid(file + ": no Resources (SAM, CloudFormation) and no functions (serverless.yml)");
    }

    // ---------------------------------------------------------------- SAM and CloudFormation

    private static TemplateImport sam(String file, JsonNode root) {
        JsonNode globals = root.path("Globals").path("Function");
        JsonNode parameters = root.path("Parameters");
        EventSourceImport mappings = new EventSourceImport(root.path("Resources"), "Resources",
                (v, what) -> resolveSam(parameters, v, what));
        Map<String, List<String>> mappingsOf = eventSourceMappings(root.path("Resources"), mappings);
        List<ImportedFunction> functions = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("Resources").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getValue().path("Type").asText("");
            boolean serverless = type.equals("AWS::Serverless::Function");
            if (!serverless && !type.equals("AWS::Lambda::Function")) {
                continue;
            }
            String at = "Resources." + e.getKey() + ".Properties";
            Sam p = new Sam(e.getValue().path("Properties"), serverless ? globals : null, parameters, at);
            List<Setting> s = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            boolean image = p.text("PackageType").equals("Image");
            s.add(new Setting("runtime", image ? "container" : p.literal("Runtime", "the runtime, such as nodejs20.x"),
                    image ? at + ".PackageType" : p.from("Runtime")));
            add(s, "memorySize", p.number("MemorySize", "128", "the memory size in MB"), p.from("MemorySize"));
            add(s, "timeout", seconds(p.number("Timeout", "3", "the timeout in seconds")), p.from("Timeout"));
            JsonNode arch = p.node("Architectures");
            if (arch.isArray() && !arch.isEmpty()) {
                s.add(new Setting("architecture", arch.get(0).asText(), p.from("Architectures")));
            }
            if (!p.node("EphemeralStorage").isMissingNode()) {
                add(s, "ephemeralStorageSize", p.numberIn("EphemeralStorage", "Size", "the ephemeral storage in MB"),
                        p.from("EphemeralStorage"));
            }
            if (!p.node("ReservedConcurrentExecutions").isMissingNode()) {
                add(s, "reservedConcurrency", p.number("ReservedConcurrentExecutions", null, "the reserved concurrency"),
                        p.from("ReservedConcurrentExecutions"));
            }
            if (!p.node("ProvisionedConcurrencyConfig").isMissingNode()) {
                add(s, "provisionedConcurrency", p.numberIn("ProvisionedConcurrencyConfig", "ProvisionedConcurrentExecutions",
                        "the provisioned concurrency"), p.from("ProvisionedConcurrencyConfig"));
            }
            if (p.node("SnapStart").path("ApplyOn").asText("").equals("PublishedVersions")) {
                s.add(new Setting("snapStart", "true", p.from("SnapStart")));
            }
            JsonNode invoke = p.node("EventInvokeConfig");
            List<String> async = new ArrayList<>();
            if (invoke.path("MaximumRetryAttempts").canConvertToInt()) {
                async.add("maximumRetryAttempts: " + invoke.path("MaximumRetryAttempts").asInt());
            }
            if (invoke.path("MaximumEventAgeInSeconds").canConvertToInt()) {
                async.add("maximumEventAge: " + invoke.path("MaximumEventAgeInSeconds").asInt() + "s");
            }
            if (!async.isEmpty()) {
                s.add(new Setting("async", "{" + String.join(", ", async) + "}", p.from("EventInvokeConfig")));
            }
            String fn = e.getKey();
            List<Source> sources = new ArrayList<>();
            List<Setting> eventSource = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> events = p.node("Events").fields();
            while (events.hasNext()) {
                Map.Entry<String, JsonNode> ev = events.next();
                String evType = ev.getValue().path("Type").asText("");
                String stream = evType.equals("SQS") ? "sqs" : evType.equals("Kinesis") ? "kinesis" : evType.equals("DynamoDB")
                        ? "dynamodb" : null;
                if (stream != null) {
                    String eat = at + ".Events." + ev.getKey() + ".Properties";
                    JsonNode ep = ev.getValue().path("Properties");
                    String key = stream.equals("sqs") ? "Queue" : "Stream";
                    sources.add(mapped(mappings, fn, ev.getKey(), stream, new EventSourceImport.Value(ep.path(key),
                            eat + "." + key), samKeys(ep, eat), eventSource, notes));
                } else {
                    sources.add(samEvent(fn, ev.getKey(), evType, ev.getValue().path("Properties")));
                }
            }
            for (String m : mappingsOf.getOrDefault(fn, List.of())) {
                JsonNode mp = root.path("Resources").path(m).path("Properties");
                String mat = "Resources." + m + ".Properties";
                sources.add(mapped(mappings, fn, m, mp.has("SelfManagedEventSource") ? "kafka" : null,
                        new EventSourceImport.Value(mp.path("EventSourceArn"), mat + ".EventSourceArn"), samKeys(mp, mat),
                        eventSource, notes));
            }
            if (!p.node("FunctionUrlConfig").isMissingNode()) {
                sources.add(sync(fn, "url", "its function URL"));
            }
            frontDoor(s, sources, at + ".Events");
            if (!serverless) {
                notes.add("an AWS::Lambda::Function's other triggers are other resources (permissions for S3, SNS, API "
                        + "Gateway...): add their traffic by hand");
            }
            functions.add(new ImportedFunction(fn, s, sources, eventSource, notes));
        }
        if (functions.isEmpty()) {
            throw new Invalid(file + ": no AWS::Serverless::Function or AWS::Lambda::Function under Resources");
        }
        return new TemplateImport("AWS SAM / CloudFormation", null, null, functions, mappings.sources());
    }

    /**
     * The AWS::Lambda::EventSourceMapping resources by the logical id of the function each invokes
     * (its FunctionName a {@code !Ref}, a {@code !GetAtt}, or a function's literal FunctionName or ARN).
     */
    private static Map<String, List<String>> eventSourceMappings(JsonNode resources, EventSourceImport mappings) {
        Map<String, String> byName = new java.util.HashMap<>();
        resources.fields().forEachRemaining(r -> {
            JsonNode name = r.getValue().path("Properties").path("FunctionName");
            if (name.isTextual() && r.getValue().path("Type").asText("").matches("AWS::(Serverless|Lambda)::Function")) {
                byName.put(name.asText(), r.getKey());
            }
        });
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        resources.fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText("").equals("AWS::Lambda::EventSourceMapping")) {
                JsonNode target = r.getValue().path("Properties").path("FunctionName");
                String fn = mappings.resource(target);
                if (fn == null && target.isTextual()) {
                    fn = byName.get(target.asText().replaceFirst("^arn:.*:function:", "").replaceFirst(":.*", ""));
                }
                if (fn != null) {
                    out.computeIfAbsent(fn, k -> new ArrayList<>()).add(r.getKey());
                }
            }
        });
        return out;
    }

    /** The keys of a SAM event's or an EventSourceMapping's properties, by the scenario's names. */
    private static Map<String, EventSourceImport.Value> samKeys(JsonNode p, String at) {
        Map<String, EventSourceImport.Value> k = new java.util.LinkedHashMap<>();
        String[][] names = {{"batchSize", "BatchSize"}, {"maximumBatchingWindow", "MaximumBatchingWindowInSeconds"},
            {"functionResponseTypes", "FunctionResponseTypes"}, {"parallelizationFactor", "ParallelizationFactor"},
            {"bisectBatchOnFunctionError", "BisectBatchOnFunctionError"}, {"maximumRetryAttempts", "MaximumRetryAttempts"},
            {"maximumRecordAge", "MaximumRecordAgeInSeconds"}};
        for (String[] n : names) {
            k.put(n[0], new EventSourceImport.Value(p.path(n[1]), at + "." + n[1]));
        }
        k.put("maximumConcurrency", new EventSourceImport.Value(p.path("ScalingConfig").path("MaximumConcurrency"),
                at + ".ScalingConfig.MaximumConcurrency"));
        return k;
    }

    private static Source samEvent(String fn, String event, String type, JsonNode p) {
        return switch (type) {
            case "Api" -> sync(fn, event, "its API Gateway REST API (" + p.path("Method").asText("any").toUpperCase(Locale.ROOT)
                    + " " + p.path("Path").asText("/") + ")");
            case "HttpApi" -> sync(fn, event, "its API Gateway HTTP API");
            case "S3", "SNS", "EventBridgeRule", "CloudWatchEvent", "IoTRule", "CloudWatchLogs", "Cognito" ->
                    async(fn, event, type);
            case "Schedule", "ScheduleV2" -> schedule(fn, event, p.path(type.equals("Schedule") ? "Schedule"
                    : "ScheduleExpression").asText(""));
            case "MSK", "MQ", "SelfManagedKafka", "DocumentDB" -> new Source(event, "source", null,
                    "event " + event + ": a " + type + " event source mapping; lambdasim models SQS queues and Kinesis and "
                            + "DynamoDB streams only, so it has no traffic here");
            default -> new Source(event, "unknown", null, "event " + event + ": type " + type + " is not imported");
        };
    }

    // ---------------------------------------------------------------- serverless.yml

    private static TemplateImport serverless(String file, JsonNode root) {
        JsonNode provider = root.path("provider");
        EventSourceImport mappings = new EventSourceImport(root.path("resources").path("Resources"), "resources.Resources",
                TemplateImport::resolveServerless);
        List<ImportedFunction> functions = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("functions").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode f = e.getValue();
            String at = "functions." + e.getKey();
            List<Setting> s = new ArrayList<>();
            boolean image = f.has("image");
            s.add(new Setting("runtime", image ? "container" : slsLiteral(f, provider, "runtime", "the runtime, such as nodejs20.x"),
                    image ? at + ".image" : slsFrom(f, "runtime", at)));
            add(s, "memorySize", slsNumber(f, provider, "memorySize", "1024", "the memory size in MB"), slsFrom(f, "memorySize", at));
            add(s, "timeout", seconds(slsNumber(f, provider, "timeout", "6", "the timeout in seconds")), slsFrom(f, "timeout", at));
            String arch = slsLiteral(f, provider, "architecture", null);
            if (arch != null) {
                s.add(new Setting("architecture", arch, slsFrom(f, "architecture", at)));
            }
            for (String[] k : new String[][] {{"ephemeralStorageSize", "ephemeralStorageSize"},
                    {"reservedConcurrency", "reservedConcurrency"}, {"provisionedConcurrency", "provisionedConcurrency"}}) {
                if (f.has(k[0])) {
                    add(s, k[1], slsNumber(f, provider, k[0], null, k[1]), at + "." + k[0]);
                }
            }
            if (f.path("snapStart").asBoolean(false)) {
                s.add(new Setting("snapStart", "true", at + ".snapStart"));
            }
            List<String> async = new ArrayList<>();
            if (f.path("maximumRetryAttempts").canConvertToInt()) {
                async.add("maximumRetryAttempts: " + f.path("maximumRetryAttempts").asInt());
            }
            if (f.path("maximumEventAge").canConvertToInt()) {
                async.add("maximumEventAge: " + f.path("maximumEventAge").asInt() + "s");
            }
            if (!async.isEmpty()) {
                s.add(new Setting("async", "{" + String.join(", ", async) + "}", at));
            }
            String fn = e.getKey();
            List<Source> sources = new ArrayList<>();
            List<Setting> eventSource = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int i = 0;
            for (JsonNode ev : f.path("events")) {
                String type = ev.isObject() && ev.fieldNames().hasNext() ? ev.fieldNames().next() : ev.asText();
                String event = type + (i == 0 ? "" : "-" + i);
                String eat = at + ".events[" + i + "]." + type;
                i++;
                if (type.equals("sqs") || type.equals("stream")) {
                    JsonNode body = ev.path(type);
                    JsonNode arn = body.isObject() ? body.path("arn") : body;
                    String kind = type.equals("sqs") ? "sqs" : body.path("type").isTextual() ? body.path("type").asText() : null;
                    sources.add(mapped(mappings, fn, event, kind, new EventSourceImport.Value(arn, body.isObject() ? eat + ".arn"
                            : eat), slsKeys(body, eat), eventSource, notes));
                    continue;
                }
                sources.add(switch (type) {
                    case "http" -> sync(fn, event, "its API Gateway REST API");
                    case "httpApi" -> sync(fn, event, "its API Gateway HTTP API");
                    case "alb" -> sync(fn, event, "its Application Load Balancer");
                    case "s3", "sns", "eventBridge", "cloudwatchEvent", "cloudwatchLog", "iot", "cognitoUserPool" ->
                            async(fn, event, type);
                    case "schedule" -> schedule(fn, event, ev.path("schedule").isObject()
                            ? ev.path("schedule").path("rate").isArray() ? ev.path("schedule").path("rate").get(0).asText("")
                            : ev.path("schedule").path("rate").asText("") : ev.path("schedule").asText(""));
                    case "kafka", "msk", "activemq", "rabbitmq" -> new Source(event, "source", null,
                            "event " + event + ": a " + type + " event source; lambdasim models SQS queues and Kinesis and "
                                    + "DynamoDB streams only, so it has no traffic here");
                    default -> new Source(event, "unknown", null, "event " + event + ": " + type + " is not imported");
                });
            }
            if (f.path("url").asBoolean(false) || f.path("url").isObject()) {
                sources.add(sync(fn, "url", "its function URL"));
            }
            frontDoor(s, sources, at + ".events");
            functions.add(new ImportedFunction(fn, s, sources, eventSource, notes));
        }
        if (functions.isEmpty()) {
            throw new Invalid(file + ": no functions");
        }
        String service = root.path("service").isTextual() ? root.path("service").asText() : root.path("service").path("name")
                .asText(null);
        String region = provider.path("region").isTextual() && !provider.path("region").asText().contains("${")
                ? provider.path("region").asText() : null;
        return new TemplateImport("Serverless Framework", service, region, functions, mappings.sources());
    }

    /** The keys of a serverless.yml sqs or stream event, by the scenario's names (none for a bare ARN). */
    private static Map<String, EventSourceImport.Value> slsKeys(JsonNode body, String at) {
        Map<String, EventSourceImport.Value> k = new java.util.LinkedHashMap<>();
        String[][] names = {{"batchSize", "batchSize"}, {"maximumBatchingWindow", "maximumBatchingWindow"},
            {"maximumBatchingWindow", "batchWindow"}, {"maximumConcurrency", "maximumConcurrency"},
            {"functionResponseTypes", "functionResponseType"}, {"parallelizationFactor", "parallelizationFactor"},
            {"bisectBatchOnFunctionError", "bisectBatchOnFunctionError"}, {"maximumRetryAttempts", "maximumRetryAttempts"},
            {"maximumRecordAge", "maximumRecordAgeInSeconds"}};
        for (String[] n : names) {
            if (body.has(n[1])) {
                k.put(n[0], new EventSourceImport.Value(body.path(n[1]), at + "." + n[1]));
            }
        }
        return k;
    }

    /** A serverless.yml value: its text, or a placeholder for a ${} variable or a CloudFormation intrinsic. */
    private static String resolveServerless(JsonNode v, String what) {
        if (!v.isValueNode()) {
            return Placeholder.text(what + " (the template computes it)");
        }
        return v.asText().contains("${") ? Placeholder.text(what + " (the template says " + v.asText() + ")") : v.asText();
    }

    private static String slsLiteral(JsonNode f, JsonNode provider, String key, String what) {
        JsonNode v = f.has(key) ? f.path(key) : provider.path(key);
        if (v.isMissingNode()) {
            return null;
        }
        String t = v.asText();
        return t.contains("${") ? (what == null ? null : Placeholder.text(what + " (the template says " + t + ")")) : t;
    }

    private static String slsNumber(JsonNode f, JsonNode provider, String key, String otherwise, String what) {
        JsonNode v = f.has(key) ? f.path(key) : provider.path(key);
        if (v.isMissingNode()) {
            return otherwise;
        }
        return v.canConvertToLong() && v.isNumber() || v.asText().matches("[0-9]+") ? v.asText()
                : Placeholder.text(what + " (the template says " + v.asText() + ")");
    }

    private static String slsFrom(JsonNode f, String key, String at) {
        return f.has(key) ? at + "." + key : "provider." + key;
    }

    // ---------------------------------------------------------------- shared

    /**
     * An event source mapping of function {@code fn}: its {@code eventSource} (added to
     * {@code eventSource}) when it has none yet, else a comment, as is a source lambdasim does not model.
     */
    private static Source mapped(EventSourceImport mappings, String fn, String event, String type,
                                 EventSourceImport.Value source, Map<String, EventSourceImport.Value> keys,
                                 List<Setting> eventSource, List<String> notes) {
        if (!eventSource.isEmpty()) {
            return new Source(event, "source", null, "event " + event + ": a second event source mapping; a function of a "
                    + "scenario reads one queue or stream (eventSource): copy the function to model this one too");
        }
        EventSourceImport.Mapping m = mappings.mapping(fn, event, type, source, keys);
        if (m.eventSource() == null) {
            return new Source(event, "source", null, m.comment());
        }
        eventSource.addAll(m.eventSource());
        notes.addAll(m.notes());
        return new Source(event, "mapping", null, null);
    }

    /** A literal, a parameter's default (a short !Ref reads as the parameter's name), or a placeholder. */
    private static String resolveSam(JsonNode parameters, JsonNode v, String what) {
        if (v.isObject() && v.has("Ref")) {
            v = v.path("Ref");
        }
        if (v.isTextual() && parameters.has(v.asText())) {
            JsonNode d = parameters.path(v.asText()).path("Default");
            return d.isMissingNode() ? Placeholder.text(what + " (parameter " + v.asText() + " has no default)") : d.asText();
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        return Placeholder.text(what + " (the template computes it)");
    }

    private static void add(List<Setting> s, String key, String yaml, String from) {
        if (yaml != null) {
            s.add(new Setting(key, yaml, from));
        }
    }

    private static String seconds(String n) {
        return n == null || n.startsWith("\"") ? n : n + "s";
    }

    /** The front door of a function's first synchronous source: API Gateway (REST or HTTP), a function URL, an ALB. */
    private static void frontDoor(List<Setting> s, List<Source> sources, String from) {
        for (Source src : sources) {
            String door = src.comment();
            if (src.kind().equals("sync") && door != null) {
                s.add(new Setting("frontDoor", "{type: " + door + "}", from));
                return;
            }
        }
    }

    private static Source sync(String fn, String event, String what) {
        String door = what.contains("REST API") ? "rest-api" : what.contains("HTTP API") ? "http-api"
                : what.contains("function URL") ? "function-url" : what.contains("Load Balancer") ? "alb" : null;
        return new Source(event, "sync", "{name: " + fn + "/" + event + ", function: " + fn + ", poisson: {rate: "
                + Placeholder.text("requests per second through " + what + ", such as 10/s") + "}}", door);
    }

    private static Source async(String fn, String event, String type) {
        return new Source(event, "async", "{name: " + fn + "/" + event + ", function: " + fn + ", invocation: async, "
                + "poisson: {rate: " + Placeholder.text(type + " events per second, such as 1/s") + "}}", null);
    }

    /** {@code rate(5 minutes)}: one event every 5 minutes; a cron expression is left to fill in. */
    private static Source schedule(String fn, String event, String expression) {
        Matcher m = RATE.matcher(expression.strip());
        String rate;
        if (m.matches()) {
            String unit = m.group(2).startsWith("minute") ? "m" : m.group(2).startsWith("hour") ? "h" : "d";
            int every = Integer.parseInt(m.group(1));
            rate = unit.equals("m") && 60 % every == 0 ? 60 / every + "/h" : unit.equals("h") && 24 % every == 0
                    ? 24 / every + "/d" : null;
            if (rate == null) {
                rate = Placeholder.text("the rate of " + expression + ", as events per hour or day");
            }
        } else {
            rate = Placeholder.text("the rate of the schedule " + expression + ", such as 24/d");
        }
        return new Source(event, "async", "{name: " + fn + "/" + event + ", function: " + fn + ", invocation: async, "
                + "constant: {rate: " + rate + "}}", null);
    }

    /** A function's properties with its Globals and the template's parameters. */
    private record Sam(JsonNode props, JsonNode globals, JsonNode parameters, String at) {
        JsonNode node(String key) {
            JsonNode v = props.path(key);
            return v.isMissingNode() && globals != null ? globals.path(key) : v;
        }

        String from(String key) {
            return props.has(key) || globals == null || !globals.has(key) ? at + "." + key : "Globals.Function." + key;
        }

        String text(String key) {
            return node(key).asText("");
        }

        private String resolve(JsonNode v, String what) {
            return resolveSam(parameters, v, what);
        }

        String literal(String key, String what) {
            JsonNode v = node(key);
            return v.isMissingNode() ? Placeholder.text(what) : resolve(v, what);
        }

        String number(String key, String otherwise, String what) {
            JsonNode v = node(key);
            if (v.isMissingNode()) {
                return otherwise;
            }
            String r = resolve(v, what);
            return r.startsWith("\"") || r.matches("[0-9]+") ? r : Placeholder.text(what + " (the template says " + r + ")");
        }

        String numberIn(String key, String inner, String what) {
            JsonNode v = node(key).path(inner);
            if (v.isMissingNode()) {
                return Placeholder.text(what);
            }
            String r = resolve(v, what);
            return r.startsWith("\"") || r.matches("[0-9]+") ? r : Placeholder.text(what + " (the template says " + r + ")");
        }
    }
}
