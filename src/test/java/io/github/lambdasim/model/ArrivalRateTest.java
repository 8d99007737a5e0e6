package io.github.lambdasim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Arrivals come at the rate asked for, however high: the count of a Poisson, spike or diurnal
 * source is within five standard deviations of rate x time from 10/s up to a billion a second,
 * where many requests arrive in the same microsecond; such a run ends (it used to stall, every
 * gap drawn again from the start of the microsecond, and rates of 100,000/s came out 5% high).
 */
class ArrivalRateTest {
    @ParameterizedTest(name = "{0} at {1} for {2}")
    @CsvSource({
        "poisson, 10/s, 10h",
        "poisson, 100000/s, 10s",
        "poisson, 1000000/s, 1s",
        "poisson, 1e9/s, 1ms",
        "spike, 5e8/s, 2ms",
        "diurnal, 200000/s, 5s",
    })
    void theCountMatchesTheRate(String pattern, String rate, String duration) {
        String traffic = switch (pattern) {
            case "spike" -> "spike: {at: 0s, for: " + duration + ", rate: " + rate + "}";
            case "diurnal" -> "diurnal: {mean: " + rate + ", amplitude: 0/s, period: 1h}";
            default -> "poisson: {rate: " + rate + "}";
        };
        var spec = Scenarios.parse("""
                name: rate
                duration: %s
                functions:
                  - {name: api, reservedConcurrency: 100, handler: {duration: 1ms}}
                traffic:
                  - {function: api, %s}
                """.formatted(duration, traffic));
        double expected = spec.expectedRequests();
        long requests = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Scenarios.only(Scenarios.run(spec, 0)).requests());
        assertTrue(Math.abs(requests - expected) < 5 * Math.sqrt(expected), requests + " requests, expected " + expected);
    }
}
