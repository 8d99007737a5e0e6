package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lambdasim.stats.Metric;
import io.github.lambdasim.stats.PeriodSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 2019 account-wide scaling rule reproduces the AWS Lambda Operator Guide's "On-demand
 * scaling example" exactly (serverlessland.com, AWS Lambda Operator Guide, "On-demand scaling
 * example"): 10,000 synchronous requests of about 60 s, an account concurrency limit of 10,000
 * and a burst of 3,000 (us-east-1); throttled requests are not retried.
 * <ul>
 * <li>all at once: 3,000 served, 7,000 throttled;</li>
 * <li>over 2 minutes: 2,000 throttled in the first minute, 1,500 in the second (3,500);</li>
 * <li>over 3 minutes: 333 throttled in the first minute, none after;</li>
 * <li>over 4 minutes: none throttled.</li>
 * </ul>
 * The guide's requests "arrive at the same time in the minute they are scheduled"; the same
 * figures hold when they are spread evenly over the minutes, which is what tells a burst followed
 * by +500 at the end of each minute from a refill spread over the minute (that one throttles
 * about 2,500 over 2 minutes and none over 3).
 */
class OperatorGuideScalingTest {
    private static final long MINUTE = 60_000_000L;

    /** Requests of exactly 60 s with no cold-start time, so that the first minute's environments serve the second's. */
    private static final String SCENARIO = """
            name: operator-guide
            duration: %dm
            platform: "2019"
            region: us-east-1
            account: {concurrencyLimit: 10000}
            functions:
              - name: f
                timeout: 900s
                coldStart: {constant: 0ms}
                handler: {duration: 60s}
            traffic:
            %s
            """;

    private static long[] throttlesPerMinute(String traffic, int minutes) {
        RunResult r = new Simulation(Scenarios.parse(SCENARIO.formatted(minutes, traffic)), 0, MINUTE,
                ProgressListener.NONE).run();
        assertEquals(10_000, Scenarios.only(r).requests());
        PeriodSeries s = r.series();
        long[] perMinute = new long[s.periods()];
        for (int p = 0; p < perMinute.length; p++) {
            perMinute[p] = Math.round(s.get(0, Metric.THROTTLES, p));
        }
        return perMinute;
    }

    /** One batch per minute in its first second, as the guide has them ("at the same time in the minute"). */
    private static String batches(int... perMinute) {
        StringBuilder b = new StringBuilder();
        for (int m = 0; m < perMinute.length; m++) {
            b.append("  - {function: f, name: minute").append(m + 1).append(", constant: {rate: ")
                    .append(perMinute[m]).append("/s, start: ").append(m * 60).append("s, end: ")
                    .append(m * 60 + 1).append("s}}\n");
        }
        return b.toString();
    }

    @ParameterizedTest(name = "over {0} minute(s)")
    @CsvSource({"1, 7000", "2, 3500", "3, 333", "4, 0"})
    void theGuidesFourCases(int minutes, long throttled) {
        int[] perMinute = new int[minutes];
        java.util.Arrays.fill(perMinute, 10_000 / minutes);
        perMinute[minutes - 1] += 10_000 % minutes;
        long[] t = throttlesPerMinute(batches(perMinute), minutes + 1);
        assertEquals(throttled, java.util.Arrays.stream(t).sum());
        if (minutes == 2) {
            assertArrayEquals(new long[] {2000, 1500, 0}, t);
        }
        if (minutes == 3) {
            assertArrayEquals(new long[] {333, 0, 0, 0}, t);
        }
    }

    @Test
    void twoMinutesSpreadEvenly() {
        // One request every 12 ms from t = 0: 5,000 a minute. The first minute's 3,000 environments
        // serve the second minute's first 3,000 requests; the last 2,000 get the 500 of the step.
        long[] t = throttlesPerMinute("  - {function: f, constant: {rate: 5000/min, start: 0s, end: 2m}}", 3);
        assertArrayEquals(new long[] {2000, 1500, 0}, t);
    }

    @Test
    void threeMinutesSpreadEvenly() {
        // One request every 18 ms from t = 0: the first minute holds 3,334 of the 10,000 (the guide
        // counts 3,333 in it), so 334 are throttled there, and none after.
        long[] t = throttlesPerMinute("  - {function: f, constant: {rate: 55.5555555556/s, start: 0s, end: 3m}}", 4);
        assertArrayEquals(new long[] {334, 0, 0, 0}, t);
    }
}
