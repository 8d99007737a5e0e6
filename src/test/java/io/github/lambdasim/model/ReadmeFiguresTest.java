package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README.md quotes what the tool says: each figure of the bundled scenarios' table and of the
 * launch-day table is computed here from a run of the scenario as bundled (same seed, full
 * length) and written the way the README writes it; the README must contain it word for word.
 * A change that moves a figure fails here until the README says the new one.
 *
 * <p>The scenarios that take seconds run in every build; the long ones (tens of millions of
 * requests) run with {@code -Dlambdasim.readme=all}:
 * {@code mvn -B test -Dtest=ReadmeFiguresTest -Dlambdasim.readme=all}.
 */
class ReadmeFiguresTest {
    private static final boolean ALL = "all".equals(System.getProperty("lambdasim.readme"));
    private static String readme;
    private static final java.util.Map<String, RunResult> RUNS = new java.util.HashMap<>();

    /** A fragment of README.md, computed from runs of one scenario or more. */
    record Claim(String name, boolean long_, Function<List<RunResult>, String> fragment, String[]... runs) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Each run: the scenario file, then its {@code --set} overrides. */
    private static String[] run(String file, String... overrides) {
        String[] r = new String[overrides.length + 1];
        r[0] = file;
        System.arraycopy(overrides, 0, r, 1, overrides.length);
        return r;
    }

