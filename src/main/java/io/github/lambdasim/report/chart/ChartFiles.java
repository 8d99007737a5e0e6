package io.github.lambdasim.report.chart;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart as PNG (for viewing) and SVG (for documents). The SVG is reproducible: its defs keys
 * (clip paths, gradients) are prefixed with the chart's name instead of jfreesvg's default, a
 * clock reading, so the same chart gives the same bytes, and two charts inlined in one HTML page
 * never share an id.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static byte[] png(JFreeChart chart) {
        BufferedImage image = new BufferedImage(ChartStyle.WIDTH, ChartStyle.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            chart.draw(g, new Rectangle(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code v} to two decimals at most, without trailing zeros: {@code 190.43}, {@code 697}, {@code -0.5}. */
    static String hundredths(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        long r = Math.round(v * 100);
        if (r == 0) {
            return "0";
        }
        String sign = r < 0 ? "-" : "";
        long a = Math.abs(r);
        long whole = a / 100;
        long cents = a % 100;
        if (cents == 0) {
            return sign + whole;
        }
        return sign + whole + (cents % 10 == 0 ? "." + cents / 10 : cents < 10 ? ".0" + cents : "." + cents);
    }

    /** The chart as a standalone SVG document whose root element has the id {@code name}. */
    public static String svg(JFreeChart chart, String name) {
        SVGGraphics2D g = new SVGGraphics2D(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        g.setDefsKeyPrefix(name + "-");
        // Hundredths of a pixel are finer than any screen or print shows, and halve the file.
        g.setGeomDoubleConverter(ChartFiles::hundredths);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.draw(g, new Rectangle(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT));
        String element = g.getSVGElement(name, true, new ViewBox(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT), null, null);
        g.dispose();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n";
    }
}
