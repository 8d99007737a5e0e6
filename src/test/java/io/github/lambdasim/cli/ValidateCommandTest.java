package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} of a scenario with many functions prints the totals and the dozen busiest
 * functions (by requests expected) instead of every function and source; with a dozen or fewer
 * it lists them all. Under each function, a line of the limits that bind it: its concurrency, the
 * requests-per-second quota (Lambda Developer Guide, "Lambda quotas": 10 x the account's concurrency
 * on demand, 10 x provisioned concurrency on provisioned environments) and the era's scaling rule.
 */
class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path scenario(int functions) throws IOException {
        StringBuilder yaml = new StringBuilder("name: many\nduration: 1h\nfunctionDefaults: {handler: {duration: 5ms}}\n"
                + "functions:\n");
        for (int i = 1; i <= functions; i++) {
            yaml.append(String.format("  - {name: f%02d}%n", i));
        }
        yaml.append("traffic:\n");
        for (int i = 1; i <= functions; i++) {
            // f01 at 1/s ... f20 at 20/s, and f03 a second source that makes it the busiest.
            yaml.append(String.format("  - {function: f%02d, poisson: {rate: %d/s}}%n", i, i));
        }
        yaml.append("  - {function: f03, constant: {rate: 100/s}}\n");
        Path file = dir.resolve("many.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static List<String> lines(Cli r) {
        assertEquals(0, r.exitCode(), r.err());
        return Arrays.asList(r.out().split("\\R"));
    }

    /** The output without the functions' limits lines. */
    private static List<String> withoutLimits(Cli r) {
        return lines(r).stream().filter(l -> !l.startsWith("    limits: ")).toList();
    }

    private static final String CURRENT_LIMITS = "    limits: concurrency 1,000 (the account's, shared); 10,000 synchronous "
            + "requests/s on demand (10 x 1,000, the account's); scaling 1,000 new environments at once (per function), "
            + "refilled at 100/s";

    @Test
    void eachFunctionSaysTheLimitsThatBindIt() throws IOException {
        Path file = dir.resolve("limits.yaml");
        Files.writeString(file, """
                name: limits
                duration: 1h
                platform: "2019"
                region: eu-central-1
                account: {concurrencyLimit: 2000}
                functions:
                  - {name: open, handler: {duration: 5ms}}
                  - {name: capped, reservedConcurrency: 300, handler: {duration: 5ms}}
                  - {name: warm, provisionedConcurrency: 20, handler: {duration: 5ms}}
                traffic:
                  - {function: open, constant: {rate: 10/s}}
                """);
        List<String> out = lines(Cli.run("validate", file.toString()));
        // 2019 in eu-central-1: a burst of 1,000 for the account, then +500 a minute.
        String scaling = "; scaling 1,000 new environments at once (shared by the account), then +500 at the end of each "
                + "minute";
        assertEquals("    limits: concurrency 1,700 (the account's 2,000 less 300 reserved, shared); 20,000 synchronous "
                + "requests/s on demand (10 x 2,000, the account's)" + scaling, out.get(out.indexOf(
                "  function open: nodejs20.x, 128 MB, x86_64, timeout 3s") + 1));
        assertEquals("    limits: concurrency 300 (reserved); 20,000 synchronous requests/s on demand (10 x 2,000, the "
                + "account's)" + scaling, out.get(out.indexOf(
                "  function capped: nodejs20.x, 128 MB, x86_64, timeout 3s, reserved concurrency 300") + 1));
        assertEquals("    limits: concurrency 1,700 (the account's 2,000 less 300 reserved, shared); 20,000 synchronous "
                + "requests/s on demand (10 x 2,000, the account's), 10 x provisioned concurrency on provisioned "
                + "environments (up to 200/s)" + scaling, out.get(out.indexOf(
                "  function warm: nodejs20.x, 128 MB, x86_64, timeout 3s, provisioned concurrency 20") + 1));
    }

    @Test
    void manyFunctionsAreSummedUpWithTheDozenBusiest() throws IOException {
        List<String> all = lines(Cli.run("validate", scenario(20).toString()));
        assertEquals(CURRENT_LIMITS, all.get(4));
        List<String> out = withoutLimits(Cli.run("validate", scenario(20).toString()));
        assertEquals("  20 functions, 21 traffic sources; the 12 busiest:", out.get(2));
        assertEquals("  function f03: nodejs20.x, 128 MB, x86_64, timeout 3s; about 370,800 requests expected", out.get(3));
        assertEquals("  function f20: nodejs20.x, 128 MB, x86_64, timeout 3s; about 72,000 requests expected", out.get(4));
        assertEquals("  function f10: nodejs20.x, 128 MB, x86_64, timeout 3s; about 36,000 requests expected", out.get(14));
        assertEquals("  ... and 8 more functions", out.get(15));
        assertEquals("  about 1,116,000 requests expected", out.get(16));
        assertTrue(out.stream().noneMatch(l -> l.contains("traffic ->")), String.join("\n", out));
    }

    @Test
    void aDozenFunctionsAreListedWithTheirTraffic() throws IOException {
        List<String> out = lines(Cli.run("validate", scenario(12).toString()));
        assertEquals(12, out.stream().filter(l -> l.startsWith("  function ")).count());
        assertEquals(13, out.stream().filter(l -> l.startsWith("  traffic -> ")).count());
    }