    static Stream<Claim> claims() {
        List<Claim> c = new ArrayList<>();
        c.add(new Claim("quickstart", false, rs -> {
            FunctionResult f = only(rs.get(0));
            return Format.count(f.requests()) + " requests, " + Format.count(f.coldStarts()) + " cold starts ("
                    + Format.percent(f.coldStarts(), f.invocations()) + "), latency p50 " + Format.ms(f.latencyMs().p50())
                    + " / p99 " + Format.ms(f.latencyMs().p99()) + ", " + month(rs.get(0)) + " a month";
        }, run("quickstart")));
        c.add(new Claim("quickstart's warm-up", false, rs -> {
            FunctionResult warm = only(rs.get(0));
            FunctionResult cold = only(rs.get(1));
            return warm.environmentsAliveAtStart() + " environments alive, " + Format.count(warm.coldStarts())
                    + " cold starts instead of " + Format.count(cold.coldStarts()) + ", "
                    + Format.count((long) rs.get(0).series().get(0, Metric.COLD_STARTS, 0)) + " in its first minute instead of "
                    + Format.count((long) rs.get(1).series().get(0, Metric.COLD_STARTS, 0)) + ";";
        }, run("quickstart"), run("quickstart", "warmup=0s")));
        c.add(new Claim("launch-day-none's warm-up", true, rs -> {
            PeriodSeries warm = rs.get(0).series();
            PeriodSeries cold = rs.get(1).series();
            return "launch-day-none's first minute, " + Format.count((long) cold.get(0, Metric.COLD_STARTS, 0))
                    + " cold starts and a p99 of " + Format.ms(cold.get(0, Metric.LATENCY_P99_MS, 0)) + ";\nafter the warm-up, "
                    + Format.count((long) warm.get(0, Metric.COLD_STARTS, 0)) + " cold starts and a p99 of "
                    + Format.ms(warm.get(0, Metric.LATENCY_P99_MS, 0)) + ".";
        }, run("launch-day-none"), run("launch-day-none", "warmup=0s")));
        c.add(new Claim("launch-spike", false, rs -> {
            FunctionResult f = only(rs.get(0));
            return Format.percent(f.throttles(), f.requests()) + " of requests throttled (" + Format.count(f.throttles())
                    + " of " + Format.count(f.requests()) + ")";
        }, run("launch-spike")));
        c.add(new Claim("rarely-called", false, rs -> {
            FunctionResult f = only(rs.get(0));
            return Format.percent(f.coldStarts(), f.invocations()) + " cold; latency p50 " + Format.ms(f.latencyMs().p50())
                    + " against " + Format.ms(f.durationMs().p50()) + " of work";
        }, run("rarely-called")));
        c.add(new Claim("memory-hashing", false, rs -> {
            RunResult r = rs.get(0);
            FunctionResult small = function(r, "hash-1thread-128mb");
            FunctionResult vcpu = function(r, "hash-1thread-1792mb");
            FunctionResult big = function(r, "hash-1thread-3008mb");
            BigDecimal bigCost = monthOf(r, "hash-1thread-3008mb");
            BigDecimal vcpuCost = monthOf(r, "hash-1thread-1792mb");
            return "one goroutine: " + Format.ms(small.latencyMs().p50()) + " at 128 MB down to "
                    + Format.ms(vcpu.latencyMs().p50()) + " at 1,792 MB and " + Format.ms(big.latencyMs().p50())
                    + " at 3,008 MB, which costs " + Format.percent(bigCost.subtract(vcpuCost).doubleValue(),
                    vcpuCost.doubleValue()) + " more (" + Format.usd(bigCost) + " against " + Format.usd(vcpuCost)
                    + " a month); two goroutines: " + Format.ms(function(r, "hash-2threads-3008mb").latencyMs().p50())
                    + " at 3,008 MB";
        }, run("memory-hashing")));
        c.add(new Claim("io-modes", false, rs -> {
            RunResult r = rs.get(0);
            return "p50 " + Format.ms(function(r, "sequential-puts").latencyMs().p50()) + " sequential, "
                    + Format.ms(function(r, "parallel-puts").latencyMs().p50()) + " parallel, "
                    + Format.ms(function(r, "batch-write").latencyMs().p50()) + " batch; "
                    + Format.usd(monthOf(r, "sequential-puts")) + " against " + Format.usd(monthOf(r, "parallel-puts"))
                    + " and " + Format.usd(monthOf(r, "batch-write")) + " a month";
        }, run("io-modes")));
        c.add(new Claim("db-connect", false, rs -> "p50 " + Format.ms(only(rs.get(0)).latencyMs().p50()) + " against "
                + Format.ms(only(rs.get(1)).latencyMs().p50()) + ", " + month(rs.get(0)) + " against " + month(rs.get(1))
                + " a month", run("db-connect-in-handler"), run("db-connect-in-init")));
        c.add(new Claim("azure-account", false, ReadmeFiguresTest::azureAccount, run("azure-account")));
        c.add(new Claim("glue-vs-monolith", false, rs -> {
            EntryPointResult mono = entry(rs.get(0), "orders");
            EntryPointResult glue = entry(rs.get(1), "orders");
            return "the caller waits " + Format.ms(mono.responseMs().p50()) + " (p99 " + Format.ms(mono.responseMs().p99())
                    + ") for the monolith and " + Format.ms(glue.responseMs().p50()) + " (p99 "
                    + Format.ms(glue.responseMs().p99()) + ") for the glue; the order is done after "
                    + Format.ms(glue.endToEndMs().p50()) + " (p99 " + Format.ms(glue.endToEndMs().p99()) + ") against "
                    + Format.ms(mono.endToEndMs().p50()) + "; " + month(rs.get(1)) + " against " + month(rs.get(0))
                    + " a month";
        }, run("orders-monolith"), run("orders-glue")));
        c.add(new Claim("glue-vs-monolith-detail", false, rs -> {
            EntryPointResult mono = entry(rs.get(0), "orders");
            EntryPointResult glue = entry(rs.get(1), "orders");
            return "`api` alone costs " + month(rs.get(0), "api") + " a month as the monolith, " + month(rs.get(1), "api")
                    + " as glue; " + Format.count(mono.failed()) + " orders failed in the monolith, "
                    + Format.count(glue.failed()) + " in the glue (" + Format.count(glue.retries()) + " retries); "
                    + Format.count(mono.coldTrees()) + " and " + Format.count(glue.coldTrees()) + " orders met a cold start";
        }, run("orders-monolith"), run("orders-glue")));
        c.add(new Claim("glue-vs-monolith-ratios", false, rs -> {
            EntryPointResult mono = entry(rs.get(0), "orders");
            EntryPointResult glue = entry(rs.get(1), "orders");
            BigDecimal monoCost = rs.get(0).bill().month().costUsd().total();
            BigDecimal glueCost = rs.get(1).bill().month().costUsd().total();
            return "The glue answers " + Math.round(mono.responseMs().p50() / glue.responseMs().p50())
                    + " times sooner, finishes the order " + Format.ms(glue.endToEndMs().p50() - mono.endToEndMs().p50())
                    + " later (three trips through Lambda's event queue) and costs "
                    + Format.percent(monoCost.subtract(glueCost).doubleValue(), monoCost.doubleValue()) + " less";
        }, run("orders-monolith"), run("orders-glue")));
        c.add(new Claim("s3-thumbnails-drain", false, rs -> {
            return "Called synchronously\n(`--set traffic.upload.invocation=sync`), "
                    + Format.percent(only(rs.get(1)).throttles(), only(rs.get(1)).requests())
                    + " of the uploads would be throttled and lost; Lambda keeps asynchronous events in the function's "
                    + "queue instead";
        }, run("s3-thumbnails"), run("s3-thumbnails", "traffic.upload.invocation=sync")));
        c.add(new Claim("s3-thumbnails-minutes", false, rs -> {
            FunctionResult f = only(rs.get(0));
            double workMinutes = f.durationMs().mean() * f.invocations() / 50 / 60_000;
            return "The work itself needs " + Math.round(workMinutes) + " minutes of the 50 environments; the last "
                    + "thumbnail comes after " + Math.round(f.events().asyncEventLatencyMs().max() / 60_000) + ", because";
        }, run("s3-thumbnails")));
        c.add(new Claim("s3-thumbnails-no-jitter", false, rs -> "on `s3-thumbnails` leaves "
                + Format.count(only(rs.get(0)).events().requestsUnfinished()) + " images waiting when its 45 minutes end, "
                + "against the last\nthumbnail at " + Math.round(only(rs.get(1)).events().asyncEventLatencyMs().max() / 60_000)
                + " minutes with it", run("s3-thumbnails", "platform.events.throttleBackoff.jitter=0"), run("s3-thumbnails")));
        c.add(new Claim("retry-storm-cost", false, rs -> {
            FunctionResult none = only(rs.get(0));
            FunctionResult two = only(rs.get(1));
            BigDecimal extra = rs.get(1).bill().period().costUsd().total().subtract(rs.get(0).bill().period().costUsd()
                    .total());
            return "Two retries cost " + Format.count(two.invocations() - none.invocations()) + " extra invocations ("
                    + Format.percent(two.invocations() - none.invocations(), none.invocations()) + " more) and "
                    + Format.usd(extra) + " for the hour; they save "
                    + Format.count(none.events().asyncEventsDropped() - two.events().asyncEventsDropped()) + " of the "
                    + Format.count(none.events().asyncEventsDropped()) + " events";
        }, run("retry-storm", "functions.process-order.async.maximumRetryAttempts=0"), run("retry-storm")));
        c.add(new Claim("s3-thumbnails", false, rs -> {
            FunctionResult f = only(rs.get(0));
            FunctionEvents e = f.events();
            FunctionEvents hour = only(rs.get(1)).events();
            FunctionEvents tenMinutes = only(rs.get(2)).events();
            return Format.count(e.asyncEventsReceived()) + " uploads, " + Format.count(e.asyncEventsDropped())
                    + " lost; the last thumbnail " + Format.ms(e.asyncEventLatencyMs().max()) + " after its upload (p50 "
                    + Format.ms(e.asyncEventLatencyMs().p50()) + "), " + Format.count(f.throttles())
                    + " throttled attempts on the way, " + Format.usd(rs.get(0).bill().period().costUsd().total())
                    + " for the import; with `maximumEventAge: 1h` " + Format.count(hour.asyncEventsDropped())
                    + " lost, with `10m` " + Format.count(tenMinutes.asyncEventsDropped());
        }, run("s3-thumbnails"), run("s3-thumbnails", "functions.thumbnail.async.maximumEventAge=1h"),
                run("s3-thumbnails", "functions.thumbnail.async.maximumEventAge=10m")));
        c.add(new Claim("retry-storm", false, rs -> {
            StringBuilder b = new StringBuilder("| retries | invocations | events dropped | cost of the hour |\n|---|---|---|---|\n");
            for (int r = 0; r < rs.size(); r++) {
                FunctionResult f = only(rs.get(r));
                b.append("| ").append(r).append(" | ").append(Format.count(f.invocations())).append(" | ")
                        .append(Format.count(f.events().asyncEventsDropped())).append(" (")
                        .append(Format.percent(f.events().asyncEventsDropped(), f.events().asyncEventsReceived()))
                        .append(") | ").append(Format.usd(rs.get(r).bill().period().costUsd().total())).append(" |\n");
            }
            return b.toString();
        }, run("retry-storm", "functions.process-order.async.maximumRetryAttempts=0"),
                run("retry-storm", "functions.process-order.async.maximumRetryAttempts=1"), run("retry-storm")));
        c.add(new Claim("queue-buffer", true, rs -> {
            QueueResult q = rs.get(0).queues().get(0);
            QueueResult.Consumer c0 = q.consumers().get(0);
            QueueResult capped = rs.get(1).queues().get(0);
            return "nothing is lost: " + Format.count(q.sent()) + " orders sent, " + Format.count(q.deleted())
                    + " processed, " + Format.count(c0.throttled()) + " batches throttled (their messages came back after "
                    + "the visibility timeout). The backlog peaks at " + Format.count(q.visibleMax()) + " messages, the "
                    + "oldest waiting " + Format.seconds(q.oldestAgeMaxSeconds()) + "; half the orders are done within "
                    + Format.seconds(c0.endToEndMs().p50() / 1000) + " of being sent, 1% wait more than "
                    + Format.seconds(c0.endToEndMs().p99() / 1000) + ". With `maximumConcurrency: 200` the backlog peaks at "
                    + Format.count(capped.visibleMax()) + ", the oldest message waits " + Format.seconds(capped.oldestAgeMaxSeconds())
                    + " and " + Format.count(capped.visibleAtEnd() + capped.inFlightAtEnd()) + " orders are still queued "
                    + "when the six hours end";
        }, run("queue-buffer"), run("queue-buffer", "functions.checkout-worker.eventSource.maximumConcurrency=200")));
        c.add(new Claim("batch-size", true, rs -> {
            StringBuilder table = new StringBuilder();
            int[] sizes = {1, 10, 100, 1000};
            for (int i = 0; i < sizes.length; i++) {
                QueueResult.Consumer c0 = rs.get(i).queues().get(0).consumers().get(0);
                table.append("| ").append(Format.count(sizes[i])).append(" | ").append(Format.count(c0.batches()))
                        .append(" | ").append(Format.number(c0.recordsPerBatch(), 1)).append(" | ")
                        .append(Format.ms(c0.endToEndMs().p50())).append(" | ").append(Format.ms(c0.endToEndMs().p99()))
                        .append(" | ").append(Format.usd(BigDecimal.valueOf(c0.costPerMillionMessagesUsd())))
                        .append(" | ").append(month(rs.get(i))).append(" |\n");
            }
            return table.toString();
        }, run("batch-size", "functions.store.eventSource.batchSize=1"), run("batch-size"),
                run("batch-size", "functions.store.eventSource.batchSize=100"),
                run("batch-size", "functions.store.eventSource.batchSize=1000")));
        c.add(new Claim("poison-pill", true, rs -> {
            StreamResult none = rs.get(0).streams().get(0);
            StreamResult retries = rs.get(1).streams().get(0);
            StreamResult bisect = rs.get(2).streams().get(0);
            return "With the defaults each shard stops at its first bad record: the iterator age reaches "
                    + Format.seconds(none.iteratorAgeMaxSeconds()) + ", " + Format.count(none.remainingAtEnd())
                    + " of the " + Format.count(none.recordsIn()) + " records are still waiting when the three hours end, and "
                    + "the shards spent " + Format.seconds(none.blockedSeconds()) + " blocked between them. With "
                    + "`maximumRetryAttempts: 2` each bad record's batch is tried three times and dropped: "
                    + Format.count(retries.discarded()) + " records lost for the bad ones among them, the iterator age at most "
                    + Format.seconds(retries.iteratorAgeMaxSeconds()) + ". Splitting the failing batch as well "
                    + "(`bisectBatchOnFunctionError: true`) loses only " + Format.count(bisect.discarded())
                    + " records, the bad ones, for an iterator age of at most " + Format.seconds(bisect.iteratorAgeMaxSeconds())
                    + " while the splits are retried";
        }, run("poison-pill"), run("poison-pill", "functions.enricher.eventSource.maximumRetryAttempts=2"),
                run("poison-pill", "functions.enricher.eventSource.maximumRetryAttempts=2",
                        "functions.enricher.eventSource.bisectBatchOnFunctionError=true")));
        c.add(new Claim("arm-vs-x86", true, rs -> month(rs.get(0), "thumbnail-x86") + " against "
                + month(rs.get(0), "thumbnail-arm") + " a month; with `--set 'platform={preset: \"2019\", "
                + "allowAnachronisms: true}'` (100 ms rounding) " + month(rs.get(1)) + " in all instead of "
                + month(rs.get(0)), run("arm-vs-x86"),
                // arm64 came in Sept 2021: the 2019 platform refuses it unless anachronisms are allowed.
                run("arm-vs-x86", "platform={preset: \"2019\", allowAnachronisms: true}")));
        c.add(new Claim("azure-replay", true, rs -> {
            FunctionResult f = only(rs.get(0));
            return month(rs.get(0)) + " a month, " + Format.count(f.coldStarts()) + " cold starts, "
                    + Format.number(f.concurrencyMean(), 1) + " environments busy on average";
        }, run("azure-replay")));
        for (String[] day : new String[][] {{"launch-day-none", "none"}, {"launch-day-fixed", "80 all day"},
            {"launch-day-schedule", "80 from 11:50 to 20:00"}, {"launch-day-autoscaling", "auto scaling 5..120 at 0.7"}}) {
            c.add(new Claim(day[0], true, rs -> {
                RunResult r = rs.get(0);
                FunctionResult f = only(r);
                double spike = r.series().get(0, Metric.LATENCY_P99_MS, (int) (43_200_000_000L / r.series().periodMicros()));
                return "| " + day[1] + " (`" + day[0] + "`) | " + Format.count(f.coldStarts()) + " | "
                        + Format.ms(f.latencyMs().p99()) + " | " + Format.ms(spike) + " | " + month(r) + " |";
            }, run(day[0])));
        }
        return c.stream();
    }

