package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Units: each written form converts to the exact internal value; malformed forms are refused with a hint. */
class UnitsTest {
    @Test
    void durations() {
        assertEquals(120_000, Units.parseDurationMicros("120ms"));
        assertEquals(1_500_000, Units.parseDurationMicros("1.5s"));
        assertEquals(300_000_000, Units.parseDurationMicros("5m"));
        assertEquals(7_200_000_000L, Units.parseDurationMicros("2h"));
        assertEquals(30 * 86_400_000_000L, Units.parseDurationMicros("30d"));
        assertEquals(250, Units.parseDurationMicros("250us"));
        assertEquals(60_000_000, Units.parseDurationMicros("1 min"));
        assertEquals(390_000_000, Units.parseDurationMicros("6m30s"));
        assertEquals(5_400_000_000L, Units.parseDurationMicros("1h30m"));
        assertEquals(1_500_000, Units.parseDurationMicros("1s 500ms"));
    }

    @Test
    void malformedDurationsAreRefusedWithAHint() {
        for (String bad : new String[] {"120", "ms", "-5s", "5 parsecs", "NaN s", "Infinity s", "1e400s", "", "5m30", "5mm"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.parseDurationMicros(bad), bad);
            assertTrue(e.getMessage().contains("duration"), e.getMessage());
        }
    }

    @Test
    void rates() {
        assertEquals(50, Units.parseRatePerSecond("50/s"));
        assertEquals(50, Units.parseRatePerSecond("3000/min"));
        assertEquals(100_000 / 86_400.0, Units.parseRatePerSecond("100000/d"), 1e-12);
        assertEquals(2 / 3600.0, Units.parseRatePerSecond("2/h"), 1e-15);
        assertEquals(5000, Units.parseRatePerSecond("5k/s"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseRatePerSecond("50"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseRatePerSecond("50/fortnight"));
    }

    @Test
    void countsAndSizes() {
        assertEquals(3_000_000, Units.parseCount("3M"));
        assertEquals(500_000, Units.parseCount("500k"));
        assertEquals(1_200_000_000, Units.parseCount("1.2B"));
        assertEquals(1500, Units.parseCount("1500"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseCount("1.5"));
        assertEquals(512, Units.parseSizeMb("512"));
        assertEquals(10_240, Units.parseSizeMb("10GB"));
    }

    @Test
    void formatsDurationsAsPeopleWriteThem() {
        assertEquals("250ms", Units.formatDuration(250_000));
        assertEquals("1.5s", Units.formatDuration(1_500_000));
        assertEquals("2h", Units.formatDuration(7_200_000_000L));
        assertEquals("5m", Units.formatDuration(300_000_000));
        assertEquals("11h50m", Units.formatDuration(Units.parseDurationMicros("11h50m")));
    }
}