    @Test
    void theBundledAccountTakesItsMemoryFromFunctionDefaultsWhenSet() {
        List<String> out = lines(Cli.run("validate", "scenarios/azure-account.yaml", "--set",
                "functionDefaults.memorySize=1024"));
        assertEquals("  200 functions, 200 traffic sources; the 12 busiest:", out.get(out.indexOf(
                "  1d simulated, seed 2019, platform current, region us-east-1, account concurrency 1000") + 1));
        assertTrue(out.stream().filter(l -> l.startsWith("  function ")).allMatch(l -> l.contains(", 1024 MB,")),
                String.join("\n", out));
        List<String> byTrace = lines(Cli.run("validate", "scenarios/azure-account.yaml", "--set", "platform=2019"));
        assertTrue(byTrace.stream().anyMatch(l -> l.startsWith("  note: traffic[0]: the p99 allocated memory of 15 functions'")),
                String.join("\n", byTrace));
    }

    @Test
    void anEventDrivenScenarioSaysWhatCallsWhatAndHowEventsAreHandled() throws IOException {
        Path file = dir.resolve("graph.yaml");
        Files.writeString(file, """
                name: graph
                duration: 1h
                functions:
                  - name: api
                    handler: {steps: [{cpu: 1ms}, {invoke: {function: b, calls: 2, parallel: true}},
                                      {invoke: {functions: [c, d], mode: async}}]}
                  - {name: b, handler: {duration: 5ms}}
                  - {name: c, async: {maximumRetryAttempts: 1, onFailure: dlq}, handler: {duration: 5ms}}
                  - {name: d, async: {maximumEventAge: 10m, onSuccess: {function: b}}, handler: {duration: 5ms}}
                traffic:
                  - {function: api, constant: {rate: 10/s}}
                  - {function: c, invocation: async, constant: {rate: 1/s}}
                """);
        List<String> out = withoutLimits(Cli.run("validate", file.toString()));
        assertEquals("  function api: nodejs20.x, 128 MB, x86_64, timeout 3s; calls b (sync, 2 at once), c + d (async)",
                out.get(2));
        assertEquals("  function b: nodejs20.x, 128 MB, x86_64, timeout 3s; events: 2 retries, maximum age 6h", out.get(3),
                "a destination sends it events");
        assertEquals("  function c: nodejs20.x, 128 MB, x86_64, timeout 3s; events: 1 retry, maximum age 6h, onFailure dlq",
                out.get(4));
        assertEquals("  function d: nodejs20.x, 128 MB, x86_64, timeout 3s; events: 2 retries, maximum age 10m, onSuccess b",
                out.get(5));
        assertEquals("  traffic -> c (async events): constant 1/s", out.get(7));
        // 36,000 of api, 72,000 calls of b, 36,000 + 3,600 events of c, 36,000 of d and 36,000 onSuccess events of b.
        assertEquals("  about 39,600 requests expected from traffic, 219,600 with the calls and events they cause", out.get(8));
    }

    @Test
    void queuesStreamsAndEventSourcesAreListedWithTheirSettings() throws IOException {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                name: sources
                duration: 1h
                queues:
                  - {name: orders, visibilityTimeout: 60s, maxReceiveCount: 3}
                  - {name: receipts}
                streams:
                  - {name: clicks, type: kinesis, shards: 4}
                functions:
                  - name: worker
                    eventSource: {queue: orders, batchSize: 100, maximumBatchingWindow: 2s, maximumConcurrency: 50}
                    handler: {steps: [{cpu: {time: 1ms, perRecord: true}}, {send: {queue: receipts, messages: 2}}]}
                  - name: enricher
                    eventSource: {stream: clicks, parallelizationFactor: 2, bisectBatchOnFunctionError: true}
                    handler: {duration: 5ms}
                traffic:
                  - {queue: orders, spike: {at: 10m, for: 1m, rate: 2000/s}, poisonRecords: 0.001}
                  - {stream: clicks, poisson: {rate: 500/s}, partitionKey: user-42}
                """);
        List<String> out = withoutLimits(Cli.run("validate", file.toString()));
        assertEquals(List.of(
                "  queue orders: visibility timeout 1m, retention 4d, dead-letter queue after 3 receives",
                "  queue receipts: visibility timeout 30s, retention 4d, no dead-letter queue",
                "  stream clicks: kinesis, 4 shards, retention 1d",
                "  function worker: nodejs20.x, 128 MB, x86_64, timeout 3s; reads queue orders: batches of up to 100, "
                        + "window 2s, at most 50 concurrent batches; sends 2 messages to queue receipts",
                "  function enricher: nodejs20.x, 128 MB, x86_64, timeout 3s; reads stream clicks: batches of up to 100, "
                        + "window 0ms, 4 shards x 2 = 8 concurrent batches, bisects failing batches, retries until its "
                        + "records expire",
                "  traffic -> queue orders: spike 2000/s at 10m for 1m, poison records 0.1%",
                "  traffic -> stream clicks: poisson 500/s, partition key user-42",
                "  note: queues[1]: no function reads queue 'receipts' (eventSource: {queue: receipts}): its messages "
                        + "accumulate, each kept 4d (its retention)"), out.subList(2, 10));
    }
}
