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
 * traffic sources. What a template cannot say (rates, durations) is a placeholder.
 *
 * @param kind      "AWS SAM / CloudFormation" or "Serverless Framework"
 * @param name      a name for the scenario (the serverless service, else null)
 * @param region    the region the template names, or null
 * @param functions the functions, in the template's order
 */
public record TemplateImport(String kind, String name, String region, List<ImportedFunction> functions) {
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
            Iterator<Map.Entry<String, JsonNode>> events = p.node("Events").fields();
            while (events.hasNext()) {
                Map.Entry<String, JsonNode> ev = events.next();
                sources.add(samEvent(fn, ev.getKey(), ev.getValue().path("Type").asText(""), ev.getValue().path("Properties")));
            }
            if (!p.node("FunctionUrlConfig").isMissingNode()) {
                sources.add(sync(fn, "url", "its function URL"));
            }
            frontDoor(s, sources, at + ".Events");
            if (!serverless) {
                notes.add("an AWS::Lambda::Function's triggers are other resources (event source mappings, permissions): "
                        + "add its traffic by hand");
            }
            functions.add(new ImportedFunction(fn, s, sources, notes));
        }
        if (functions.isEmpty()) {
            throw new Invalid(file + ": no AWS::Serverless::Function or AWS::Lambda::Function under Resources");
        }
        return new TemplateImport("AWS SAM / CloudFormation", null, null, functions);
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
            case "SQS", "Kinesis", "DynamoDB", "MSK", "MQ", "SelfManagedKafka", "DocumentDB" -> new Source(event, "source", null,
                    "event " + event + ": a " + type + " event source mapping; lambdasim does not model queues and streams yet, "
                            + "so it has no traffic here");
            default -> new Source(event, "unknown", null, "event " + event + ": type " + type + " is not imported");
        };
    }

    // ---------------------------------------------------------------- serverless.yml

    private static TemplateImport serverless(String file, JsonNode root) {
        JsonNode provider = root.path("provider");
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
            int i = 0;
            for (JsonNode ev : f.path("events")) {
                String type = ev.isObject() && ev.fieldNames().hasNext() ? ev.fieldNames().next() : ev.asText();
                String event = type + (i == 0 ? "" : "-" + i);
                i++;
                sources.add(switch (type) {
                    case "http" -> sync(fn, event, "its API Gateway REST API");
                    case "httpApi" -> sync(fn, event, "its API Gateway HTTP API");
                    case "alb" -> sync(fn, event, "its Application Load Balancer");
                    case "s3", "sns", "eventBridge", "cloudwatchEvent", "cloudwatchLog", "iot", "cognitoUserPool" ->
                            async(fn, event, type);
                    case "schedule" -> schedule(fn, event, ev.path("schedule").isObject()
                            ? ev.path("schedule").path("rate").isArray() ? ev.path("schedule").path("rate").get(0).asText("")
                            : ev.path("schedule").path("rate").asText("") : ev.path("schedule").asText(""));
                    case "sqs", "stream", "kafka", "msk", "activemq", "rabbitmq" -> new Source(event, "source", null,
                            "event " + event + ": a " + type + " event source; lambdasim does not model queues and streams "
                                    + "yet, so it has no traffic here");
                    default -> new Source(event, "unknown", null, "event " + event + ": " + type + " is not imported");
                });
            }
            if (f.path("url").asBoolean(false) || f.path("url").isObject()) {
                sources.add(sync(fn, "url", "its function URL"));
            }
            frontDoor(s, sources, at + ".events");
            functions.add(new ImportedFunction(fn, s, sources, List.of()));
        }
        if (functions.isEmpty()) {
            throw new Invalid(file + ": no functions");
        }
        String service = root.path("service").isTextual() ? root.path("service").asText() : root.path("service").path("name")
                .asText(null);
        String region = provider.path("region").isTextual() && !provider.path("region").asText().contains("${")
                ? provider.path("region").asText() : null;
        return new TemplateImport("Serverless Framework", service, region, functions);
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

        /** A literal, a parameter's default (a short !Ref reads as the parameter's name), or a placeholder. */
        private String resolve(JsonNode v, String what) {
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
