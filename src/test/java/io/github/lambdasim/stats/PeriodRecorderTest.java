package io.github.lambdasim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.engine.RandomStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Per-period percentiles: exact (the value at rank ceil(p/100 x n) of the sorted values) while a
 * period has at most {@link PeriodRecorder#EXACT_LIMIT} values, within 1% beyond; a reset starts
 * the next period from nothing, in either form.
 */
class PeriodRecorderTest {
    private static final double[] PS = {50, 90, 99, 99.9};

    @Test
    void smallPeriodsAreExact() {
        PeriodRecorder r = new PeriodRecorder();
        long[] out = new long[PS.length];
        for (long v : new long[] {30, 10, 20}) {
            r.record(v);
        }
        r.percentilesMicros(PS, out);
        assertArrayEquals(new long[] {20, 30, 30, 30}, out);
        r.reset();
        for (int i = 1; i <= 1000 && i <= PeriodRecorder.EXACT_LIMIT; i++) {
            r.record(i);
        }
        r.percentilesMicros(PS, out);
        // 256 values 1..256: ranks 128, 231 (230.4 up), 254 (253.44 up), 256 (255.74 up)
        assertArrayEquals(new long[] {128, 231, 254, 256}, out);
        assertEquals(128.5, r.meanMicros(), 1e-12);
        assertEquals(256, r.maxMicros());
    }

    @Test
    void busyPeriodsAreWithinOnePercentAndAResetForgetsThem() {
        RandomStream random = RandomStream.of(3, "period-recorder-test", 0);
        PeriodRecorder r = new PeriodRecorder();
        long[] out = new long[PS.length];
        for (int period = 0; period < 3; period++) {
            int n = 10_000 + period * 5_000;
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = 1000 + (long) (random.nextExponential(40_000));
                r.record(values[i]);
            }
            r.percentilesMicros(PS, out);
            Arrays.sort(values);
            for (int k = 0; k < PS.length; k++) {
                long exact = values[Recorder.rank(PS[k], n) - 1];
                assertTrue(Math.abs(out[k] - exact) <= 0.01 * exact, "period " + period + " p" + PS[k] + ": " + out[k]
                        + " against " + exact);
            }
            assertEquals(n, r.count());
            r.reset();
            r.percentilesMicros(PS, out);
            assertArrayEquals(new long[4], out);
        }
    }
}
