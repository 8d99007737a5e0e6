package io.github.lambdasim.report;

import static io.github.lambdasim.report.Html.esc;

import io.github.lambdasim.report.chart.Ticks;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.ReportData.Trace;
import io.github.lambdasim.report.data.ReportData.TraceAttempt;
import io.github.lambdasim.report.data.ReportData.TraceRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One sampled tree of requests drawn as an inline SVG waterfall, in the manner of AWS X-Ray's
 * trace view: a row per attempt of each request (the request's function, indented under the
 * request that caused it), a bar of its wait (in the queue, or for a retry), its init on a cold
 * start and its run, and at the right where it started and how long each part took.
 *
 * <p>A tree's work takes milliseconds while an event may wait minutes for capacity or a retry.
 * On one linear scale the work would shrink to a pixel, and on a log scale the lengths of bars
 * could not be compared; so the longest stretches when nothing of the tree runs are cut out of
 * the axis while its work would get less than a sixth of the width ({@link #WORK_SHARE}): drawn as a
 * band of fixed width with zigzag edges, labelled with the time it stands for. Everything
 * outside the bands is on one linear scale.
 */
final class TraceView {
    static final double WIDTH = 1136;
    static final double LABEL_W = 220;
    static final double DETAIL_W = 350;
    static final double GAP = 10;
    static final double TRACK_X = LABEL_W + GAP;
    static final double TRACK_W = WIDTH - LABEL_W - DETAIL_W - 2 * GAP;
    static final double ROW_H = 24;
    static final double AXIS_H = 40;
    static final double BAND_W = 64;
    /** Idle stretches are cut while the linear width is more than this many times the tree's work. */
    static final double WORK_SHARE = 6;
    /** Most stretches cut from one trace's axis. */
    static final int MAX_CUTS = 4;
    /** Rows drawn of one trace; data/traces.json has the rest. */
    static final int MAX_ROWS = 40;

    static final String WAIT = "#c8ccd2";
    static final String INIT = "#E69F00";
    static final String RUN = "#0072B2";
    static final String FAILED = "#D55E00";
    static final String INK = "#222";
    static final String MUTED = "#555";
    static final String RULE = "#ddd";

    private TraceView() {
    }

    /** One row of the waterfall: a request's attempt (or run of throttled attempts) and the wait before it. */
    record Row(String label, int depth, double waitFrom, double start, double init, double end, String outcome,
               List<Double> throttles, String detail, boolean ended) {
    }

    /**
     * The axis: kept stretches of real time, each on the same linear scale, and between each two
     * a cut band of {@link #BAND_W} pixels.
     */
    static final class Axis {
        final double t0;
        final List<double[]> kept = new ArrayList<>();
        final double pxPerMs;

        Axis(double t0, double t1, List<double[]> busy) {
            this.t0 = t0;
            // The stretches when nothing runs, between the union of busy intervals.
            busy.sort(Comparator.comparingDouble(b -> b[0]));
            List<double[]> gaps = new ArrayList<>();
            double reach = t0;
            for (double[] b : busy) {
                if (b[0] > reach) {
                    gaps.add(new double[] {reach, b[0]});
                }
                reach = Math.max(reach, b[1]);
            }
            if (t1 > reach) {
                gaps.add(new double[] {reach, t1});
            }
            gaps.sort(Comparator.comparingDouble(g -> -(g[1] - g[0])));
            double span = t1 - t0;
            double idle = 0;
            for (double[] g : gaps) {
                idle += g[1] - g[0];
            }
            double work = Math.max(span - idle, 1e-3);
            // Cut the longest idle stretches while the tree's work would get less than 1 / WORK_SHARE of the
            // linear width; a stretch is cut only when it is longer than twice the work.
            double cut = 0;
            List<double[]> cuts = new ArrayList<>();
            for (double[] g : gaps) {
                double length = g[1] - g[0];
                if (cuts.size() == MAX_CUTS || span - cut <= WORK_SHARE * work || length <= 2 * work) {
                    break;
                }
                cuts.add(g);
                cut += length;
            }
            cuts.sort(Comparator.comparingDouble(g -> g[0]));
            double from = t0;
            for (double[] c : cuts) {
                kept.add(new double[] {from, c[0]});
                from = c[1];
            }
            kept.add(new double[] {from, t1});
            double linear = span - cut;
            pxPerMs = (TRACK_W - cuts.size() * BAND_W) / Math.max(linear, 1e-3);
        }

        int cuts() {
            return kept.size() - 1;
        }

        /** The x of time {@code t} (ms since the start of the run); inside a band, proportionally across it. */
        double x(double t) {
            double x = TRACK_X;
            for (int i = 0; i < kept.size(); i++) {
                double[] k = kept.get(i);
                if (t <= k[1] || i == kept.size() - 1) {
                    return x + Math.max(0, Math.min(t, k[1]) - k[0]) * pxPerMs;
                }
                x += (k[1] - k[0]) * pxPerMs;
                double[] next = kept.get(i + 1);
                if (t < next[0]) {
                    return x + BAND_W * (t - k[1]) / (next[0] - k[1]);
                }
                x += BAND_W;
            }
            return x;
        }

        /** Where band {@code i} (between kept stretches i and i + 1) begins. */
        double bandX(int i) {
            return x(kept.get(i)[1]);
        }

        double bandMs(int i) {
            return kept.get(i + 1)[0] - kept.get(i)[1];
        }
    }

    /** The rows of a trace: each request's attempts, depth first from the root, children in the order they arrived. */
    static List<Row> rows(Trace t) {
        List<TraceRequest> rs = t.requests();
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 1; i < rs.size(); i++) {
            children.get(rs.get(i).cause()).add(i);
        }
        for (List<Integer> c : children) {
            c.sort(Comparator.comparingDouble((Integer i) -> rs.get(i).arrivalMs()).thenComparingInt(i -> i));
        }
        List<Row> rows = new ArrayList<>();
        addRows(rows, t, 0, 0, children);
        return rows;
    }

    private static void addRows(List<Row> rows, Trace t, int i, int depth, List<List<Integer>> children) {
        TraceRequest r = t.requests().get(i);
        String what = r.function() + " " + switch (r.kind()) {
            case "sync" -> "(request)";
            case "call" -> "(call)";
            case "async" -> "(event)";
            default -> "(" + r.kind() + ")";
        };
        List<TraceAttempt> as = r.attempts();
        double waitFrom = r.arrivalMs();
        int k = 0;
        boolean several = as.size() > 1;
        while (k < as.size()) {
            TraceAttempt a = as.get(k);
            if (a.outcome().equals("throttled")) {
                // A run of throttled attempts is one row: the wait, and a mark at each throttle.
                List<Double> marks = new ArrayList<>();
                int first = k;
                while (k < as.size() && as.get(k).outcome().equals("throttled")) {
                    marks.add(as.get(k).startMs());
                    k++;
                }
                double last = marks.get(marks.size() - 1);
                String label = what + (several ? ", " + attempts(first, k) : "");
                String detail = offset(waitFrom - t.startMs()) + wait(last - waitFrom) + " · throttled"
                        + (marks.size() > 1 ? " " + Format.count(marks.size()) + "×" : "");
                rows.add(new Row(label, depth, waitFrom, last, 0, last, "throttled", marks, detail, false));
                waitFrom = last;
                continue;
            }
            String label = what + (several ? ", " + attempts(k, k + 1) : "");
            double run = a.endMs() - a.startMs() - a.initMs();
            String detail = offset(a.startMs() - t.startMs()) + wait(a.startMs() - waitFrom)
                    + (a.initMs() > 0 ? " · init " + Format.ms(a.initMs()) : "") + " · run " + Format.ms(run)
                    + (a.outcome().equals("ok") ? "" : " · " + a.outcome());
            rows.add(new Row(label, depth, waitFrom, a.startMs(), a.initMs(), a.endMs(), a.outcome(), List.of(), detail,
                    false));
            waitFrom = a.endMs();
            k++;
        }
        if (as.isEmpty() || (r.outcome().equals("dropped") && r.endMs() > waitFrom + 1e-6)) {
            // Given up while waiting (past its maximum age, or stopped as a loop): the wait until then.
            rows.add(new Row(what + (as.isEmpty() ? "" : ", given up"), depth, waitFrom, r.endMs(), 0, r.endMs(),
                    r.outcome(), List.of(), offset(waitFrom - t.startMs()) + wait(r.endMs() - waitFrom) + " · "
                    + r.outcome(), true));
        } else if (!r.outcome().equals("done")) {
            // A request that failed on its last attempt (an error, a timeout, or throttled to the end).
            Row last = rows.remove(rows.size() - 1);
            rows.add(new Row(last.label(), last.depth(), last.waitFrom(), last.start(), last.init(), last.end(),
                    last.outcome(), last.throttles(), last.detail(), true));
        }
        for (int c : children.get(i)) {
            addRows(rows, t, c, depth + 1, children);
        }
    }

    private static String attempts(int from, int to) {
        return to - from == 1 ? "attempt " + (from + 1) : "attempts " + (from + 1) + "–" + to;
    }

    private static String offset(double ms) {
        return "+" + Format.ms(Math.max(0, ms));
    }

    private static String wait(double ms) {
        return ms >= 0.5 ? " · wait " + duration(ms) : "";
    }

    /** A length of time for people: {@code 340 ms}, {@code 12.5 s}, {@code 4.2 min}, {@code 1.3 h}. */
    static String duration(double ms) {
        if (ms >= 3_600_000) {
            return Format.number(ms / 3_600_000, 1) + " h";
        }
        if (ms >= 120_000) {
            return Format.number(ms / 60_000, 1) + " min";
        }
        return Format.ms(ms);
    }

    /** The axis of a trace drawn as {@code rows}: busy while an attempt runs, and at each request's arrival. */
    static Axis axis(Trace t, List<Row> rows) {
        List<double[]> busy = new ArrayList<>();
        for (Row r : rows) {
            busy.add(new double[] {r.start(), r.end()});
        }
        for (TraceRequest r : t.requests()) {
            busy.add(new double[] {r.arrivalMs(), r.arrivalMs()});
        }
        double t0 = t.startMs();
        return new Axis(t0, Math.max(t.endMs(), t0 + 1e-3), busy);
    }

    /** The SVG of a trace. */
    static String svg(Trace t) {
        List<Row> all = rows(t);
        List<Row> rows = all.size() > MAX_ROWS ? all.subList(0, MAX_ROWS) : all;
        Axis axis = axis(t, rows);
        double height = AXIS_H + rows.size() * ROW_H + 8;
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trace\" width=\"").append(n(WIDTH))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(WIDTH)).append(' ')
                .append(n(height)).append("\" font-size=\"13\" role=\"img\" aria-label=\"")
                .append(esc("Trace of " + t.entryPoint() + " (" + t.kind() + ")")).append("\">\n");
        axis(s, axis, height);
        for (int i = 0; i < rows.size(); i++) {
            row(s, rows.get(i), axis, AXIS_H + i * ROW_H);
        }
        bands(s, axis, height);
        s.append("</svg>");
        return s.toString();
    }

    private static void axis(StringBuilder s, Axis axis, double height) {
        double y = AXIS_H - 8;
        s.append("<line x1=\"").append(n(TRACK_X)).append("\" y1=\"").append(n(y)).append("\" x2=\"")
                .append(n(TRACK_X + TRACK_W)).append("\" y2=\"").append(n(y)).append("\" stroke=\"#9a9a9a\"/>\n");
        s.append("<text x=\"").append(n(LABEL_W - GAP)).append("\" y=\"").append(n(y - 8))
                .append("\" text-anchor=\"end\" fill=\"").append(MUTED).append("\">since the request arrived</text>\n");
        // The bands' labels first (the time each cuts out), then ticks where they leave room.
        List<double[]> taken = new ArrayList<>();
        for (int i = 0; i < axis.cuts(); i++) {
            double bx = axis.bandX(i) + BAND_W / 2;
            String label = duration(axis.bandMs(i));
            taken.add(new double[] {bx - label.length() * 3.8, bx + label.length() * 3.8});
            s.append("<text x=\"").append(n(bx)).append("\" y=\"").append(n(y - 8))
                    .append("\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"").append(INK).append("\">")
                    .append(esc(label)).append("</text>\n");
        }
        // About one tick per 90 pixels of the linear scale.
        double step = Ticks.niceCeil(90 / axis.pxPerMs);
        for (double[] k : axis.kept) {
            double firstTick = Math.ceil((k[0] - axis.t0) / step - 1e-9) * step + 0.0;
            for (double v = firstTick; axis.t0 + v <= k[1] + 1e-9; v += step) {
                double x = axis.x(axis.t0 + v);
                String label = tick(v, step);
                double half = label.length() * 3.6;
                boolean first = x < TRACK_X + half;
                double from = first ? x : x - half;
                double to = first ? x + 2 * half : x + half;
                s.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(n(x))
                        .append("\" y2=\"").append(n(height - 6)).append("\" stroke=\"").append(RULE).append("\"/>\n");
                boolean free = to <= WIDTH - DETAIL_W;
                for (double[] t : taken) {
                    free &= to + 6 < t[0] || from - 6 > t[1];
                }
                if (free) {
                    s.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y - 8))
                            .append(first ? "\" text-anchor=\"start" : "\" text-anchor=\"middle").append("\" fill=\"")
                            .append(MUTED).append("\">").append(esc(label)).append("</text>\n");
                    taken.add(new double[] {from, to});
                }
            }
        }
        s.append("<text x=\"").append(n(WIDTH - DETAIL_W + GAP)).append("\" y=\"").append(n(y - 8)).append("\" fill=\"")
                .append(MUTED).append("\">starts at · wait · init · run</text>\n");
    }

    /** A tick's label: {@code 250 ms}, {@code 1.5 s}, {@code 312.4 s}. */
    static String tick(double ms, double step) {
        if (step < 1000 && ms < 10_000) {
            return Format.number(ms, Ticks.decimals(step)) + " ms";
        }
        return Format.number(ms / 1000, Math.max(0, Ticks.decimals(step / 1000))) + " s";
    }

    private static void row(StringBuilder s, Row r, Axis axis, double top) {
        double mid = top + ROW_H / 2;
        s.append("<g>\n<text x=\"").append(n(8 + r.depth() * 16)).append("\" y=\"").append(n(mid + 4.5)).append("\" fill=\"")
                .append(INK).append("\">").append(esc(ellipsis(r.label(), 31 - 2 * r.depth()))).append("</text>\n");
        double barTop = top + 5;
        double barH = ROW_H - 10;
        if (r.start() > r.waitFrom()) {
            rect(s, axis.x(r.waitFrom()), top + 8, axis.x(r.start()) - axis.x(r.waitFrom()), ROW_H - 16, WAIT, 0);
        }
        if (!r.outcome().equals("throttled") && r.end() >= r.start() && !r.outcome().equals("dropped")) {
            double initEnd = r.start() + r.init();
            if (r.init() > 0) {
                rect(s, axis.x(r.start()), barTop, axis.x(initEnd) - axis.x(r.start()), barH, INIT, 1);
            }
            boolean failed = !r.outcome().equals("ok");
            rect(s, axis.x(initEnd), barTop, axis.x(r.end()) - axis.x(initEnd), barH, failed ? FAILED : RUN, 1);
        }
        for (double m : r.throttles()) {
            double x = axis.x(m);
            s.append("<path d=\"M").append(n(x - 4)).append(' ').append(n(mid - 4)).append("l8 8m0 -8l-8 8\" stroke=\"")
                    .append(FAILED).append("\" stroke-width=\"2\"/>\n");
        }
        if (r.ended()) {
            double x = axis.x(r.end());
            s.append("<path d=\"M").append(n(x - 5)).append(' ').append(n(mid - 5)).append("l10 10m0 -10l-10 10\" stroke=\"")
                    .append(INK).append("\" stroke-width=\"2.5\"/>\n");
        }
        boolean bad = !r.outcome().equals("ok");
        s.append("<text x=\"").append(n(WIDTH - DETAIL_W + GAP)).append("\" y=\"").append(n(mid + 4.5))
                .append("\" font-size=\"12\" fill=\"").append(bad ? "#b34700" : MUTED).append("\">")
                .append(esc(ellipsis(r.detail(), 60))).append("</text>\n</g>\n");
    }

    /** The cut bands over every row: white with zigzag edges, so that no bar seems to run straight through. */
    private static void bands(StringBuilder s, Axis axis, double height) {
        for (int i = 0; i < axis.cuts(); i++) {
            double x = axis.bandX(i);
            double top = AXIS_H - 14;
            s.append("<rect x=\"").append(n(x + 4)).append("\" y=\"").append(n(top)).append("\" width=\"")
                    .append(n(BAND_W - 8)).append("\" height=\"").append(n(height - top - 4))
                    .append("\" fill=\"#fff\" fill-opacity=\"0.55\"/>\n");
            for (double edge : new double[] {x + 4, x + BAND_W - 4}) {
                StringBuilder d = new StringBuilder("M").append(n(edge)).append(' ').append(n(top));
                boolean left = true;
                for (double yy = top + 6; yy <= height - 4; yy += 6) {
                    d.append(" L").append(n(edge + (left ? -3 : 3))).append(' ').append(n(yy));
                    left = !left;
                }
                s.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"#777\" stroke-width=\"1.2\"/>\n");
            }
        }
    }

    private static void rect(StringBuilder s, double x, double y, double w, double h, String fill, double minWidth) {
        s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(w,
                minWidth))).append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append("\"/>\n");
    }

    private static String ellipsis(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** The legend of the trace view, as HTML above the traces. */
    static String legend() {
        return "<p class=\"trace-legend\"><span class=\"sw\" style=\"background:" + WAIT + "\"></span> waiting (in the "
                + "queue, for capacity, or for a retry) <span class=\"sw\" style=\"background:" + INIT + "\"></span> init "
                + "(cold start) <span class=\"sw\" style=\"background:" + RUN + "\"></span> running "
                + "<span class=\"sw\" style=\"background:" + FAILED + "\"></span> failed attempt (error or timeout) "
                + "<span style=\"color:" + FAILED + "\">✕</span> throttled attempt <b>✕</b> request failed or event "
                + "dropped</p>\n";
    }
}
