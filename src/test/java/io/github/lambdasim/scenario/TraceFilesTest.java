package io.github.lambdasim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Trace files are CSV as RFC 4180 writes it: a quoted cell may hold commas and doubled quotes
 * and stays one cell; each file is read once for a scenario, whatever the entries that use it.
 */
class TraceFilesTest {
    private static final Path TRACE = Path.of("src/test/resources/io/github/lambdasim/scenario/tiny-account")
            .toAbsolutePath();

    @Test
    void aQuotedCellWithCommasAndQuotesIsOneCell() throws Exception {
        TraceFiles files = new TraceFiles(TRACE);
        TraceFiles.Table t = files.invocations("invocations.csv");
        assertEquals(4, t.size());
        // Row 1's trigger is "timer, queue", row 2's "a ""quoted"" trigger": the minutes stay in place.
        assertArrayEquals(new long[] {0, 0, 0, 0, 7}, t.counts(1));
        assertArrayEquals(new long[] {10, 10, 10, 10, 10}, t.counts(2));
        assertArrayEquals(new long[] {10, 10, 10, 10, 10}, files.minuteCounts("invocations.csv", "77ee"));
    }

    @Test
    void eachFileIsReadOnce() throws Exception {
        TraceFiles files = new TraceFiles(TRACE);
        assertSame(files.invocations("invocations.csv"), files.invocations("./invocations.csv"));
    }
}
