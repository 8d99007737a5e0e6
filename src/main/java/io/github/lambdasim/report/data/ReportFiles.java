package io.github.lambdasim.report.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import io.github.lambdasim.model.SourceFigures;
import io.github.lambdasim.report.data.ReportData.Charges;
import io.github.lambdasim.report.data.ReportData.CostComponent;
import io.github.lambdasim.report.data.ReportData.Estimate;
import io.github.lambdasim.report.data.ReportData.FunctionData;
import io.github.lambdasim.report.data.ReportData.LatencyHistogram;
import io.github.lambdasim.report.data.ReportData.PeriodTable;
import io.github.lambdasim.report.data.ReportData.RunInfo;
import io.github.lambdasim.report.data.ReportData.Sample;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Reads a run's folder (summary.json, metrics.csv, report-log.txt and data/) into a
 * {@link ReportData}. Every problem is a {@link Invalid} naming the file and, where it helps,
 * the line or key.
 */
public final class ReportFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** metrics.csv columns the report draws. */
    private static final List<String> REQUIRED_COLUMNS = List.of(Metric.INVOCATIONS.column(), Metric.ERRORS.column(),
            Metric.THROTTLES.column(), Metric.COLD_STARTS.column(), Metric.LATENCY_P50_MS.column(),
            Metric.LATENCY_P99_MS.column(), Metric.LATENCY_MAX_MS.column(), Metric.CONCURRENT_EXECUTIONS.column(),
            Metric.CONCURRENCY_AVG.column(), Metric.ENVIRONMENTS_ALIVE_AVG.column(),
            Metric.PROVISIONED_CONCURRENCY.column(), Metric.COST_USD.column(), Metric.COST_REQUESTS_USD.column(),
            Metric.COST_COMPUTE_USD.column(), Metric.COST_PROVISIONED_USD.column(),
            Metric.COST_PROVISIONED_COMPUTE_USD.column(), Metric.COST_EPHEMERAL_STORAGE_USD.column());

    private ReportFiles() {
    }

    /** A folder that is not a run's folder, or a file in it that cannot be read. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    /** Reads a run's folder, with every function kept for charts. */
    public static ReportData read(Path dir) {
        return read(dir, Integer.MAX_VALUE);
    }

    /**
     * Reads a run's folder; the per-period metrics of the {@code chartsFor} costliest functions a
     * month are kept for their charts, and every function's go into the account's sums.
     */
    public static ReportData read(Path dir, int chartsFor) {
        if (!Files.isDirectory(dir)) {
            throw new Invalid(dir + ": no such folder");
        }
        if (!Files.isRegularFile(dir.resolve("summary.json"))) {
            throw new Invalid(dir + " is not the folder of a lambdasim run: it has no summary.json");
        }
        JsonNode summary = json(dir, "summary.json");
        RunInfo run = runInfo(summary);
        JsonNode histograms = json(dir, RunFiles.HISTOGRAMS);
        List<FunctionData> functions = new ArrayList<>();
        JsonNode fns = object(summary, "functions", "summary.json");
        for (Map.Entry<String, JsonNode> e : fns.properties()) {
            functions.add(function(e.getKey(), e.getValue(), histograms.path("functions").path(e.getKey())));
        }
        if (functions.isEmpty()) {
            throw new Invalid("summary.json: no functions");
        }
        JsonNode cost = object(summary, "costUsd", "summary.json");
        List<String> names = functions.stream().map(FunctionData::name).toList();
        List<String> charted = new ArrayList<>();
        List<FunctionData> byCost = new ArrayList<>(functions);
        byCost.sort(ReportData.BY_MONTHLY_COST);
        // A function no request reached has nothing to draw: no charts of it.
        byCost.removeIf(f -> f.requests() == 0);
        for (int i = 0; i < byCost.size() && i < chartsFor; i++) {
            charted.add(byCost.get(i).name());
        }
        PeriodTable periods;
        try (BufferedReader in = reader(dir, "metrics.csv")) {
            periods = metrics(in, names, new java.util.HashSet<>(charted), run.simulatedSeconds(), "metrics.csv");
        } catch (IOException e) {
            throw new Invalid(dir.resolve("metrics.csv") + ": cannot read: " + e.getMessage());
        }
        ReportData.Account account = account(summary, text(dir, RunFiles.ACCOUNT), periods);
        List<String> bill = lines(text(dir, RunFiles.BILL));
        List<String> reportLines = new ArrayList<>();
        for (String line : lines(text(dir, "report-log.txt"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                reportLines.add(line);
            }
        }
        List<Sample> samples = samples(text(dir, RunFiles.SAMPLES), functions);
        List<ReportData.EntryPointData> entryPoints = entryPoints(summary);
        // Runs that are not event-driven, and runs of earlier versions, have no traces.
        List<ReportData.Trace> traces = Files.isRegularFile(dir.resolve(RunFiles.TRACES))
                ? traces(json(dir, RunFiles.TRACES), names) : List.of();
        return new ReportData(run, functions, account, estimate(cost, "period", "summary.json: costUsd"),
                estimate(cost, "month", "summary.json: costUsd"), periods, charted, bill, reportLines, samples,
                replications(summary), entryPoints, traces, savingsPlan(summary), queues(summary, dir, periods),
                streams(summary, dir, periods));
    }

    /** summary.json's {@code savingsPlan}: absent (null) unless the scenario has one. */
    private static ReportData.SavingsPlanData savingsPlan(JsonNode summary) {
        JsonNode p = summary.path("savingsPlan");
        if (p.isMissingNode() || p.isNull()) {
            return null;
        }
        String where = "summary.json: savingsPlan";
        Map<String, BigDecimal> month = new LinkedHashMap<>();
        JsonNode m = object(p, "month", where);
        for (String key : List.of("eligibleUsd", "commitmentUsd", "usedUsd", "unusedUsd", "coveredUsd", "overflowUsd",
                "withPlanUsd", "savingUsd")) {
            month.put(key, bigDecimal(m, key, where + ".month"));
        }
        List<ReportData.PlanHour> hours = new ArrayList<>();
        JsonNode list = p.path("hours");
        if (!list.isArray()) {
            throw new Invalid(where + ".hours is missing or not a list");
        }
        for (JsonNode h : list) {
            String w = where + ".hours";
            hours.add(new ReportData.PlanHour(bigDecimal(h, "startSeconds", w).doubleValue(),
                    bigDecimal(h, "lengthSeconds", w).doubleValue(), bigDecimal(h, "eligibleUsd", w).doubleValue(),
                    bigDecimal(h, "commitmentUsd", w).doubleValue(), bigDecimal(h, "usedUsd", w).doubleValue(),
                    bigDecimal(h, "coveredUsd", w).doubleValue(), bigDecimal(h, "overflowUsd", w).doubleValue()));
        }
        return new ReportData.SavingsPlanData(bigDecimal(p, "commitmentPerHour", where), bigDecimal(p, "discount", where),
                month, hours);
    }

    /** summary.json's {@code entryPoints}: absent (empty) unless the run was event-driven. */
    private static List<ReportData.EntryPointData> entryPoints(JsonNode summary) {
        JsonNode all = summary.path("entryPoints");
        if (all.isMissingNode() || all.isNull()) {
            return List.of();
        }
        if (!all.isObject()) {
            throw new Invalid("summary.json: entryPoints is not an object");
        }
        List<ReportData.EntryPointData> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            String where = "summary.json: entryPoints." + e.getKey();
            JsonNode n = e.getValue();
            if (!n.isObject()) {
                throw new Invalid(where + " is not an object");
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            for (Figure figure : Figures.ENTRY_POINT) {
                if (figure.stored()) {
                    JsonNode v = n.at("/" + figure.path().replace('.', '/'));
                    if (!v.isNumber()) {
                        throw new Invalid(where + "." + figure.path() + " is missing or not a number");
                    }
                    figures.put(figure.path(), v.asDouble());
                }
            }
            out.add(new ReportData.EntryPointData(e.getKey(), string(n, "function", where), string(n, "invocation", where),
                    Figures.deriveEntry(figures)));
        }
        return out;
    }

    // ---------------------------------------------------------------- queues and streams

    /** summary.json's {@code queues} with queues.csv: absent (empty) unless the run had queues. */
    private static List<ReportData.QueueData> queues(JsonNode summary, Path dir, PeriodTable periods) {
        JsonNode all = summary.path("queues");
        if (all.isMissingNode() || all.isNull()) {
            return List.of();
        }
        if (!all.isObject()) {
            throw new Invalid("summary.json: queues is not an object");
        }
        List<String> names = new ArrayList<>();
        all.fieldNames().forEachRemaining(names::add);
        Map<String, Map<String, double[]>> csv = perPeriod(text(dir, RunFiles.QUEUES), RunFiles.QUEUES, List.of("queue"),
                SourceFigures.QUEUE_COLUMNS.stream().map(SourceFigures.Column::column).toList(), names, periods);
        List<ReportData.QueueData> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            String where = "summary.json: queues." + e.getKey();
            List<ReportData.ConsumerData> consumers = new ArrayList<>();
            for (Map.Entry<String, JsonNode> c : object(e.getValue(), "consumers", where).properties()) {
                consumers.add(new ReportData.ConsumerData(c.getKey(), figures(c.getValue(), SourceFigures.CONSUMER,
                        where + ".consumers." + c.getKey())));
            }
            out.add(new ReportData.QueueData(e.getKey(), figures(e.getValue(), SourceFigures.QUEUE, where), consumers,
                    csv.get(e.getKey())));
        }
        return out;
    }

    /** summary.json's {@code streams} with streams.csv and stream-shards.csv: absent (empty) unless the run had streams. */
    private static List<ReportData.StreamData> streams(JsonNode summary, Path dir, PeriodTable periods) {
        JsonNode all = summary.path("streams");
        if (all.isMissingNode() || all.isNull()) {
            return List.of();
        }
        if (!all.isObject()) {
            throw new Invalid("summary.json: streams is not an object");
        }
        List<String> names = new ArrayList<>();
        all.fieldNames().forEachRemaining(names::add);
        Map<String, Map<String, double[]>> csv = perPeriod(text(dir, RunFiles.STREAMS), RunFiles.STREAMS,
                List.of("stream"), SourceFigures.STREAM_COLUMNS.stream().map(SourceFigures.Column::column).toList(), names,
                periods);
        List<String> shardKeys = new ArrayList<>();
        List<ReportData.StreamData> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            String where = "summary.json: streams." + e.getKey();
            int shards = (int) integer(e.getValue(), "shards", where);
            if (shards < 1) {
                throw new Invalid(where + ": shards must be at least 1");
            }
            for (int k = 0; k < shards; k++) {
                shardKeys.add(e.getKey() + "," + k);
            }
        }
        Map<String, Map<String, double[]>> byShard = perPeriod(text(dir, RunFiles.SHARDS), RunFiles.SHARDS,
                List.of("stream", "shard"), List.of(SourceFigures.SHARD_COLUMN), shardKeys, periods);
        for (Map.Entry<String, JsonNode> e : all.properties()) {
            String where = "summary.json: streams." + e.getKey();
            JsonNode n = e.getValue();
            int shards = (int) integer(n, "shards", where);
            double[][] ages = new double[shards][];
            for (int k = 0; k < shards; k++) {
                ages[k] = byShard.get(e.getKey() + "," + k).get(SourceFigures.SHARD_COLUMN);
            }
            JsonNode consumer = n.path("consumer");
            out.add(new ReportData.StreamData(e.getKey(), string(n, "type", where), shards,
                    consumer.isTextual() ? consumer.asText() : null, figures(n, SourceFigures.STREAM, where),
                    csv.get(e.getKey()), ages));
        }
        return out;
    }

    /** The stored figures of {@code figures} under {@code node}, by path; each must be a number. */
    private static Map<String, Double> figures(JsonNode node, List<Figure> figures, String where) {
        if (!node.isObject()) {
            throw new Invalid(where + " is not an object");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Figure figure : figures) {
            JsonNode v = node.at("/" + figure.path().replace('.', '/'));
            if (!v.isNumber()) {
                throw new Invalid(where + "." + figure.path() + " is missing or not a number");
            }
            out.put(figure.path(), v.asDouble());
        }
        return out;
    }

    /**
     * A per-period file of event sources (queues.csv, streams.csv, stream-shards.csv): after an
     * optional {@code time}, {@code periodStartSeconds,periodSeconds}, the {@code keys} columns
     * (joined by commas they name a row's owner, one of {@code owners}) and {@code columns}, in
     * this order. Gives by owner, by column, a value per period of the run; a period without a
     * row is 0.
     */
    static Map<String, Map<String, double[]>> perPeriod(String text, String file, List<String> keys,
                                                        List<String> columns, List<String> owners, PeriodTable periods) {
        List<String> rows = lines(text);
        List<String> expected = new ArrayList<>(List.of("periodStartSeconds", "periodSeconds"));
        expected.addAll(keys);
        expected.addAll(columns);
        List<String> header = rows.isEmpty() ? List.of() : Csv.split(rows.get(0));
        int skip = !header.isEmpty() && header.get(0).equals("time") ? 1 : 0;
        if (!header.subList(Math.min(skip, header.size()), header.size()).equals(expected)) {
            throw new Invalid(file + ":1: expected the header " + (skip == 1 ? "time," : "") + String.join(",", expected));
        }
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        for (String owner : owners) {
            Map<String, double[]> byColumn = new LinkedHashMap<>();
            for (String c : columns) {
                byColumn.put(c, new double[periods.periods()]);
            }
            out.put(owner, byColumn);
        }
        for (int r = 1; r < rows.size(); r++) {
            if (rows.get(r).isEmpty()) {
                continue;
            }
            String where = file + ":" + (r + 1);
            List<String> cells = Csv.split(rows.get(r));
            if (cells.size() != header.size()) {
                throw new Invalid(where + ": " + cells.size() + " cells, the header has " + header.size());
            }
            String owner = String.join(",", cells.subList(skip + 2, skip + 2 + keys.size()));
            Map<String, double[]> byColumn = out.get(owner);
            if (byColumn == null) {
                throw new Invalid(where + ": " + String.join(" ", keys) + " '" + owner + "' is not in summary.json");
            }
            double start = number(cells.get(skip), where, "periodStartSeconds");
            int period = (int) Math.round(start / periods.periodSeconds());
            if (period < 0 || period >= periods.periods() || Math.abs(period * periods.periodSeconds() - start) > 1e-3) {
                throw new Invalid(where + ": periodStartSeconds " + cells.get(skip) + " is not the start of a period of "
                        + "metrics.csv");
            }
            for (int k = 0; k < columns.size(); k++) {
                byColumn.get(columns.get(k))[period] = number(cells.get(skip + 2 + keys.size() + k), where, columns.get(k));
            }
        }
        return out;
    }

    /** data/traces.json: the trees of requests the run followed whole, times in milliseconds. */
    static List<ReportData.Trace> traces(JsonNode root, List<String> functions) {
        String file = RunFiles.TRACES;
        JsonNode list = root.path("traces");
        if (!list.isArray()) {
            throw new Invalid(file + ": traces is missing or not a list");
        }
        List<ReportData.Trace> out = new ArrayList<>();
        for (int t = 0; t < list.size(); t++) {
            JsonNode tree = list.get(t);
            String w = file + ": traces[" + t + "]";
            JsonNode requests = tree.path("requests");
            if (!requests.isArray() || requests.isEmpty()) {
                throw new Invalid(w + ": requests is missing or empty");
            }
            List<ReportData.TraceRequest> rs = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                JsonNode r = requests.get(i);
                String rw = w + ".requests[" + i + "]";
                String function = string(r, "function", rw);
                if (!functions.contains(function)) {
                    throw new Invalid(rw + ": function '" + function + "' is not in summary.json");
                }
                int cause = (int) integer(r, "cause", rw);
                if (cause >= i || cause < -1 || (i == 0) != (cause == -1)) {
                    throw new Invalid(rw + ": cause " + cause + " is not an earlier request of the tree");
                }
                List<ReportData.TraceAttempt> attempts = new ArrayList<>();
                JsonNode as = r.path("attempts");
                if (!as.isArray()) {
                    throw new Invalid(rw + ": attempts is missing or not a list");
                }
                for (int k = 0; k < as.size(); k++) {
                    JsonNode a = as.get(k);
                    String aw = rw + ".attempts[" + k + "]";
                    attempts.add(new ReportData.TraceAttempt(decimal(a, "startMs", aw), decimal(a, "initMs", aw),
                            decimal(a, "endMs", aw), string(a, "outcome", aw)));
                }
                rs.add(new ReportData.TraceRequest(function, string(r, "kind", rw), cause, decimal(r, "arrivalMs", rw),
                        decimal(r, "endMs", rw), string(r, "outcome", rw), attempts));
            }
            out.add(new ReportData.Trace(string(tree, "entryPoint", w), string(tree, "kind", w),
                    tree.path("requestId").asText(""), (int) tree.path("omittedRequests").asLong(0), rs));
        }
        return out;
    }

    /** summary.json's {@code account.concurrency} and data/account.csv, one row per period. */
    private static ReportData.Account account(JsonNode summary, String csv, PeriodTable periods) {
        String where = "summary.json: account.concurrency";
        JsonNode c = object(object(summary, "account", "summary.json"), "concurrency", "summary.json: account");
        List<String> rows = lines(csv);
        String file = RunFiles.ACCOUNT;
        if (rows.isEmpty() || !rows.get(0).equals(RunFiles.ACCOUNT_HEADER)) {
            throw new Invalid(file + ":1: expected the header " + RunFiles.ACCOUNT_HEADER);
        }
        if (rows.size() - 1 != periods.periods()) {
            throw new Invalid(file + ": " + (rows.size() - 1) + " rows for the run's " + periods.periods() + " periods");
        }
        double[] max = new double[periods.periods()];
        double[] mean = new double[periods.periods()];
        for (int p = 0; p < max.length; p++) {
            String w = file + ":" + (p + 2);
            List<String> cells = Csv.split(rows.get(p + 1));
            if (cells.size() != 4) {
                throw new Invalid(w + ": " + cells.size() + " cells, expected 4");
            }
            max[p] = number(cells.get(2), w, "ConcurrentExecutions");
            mean[p] = number(cells.get(3), w, "ConcurrencyAvg");
        }
        return new ReportData.Account(decimal(c, "mean", where), integer(c, "max", where), max, mean);
    }

    /** summary.json's {@code replications} block, or null when the run had one replication. */
    private static ReportData.Replications replications(JsonNode summary) {
        JsonNode r = summary.path("replications");
        if (r.isMissingNode() || r.isNull()) {
            return null;
        }
        String where = "summary.json: replications";
        int count = (int) integer(r, "count", where);
        Map<String, io.github.lambdasim.stats.Estimate> figures = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : object(r, "figures", where).properties()) {
            JsonNode half = f.getValue().path("ci95");
            figures.put(f.getKey(), new io.github.lambdasim.stats.Estimate(decimal(f.getValue(), "mean",
                    where + ".figures." + f.getKey()), half.isNumber() ? half.asDouble() : Double.NaN, count));
        }
        return new ReportData.Replications(count, figures);
    }

    // ---------------------------------------------------------------- summary.json

    private static RunInfo runInfo(JsonNode s) {
        String where = "summary.json";
        JsonNode account = s.path("account").path("concurrencyLimit");
        return new RunInfo(string(s, "scenario", where), s.path("description").asText(""), integer(s, "seed", where),
                (int) s.path("replication").asLong(0), string(s, "platform", where), string(s, "region", where),
                decimal(s, "simulatedSeconds", where), account.isIntegralNumber() ? account.intValue() : null,
                decimal(object(s, "costUsd", where), "monthHours", where + ": costUsd"), start(s, where),
                s.has("warmupSeconds") ? decimal(s, "warmupSeconds", where) : 0);
    }

    /** The run's start on the clock ({@code start} and {@code timeZone}), or null when summary.json has none. */
    static java.time.ZonedDateTime start(JsonNode s, String where) {
        if (!s.has("start")) {
            return null;
        }
        try {
            java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(string(s, "start", where));
            return at.atZoneSameInstant(s.has("timeZone") ? java.time.ZoneId.of(string(s, "timeZone", where)) : at.getOffset());
        } catch (java.time.DateTimeException e) {
            throw new Invalid(where + ": start or timeZone is not a clock time and zone: " + e.getMessage());
        }
    }

    private static FunctionData function(String name, JsonNode f, JsonNode histograms) {
        String where = "summary.json: functions." + name;
        if (!f.isObject()) {
            throw new Invalid(where + " is not an object");
        }
        JsonNode reserved = f.path("reservedConcurrency");
        JsonNode cost = object(f, "costUsd", where);
        String hWhere = RunFiles.HISTOGRAMS + ": functions." + name;
        if (!histograms.isObject()) {
            throw new Invalid(hWhere + " is missing");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        boolean events = f.has("events");
        boolean frontDoor = f.has("frontDoor");
        for (Figure figure : Figures.FUNCTION) {
            if (figure.stored() && figure.appliesTo(events, frontDoor)) {
                // A billed figure is read exact, as the run had it; the bill's blocks give it in cents too.
                String at = figure.source() instanceof Figure.Billed b ? "costUsd/" + (b.month() ? "month" : "period")
                        + "/exact/total" : figure.path().replace('.', '/');
                JsonNode node = f.at("/" + at);
                String w = where + "." + figure.path();
                if (node.isMissingNode() && !figure.is(Figure.Use.TABLE) && !figure.is(Figure.Use.HEADLINE)) {
                    // A figure no table shows, absent from a folder written before it existed.
                    figures.put(figure.path(), Double.NaN);
                    continue;
                }
                if (!node.isNumber()) {
                    throw new Invalid(w + " is missing or not a number");
                }
                if (figure.unit().whole() && !node.isIntegralNumber()) {
                    throw new Invalid(w + " is not a whole number");
                }
                figures.put(figure.path(), node.asDouble());
            }
        }
        return new FunctionData(name, (int) integer(f, "memorySize", where), f.path("architecture").asText(""),
                f.path("runtime").asText(""), f.path("timeoutMs").asDouble(0),
                reserved.isIntegralNumber() ? reserved.intValue() : null, Figures.derive(figures),
                estimate(cost, "period", where + ".costUsd"), estimate(cost, "month", where + ".costUsd"),
                histogram(histograms, "warm", hWhere), histogram(histograms, "cold", hWhere));
    }


    private static Estimate estimate(JsonNode cost, String key, String where) {
        JsonNode e = object(cost, key, where);
        String w = where + "." + key;
        return new Estimate(charges(e, w), charges(object(e, "exact", w), w + ".exact"),
                bigDecimal(object(e, "freeTier", w), "savedUsd", w + ".freeTier"));
    }

    private static Charges charges(JsonNode c, String where) {
        Map<CostComponent, BigDecimal> m = new EnumMap<>(CostComponent.class);
        for (CostComponent component : CostComponent.values()) {
            // A run without a front door has no such charge, nor key.
            boolean optional = component == CostComponent.FRONT_DOOR || component == CostComponent.SNAP_START
                    || component == CostComponent.SAVINGS_PLAN;
            m.put(component, optional && !c.has(component.key()) ? BigDecimal.ZERO : bigDecimal(c, component.key(), where));
        }
        return new Charges(m, bigDecimal(c, "total", where));
    }

    private static LatencyHistogram histogram(JsonNode parent, String key, String where) {
        String encoded = parent.path(key).path("histogram").asText(null);
        if (encoded == null) {
            throw new Invalid(where + "." + key + ".histogram is missing");
        }
        Histogram h;
        try {
            h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new Invalid(where + "." + key + ".histogram is not an encoded histogram: " + e.getMessage());
        }
        List<long[]> pairs = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            pairs.add(new long[] {h.highestEquivalentValue(v.getValueIteratedTo()), v.getCountAtValueIteratedTo()});
        }
        long[] values = new long[pairs.size()];
        long[] counts = new long[pairs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = pairs.get(i)[0];
            counts[i] = pairs.get(i)[1];
        }
        return new LatencyHistogram(values, counts);
    }

    // ---------------------------------------------------------------- metrics.csv

    /**
     * metrics.csv of a run of {@code simulatedSeconds} whose functions are {@code functions}, in
     * order, read line by line; the columns of the functions in {@code keep} are kept, and every
     * function's values go into the account's sums. {@code file} names it in messages. Rows come
     * by period, then in the order of the functions; a function without a row in a period had
     * zeros in it.
     */
    public static PeriodTable metrics(BufferedReader in, List<String> functions, java.util.Set<String> keep,
                                      double simulatedSeconds, String file) throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null) {
            throw new Invalid(file + " is empty");
        }
        List<String> header = Csv.split(headerLine);
        int start = header.indexOf("periodStartSeconds");
        int length = header.indexOf("periodSeconds");
        int function = header.indexOf("function");
        // A run with a clock start also writes each period's clock time: not a metric.
        int time = header.indexOf("time");
        if (start < 0 || length < 0 || function < 0) {
            throw new Invalid(file + ":1: the header lacks periodStartSeconds, periodSeconds or function");
        }
        for (String column : REQUIRED_COLUMNS) {
            if (!header.contains(column)) {
                throw new Invalid(file + ":1: no column " + column);
            }
        }
        List<String> names = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != start && c != length && c != function && c != time) {
                names.add(header.get(c));
                at.add(c);
            }
        }
        Map<String, Integer> index = new java.util.HashMap<>();
        for (String f : functions) {
            index.put(f, index.size());
        }
        double periodSeconds = Double.NaN;
        int periods = 0;
        Map<String, double[][]> kept = new LinkedHashMap<>();
        double[][] account = null;
        int lastPeriod = -1;
        int lastFunction = -1;
        String line;
        for (int r = 2; (line = in.readLine()) != null; r++) {
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + r;
            List<String> cells = Csv.split(line);
            if (cells.size() != header.size()) {
                throw new Invalid(where + ": " + cells.size() + " cells, the header has " + header.size());
            }
            String fn = cells.get(function);
            Integer position = index.get(fn);
            if (position == null) {
                throw new Invalid(where + ": function '" + fn + "' is not in summary.json");
            }
            if (Double.isNaN(periodSeconds)) {
                periodSeconds = number(cells.get(length), where, "periodSeconds");
                if (!(periodSeconds > 0)) {
                    throw new Invalid(where + ": periodSeconds must be above 0");
                }
                periods = (int) Math.max(1, Math.ceil(simulatedSeconds / periodSeconds - 1e-9));
                account = new double[names.size()][periods];
            }
            double startSeconds = number(cells.get(start), where, "periodStartSeconds");
            int period = (int) Math.round(startSeconds / periodSeconds);
            if (period < 0 || period >= periods || Math.abs(period * periodSeconds - startSeconds) > 1e-3) {
                throw new Invalid(where + ": periodStartSeconds " + cells.get(start) + " is not the start of a "
                        + Format.period(periodSeconds) + " period of the run");
            }
            if (period < lastPeriod || period == lastPeriod && position <= lastFunction) {
                throw new Invalid(where + ": rows must come by period, then in summary.json's order of functions");
            }
            lastPeriod = period;
            lastFunction = position;
            double[][] mine = null;
            if (keep.contains(fn)) {
                int periodCount = periods;
                mine = kept.computeIfAbsent(fn, k -> new double[names.size()][periodCount]);
            }
            for (int k = 0; k < names.size(); k++) {
                String cell = cells.get(at.get(k));
                double v = cell.isEmpty() ? Double.NaN : number(cell, where, names.get(k));
                if (mine != null) {
                    mine[k][period] = v;
                }
                if (!Double.isNaN(v)) {
                    account[k][period] += v;
                }
            }
        }
        if (Double.isNaN(periodSeconds)) {
            // No function was active in any period: nothing to chart but the time scale.
            periodSeconds = PeriodSeries.defaultPeriodMicros(Math.round(simulatedSeconds * 1e6)) / 1e6;
            periods = (int) Math.max(1, Math.ceil(simulatedSeconds / periodSeconds - 1e-9));
            account = new double[names.size()][periods];
        }
        double[] starts = new double[periods];
        for (int p = 0; p < periods; p++) {
            starts[p] = p * periodSeconds;
        }
        Map<String, Map<String, double[]>> columns = new LinkedHashMap<>();
        for (String f : functions) {
            if (keep.contains(f)) {
                double[][] mine = kept.get(f);
                Map<String, double[]> byColumn = new LinkedHashMap<>();
                for (int k = 0; k < names.size(); k++) {
                    byColumn.put(names.get(k), mine != null ? mine[k] : new double[periods]);
                }
                columns.put(f, byColumn);
            }
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            sums.put(names.get(k), account[k]);
        }
        return new PeriodTable(periodSeconds, starts, columns, sums);
    }

    // ---------------------------------------------------------------- data/samples.csv

    static List<Sample> samples(String text, List<FunctionData> functions) {
        List<String> rows = lines(text);
        String file = RunFiles.SAMPLES;
        if (rows.isEmpty() || !rows.get(0).equals(RunFiles.SAMPLES_HEADER)) {
            throw new Invalid(file + ":1: expected the header " + RunFiles.SAMPLES_HEADER);
        }
        List<String> names = functions.stream().map(FunctionData::name).toList();
        List<Sample> samples = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            if (rows.get(r).isEmpty()) {
                continue;
            }
            String where = file + ":" + (r + 1);
            List<String> c = Csv.split(rows.get(r));
            if (c.size() != 10) {
                throw new Invalid(where + ": " + c.size() + " cells, expected 10");
            }
            if (!names.contains(c.get(0))) {
                throw new Invalid(where + ": function '" + c.get(0) + "' is not in summary.json");
            }
            samples.add(new Sample(c.get(0), c.get(1), number(c.get(2), where, "startSeconds"),
                    c.get(3).isEmpty() ? null : number(c.get(3), where, "initMs"), number(c.get(4), where, "durationMs"),
                    number(c.get(5), where, "billedMs"),
                    c.get(6).isEmpty() ? null : (int) number(c.get(6), where, "maxMemoryUsedMb"),
                    bool(c.get(7), where, "coldStart"), bool(c.get(8), where, "provisioned"), c.get(9)));
        }
        return samples;
    }

    // ---------------------------------------------------------------- helpers

    static BufferedReader reader(Path dir, String relative) {
        try {
            return Files.newBufferedReader(dir.resolve(relative), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Invalid(dir + ": " + relative + " is missing");
        } catch (IOException e) {
            throw new Invalid(dir.resolve(relative) + ": cannot read: " + e.getMessage());
        }
    }

    static String text(Path dir, String relative) {
        try {
            return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Invalid(dir + ": " + relative + " is missing" + (relative.startsWith("data/")
                    ? " (runs of earlier versions do not write it: run the scenario again)" : ""));
        } catch (IOException e) {
            throw new Invalid(dir.resolve(relative) + ": cannot read: " + e.getMessage());
        }
    }

    static JsonNode json(Path dir, String relative) {
        try {
            JsonNode n = MAPPER.readTree(text(dir, relative));
            if (n == null || !n.isObject()) {
                throw new Invalid(relative + ": not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new Invalid(relative + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static JsonNode object(JsonNode parent, String key, String where) {
        JsonNode n = parent.path(key);
        if (!n.isObject()) {
            throw new Invalid(where + ": " + key + " is missing or not an object");
        }
        return n;
    }

    public static String string(JsonNode parent, String key, String where) {
        JsonNode n = parent.path(key);
        if (!n.isTextual()) {
            throw new Invalid(where + ": " + key + " is missing or not text");
        }
        return n.asText();
    }

    static long integer(JsonNode parent, String key, String where) {
        JsonNode n = parent.path(key);
        if (!n.isIntegralNumber()) {
            throw new Invalid(where + ": " + key + " is missing or not a whole number");
        }
        return n.asLong();
    }

    public static JsonNode array(JsonNode parent, String key, String where) {
        JsonNode n = parent.path(key);
        if (!n.isArray()) {
            throw new Invalid(where + ": " + key + " is missing or not a list");
        }
        return n;
    }

    public static double decimal(JsonNode parent, String key, String where) {
        JsonNode n = parent.path(key);
        if (!n.isNumber()) {
            throw new Invalid(where + ": " + key + " is missing or not a number");
        }
        return n.asDouble();
    }

    private static BigDecimal bigDecimal(JsonNode parent, String key, String where) {
        JsonNode n = parent.path(key);
        if (!n.isNumber()) {
            throw new Invalid(where + ": " + key + " is missing or not a number");
        }
        return n.decimalValue();
    }

    static double number(String cell, String where, String column) {
        try {
            double v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new Invalid(where + ": " + column + " '" + cell + "' is not a number");
        }
    }

    static boolean bool(String cell, String where, String column) {
        if (cell.equals("true") || cell.equals("false")) {
            return Boolean.parseBoolean(cell);
        }
        throw new Invalid(where + ": " + column + " '" + cell + "' is not true or false");
    }

    /** Splits one line of CSV (RFC 4180 quoting). */
    static final class Csv {
        private Csv() {
        }

        static List<String> split(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            return cells;
        }
    }
}
