package io.github.lambdasim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal number axis ticked at the values a sweep tried (128, 512, 1,792 MB), as AWS Lambda
 * Power Tuning labels its memory axis, rather than at round steps that match none of them. A
 * value too close to the previous labelled one to fit its label is left unlabelled.
 */
final class ValueTicksAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    /** Pixels a tick label needs per character, at the tick font, plus a gap. */
    private static final double PX_PER_CHAR = 10;
    private static final double GAP_PX = 14;

    private final double[] values;
    private final NumberFormat format;

    ValueTicksAxis(String label, double[] values, double lower, double upper, NumberFormat format) {
        super(label);
        this.values = values.clone();
        this.format = format;
        setAutoRange(false);
        setRange(lower, upper);
    }

    @Override
    protected List<ValueTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<ValueTick> ticks = new ArrayList<>();
        double lastPx = Double.NEGATIVE_INFINITY;
        double lastHalfWidth = 0;
        for (double v : values) {
            String label = format.format(v);
            double px = valueToJava2D(v, dataArea, edge);
            double halfWidth = (label.length() * PX_PER_CHAR) / 2;
            if (px - halfWidth - GAP_PX < lastPx + lastHalfWidth) {
                continue;
            }
            ticks.add(new NumberTick(TickType.MAJOR, v, label,
                    edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            lastPx = px;
            lastHalfWidth = halfWidth;
        }
        return ticks;
    }
}
