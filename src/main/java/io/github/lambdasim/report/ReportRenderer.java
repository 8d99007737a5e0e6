package io.github.lambdasim.report;

import io.github.lambdasim.report.chart.ChartFiles;
import io.github.lambdasim.report.chart.Charts;
import io.github.lambdasim.report.chart.Charts.NamedChart;
import io.github.lambdasim.report.chart.CompareCharts;
import io.github.lambdasim.report.chart.SweepCharts;
import io.github.lambdasim.report.data.CompareData;
import io.github.lambdasim.report.data.ReportData;
import io.github.lambdasim.report.data.ReportFiles;
import io.github.lambdasim.report.data.SweepData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Draws the report of a run, a sweep or a comparison from its files: reads the folder (a run's
 * into a {@link ReportData}, a sweep's into a {@link SweepData}), then writes
 * {@code charts/<name>.png} and {@code .svg} for every chart and {@code report.html}. The command
 * that produced the results calls it on the files it has just staged, {@code lambdasim report} on
 * a finished folder, so both draw the same report from the same bytes.
 */
public final class ReportRenderer {
    public static final String HTML = "report.html";
    public static final String CHARTS = "charts/";

    private ReportRenderer() {
    }

    /**
     * Reads the run's files in {@code source} and writes the report into {@code folder}, with the
     * charts of each function for the {@code chartsFor} costliest ones.
     */
    public static ReportData render(Path source, OutputFolder folder, int chartsFor) throws IOException {
        ReportData data = ReportFiles.read(source, chartsFor);
        render(data, folder);
        return data;
    }

    /** Draws every file of the report first, then writes them: a failure while drawing writes none. */
    public static void render(ReportData data, OutputFolder folder) throws IOException {
        write(draw(data), folder);
    }

    /** The report's files by relative path: PNG bytes, SVG and HTML text. */
    static Map<String, Object> draw(ReportData data) {
        List<NamedChart> charts = Charts.all(data);
        return draw(charts, svgs -> ReportHtml.render(data, charts, svgs));
    }

    /** Each chart as PNG and SVG, then the page, which inlines the SVGs. */
    private static Map<String, Object> draw(List<NamedChart> charts, Function<Map<String, String>, String> page) {
        Map<String, String> svgs = new LinkedHashMap<>();
        Map<String, Object> files = new LinkedHashMap<>();
        for (NamedChart c : charts) {
            String svg = ChartFiles.svg(c.chart(), c.name());
            files.put(CHARTS + c.name() + ".png", ChartFiles.png(c.chart()));
            files.put(CHARTS + c.name() + ".svg", svg);
            svgs.put(c.name(), svg);
        }
        files.put(HTML, page.apply(svgs));
        return files;
    }

    private static void write(Map<String, Object> files, OutputFolder folder) throws IOException {
        for (Map.Entry<String, Object> f : files.entrySet()) {
            if (f.getValue() instanceof byte[] bytes) {
                folder.write(f.getKey(), bytes);
            } else {
                folder.write(f.getKey(), (String) f.getValue());
            }
        }
    }

    // ---------------------------------------------------------------- sweeps and comparisons

    /** Reads sweep.json in {@code source} and writes the sweep's charts and report.html into {@code folder}. */
    public static SweepData renderSweep(Path source, OutputFolder folder) throws IOException {
        SweepData data = SweepData.read(source);
        List<NamedChart> charts = SweepCharts.all(data);
        write(draw(charts, svgs -> SweepHtml.render(data, charts, svgs)), folder);
        return data;
    }

    /** Reads compare.json and runs/ in {@code source} and writes the comparison's charts and report.html into {@code folder}. */
    public static CompareData renderComparison(Path source, OutputFolder folder) throws IOException {
        CompareData data = CompareData.read(source);
        List<NamedChart> charts = CompareCharts.all(data);
        write(draw(charts, svgs -> CompareHtml.render(data, charts, svgs)), folder);
        return data;
    }

    /** What kind of results a folder holds, by the file that only that kind writes. */
    public enum Kind {
        RUN, SWEEP, COMPARISON
    }

    /** The kind of {@code dir}'s results, or null when it holds none. */
    public static Kind kind(Path dir) {
        if (Files.isRegularFile(dir.resolve("summary.json"))) {
            return Kind.RUN;
        }
        if (SweepData.isSweep(dir)) {
            return Kind.SWEEP;
        }
        if (CompareData.isComparison(dir)) {
            return Kind.COMPARISON;
        }
        return null;
    }
}
