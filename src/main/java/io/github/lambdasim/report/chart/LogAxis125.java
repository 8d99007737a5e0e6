package io.github.lambdasim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis with labelled ticks at 1, 2 and 5 x 10^k ({@link Ticks#logTicks}) and plain
 * numbers as labels (20, 500, 2,000), where JFreeChart's own log axis labels powers of ten only.
 */
final class LogAxis125 extends LogAxis {
    private static final long serialVersionUID = 1L;

    LogAxis125(String label, double lower, double upper) {
        super(label);
        setBase(10);
        setSmallestValue(lower);
        setAutoRange(false);
        setRange(lower, upper);
        setMinorTickMarksVisible(false);
    }

    @Override
    protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    private List<ValueTick> ticks(TextAnchor anchor) {
        List<ValueTick> ticks = new ArrayList<>();
        for (double v : Ticks.logTicks(getLowerBound(), getUpperBound(), 4)) {
            String label = ChartStyle.format("", Ticks.decimals(v)).format(v);
            ticks.add(new NumberTick(TickType.MAJOR, v, label, anchor, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }
}
