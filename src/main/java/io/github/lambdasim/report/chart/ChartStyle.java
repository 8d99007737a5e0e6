package io.github.lambdasim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The one look of every chart: white background, light grid, dark text in sizes readable when a
 * 1280 x 720 chart is shown at half size, and the Okabe-Ito palette, which readers with any
 * common colour-vision deficiency can tell apart. Colours carry meaning across charts: blue for
 * the main figure, orange for the tail (p99, cold starts), vermillion for throttles.
 */
public final class ChartStyle {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    // Okabe & Ito (2008), "Color Universal Design".
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLACK = new Color(0x222222);
    /** Series colours in order, for series that are not one of the named figures (functions). */
    public static final Color[] PALETTE = {BLUE, ORANGE, GREEN, VERMILLION, SKY_BLUE, PURPLE, BLACK, YELLOW};

    public static final Color INK = new Color(0x222222);
    public static final Color MUTED = new Color(0x555555);
    public static final Color GRID = new Color(0xE2E2E2);
    public static final Color AXIS_LINE = new Color(0x9A9A9A);

    private static final String FAMILY = Font.SANS_SERIF;
    public static final Font TITLE = new Font(FAMILY, Font.BOLD, 26);
    public static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 17);
    public static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 18);
    public static final Font TICK_LABEL = new Font(FAMILY, Font.PLAIN, 16);
    public static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 17);
    public static final Font ITEM_LABEL = new Font(FAMILY, Font.PLAIN, 15);
    public static final Font MARKER_LABEL = new Font(FAMILY, Font.BOLD, 15);

    public static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke THIN_LINE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke LIMIT_LINE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {10f, 6f}, 0f);
    public static final Stroke DASHED_LINE = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {8f, 5f}, 0f);

    private ChartStyle() {
    }

    /** A colour with the given opacity (0..1), for areas and bars drawn behind lines. */
    public static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }

    /** Styles a chart: titles, legend, plot background, grid and axes. */
    /**
     * A subtitle whose figures a wrapped line cannot split: no break inside {@code 510 ± 0 ms},
     * {@code 1,123 cold starts} stays breakable after the number's unit. The spaces within a figure
     * (around ±, before a unit) become no-break spaces.
     */
    static String unbroken(String text) {
        String nbsp = "\u00a0";
        return text.replaceAll("(?<=[0-9]) ± (?=[$0-9])", nbsp + "±" + nbsp)
                .replaceAll("(?<=[0-9]) (?=(ms|s|us|min|h|d|MB|GB|GB-s|vCPU|%)(?![A-Za-z]))", nbsp);
    }

    public static JFreeChart apply(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(12, 16, 10, 36));
        TextTitle title = chart.getTitle();
        title.setFont(TITLE);
        title.setPaint(INK);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setMargin(0, 4, 4, 0);
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(unbroken(subtitle), SUBTITLE);
            sub.setPaint(MUTED);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            sub.setMargin(0, 4, 10, 0);
            chart.addSubtitle(0, sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setItemPaint(INK);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
            legend.setMargin(8, 0, 0, 0);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(6, 6, 6, 6));
        if (plot instanceof XYPlot xy) {
            style(xy);
        } else if (plot instanceof CategoryPlot cat) {
            style(cat);
        }
        return chart;
    }

    /** Grid and axes of an XY plot; {@link #apply} calls it, and charts of several panels call it for each panel. */
    public static void style(XYPlot xy) {
        xy.setBackgroundPaint(Color.WHITE);
        xy.setOutlineVisible(false);
        xy.setDomainGridlinePaint(GRID);
        xy.setRangeGridlinePaint(GRID);
        xy.setDomainGridlineStroke(new BasicStroke(1f));
        xy.setRangeGridlineStroke(new BasicStroke(1f));
        xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < xy.getDomainAxisCount(); i++) {
            axis(xy.getDomainAxis(i));
        }
        for (int i = 0; i < xy.getRangeAxisCount(); i++) {
            axis(xy.getRangeAxis(i));
        }
    }

    /** Grid and axes of a category plot, for it alone or as a panel. */
    public static void style(CategoryPlot cat) {
        cat.setBackgroundPaint(Color.WHITE);
        cat.setOutlineVisible(false);
        cat.setRangeGridlinePaint(GRID);
        cat.setRangeGridlineStroke(new BasicStroke(1f));
        cat.setAxisOffset(RectangleInsets.ZERO_INSETS);
        axis(cat.getDomainAxis());
        for (int i = 0; i < cat.getRangeAxisCount(); i++) {
            axis(cat.getRangeAxis(i));
        }
    }

    /** Fonts and colours of an axis. */
    public static void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setTickMarkPaint(AXIS_LINE);
        axis.setLabelInsets(new RectangleInsets(6, 6, 6, 6));
    }

    /** A linear axis with the given range and tick step, its labels grouped (1,000) and as precise as the step. */
    public static NumberAxis numberAxis(String label, Ticks.Range range, String prefix) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRange(false);
        axis.setRange(range.lower(), range.upper());
        int decimals = Ticks.decimals(range.step());
        if (prefix.equals("$") && decimals > 0) {
            decimals = Math.max(2, decimals); // $0.05, $0.50, but $20
        }
        axis.setTickUnit(new NumberTickUnit(range.step(), format(prefix, decimals)));
        return axis;
    }

    /** The time axis of a run. */
    public static NumberAxis timeAxis(TimeScale scale) {
        NumberAxis axis = new NumberAxis(scale.axisLabel());
        axis.setAutoRange(false);
        axis.setRange(scale.lower(), scale.upper());
        axis.setTickUnit(new NumberTickUnit(scale.step(), scale.tickFormat()));
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    /** {@code #,##0} with {@code decimals} decimals and a prefix such as "$", in the root locale. */
    public static NumberFormat format(String prefix, int decimals) {
        DecimalFormat f = new DecimalFormat(prefix.replace("$", "'$'") + "#,##0"
                + (decimals > 0 ? "." + "0".repeat(decimals) : ""), DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f;
    }

    /** A horizontal line at a limit, labelled at its right end above the line. */
    public static ValueMarker limitLine(double value, String label, Paint paint) {
        ValueMarker m = new ValueMarker(value, paint, LIMIT_LINE);
        m.setLabel(label);
        m.setLabelFont(MARKER_LABEL);
        m.setLabelPaint(paint);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        m.setLabelOffset(new RectangleInsets(2, 2, 2, 8));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 230));
        return m;
    }

    /**
     * Adds horizontal limit line {@code m} (from {@link #limitLine}) to {@code plot}, its label
     * where no data point lies under it: above the line at the right (the usual place), below it,
     * or at the left, the first of those clear of the plot's points and inside it; false when there
     * is none, and the line goes unlabelled (the caller names it in the legend). A label's box is
     * taken as a third of the plot's width and a tenth of its height, in data units, which covers a
     * marker label's text at the charts' size.
     */
    public static boolean addLimitLineClearOfData(XYPlot plot, ValueMarker m) {
        // The domain axis may be a combined plot's, set later: the points' own extent stands for it.
        org.jfree.data.Range x = null;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) != null) {
                x = org.jfree.data.Range.combine(x, org.jfree.data.general.DatasetUtils.findDomainBounds(plot.getDataset(d)));
            }
        }
        org.jfree.data.Range y = plot.getRangeAxis().getRange();
        if (x == null) {
            plot.addRangeMarker(m);
            return true;
        }
        double w = x.getLength() * 0.36;
        double h = y.getLength() * 0.10;
        double v = m.getValue();
        // {x from, x to, y from, y to} of each place, in order of preference.
        double[][] boxes = {
            {x.getUpperBound() - w, x.getUpperBound(), v, v + h},
            {x.getUpperBound() - w, x.getUpperBound(), v - h, v},
            {x.getLowerBound(), x.getLowerBound() + w, v, v + h},
            {x.getLowerBound(), x.getLowerBound() + w, v - h, v}};
        RectangleAnchor[] anchors = {RectangleAnchor.TOP_RIGHT, RectangleAnchor.BOTTOM_RIGHT, RectangleAnchor.TOP_LEFT,
            RectangleAnchor.BOTTOM_LEFT};
        TextAnchor[] texts = {TextAnchor.BOTTOM_RIGHT, TextAnchor.TOP_RIGHT, TextAnchor.BOTTOM_LEFT, TextAnchor.TOP_LEFT};
        int place = -1;
        for (int i = 0; i < boxes.length && place < 0; i++) {
            // A place must lie inside the plot, and clear of its points.
            if (boxes[i][2] >= y.getLowerBound() && boxes[i][3] <= y.getUpperBound() && !anyPointIn(plot, boxes[i])) {
                place = i;
            }
        }
        plot.addRangeMarker(m);
        if (place < 0) {
            m.setLabel(null);
            return false;
        }
        m.setLabelAnchor(anchors[place]);
        m.setLabelTextAnchor(texts[place]);
        m.setLabelOffset(place % 2 == 0 ? new RectangleInsets(2, 8, 2, 8) : new RectangleInsets(4, 8, 4, 8));
        return true;
    }

    private static boolean anyPointIn(XYPlot plot, double[] box) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            org.jfree.data.xy.XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double px = data.getXValue(s, i);
                    double py = data.getYValue(s, i);
                    if (px >= box[0] && px <= box[1] && py >= box[2] && py <= box[3]) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A vertical line at a limit on the x axis, labelled at its top, right of the line. */
    public static ValueMarker verticalLimitLine(double value, String label, Paint paint) {
        ValueMarker m = limitLine(value, label, paint);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
        return m;
    }

    /**
     * The line of series {@code series} of {@code count} lines that may coincide (one thread or two
     * below one vCPU, two scenarios before a spike): each is drawn narrower than the one beneath
     * it, so a shared stretch shows as a line inside a line and no series disappears.
     */
    public static Stroke overlaidLine(int series, int count) {
        return new BasicStroke(2.5f + 2.5f * (count - 1 - series), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** The marker that goes with {@link #overlaidLine}. */
    public static java.awt.Shape overlaidDot(int series, int count) {
        double r = 5 + 2.5 * (count - 1 - series);
        return new java.awt.geom.Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    }

    /** The legend swatch of areas and bars. */
    public static final java.awt.Shape SWATCH = new java.awt.Rectangle(-7, -7, 14, 14);
}