    /** The whole account: its bill, what costs most, how much is cold, what throttles. */
    private static String azureAccount(List<RunResult> rs) {
        RunResult r = rs.get(0);
        List<Integer> order = new ArrayList<>();
        long invocations = 0;
        long cold = 0;
        long requests = 0;
        long throttles = 0;
        long rareInvocations = 0;
        long rareCold = 0;
        int rare = 0;
        for (int i = 0; i < r.functions().size(); i++) {
            FunctionResult f = r.functions().get(i);
            order.add(i);
            invocations += f.invocations();
            cold += f.coldStarts();
            requests += f.requests();
            throttles += f.throttles();
            if (f.requests() < 1000) {
                rare++;
                rareInvocations += f.invocations();
                rareCold += f.coldStarts();
            }
        }
        order.sort(Comparator.comparing((Integer i) -> r.bill().functions().get(i).month().costUsd().total()).reversed());
        int top = order.get(0);
        FunctionResult costliest = r.functions().get(top);
        BigDecimal total = r.bill().month().costUsd().total();
        BigDecimal topCost = r.bill().functions().get(top).month().costUsd().total();
        return month(r) + " a month, " + Format.percent(topCost.doubleValue(), total.doubleValue()) + " of it `"
                + costliest.name() + "` (" + Format.count(costliest.memoryMb()) + " MB, " + Format.count(costliest.requests())
                + " calls of " + Format.ms(costliest.durationMs().mean()) + " on average); "
                + Format.percent(cold, invocations) + " of invocations cold, " + Format.percent(rareCold, rareInvocations)
                + " for the " + rare + " functions called fewer than 1,000 times; the account's limit of "
                + Format.count(r.scenario().account().concurrencyLimit()) + " throttles "
                + Format.percent(throttles, requests) + " of requests at the afternoon peak";
    }

