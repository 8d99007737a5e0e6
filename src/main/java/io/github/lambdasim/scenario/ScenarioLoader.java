package io.github.lambdasim.scenario;

import io.github.lambdasim.billing.Architecture;
import io.github.lambdasim.billing.BillingEra;
import io.github.lambdasim.billing.BillingRules;
import io.github.lambdasim.billing.BillingSpec;
import io.github.lambdasim.billing.FrontDoor;
import io.github.lambdasim.billing.SavingsPlanSpec;
import io.github.lambdasim.billing.SavingsPlans;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a scenario file (plus {@code --set} overrides) into a validated {@link ScenarioSpec}, or a
 * {@link ScenarioException} listing every problem found, each with its YAML path and line.
 */
public final class ScenarioLoader {
    /** Scenario durations beyond a year are refused: nothing a user bills is longer. */
    public static final long MAX_DURATION_MICROS = 366 * Units.MICROS_PER_DAY;
    /** A sanity bound on any one rate (a billion requests per second). */
    public static final double MAX_RATE_PER_SECOND = 1e9;
    /** A whole account: the largest Lambda users run tens of thousands of functions. */
    public static final int MAX_FUNCTIONS = 100_000;
    /** Every function of a full account with a steady source and a spike on top. */
    public static final int MAX_TRAFFIC_SOURCES = 200_000;
    public static final int MAX_STEPS = 1000;
    public static final int MAX_CALLS = 100_000;
    /** Calls of one invoke step to each of its functions. */
    public static final int MAX_INVOKE_CALLS = 1000;
    public static final int MAX_OUTAGES = 1000;
    public static final int MAX_SCHEDULE_CHANGES = 1000;
    public static final int MAX_THREADS = 1024;
    public static final int MAX_ACCOUNT_CONCURRENCY = 1_000_000;
    public static final int MAX_PACKAGE_MB = 250;
    public static final int MAX_IMAGE_MB = 10_240;
    public static final int MIN_EPHEMERAL_MB = 512;
    public static final String DEFAULT_RUNTIME = "nodejs20.x";
    /** API Gateway's least integration timeout (API Gateway quotas: 50 milliseconds). */
    private static final long FRONT_DOOR_MIN_TIMEOUT_MICROS = 50 * Units.MICROS_PER_MS;
    public static final int DEFAULT_MEMORY_MB = 128;
    public static final long DEFAULT_TIMEOUT_MICROS = 3 * Units.MICROS_PER_SECOND;

    private static final String PRESETS_RESOURCE = "platform-presets.yaml";
    private static final String[] TOP_KEYS = {"name", "description", "duration", "seed", "start", "timeZone", "warmStart", "warmup",
        "platform", "region", "account", "billing", "functionDefaults", "queues", "streams", "functions", "traffic"};
    private static final String[] FUNCTION_KEYS = {"name", "description", "runtime", "memorySize", "architecture",
        "timeout", "reservedConcurrency", "provisionedConcurrency", "packageSizeMb", "coldStart", "init", "handler",
        "ephemeralStorageSize", "async", "errorOnCallFailure", "snapStart", "frontDoor", "eventSource"};
    private static final String[] HANDLER_KEYS = {"duration", "steps", "threads", "parallelFraction", "threadOverhead",
        "memoryUsedMb", "errorRate", "outages", "recordErrorRate"};
    private static final String[] ASYNC_KEYS = {"maximumRetryAttempts", "maximumEventAge", "onSuccess", "onFailure"};
    private static final String[] OUTAGE_KEYS = {"at", "for", "errorRate"};
    private static final String[] STEP_KINDS = {"cpu", "io", "wait", "invoke", "send"};
    private static final String[] SEND_KEYS = {"queue", "stream", "messages", "records", "latency"};
    private static final String[] QUEUE_KEYS = {"name", "visibilityTimeout", "maxReceiveCount", "retention"};
    private static final String[] STREAM_KEYS = {"name", "type", "shards", "retention"};
    private static final String[] EVENT_SOURCE_KEYS = {"queue", "stream", "batchSize", "maximumBatchingWindow",
        "maximumConcurrency", "reportBatchItemFailures", "parallelizationFactor", "bisectBatchOnFunctionError",
        "maximumRetryAttempts", "maximumRecordAge"};
    private static final List<String> QUEUE_ONLY_KEYS = List.of("maximumConcurrency", "reportBatchItemFailures");
    private static final List<String> STREAM_ONLY_KEYS = List.of("parallelizationFactor", "bisectBatchOnFunctionError",
            "maximumRetryAttempts", "maximumRecordAge");
    private static final String[] INVOKE_KEYS = {"function", "functions", "mode", "calls", "parallel", "latency"};
    /**
     * A function's keys but its name, front door and event source (a front door is a function's own:
     * it needs its traffic; an event source is one function's mapping of one queue or stream).
     */
    private static final String[] DEFAULT_KEYS = java.util.Arrays.stream(FUNCTION_KEYS)
            .filter(k -> !k.equals("name") && !k.equals("frontDoor") && !k.equals("eventSource")).toArray(String[]::new);
    private static final String[] FRONT_DOOR_KEYS = {"type", "timeout"};
    private static final String[] PATTERNS = {"poisson", "constant", "spike", "ramp", "diurnal", "trace"};
    private static final String[] TRAFFIC_KEYS = {"function", "poisson", "constant", "spike", "ramp", "diurnal", "trace", "name",
        "invocation", "queue", "stream", "partitionKey", "poisonRecords"};
    private static final String[] TRACE_KEYS = {"file", "row", "rows", "durations", "memory", "spread", "scale", "start"};
    private static final String FUNCTION_NAME = "[A-Za-z0-9_-]{1,64}";
    private static final String SOURCE_NAME = "[A-Za-z0-9_./#-]{1,128}";
    /** A place outside the scenario that a destination names (an SQS queue, an SNS topic, an EventBridge bus). */
    private static final String OUTSIDE_NAME = "[A-Za-z0-9._-]{1,256}";
    /** An SQS queue's name (Amazon SQS quotas: up to 80 characters, alphanumeric, hyphens and underscores). */
    private static final String QUEUE_NAME = "[A-Za-z0-9_-]{1,80}";
    /** A Kinesis stream's name (CreateStream: 1 to 128 of [a-zA-Z0-9_.-]); a DynamoDB table's takes the same characters. */
    private static final String STREAM_NAME = "[A-Za-z0-9_.-]{1,128}";
    /** Kinesis's limit on a partition key (PutRecord: 1 to 256 Unicode characters). */
    private static final int MAX_PARTITION_KEY = 256;
    public static final int MAX_QUEUES = 10_000;
    /** Names listed in full in a message; beyond this many, a count. */
    private static final int MAX_LISTED_NAMES = 10;
    private static final String[] DISTRIBUTIONS = {"constant", "uniform", "exponential", "normal", "lognormal",
        "empirical", "trace"};

    private final Problems problems;
    private final String source;
    /** The trace files of the scenario, each read once; their paths start from the scenario file's folder. */
    private final TraceFiles traces;
    /** What validation decided that the user may want to know. */
    private final List<String> notes = new ArrayList<>();
    /** The scenario's start on the clock, once bound (null without {@code start:}). */
    private ScenarioClock clock;
    /**
     * The functions that invoke steps and destinations name, by the path where each is written,
     * checked once every function is known (a step may call a function listed after its own, or
     * one a trace creates).
     */
    private final Map<String, FunctionUse> functionUses = new LinkedHashMap<>();
    /** Where each invoke step is written, for the messages about cycles of synchronous calls. */
    private final Map<StepSpec.Invoke, Written> invokeSteps = new java.util.IdentityHashMap<>();
    /** While a listed function is bound: its path, and the paths of the keys it takes from functionDefaults. */
    private String functionPath = "";
    private List<String> inheritedPaths = List.of();

    /** The queues and streams written, valid or not, by name, with the path of each (queues[0]). */
    private final Map<String, String> queueNames = new LinkedHashMap<>();
    private final Map<String, String> streamNames = new LinkedHashMap<>();
    /** The queues and streams bound without a problem. */
    private final Map<String, QueueSpec> queueSpecs = new HashMap<>();
    private final Map<String, StreamSpec> streamSpecs = new HashMap<>();
    /** The queues and streams an event source reads ({@code queue orders}, {@code stream clicks}). */
    private final Set<String> consumed = new HashSet<>();

    private record FunctionUse(String path, YamlNode node, String function) {
    }

    private record Written(String path, int line) {
    }

    private ScenarioLoader(String source, Path baseDir) {
        this.source = source;
        this.problems = new Problems(source);
        this.traces = new TraceFiles(baseDir);
    }

