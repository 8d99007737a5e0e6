package io.github.lambdasim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lambdasim.report.data.ReportData.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's pure parts: HTML escaping of the user's text, the choice of invocations for the
 * timeline (a few cold and warm ones spread over the run, in the order they arrived). The way
 * numbers are written is tested with {@code Format}, in report.data.
 */
class ReportHtmlTest {
    @Test
    void escapesEverythingHtmlGivesMeaningTo() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", ReportHtml.esc("a <b> & \"c\" 'd'"));
        assertEquals("plain-name_1", ReportHtml.esc("plain-name_1"));
    }

    @Test
    void spreadPicksEvenlyFromFirstToLast() {
        List<Integer> ten = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(List.of(0, 5, 9), ReportHtml.spread(ten, 3));
        assertEquals(List.of(0, 1), ReportHtml.spread(List.of(0, 1), 3));
        assertEquals(List.of(0), ReportHtml.spread(ten, 1));
    }

    @Test
    void timelineTakesAFewColdAndWarmInvocationsInArrivalOrder() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean cold = i % 4 == 0;
            samples.add(new Sample("api", "id" + i, i * 10.0, cold ? 500.0 : null, 30, 31, null, cold, false, "success"));
        }
        List<Sample> picked = ReportHtml.timelineSamples(samples);
        assertEquals(List.of("id0", "id1", "id8", "id10", "id16", "id19"), picked.stream().map(Sample::requestId).toList());
        assertEquals(3, picked.stream().filter(Sample::cold).count());
    }
}
