package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.billing.Architecture;
import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.billing.Billing;
import io.github.lambdasim.billing.BillingEra;
import io.github.lambdasim.billing.BillingSpec;
import io.github.lambdasim.billing.FunctionUsage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 2019 preset refuses what Lambda did not have then: container images (AWS News Blog, 1 Dec
 * 2020), arm64 (AWS News Blog, 29 Sep 2021), ephemeral storage above 512 MB (AWS What's New, 24 Mar
 * 2022), each with the date it arrived, unless the scenario allows anachronisms; and its bill has
 * no duration tiers (AWS Compute Blog, "Introducing tiered pricing for AWS Lambda", 2022). The
 * broken corpus (anachronisms-2019.yaml) checks the messages with their YAML paths and lines.
 */
class AnachronismsTest {
    private static final String SCENARIO = """
            name: later
            duration: 1m
            platform: %s
            functions:
              - {name: graviton, architecture: arm64, handler: {duration: 5ms}}
              - {name: image, runtime: container, handler: {duration: 5ms}}
              - {name: scratch, ephemeralStorageSize: 2048, handler: {duration: 5ms}}
            traffic:
              - {function: graviton, poisson: {rate: 1/s}}
            """;

    private static ScenarioSpec parse(String platform) {
        return ScenarioLoader.parse(SCENARIO.formatted(platform), "later.yaml", List.of());
    }

    @Test
    void the2019PresetRefusesLaterFeaturesWithTheirDates() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("\"2019\""));
        String m = e.getMessage();
        assertTrue(m.contains("later.yaml:5: functions[0].architecture: arm64 (Graviton2) arrived in September 2021"), m);
        assertTrue(m.contains("later.yaml:6: functions[1].runtime: 'container': a container image arrived in December 2020"), m);
        assertTrue(m.contains("later.yaml:7: functions[2].ephemeralStorageSize: 2048 MB: ephemeral storage above 512 MB "
                + "arrived in March 2022"), m);
    }

    @Test
    void allowAnachronismsLetsThemThroughAndTheCurrentPresetHasThemAll() {
        ScenarioSpec allowed = parse("{preset: \"2019\", allowAnachronisms: true}");
        assertEquals(Architecture.ARM64, allowed.functions().get(0).architecture());
        assertEquals(2048, allowed.functions().get(2).ephemeralStorageMb());
        assertEquals(BillingEra.Y2019, allowed.platform().billingEra());
        assertEquals(3, parse("current").functions().size());
    }

    @Test
    void the2019BillAppliesNoDurationTiers() {
        // 10B GB-s of x86_64 a month (5,000M requests of 2 s at 1,024 MB), free tier on: 9,999,600,000 billable.
        // Today (tiers): 6B x $0.0000166667 + 3,999,600,000 x $0.0000150000 = $159,994.20.
        // 2019 (no tiers, at the legacy page's printed $0.00001667): 9,999,600,000 x $0.00001667 = $166,693.33.
        FunctionUsage usage = new FunctionUsage("f", Architecture.X86_64, 1024, 512, 5_000_000_000L, 0,
                10_000_000_000_000L, 0, List.of(), 10_000_000_000_000L);
        long month = BillingSpec.defaults().monthMicros();
        Bill today = Billing.bill(List.of(usage), month, BillingSpec.defaults());
        Bill then = Billing.bill(List.of(usage), month, BillingSpec.defaults().withEra(BillingEra.Y2019));
        assertEquals(new BigDecimal("159994.20"), today.month().costUsd().compute());
        assertEquals(new BigDecimal("166693.33"), then.month().costUsd().compute());
        assertTrue(then.explanation().stream().anyMatch(l -> l.contains("No duration tiers in the 2019 era")),
                String.join("\n", then.explanation()));
    }
}