    @ParameterizedTest
    @MethodSource("claims")
    void theReadmeQuotesWhatTheToolSays(Claim claim) throws IOException {
        assumeTrue(!claim.long_() || ALL, "a long scenario: run with -Dlambdasim.readme=all");
        if (readme == null) {
            readme = Files.readString(Path.of("README.md"));
        }
        List<RunResult> runs = new ArrayList<>();
        for (String[] r : claim.runs()) {
            // Claims share runs (a scenario quoted in several sentences runs once).
            runs.add(RUNS.computeIfAbsent(String.join(" ", r), k -> Scenarios.run(ScenarioLoader.load(
                    Path.of("scenarios", r[0] + ".yaml"), List.of(r).subList(1, r.length)), 0)));
        }
        String fragment = claim.fragment().apply(runs);
        assertTrue(readme.contains(fragment), "README.md should say, for " + claim + ":\n" + fragment);
    }

    private static EntryPointResult entry(RunResult r, String name) {
        return r.entryPoints().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static FunctionResult only(RunResult r) {
        return r.functions().get(0);
    }

    private static FunctionResult function(RunResult r, String name) {
        return r.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static BigDecimal monthOf(RunResult r, String name) {
        return r.bill().functions().get(r.functions().indexOf(function(r, name))).month().costUsd().total();
    }

    private static String month(RunResult r) {
        return Format.usd(r.bill().month().costUsd().total());
    }

    private static String month(RunResult r, String function) {
        return Format.usd(monthOf(r, function));
    }
}
