package io.github.lambdasim.report;

import io.github.lambdasim.report.chart.Charts.NamedChart;

/**
 * What every report page shares: the style sheet, escaping, and how a chart is inlined with its
 * caption and links to its files. The pages are self-contained: inline CSS and SVG, no script,
 * nothing fetched.
 */
final class Html {
    private Html() {
    }

    /** The page's start: head with title and style sheet, then the opening of main. */
    static void open(StringBuilder h, String title) {
        open(h, title, "");
    }

    /** The page's start with {@code css} after the shared style sheet (what only some pages need). */
    static void open(StringBuilder h, String title, String css) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append(css)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    /** What the page of an event-driven run adds to the style sheet: warnings and the trace view. */
    static final String EVENT_CSS = """
            .warning { max-width: 62em; padding: 8px 14px; background: #fbf0ea; border-left: 4px solid #D55E00; }
            figure.trace { margin: 12px 0 24px; }
            .trace-head { margin: 0 0 4px; font-size: .95rem; overflow-wrap: anywhere; }
            .trace-legend { font-size: .95rem; }
            .trace-legend .sw { display: inline-block; width: 14px; height: 12px; margin: 0 4px 0 12px; vertical-align: -1px; }
            """;

    /** The page's end, after a footer saying how to draw it again. */
    static void close(StringBuilder h) {
        h.append("<footer>Written by lambdasim from the files of this folder; <code>lambdasim report &lt;folder&gt;</code>"
                + " draws it again.</footer>\n</main>\n</body>\n</html>\n");
    }

    /** A chart inlined as SVG, with its caption and links to its PNG and SVG files in charts/. */
    static void figure(StringBuilder h, NamedChart c, String svg) {
        h.append("<figure id=\"fig-").append(esc(c.name())).append("\">\n");
        h.append(svg.substring(svg.indexOf("<svg"))).append('\n');
        h.append("<figcaption>").append(esc(c.caption())).append(" <span class=\"files\"><a href=\"charts/")
                .append(esc(c.name())).append(".png\">PNG</a> <a href=\"charts/").append(esc(c.name()))
                .append(".svg\">SVG</a></span></figcaption>\n</figure>\n");
    }

    /** Escapes text for HTML content and attribute values. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static final String CSS = """
            :root { --ink: #222; --muted: #555; --rule: #ddd; --bg: #fff; --soft: #f6f7f9;
                    --blue: #0072B2; --orange: #E69F00; --grey: #9a9a9a; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
                   font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
            main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; }
            h1 { font-size: 2rem; margin: 0 0 8px; }
            h2 { font-size: 1.45rem; margin: 40px 0 12px; padding-top: 8px; border-top: 1px solid var(--rule); }
            h3 { font-size: 1.1rem; margin: 20px 0 8px; }
            .kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-size: .8rem; margin: 0; }
            .description { font-size: 1.1rem; max-width: 62em; margin: 0 0 8px; }
            .meta, .note { color: var(--muted); }
            nav { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 16px 0 0; font-size: .95rem; }
            a { color: var(--blue); }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { padding: 6px 14px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
            table.numbers td, table.bill td { text-align: right; font-variant-numeric: tabular-nums; }
            table.numbers thead th { text-align: right; }
            tbody th { font-weight: normal; color: var(--muted); }
            tr.total th, tr.total td { font-weight: bold; color: var(--ink); }
            .side-by-side { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
            figure { margin: 28px 0; }
            figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }
            figcaption { color: var(--muted); margin-top: 6px; max-width: 62em; }
            .files a { margin-left: 8px; font-size: .9rem; }
            pre { background: var(--soft); border: 1px solid var(--rule); padding: 12px 14px; overflow-x: auto;
                  font: 13px/1.5 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
            pre.log { white-space: pre-wrap; }
            .timeline { border: 1px solid var(--rule); padding: 8px 14px 14px; }
            .tl-row { display: grid; grid-template-columns: 160px 1fr 170px; align-items: center; min-height: 24px; }
            .tl-label { color: var(--muted); padding-right: 10px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
            .tl-track { position: relative; height: 18px; background: linear-gradient(var(--rule), var(--rule)) 0 50%/100% 1px no-repeat; }
            .tl-value { padding-left: 12px; font-variant-numeric: tabular-nums; font-size: .9rem; }
            .tl-bar { position: absolute; top: 2px; height: 14px; min-width: 2px; border-radius: 2px; }
            .tl-total { background: var(--grey); }
            .tl-init { background: var(--orange); }
            .tl-invoke { background: var(--blue); }
            .tl-axis .tl-track { height: 22px; background: none; border-bottom: 1px solid var(--grey); }
            .tl-tick { position: absolute; bottom: 2px; transform: translateX(-50%); font-size: .8rem; color: var(--muted); }
            .tl-trace { margin-top: 10px; padding-top: 6px; border-top: 1px dashed var(--rule); }
            .tl-head { font-size: .9rem; margin-bottom: 2px; }
            footer { margin-top: 48px; color: var(--muted); font-size: .85rem; }
            .verdict { font-size: 1.1rem; max-width: 62em; margin: 8px 0 16px; padding: 12px 16px;
                       background: #eef5fa; border-left: 4px solid var(--blue); }
            .verdict.none { background: #fbf0ea; border-left-color: #D55E00; }
            table.varied th { white-space: nowrap; }
            table.points td, table.compare td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.points thead th, table.compare thead th { text-align: right; white-space: nowrap; }
            table.points thead th.status, table.points td.status { text-align: left; white-space: normal; }
            table.points tbody th { text-align: right; color: var(--ink); font-variant-numeric: tabular-nums; }
            table.points tr.rec th, table.points tr.rec td { background: #e3f1e8; font-weight: bold; }
            table.points tr.miss th, table.points tr.miss td { color: var(--muted); }
            .badge { display: inline-block; padding: 0 8px; border-radius: 10px; background: #009E73; color: #fff;
                     font-size: .85rem; font-weight: bold; }
            .flag { color: #b35a00; font-weight: bold; }
            table.compare tbody th { color: var(--ink); }
            td.better { color: #00734f; } td.worse { color: #b34700; }
            .scenarios dt { font-weight: bold; } .scenarios dd { margin: 0 0 10px 0; color: var(--muted); max-width: 62em; }
            """;}
