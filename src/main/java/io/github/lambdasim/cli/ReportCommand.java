package io.github.lambdasim.cli;

import io.github.lambdasim.report.OutputFolder;
import io.github.lambdasim.report.ReportRenderer;
import io.github.lambdasim.report.data.ReportData;
import io.github.lambdasim.report.data.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lambdasim report}: draws the charts and report.html of a run, sweep or comparison again from its saved files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draw the charts and report.html of a run, a sweep or a comparison again from its saved files.",
            "Reads a run's summary.json, metrics.csv, report-log.txt and data/, a sweep's sweep.json, or a comparison's "
                + "compare.json and runs/ in DIR and rewrites charts/ and report.html, without simulating; the results "
                + "are left as they are."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was written", "2:DIR is not the folder of a run, sweep or comparison, or a file in it is malformed"})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The folder of a run, sweep or comparison, e.g. output/quickstart.")
    Path dir;

    @Mixin
    ChartsOption charts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ReportFiles.Invalid(dir + ": no such folder");
        }
        int chartsFor = charts.chartsFor();
        ReportRenderer.Kind kind = ReportRenderer.kind(dir);
        if (kind == null) {
            throw new ReportFiles.Invalid(dir + " is not the folder of a lambdasim run, sweep or comparison: it has no "
                    + "summary.json, sweep.json or compare.json");
        }
        String what;
        List<String> files;
        try (OutputFolder folder = new OutputFolder(dir)) {
            switch (kind) {
                case RUN -> {
                    ReportData data = ReportFiles.read(dir, chartsFor);
                    ReportRenderer.render(data, folder);
                    what = "Report of " + data.run().scenario();
                }
                case SWEEP -> what = "Report of the sweep of " + ReportRenderer.renderSweep(dir, folder).scenario();
                default -> what = "Report of the comparison " + ReportRenderer.renderComparison(dir, folder).title();
            }
            files = folder.files();
            folder.commit();
        }
        PrintWriter out = spec.commandLine().getOut();
        long charts = files.stream().filter(f -> f.startsWith(ReportRenderer.CHARTS)).count();
        out.println(what + " in " + TextSummary.display(dir.toAbsolutePath().normalize()) + ": " + ReportRenderer.HTML
                + " and " + charts + " chart files in " + ReportRenderer.CHARTS);
        out.flush();
        return 0;
    }
}
