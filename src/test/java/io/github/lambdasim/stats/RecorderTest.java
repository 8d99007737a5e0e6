package io.github.lambdasim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lambdasim.engine.RandomStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A {@link Recorder} gives the same percentiles as a 3-digit HdrHistogram of the same values,
 * whether it still keeps the values or has moved them into a histogram, and whatever their
 * count: the small functions of a whole account are summarised exactly as a busy one.
 */
class RecorderTest {
    private static final double[] PERCENTILES = {0, 0.1, 1, 10, 25, 50, 75, 90, 99, 99.9, 99.99, 100};

    @Test
    void percentilesEqualAnHdrHistogramsBeforeAndAfterTheValuesMoveIntoOne() {
        RandomStream r = RandomStream.of(7, "recorder-test", 0);
        for (int n : new int[] {1, 2, 3, 10, 99, 100, 1000, Recorder.EXACT_LIMIT - 1, Recorder.EXACT_LIMIT,
            Recorder.EXACT_LIMIT + 1, 3 * Recorder.EXACT_LIMIT}) {
            Recorder recorder = new Recorder();
            Histogram reference = new Histogram(3);
            reference.setAutoResize(true);
            long max = 0;
            for (int i = 0; i < n; i++) {
                // log-normal-ish spread over six decades, with repeats
                long v = (long) Math.exp(r.nextDouble() * 14);
                recorder.record(v);
                reference.recordValue(v);
                max = Math.max(max, v);
            }
            assertEquals(n <= Recorder.EXACT_LIMIT, recorder.exact(), "n=" + n);
            assertEquals(n, recorder.count());
            assertEquals(max, recorder.maxMicros());
            for (double p : PERCENTILES) {
                assertEquals(Math.min(max, reference.getValueAtPercentile(p)), recorder.percentileMicros(p),
                        "n=" + n + " p" + p);
            }
            assertEquals(n, recorder.compressed().totalCount());
            assertEquals(reference.getValueAtPercentile(99), recorder.compressed().decode().getValueAtPercentile(99));
        }
    }

    @Test
    void mergingKeepsEveryValueWhateverFormEachSideIsIn() {
        Recorder small = new Recorder();
        Recorder big = new Recorder();
        Histogram reference = new Histogram(3);
        long max = Math.max(100 * 1000L, 50_000 + 2 * Recorder.EXACT_LIMIT - 1);
        for (int i = 1; i <= 100; i++) {
            small.record(i * 1000L);
            reference.recordValue(i * 1000L);
        }
        for (int i = 0; i < 2 * Recorder.EXACT_LIMIT; i++) {
            big.record(50_000 + i);
            reference.recordValue(50_000 + i);
        }
        assertTrue(small.exact());
        assertFalse(big.exact());
        for (Recorder m : new Recorder[] {Recorder.merge(small, big), Recorder.merge(big, small)}) {
            assertEquals(reference.getTotalCount(), m.count());
            assertEquals(max, m.maxMicros());
            for (double p : PERCENTILES) {
                assertEquals(Math.min(m.maxMicros(), reference.getValueAtPercentile(p)), m.percentileMicros(p), "p" + p);
            }
        }
        Recorder both = Recorder.merge(small, small);
        assertEquals(200, both.count());
        assertEquals(50_500, both.meanMicros(), 1e-9);
    }

    @Test
    void anEmptyRecorderSummarisesAsZeros() {
        Recorder r = new Recorder();
        assertEquals(DistributionSummary.EMPTY, r.summary());
        assertEquals(0, r.compressed().totalCount());
    }

    @Test
    void selectionFindsTheKthSmallestWhateverTheDuplicates() {
        RandomStream r = RandomStream.of(9, "select-test", 0);
        for (int n : new int[] {1, 2, 17, 18, 100, 1000}) {
            for (int spread : new int[] {1, 3, 1_000_000}) {
                int[] values = new int[n];
                for (int i = 0; i < n; i++) {
                    values[i] = (int) (r.nextDouble() * spread);
                }
                int[] sorted = values.clone();
                java.util.Arrays.sort(sorted);
                for (int k = 0; k < n; k += Math.max(1, n / 37)) {
                    assertEquals(sorted[k], Recorder.select(values.clone(), n, k), "n=" + n + " spread=" + spread + " k=" + k);
                }
                assertEquals(sorted[n - 1], Recorder.select(values, n, n - 1));
            }
        }
    }
}
