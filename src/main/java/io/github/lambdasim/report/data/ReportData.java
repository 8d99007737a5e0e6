package io.github.lambdasim.report.data;

import io.github.lambdasim.billing.Charge;
import io.github.lambdasim.model.Figure;
import io.github.lambdasim.model.Figures;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the report shows, as read back from a run's files by {@link ReportFiles}: the
 * run's description, each function's figures, the bill, the per-period metrics, the latency
 * histograms and the sampled invocations; for an event-driven run also its entry points
 * (summary.json's {@code entryPoints}) and the trees of requests it followed (data/traces.json).
 * Immutable, and built from files only, so {@code lambdasim report DIR} draws exactly what
 * {@code lambdasim run} drew.
 *
 * @param entryPoints the entry points of an event-driven run, empty for any other run
 * @param traces      the sampled trees of requests, empty when the run wrote none
 * @param savingsPlan the Compute Savings Plan hour by hour (summary.json's {@code savingsPlan}), or null
 * @param queues      the SQS queues (summary.json's {@code queues} and queues.csv), empty for a run without
 * @param streams     the streams (summary.json's {@code streams}, streams.csv and stream-shards.csv), empty for a run without
 */
public record ReportData(RunInfo run, List<FunctionData> functions, Account account, Estimate periodCost,
                         Estimate monthCost, PeriodTable periods, List<String> charted, List<String> billExplanation,
                         List<String> reportLines, List<Sample> samples, Replications replications,
                         List<EntryPointData> entryPoints, List<Trace> traces, SavingsPlanData savingsPlan,
                         List<QueueData> queues, List<StreamData> streams) {
    public ReportData {
        queues = List.copyOf(queues);
        streams = List.copyOf(streams);
        functions = List.copyOf(functions);
        charted = List.copyOf(charted);
        billExplanation = List.copyOf(billExplanation);
        reportLines = List.copyOf(reportLines);
        samples = List.copyOf(samples);
        entryPoints = List.copyOf(entryPoints);
        traces = List.copyOf(traces);
    }

    /**
     * A Compute Savings Plan as summary.json gives it: the commitment (USD an hour), the discount,
     * the month's totals, and each hour of the run (USD).
     */
    public record SavingsPlanData(BigDecimal commitmentPerHour, BigDecimal discount, Map<String, BigDecimal> month,
                                  List<PlanHour> hours) {
        public SavingsPlanData {
            month = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(month));
            hours = List.copyOf(hours);
        }

        /** The on-demand charges an hour's commitment covers: commitment / (1 - discount). */
        public double coverPerHour() {
            return commitmentPerHour.doubleValue() / (1 - discount.doubleValue());
        }
    }

    /** One hour of a savings plan, in USD: eligible charges at on-demand rates, covered and overflow among them. */
    public record PlanHour(double startSeconds, double lengthSeconds, double eligibleUsd, double commitmentUsd,
                           double usedUsd, double coveredUsd, double overflowUsd) {
    }

    /** Whether the run was event-driven (asynchronous events or calls between functions): it has entry points. */
    public boolean eventDriven() {
        return !entryPoints.isEmpty();
    }

    /** The sampled trees of an entry point, in the order data/traces.json gives them. */
    public List<Trace> tracesOf(String entryPoint) {
        return traces.stream().filter(t -> t.entryPoint().equals(entryPoint)).toList();
    }

    /**
     * An entry point (a traffic source) of an event-driven run: the function it invokes, how, and
     * its figures of {@link Figures#ENTRY_POINT} by path, derived ones included.
     */
    public record EntryPointData(String name, String function, String invocation, Map<String, Double> figures) {
        public EntryPointData {
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }

        /** The figure's value, or 0 when summary.json does not give it. */
        public double value(Figure figure) {
            return figures.getOrDefault(figure.path(), 0.0);
        }
    }

    /** Whether the run had SQS queues or streams. */
    public boolean hasSources() {
        return !queues.isEmpty() || !streams.isEmpty();
    }

    /**
     * An SQS queue: its figures of {@code SourceFigures.QUEUE} by path, its consumers', and its
     * columns of queues.csv by name, a value per period.
     */
    public record QueueData(String name, Map<String, Double> figures, List<ConsumerData> consumers,
                            Map<String, double[]> periods) {
        public QueueData {
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
            consumers = List.copyOf(consumers);
            periods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(periods));
        }

        /** The figure's value, or 0 when summary.json does not give it. */
        public double value(String path) {
            return figures.getOrDefault(path, 0.0);
        }

        /** A copy of one column of queues.csv, a value per period. */
        public double[] column(String name) {
            double[] v = periods.get(name);
            if (v == null) {
                throw new IllegalArgumentException("queues.csv has no column " + name);
            }
            return v.clone();
        }
    }

    /** A function consuming a queue: its figures of {@code SourceFigures.CONSUMER} by path. */
    public record ConsumerData(String function, Map<String, Double> figures) {
        public ConsumerData {
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }

        public double value(String path) {
            return figures.getOrDefault(path, 0.0);
        }
    }

    /**
     * A stream: its kind, shards and consumer (or null), its figures of {@code SourceFigures.STREAM}
     * by path, its columns of streams.csv by name (a value per period) and each shard's iterator age
     * per period ({@code shardIteratorAgeSeconds[shard][period]}, stream-shards.csv).
     */
    public record StreamData(String name, String type, int shards, String consumer, Map<String, Double> figures,
                             Map<String, double[]> periods, double[][] shardIteratorAgeSeconds) {
        public StreamData {
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
            periods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(periods));
            shardIteratorAgeSeconds = Arrays.stream(shardIteratorAgeSeconds).map(double[]::clone).toArray(double[][]::new);
        }

        public double value(String path) {
            return figures.getOrDefault(path, 0.0);
        }

        /** A copy of one column of streams.csv, a value per period. */
        public double[] column(String name) {
            double[] v = periods.get(name);
            if (v == null) {
                throw new IllegalArgumentException("streams.csv has no column " + name);
            }
            return v.clone();
        }

        /** A copy of each shard's iterator age, in seconds, per period. */
        @Override
        public double[][] shardIteratorAgeSeconds() {
            return Arrays.stream(shardIteratorAgeSeconds).map(double[]::clone).toArray(double[][]::new);
        }
    }

    /**
     * One tree of requests followed whole (data/traces.json), times in milliseconds since the
     * start of the run.
     *
     * @param kind     why it was kept: cold, warm, retried or failed
     * @param requests the root first, each after the request that caused it
     */
    public record Trace(String entryPoint, String kind, String requestId, int omittedRequests,
                       List<TraceRequest> requests) {
        public Trace {
            requests = List.copyOf(requests);
        }

        public double startMs() {
            return requests.isEmpty() ? 0 : requests.get(0).arrivalMs();
        }

        /** The last end of any of its requests. */
        public double endMs() {
            double end = startMs();
            for (TraceRequest r : requests) {
                end = Math.max(end, r.endMs());
            }
            return end;
        }
    }

    /**
     * One request of a trace.
     *
     * @param kind    sync (from traffic), call (a synchronous call) or async (an event)
     * @param cause   the index of the request that caused it, -1 for the root
     * @param outcome done, failed or dropped (or unfinished)
     */
    public record TraceRequest(String function, String kind, int cause, double arrivalMs, double endMs, String outcome,
                               List<TraceAttempt> attempts) {
        public TraceRequest {
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * One attempt of a request: throttled (start = end), or an invocation whose first
     * {@code initMs} are the init of a cold start.
     *
     * @param outcome ok, error, timeout or throttled
     */
    public record TraceAttempt(double startMs, double initMs, double endMs, String outcome) {
    }

    /** The costliest a month first, as the bill states it (in cents), then by the exact amount; ties keep their order. */
    public static final java.util.Comparator<FunctionData> BY_MONTHLY_COST = java.util.Comparator
            .comparing((FunctionData f) -> f.monthCost().costUsd().total())
            .thenComparing(f -> f.monthCost().exactUsd().total()).reversed();

    /** The functions, the costliest a month first (ties in the scenario's order). */
    public List<FunctionData> byMonthlyCost() {
        List<FunctionData> sorted = new java.util.ArrayList<>(functions);
        sorted.sort(BY_MONTHLY_COST);
        return sorted;
    }

    /** The functions drawn one chart each, the costliest first. */
    public List<FunctionData> chartedFunctions() {
        List<FunctionData> out = new java.util.ArrayList<>();
        for (FunctionData f : byMonthlyCost()) {
            if (charted.contains(f.name())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The account as a whole: its concurrency over the run (summary.json's {@code account}) and
     * per period (data/account.csv), the peak and the time-weighted mean of requests in flight.
     */
    public record Account(double concurrencyMean, long concurrencyMax, double[] periodConcurrencyMax,
                          double[] periodConcurrencyAvg) {
        public Account {
            periodConcurrencyMax = periodConcurrencyMax.clone();
            periodConcurrencyAvg = periodConcurrencyAvg.clone();
        }

        @Override
        public double[] periodConcurrencyMax() {
            return periodConcurrencyMax.clone();
        }

        @Override
        public double[] periodConcurrencyAvg() {
            return periodConcurrencyAvg.clone();
        }
    }

    /**
     * The key figures across replications, when the run had more than one (summary.json's
     * {@code replications} block): each figure's mean and 95% confidence half-width, by name.
     */
    public record Replications(int count, Map<String, io.github.lambdasim.stats.Estimate> figures) {
        public Replications {
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }

        /** The estimate of a figure, or null when summary.json does not give it. */
        public io.github.lambdasim.stats.Estimate get(String figure) {
            return figures.get(figure);
        }
    }


    /**
     * What was run.
     *
     * @param accountConcurrencyLimit the account's concurrency limit, or null when the file does not say
     * @param start                   the clock time the run started at, in the scenario's time zone, or
     *                                null when the scenario set none (time since the start)
     * @param warmupSeconds           the warm-up simulated before what was measured; 0 when none
     */
    public record RunInfo(String scenario, String description, long seed, int replication, String platform,
                          String region, double simulatedSeconds, Integer accountConcurrencyLimit, double monthHours,
                          java.time.ZonedDateTime start, double warmupSeconds) {
    }

    /** The components of a bill, in the order the bill lists them. */
    public enum CostComponent {
        REQUESTS(Charge.REQUESTS, "CostRequestsUsd"),
        COMPUTE(Charge.COMPUTE, "CostComputeUsd"),
        PROVISIONED(Charge.PROVISIONED, "CostProvisionedUsd"),
        PROVISIONED_COMPUTE(Charge.PROVISIONED_COMPUTE, "CostProvisionedComputeUsd"),
        EPHEMERAL_STORAGE(Charge.EPHEMERAL_STORAGE, "CostEphemeralStorageUsd"),
        /** API Gateway (or another front door): absent from runs without one; no column, its share is in CostUsd. */
        FRONT_DOOR(Charge.FRONT_DOOR, null),
        /** SnapStart's cache and restores (Python, .NET): absent without them; no column, its share is in CostUsd. */
        SNAP_START(Charge.SNAP_START, null),
        /** A Compute Savings Plan's commitment less what it covered (negative when it saves); absent without one. */
        SAVINGS_PLAN(Charge.SAVINGS_PLAN, null);

        private final Charge charge;
        private final String column;

        CostComponent(Charge charge, String column) {
            this.charge = charge;
            this.column = column;
        }

        /** The key in summary.json's costUsd blocks. */
        public String key() {
            return charge.key();
        }

        public String label() {
            return charge.title();
        }

        /** The column of metrics.csv holding the component's share of each period, or null (the front door). */
        public String column() {
            return column;
        }
    }

    /** Charges in USD by component, and their total. */
    public record Charges(Map<CostComponent, BigDecimal> components, BigDecimal total) {
        public Charges {
            components = Map.copyOf(components);
            for (CostComponent c : CostComponent.values()) {
                Objects.requireNonNull(components.get(c), c.key());
            }
            Objects.requireNonNull(total);
        }

        public BigDecimal get(CostComponent c) {
            return components.get(c);
        }
    }

    /** One estimate of summary.json's costUsd: charges in cents as AWS states them, exact, and the free tier's saving. */
    public record Estimate(Charges costUsd, Charges exactUsd, BigDecimal freeTierSavedUsd) {
    }

    /** Count, mean, percentiles and maximum in milliseconds, as summary.json gives them. */
    public record Distribution(long count, double mean, double p50, double p90, double p99, double max) {
    }

    /**
     * One function: its configuration and its figures from summary.json (every figure of the
     * registry, by path, derived ones included), its bill, and its latency histograms.
     *
     * @param reservedConcurrency reserved concurrency, or null when the function has none
     * @param figures             the figures of {@link Figures#FUNCTION} by path
     */
    public record FunctionData(String name, int memoryMb, String architecture, String runtime, double timeoutMs,
                               Integer reservedConcurrency, Map<String, Double> figures, Estimate periodCost,
                               Estimate monthCost, LatencyHistogram latencyWarm, LatencyHistogram latencyCold) {
        public FunctionData {
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }

        /** The figure's value, or 0 when summary.json does not give it. */
        public double value(Figure figure) {
            return figures.getOrDefault(figure.path(), 0.0);
        }

        private long count(Figure figure) {
            return Math.round(value(figure));
        }

        public int provisionedConcurrency() {
            return (int) count(Figures.PROVISIONED_LEVEL_MAX);
        }

        public long requests() {
            return count(Figures.REQUESTS);
        }

        public long invocations() {
            return count(Figures.INVOCATIONS);
        }

        public long throttles() {
            return count(Figures.THROTTLES);
        }

        public long errors() {
            return count(Figures.ERRORS);
        }

        public long timeouts() {
            return count(Figures.TIMEOUTS);
        }

        public long coldStarts() {
            return count(Figures.COLD_STARTS);
        }

        public long inFlightAtEnd() {
            return count(Figures.IN_FLIGHT_AT_END);
        }

        public Distribution latencyMs() {
            return distribution(Figures.LATENCY_COUNT);
        }

        public Distribution durationMs() {
            return distribution(Figures.DURATION_COUNT);
        }

        public Distribution initDurationMs() {
            return distribution(Figures.INIT_COUNT);
        }

        /** The distribution whose count figure is {@code count} ({@code latencyMs.count}: its siblings mean, p50, ...). */
        private Distribution distribution(Figure count) {
            String p = count.path().substring(0, count.path().lastIndexOf('.') + 1);
            return new Distribution(count(count), figures.getOrDefault(p + "mean", 0.0), figures.getOrDefault(p + "p50", 0.0),
                    figures.getOrDefault(p + "p90", 0.0), figures.getOrDefault(p + "p99", 0.0),
                    figures.getOrDefault(p + "max", 0.0));
        }

        public double concurrencyMean() {
            return value(Figures.CONCURRENCY_MEAN);
        }

        public long concurrencyMax() {
            return count(Figures.CONCURRENCY_MAX);
        }

        public long environmentsCreated() {
            return count(Figures.ENVIRONMENTS_CREATED);
        }

        public double environmentsMeanAlive() {
            return value(Figures.ENVIRONMENTS_MEAN_ALIVE);
        }

        public double gbSeconds() {
            return value(Figures.GB_SECONDS);
        }

        /** Asynchronous events received; 0 for a function without events. */
        public long eventsReceived() {
            return count(Figures.ASYNC_RECEIVED);
        }

        public long eventsDropped() {
            return count(Figures.ASYNC_DROPPED);
        }

        public long eventRetries() {
            return count(Figures.ASYNC_RETRIES);
        }

        public double eventsWaitingMean() {
            return value(Figures.ASYNC_WAITING_MEAN);
        }

        public long eventsWaitingMax() {
            return count(Figures.ASYNC_WAITING_MAX);
        }

        /** The oldest event when an attempt started, in milliseconds. */
        public double eventAgeMaxMs() {
            return value(Figures.ASYNC_AGE_MAX);
        }
    }

    /**
     * A latency histogram as distinct recorded values (microseconds, ascending) and their counts.
     * Each value stands for HdrHistogram's bucket of values equivalent to it (3 significant digits).
     */
    public static final class LatencyHistogram {
        private final long[] valuesMicros;
        private final long[] counts;
        private final long total;

        public LatencyHistogram(long[] valuesMicros, long[] counts) {
            if (valuesMicros.length != counts.length) {
                throw new IllegalArgumentException("values and counts differ in length");
            }
            this.valuesMicros = valuesMicros.clone();
            this.counts = counts.clone();
            long t = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0 || (i > 0 && valuesMicros[i] <= valuesMicros[i - 1])) {
                    throw new IllegalArgumentException("values must ascend and counts be positive");
                }
                t += counts[i];
            }
            this.total = t;
        }

        public int size() {
            return valuesMicros.length;
        }

        public long valueMicros(int i) {
            return valuesMicros[i];
        }

        public long count(int i) {
            return counts[i];
        }

        public long totalCount() {
            return total;
        }

        /**
         * The smallest recorded value at or below which {@code percentile} (0..100) of the count lies,
         * or 0 for an empty histogram.
         */
        public long percentileMicros(double percentile) {
            if (total == 0) {
                return 0;
            }
            double wanted = Math.max(1, Math.ceil(percentile / 100 * total));
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= wanted) {
                    return valuesMicros[i];
                }
            }
            return valuesMicros[valuesMicros.length - 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LatencyHistogram h && Arrays.equals(valuesMicros, h.valuesMicros)
                    && Arrays.equals(counts, h.counts);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(valuesMicros) + Arrays.hashCode(counts);
        }
    }

    /**
     * One sampled invocation of data/samples.csv.
     *
     * @param startSeconds when the handler started (after init on a cold start)
     * @param initMs       init duration, or null on a warm start
     * @param maxMemoryUsedMb Max Memory Used, or null when not modelled
     */
    public record Sample(String function, String requestId, double startSeconds, Double initMs, double durationMs,
                         double billedMs, Integer maxMemoryUsedMb, boolean coldStart, boolean provisioned,
                         String status) {
        public boolean cold() {
            return coldStart;
        }
    }

    /**
     * metrics.csv: each column's values per period, for the functions kept (those drawn one chart
     * each), and each column summed over every function (the account's Invocations, Throttles,
     * CostUsd, ...; sums of per-function peaks are not the account's peak, which {@link Account}
     * gives).
     */
    public static final class PeriodTable {
        private final double periodSeconds;
        private final double[] startSeconds;
        private final Map<String, Map<String, double[]>> columns;
        private final Map<String, double[]> account;

        /**
         * @param columns by function, by column name, the values per period (each as long as
         *                {@code startSeconds})
         * @param account by column name, the values summed over every function
         */
        public PeriodTable(double periodSeconds, double[] startSeconds, Map<String, Map<String, double[]>> columns,
                           Map<String, double[]> account) {
            this.periodSeconds = periodSeconds;
            this.startSeconds = startSeconds.clone();
            Map<String, Map<String, double[]>> copy = new LinkedHashMap<>();
            columns.forEach((f, byColumn) -> copy.put(f, copy(f, byColumn, startSeconds.length)));
            this.columns = copy;
            this.account = copy("the account", account, startSeconds.length);
        }

        private static Map<String, double[]> copy(String who, Map<String, double[]> byColumn, int periods) {
            Map<String, double[]> c = new LinkedHashMap<>();
            byColumn.forEach((name, values) -> {
                if (values.length != periods) {
                    throw new IllegalArgumentException(who + "." + name + ": " + values.length + " values for " + periods
                            + " periods");
                }
                c.put(name, values.clone());
            });
            return c;
        }

        public double periodSeconds() {
            return periodSeconds;
        }

        public int periods() {
            return startSeconds.length;
        }

        public double startSeconds(int period) {
            return startSeconds[period];
        }

        /** The middle of each period, in seconds: where a chart puts the period's value. */
        public double[] midSeconds() {
            double[] m = new double[startSeconds.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = startSeconds[i] + periodSeconds / 2;
            }
            return m;
        }

        public boolean has(String function, String column) {
            return columns.containsKey(function) && columns.get(function).containsKey(column);
        }

        /** A copy of one column's values for one function. */
        public double[] values(String function, String column) {
            Map<String, double[]> byColumn = columns.get(function);
            if (byColumn == null || !byColumn.containsKey(column)) {
                throw new IllegalArgumentException("metrics.csv has no column " + column + " for " + function);
            }
            return byColumn.get(column).clone();
        }

        /** A copy of one column summed over every function, per period. */
        public double[] accountValues(String column) {
            double[] v = account.get(column);
            if (v == null) {
                throw new IllegalArgumentException("metrics.csv has no column " + column);
            }
            return v.clone();
        }
    }
}
