package io.github.lambdasim.report;

import io.github.lambdasim.report.chart.ChartFiles;
import io.github.lambdasim.report.chart.Charts;
import io.github.lambdasim.report.chart.Charts.NamedChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the report of a run from its files: reads the folder into a {@link ReportData}, then
 * writes {@code charts/<name>.png} and {@code .svg} for every chart and {@code report.html}.
 * {@code lambdasim run} calls it on the files it has just staged, {@code lambdasim report} on a
 * finished run's folder, so both draw the same report from the same bytes.
 */
public final class ReportRenderer {
    public static final String HTML = "report.html";
    public static final String CHARTS = "charts/";

    private ReportRenderer() {
    }

    /** Reads the run's files in {@code source} and writes the report into {@code folder}. */
    public static ReportData render(Path source, OutputFolder folder) throws IOException {
        ReportData data = ReportFiles.read(source);
        render(data, folder);
        return data;
    }

    /** Draws every file of the report first, then writes them: a failure while drawing writes none. */
    public static void render(ReportData data, OutputFolder folder) throws IOException {
        Map<String, Object> files = draw(data);
        for (Map.Entry<String, Object> f : files.entrySet()) {
            if (f.getValue() instanceof byte[] bytes) {
                folder.write(f.getKey(), bytes);
            } else {
                folder.write(f.getKey(), (String) f.getValue());
            }
        }
    }

    /** The report's files by relative path: PNG bytes, SVG and HTML text. */
    static Map<String, Object> draw(ReportData data) {
        List<NamedChart> charts = Charts.all(data);
        Map<String, String> svgs = new LinkedHashMap<>();
        Map<String, Object> files = new LinkedHashMap<>();
        for (NamedChart c : charts) {
            String svg = ChartFiles.svg(c.chart(), c.name());
            files.put(CHARTS + c.name() + ".png", ChartFiles.png(c.chart()));
            files.put(CHARTS + c.name() + ".svg", svg);
            svgs.put(c.name(), svg);
        }
        files.put(HTML, ReportHtml.render(data, charts, svgs));
        return files;
    }
}
