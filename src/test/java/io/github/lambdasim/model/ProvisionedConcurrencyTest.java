package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.stats.Metric;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Provisioned concurrency: above the peak no request is cold; below it the provisioned
 * environments form a loss system whose overflow (the spillover) is exactly Erlang B; a schedule
 * changes the level at the right times, after the allocation delay; auto scaling scales out under
 * sustained load and back in after it, but not on a short burst; the provisioned charge of a
 * known configuration equals the hand computation; a provisioned environment's init is billed at
 * the provisioned duration rate whether or not it serves a request, re-inits at the maximum
 * lifetime included.
 */
class ProvisionedConcurrencyTest {
    private static final String BASE = """
            name: pc
            duration: 1h
            seed: 3
            platform: {preset: current, provisioned: {allocationDelay: 90s}}
            functions:
              - name: f
                memorySize: 1024
                coldStart: {constant: 200ms}
                provisionedConcurrency: 50
                handler:
                  duration: {exponential: {mean: 100ms}}
            traffic:
              - {function: f, poisson: {rate: 100/s}}
            """;

    @Test
    void aboveThePeakNoRequestIsCold() {
        FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(BASE), 0));
        assertEquals(0, f.coldStarts());
        assertEquals(0, f.throttles());
        assertEquals(f.invocations(), f.provisionedInvocations());
        assertEquals(0, f.spilloverInvocations());
        assertEquals(50, f.environmentsCreated());
        assertTrue(f.provisionedConcurrencyMax() <= 50);
        assertEquals(0, f.billedMicros(), "nothing billed on demand");
        assertTrue(f.provisionedBilledMicros() > 0);
    }

    @Test
    void spilloverIsTheOverflowOfALossSystem() {
        // Five provisioned environments offered 100/s x 100 ms = 10 erlangs: requests that find all
        // five busy spill over to on-demand environments, a fraction ErlangB(5, 10). Erlang's loss
        // system has no requests-per-second quota: the provisioned one (10 x 5 = 50/s, near the 43.6/s
        // the five carry) would spill a few more, so it is lifted here.
        String yaml = BASE.replace("provisionedConcurrency: 50", "provisionedConcurrency: 5")
                .replace("coldStart: {constant: 200ms}", "coldStart: {constant: 0ms}")
                .replace("platform: {preset: current,", "platform: {preset: current, requestsPerSecondPerConcurrency: 0,");
        double expected = ErlangBTest.erlangB(5, 10);
        int replications = 8;
        double[] spill = new double[replications];
        for (int r = 0; r < replications; r++) {
            FunctionResult f = Scenarios.only(Scenarios.run(Scenarios.parse(yaml), r));
            assertEquals(f.invocations(), f.provisionedInvocations() + f.spilloverInvocations());
            assertEquals(5, f.provisionedConcurrencyMax());
            spill[r] = f.spilloverInvocations() / (double) f.invocations();
        }
        ConfidenceInterval ci = ConfidenceInterval.of(spill, 0.999);
        assertTrue(ci.contains(expected), "Erlang B gives " + expected + ", simulated " + ci);
    }

    @Test
    void scheduleChangesTheLevelAfterTheAllocationDelay() {
        String yaml = BASE.replace("provisionedConcurrency: 50",
                "provisionedConcurrency: {schedule: [{at: 10m, level: 20}, {at: 30m, level: 0}]}");
        RunResult run = Scenarios.run(Scenarios.parse(yaml), 0);
        double[] level = run.series().series(0, Metric.PROVISIONED_CONCURRENCY);
        assertEquals(0, level[10], 1e-9);
        assertEquals(10, level[11], 1e-9, "20 from 11m30s: half of minute 11");
        for (int m = 12; m < 31; m++) {
            assertEquals(20, level[m], 1e-9, "minute " + m);
        }
        assertEquals(10, level[31], 1e-9, "back to 0 at 31m30s");
        assertEquals(0, level[32], 1e-9);
        FunctionResult f = Scenarios.only(run);
        assertTrue(f.provisionedInvocations() > 0 && f.spilloverInvocations() > 0);
        // Billed for 20 x 1 GB from 11m30s to 31m30s: 20 minutes, a multiple of 5.
        assertEquals(1, f.provisionedIntervals().size());
        assertEquals(20 * 60_000_000L, f.provisionedIntervals().get(0).endMicros() - f.provisionedIntervals().get(0).startMicros());
    }

    @Test
    void dailyScheduleRepeats() {
        String yaml = BASE.replace("duration: 1h", "duration: 3d").replace("poisson: {rate: 100/s}", "poisson: {rate: 1/s}")
                .replace("provisionedConcurrency: 50",
                        "provisionedConcurrency: {schedule: [{at: 12h, level: 8}, {at: 20h, level: 0}], repeat: 24h}");
        RunResult run = Scenarios.run(Scenarios.parse(yaml), 0);
        FunctionResult f = Scenarios.only(run);
        assertEquals(3, f.provisionedIntervals().size());
        assertEquals(8.0 * 8 * 3 / 72, f.provisionedLevelMean(), 1e-9);
    }

    @Test
    void autoScalingFollowsSustainedLoadButNotAShortBurst() {
        // 30 concurrent requests for 40 minutes, then none: target tracking at 0.7 scales out
        // towards 30 / 0.7 = 43 and, 15 minutes after the load is gone, back to the minimum.
        String sustained = BASE.replace("duration: 1h", "duration: 90m")
                .replace("provisionedConcurrency: 50", "provisionedConcurrency: {autoscaling: {min: 2, max: 100, targetUtilization: 0.7}}")
                .replace("{exponential: {mean: 100ms}}", "1s")
                .replace("poisson: {rate: 100/s}", "poisson: {rate: 30/s, end: 40m}");
        RunResult run = Scenarios.run(Scenarios.parse(sustained), 0);
        double[] level = run.series().series(0, Metric.PROVISIONED_CONCURRENCY);
        double peak = 0;
        for (int m = 0; m < 40; m++) {
            peak = Math.max(peak, level[m]);
        }
        assertTrue(peak >= 35 && peak <= 60, "scaled out towards 43: " + peak);
        assertEquals(2, level[89], 1e-9, "back at the minimum");
        assertEquals(2, level[0], 1e-9, "starts at the minimum");
        assertEquals(2, level[3], 1e-9, "no change before 3 datapoints and the allocation delay");

        // A 90-second burst gives at most two datapoints above target: no scaling.
        String burst = sustained.replace("poisson: {rate: 30/s, end: 40m}", "poisson: {rate: 30/s, start: 5m, end: 6m30s}");
        double[] quiet = Scenarios.run(Scenarios.parse(burst), 0).series().series(0, Metric.PROVISIONED_CONCURRENCY);
        for (double v : quiet) {
            assertEquals(2, v, 1e-9);
        }
    }

    @Test
    void provisionedChargeOfAKnownConfiguration() {
        // 10 environments of 1 GB for the whole hour, no traffic: 10 x 1 GB x 3,600 s = 36,000 GB-s
        // at $0.0000041667 = $0.1500012 for the hour; the 730 h month is 730 times that, $109.50.
        String yaml = BASE.replace("provisionedConcurrency: 50", "provisionedConcurrency: 10")
                .replace("poisson: {rate: 100/s}", "poisson: {rate: 100/s, start: 2h}");
        RunResult run = Scenarios.run(Scenarios.parse(yaml), 0);
        assertEquals(new BigDecimal("0.15"), run.bill().period().costUsd().provisioned());
        assertEquals(new BigDecimal("109.50"), run.bill().month().costUsd().provisioned());
        assertEquals(0, new BigDecimal("0.1500012").compareTo(run.bill().period().exactUsd().provisioned()
                .setScale(7, java.math.RoundingMode.HALF_UP)));
        assertEquals(BigDecimal.ZERO.setScale(2), run.bill().month().freeTier().savedUsdCents().setScale(2));
    }

    @Test
    void provisionedInitsAreBilledEvenWhenNoRequestComes() {
        // Two environments of 1 GB, a 1 s init, a 10 min maximum lifetime, no request in the hour.
        // The level is ready at the start (its init happened before the run). Each environment is
        // re-initialized at 10:00, 20:01, 30:02, 40:03 and 50:04: 2 x 5 x 1 s = 10 s, billed at
        // the provisioned duration rate (LAMBDA-FACTS.md, "Init phase limit"; pricing page):
        // 10 GB-s x $0.0000097222 = $0.000097222; the level itself: 2 x 3,600 s x 1 GB x
        // $0.0000041667 = $0.03000024.
        String yaml = BASE.replace("provisionedConcurrency: 50", "provisionedConcurrency: 2")
                .replace("coldStart: {constant: 200ms}", "coldStart: {constant: 1s}")
                .replace("allocationDelay: 90s}", "allocationDelay: 90s}, maxLifetime: 10m")
                .replace("poisson: {rate: 100/s}", "poisson: {rate: 100/s, start: 2h}");
        RunResult run = Scenarios.run(Scenarios.parse(yaml), 0);
        FunctionResult f = Scenarios.only(run);
        assertEquals(0, f.invocations());
        assertEquals(10_000_000L, f.provisionedBilledMicros());
        assertEquals(0, new BigDecimal("0.000097222").compareTo(run.bill().period().exactUsd().provisionedCompute()));
        assertEquals(0, new BigDecimal("0.03000024").compareTo(run.bill().period().exactUsd().provisioned()));
    }
}
