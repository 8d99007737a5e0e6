package io.github.lambdasim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.engine.RandomStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * p95, p99.9 and the trimmed mean tm99 (the mean of the values at or below the 99th percentile,
 * CloudWatch's TM99): exact on a known set, and from the histograms within the precision the
 * recorders state (0.05% for a run's 3-digit histogram, 1% for a period's 2-digit one).
 */
class TrimmedMeanTest {
    @Test
    void oneToAThousandGivesTheHandComputedFigures() {
        // 1..1000 us: below 2,048 us the 3-digit buckets are one microsecond wide, so all is exact.
        // p95 is the 950th value, p99 the 990th, p99.9 the 999th; tm99 the mean of 1..990.
        Recorder r = new Recorder();
        PeriodRecorder period = new PeriodRecorder();
        for (int i = 1000; i >= 1; i--) {
            r.record(i);
        }
        DistributionSummary s = r.summary();
        assertEquals(0.950, s.p95(), 1e-12);
        assertEquals(0.990, s.p99(), 1e-12);
        assertEquals(0.999, s.p999(), 1e-12);
        assertEquals(0.4955, s.tm99(), 1e-12);
        assertEquals(0.5005, s.mean(), 1e-12);
        assertEquals(495.5, r.trimmedMeanMicros(99), 1e-9);
        assertEquals(475.5, r.trimmedMeanMicros(95), 1e-9); // the mean of 1..950
        assertEquals(500.5, r.trimmedMeanMicros(100), 1e-9);

        // A period of 1..200 (kept exact): p95 the 190th, tm99 the mean of 1..198.
        for (int i = 200; i >= 1; i--) {
            period.record(i);
        }
        long[] out = new long[2];
        period.percentilesMicros(new double[] {95, 99}, out);
        assertEquals(190, out[0]);
        assertEquals(198, out[1]);
        assertEquals(99.5, period.trimmedMeanMicros(99), 1e-9);
    }

    @Test
    void tiesAtTheCutAreAllKept() {
        // 98 ones and two tens: p99 is 10 (rank 99), so every value counts and tm99 is the mean.
        Recorder r = new Recorder();
        PeriodRecorder period = new PeriodRecorder();
        for (int i = 0; i < 100; i++) {
            r.record(i < 98 ? 1 : 10);
            period.record(i < 98 ? 1 : 10);
        }
        assertEquals(r.meanMicros(), r.trimmedMeanMicros(99), 1e-12);
        assertEquals(period.meanMicros(), period.trimmedMeanMicros(99), 1e-12);
        // 99 ones and a thousand: the thousand is above p99 and trimmed.
        Recorder s = new Recorder();
        for (int i = 0; i < 100; i++) {
            s.record(i < 99 ? 1 : 1000);
        }
        assertEquals(1, s.trimmedMeanMicros(99), 1e-12);
    }

    @Test
    void aRunsHistogramAgreesWithTheExactValuesWithinItsPrecision() {
        RandomStream random = RandomStream.of(11, "trimmed-mean-test", 0);
        for (int n : new int[] {Recorder.EXACT_LIMIT, Recorder.EXACT_LIMIT + 1, 5 * Recorder.EXACT_LIMIT}) {
            Recorder r = new Recorder();
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = (long) Math.exp(5 + random.nextDouble() * 12); // 150 us .. 24 minutes
                r.record(values[i]);
            }
            assertEquals(n <= Recorder.EXACT_LIMIT, r.exact());
            // The exact trimmed mean of the same values: those at or below the reported p99.
            long cut = r.percentileMicros(99);
            double sum = 0;
            long kept = 0;
            for (long v : values) {
                if (v <= cut) {
                    sum += v;
                    kept++;
                }
            }
            double exact = sum / kept;
            double tm = r.trimmedMeanMicros(99);
            assertTrue(Math.abs(tm - exact) <= exact / 2048, "n=" + n + ": " + tm + " against " + exact);
            if (r.exact()) {
                assertEquals(exact, tm, 1e-9 * exact);
            }
            // and it trims: between the median and the 99th percentile, below the mean
            assertTrue(tm <= r.meanMicros() && tm >= r.percentileMicros(50) * 0.5 && tm <= cut, "n=" + n);
        }
    }

    @Test
    void mergedRecordersGiveTheTrimmedMeanOfTheirValuesTogether() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Recorder all = new Recorder();
        for (int i = 1; i <= 3 * Recorder.EXACT_LIMIT; i++) {
            long v = 1000 + (i * 7919L) % 100_000;
            (i % 3 == 0 ? a : b).record(v);
            all.record(v);
        }
        assertFalse(all.exact());
        assertEquals(all.trimmedMeanMicros(99), Recorder.merge(a, b).trimmedMeanMicros(99), 1e-6);
        assertEquals(all.percentileMicros(95), Recorder.merge(b, a).percentileMicros(95));
    }

    @Test
    void aBusyPeriodIsWithinOnePercentAndAResetForgetsIt() {
        RandomStream random = RandomStream.of(5, "period-trimmed-mean-test", 0);
        PeriodRecorder r = new PeriodRecorder();
        for (int period = 0; period < 3; period++) {
            int n = 2_000 + period * 3_000;
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = 1000 + (long) random.nextExponential(40_000);
                r.record(values[i]);
            }
            Arrays.sort(values);
            long cut = values[Recorder.rank(99, n) - 1];
            double sum = 0;
            int kept = 0;
            for (long v : values) {
                if (v <= cut) {
                    sum += v;
                    kept++;
                }
            }
            double exact = sum / kept;
            double tm = r.trimmedMeanMicros(99);
            assertTrue(Math.abs(tm - exact) <= 0.01 * exact, "period " + period + ": " + tm + " against " + exact);
            r.reset();
            assertEquals(0, r.trimmedMeanMicros(99));
        }
        r.record(5);
        r.record(3);
        assertEquals(4, r.trimmedMeanMicros(99), 1e-12);
    }

    @Test
    void warmAndColdTogetherAreOneSetOfValues() {
        PeriodRecorder warm = new PeriodRecorder();
        PeriodRecorder cold = new PeriodRecorder();
        PeriodRecorder scratch = new PeriodRecorder();
        for (int i = 1; i <= 100; i++) {
            (i > 90 ? cold : warm).record(i);
        }
        PeriodRecorder all = PeriodRecorder.together(warm, cold, scratch);
        assertEquals(scratch, all);
        assertEquals(50, all.trimmedMeanMicros(99), 1e-12); // the mean of 1..99 (rank 99 is 99)
        assertEquals(warm, PeriodRecorder.together(warm, null, scratch));
        assertEquals(45.5, warm.trimmedMeanMicros(100), 1e-12);
    }
}
