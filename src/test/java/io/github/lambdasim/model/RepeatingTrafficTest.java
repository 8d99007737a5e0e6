package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.scenario.ScenarioSpec;
import io.github.lambdasim.scenario.TrafficSpec;
import io.github.lambdasim.scenario.Units;
import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import org.junit.jupiter.api.Test;

/**
 * A spike or ramp with {@code repeat:} recurs every repeat from its first occurrence until the run
 * ends: its arrivals fall only inside the occurrences, their count is the rate times the
 * occurrences' length (within five standard deviations of a Poisson count), a ramp climbs the same
 * way in each period, and the expected count, maximum rate and description follow the repetition.
 */
class RepeatingTrafficTest {
    private static ScenarioSpec scenario(String duration, String traffic) {
        return Scenarios.parse("""
                name: recurring
                duration: %s
                functions:
                  - {name: batch, reservedConcurrency: 100, handler: {duration: 1ms}}
                traffic:
                  - {function: batch, %s}
                """.formatted(duration, traffic));
    }

    private static RunResult run(ScenarioSpec spec, long periodMicros) {
        return new Simulation(spec, 0, periodMicros, ProgressListener.NONE).run();
    }

    @Test
    void aDailySpikeArrivesOnlyInItsWindowsAtItsRate() {
        ScenarioSpec spec = scenario("3d", "spike: {at: 2h, for: 10m, rate: 100/s, repeat: 24h}");
        double mean = 100 * 600 * 3;
        assertEquals(mean, spec.expectedRequests(), 1e-6);
        RunResult r = run(spec, Units.MICROS_PER_MINUTE);
        long requests = Scenarios.only(r).requests();
        assertTrue(Math.abs(requests - mean) < 5 * Math.sqrt(mean), requests + " requests, expected " + mean);

        PeriodSeries s = r.series();
        assertEquals(3 * 24 * 60, s.periods());
        double inside = 0;
        for (int p = 0; p < s.periods(); p++) {
            int minuteOfDay = p % (24 * 60);
            double n = s.get(0, Metric.REQUESTS, p);
            if (minuteOfDay >= 120 && minuteOfDay < 130) {
                assertTrue(n > 0, "minute " + p + " is inside a spike");
                inside += n;
            } else {
                assertEquals(0, n, "minute " + p + " is outside every spike");
            }
        }
        assertEquals(requests, inside, 0);
    }

    @Test
    void aRepeatingRampClimbsTheSameWayInEachPeriod() {
        // 0 to 600/s over an hour, every 6 hours: four ramps in a day, each 10-minute bin j of an
        // hour receiving 600 s x 100/s x (j + 0.5) on average.
        ScenarioSpec spec = scenario("1d", "ramp: {from: 0/s, to: 600/s, start: 0s, end: 1h, repeat: 6h}");
        assertEquals(4 * 3600 * 300.0, spec.expectedRequests(), 0.01);
        PeriodSeries s = run(spec, 10 * Units.MICROS_PER_MINUTE).series();
        assertEquals(6 * 24, s.periods());
        for (int p = 0; p < s.periods(); p++) {
            int bin = p % 36;
            double n = s.get(0, Metric.REQUESTS, p);
            if (bin < 6) {
                double mean = 600 * 100 * (bin + 0.5);
                assertTrue(Math.abs(n - mean) < 5 * Math.sqrt(mean), "bin " + p + ": " + n + ", expected " + mean);
            } else {
                assertEquals(0, n, "bin " + p + " is between ramps");
            }
        }
    }

    @Test
    void theExpectedCountCountsTheOccurrencesBeforeTheRunEnds() {
        // Two whole spikes and the first 5 minutes of the third.
        ScenarioSpec spike = scenario("3005m", "spike: {at: 2h, for: 10m, rate: 10/s, repeat: 1d}");
        assertEquals(10 * (600 * 2 + 300), spike.expectedRequests(), 1e-6);
        // Ramps from 0 to 60/s over 1h starting at 30m, every 4h, in 9h: two whole, then the first 30 minutes
        // of the third (rising to 30/s: 1800 s x 15/s).
        ScenarioSpec ramp = scenario("9h", "ramp: {from: 0/s, to: 60/s, start: 30m, end: 1h30m, repeat: 4h}");
        assertEquals(2 * 3600 * 30 + 1800 * 15, ramp.expectedRequests(), 0.01);
        TrafficSpec.Pattern p = ramp.traffic().get(0).pattern();
        assertEquals(60, p.maxRate());
        assertEquals(0, p.rateAt(4 * Units.MICROS_PER_HOUR));
        assertEquals(30, p.rateAt(9 * Units.MICROS_PER_HOUR), 1e-9);
        assertEquals("ramp 0/s to 60/s from 30m to 1h30m, every 4h", p.describe());
        assertEquals("spike 10/s at 2h for 10m, every 1d", spike.traffic().get(0).pattern().describe());
    }

    @Test
    void repeatingASpikeKeepsItsFirstOccurrenceAndEveryOtherSourcesArrivals() {
        String yaml = """
                name: recurring
                duration: 2d
                functions:
                  - {name: api, handler: {duration: 1ms}}
                  - {name: batch, handler: {duration: 1ms}}
                traffic:
                  - {function: api, poisson: {rate: 5/s}}
                  - {function: batch, spike: {at: 2h, for: 10m, rate: 50/s%s}}
                """;
        PeriodSeries once = run(Scenarios.parse(yaml.formatted("")), Units.MICROS_PER_MINUTE).series();
        PeriodSeries daily = run(Scenarios.parse(yaml.formatted(", repeat: 1d")), Units.MICROS_PER_MINUTE).series();
        int batch = once.functions().indexOf("batch");
        int api = once.functions().indexOf("api");
        double second = 0;
        for (int p = 0; p < once.periods(); p++) {
            assertEquals(once.get(api, Metric.REQUESTS, p), daily.get(api, Metric.REQUESTS, p), "api, minute " + p);
            if (p < 24 * 60) {
                assertEquals(once.get(batch, Metric.REQUESTS, p), daily.get(batch, Metric.REQUESTS, p), "batch, minute " + p);
            } else {
                assertEquals(0, once.get(batch, Metric.REQUESTS, p));
                second += daily.get(batch, Metric.REQUESTS, p);
            }
        }
        assertTrue(Math.abs(second - 30_000) < 5 * Math.sqrt(30_000), second + " requests in the second spike");
    }

    @Test
    void withoutRepeatAPatternOccursOnce() {
        ScenarioSpec spec = scenario("3d", "spike: {at: 2h, for: 10m, rate: 100/s}");
        assertEquals(new TrafficSpec.Spike(2 * Units.MICROS_PER_HOUR, 10 * Units.MICROS_PER_MINUTE, 100),
                spec.traffic().get(0).pattern());
        assertEquals(60_000, spec.expectedRequests(), 1e-6);
        assertEquals("spike 100/s at 2h for 10m", spec.traffic().get(0).pattern().describe());
    }
}
