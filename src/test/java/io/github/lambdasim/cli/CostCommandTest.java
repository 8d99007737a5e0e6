package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code lambdasim cost}, run in-process: it prints the monthly bill of aggregate usage with every
 * line explained (text) or as JSON (cents and exact values, inputs, explanation), and answers bad
 * input with one message per problem on stderr and exit code 2, without a stack trace.
 */
class CostCommandTest {
    private record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new CostCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertDecimal(String expected, JsonNode node) {
        assertEquals(0, new BigDecimal(expected).compareTo(node.decimalValue()), () -> "expected " + expected
                + " but was " + node);
    }

    @Test
    void textExplainsAwsMobileBackendExample() {
        // 3M requests x 120 ms at 1536 MB: 540,000 GB-s - 400,000 free = 140,000 x $0.0000166667 = $2.33;
        // requests (3M - 1M) x $0.20/M = $0.40; total $2.73.
        Run r = run("--memory", "1536", "--requests", "3M", "--duration", "120ms");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("Billed duration per request = 120 ms rounded up to 1 ms = 120 ms"), r.out());
        assertTrue(lines.contains("  Total compute (seconds) = 3,000,000 x 120 ms = 360,000 s"), r.out());
        assertTrue(lines.contains("  Total compute (GB-s) = 360,000 s x 1536 MB / 1024 = 540,000 GB-s"), r.out());
        assertTrue(lines.contains("  Billable compute = 540,000 GB-s - 400,000 free tier GB-s = 140,000 GB-s"), r.out());
        assertTrue(lines.contains("  Monthly compute charges = 140,000 GB-s x $0.0000166667 = $2.33"), r.out());
        assertTrue(lines.contains("  Monthly request charges = 2,000,000 x $0.20 per million = $0.40"), r.out());
        assertTrue(lines.contains("Total monthly charges = $0.40 requests + $2.33 on-demand duration = $2.73"), r.out());
        assertTrue(lines.contains("  total                           $2.73"), r.out());
        assertTrue(r.out().contains("a simulation rounds each invocation"), r.out());
    }

    @Test
    void usageBeyondWhatCanBeBilledIsInvalidInputNotAFailure() {
        Run r = run("--memory", "1024", "--requests", "9e18", "--duration", "900s");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("lambdasim cost: --requests x --duration: more than 9223372036854775807 billed "
                + "milliseconds (or requests) a month"), r.err());
    }

    @Test
    void jsonIsSealedByAGoldenFile() throws IOException {
        Run r = run("--memory", "1536", "--requests", "3M", "--duration", "120ms", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(golden("cost-mobile-backend.json"), r.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void jsonHasCentsExactValuesInputsAndExplanation() throws IOException {
        JsonNode j = run("--memory", "1536", "--requests", "3M", "--duration", "120ms", "--json").json();
        assertDecimal("0.40", j.at("/costUsd/requests"));
        assertDecimal("2.33", j.at("/costUsd/compute"));
        assertDecimal("0", j.at("/costUsd/provisioned"));
        assertDecimal("0", j.at("/costUsd/provisionedCompute"));
        assertDecimal("0", j.at("/costUsd/ephemeralStorage"));
        assertDecimal("2.73", j.at("/costUsd/total"));
        assertDecimal("2.333338", j.at("/exactUsd/compute"));
        assertDecimal("2.733338", j.at("/exactUsd/total"));
        assertEquals(1536, j.at("/inputs/memoryMb").asInt());
        assertEquals("x86_64", j.at("/inputs/architecture").asText());
        assertEquals(3_000_000, j.at("/inputs/requests").asLong());
        assertEquals("us-east-1", j.at("/inputs/region").asText());
        assertTrue(j.at("/inputs/freeTier").asBoolean());
        assertDecimal("400000", j.at("/freeTier/gbSeconds"));
        assertTrue(j.get("explanation").toString().contains("Total compute (GB-s) = 360,000 s x 1536 MB / 1024 = 540,000 GB-s"));
    }

    @Test
    void platform2019BillsTheSeedArticles230msAs300ms() throws IOException {
        // 1M x 230 ms at 512 MB: billed 300 ms -> 300,000 s x 0.5 GB = 150,000 GB-s, within the free
        // tier; 1M requests, within it too: $0. Today: 230 ms -> 115,000 GB-s, also $0.
        JsonNode j = run("--memory", "512", "--requests", "1M", "--duration", "230ms", "--platform", "2019",
                "--json").json();
        assertEquals(300, j.at("/inputs/billedDurationMs").asLong());
        assertDecimal("150000", j.at("/usage/onDemandGbSeconds"));
        assertDecimal("0", j.at("/costUsd/total"));
        JsonNode now = run("--memory", "512", "--requests", "1M", "--duration", "230.4ms", "--json").json();
        assertEquals(231, now.at("/inputs/billedDurationMs").asLong());
    }

    @Test
    void platform2019GivesTheLegacyPricingPagesFirstExampleToTheCent() throws IOException {
        // The legacy pricing page (aws.amazon.com/lambda/pricing, 2019), Example 1: 512 MB, "3
        // million times in one month", 1 s each: 1,100,000 billable GB-s x $0.00001667 = $18.34,
        // 2M billable requests x $0.20/M = $0.40, "$18.74 per month". Today's rate gives $18.73.
        JsonNode then = run("--memory", "512", "--requests", "3M", "--duration", "1s", "--platform", "2019",
                "--json").json();
        assertDecimal("18.34", then.at("/costUsd/compute"));
        assertDecimal("18.74", then.at("/costUsd/total"));
        JsonNode now = run("--memory", "512", "--requests", "3M", "--duration", "1s", "--json").json();
        assertDecimal("18.73", now.at("/costUsd/total"));
    }

    @Test
    void provisionedConcurrencyAsAwsExampleStatesIt() throws IOException {
        // 1,000 x 1 GB for 2 h = 7,200,000 GB-s x $0.0000041667 = $30.00; 1.2M x 1 s on them =
        // 1,200,000 GB-s x $0.0000097222 = $11.67; requests 1.2M x $0.20/M = $0.24; total $41.91.
        Run r = run("--memory", "1024", "--provisioned-concurrency", "1000", "--provisioned-time", "2h",
                "--provisioned-requests", "1.2M", "--provisioned-duration", "1s", "--no-free-tier", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = r.json();
        assertDecimal("0.24", j.at("/costUsd/requests"));
        assertDecimal("30.00", j.at("/costUsd/provisioned"));
        assertDecimal("11.67", j.at("/costUsd/provisionedCompute"));
        assertDecimal("41.91", j.at("/costUsd/total"));
        assertDecimal("30.00024", j.at("/exactUsd/provisioned"));
        assertFalse(j.at("/inputs/freeTier").asBoolean());
    }

    @Test
    void provisionedTimeIsRoundedUpTo5Minutes() throws IOException {
        // 10 x 1 GB for 61 min -> 65 min: 39,000 GB-s x $0.0000041667 = $0.1625013 -> $0.16.
        JsonNode j = run("--memory", "1024", "--provisioned-concurrency", "10", "--provisioned-time", "61m",
                "--json").json();
        assertDecimal("39000", j.at("/usage/provisionedConcurrencyGbSeconds"));
        assertDecimal("0.16", j.at("/costUsd/provisioned"));
    }

    @Test
    void ephemeralStorageAbove512Mb() throws IOException {
        // 1M x 1 s with 2048 MB: 1.5 GB x 1,000,000 s = 1,500,000 GB-s x $0.0000000309 = $0.04635 -> $0.05.
        JsonNode j = run("--memory", "128", "--requests", "1M", "--duration", "1s", "--ephemeral-storage", "2048",
                "--json").json();
        assertDecimal("0.05", j.at("/costUsd/ephemeralStorage"));
        assertDecimal("0.04635", j.at("/exactUsd/ephemeralStorage"));
    }

    @Test
    void arm64AndFreeTierSwitches() throws IOException {
        // arm64: 140,000 x $0.0000133334 = $1.866676 -> $1.87; + $0.40 = $2.27.
        JsonNode arm = run("--memory", "1536", "--requests", "3M", "--duration", "120ms", "--architecture", "arm64",
                "--json").json();
        assertDecimal("2.27", arm.at("/costUsd/total"));
        // No free tier: 540,000 x $0.0000166667 = $9.000018 -> $9.00; 3M x $0.20/M = $0.60; $9.60.
        JsonNode off = run("--memory", "1536", "--requests", "3M", "--duration", "120ms", "--no-free-tier",
                "--json").json();
        assertDecimal("9.60", off.at("/costUsd/total"));
        JsonNode on = run("--memory", "1536", "--requests", "3M", "--duration", "120ms", "--free-tier", "--json")
                .json();
        assertDecimal("2.73", on.at("/costUsd/total"));
        JsonNode eu = run("--memory", "1536", "--requests", "3M", "--duration", "120ms", "--region", "eu-west-1",
                "--json").json();
        assertDecimal("2.73", eu.at("/costUsd/total"));
    }

    @Test
    void aRateOfRequestsIsAMonthOfThemAsThePricingCalculatorCountsIt() throws IOException {
        // 100/s x 3,600 s x 730 h = 262,800,000 requests: (262.8M - 1M free) x $0.20/M = $52.36; 262.8M x
        // 120 ms x 1.5 GB = 47,304,000 GB-s - 400,000 free = 46,904,000 x $0.0000166667 = $781.7348968 -> $781.73;
        // total $834.09.
        Run r = run("--memory", "1536", "--requests", "100/s", "--duration", "120ms");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("100/s = 262,800,000 requests a month of 730 h", lines.get(0));
        assertTrue(lines.contains("  Monthly request charges = 261,800,000 x $0.20 per million = $52.36"), r.out());
        assertTrue(lines.contains("  Monthly compute charges = 46,904,000 GB-s x $0.0000166667 = $781.73"), r.out());
        assertTrue(lines.contains("Total monthly charges = $52.36 requests + $781.73 on-demand duration = $834.09"), r.out());

        JsonNode j = run("--memory", "1536", "--requests", "100/s", "--duration", "120ms", "--json").json();
        assertEquals(262_800_000, j.at("/inputs/requests").asLong());
        assertDecimal("781.7348968", j.at("/exactUsd/compute"));
        assertDecimal("834.09", j.at("/costUsd/total"));
        assertEquals("100/s = 262,800,000 requests a month of 730 h", j.at("/explanation/0").asText());

        // The same requests written per minute, hour and day, or as a monthly count, cost the same.
        for (String same : new String[] {"6000/min", "360k/h", "8.64M/d", "262800000", "262.8M"}) {
            JsonNode o = run("--memory", "1536", "--requests", same, "--duration", "120ms", "--json").json();
            assertEquals(262_800_000, o.at("/inputs/requests").asLong(), same);
            assertDecimal("834.09", o.at("/costUsd/total"));
        }
        // A plain number is a monthly count, and prints no conversion.
        assertTrue(run("--memory", "1536", "--requests", "3M", "--duration", "120ms").out()
                .startsWith("Usage per month: "));
        // A rate that is not a whole number of requests a month is rounded, and says so.
        assertTrue(run("--memory", "128", "--requests", "7/d", "--duration", "1ms").out()
                .startsWith("7/d = 213 requests a month of 730 h (212.917, rounded to a whole request)\n"
                        .replace("\n", System.lineSeparator())));
        Run bad = run("--memory", "128", "--requests", "5/fortnight", "--duration", "1ms");
        assertEquals(2, bad.exitCode());
        assertEquals("lambdasim cost: --requests: '5/fortnight' is not a rate with a unit, e.g. 50/s, 3000/min, 2/h or "
                + "100000/d" + System.lineSeparator(), bad.err());
        assertEquals(2, run("--memory", "128", "--requests", "-1/s", "--duration", "1ms").exitCode());
        assertTrue(run("--memory", "128", "--requests", "1e30/s", "--duration", "1ms").err()
                .contains("--requests: '1e30/s' is too large a rate"));
    }

    @Test
    void badInputGetsOneMessagePerProblemAndExitCode2() {
        Run r = run("--memory", "3009", "--requests", "-5", "--duration", "1x", "--region", "mars-1",
                "--platform", "2019", "--ephemeral-storage", "1024", "--architecture", "sparc");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of(
                "lambdasim cost: --architecture: 'sparc' is not an architecture; known: x86_64, arm64",
                "lambdasim cost: --region: unknown region 'mars-1'; not one of Lambda's 34 commercial regions (us-east-1, us-east-2, ... sa-east-1)",
                "lambdasim cost: --memory: 3009 MB is above the maximum 3008 MB of the 2019 platform",
                "lambdasim cost: --ephemeral-storage: 1024 MB: ephemeral storage above 512 MB arrived in March 2022, after the "
                        + "2019 platform (a scenario may use it anyway with platform: {preset: \"2019\", allowAnachronisms: true})",
                "lambdasim cost: --requests: -5 is negative; give 0 or more",
                "lambdasim cost: --duration: '1x' is not a duration with a unit, e.g. 120ms, 30s, 5m, 2h or 30d"),
                lines);
    }

    @Test
    void memoryLimitsFollowThePlatform() {
        Run now = run("--memory", "10241", "--requests", "1", "--duration", "1ms");
        assertEquals(2, now.exitCode());
        assertEquals("lambdasim cost: --memory: 10241 MB is above the maximum 10240 MB of the current platform\n",
                now.err().replace(System.lineSeparator(), "\n"));
        assertEquals(0, run("--memory", "10240", "--requests", "1", "--duration", "1ms").exitCode());
        assertEquals(2, run("--memory", "127", "--requests", "1", "--duration", "1ms").exitCode());
    }

    @Test
    void missingAndInconsistentOptionsAreNamed() {
        Run r = run("--requests", "3M", "--provisioned-concurrency", "5", "--provisioned-requests", "10");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--memory is required"), r.err());
        assertTrue(r.err().contains("--duration is required with --requests"), r.err());
        assertTrue(r.err().contains("--provisioned-time is required with --provisioned-concurrency"), r.err());
        assertTrue(r.err().contains("--provisioned-duration is required with --provisioned-requests"), r.err());
        Run tooMany = run("--memory", "1024", "--provisioned-concurrency", "1", "--provisioned-time", "1h",
                "--provisioned-requests", "4000", "--provisioned-duration", "1s");
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.err().contains("need more time than 1 environments enabled for 1h have"), tooMany.err());
        Run tooLong = run("--memory", "1024", "--provisioned-concurrency", "1", "--provisioned-time", "800h");
        assertTrue(tooLong.err().contains("--provisioned-time: 800h is longer than the 730 h billing month"),
                tooLong.err());
    }

    @Test
    void noStackTraceOnBadInput() {
        Run r = run("--memory", "lots");
        assertEquals(2, r.exitCode());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(2, run("--no-such-option").exitCode());
    }

    @Test
    void snapStartWorkedExampleToTheCent() throws IOException {
        // AWS's SnapStart worked example (pricing page; LAMBDA-FACTS.md): 7.44M requests of 2 s at
        // 1,024 MB, 1% of them restores (74,400), the version active 744 h, no free tier:
        // requests $1.49 + compute $248.00 + cache 2,678,400 GB-s x $0.0000015046 = $4.03
        // + restore 74,400 GB x $0.0001397998 = $10.40 = $263.92.
        String[] args = {"--memory", "1024", "--requests", "7.44M", "--duration", "2s", "--no-free-tier",
            "--snapstart-restores", "74.4k", "--snapstart-active", "744h"};
        Run r = run(args);
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("  Monthly cache charges = 2,678,400 GB-s x $0.0000015046 = $4.03"), r.out());
        assertTrue(lines.contains("  Monthly restore charges = 74,400 GB x $0.0001397998 = $10.40"), r.out());
        assertTrue(lines.contains("Total with SnapStart = $249.49 + $4.03 cache + $10.40 restore = $263.92"), r.out());
        assertTrue(lines.contains("  SnapStart cache                 $4.03"), r.out());
        assertTrue(lines.contains("  SnapStart restore              $10.40"), r.out());
        assertTrue(lines.contains("  total                         $263.92"), r.out());
        JsonNode json = run(append(args, "--json")).json();
        assertDecimal("1.49", json.at("/costUsd/requests"));
        assertDecimal("248.00", json.at("/costUsd/compute"));
        assertDecimal("4.03", json.at("/costUsd/snapStartCache"));
        assertDecimal("10.40", json.at("/costUsd/snapStartRestore"));
        assertDecimal("263.92", json.at("/costUsd/total"));
        assertDecimal("4.02992064", json.at("/exactUsd/snapStartCache"));
        assertDecimal("10.40110512", json.at("/exactUsd/snapStartRestore"));
    }

    @Test
    void snapStartCacheIsBilledForAtLeastThreeHours() throws IOException {
        // Active 1 h: billed 3 h, 10,800 s x 1 GB x $0.0000015046 = $0.01624968 -> $0.02.
        JsonNode json = run("--memory", "1024", "--snapstart-active", "1h", "--json").json();
        assertDecimal("0.01624968", json.at("/exactUsd/snapStartCache"));
        assertDecimal("0.02", json.at("/costUsd/snapStartCache"));
        assertDecimal("0", json.at("/exactUsd/snapStartRestore"));
        assertTrue(run("--memory", "1024", "--snapstart-active", "1h").out()
                .contains("  Cache = 1024 MB / 1024 x 1 h active, billed as the minimum 3 h = 10,800 GB-s"));
    }

    @Test
    void snapStartOptionsAreCheckedAndRefusedUnderThe2019Platform() {
        Run missing = run("--memory", "1024", "--snapstart-restores", "10");
        assertEquals(CostCommand.INVALID_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("--snapstart-active is required with --snapstart-restores"), missing.err());
        Run old = run("--memory", "1024", "--platform", "2019", "--snapstart-active", "744h");
        assertEquals(CostCommand.INVALID_INPUT, old.exitCode());
        assertTrue(old.err().contains("SnapStart arrived in Nov 2022"), old.err());
        Run long_ = run("--memory", "1024", "--snapstart-active", "745h");
        assertEquals(CostCommand.INVALID_INPUT, long_.exitCode());
        assertTrue(long_.err().contains("longer than a month of 31 days (744 h)"), long_.err());
    }

    private static String[] append(String[] args, String more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = more;
        return out;
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CostCommandTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("golden file " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
