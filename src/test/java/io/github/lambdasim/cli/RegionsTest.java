package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.billing.BillingRules;
import io.github.lambdasim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regions: a scenario may name every commercial Lambda region (AWS General Reference, "AWS Lambda
 * endpoints and quotas", 34 regions early 2026); the 2019 burst follows the region (Lambda
 * Developer Guide, 2019: 3,000 in us-east-1, us-west-2, eu-west-1; 1,000 in ap-northeast-1,
 * eu-central-1, us-east-2; 500 elsewhere); a region without a price table is billed at us-east-1
 * prices and every bill says so in one line; a name Lambda does not have is refused.
 */
class RegionsTest {
    private static final String NOTICE = "No Lambda price table for ap-south-1 yet: billed at us-east-1 prices, "
            + "which may differ from ap-south-1's.";

    @Test
    void everyCommercialRegionIsAccepted() {
        assertEquals(34, BillingRules.get().regionNames().size());
        for (String region : BillingRules.get().regionNames()) {
            assertEquals(region.equals("us-east-1") || region.equals("eu-west-1"),
                    !BillingRules.get().region(region).borrowed(), region);
            assertEquals(1000, ScenarioLoader.preset("current", region).scaling().burst(), region);
        }
    }

    @ParameterizedTest
    @CsvSource({"us-east-1, 3000", "us-west-2, 3000", "eu-west-1, 3000", "ap-northeast-1, 1000", "eu-central-1, 1000",
        "us-east-2, 1000", "ap-south-1, 500", "sa-east-1, 500", "mx-central-1, 500"})
    void the2019BurstFollowsTheRegion(String region, int burst) {
        assertEquals(burst, ScenarioLoader.preset("2019", region).scaling().burst());
    }

    @Test
    void aRegionWithoutPricesIsBilledAtUsEast1PricesAndSaysSo(@TempDir Path dir) throws Exception {
        String yaml = """
                name: region
                duration: 1m
                region: %s
                functions:
                  - name: f
                    handler: {duration: 100ms}
                traffic:
                  - {function: f, constant: {rate: 10/s}}
                """;
        Files.writeString(dir.resolve("mumbai.yaml"), yaml.formatted("ap-south-1"));
        Files.writeString(dir.resolve("virginia.yaml"), yaml.formatted("us-east-1"));
        Cli mumbai = Cli.run("run", dir.resolve("mumbai.yaml").toString(), "--no-report", "--out",
                dir.resolve("m").toString());
        Cli virginia = Cli.run("run", dir.resolve("virginia.yaml").toString(), "--no-report", "--out",
                dir.resolve("v").toString());
        assertEquals(0, mumbai.exitCode(), mumbai.err());
        // 599 invocations of 100 ms at 128 MB in the minute (the last still running), a 730 h month of them:
        // (26,236,200 - 1M free) x $0.20/M = $5.05; compute stays within the free 400,000 GB-s.
        assertTrue(virginia.out().contains("Bill (current, us-east-1 prices, free tier applied): $0.00 for the run; "
                + "$5.05 if"), virginia.out());
        assertTrue(mumbai.out().contains("Bill (current, us-east-1 prices, free tier applied): $0.00 for the run; "
                + "$5.05 if"), mumbai.out());
        assertTrue(mumbai.out().contains("\n    " + NOTICE + "\n"), mumbai.out());
        assertFalse(virginia.out().contains("No Lambda price table"));
        // The report's bill shows the arithmetic of data/bill.txt.
        assertEquals(NOTICE, Files.readAllLines(dir.resolve("m/data/bill.txt")).get(0));
        assertTrue(Files.readString(dir.resolve("v/data/bill.txt")).startsWith("Prices of us-east-1;"));

        Cli cost = Cli.run("cost", "--memory", "128", "--requests", "1M", "--duration", "100ms", "--region", "ap-south-1");
        assertEquals(0, cost.exitCode(), cost.err());
        assertTrue(cost.out().contains("\n" + NOTICE + "\nPrices of us-east-1;"), cost.out());
    }

    @Test
    void anUnknownRegionIsRefusedWithTheClosestName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), """
                name: s
                region: ap-suoth-1
                functions: [{name: f, handler: {duration: 1ms}}]
                traffic: [{function: f, constant: {rate: 1/s}}]
                """);
        Cli r = Cli.run("validate", dir.resolve("s.yaml").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("s.yaml:2: region: unknown region 'ap-suoth-1'; not one of Lambda's 34 commercial "
                + "regions (us-east-1, us-east-2, ... sa-east-1); did you mean 'ap-south-1'?"), r.err());
    }
}
