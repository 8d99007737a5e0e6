package io.github.lambdasim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** An SLO line's label goes where no point lies under it, or into the legend (issue: it covered points). */
class LimitLineLabelTest {
    private static XYPlot plot(double[][] points) {
        XYSeries s = new XYSeries("p99");
        for (double[] p : points) {
            s.add(p[0], p[1]);
        }
        NumberAxis y = new NumberAxis();
        y.setRange(0, 20_000);
        return new XYPlot(new XYSeriesCollection(s), null, y, new XYLineAndShapeRenderer());
    }

    private static ValueMarker line(double value) {
        return ChartStyle.limitLine(value, "SLO: p99 latency <= " + value + "ms", Color.RED);
    }

    @Test
    void theLabelStaysAboveTheLineAtTheRightWhenNothingIsThere() {
        ValueMarker m = line(5_000);
        assertTrue(ChartStyle.addLimitLineClearOfData(plot(new double[][] {{128, 16_800}, {1024, 2_100}, {3008, 1_200}}), m));
        assertEquals(RectangleAnchor.TOP_RIGHT, m.getLabelAnchor());
    }

    @Test
    void aPointJustAboveTheLineAtTheRightSendsTheLabelBelowIt() {
        ValueMarker m = line(5_000);
        assertTrue(ChartStyle.addLimitLineClearOfData(plot(new double[][] {{128, 16_800}, {3008, 5_500}}), m));
        assertEquals(RectangleAnchor.BOTTOM_RIGHT, m.getLabelAnchor());
    }

    @Test
    void withNoPlaceClearTheLineGoesUnlabelled() {
        // The seed's hashing sweep under a 1,150 ms SLO: points just above the line at both ends, the axis just below it.
        ValueMarker m = line(1_150);
        assertFalse(ChartStyle.addLimitLineClearOfData(plot(new double[][] {{128, 16_800}, {512, 4_200}, {1024, 2_100},
            {1536, 1_450}, {1792, 1_210}, {2560, 1_205}, {3008, 1_200}}), m));
        assertNull(m.getLabel());
    }
}