    /** Loads a scenario file; {@code overrides} are {@code path=value} strings applied before validation. */
    public static ScenarioSpec load(Path file, List<String> overrides) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Path dir = file.toAbsolutePath().getParent();
        return parse(readText(file), name, overrides, dir == null ? Path.of("") : dir);
    }

    /**
     * The text of a scenario file, read as UTF-8 and never more than {@link YamlReader#MAX_CHARS}
     * bytes of it (so {@code /dev/zero} or a huge file cannot exhaust memory).
     */
    static String readText(Path file) {
        String where = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw fail(where, "is a folder; give the path of a scenario file (.yaml)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(YamlReader.MAX_CHARS + 1);
            }
        } catch (NoSuchFileException e) {
            throw fail(where, "no such file");
        } catch (AccessDeniedException e) {
            throw fail(where, "cannot be read: permission denied");
        } catch (IOException e) {
            throw fail(where, "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (bytes.length > YamlReader.MAX_CHARS) {
            throw fail(where, "is larger than " + YamlReader.MAX_CHARS / (1 << 20) + " MB (" + YamlReader.MAX_CHARS
                    + " bytes), the limit for a scenario file");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) {
            throw fail(where, "is UTF-16 text; save it as UTF-8");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = firstBadLine(bytes);
            throw new ScenarioException(List.of(new Problem(where, "", line, "not UTF-8 text: this line holds bytes that "
                    + "are not UTF-8; a scenario is a YAML text file saved as UTF-8")));
        }
    }

    /** The line of the first byte sequence that is not UTF-8. */
    private static int firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    private static ScenarioException fail(String source, String message) {
        return new ScenarioException(List.of(new Problem(source, "", 0, message)));
    }

    /** Parses scenario text; {@code source} names it in messages. */
    public static ScenarioSpec parse(String text, String source, List<String> overrides) {
        return parse(text, source, overrides, Path.of("").toAbsolutePath());
    }

    /** Parses scenario text whose relative paths (trace files) start from {@code baseDir}. */
    public static ScenarioSpec parse(String text, String source, List<String> overrides, Path baseDir) {
        ScenarioLoader loader = new ScenarioLoader(source, baseDir);
        YamlNode root = YamlReader.read(text.startsWith("\uFEFF") ? text.substring(1) : text, loader.problems);
        loader.problems.throwIfAny();
        for (String override : overrides) {
            root = Overrides.apply(root, override, loader.problems);
        }
        loader.problems.throwIfAny();
        ScenarioSpec spec = loader.bind(root);
        try {
            loader.problems.throwIfAny();
        } catch (ScenarioException e) {
            if (overrides.isEmpty()) {
                throw e;
            }
            throw new ScenarioException(Overrides.withPathHints(e.problems(), root, overrides, List.of(DEFAULT_KEYS)));
        }
        return spec;
    }

    /**
     * A value left to fill in, as {@code lambdasim import} writes one: {@code "(fill in: the rate of
     * requests, such as 10/s)"}. A scenario that still has one is refused, each said once where it
     * is, before anything else is checked.
     */
    static final String PLACEHOLDER = "(fill in: ";

    private boolean placeholders(YamlNode node, String path) {
        boolean found = false;
        if (node instanceof YamlNode.Scalar s && s.text != null && s.text.startsWith(PLACEHOLDER)) {
            problems.add(path, node, "to fill in: " + s.text.substring(PLACEHOLDER.length()).replaceFirst("\\)$", ""));
            return true;
        }
        if (node instanceof YamlNode.Mapping m) {
            for (var e : m.entries.entrySet()) {
                found |= placeholders(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
        } else if (node instanceof YamlNode.Sequence q) {
            for (int i = 0; i < q.items.size(); i++) {
                found |= placeholders(q.items.get(i), path + "[" + i + "]");
            }
        }
        return found;
    }

    /** Whether {@code name} can name a scenario (and its output folder): letters, digits, . _ -, at most 100. */
    public static boolean isValidName(String name) {
        return name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    }

    private ScenarioSpec bind(YamlNode root) {
        if (placeholders(root, "")) {
            return null;
        }
        if (!(root instanceof YamlNode.Mapping)) {
            problems.add("", root, "a scenario is a mapping with keys " + String.join(", ", TOP_KEYS) + "; found "
                    + Fields.describe(root));
            return null;
        }
        Fields top = new Fields(root, "", problems, TOP_KEYS);
        String name = top.requiredText("name", "the scenario's name (it names the output folder)");
        if (name != null && !isValidName(name)) {
            problems.add("name", top.node("name"), "'" + name + "' cannot name a folder: use letters, digits, '.', '_' and '-' "
                    + "(at most 100, starting with a letter or digit)");
        }
        String description = top.text("description", "");
        long duration = top.requiredDuration("duration", "how long to simulate, e.g. 2h", 1, MAX_DURATION_MICROS);
        long seed = top.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, "");
        clock = bindClock(top);
        // Not start: warm, because start: is the clock time the run begins at.
        boolean warmStart = top.bool("warmStart", false);
        long warmup = top.duration("warmup", 0, 0, MAX_DURATION_MICROS);
        if (duration > 0 && warmup + duration > MAX_DURATION_MICROS) {
            problems.add("warmup", top.node("warmup"), "a warm-up of " + Units.formatDuration(warmup) + " and a duration of "
                    + Units.formatDuration(duration) + " make a run longer than the " + Units.formatDuration(MAX_DURATION_MICROS)
                    + " lambdasim simulates at most");
        }
        BillingRules rules = BillingRules.get();
        String region = top.text("region", rules.defaultRegion());
        try {
            rules.region(region);
        } catch (IllegalArgumentException e) {
            problems.add("region", top.node("region"), e.getMessage() + Fields.didYouMean(region, rules.regionNames()));
        }
        PlatformSpec platform = bindPlatform(top.node("platform"), region);

        Fields account = new Fields(top.node("account"), "account", problems, "concurrencyLimit");
        int accountLimit = (int) account.integer("concurrencyLimit", platform == null ? 1000 : platform.accountConcurrency(),
                1, MAX_ACCOUNT_CONCURRENCY, "");

        Fields billing = new Fields(top.node("billing"), "billing", problems, "freeTier", "month", "savingsPlan");
        boolean freeTier = billing.bool("freeTier", true);
        long month = billing.duration("month", rules.defaultMonthMicros(), Units.MICROS_PER_HOUR, 744 * Units.MICROS_PER_HOUR);
        SavingsPlanSpec savingsPlan = billing.has("savingsPlan")
                ? bindSavingsPlan(billing.node("savingsPlan"), billing.child("savingsPlan")) : null;

        PlatformSpec.Limits limits = limits(platform);
        List<QueueSpec> queues = bindQueues(top, limits);
        List<StreamSpec> streams = bindStreams(top, limits);

        boolean replaysAccount = top.node("traffic") instanceof YamlNode.Sequence entries
                && entries.items.stream().anyMatch(ScenarioLoader::replaysAccount);
        Defaults defaults = bindDefaults(top.node("functionDefaults"), platform, duration);

        List<FunctionSpec> functions = new ArrayList<>();
        List<Integer> functionIndexes = new ArrayList<>();
        List<YamlNode> functionNodes = top.list("functions", !replaysAccount, "functions (each with at least a name)");
        if (functionNodes.size() > MAX_FUNCTIONS) {
            problems.add("functions", top.node("functions"), functionNodes.size() + " functions; at most " + MAX_FUNCTIONS);
        } else if (functionNodes.isEmpty() && top.node("functions") instanceof YamlNode.Sequence && !replaysAccount) {
            problems.add("functions", top.node("functions"), "the list is empty; give at least one function");
        }
        // Each name and what defines it: functions[i], or the trace row that creates the function.
        Map<String, String> names = new LinkedHashMap<>();
        // A list over its limit is not checked item by item: it has to be cut first.
        for (int i = 0; i < functionNodes.size() && functionNodes.size() <= MAX_FUNCTIONS; i++) {
            FunctionSpec f = bindListedFunction(functionNodes.get(i), "functions[" + i + "]", defaults, platform, duration);
            if (f != null) {
                if (names.putIfAbsent(f.name(), "functions[" + i + "]") != null) {
                    problems.add("functions[" + i + "].name", functionNodes.get(i), "a function named '" + f.name()
                            + "' is already defined; names must be unique");
                }
                functions.add(f);
                functionIndexes.add(i);
            }
        }
        int listed = functions.size();

        List<YamlNode> trafficNodes = top.list("traffic", true, "traffic sources such as {function: api, poisson: {rate: 50/s}}");
        if (trafficNodes.size() > MAX_TRAFFIC_SOURCES) {
            problems.add("traffic", top.node("traffic"), trafficNodes.size() + " sources; at most " + MAX_TRAFFIC_SOURCES);
        } else if (trafficNodes.isEmpty() && top.node("traffic") instanceof YamlNode.Sequence) {
            problems.add("traffic", top.node("traffic"), "the list is empty; give at least one source, "
                    + "such as {function: api, poisson: {rate: 50/s}}");
        }
        // Whole-account entries first: the functions they create may have other sources too.
        Map<Integer, List<TrafficSpec>> replayed = new HashMap<>();
        int entries = trafficNodes.size() <= MAX_TRAFFIC_SOURCES ? trafficNodes.size() : 0;
        for (int i = 0; i < entries; i++) {
            if (replaysAccount(trafficNodes.get(i))) {
                replayed.put(i, bindAccount(trafficNodes.get(i), i, names, defaults, platform, functions));
            }
        }
        List<TrafficSpec> traffic = new ArrayList<>();
        Map<Integer, YamlNode> givenNames = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            List<TrafficSpec> sources = replayed.get(i);
            if (sources != null) {
                if (traffic.size() + sources.size() > MAX_TRAFFIC_SOURCES) {
                    problems.add("traffic[" + i + "].trace.rows", rowsNode(trafficNodes.get(i)), "its " + sources.size()
                            + " sources make " + (traffic.size() + sources.size()) + " with those before; at most "
                            + MAX_TRAFFIC_SOURCES);
                    break;
                }
                traffic.addAll(sources);
                continue;
            }
            TrafficSpec t = bindTraffic(trafficNodes.get(i), i, names, duration);
            if (t != null) {
                traffic.add(t);
                if (t.name() != null) {
                    givenNames.put(i, ((YamlNode.Mapping) trafficNodes.get(i)).entries.get("name"));
                }
            }
        }
        traffic = nameSources(traffic, givenNames);
        checkFunctionUses(names.keySet(), functionNodes);
        checkFrontDoors(functions, listed, functionIndexes, functionNodes, traffic);
        checkSynchronousCycles(functions);
        checkConcurrency(functions, listed, functionIndexes, functionNodes, accountLimit, platform, top.node("functionDefaults"));
        if (!problems.isEmpty() || platform == null) {
            return null;
        }
        noteUnread(queues, streams);
        return new ScenarioSpec(name, description, duration, seed, platform, region, new AccountSpec(accountLimit),
                new BillingSpec(region, platform.billingEra(), freeTier, month, savingsPlan), functions, traffic, notes, clock,
                warmStart, warmup, null, queues, streams);
    }

    /**
     * {@code start:} an ISO 8601 date and time, with an offset ({@code 2026-03-01T00:00:00Z},
     * {@code 2026-03-01T09:00:00+01:00}) or without ({@code 2026-03-01T09:00}: read in the time
     * zone); {@code timeZone:} an IANA zone such as {@code Europe/Paris} (default: the start's
     * offset, else UTC). Null without a start.
     */
    private ScenarioClock bindClock(Fields top) {
        String zoneText = top.text("timeZone", null);
        ZoneId zone = null;
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (java.time.DateTimeException e) {
                problems.add("timeZone", top.node("timeZone"), "'" + zoneText + "' is not a time zone; use an IANA name "
                        + "such as UTC, Europe/Paris or America/New_York" + Fields.didYouMean(zoneText,
                        new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())));
            }
        }
        String startText = top.text("start", null);
        if (startText == null) {
            if (zoneText != null && zone != null) {
                problems.add("timeZone", top.node("timeZone"), "a time zone needs a start: add start: such as "
                        + "2026-03-01T00:00:00 (read in " + zoneText + ")");
            }
            return null;
        }
        try {
            java.time.temporal.TemporalAccessor parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(startText,
                    java.time.OffsetDateTime::from, java.time.LocalDateTime::from);
            if (zoneText != null && zone == null) {
                return null; // the zone's problem is said
            }
            if (parsed instanceof java.time.OffsetDateTime at) {
                return new ScenarioClock(at.toInstant(), zone != null ? zone : at.getOffset().normalized());
            }
            ZoneId in = zone != null ? zone : java.time.ZoneOffset.UTC;
            return new ScenarioClock(((java.time.LocalDateTime) parsed).atZone(in).toInstant(), in);
        } catch (java.time.format.DateTimeParseException e) {
            if (startText.equalsIgnoreCase("warm")) {
                problems.add("start", top.node("start"), "'" + startText + "' is not a date and time: start is the clock "
                        + "time the run begins at (such as 2026-03-01T00:00:00Z); to begin with warm environments write "
                        + "warmStart: true");
                return null;
            }
            problems.add("start", top.node("start"), "'" + startText + "' is not a date and time; write it as ISO 8601, "
                    + "such as 2026-03-01T00:00:00Z or 2026-03-01T09:00:00+01:00 (or without an offset, read in timeZone)");
            return null;
        }
    }

    // ---------------------------------------------------------------- platform

    private static Map<String, YamlNode> presets;
    /** The key of {@code platform-presets.yaml} that lists the runtime identifiers: not a preset. */
    private static final String RUNTIMES_KEY = "runtimes";
    private static Map<String, String> runtimeIdentifiers;
    /** The key of {@code platform-presets.yaml} that gives the front doors' timeouts: not a preset. */
    private static final String FRONT_DOORS_KEY = "frontDoors";
    private static Map<String, YamlNode> frontDoorRules;

    private static synchronized Map<String, YamlNode> presets() {
        if (presets == null) {
            try (InputStream in = ScenarioLoader.class.getResourceAsStream(PRESETS_RESOURCE)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Problems p = new Problems(PRESETS_RESOURCE);
                YamlNode root = YamlReader.read(text, p);
                p.throwIfAny();
                Map<String, YamlNode> map = new LinkedHashMap<>(((YamlNode.Mapping) root).entries);
                YamlNode ids = map.remove(RUNTIMES_KEY);
                frontDoorRules = ((YamlNode.Mapping) map.remove(FRONT_DOORS_KEY)).entries;
                runtimeIdentifiers = new LinkedHashMap<>();
                for (Map.Entry<String, YamlNode> table : ((YamlNode.Mapping) ids).entries.entrySet()) {
                    for (YamlNode id : ((YamlNode.Sequence) table.getValue()).items) {
                        runtimeIdentifiers.put(((YamlNode.Scalar) id).text, table.getKey());
                    }
                }
                presets = map;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + PRESETS_RESOURCE, e);
            }
        }
        return presets;
    }

    /**
     * Every runtime identifier Lambda has had, in the order of {@code platform-presets.yaml}, with
     * the table it is listed in there ({@code supported}, {@code deprecated}, {@code images}).
     */
    public static synchronized Map<String, String> runtimeIdentifiers() {
        presets();
        return java.util.Collections.unmodifiableMap(runtimeIdentifiers);
    }

    /** A platform preset as it stands, or null when there is no such preset. */
    public static PlatformSpec preset(String name, String region) {
        if (!presets().containsKey(name)) {
            return null;
        }
        ScenarioLoader loader = new ScenarioLoader(PRESETS_RESOURCE, Path.of(""));
        PlatformSpec p = loader.bindPlatform(new YamlNode.Scalar(0, name, false, false), region);
        loader.problems.throwIfAny();
        return p;
    }

    /** The names of the platform presets ({@code current}, {@code 2019}). */
    public static Set<String> presetNames() {
        return presets().keySet();
    }

    private static final String[] PLATFORM_KEYS = {"preset", "vcpuMemoryMb", "maxVcpus", "maxVcpusMemoryMb", "memory", "ephemeralStorage",
        "maxTimeout", "maxInit", "maxInitProvisioned", "billingEra", "idleLifetime", "maxLifetime", "scaling", "accountConcurrency",
        "minUnreserved", "requestsPerSecondPerConcurrency", "provisioned", "coldStart", "memoryUsed", "snapStart", "events",
        "arrivedLater", "allowAnachronisms"};
    private static final String[] EVENT_RULE_KEYS = {"throttleBackoff", "errorRetryDelays", "maximumRetryAttempts",
        "maximumEventAge", "recursionLimit", "sdkMaxAttempts", "sdkBackoffBase", "sdkMaxBackoff", "asyncInvokeLatency", "sources"};
    private static final String[] SOURCE_RULE_KEYS = {"sqsScaling", "sqsReceive", "sqsThrottleBackoff", "kinesisPoll",
        "dynamodbPoll", "visibilityTimeout", "maxReceiveCount", "queueRetention", "streamRetention", "shards", "batchSize",
        "maximumBatchingWindow", "maximumConcurrency", "parallelizationFactor", "maximumRetryAttempts", "maximumRecordAge"};

    private PlatformSpec bindPlatform(YamlNode node, String region) {
        String presetName = "current";
        YamlNode overrides = new YamlNode.Mapping(0);
        if (node instanceof YamlNode.Scalar s && !s.isNull) {
            presetName = s.text;
        } else if (node instanceof YamlNode.Mapping m) {
            YamlNode.Mapping copy = (YamlNode.Mapping) YamlNode.copy(m);
            YamlNode p = copy.entries.remove("preset");
            if (p instanceof YamlNode.Scalar s && !s.isNull) {
                presetName = s.text;
            }
            overrides = copy;
        } else if (node != null && !(node instanceof YamlNode.Scalar s && s.isNull)) {
            problems.add("platform", node, "expected a preset name (" + String.join(" or ", presetNames())
                    + ") or {preset: current, idleLifetime: 10m, ...}");
            return null;
        }
        YamlNode preset = presets().get(presetName);
        if (preset == null) {
            String hint = Fields.closest(presetName, presetNames());
            problems.add("platform", node, "unknown platform preset '" + presetName + "'; "
                    + (hint != null ? "did you mean '" + hint + "'?" : "expected one of " + String.join(", ", presetNames())));
            // Go on with the current platform's rules, so the rest of the scenario is checked too.
            presetName = "current";
            preset = presets().get(presetName);
        }
        YamlNode merged = YamlNode.merge(withoutDistributionsOverridden(preset, overrides), overrides);
        Fields f = new Fields(merged, "platform", problems, PLATFORM_KEYS);
        int vcpuMb = (int) f.integer("vcpuMemoryMb", 1769, 64, 100_000, "MB");
        int maxVcpus = (int) f.integer("maxVcpus", 6, 1, 64, "");
        int maxVcpusMb = (int) f.integer("maxVcpusMemoryMb", 0, 0, 100_000, "MB");
        if (maxVcpusMb != 0 && maxVcpusMb <= vcpuMb) {
            problems.add("platform.maxVcpusMemoryMb", f.node("maxVcpusMemoryMb"), maxVcpusMb + " MB is not above vcpuMemoryMb "
                    + vcpuMb + " MB: the share grows from one vCPU there to maxVcpus here (0: one vCPU per vcpuMemoryMb)");
        }
        Fields memory = new Fields(f.node("memory"), "platform.memory", problems, "min", "max", "step");
        int memMin = (int) memory.integer("min", 128, 64, 100_000, "MB");
        int memMax = (int) memory.integer("max", 10240, memMin, 100_000, "MB");
        int memStep = (int) memory.integer("step", 1, 1, 1024, "MB");
        long maxTimeout = f.duration("maxTimeout", 900 * Units.MICROS_PER_SECOND, Units.MICROS_PER_SECOND, Units.MICROS_PER_DAY);
        long maxInit = f.duration("maxInit", 10 * Units.MICROS_PER_SECOND, Units.MICROS_PER_MS, Units.MICROS_PER_HOUR);
        long maxInitProvisioned = f.duration("maxInitProvisioned", 130 * Units.MICROS_PER_SECOND, Units.MICROS_PER_MS,
                Units.MICROS_PER_HOUR);
        Fields storage = new Fields(f.node("ephemeralStorage"), "platform.ephemeralStorage", problems, "min", "max");
        int storageMin = (int) storage.integer("min", 512, 1, 100_000, "MB");
        int storageMax = (int) storage.integer("max", 10_240, storageMin, 100_000, "MB");
        String eraName = f.text("billingEra", presetName);
        BillingEra era = BillingEra.named(eraName);
        if (era == null) {
            problems.add("platform.billingEra", f.node("billingEra"), "unknown billing era '" + eraName + "'; expected "
                    + java.util.Arrays.stream(BillingEra.values()).map(BillingEra::label).collect(java.util.stream.Collectors.joining(" or ")));
        }
        DistributionSpec idle = distribution(f.node("idleLifetime"), "platform.idleLifetime", DistributionSpec.Unit.DURATION);
        DistributionSpec maxLife = distribution(f.node("maxLifetime"), "platform.maxLifetime", DistributionSpec.Unit.DURATION);
        PlatformSpec.ScalingSpec scaling = bindScaling(f.node("scaling"), region);
        int accountConcurrency = (int) f.integer("accountConcurrency", 1000, 1, MAX_ACCOUNT_CONCURRENCY, "");
        int minUnreserved = (int) f.integer("minUnreserved", 100, 0, MAX_ACCOUNT_CONCURRENCY, "");
        int rpsPerConcurrency = (int) f.integer("requestsPerSecondPerConcurrency", 10, 0, 1000, "");
        Fields pc = new Fields(f.node("provisioned"), "platform.provisioned", problems, "allocationDelay",
                "scaleOutDatapoints", "scaleInDatapoints", "scaleInThreshold");
        DistributionSpec allocationDelay = distribution(pc.node("allocationDelay"), "platform.provisioned.allocationDelay",
                DistributionSpec.Unit.DURATION);
        PlatformSpec.ProvisionedRules provisionedRules = new PlatformSpec.ProvisionedRules(allocationDelay,
                (int) pc.integer("scaleOutDatapoints", 3, 1, 1440, ""), (int) pc.integer("scaleInDatapoints", 15, 1, 1440, ""),
                pc.number("scaleInThreshold", 0.9, 0.01, 1));
        Fields cold = new Fields(f.node("coldStart"), "platform.coldStart", problems, "runtimes", "spread", "perPackageMb");
        Map<String, Long> runtimes = new HashMap<>();
        Fields rt = new Fields(cold.node("runtimes"), "platform.coldStart.runtimes", problems,
                cold.node("runtimes") instanceof YamlNode.Mapping m ? m.entries.keySet().toArray(String[]::new) : new String[0]);
        for (String family : rt.map.entries.keySet()) {
            runtimes.put(family, rt.duration(family, 0, 0, 60 * Units.MICROS_PER_SECOND));
        }
        double spread = cold.number("spread", 2.5, 1, 100);
        Map<String, Integer> memoryUsed = new HashMap<>();
        Fields mem = new Fields(f.node("memoryUsed"), "platform.memoryUsed", problems,
                f.node("memoryUsed") instanceof YamlNode.Mapping m ? m.entries.keySet().toArray(String[]::new) : new String[0]);
        for (String family : mem.map.entries.keySet()) {
            memoryUsed.put(family, (int) mem.integer(family, 0, 1, 100_000, "MB"));
        }
        long perPackage = cold.duration("perPackageMb", 0, 0, 10 * Units.MICROS_PER_SECOND);
        Fields snap = new Fields(f.node("snapStart"), "platform.snapStart", problems, "since", "runtimes", "restore",
                "afterRestoreLimit");
        List<String> snapRuntimes = new ArrayList<>();
        if (snap.node("runtimes") instanceof YamlNode.Sequence seq) {
            for (YamlNode r : seq.items) {
                if (r instanceof YamlNode.Scalar s && !s.isNull) {
                    snapRuntimes.add(s.text);
                }
            }
        }
        Map<String, Long> restore = new HashMap<>();
        Fields rs = new Fields(snap.node("restore"), "platform.snapStart.restore", problems,
                snap.node("restore") instanceof YamlNode.Mapping m ? m.entries.keySet().toArray(String[]::new) : new String[0]);
        for (String family : rs.map.entries.keySet()) {
            restore.put(family, rs.duration(family, 0, 0, 60 * Units.MICROS_PER_SECOND));
        }
        PlatformSpec.SnapStartRules snapStart = new PlatformSpec.SnapStartRules(snap.text("since", "Nov 2022"),
                snapRuntimes, restore, snap.duration("afterRestoreLimit", 10 * Units.MICROS_PER_SECOND, 0,
                Units.MICROS_PER_HOUR));
        PlatformSpec.EventRules events = bindEventRules(f.node("events"),
                ((YamlNode.Mapping) overrides).entries.get("events") instanceof YamlNode.Mapping given ? given : null);
        Map<String, String> arrivedLater = new HashMap<>();
        Fields later = new Fields(f.node("arrivedLater"), "platform.arrivedLater", problems,
                PlatformSpec.LATER_FEATURES.toArray(String[]::new));
        for (String feature : PlatformSpec.LATER_FEATURES) {
            if (later.has(feature)) {
                arrivedLater.put(feature, later.text(feature, ""));
            }
        }
        boolean allowAnachronisms = f.bool("allowAnachronisms", false);
        if (idle == null || maxLife == null || scaling == null || era == null || allocationDelay == null || events == null) {
            return null;
        }
        return new PlatformSpec(presetName, vcpuMb, maxVcpus, maxVcpusMb, memMin, memMax, memStep, storageMin, storageMax, maxTimeout,
                maxInit, era, idle, maxLife, scaling, accountConcurrency, minUnreserved, rpsPerConcurrency, provisionedRules, runtimes, spread,
                perPackage, events, new PlatformSpec.LifecycleRules(maxInitProvisioned, memoryUsed, snapStart), arrivedLater,
                allowAnachronisms);
    }

    /**
     * The platform's rules of asynchronous events and calls between functions ({@code platform.events}):
     * the preset's, with the scenario's overrides {@code given} (or null) merged in.
     */
    private PlatformSpec.EventRules bindEventRules(YamlNode node, YamlNode.Mapping given) {
        String path = "platform.events";
        Fields f = new Fields(node, path, problems, EVENT_RULE_KEYS);
        Fields throttle = new Fields(f.node("throttleBackoff"), f.child("throttleBackoff"), problems, "first", "max",
                "jitter");
        long first = throttle.duration("first", Units.MICROS_PER_SECOND, Units.MICROS_PER_MS, Units.MICROS_PER_HOUR);
        long most = throttle.duration("max", 300 * Units.MICROS_PER_SECOND, first, Units.MICROS_PER_DAY);
        double jitter = throttle.number("jitter", 0, 0, 1);
        Fields retries = new Fields(f.node("maximumRetryAttempts"), f.child("maximumRetryAttempts"), problems, "max", "default");
        int limit = (int) retries.integer("max", 2, 0, 1000, "");
        int defaultRetries = (int) retries.integer("default", limit, 0, limit, "");
        List<Long> delays = new ArrayList<>();
        List<YamlNode> delayNodes = f.list("errorRetryDelays", true, "delays before each retry after a function error, "
                + "such as [1m, 2m]");
        for (int i = 0; i < delayNodes.size(); i++) {
            delays.add(f.parseDuration(f.child("errorRetryDelays") + "[" + i + "]", delayNodes.get(i), 0, 0,
                    MAX_DURATION_MICROS));
        }
        if (f.has("errorRetryDelays") && delays.size() < limit) {
            // Said where the scenario changed one of the two: its own list, or the preset's list too short for its limit.
            if (given != null && given.entries.containsKey("errorRetryDelays")) {
                problems.add(f.child("errorRetryDelays"), f.node("errorRetryDelays"), delays.size() + " delay"
                        + (delays.size() == 1 ? "" : "s") + " for up to " + limit + " retries (maximumRetryAttempts.max); "
                        + "give one delay per retry");
            } else {
                problems.add(retries.child("max"), retries.node("max"), "up to " + limit + " retries need a delay before "
                        + "each: give errorRetryDelays with " + limit + " delays (the preset has " + delays.size() + ")");
            }
        }
        Fields age = new Fields(f.node("maximumEventAge"), f.child("maximumEventAge"), problems, "min", "max");
        long minAge = age.duration("min", 60 * Units.MICROS_PER_SECOND, Units.MICROS_PER_SECOND, MAX_DURATION_MICROS);
        long maxAge = age.duration("max", 6 * Units.MICROS_PER_HOUR, minAge, MAX_DURATION_MICROS);
        int recursionLimit = (int) f.integer("recursionLimit", 16, 0, 1_000_000, "");
        int sdkAttempts = (int) f.integer("sdkMaxAttempts", 3, 1, 100, "");
        long sdkBase = f.duration("sdkBackoffBase", Units.MICROS_PER_SECOND, 0, Units.MICROS_PER_HOUR);
        long sdkMax = f.duration("sdkMaxBackoff", 20 * Units.MICROS_PER_SECOND, sdkBase, Units.MICROS_PER_HOUR);
        DistributionSpec latency = distribution(f.node("asyncInvokeLatency"), f.child("asyncInvokeLatency"),
                DistributionSpec.Unit.DURATION);
        if (latency == null) {
            return null;
        }
        return new PlatformSpec.EventRules(first, most, jitter, delays, limit, defaultRetries, minAge, maxAge, recursionLimit,
                sdkAttempts, sdkBase, sdkMax, latency, bindSourceRules(f.node("sources"), f.child("sources")));
    }

    /** The pollers of event source mappings and the limits of queues, streams and mappings ({@code platform.events.sources}). */
    private PlatformSpec.EventSourceRules bindSourceRules(YamlNode node, String path) {
        Fields f = new Fields(node, path, problems, SOURCE_RULE_KEYS);
        long hour = Units.MICROS_PER_HOUR;
        long day = Units.MICROS_PER_DAY;
        long second = Units.MICROS_PER_SECOND;
        Fields scaling = new Fields(f.node("sqsScaling"), f.child("sqsScaling"), problems, "initial", "perMinute", "max");
        int initial = (int) scaling.integer("initial", 5, 1, 100_000, "");
        int perMinute = (int) scaling.integer("perMinute", 300, 0, 100_000, "");
        int most = (int) scaling.integer("max", 1250, initial, 100_000, "");
        long receive = f.duration("sqsReceive", 10 * Units.MICROS_PER_MS, 0, Units.MICROS_PER_MINUTE);
        long backoff = f.duration("sqsThrottleBackoff", second, Units.MICROS_PER_MS, hour);
        long kinesis = f.duration("kinesisPoll", second, Units.MICROS_PER_MS, hour);
        long dynamodb = f.duration("dynamodbPoll", 250 * Units.MICROS_PER_MS, Units.MICROS_PER_MS, hour);
        Fields visibility = new Fields(f.node("visibilityTimeout"), f.child("visibilityTimeout"), problems, "default", "max");
        long visibilityMax = visibility.duration("max", 12 * hour, 0, 365 * day);
        long visibilityDefault = visibility.duration("default", 30 * second, 0, visibilityMax);
        Fields receives = new Fields(f.node("maxReceiveCount"), f.child("maxReceiveCount"), problems, "max");
        int receiveMax = (int) receives.integer("max", 1000, 1, 2047, "");
        Fields queueRetention = new Fields(f.node("queueRetention"), f.child("queueRetention"), problems, "default", "min",
                "max");
        long queueRetentionMin = queueRetention.duration("min", 60 * second, second, 365 * day);
        long queueRetentionMax = queueRetention.duration("max", 14 * day, queueRetentionMin, 365 * day);
        long queueRetentionDefault = queueRetention.duration("default", 4 * day, queueRetentionMin, queueRetentionMax);
        Fields streamRetention = new Fields(f.node("streamRetention"), f.child("streamRetention"), problems, "default",
                "kinesisMax");
        long streamRetentionDefault = streamRetention.duration("default", day, Units.MICROS_PER_MINUTE, 365 * day);
        long kinesisRetentionMax = streamRetention.duration("kinesisMax", 365 * day, streamRetentionDefault, 3650 * day);
        Fields shards = new Fields(f.node("shards"), f.child("shards"), problems, "max");
        int shardsMax = (int) shards.integer("max", 500, 1, 100_000, "");
        Fields batch = new Fields(f.node("batchSize"), f.child("batchSize"), problems, "sqsDefault", "sqsMax",
                "sqsWithoutWindow", "streamDefault", "kinesisMax", "dynamodbMax");
        int sqsMax = (int) batch.integer("sqsMax", 10_000, 1, 1_000_000, "");
        int sqsDefault = (int) batch.integer("sqsDefault", 10, 1, sqsMax, "");
        int sqsWithoutWindow = (int) batch.integer("sqsWithoutWindow", 10, 1, sqsMax, "");
        int kinesisMax = (int) batch.integer("kinesisMax", 10_000, 1, 1_000_000, "");
        int dynamodbMax = (int) batch.integer("dynamodbMax", 1000, 1, 1_000_000, "");
        int streamDefault = (int) batch.integer("streamDefault", 100, 1, Math.min(kinesisMax, dynamodbMax), "");
        Fields window = new Fields(f.node("maximumBatchingWindow"), f.child("maximumBatchingWindow"), problems, "max");
        long windowMax = window.duration("max", 300 * second, 0, day);
        Fields concurrency = new Fields(f.node("maximumConcurrency"), f.child("maximumConcurrency"), problems, "min", "max");
        int concurrencyMin = (int) concurrency.integer("min", 2, 1, 100_000, "");
        int concurrencyMax = (int) concurrency.integer("max", 1000, concurrencyMin, 100_000, "");
        Fields parallel = new Fields(f.node("parallelizationFactor"), f.child("parallelizationFactor"), problems, "max");
        int parallelMax = (int) parallel.integer("max", 10, 1, 1000, "");
        Fields retries = new Fields(f.node("maximumRetryAttempts"), f.child("maximumRetryAttempts"), problems, "max");
        int retriesMax = (int) retries.integer("max", 10_000, 0, 1_000_000, "");
        Fields age = new Fields(f.node("maximumRecordAge"), f.child("maximumRecordAge"), problems, "min", "max");
        long ageMin = age.duration("min", 60 * second, second, 365 * day);
        long ageMax = age.duration("max", 7 * day, ageMin, 3650 * day);
        var limits = new PlatformSpec.Limits(visibilityDefault, visibilityMax, receiveMax, queueRetentionDefault,
                queueRetentionMin, queueRetentionMax, streamRetentionDefault, kinesisRetentionMax, sqsDefault, sqsMax,
                sqsWithoutWindow, kinesisMax, dynamodbMax, streamDefault, windowMax, concurrencyMin, concurrencyMax,
                parallelMax, retriesMax, ageMin, ageMax, shardsMax);
        return new PlatformSpec.EventSourceRules(initial, perMinute, most, receive, backoff, kinesis, dynamodb, limits);
    }

    /**
     * The preset without the distributions the overrides give: a distribution is replaced whole
     * ({@code idleLifetime: {lognormal: ...}} replaces the preset's uniform), not merged into
     * the preset's one key by key.
     */
    private static YamlNode withoutDistributionsOverridden(YamlNode preset, YamlNode overrides) {
        YamlNode.Mapping copy = (YamlNode.Mapping) YamlNode.copy(preset);
        if (overrides instanceof YamlNode.Mapping o) {
            for (String key : new String[] {"idleLifetime", "maxLifetime"}) {
                if (o.entries.containsKey(key)) {
                    copy.entries.remove(key);
                }
            }
            withoutNested(copy, o, "provisioned", "allocationDelay");
            withoutNested(copy, o, "events", "asyncInvokeLatency");
        }
        return copy;
    }

    /** Removes {@code preset.block.key} when the overrides give {@code block.key}. */
    private static void withoutNested(YamlNode.Mapping preset, YamlNode.Mapping overrides, String block, String key) {
        if (overrides.entries.get(block) instanceof YamlNode.Mapping o && o.entries.containsKey(key)
                && preset.entries.get(block) instanceof YamlNode.Mapping p) {
            YamlNode.Mapping without = (YamlNode.Mapping) YamlNode.copy(p);
            without.entries.remove(key);
            preset.entries.put(block, without);
        }
    }

    private PlatformSpec.ScalingSpec bindScaling(YamlNode node, String region) {
        Fields f = new Fields(node, "platform.scaling", problems, "scope", "burst", "refill", "refillEvery");
        PlatformSpec.Scope s = f.choice("scope", "function", "function", "account").equals("account")
                ? PlatformSpec.Scope.ACCOUNT : PlatformSpec.Scope.FUNCTION;
        int burst;
        YamlNode b = f.node("burst");
        if (b instanceof YamlNode.Mapping byRegion) {
            String key = byRegion.entries.containsKey(region) ? region : "default";
            Fields bf = new Fields(b, "platform.scaling.burst", problems, byRegion.entries.keySet().toArray(String[]::new));
            if (!bf.has(key)) {
                problems.add("platform.scaling.burst", b, "no burst for region " + region + " and no default");
                return null;
            }
            burst = (int) bf.integer(key, 1000, 1, MAX_ACCOUNT_CONCURRENCY, "");
        } else {
            burst = (int) f.integer("burst", 1000, 1, MAX_ACCOUNT_CONCURRENCY, "");
        }
        int before = problems.count();
        double refill = f.has("refill") ? f.rate("refill", MAX_ACCOUNT_CONCURRENCY) : 100;
        if (refill == 0 && problems.count() == before) {
            // With no refill, a function past its burst would wait forever for a token.
            problems.add("platform.scaling.refill", f.node("refill"), "the scaling rate must be above zero (at least 1e-9/s)");
        }
        // refillEvery: 0s (or absent) refills continuously.
        long step = f.duration("refillEvery", 0, 0, Units.MICROS_PER_HOUR);
        return new PlatformSpec.ScalingSpec(s, burst, refill, step);
    }

    // ---------------------------------------------------------------- functions

    /**
     * functionDefaults, checked once at its own path: the keys every function takes unless it
     * sets them itself, and the function they make alone (the template of the functions a trace
     * creates).
     *
     * @param handlerHasWork whether its handler says what the handler does (a duration or steps)
     * @param setsMemory     whether it sets memorySize (which then wins over a trace's memory)
     */
    private record Defaults(YamlNode.Mapping keys, FunctionSpec template, boolean handlerHasWork, boolean setsMemory) {
        /** A function's own keys, and the defaults' keys it does not set (a shallow merge). */
        YamlNode.Mapping appliedTo(YamlNode.Mapping function) {
            YamlNode.Mapping merged = new YamlNode.Mapping(function.line());
            merged.entries.putAll(function.entries);
            keys.entries.forEach(merged.entries::putIfAbsent);
            return merged;
        }
    }

    private Defaults bindDefaults(YamlNode node, PlatformSpec platform, long duration) {
        YamlNode.Mapping keys = new YamlNode.Mapping(0);
        if (node instanceof YamlNode.Mapping m) {
            keys = (YamlNode.Mapping) YamlNode.copy(m);
            YamlNode name = keys.entries.remove("name");
            if (name != null) {
                problems.add("functionDefaults.name", name, "each function names itself; functionDefaults holds the other "
                        + "function keys");
            }
        } else if (node != null && !(node instanceof YamlNode.Scalar s && s.isNull)) {
            problems.add("functionDefaults", node, "expected a mapping of function keys (all but name), such as "
                    + "{runtime: python3.12, timeout: 30s}; found " + Fields.describe(node));
        }
        FunctionSpec template = bindFunction(keys, "functionDefaults", platform, duration, true);
        YamlNode handler = keys.entries.get("handler");
        // A handler that is not a mapping was reported above: it is not said again for each function.
        boolean work = handler != null && (!(handler instanceof YamlNode.Mapping h) || h.entries.containsKey("duration")
                || h.entries.containsKey("steps"));
        if (template.hasReservedConcurrency() && template.provisioned().maxLevel() > template.reservedConcurrency()) {
            problems.add("functionDefaults.provisionedConcurrency", keys.entries.get("provisionedConcurrency"),
                    "provisioned concurrency " + template.provisioned().maxLevel() + " is above the reserved concurrency "
                    + template.reservedConcurrency() + "; provisioned environments count against it");
        }
        return new Defaults(keys, template, work, keys.entries.containsKey("memorySize"));
    }

    /**
     * A function listed under functions:, with the keys of functionDefaults it does not set;
     * problems with those keys were reported once, at functionDefaults.
     */
    private FunctionSpec bindListedFunction(YamlNode node, String path, Defaults defaults, PlatformSpec platform,
                                            long duration) {
        if (!(node instanceof YamlNode.Mapping own) || defaults.keys().entries.isEmpty()) {
            return bindFunction(node, path, platform, duration, false);
        }
        List<String> inherited = new ArrayList<>();
        for (String key : defaults.keys().entries.keySet()) {
            if (!own.entries.containsKey(key)) {
                inherited.add(path + "." + key);
            }
        }
        problems.mute(inherited);
        functionPath = path;
        inheritedPaths = inherited;
        FunctionSpec f;
        try {
            f = bindFunction(defaults.appliedTo(own), path, platform, duration, false);
        } finally {
            problems.unmute();
            inheritedPaths = List.of();
        }
        if (inherited.contains(path + ".handler") && !defaults.handlerHasWork()) {
            problems.add(path, node, "missing: what the handler does; functionDefaults.handler gives neither a duration "
                    + "nor steps, so give this function a handler (e.g. handler: {duration: 100ms})");
        }
        return f;
    }

    /** A function, or with {@code defaults} the functionDefaults mapping: no name, a handler not required. */
    private FunctionSpec bindFunction(YamlNode node, String path, PlatformSpec platform, long duration, boolean defaults) {
        Fields f = new Fields(node, path, problems, defaults ? DEFAULT_KEYS : FUNCTION_KEYS);
        if (!(node instanceof YamlNode.Mapping)) {
            return null;
        }
        String name = defaults ? "" : f.requiredText("name", "the function's name");
        if (!defaults && name != null && !name.matches(FUNCTION_NAME)) {
            problems.add(f.child("name"), f.node("name"), "'" + name + "' is not a Lambda function name: 1 to 64 letters, "
                    + "digits, '-' or '_'");
        }
        f.text("description", "");
        String runtime = f.text("runtime", DEFAULT_RUNTIME);
        boolean image = runtime.equals("container") || runtime.equals("image");
        String imageLater = image && platform != null ? platform.anachronism("containerImages", "a container image") : null;
        if (imageLater != null) {
            problems.add(f.child("runtime"), f.node("runtime"), "'" + runtime + "': " + imageLater);
        }
        if (platform != null && platform.runtimeFamily(runtime) == null) {
            String hint = runtimeHint(runtime, platform.runtimeColdStartMedianMicros().keySet());
            problems.add(f.child("runtime"), f.node("runtime"), "unknown runtime '" + runtime + "'; expected a runtime of the "
                    + "families " + String.join(", ", new java.util.TreeSet<>(platform.runtimeColdStartMedianMicros().keySet()))
                    + " (e.g. nodejs20.x, python3.12, java21)" + (hint != null ? "; did you mean '" + hint + "'?" : ""));
        } else if (platform != null) {
            String unknown = unknownRuntimeVersion(runtime, platform.runtimeFamily(runtime), platform);
            if (unknown != null) {
                problems.add(f.child("runtime"), f.node("runtime"), unknown);
            }
        }
        int memory = (int) platformSize(f, "memorySize", DEFAULT_MEMORY_MB,
                mb -> platform == null ? null : platform.memoryProblem(mb));
        String arch = f.text("architecture", "x86_64");
        Architecture architecture = Architecture.named(arch);
        if (architecture == null) {
            problems.add(f.child("architecture"), f.node("architecture"), "expected x86_64 or arm64, found '" + arch + "'"
                    + Fields.didYouMean(arch, List.of("x86_64", "arm64")));
            architecture = Architecture.X86_64;
        }
        String armLater = architecture == Architecture.ARM64 && platform != null
                ? platform.anachronism("arm64", "arm64 (Graviton2)") : null;
        if (armLater != null) {
            problems.add(f.child("architecture"), f.node("architecture"), armLater);
        }
        long maxTimeout = platform == null ? 900 * Units.MICROS_PER_SECOND : platform.maxTimeoutMicros();
        long timeout = f.duration("timeout", DEFAULT_TIMEOUT_MICROS, Units.MICROS_PER_SECOND, maxTimeout);
        int reserved = (int) f.integer("reservedConcurrency", FunctionSpec.UNRESERVED, 0, MAX_ACCOUNT_CONCURRENCY, "");
        ProvisionedSpec provisioned = bindProvisioned(f.node("provisionedConcurrency"), f.child("provisionedConcurrency"),
                f, duration);
        int maxPackage = image ? MAX_IMAGE_MB : MAX_PACKAGE_MB;
        double packageMb = f.number("packageSizeMb", 0, 0, maxPackage);
        DistributionSpec coldStart = f.has("coldStart")
                ? distribution(f.node("coldStart"), f.child("coldStart"), DistributionSpec.Unit.DURATION) : null;
        // In functionDefaults, per-record steps are judged where a function takes them (it may have an event source).
        boolean records = defaults || f.has("eventSource");
        EventSourceSpec eventSource = f.has("eventSource")
                ? bindEventSource(f.node("eventSource"), f.child("eventSource"), limits(platform)) : null;
        List<StepSpec> init = steps(f.list("init", false, "steps"), f.child("init"), platform, false, records);
        HandlerSpec handler = defaults && !f.has("handler") ? new HandlerSpec(1, 1, 0, List.of(), null, 0)
                : bindHandler(f.node("handler"), f.child("handler"), !defaults, platform, duration, records);
        int ephemeral = (int) platformSize(f, "ephemeralStorageSize", MIN_EPHEMERAL_MB,
                mb -> platform == null ? null : platform.ephemeralStorageProblem(mb));
        AsyncSpec async = bindAsync(f.node("async"), f.child("async"), platform);
        boolean errorOnCallFailure = f.bool("errorOnCallFailure", true);
        SnapStartSpec snapStart = bindSnapStart(f, platform, runtime, provisioned, ephemeral);
        FrontDoorSpec frontDoor = f.has("frontDoor") ? bindFrontDoor(f.node("frontDoor"), f.child("frontDoor")) : null;
        if (!records && handler != null && inheritedPaths.contains(path + ".handler") && handlesRecords(handler)) {
            problems.add(path, node, "its handler, from functionDefaults, has perRecord steps or a recordErrorRate, which "
                    + "need an eventSource (the records of a batch); give this function an eventSource or its own handler");
        }
        QueueSpec queue = eventSource != null && eventSource.isQueue() ? queueSpecs.get(eventSource.queue()) : null;
        if (queue != null && timeout > queue.visibilityTimeoutMicros()) {
            problems.add(f.child("eventSource") + ".queue", ((YamlNode.Mapping) f.node("eventSource")).entries.get("queue"), "the function's timeout, " + Units.formatDuration(timeout)
                    + ", is above the visibility timeout of queue '" + queue.name() + "', "
                    + Units.formatDuration(queue.visibilityTimeoutMicros()) + " (" + queueNames.get(queue.name())
                    + "): Lambda refuses such a mapping, since a message could be received again while its batch runs; "
                    + "AWS advises a visibility timeout of at least 6 x the function timeout ("
                    + Units.formatDuration(6 * timeout) + ")");
        }
        if (name == null || handler == null) {
            return null;
        }
        return new FunctionSpec(name, runtime, memory, architecture, timeout, reserved, provisioned, packageMb, coldStart,
                init, handler, ephemeral, async, errorOnCallFailure, snapStart, frontDoor, eventSource);
    }

    /**
     * {@code snapStart: true} or {@code snapStart: {restore: 250ms, afterRestore: 50ms}}, or null
     * when off; refused where Lambda refuses it (the runtime, provisioned concurrency, ephemeral
     * storage above 512 MB, a platform before it).
     */
    private SnapStartSpec bindSnapStart(Fields f, PlatformSpec platform, String runtime, ProvisionedSpec provisioned,
                                        int ephemeralMb) {
        if (!f.has("snapStart")) {
            return null;
        }
        YamlNode node = f.node("snapStart");
        String path = f.child("snapStart");
        SnapStartSpec spec;
        if (node instanceof YamlNode.Mapping) {
            Fields s = new Fields(node, path, problems, "restore", "afterRestore");
            spec = new SnapStartSpec(
                    s.has("restore") ? distribution(s.node("restore"), s.child("restore"), DistributionSpec.Unit.DURATION) : null,
                    s.has("afterRestore") ? distribution(s.node("afterRestore"), s.child("afterRestore"),
                            DistributionSpec.Unit.DURATION) : null);
        } else if (f.bool("snapStart", false)) {
            spec = new SnapStartSpec(null, null);
        } else {
            return null;
        }
        if (platform == null) {
            return spec;
        }
        PlatformSpec.SnapStartRules rules = platform.lifecycle().snapStart();
        if (rules.runtimes().isEmpty()) {
            problems.add(path, node, "SnapStart arrived in " + rules.since() + ", after the " + platform.preset()
                    + " platform; use platform: current");
            return null;
        }
        boolean ok = true;
        if (!rules.runtimes().contains(runtime)) {
            problems.add(path, node, "SnapStart supports the runtimes " + String.join(", ", rules.runtimes())
                    + ", not " + runtime);
            ok = false;
        }
        if (provisioned != null && provisioned.maxLevel() > 0) {
            problems.add(path, node, "SnapStart cannot be used with provisioned concurrency; choose one");
            ok = false;
        }
        if (ephemeralMb > MIN_EPHEMERAL_MB) {
            problems.add(path, node, "SnapStart cannot be used with ephemeral storage above " + MIN_EPHEMERAL_MB
                    + " MB (this function has " + ephemeralMb + " MB)");
            ok = false;
        }
        String family = platform.runtimeFamily(runtime);
        if (ok && spec.restoreMicros() == null && !rules.restoreMedianMicros().containsKey(family)) {
            problems.add(path, node, "the platform gives no restore duration for " + family
                    + " functions; give one: snapStart: {restore: 300ms}");
            ok = false;
        }
        return ok ? spec : null;
    }

    /**
     * {@code frontDoor: {type: http-api}} or {@code {type: rest-api, timeout: 60s}}: the type
     * required, the timeout only where the service lets it be set, within its limits
     * ({@code frontDoors} in the platform presets).
     */
    private FrontDoorSpec bindFrontDoor(YamlNode node, String path) {
        Fields f = new Fields(node, path, problems, FRONT_DOOR_KEYS);
        if (!(node instanceof YamlNode.Mapping)) {
            return null;
        }
        List<String> types = java.util.Arrays.stream(FrontDoor.values()).map(FrontDoor::label).toList();
        String label = f.requiredText("type", "the service in front of the function: " + String.join(", ", types));
        if (label == null) {
            return null;
        }
        FrontDoor type = FrontDoor.named(label);
        if (type == null) {
            problems.add(f.child("type"), f.node("type"), "unknown front door '" + label + "'; expected one of "
                    + String.join(", ", types) + Fields.didYouMean(label, types));
            return null;
        }
        presets();
        Fields rules = new Fields(frontDoorRules.get(type.label()), FRONT_DOORS_KEY + "." + type.label(),
                new Problems(PRESETS_RESOURCE), "timeout", "maxTimeout");
        if (!rules.has("timeout")) {
            if (f.has("timeout")) {
                problems.add(f.child("timeout"), f.node("timeout"), "a front door of type " + type.label() + " has no "
                        + "timeout of its own (the function's timeout governs); remove timeout");
            }
            return new FrontDoorSpec(type, FrontDoorSpec.NO_TIMEOUT);
        }
        long preset = Units.parseDurationMicros(((YamlNode.Scalar) rules.node("timeout")).text);
        long max = Units.parseDurationMicros(((YamlNode.Scalar) rules.node("maxTimeout")).text);
        long timeout = f.duration("timeout", preset, FRONT_DOOR_MIN_TIMEOUT_MICROS, max);
        return new FrontDoorSpec(type, timeout);
    }

    /**
     * {@code async: {maximumRetryAttempts: 2, maximumEventAge: 6h, onSuccess: {function: audit},
     * onFailure: dlq}}: every key optional, the defaults and limits the platform's.
     */
    private AsyncSpec bindAsync(YamlNode node, String path, PlatformSpec platform) {
        PlatformSpec.EventRules rules = platform == null ? null : platform.events();
        int limit = rules == null ? 2 : rules.maxRetryAttemptsLimit();
        int retries = rules == null ? 2 : rules.defaultRetryAttempts();
        long minAge = rules == null ? 60 * Units.MICROS_PER_SECOND : rules.minEventAgeMicros();
        long maxAge = rules == null ? 6 * Units.MICROS_PER_HOUR : rules.maxEventAgeMicros();
        Fields f = new Fields(node, path, problems, ASYNC_KEYS);
        YamlNode attempts = f.node("maximumRetryAttempts");
        double wanted = attempts instanceof YamlNode.Scalar s && !s.isNull ? Fields.parseFiniteNumber(s.text) : Double.NaN;
        if (wanted == Math.rint(wanted) && (wanted < 0 || wanted > limit)) {
            // Any whole number outside the range, however large: the range is what the user needs to know.
            problems.add(f.child("maximumRetryAttempts"), attempts, text(attempts).trim() + " is out of range: expected 0 to "
                    + limit + " (Lambda's limit)");
        } else {
            retries = (int) f.integer("maximumRetryAttempts", retries, 0, limit, "");
        }
        int before = problems.count();
        long age = f.duration("maximumEventAge", maxAge, 0, MAX_DURATION_MICROS);
        if (problems.count() == before && (age < minAge || age > maxAge)) {
            problems.add(f.child("maximumEventAge"), f.node("maximumEventAge"), text(f.node("maximumEventAge"))
                    + " is out of range: expected " + Units.formatDuration(minAge) + " to " + Units.formatDuration(maxAge)
                    + " (Lambda's limits)");
            age = maxAge;
        }
        AsyncSpec.Destination onSuccess = destination(f, "onSuccess");
        AsyncSpec.Destination onFailure = destination(f, "onFailure");
        return new AsyncSpec(retries, age, onSuccess, onFailure);
    }

    private static String text(YamlNode node) {
        return node instanceof YamlNode.Scalar s ? s.text : "";
    }

    /** Where an event goes: {@code {function: NAME}}, a function of the scenario, or a plain name outside it. */
    private AsyncSpec.Destination destination(Fields f, String key) {
        if (!f.has(key)) {
            return null;
        }
        YamlNode node = f.node(key);
        String at = f.child(key);
        if (node instanceof YamlNode.Scalar s) {
            if (!s.text.matches(OUTSIDE_NAME)) {
                problems.add(at, node, "'" + s.text + "' cannot name a place outside the scenario: use letters, digits, "
                        + "'.', '_' and '-' (at most 256); for a function of the scenario, write {function: NAME}");
                return null;
            }
            return AsyncSpec.Destination.outside(s.text);
        }
        if (node instanceof YamlNode.Mapping m) {
            if (!m.entries.containsKey("function") && m.entries.keySet().stream()
                    .noneMatch(k -> Fields.closest(k, List.of("function")) != null)) {
                // {queue: dlq}: a place outside the scenario, written as a mapping.
                problems.add(at, node, "a place outside the scenario is given by its name alone (" + key + ": dlq); "
                        + "a mapping names a function of the scenario: {function: NAME}");
                return null;
            }
            Fields d = new Fields(node, at, problems, "function");
            String function = d.requiredText("function", "the function of the scenario that receives the event");
            if (function == null) {
                return null;
            }
            useFunction(d.child("function"), d.node("function"), function);
            return AsyncSpec.Destination.toFunction(function);
        }
        problems.add(at, node, "expected {function: NAME} (a function of the scenario) or the name of a place outside "
                + "it, such as dlq; found " + Fields.describe(node));
        return null;
    }

    /** A function named at {@code path}, to be checked once every function is known. */
    private void useFunction(String path, YamlNode node, String function) {
        String written = written(path);
        functionUses.putIfAbsent(written, new FunctionUse(written, node, function));
    }

    /**
     * Where a key is written: its own path, or for a key a listed function takes from
     * functionDefaults, its path there (so that it is reported once, where it can be changed).
     */
    private String written(String path) {
        for (String inherited : inheritedPaths) {
            if (path.startsWith(inherited) && (path.length() == inherited.length() || path.charAt(inherited.length()) == '.'
                    || path.charAt(inherited.length()) == '[')) {
                return "functionDefaults" + path.substring(functionPath.length());
            }
        }
        return path;
    }

    /**
     * A size in MB that the platform checks ({@code problem} says what is wrong with it, or null);
     * a number too large for any variable is reported as what it is, above the platform's maximum.
     */
    private long platformSize(Fields f, String key, long defaultValue, java.util.function.LongFunction<String> problem) {
        if (!f.has(key)) {
            return defaultValue;
        }
        if (f.node(key) instanceof YamlNode.Scalar s && Math.abs(Fields.parseFiniteNumber(s.text)) >= 1e18) {
            String p = problem.apply(Long.MAX_VALUE);
            problems.add(f.child(key), s, p == null ? s.text + " is too large" : p.replace(Long.toString(Long.MAX_VALUE), s.text.trim()));
            return defaultValue;
        }
        long v;
        if (f.node(key) instanceof YamlNode.Scalar s && s.text.trim().matches("(?i).*[0-9]\\s*[mg]b")) {
            // A size with its unit, as the README allows everywhere: 10GB, 512MB.
            double mb;
            try {
                mb = Units.parseSizeMb(s.text);
            } catch (IllegalArgumentException e) {
                problems.add(f.child(key), s, e.getMessage());
                return defaultValue;
            }
            if (mb != Math.rint(mb)) {
                problems.add(f.child(key), s, "'" + s.text.trim() + "' is " + mb + " MB, not a whole number of MB");
                return defaultValue;
            }
            v = (long) mb;
        } else {
            v = f.integer(key, defaultValue, Long.MIN_VALUE, Long.MAX_VALUE, "MB");
        }
        String p = problem.apply(v);
        if (p != null) {
            problems.add(f.child(key), f.node(key), p);
            return defaultValue;
        }
        return v;
    }

    /**
     * What is wrong with a runtime of a known family that Lambda never had ({@code nodejs99.x}), with
     * the family's runtimes, or null when it is one of them. A family the Lambda runtimes do not use
     * (one a scenario adds to {@code platform.coldStart.runtimes}) takes any version.
     */
    private static String unknownRuntimeVersion(String runtime, String family, PlatformSpec platform) {
        Map<String, String> ids = runtimeIdentifiers();
        if (ids.containsKey(runtime)) {
            return null;
        }
        List<String> supported = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (family.equals(platform.runtimeFamily(id.getKey()))) {
                (id.getValue().equals("deprecated") ? other : supported).add(id.getKey());
            }
        }
        if (supported.isEmpty() && other.isEmpty()) {
            return null;
        }
        return runtime + " is not a Lambda runtime; " + family + " runtimes: " + String.join(", ", supported)
                + (other.isEmpty() ? "" : (supported.isEmpty() ? "" : "; ") + "deprecated: " + String.join(", ", other));
    }

    /** A runtime close to a misspelt one: its family corrected, its version kept ({@code nodjs20.x} -> {@code nodejs20.x}). */
    private static String runtimeHint(String runtime, Set<String> families) {
        int cut = 0;
        while (cut < runtime.length() && Character.isLetter(runtime.charAt(cut))) {
            cut++;
        }
        String family = Fields.closest(runtime.substring(0, cut), families);
        return family == null ? null : family + runtime.substring(cut);
    }

    /**
     * {@code provisionedConcurrency: 20}, or {@code {schedule: [{at: 12h, level: 300}, {at: 20h, level: 0}],
     * repeat: 24h, initial: 0}}, or {@code {autoscaling: {min: 10, max: 500, targetUtilization: 0.7}}}.
     */
    private ProvisionedSpec bindProvisioned(YamlNode node, String path, Fields function, long durationMicros) {
        if (node == null || node instanceof YamlNode.Scalar s && s.isNull) {
            return ProvisionedSpec.NONE;
        }
        if (node instanceof YamlNode.Scalar) {
            return new ProvisionedSpec.Fixed((int) function.integer("provisionedConcurrency", 0, 0, MAX_ACCOUNT_CONCURRENCY, ""));
        }
        YamlNode.Mapping m = node instanceof YamlNode.Mapping map ? map : null;
        if (m != null && m.entries.containsKey("autoscaling")) {
            Fields outer = new Fields(node, path, problems, "autoscaling");
            Fields a = new Fields(outer.node("autoscaling"), path + ".autoscaling", problems, "min", "max", "targetUtilization");
            int min = (int) a.integer("min", 1, 1, MAX_ACCOUNT_CONCURRENCY, "");
            if (!a.has("max")) {
                a.missing("max", "the most provisioned concurrency auto scaling may set");
            }
            int max = (int) a.integer("max", min, 1, MAX_ACCOUNT_CONCURRENCY, "");
            if (max < min) {
                problems.add(a.child("max"), a.node("max"), "max " + max + " is below min " + min);
            }
            double target = a.number("targetUtilization", 0.7, 0.1, 0.9);
            return new ProvisionedSpec.AutoScaling(min, Math.max(min, max), target);
        }
        if (m != null && m.entries.containsKey("schedule")) {
            Fields s = new Fields(node, path, problems, "schedule", "repeat", "initial");
            long repeat = s.duration("repeat", 0, Units.MICROS_PER_MINUTE, MAX_DURATION_MICROS);
            int initial = (int) s.integer("initial", 0, 0, MAX_ACCOUNT_CONCURRENCY, "");
            List<ProvisionedSpec.Change> changes = new ArrayList<>();
            List<YamlNode> items = s.list("schedule", true, "level changes such as {at: 12h, level: 300}");
            if (items.size() > MAX_SCHEDULE_CHANGES) {
                problems.add(path + ".schedule", s.node("schedule"), items.size() + " changes; at most " + MAX_SCHEDULE_CHANGES);
                return ProvisionedSpec.NONE;
            }
            long previous = -1;
            for (int i = 0; i < items.size(); i++) {
                Fields c = new Fields(items.get(i), path + ".schedule[" + i + "]", problems, "at", "level");
                long at = c.requiredDuration("at", "when the level changes, e.g. 12h", 0, MAX_DURATION_MICROS);
                if (!c.has("level")) {
                    c.missing("level", "the provisioned concurrency from then on");
                }
                int level = (int) c.integer("level", 0, 0, MAX_ACCOUNT_CONCURRENCY, "");
                if (at <= previous) {
                    problems.add(c.child("at"), c.node("at"), "changes must be in time order, each after the one before");
                }
                if (repeat > 0 && at >= repeat) {
                    problems.add(c.child("at"), c.node("at"), "a repeating schedule's changes must come before its repeat ("
                            + Units.formatDuration(repeat) + ")");
                }
                previous = at;
                changes.add(new ProvisionedSpec.Change(at, level));
            }
            return new ProvisionedSpec.Schedule(initial, changes, repeat);
        }
        problems.add(path, node, "expected a level (e.g. 20), {schedule: [{at: 12h, level: 300}, {at: 20h, level: 0}], "
                + "repeat: 24h} or {autoscaling: {min: 10, max: 500, targetUtilization: 0.7}}");
        return ProvisionedSpec.NONE;
    }

    /** A handler; {@code needsWork}: a duration or steps are required (not so in functionDefaults). */
    /** Whether a handler does something per record of a batch: perRecord steps, or records that fail on their own. */
    private static boolean handlesRecords(HandlerSpec h) {
        return h.recordErrorRate() > 0 || h.steps().stream().anyMatch(s -> s instanceof StepSpec.Cpu c && c.perRecord()
                || s instanceof StepSpec.Io io && io.perRecord() || s instanceof StepSpec.Wait w && w.perRecord());
    }

    /** A handler; {@code records} whether it may do work per record (its function has an event source). */
    private HandlerSpec bindHandler(YamlNode node, String path, boolean needsWork, PlatformSpec platform, long duration,
                                    boolean records) {
        if (node == null) {
            problems.add(path, 0, "missing: what the handler does, e.g. handler: {duration: 100ms} or handler: {steps: [...]}");
            return null;
        }
        Fields f = new Fields(node, path, problems, HANDLER_KEYS);
        List<StepSpec> steps;
        if (f.has("duration") && f.has("steps")) {
            problems.add(path, node, "give either duration or steps, not both");
            steps = List.of();
        } else if (f.has("duration")) {
            DistributionSpec d = distribution(f.node("duration"), f.child("duration"), DistributionSpec.Unit.DURATION);
            steps = d == null ? List.of() : List.of(new StepSpec.Wait(d));
        } else if (f.has("steps")) {
            steps = steps(f.list("steps", true, "steps"), f.child("steps"), platform, true, records);
        } else {
            if (needsWork && node instanceof YamlNode.Mapping && !f.explainedAbsence("duration")
                    && !f.explainedAbsence("steps")) {
                problems.add(path, node, "missing: duration (e.g. duration: {lognormal: {median: 80ms, p99: 400ms}}) or steps");
            }
            steps = List.of();
        }
        int threads = (int) f.integer("threads", 1, 1, MAX_THREADS, "");
        double parallel = f.number("parallelFraction", 1, 0, 1);
        double overhead = f.number("threadOverhead", 0, 0, 1);
        DistributionSpec memoryUsed = f.has("memoryUsedMb")
                ? distribution(f.node("memoryUsedMb"), f.child("memoryUsedMb"), DistributionSpec.Unit.MEGABYTES) : null;
        double errorRate = f.number("errorRate", 0, 0, 1);
        double recordErrorRate = f.number("recordErrorRate", 0, 0, 1);
        if (f.has("recordErrorRate") && !records) {
            problems.add(f.child("recordErrorRate"), f.node("recordErrorRate"), "recordErrorRate is the share of the records "
                    + "of an event source's batch that fail; this function has no eventSource (use errorRate)");
        }
        return new HandlerSpec(threads, parallel, overhead, steps, memoryUsed, errorRate, outages(f, duration),
                recordErrorRate);
    }

    /**
     * {@code outages: [{at: 20m, for: 10m, errorRate: 0.3}]}: windows, each starting within the
     * run, in which errorRate is replaced; in time order, none overlapping another.
     */
    private List<HandlerSpec.Outage> outages(Fields handler, long durationMicros) {
        List<YamlNode> items = handler.list("outages", false, "outages such as {at: 20m, for: 10m, errorRate: 0.3}");
        String path = handler.child("outages");
        if (items.size() > MAX_OUTAGES) {
            problems.add(path, handler.node("outages"), items.size() + " outages; at most " + MAX_OUTAGES);
            return List.of();
        }
        List<HandlerSpec.Outage> outages = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields o = new Fields(items.get(i), path + "[" + i + "]", problems, OUTAGE_KEYS);
            if (!(items.get(i) instanceof YamlNode.Mapping)) {
                continue;
            }
            int before = problems.count();
            long at = o.requiredDuration("at", "when the outage starts, e.g. 20m", 0, MAX_DURATION_MICROS);
            long length = o.requiredDuration("for", "how long the outage lasts, e.g. 10m", 1, MAX_DURATION_MICROS);
            if (!o.has("errorRate")) {
                o.missing("errorRate", "the share of invocations that fail during the outage, e.g. errorRate: 0.3");
            }
            double errorRate = o.number("errorRate", 0, 0, 1);
            if (problems.count() > before) {
                continue;
            }
            if (at >= durationMicros) {
                problems.add(o.child("at"), o.node("at"), text(o.node("at")) + " is not within the run, which lasts "
                        + Units.formatDuration(durationMicros));
                continue;
            }
            outages.add(new HandlerSpec.Outage(at, at + length, errorRate));
            indexes.add(i);
        }
        Integer[] order = new Integer[outages.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(k -> outages.get(k).startMicros()));
        List<HandlerSpec.Outage> sorted = new ArrayList<>();
        int furthest = -1;
        for (int k : order) {
            HandlerSpec.Outage o = outages.get(k);
            if (furthest >= 0 && o.startMicros() < outages.get(furthest).endMicros()) {
                HandlerSpec.Outage other = outages.get(furthest);
                problems.add(path + "[" + indexes.get(k) + "]", items.get(indexes.get(k)), window(o) + " overlaps outages["
                        + indexes.get(furthest) + "], " + window(other) + "; each outage replaces errorRate in its window, "
                        + "so windows must not overlap");
            }
            if (furthest < 0 || o.endMicros() > outages.get(furthest).endMicros()) {
                furthest = k;
            }
            sorted.add(o);
        }
        return sorted;
    }

    /**
     * {@code invoke: {function: charge}} or {@code {functions: [a, b], mode: async}}, with
     * {@code mode} (sync or async), {@code calls}, {@code parallel} and, for asynchronous calls,
     * {@code latency} (the platform's by default); or null after reporting why not.
     */
    private StepSpec.Invoke invoke(YamlNode body, String path, PlatformSpec platform) {
        Fields f = new Fields(body, path, problems, INVOKE_KEYS);
        if (!(body instanceof YamlNode.Mapping)) {
            return null;
        }
        int before = problems.count();
        StepSpec.InvokeMode mode = f.choice("mode", "sync", "sync", "async").equals("async")
                ? StepSpec.InvokeMode.ASYNC : StepSpec.InvokeMode.SYNC;
        // A mode misspelt or unknown was reported: what depends on it is not judged on the default.
        boolean modeKnown = problems.count() == before && !f.explainedAbsence("mode");
        int calls = (int) f.integer("calls", 1, 1, MAX_INVOKE_CALLS, "");
        boolean parallel = f.bool("parallel", false);
        List<String> functions = new ArrayList<>();
        boolean valid = true;
        if (f.has("function") && f.has("functions")) {
            problems.add(path, body, "give function (one function) or functions (a fan-out to several), not both");
            valid = false;
        } else if (f.has("functions")) {
            valid = fanOut(f, functions);
            if (mode == StepSpec.InvokeMode.SYNC && modeKnown) {
                problems.add(f.child("functions"), f.node("functions"), "a synchronous invoke waits for one function "
                        + "(function: NAME); a fan-out to several functions is asynchronous: " + (f.has("mode")
                        ? "write mode: async" : "add mode: async"));
                valid = false;
            }
        } else if (f.has("function")) {
            String function = f.text("function", null);
            if (function != null) {
                functions.add(function);
                useFunction(f.child("function"), f.node("function"), function);
            }
        } else {
            f.missing("function", "the function to call, e.g. function: charge (or functions: [a, b] and mode: async "
                    + "for a fan-out)");
            valid = false;
        }
        DistributionSpec latency = null;
        if (f.has("latency") && mode == StepSpec.InvokeMode.SYNC) {
            if (modeKnown) {
                problems.add(f.child("latency"), f.node("latency"), "a synchronous call takes as long as the function "
                        + "it calls (its cold start and handler); latency: is the round trip of an asynchronous call "
                        + "(mode: async)");
            }
            valid = false;
        } else if (f.has("latency")) {
            latency = distribution(f.node("latency"), f.child("latency"), DistributionSpec.Unit.DURATION);
            valid &= latency != null;
        } else if (mode == StepSpec.InvokeMode.ASYNC) {
            latency = platform == null ? null : platform.events().asyncInvokeLatencyMicros();
            valid &= latency != null;
        }
        return valid && !functions.isEmpty() ? new StepSpec.Invoke(functions, mode, calls, parallel, latency) : null;
    }

    /** The functions of {@code functions: [a, b]} added to {@code out}; false after reporting a problem. */
    private boolean fanOut(Fields f, List<String> out) {
        List<YamlNode> items = f.list("functions", true, "function names, such as [audit, email]");
        if (!(f.node("functions") instanceof YamlNode.Sequence)) {
            return false;
        }
        if (items.isEmpty()) {
            problems.add(f.child("functions"), f.node("functions"), "the list is empty; give at least one function");
            return false;
        }
        boolean valid = true;
        Map<String, Integer> listed = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            YamlNode item = items.get(k);
            String at = f.child("functions") + "[" + k + "]";
            if (!(item instanceof YamlNode.Scalar s) || s.isNull) {
                problems.add(at, item, "expected a function name, found " + Fields.describe(item));
                valid = false;
                continue;
            }
            Integer before = listed.putIfAbsent(s.text, k);
            if (before != null) {
                problems.add(at, item, "'" + s.text + "' is already listed (functions[" + before + "]); list each "
                        + "function once (calls: sets how many events each one gets)");
                valid = false;
                continue;
            }
            out.add(s.text);
            useFunction(at, item, s.text);
        }
        return valid;
    }

    /**
     * Whether a cpu or wait step is written as {@code {time: DIST, perRecord: true}} rather than as a
     * distribution ({@code 5ms}, {@code {lognormal: ...}}).
     */
    private static boolean timed(YamlNode body) {
        return body instanceof YamlNode.Mapping m && (m.entries.containsKey("time") || m.entries.containsKey("perRecord"));
    }

    /** A step's {@code perRecord}: only in a handler, and only when its function has an event source. */
    private boolean perRecord(Fields f, boolean handler, boolean records) {
        boolean perRecord = f.bool("perRecord", false);
        if (perRecord && !handler) {
            problems.add(f.child("perRecord"), f.node("perRecord"), "perRecord applies to handler steps (each record of "
                    + "the batch an invocation is given); init runs once per environment");
        } else if (perRecord && !records) {
            problems.add(f.child("perRecord"), f.node("perRecord"), "perRecord repeats a step for each record of the batch "
                    + "an event source gives; this function has no eventSource");
        }
        return perRecord && handler;
    }

    private static String window(HandlerSpec.Outage o) {
        return Units.formatDuration(o.startMicros()) + " to " + Units.formatDuration(o.endMicros());
    }

    /**
     * The steps of init ({@code handler} false) or of a handler; {@code records} whether they may be
     * done per record (the function has an event source).
     */
    private List<StepSpec> steps(List<YamlNode> nodes, String path, PlatformSpec platform, boolean handler,
                                 boolean records) {
        List<StepSpec> steps = new ArrayList<>();
        if (nodes.size() > MAX_STEPS) {
            problems.add(path, nodes.get(0), nodes.size() + " steps; at most " + MAX_STEPS);
            return steps;
        }
        for (int i = 0; i < nodes.size(); i++) {
            String at = path + "[" + i + "]";
            YamlNode n = nodes.get(i);
            if (!(n instanceof YamlNode.Mapping m) || m.entries.size() != 1) {
                problems.add(at, n, "a step is one of {cpu: 30ms}, {io: {name: db, calls: 2, mode: sequential, latency: 8ms}}, "
                        + "{wait: 50ms}, {invoke: {function: charge}} or {send: {queue: orders}}");
                continue;
            }
            String kind = m.entries.keySet().iterator().next();
            YamlNode body = m.entries.get(kind);
            switch (kind) {
                case "cpu", "wait" -> {
                    boolean timed = timed(body);
                    Fields f = timed ? new Fields(body, at + "." + kind, problems, "time", "perRecord") : null;
                    DistributionSpec d = !timed ? distribution(body, at + "." + kind, DistributionSpec.Unit.DURATION)
                            : f.has("time") ? distribution(f.node("time"), f.child("time"), DistributionSpec.Unit.DURATION)
                            : null;
                    if (timed && !f.has("time")) {
                        f.missing("time", kind.equals("cpu") ? "the CPU time at one full vCPU, e.g. time: 2ms"
                                : "the time waited, e.g. time: 5ms");
                    }
                    boolean perRecord = timed && perRecord(f, handler, records);
                    if (d != null) {
                        steps.add(kind.equals("cpu") ? new StepSpec.Cpu(d, perRecord) : new StepSpec.Wait(d, perRecord));
                    }
                }
                case "send" -> {
                    if (!handler) {
                        problems.add(at + ".send", body, "send steps run in the handler (once per invocation); init runs "
                                + "once per environment: move it to handler.steps");
                    } else {
                        StepSpec.Send send = send(body, at + ".send");
                        if (send != null) {
                            steps.add(send);
                        }
                    }
                }
                case "io" -> {
                    Fields f = new Fields(body, at + ".io", problems, "name", "calls", "mode", "latency", "perRecord");
                    String name = f.text("name", "io");
                    int calls = (int) f.integer("calls", 1, 1, MAX_CALLS, "");
                    StepSpec.IoMode ioMode = switch (f.choice("mode", "sequential", "sequential", "parallel", "batch")) {
                        case "parallel" -> StepSpec.IoMode.PARALLEL;
                        case "batch" -> StepSpec.IoMode.BATCH;
                        default -> StepSpec.IoMode.SEQUENTIAL;
                    };
                    DistributionSpec latency = null;
                    if (!f.has("latency")) {
                        f.missing("latency", "the latency of one call, e.g. {lognormal: {median: 8ms, p99: 40ms}}");
                    } else {
                        latency = distribution(f.node("latency"), f.child("latency"), DistributionSpec.Unit.DURATION);
                    }
                    boolean perRecord = perRecord(f, handler, records);
                    if (latency != null) {
                        steps.add(new StepSpec.Io(name, calls, ioMode, latency, perRecord));
                    }
                }
                case "invoke" -> {
                    StepSpec.Invoke invoke = invoke(body, at + ".invoke", platform);
                    if (invoke != null) {
                        steps.add(invoke);
                        invokeSteps.put(invoke, new Written(written(at + ".invoke"), body.line()));
                    }
                }
                default -> problems.add(at + "." + kind, body, Fields.unknownKey(kind, List.of(STEP_KINDS)));
            }
        }
        return steps;
    }

    /**
     * Reserved and provisioned concurrency against the account's limit, for every function (the
     * first {@code listed} are those under functions:, at {@code indexes} among its {@code nodes});
     * a function that takes both from functionDefaults was checked there.
     */
    private void checkConcurrency(List<FunctionSpec> functions, int listed, List<Integer> indexes, List<YamlNode> nodes,
                                  int accountLimit, PlatformSpec platform, YamlNode defaultsNode) {
        if (platform == null) {
            return;
        }
        long reservedSum = 0;
        long unreservedProvisioned = 0;
        for (int i = 0; i < functions.size(); i++) {
            FunctionSpec f = functions.get(i);
            if (f.hasReservedConcurrency()) {
                reservedSum += f.reservedConcurrency();
                if (i < listed && setsConcurrency(nodes.get(indexes.get(i)))
                        && f.provisioned().maxLevel() > f.reservedConcurrency()) {
                    String path = "functions[" + indexes.get(i) + "]";
                    problems.add(path + ".provisionedConcurrency", provisionedLine(nodes.get(indexes.get(i))), "provisioned concurrency "
                            + f.provisioned().maxLevel() + " is above the function's reserved concurrency "
                            + f.reservedConcurrency() + "; provisioned environments count against it");
                }
            } else {
                unreservedProvisioned += f.provisioned().maxLevel();
            }
        }
        // Without functions listed, the sums come from functionDefaults applied to the functions a trace creates.
        String where = nodes.isEmpty() ? "functionDefaults" : "functions";
        int line = nodes.isEmpty() ? (defaultsNode == null ? 0 : defaultsNode.line()) : nodes.get(0).line();
        if (unreservedProvisioned > 0 && reservedSum + unreservedProvisioned > accountLimit - platform.minUnreservedConcurrency()) {
            problems.add(where, line, "provisioned concurrency "
                    + unreservedProvisioned + (reservedSum > 0 ? " plus reserved concurrency " + reservedSum : "")
                    + " is above the " + (accountLimit - platform.minUnreservedConcurrency()) + " the account allows "
                    + "(concurrencyLimit " + accountLimit + " less the " + platform.minUnreservedConcurrency()
                    + " that must stay unreserved)");
        }
        // An account of fewer than 100 (new accounts start lower) runs unreserved; it cannot reserve any.
        if (reservedSum > 0 && accountLimit <= platform.minUnreservedConcurrency()) {
            problems.add(where, line, "reserved concurrency adds up to " + reservedSum + ", but an account whose "
                    + "concurrencyLimit is " + accountLimit + " cannot reserve any: " + platform.minUnreservedConcurrency()
                    + " must stay unreserved");
        } else if (reservedSum > 0 && reservedSum > accountLimit - platform.minUnreservedConcurrency()) {
            problems.add(where, line, "reserved concurrency adds up to " + reservedSum
                    + ", above the " + (accountLimit - platform.minUnreservedConcurrency()) + " the account allows (concurrencyLimit "
                    + accountLimit + " less the " + platform.minUnreservedConcurrency() + " that must stay unreserved)");
        }
    }

    /** Whether a function sets reserved or provisioned concurrency itself (not only through functionDefaults). */
    private static boolean setsConcurrency(YamlNode function) {
        return function instanceof YamlNode.Mapping m && (m.entries.containsKey("reservedConcurrency")
                || m.entries.containsKey("provisionedConcurrency"));
    }

    /** The line of a function's provisionedConcurrency, or of the function when it has none. */
    private static int provisionedLine(YamlNode function) {
        YamlNode p = function instanceof YamlNode.Mapping m ? m.entries.get("provisionedConcurrency") : null;
        return p != null && p.line() > 0 ? p.line() : function.line();
    }

    /**
     * Every function an invoke step or a destination names must be one of the scenario's (those
     * listed, those a trace creates); a function listed with a problem of its own counts, so that
     * its problem is not reported twice.
     */
    /**
     * {@code billing.savingsPlan: {commitmentPerHour: 0.50, discount: 0.17}}: USD an hour of spend
     * at the plan's rates, and the plan's discount, at most the one Lambda gets (billing.yaml).
     */
    private SavingsPlanSpec bindSavingsPlan(YamlNode node, String path) {
        Fields f = new Fields(node, path, problems, "commitmentPerHour", "discount");
        if (!(node instanceof YamlNode.Mapping)) {
            return null;
        }
        double max = SavingsPlans.maxDiscount().doubleValue();
        if (!f.has("commitmentPerHour")) {
            problems.add(path, node, "missing: commitmentPerHour, the USD an hour committed (e.g. 0.50)");
        }
        if (!f.has("discount")) {
            problems.add(path, node, "missing: discount, the plan's discount on Lambda (e.g. 0.12 for 1 year, "
                    + "up to " + max + " for 3 years)");
        }
        double commitment = f.number("commitmentPerHour", 0, 0, 1e9);
        double discount = f.number("discount", max, 0, max);
        if (f.has("discount") && discount == 0) {
            problems.add(f.child("discount"), f.node("discount"), "a plan's discount is above 0 (e.g. 0.17)");
            return null;
        }
        if (!f.has("commitmentPerHour") || !f.has("discount")) {
            return null;
        }
        return new SavingsPlanSpec(BigDecimal.valueOf(commitment), BigDecimal.valueOf(discount));
    }

    /** A front door passes synchronous requests on: a function with one must receive synchronous traffic. */
    private void checkFrontDoors(List<FunctionSpec> functions, int listed, List<Integer> indexes, List<YamlNode> nodes,
                                 List<TrafficSpec> traffic) {
        Set<String> synchronous = new java.util.HashSet<>();
        for (TrafficSpec t : traffic) {
            if (t.invocation() == TrafficSpec.Invocation.SYNC) {
                synchronous.add(t.function());
            }
        }
        for (int k = 0; k < listed; k++) {
            FunctionSpec f = functions.get(k);
            if (f.frontDoor() != null && !synchronous.contains(f.name())) {
                String path = "functions[" + indexes.get(k) + "].frontDoor";
                problems.add(path, ((YamlNode.Mapping) nodes.get(indexes.get(k))).entries.get("frontDoor"), "the front door ("
                        + f.frontDoor().type().service() + ") passes synchronous requests on, but no traffic source sends "
                        + "'" + f.name() + "' synchronous requests; add one (e.g. {function: " + f.name()
                        + ", poisson: {rate: 10/s}}) or remove frontDoor");
            }
        }
    }

    private void checkFunctionUses(Set<String> bound, List<YamlNode> functionNodes) {
        if (functionUses.isEmpty()) {
            return;
        }
        Set<String> known = new java.util.LinkedHashSet<>(bound);
        for (YamlNode n : functionNodes) {
            if (n instanceof YamlNode.Mapping m && m.entries.get("name") instanceof YamlNode.Scalar s && !s.isNull) {
                known.add(s.text);
            }
        }
        if (known.isEmpty()) {
            return;
        }
        for (FunctionUse use : functionUses.values()) {
            if (!known.contains(use.function())) {
                problems.add(use.path(), use.node(), "no function named '" + use.function() + "'"
                        + functionHint(use.function(), known));
            }
        }
    }

    /**
     * Synchronous calls must not form a cycle: each caller would wait for its callee and none
     * would return. A depth-first walk of the synchronous calls (init and handler steps, in
     * function and step order) reports each call that closes a cycle, at the step that makes it,
     * naming the cycle; making each reported call asynchronous breaks every cycle. Asynchronous
     * cycles are allowed (recursion detection stops them).
     */
    private void checkSynchronousCycles(List<FunctionSpec> functions) {
        if (invokeSteps.isEmpty()) {
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < functions.size(); i++) {
            index.putIfAbsent(functions.get(i).name(), i);
        }
        int n = functions.size();
        List<List<StepSpec.Invoke>> calls = new ArrayList<>(n);
        for (FunctionSpec f : functions) {
            calls.add(synchronousCalls(f));
        }
        byte[] state = new byte[n]; // 0 not seen, 1 on the walk's path, 2 done
        int[] next = new int[n];
        int[] depthOf = new int[n];
        int[] path = new int[n];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int depth = 0;
            path[depth++] = root;
            state[root] = 1;
            while (depth > 0) {
                int caller = path[depth - 1];
                List<StepSpec.Invoke> out = calls.get(caller);
                if (next[caller] == out.size()) {
                    state[caller] = 2;
                    depth--;
                    continue;
                }
                StepSpec.Invoke call = out.get(next[caller]++);
                Integer callee = index.get(call.functions().get(0));
                if (callee == null) {
                    continue; // reported: no such function
                }
                if (state[callee] == 0) {
                    state[callee] = 1;
                    depthOf[callee] = depth;
                    path[depth++] = callee;
                } else if (state[callee] == 1) {
                    List<String> cycle = new ArrayList<>();
                    for (int d = depthOf[callee]; d < depth; d++) {
                        cycle.add(functions.get(path[d]).name());
                    }
                    reportCycle(cycle, call);
                }
            }
        }
    }

    private static List<StepSpec.Invoke> synchronousCalls(FunctionSpec f) {
        List<StepSpec.Invoke> calls = new ArrayList<>();
        for (List<StepSpec> steps : List.of(f.init(), f.handler().steps())) {
            for (StepSpec s : steps) {
                if (s instanceof StepSpec.Invoke i && i.mode() == StepSpec.InvokeMode.SYNC) {
                    calls.add(i);
                }
            }
        }
        return calls;
    }

    private void reportCycle(List<String> cycle, StepSpec.Invoke call) {
        Written at = invokeSteps.getOrDefault(call, new Written("", 0));
        if (cycle.size() == 1) {
            problems.add(at.path(), at.line(), "function " + cycle.get(0) + " calls itself synchronously: it would wait "
                    + "for itself and never return; make the call asynchronous (mode: async)");
            return;
        }
        int shown = Math.min(cycle.size(), MAX_LISTED_NAMES);
        String chain = String.join(" -> ", cycle.subList(0, shown)) + (cycle.size() > shown ? " -> ... ("
                + (cycle.size() - shown) + " more)" : "") + " -> " + cycle.get(0);
        problems.add(at.path(), at.line(), "functions " + chain + " call each other synchronously: each would wait for "
                + "the next and none would return; make one of the calls asynchronous (mode: async)");
    }

    // ---------------------------------------------------------------- queues, streams and event sources

    /** The limits of queues, streams and mappings: the platform's, or the current preset's when the platform is wrong. */
    private PlatformSpec.Limits limits(PlatformSpec platform) {
        if (platform != null && platform.events() != null && platform.events().sources() != null) {
            return platform.events().sources().limits();
        }
        return new ScenarioLoader(PRESETS_RESOURCE, Path.of("")).bindSourceRules(null, "").limits();
    }

    /**
     * {@code queues: [{name: orders, visibilityTimeout: 60s, maxReceiveCount: 3, retention: 4d}]}:
     * SQS standard queues, each key but the name optional (the defaults and limits SQS's, from the
     * platform's {@code events.sources}); no maxReceiveCount, no dead-letter queue.
     */
    private List<QueueSpec> bindQueues(Fields top, PlatformSpec.Limits limits) {
        List<YamlNode> nodes = top.list("queues", false, "SQS queues such as {name: orders, visibilityTimeout: 60s}");
        if (nodes.size() > MAX_QUEUES) {
            problems.add("queues", top.node("queues"), nodes.size() + " queues; at most " + MAX_QUEUES);
            return List.of();
        }
        List<QueueSpec> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "queues[" + i + "]";
            Fields f = new Fields(nodes.get(i), path, problems, QUEUE_KEYS);
            if (!(nodes.get(i) instanceof YamlNode.Mapping)) {
                continue;
            }
            int before = problems.count();
            String name = defineSource(f, path, true);
            long visibility = limitedDuration(f, "visibilityTimeout", limits.visibilityTimeoutDefaultMicros(), 0,
                    limits.visibilityTimeoutMaxMicros(), " (SQS's limits)");
            int receives = (int) limitedInteger(f, "maxReceiveCount", 0, 1, limits.maxReceiveCountMax(),
                    " (SQS's limits of a redrive policy; without maxReceiveCount the queue has no dead-letter queue)");
            long retention = limitedDuration(f, "retention", limits.queueRetentionDefaultMicros(),
                    limits.queueRetentionMinMicros(), limits.queueRetentionMaxMicros(), " (SQS's limits)");
            if (name != null && problems.count() == before) {
                QueueSpec q = new QueueSpec(name, visibility, receives, retention);
                queueSpecs.put(name, q);
                out.add(q);
            }
        }
        return out;
    }

    /**
     * {@code streams: [{name: clicks, type: kinesis, shards: 4, retention: 24h}]}: the type and the
     * shards required; a DynamoDB stream keeps its records 24 h, a Kinesis stream 24 h by default
     * and up to the platform's {@code streamRetention.kinesisMax}.
     */
    private List<StreamSpec> bindStreams(Fields top, PlatformSpec.Limits limits) {
        List<YamlNode> nodes = top.list("streams", false, "streams such as {name: clicks, type: kinesis, shards: 4}");
        if (nodes.size() > MAX_QUEUES) {
            problems.add("streams", top.node("streams"), nodes.size() + " streams; at most " + MAX_QUEUES);
            return List.of();
        }
        List<StreamSpec> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "streams[" + i + "]";
            Fields f = new Fields(nodes.get(i), path, problems, STREAM_KEYS);
            if (!(nodes.get(i) instanceof YamlNode.Mapping)) {
                continue;
            }
            int before = problems.count();
            String name = defineSource(f, path, false);
            StreamSpec.Type type = null;
            if (!f.has("type")) {
                f.missing("type", "the stream's type, kinesis or dynamodb");
            } else {
                int typeProblems = problems.count();
                String label = f.choice("type", "kinesis", "kinesis", "dynamodb");
                type = problems.count() > typeProblems ? null
                        : label.equals("dynamodb") ? StreamSpec.Type.DYNAMODB : StreamSpec.Type.KINESIS;
            }
            int shards = 1;
            if (!f.has("shards")) {
                f.missing("shards", "the stream's number of shards, e.g. shards: 4");
            } else {
                shards = (int) limitedInteger(f, "shards", 1, 1, limits.shardsMax(), " (the default Kinesis shard quota of "
                        + "most regions, platform.events.sources.shards.max)");
            }
            long retention = limits.streamRetentionDefaultMicros();
            if (type == StreamSpec.Type.DYNAMODB && f.has("retention")) {
                int parsed = problems.count();
                long given = f.duration("retention", retention, 0, Long.MAX_VALUE);
                if (problems.count() == parsed && given != retention) {
                    problems.add(f.child("retention"), f.node("retention"), text(f.node("retention")).trim() + ": a DynamoDB "
                            + "stream keeps its records " + span(retention) + ", which cannot be changed "
                            + "(DynamoDB Streams); remove retention");
                }
            } else if (type == StreamSpec.Type.KINESIS) {
                retention = limitedDuration(f, "retention", retention, limits.streamRetentionDefaultMicros(),
                        limits.kinesisRetentionMaxMicros(), " (Kinesis's limits)");
            }
            if (name != null && type != null && problems.count() == before) {
                StreamSpec s = new StreamSpec(name, type, shards, retention);
                streamSpecs.put(name, s);
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The name of the queue or stream defined at {@code path}, or null after reporting why not: a
     * name SQS or Kinesis allows, and taken by no other queue or stream (messages, traffic and
     * reports name each by it).
     */
    private String defineSource(Fields f, String path, boolean queue) {
        String kind = queue ? "queue" : "stream";
        String name = f.requiredText("name", "the " + kind + "'s name");
        if (name == null) {
            return null;
        }
        if (queue && !name.matches(QUEUE_NAME)) {
            problems.add(f.child("name"), f.node("name"), "'" + name + "' is not an SQS queue name: 1 to 80 letters, "
                    + "digits, '-' or '_' (SQS's rule)");
            return null;
        }
        if (!queue && !name.matches(STREAM_NAME)) {
            problems.add(f.child("name"), f.node("name"), "'" + name + "' is not a stream name: 1 to 128 letters, digits, "
                    + "'-', '_' or '.' (the rule of Kinesis stream and DynamoDB table names)");
            return null;
        }
        String sameKind = (queue ? queueNames : streamNames).get(name);
        String otherKind = (queue ? streamNames : queueNames).get(name);
        if (sameKind != null) {
            problems.add(f.child("name"), f.node("name"), "a " + kind + " named '" + name + "' is already defined ("
                    + sameKind + "); names must be unique");
            return null;
        }
        if (otherKind != null) {
            problems.add(f.child("name"), f.node("name"), "'" + name + "' already names a " + (queue ? "stream" : "queue")
                    + " (" + otherKind + "); a queue and a stream cannot share a name (the reports name each by it)");
            return null;
        }
        (queue ? queueNames : streamNames).put(name, path);
        return name;
    }

    /**
     * Whether {@code name}, written at {@code path}, is a queue (or a stream) of the scenario; if
     * not, says so, with a "did you mean", or that it is the other kind.
     */
    private boolean knownSource(String path, YamlNode node, String name, boolean queue) {
        Map<String, String> names = queue ? queueNames : streamNames;
        if (names.containsKey(name)) {
            return true;
        }
        String kind = queue ? "queue" : "stream";
        String other = (queue ? streamNames : queueNames).get(name);
        if (other != null) {
            problems.add(path, node, "no " + kind + " named '" + name + "'; '" + name + "' is a " + (queue ? "stream" : "queue")
                    + " (" + other + "): write " + (queue ? "stream: " : "queue: ") + name);
        } else if (names.isEmpty()) {
            problems.add(path, node, "no " + kind + " named '" + name + "'; the scenario defines no " + kind + "s (add "
                    + kind + "s: [{name: " + name + (queue ? "}])" : ", type: kinesis, shards: 1}])"));
        } else {
            String hint = Fields.closest(name, names.keySet());
            problems.add(path, node, "no " + kind + " named '" + name + "'" + (hint != null ? "; did you mean '" + hint + "'?"
                    : names.size() <= MAX_LISTED_NAMES ? "; the " + kind + "s are " + String.join(", ", names.keySet())
                    : " among the " + names.size() + " " + kind + "s"));
        }
        return false;
    }

    /**
     * {@code eventSource: {queue: orders, batchSize: 10, ...}} or {@code {stream: clicks, ...}}: a
     * mapping of CreateEventSourceMapping, each key optional but the source, within Lambda's limits
     * (the platform's {@code events.sources}); the keys of the other kind of source are refused.
     */
    private EventSourceSpec bindEventSource(YamlNode node, String path, PlatformSpec.Limits limits) {
        Fields f = new Fields(node, path, problems, EVENT_SOURCE_KEYS);
        if (!(node instanceof YamlNode.Mapping)) {
            return null;
        }
        boolean queue = f.has("queue");
        if (queue && f.has("stream")) {
            problems.add(path, node, "give queue (an SQS queue) or stream (a Kinesis or DynamoDB stream), not both: "
                    + "a mapping reads one source");
            return null;
        }
        if (!queue && !f.has("stream")) {
            if (!f.explainedAbsence("queue") && !f.explainedAbsence("stream")) {
                problems.add(path, node, "missing: the queue or stream the function reads, e.g. queue: orders or "
                        + "stream: clicks");
            }
            return null;
        }
        String key = queue ? "queue" : "stream";
        String name = f.text(key, null);
        if (name == null) {
            return null;
        }
        if (knownSource(f.child(key), f.node(key), name, queue)) {
            // Each stream mapping would read every record again (its own iterator): one reader per
            // stream is what this version models. Consumers of one queue share its messages.
            if (!queue && consumed.contains("stream " + name)) {
                problems.add(f.child(key), f.node(key), "stream '" + name + "' is already read by another function's "
                        + "eventSource: lambdasim models one consumer per stream (give each reader a stream of its own)");
            }
            consumed.add((queue ? "queue " : "stream ") + name);
        }
        for (String k : queue ? STREAM_ONLY_KEYS : QUEUE_ONLY_KEYS) {
            if (f.has(k)) {
                problems.add(f.child(k), f.node(k), k + " applies to " + (queue ? "streams (Kinesis, DynamoDB); this "
                        + "mapping reads the SQS queue '" : "SQS queues; this mapping reads the stream '") + name + "'");
            }
        }
        StreamSpec stream = queue ? null : streamSpecs.get(name);
        boolean dynamodb = stream != null && stream.type() == StreamSpec.Type.DYNAMODB;
        int batchMax = queue ? limits.sqsBatchSizeMax() : dynamodb ? limits.dynamodbBatchSizeMax() : limits.kinesisBatchSizeMax();
        String what = queue ? "an SQS queue" : stream == null ? "a stream" : dynamodb ? "a DynamoDB stream" : "a Kinesis stream";
        int before = problems.count();
        int batch = (int) limitedInteger(f, "batchSize", queue ? limits.sqsBatchSizeDefault() : limits.streamBatchSizeDefault(),
                1, batchMax, " (Lambda's limits for " + what + ")");
        long window = limitedDuration(f, "maximumBatchingWindow", 0, 0, limits.maxBatchingWindowMicros(),
                " (Lambda's limits)");
        if (queue && problems.count() == before && batch > limits.sqsBatchSizeWithoutWindow() && window == 0) {
            problems.add(f.child("batchSize"), f.node("batchSize"), "a batch of more than " + limits.sqsBatchSizeWithoutWindow()
                    + " messages needs a maximumBatchingWindow above 0s (Lambda's rule for SQS queues)");
        }
        if (queue) {
            int concurrency = (int) limitedInteger(f, "maximumConcurrency", 0, limits.maximumConcurrencyMin(),
                    limits.maximumConcurrencyMax(), " (Lambda's limits of ScalingConfig.MaximumConcurrency; leave it out "
                    + "for none)");
            boolean report = f.bool("reportBatchItemFailures", false);
            return EventSourceSpec.queue(name, batch, window, concurrency, report);
        }
        int parallel = (int) limitedInteger(f, "parallelizationFactor", 1, 1, limits.parallelizationFactorMax(),
                " (Lambda's limits)");
        boolean bisect = f.bool("bisectBatchOnFunctionError", false);
        int retries = (int) limitedInteger(f, "maximumRetryAttempts", EventSourceSpec.UNLIMITED, -1,
                limits.maximumRetryAttemptsMax(), " (Lambda's limits; -1 retries until the records expire)");
        long age = EventSourceSpec.UNLIMITED;
        if (f.node("maximumRecordAge") instanceof YamlNode.Scalar s && s.text.trim().equals("-1")) {
            age = EventSourceSpec.UNLIMITED;
        } else {
            age = limitedDuration(f, "maximumRecordAge", EventSourceSpec.UNLIMITED, limits.maximumRecordAgeMinMicros(),
                    limits.maximumRecordAgeMaxMicros(), " (Lambda's limits), or -1 for the stream's retention");
        }
        return EventSourceSpec.stream(name, batch, window, parallel, bisect, retries, age);
    }

    /**
     * {@code send: {queue: orders, messages: 1, latency: 10ms}} or {@code {stream: clicks, records: 5}}:
     * the count 1 by default, the latency none by default; or null after reporting why not.
     */
    private StepSpec.Send send(YamlNode body, String path) {
        Fields f = new Fields(body, path, problems, SEND_KEYS);
        if (!(body instanceof YamlNode.Mapping)) {
            return null;
        }
        boolean queue = f.has("queue");
        if (queue && f.has("stream")) {
            problems.add(path, body, "give queue (messages sent to SQS) or stream (records put on a stream), not both; "
                    + "use two send steps");
            return null;
        }
        if (!queue && !f.has("stream")) {
            if (!f.explainedAbsence("queue") && !f.explainedAbsence("stream")) {
                problems.add(path, body, "missing: where to send, e.g. queue: orders or stream: clicks");
            }
            return null;
        }
        String key = queue ? "queue" : "stream";
        String countKey = queue ? "messages" : "records";
        String otherCount = queue ? "records" : "messages";
        if (f.has(otherCount)) {
            problems.add(f.child(otherCount), f.node(otherCount), queue ? "a queue receives messages: write messages: N"
                    : "a stream receives records: write records: N");
        }
        int count = (int) f.integer(countKey, 1, 1, MAX_CALLS, "");
        DistributionSpec latency = f.has("latency")
                ? distribution(f.node("latency"), f.child("latency"), DistributionSpec.Unit.DURATION) : null;
        String name = f.text(key, null);
        if (name == null || !knownSource(f.child(key), f.node(key), name, queue)
                || f.has("latency") && latency == null) {
            return null;
        }
        return new StepSpec.Send(queue ? name : null, queue ? null : name, count, latency);
    }

    /**
     * A whole number within [min, max], or the default when absent; a whole number outside, however
     * large, is said with its range and where the range comes from ({@code source}, such as
     * {@code " (Lambda's limits)"}).
     */
    private long limitedInteger(Fields f, String key, long defaultValue, long min, long max, String source) {
        YamlNode n = f.node(key);
        double wanted = n instanceof YamlNode.Scalar s && !s.isNull ? Fields.parseFiniteNumber(s.text) : Double.NaN;
        if (wanted == Math.rint(wanted) && (wanted < min || wanted > max)) {
            problems.add(f.child(key), n, text(n).trim() + " is out of range: expected " + min + " to " + max + source);
            return defaultValue;
        }
        return f.integer(key, defaultValue, min, max, "");
    }

    /** A duration within [min, max], or the default when absent; one outside is said with its range and its source. */
    private long limitedDuration(Fields f, String key, long defaultValue, long min, long max, String source) {
        if (!f.has(key)) {
            return defaultValue;
        }
        int before = problems.count();
        long v = f.duration(key, defaultValue, 0, Long.MAX_VALUE);
        if (problems.count() > before) {
            return defaultValue;
        }
        if (v < min || v > max) {
            problems.add(f.child(key), f.node(key), text(f.node(key)).trim() + " is out of range: expected "
                    + span(min) + " to " + span(max) + source);
            return defaultValue;
        }
        return v;
    }

    /** A limit or a retention as AWS writes it: 0s, 24h rather than 1d. */
    private static String span(long micros) {
        return micros == 0 ? "0s" : micros == Units.MICROS_PER_DAY ? "24h" : Units.formatDuration(micros);
    }

    /** A note for each queue and stream no function's eventSource reads: what is sent there stays there. */
    private void noteUnread(List<QueueSpec> queues, List<StreamSpec> streams) {
        for (QueueSpec q : queues) {
            if (!consumed.contains("queue " + q.name())) {
                notes.add(queueNames.get(q.name()) + ": no function reads queue '" + q.name() + "' (eventSource: {queue: "
                        + q.name() + "}): its messages accumulate, each kept " + span(q.retentionMicros())
                        + " (its retention)");
            }
        }
        for (StreamSpec s : streams) {
            if (!consumed.contains("stream " + s.name())) {
                notes.add(streamNames.get(s.name()) + ": no function reads stream '" + s.name() + "' (eventSource: {stream: "
                        + s.name() + "}): its records accumulate, each kept " + span(s.retentionMicros())
                        + " (its retention)");
            }
        }
    }

    // ---------------------------------------------------------------- traffic

    /** A traffic entry that replays every row of a trace as its own function: a trace with rows:, and no function:. */
    private static boolean replaysAccount(YamlNode node) {
        return node instanceof YamlNode.Mapping m && !hasValue(m, "function") && !hasValue(m, "queue")
                && !hasValue(m, "stream") && m.entries.get("trace") instanceof YamlNode.Mapping t && t.entries.containsKey("rows");
    }

    private static boolean hasValue(YamlNode.Mapping m, String key) {
        YamlNode n = m.entries.get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.isNull);
    }

    private static YamlNode rowsNode(YamlNode entry) {
        return ((YamlNode.Mapping) ((YamlNode.Mapping) entry).entries.get("trace")).entries.get("rows");
    }

    /**
     * The sources' names: the one given, or {@code <target>/<pattern>} (the function, queue or
     * stream fed), and {@code #2},
     * {@code #3}... for the later unnamed sources of the same target and pattern, counted in
     * file order: moving a named source, or any source of another function or pattern, renames
     * none, so reordering the traffic list keeps every source's arrivals.
     */
    private List<TrafficSpec> nameSources(List<TrafficSpec> sources, Map<Integer, YamlNode> givenNames) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> byDefault = new HashMap<>();
        List<TrafficSpec> named = new ArrayList<>(sources.size());
        for (TrafficSpec t : sources) {
            if (t.name() != null) {
                named.add(t);
                continue;
            }
            String base = t.target() + "/" + t.pattern().kind();
            int n = seen.merge(base, 1, Integer::sum);
            String name = n == 1 ? base : base + "#" + n;
            byDefault.putIfAbsent(name, t.index());
            named.add(t.withName(name));
        }
        Map<String, Integer> given = new HashMap<>();
        for (TrafficSpec t : named) {
            if (!givenNames.containsKey(t.index())) {
                continue;
            }
            String path = "traffic[" + t.index() + "].name";
            Integer other = byDefault.get(t.name());
            Integer before = given.putIfAbsent(t.name(), t.index());
            if (other != null) {
                problems.add(path, givenNames.get(t.index()), "'" + t.name() + "' is the name traffic[" + other
                        + "] takes by default (function/pattern); choose another");
            } else if (before != null) {
                problems.add(path, givenNames.get(t.index()), "a traffic source named '" + t.name()
                        + "' is already defined (traffic[" + before + "]); names must be unique");
            }
        }
        return named;
    }

    /** A traffic entry for one function (the sources of whole-account entries are bound by {@link #bindAccount}). */
    private TrafficSpec bindTraffic(YamlNode node, int index, Map<String, String> functionNames, long durationMicros) {
        String path = "traffic[" + index + "]";
        Fields f = new Fields(node, path, problems, TRAFFIC_KEYS);
        if (!(node instanceof YamlNode.Mapping m)) {
            return null;
        }
        List<String> targets = java.util.stream.Stream.of("function", "queue", "stream").filter(f::has).toList();
        if (targets.size() > 1) {
            problems.add(path, node, "give one of function, queue or stream per entry, found " + String.join(" and ", targets)
                    + " (use several entries: they add up)");
            return null;
        }
        boolean into = f.has("queue") || f.has("stream");
        String name = sourceName(f);
        TrafficSpec.Invocation invocation = into ? null : invocation(f);
        TrafficSpec.Into intoSpec = into ? bindInto(f) : null;
        if (!into) {
            for (String key : new String[] {"partitionKey", "poisonRecords"}) {
                if (f.has(key)) {
                    problems.add(f.child(key), f.node(key), key + " applies to " + (key.equals("partitionKey")
                            ? "records put on a stream (stream: NAME)" : "messages sent to a queue or records put on a stream "
                            + "(queue: NAME or stream: NAME)") + "; this entry calls a function");
                }
            }
        }
        String function = into ? null : f.has("function") || !f.has("trace") ? f.requiredText("function",
                "the name of the function these requests call") : null;
        if (!into && !f.has("function") && f.has("trace")) {
            f.missing("function", "the name of the function these requests call (or rows: all under trace:, "
                    + "to replay every row as its own function)");
        }
        if (function != null && !functionNames.isEmpty() && !functionNames.containsKey(function)) {
            problems.add(f.child("function"), f.node("function"), "no function named '" + function + "'"
                    + functionHint(function, functionNames.keySet()));
        }
        List<String> given = new ArrayList<>();
        for (String p : PATTERNS) {
            if (m.entries.containsKey(p)) {
                given.add(p);
            }
        }
        boolean misspelt = false;
        for (String p : PATTERNS) {
            misspelt |= f.explainedAbsence(p);
        }
        if (given.isEmpty() && misspelt) {
            return null;
        }
        if (given.size() != 1) {
            problems.add(path, node, given.isEmpty() ? "missing: an arrival pattern, one of " + String.join(", ", PATTERNS)
                    : "give one arrival pattern per entry, found " + String.join(" and ", given) + " (use several entries: they add up)");
            return null;
        }
        String kind = given.get(0);
        String at = path + "." + kind;
        TrafficSpec.Pattern pattern = switch (kind) {
            case "poisson", "constant" -> {
                Fields p = new Fields(f.node(kind), at, problems, "rate", "start", "end");
                double rate = p.rate("rate", MAX_RATE_PER_SECOND);
                long start = p.duration("start", 0, 0, MAX_DURATION_MICROS);
                long end = p.duration("end", Long.MAX_VALUE, 0, MAX_DURATION_MICROS);
                checkWindow(p, start, end);
                yield kind.equals("poisson") ? new TrafficSpec.Poisson(rate, start, end) : new TrafficSpec.Constant(rate, start, end);
            }
            case "spike" -> {
                Fields p = new Fields(f.node(kind), at, problems, "at", "for", "rate", "repeat");
                long start = p.requiredDuration("at", "when the spike starts, e.g. 30m", 0, MAX_DURATION_MICROS);
                long length = p.requiredDuration("for", "how long the spike lasts, e.g. 5m", 1, MAX_DURATION_MICROS);
                double rate = p.rate("rate", MAX_RATE_PER_SECOND);
                long repeat = repeat(p, length, "spike (for: " + Units.formatDuration(length) + ")", "");
                yield new TrafficSpec.Spike(start, length, rate, repeat);
            }
            case "ramp" -> {
                Fields p = new Fields(f.node(kind), at, problems, "from", "to", "start", "end", "repeat");
                double from = p.rate("from", MAX_RATE_PER_SECOND);
                double to = p.rate("to", MAX_RATE_PER_SECOND);
                long start = p.duration("start", 0, 0, MAX_DURATION_MICROS);
                long end = p.duration("end", durationMicros, 0, MAX_DURATION_MICROS);
                if (end <= start) {
                    problems.add(p.child("end"), p.node("end"), "the ramp must end after it starts ("
                            + Units.formatDuration(start) + ")");
                    end = start + 1;
                }
                long repeat = repeat(p, end - start, "ramp (" + Units.formatDuration(end - start) + ", from "
                        + Units.formatDuration(start) + " to " + Units.formatDuration(end) + ")", p.has("end") ? ""
                        : "; without end: a ramp lasts until the run ends, so give end:");
                yield new TrafficSpec.Ramp(from, to, start, end, repeat);
            }
            case "trace" -> {
                Fields p = new Fields(f.node(kind), at, problems, TRACE_KEYS);
                String file = p.requiredText("file", "an invocations.csv of the Azure Functions 2019 trace");
                String row = p.text("row", "0");
                if (p.has("rows") && into) {
                    problems.add(p.child("rows"), p.node("rows"), "rows: replays each row as its own function; give row: "
                            + "to replay one row into the " + (f.has("queue") ? "queue" : "stream"));
                } else if (p.has("rows")) {
                    problems.add(p.child("rows"), p.node("rows"), "rows: replays each row as its own function; remove "
                            + "function:" + (function == null ? "" : " " + function) + ", or give row: to replay one row for it");
                }
                for (String key : new String[] {"durations", "memory"}) {
                    if (p.has(key)) {
                        problems.add(p.child(key), p.node(key), key + ": belongs to a replay of every row (rows:); for one "
                                + "function, give handler." + (key.equals("durations") ? "duration" : "memoryUsedMb")
                                + ": {trace: {file: ..., row: ...}}");
                    }
                }
                String spread = p.text("spread", "poisson");
                if (!spread.equals("poisson") && !spread.equals("even")) {
                    problems.add(p.child("spread"), p.node("spread"), "expected poisson or even, found '" + spread + "'");
                }
                double scale = p.number("scale", 1, 0, 1e6);
                long start = p.duration("start", 0, 0, MAX_DURATION_MICROS);
                long[] counts = new long[0];
                if (file != null) {
                    try {
                        counts = traces.minuteCounts(file, row);
                    } catch (TraceFiles.TraceException e) {
                        problems.add(p.child("file"), p.node("file"), e.getMessage());
                    }
                }
                yield new TrafficSpec.Trace(counts, scale, spread.equals("even"), start, file + " row " + row);
            }
            case "diurnal" -> {
                Fields p = new Fields(f.node(kind), at, problems, "mean", "amplitude", "period", "peak", "start", "end");
                double mean = p.rate("mean", MAX_RATE_PER_SECOND);
                double amplitude = p.has("amplitude") ? p.rate("amplitude", MAX_RATE_PER_SECOND) : 0;
                if (amplitude > mean) {
                    problems.add(p.child("amplitude"), p.node("amplitude"), "the amplitude cannot exceed the mean rate "
                            + "(the rate would go below zero)");
                }
                long period = p.duration("period", Units.MICROS_PER_DAY, Units.MICROS_PER_SECOND, MAX_DURATION_MICROS);
                long peak = p.duration("peak", 14 * Units.MICROS_PER_HOUR, 0, MAX_DURATION_MICROS);
                if (clock != null) {
                    // With a start, the peak is a time of day in the scenario's zone: 15h is 3 pm.
                    peak = Math.floorMod(peak - clock.sinceMidnightMicros(), period);
                }
                long start = p.duration("start", 0, 0, MAX_DURATION_MICROS);
                long end = p.duration("end", Long.MAX_VALUE, 0, MAX_DURATION_MICROS);
                checkWindow(p, start, end);
                yield new TrafficSpec.Diurnal(mean, amplitude, period, peak, start, end);
            }
            default -> throw new IllegalStateException(kind);
        };
        if (into) {
            return intoSpec == null ? null : TrafficSpec.into(intoSpec, index, name, pattern);
        }
        return function == null ? null : new TrafficSpec(function, index, name, pattern, invocation);
    }

    /**
     * Where an entry's messages or records go: {@code queue: orders} or {@code stream: clicks}, with
     * {@code poisonRecords} (a share) and, for a stream, {@code partitionKey}; or null after
     * reporting why not.
     */
    private TrafficSpec.Into bindInto(Fields f) {
        boolean queue = f.has("queue");
        String key = queue ? "queue" : "stream";
        if (f.has("invocation")) {
            problems.add(f.child("invocation"), f.node("invocation"), "invocation applies to a function's requests; "
                    + (queue ? "messages sent to a queue" : "records put on a stream") + " invoke the functions whose "
                    + "eventSource reads it, through Lambda's pollers; remove invocation");
        }
        String partitionKey = null;
        if (queue && f.has("partitionKey")) {
            problems.add(f.child("partitionKey"), f.node("partitionKey"), "partitionKey applies to records put on a stream "
                    + "(it picks their shard); an SQS standard queue has no partitions");
        } else if (f.has("partitionKey")) {
            partitionKey = f.text("partitionKey", null);
            if (partitionKey != null && (partitionKey.isEmpty() || partitionKey.codePointCount(0, partitionKey.length())
                    > MAX_PARTITION_KEY)) {
                problems.add(f.child("partitionKey"), f.node("partitionKey"), "a partition key is 1 to " + MAX_PARTITION_KEY
                        + " characters (Kinesis's limit)");
            }
        }
        YamlNode poisonNode = f.node("poisonRecords");
        double share = poisonNode instanceof YamlNode.Scalar p && !p.isNull ? Fields.parseFiniteNumber(p.text) : Double.NaN;
        double poison = 0;
        if (share < 0 || share > 1) {
            problems.add(f.child("poisonRecords"), poisonNode, text(poisonNode).trim() + " is out of range: expected 0 to 1 "
                    + "(the share of the " + (queue ? "messages" : "records") + " that fail every consumer, every time)");
        } else {
            poison = f.number("poisonRecords", 0, 0, 1);
        }
        String target = f.text(key, null);
        if (target == null || !knownSource(f.child(key), f.node(key), target, queue)) {
            return null;
        }
        return new TrafficSpec.Into(queue ? target : null, queue ? null : target, partitionKey, poison);
    }

    /** How an entry's requests invoke their function: {@code invocation: sync} (the default) or {@code async}. */
    private static TrafficSpec.Invocation invocation(Fields f) {
        return f.choice("invocation", "sync", "sync", "async").equals("async") ? TrafficSpec.Invocation.ASYNC
                : TrafficSpec.Invocation.SYNC;
    }

    /**
     * A traffic entry that replays every row of an Azure Functions 2019 trace (or the rows it
     * lists) as its own function: the functions go to {@code functions} (their names to
     * {@code names}), their sources are returned. Each function is functionDefaults' template
     * with the row's name, its app's p99 memory (unless functionDefaults sets memorySize) and its
     * durations.
     */
    private List<TrafficSpec> bindAccount(YamlNode node, int index, Map<String, String> names, Defaults defaults,
                                          PlatformSpec platform, List<FunctionSpec> functions) {
        String path = "traffic[" + index + "]";
        Fields f = new Fields(node, path, problems, TRAFFIC_KEYS);
        if (f.has("name")) {
            problems.add(f.child("name"), f.node("name"), "an entry that replays every row gives each function's source "
                    + "the name <function>/trace; remove name:");
        }
        for (String key : new String[] {"partitionKey", "poisonRecords"}) {
            if (f.has(key)) {
                problems.add(f.child(key), f.node(key), key + " applies to messages or records sent to a queue or a stream; "
                        + "this entry calls functions");
            }
        }
        for (String pattern : PATTERNS) {
            if (!pattern.equals("trace") && f.has(pattern)) {
                problems.add(path, node, "give one arrival pattern per entry, found trace and " + pattern
                        + " (use several entries: they add up)");
            }
        }
        String at = path + ".trace";
        Fields p = new Fields(f.node("trace"), at, problems, TRACE_KEYS);
        String file = p.requiredText("file", "an invocations.csv of the Azure Functions 2019 trace");
        if (p.has("row")) {
            problems.add(p.child("row"), p.node("row"), "give row: (one row, for the entry's function) or rows:, not both");
        }
        String spread = p.choice("spread", "poisson", "poisson", "even");
        double scale = p.number("scale", 1, 0, 1e6);
        long start = p.duration("start", 0, 0, MAX_DURATION_MICROS);
        TrafficSpec.Invocation invocation = invocation(f);
        String durationsFile = p.has("durations") ? p.text("durations", null) : null;
        String memoryFile = p.has("memory") ? p.text("memory", null) : null;
        if (!p.has("durations") && !defaults.handlerHasWork() && !p.explainedAbsence("durations")) {
            problems.add(p.child("durations"), p.node("rows"), "missing: a durations.csv to draw each function's "
                    + "duration from, or a handler with a duration in functionDefaults");
        }
        TraceFiles.Table invocations = file == null ? null : table(p, "file", file, TraceFiles.Kind.INVOCATIONS);
        TraceFiles.Table durations = durationsFile == null ? null : table(p, "durations", durationsFile, TraceFiles.Kind.DURATIONS);
        TraceFiles.Table memory = memoryFile == null ? null : table(p, "memory", memoryFile, TraceFiles.Kind.MEMORY);
        if (invocations == null || durationsFile != null && durations == null || memoryFile != null && memory == null) {
            return List.of();
        }
        List<Integer> rows = selectRows(p, invocations);
        if (functions.size() + rows.size() > MAX_FUNCTIONS) {
            problems.add(p.child("rows"), p.node("rows"), rows.size() + " rows make as many functions, "
                    + (functions.size() + rows.size()) + " in all; at most " + MAX_FUNCTIONS);
            return List.of();
        }
        FunctionSpec template = defaults.template();
        List<TrafficSpec> sources = new ArrayList<>();
        List<String> capped = new ArrayList<>();
        for (int r : rows) {
            String where = file + " row " + r;
            String name;
            long[] counts;
            int memoryMb = template.memoryMb();
            HandlerSpec handler = template.handler();
            try {
                name = invocations.functionName(r);
                counts = invocations.counts(r);
            } catch (TraceFiles.TraceException e) {
                problems.add(p.child("file"), p.node("file"), e.getMessage());
                continue;
            }
            if (!name.matches(FUNCTION_NAME)) {
                problems.add(p.child("file"), p.node("file"), file + ":" + invocations.line(r) + ": HashFunction '"
                        + invocations.hash("HashFunction", r) + "' cannot name a function (fn- and letters, digits, '-' or '_')");
                continue;
            }
            String before = names.putIfAbsent(name, "made by " + path + " from row " + r);
            if (before != null) {
                problems.add(p.child("rows"), p.node("rows"), where + " becomes function '" + name + "', "
                        + (before.startsWith("functions[") ? "the name of " + before + "; rename that function"
                        : "already " + before + " (the same HashFunction); replay one of them"));
                continue;
            }
            if (memory != null) {
                try {
                    int m = memory.join(invocations, r, "HashOwner", "HashApp");
                    if (m < 0) {
                        problems.add(p.child("memory"), p.node("memory"), memoryFile + " has no row for the app of " + where
                                + " (HashOwner " + invocations.hash("HashOwner", r) + ", HashApp "
                                + invocations.hash("HashApp", r) + ")");
                        continue;
                    }
                    double p99 = memory.memoryP99(m);
                    if (!defaults.setsMemory() && platform != null) {
                        memoryMb = memoryFor(p99, platform);
                        if (p99 > memoryMb) {
                            capped.add(name);
                        }
                    }
                } catch (TraceFiles.TraceException e) {
                    problems.add(p.child("memory"), p.node("memory"), e.getMessage());
                    continue;
                }
            }
            if (durations != null) {
                try {
                    int d = durations.join(invocations, r, "HashOwner", "HashApp", "HashFunction");
                    if (d < 0) {
                        problems.add(p.child("durations"), p.node("durations"), durationsFile + " has no row for "
                                + where + " (HashFunction " + invocations.hash("HashFunction", r)
                                + ", with its HashOwner and HashApp)");
                        continue;
                    }
                    handler = new HandlerSpec(handler.threads(), handler.parallelFraction(), handler.threadOverhead(),
                            List.of(new StepSpec.Wait(durations.distribution(d))), handler.memoryUsedMb(), handler.errorRate(),
                            handler.outages());
                } catch (TraceFiles.TraceException e) {
                    problems.add(p.child("durations"), p.node("durations"), e.getMessage());
                    continue;
                }
            }
            functions.add(new FunctionSpec(name, template.runtime(), memoryMb, template.architecture(),
                    template.timeoutMicros(), template.reservedConcurrency(), template.provisioned(), template.packageSizeMb(),
                    template.coldStartMicros(), template.init(), handler, template.ephemeralStorageMb(), template.async(),
                    template.errorOnCallFailure(), template.snapStart(), template.frontDoor()));
            sources.add(new TrafficSpec(name, index, null, new TrafficSpec.Trace(counts, scale, spread.equals("even"), start,
                    where), invocation));
        }
        if (!capped.isEmpty()) {
            notes.add(path + ": the p99 allocated memory of " + capped.size() + " function" + (capped.size() == 1 ? "'s app is"
                    : "s' apps is") + " above the " + platform.preset() + " platform's maximum, so "
                    + (capped.size() == 1 ? "it gets " : "they get ") + platform.memoryMaxMb() + " MB: " + some(capped));
        }
        return sources;
    }

    /** A few names, and how many more. */
    private static String some(List<String> names) {
        int shown = Math.min(names.size(), 5);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? " and " + (names.size() - shown)
                + " more" : "");
    }

    /**
     * The memory size for an app's p99 allocated memory: rounded up to the platform's step, at
     * least its minimum and at most its maximum.
     */
    static int memoryFor(double p99Mb, PlatformSpec platform) {
        long min = platform.memoryMinMb();
        long step = platform.memoryStepMb();
        long top = min + (platform.memoryMaxMb() - min) / step * step;
        if (p99Mb <= min) {
            return (int) min;
        }
        return (int) Math.min(top, min + (long) Math.ceil((p99Mb - min) / step) * step);
    }

    /** A trace file read (once per scenario), or null after reporting at {@code key} why it cannot be. */
    private TraceFiles.Table table(Fields p, String key, String file, TraceFiles.Kind kind) {
        try {
            return switch (kind) {
                case INVOCATIONS -> traces.invocations(file);
                case DURATIONS -> traces.durations(file);
                case MEMORY -> traces.memory(file);
            };
        } catch (TraceFiles.TraceException e) {
            problems.add(p.child(key), p.node(key), e.getMessage());
            return null;
        }
    }

    /** The rows a whole-account entry replays: {@code all}, or a list of indexes from 0 and HashFunction prefixes. */
    private List<Integer> selectRows(Fields p, TraceFiles.Table invocations) {
        YamlNode node = p.node("rows");
        List<Integer> rows = new ArrayList<>();
        if (node instanceof YamlNode.Scalar s && !s.isNull && s.text.equals("all")) {
            for (int r = 0; r < invocations.size(); r++) {
                rows.add(r);
            }
            return rows;
        }
        if (!(node instanceof YamlNode.Sequence seq) || seq.items.isEmpty()) {
            problems.add(p.child("rows"), node, "expected all, or a list of rows such as [0, 3, 1779fd33] (each an index "
                    + "from 0 or the start of a HashFunction); found " + (node instanceof YamlNode.Sequence ? "an empty list"
                    : Fields.describe(node)));
            return rows;
        }
        Map<Integer, Integer> chosen = new HashMap<>();
        for (int k = 0; k < seq.items.size(); k++) {
            YamlNode item = seq.items.get(k);
            String at = p.child("rows") + "[" + k + "]";
            if (!(item instanceof YamlNode.Scalar s) || s.isNull) {
                problems.add(at, item, "expected a row: an index from 0 or the start of a HashFunction; found "
                        + Fields.describe(item));
                continue;
            }
            try {
                int r = invocations.select(s.text, "HashFunction");
                Integer before = chosen.putIfAbsent(r, k);
                if (before != null) {
                    problems.add(at, item, "row " + r + " is already chosen by rows[" + before + "]");
                } else {
                    rows.add(r);
                }
            } catch (TraceFiles.TraceException e) {
                problems.add(at, item, e.getMessage());
            }
        }
        return rows;
    }

    /** The name the entry gives its source, or null for the default one. */
    private String sourceName(Fields f) {
        if (!f.has("name")) {
            return null;
        }
        String name = f.text("name", null);
        if (name != null && !name.matches(SOURCE_NAME)) {
            problems.add(f.child("name"), f.node("name"), "'" + name + "' is not a traffic source name: 1 to 128 letters, "
                    + "digits, '-', '_', '.', '/' or '#'");
            return null;
        }
        return name;
    }

    /** What follows "no function named 'x'": a likely typo, or the names when they are few. */
    private String functionHint(String function, java.util.Collection<String> names) {
        if (problems.isFull()) {
            return ""; // not reported: no need to search thousands of names
        }
        String hint = Fields.closest(function, names);
        if (hint != null) {
            return "; did you mean '" + hint + "'?";
        }
        return names.size() <= MAX_LISTED_NAMES ? "; the functions are " + String.join(", ", names)
                : " among the " + names.size() + " functions";
    }

    /**
     * A spike's or ramp's {@code repeat:} (0 when not given): the period it recurs with until the run
     * ends, longer than the pattern itself ({@code length}, described by {@code what}) so that
     * occurrences never overlap; {@code hint} ends the message when it is not.
     */
    private long repeat(Fields p, long length, String what, String hint) {
        if (!p.has("repeat")) {
            return 0;
        }
        long repeat = p.duration("repeat", 0, 1, MAX_DURATION_MICROS);
        if (repeat > 0 && repeat <= length) {
            problems.add(p.child("repeat"), p.node("repeat"), "repeat " + Units.formatDuration(repeat)
                    + " must be longer than the " + what + ", or its occurrences would overlap" + hint);
            return 0;
        }
        return repeat;
    }

    private void checkWindow(Fields p, long start, long end) {
        if (end <= start) {
            problems.add(p.child("end"), p.node("end"), "end must come after start (" + Units.formatDuration(start) + ")");
        }
    }

    // ---------------------------------------------------------------- distributions

    /**
     * A distribution written {@code 50ms} or {@code {constant: 50ms}}, {@code {uniform: {min, max}}},
     * {@code {exponential: {mean}}}, {@code {normal: {mean, sd}}}, {@code {lognormal: {median, p99}}}
     * or {@code {lognormal: {mean, sd}}}, {@code {empirical: {p0: 2ms, p50: 4ms, p100: 450ms}}}.
     */
    DistributionSpec distribution(YamlNode node, String path, DistributionSpec.Unit unit) {
        String example = unit == DistributionSpec.Unit.DURATION ? "50ms or {lognormal: {median: 20ms, p99: 80ms}}"
                : "120 or {uniform: {min: 80, max: 120}}";
        if (node == null || node instanceof YamlNode.Scalar s && s.isNull) {
            problems.add(path, node, "missing: a distribution such as " + example);
            return null;
        }
        if (node instanceof YamlNode.Scalar) {
            double v = value(node, path, unit);
            return Double.isNaN(v) ? null : new DistributionSpec.Constant(v);
        }
        if (!(node instanceof YamlNode.Mapping m) || m.entries.size() != 1) {
            problems.add(path, node, "expected a distribution such as " + example + " (one of "
                    + String.join(", ", DISTRIBUTIONS) + ")");
            return null;
        }
        String kind = m.entries.keySet().iterator().next();
        YamlNode body = m.entries.get(kind);
        String at = path + "." + kind;
        switch (kind) {
            case "constant" -> {
                double v = value(body, at, unit);
                return Double.isNaN(v) ? null : new DistributionSpec.Constant(v);
            }
            case "uniform" -> {
                Fields f = new Fields(body, at, problems, "min", "max");
                double min = field(f, "min", unit);
                double max = field(f, "max", unit);
                if (Double.isNaN(min) || Double.isNaN(max)) {
                    return null;
                }
                if (max < min) {
                    problems.add(f.child("max"), f.node("max"), "max must not be below min");
                    return null;
                }
                return new DistributionSpec.Uniform(min, max);
            }
            case "exponential" -> {
                Fields f = new Fields(body, at, problems, "mean");
                double mean = field(f, "mean", unit);
                return Double.isNaN(mean) ? null : new DistributionSpec.Exponential(mean);
            }
            case "normal" -> {
                Fields f = new Fields(body, at, problems, "mean", "sd");
                double mean = field(f, "mean", unit);
                double sd = field(f, "sd", unit);
                return Double.isNaN(mean) || Double.isNaN(sd) ? null : new DistributionSpec.Normal(mean, sd);
            }
            case "lognormal" -> {
                Fields f = new Fields(body, at, problems, "median", "p99", "mean", "sd");
                if (f.has("median") || f.has("p99")) {
                    if (f.has("mean") || f.has("sd")) {
                        problems.add(at, body, "give median and p99, or mean and sd, not both");
                        return null;
                    }
                    double median = field(f, "median", unit);
                    double p99 = field(f, "p99", unit);
                    if (Double.isNaN(median) || Double.isNaN(p99)) {
                        return null;
                    }
                    if (median <= 0 || p99 <= median) {
                        problems.add(at, body, "needs 0 < median < p99");
                        return null;
                    }
                    return DistributionSpec.LogNormal.ofMedianP99(median, p99);
                }
                double mean = field(f, "mean", unit);
                double sd = field(f, "sd", unit);
                if (Double.isNaN(mean) || Double.isNaN(sd)) {
                    return null;
                }
                if (mean <= 0 || sd <= 0) {
                    problems.add(at, body, "needs mean > 0 and sd > 0");
                    return null;
                }
                return DistributionSpec.LogNormal.ofMeanSd(mean, sd);
            }
            case "empirical" -> {
                return empirical(body, at, unit);
            }
            case "trace" -> {
                Fields f = new Fields(body, at, problems, "file", "row");
                String file = f.requiredText("file", unit == DistributionSpec.Unit.DURATION
                        ? "a durations.csv of the Azure Functions 2019 trace" : "a memory.csv of the Azure Functions 2019 trace");
                String row = f.text("row", "0");
                if (file == null) {
                    return null;
                }
                try {
                    return unit == DistributionSpec.Unit.DURATION ? traces.durations(file, row) : traces.memory(file, row);
                } catch (TraceFiles.TraceException e) {
                    problems.add(f.child("file"), f.node("file"), e.getMessage());
                    return null;
                }
            }
            default -> {
                problems.add(at, body, "unknown distribution '" + kind + "'"
                        + hint(Fields.closest(kind, List.of(DISTRIBUTIONS)), DISTRIBUTIONS));
                return null;
            }
        }
    }

    private static String hint(String suggestion, String[] known) {
        return suggestion != null ? "; did you mean '" + suggestion + "'?" : "; expected one of " + String.join(", ", known);
    }

    private DistributionSpec empirical(YamlNode body, String at, DistributionSpec.Unit unit) {
        if (!(body instanceof YamlNode.Mapping m) || m.entries.size() < 2) {
            problems.add(at, body, "expected percentiles and values, e.g. {p0: 2ms, p50: 4ms, p99: 11ms, p100: 450ms}");
            return null;
        }
        List<double[]> points = new ArrayList<>();
        for (var e : m.entries.entrySet()) {
            String key = e.getKey().startsWith("p") ? e.getKey().substring(1) : e.getKey();
            double p = Fields.parseFiniteNumber(key);
            if (Double.isNaN(p) || p < 0 || p > 100) {
                problems.add(at + "." + e.getKey(), e.getValue(), "expected a percentile from p0 to p100");
                return null;
            }
            double v = value(e.getValue(), at + "." + e.getKey(), unit);
            if (Double.isNaN(v)) {
                return null;
            }
            points.add(new double[] {p, v});
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        if (points.get(0)[0] != 0 || points.get(points.size() - 1)[0] != 100) {
            problems.add(at, body, "the table must start at p0 (the minimum) and end at p100 (the maximum)");
            return null;
        }
        double[] ps = new double[points.size()];
        double[] vs = new double[points.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = points.get(i)[0];
            vs[i] = points.get(i)[1];
            if (i > 0 && (ps[i] == ps[i - 1] || vs[i] < vs[i - 1])) {
                problems.add(at, body, "values must not decrease as the percentile grows, and each percentile appears once");
                return null;
            }
        }
        return new DistributionSpec.Empirical(ps, vs);
    }

    private double field(Fields f, String key, DistributionSpec.Unit unit) {
        if (!f.has(key)) {
            f.missing(key, unit == DistributionSpec.Unit.DURATION ? Units.DURATION_HINT : Units.SIZE_HINT);
            return Double.NaN;
        }
        return value(f.node(key), f.child(key), unit);
    }

    /** One non-negative value in the distribution's unit (microseconds or MB), or NaN after a report. */
    private double value(YamlNode node, String path, DistributionSpec.Unit unit) {
        if (!(node instanceof YamlNode.Scalar s) || s.isNull) {
            problems.add(path, node, "expected " + (unit == DistributionSpec.Unit.DURATION ? Units.DURATION_HINT
                    : Units.SIZE_HINT) + ", found " + Fields.describe(node));
            return Double.NaN;
        }
        try {
            double v = unit == DistributionSpec.Unit.DURATION ? Units.parseDurationMicros(s.text) : Units.parseSizeMb(s.text);
            if (v < 0 || !Double.isFinite(v)) {
                problems.add(path, node, "must be zero or more");
                return Double.NaN;
            }
            if (unit == DistributionSpec.Unit.DURATION && v > MAX_DURATION_MICROS) {
                problems.add(path, node, s.text + " is above the maximum " + Units.formatDuration(MAX_DURATION_MICROS));
                return Double.NaN;
            }
            return v;
        } catch (IllegalArgumentException e) {
            boolean bare = !Double.isNaN(Fields.parseFiniteNumber(s.text)) && !s.text.trim().startsWith("-");
            problems.add(path, node, bare && unit == DistributionSpec.Unit.DURATION ? "'" + s.text + "' needs a unit, e.g. "
                    + s.text.trim() + "ms" : e.getMessage());
            return Double.NaN;
        }
    }
}
