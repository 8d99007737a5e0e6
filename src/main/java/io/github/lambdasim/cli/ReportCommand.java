package io.github.lambdasim.cli;

import io.github.lambdasim.report.OutputFolder;
import io.github.lambdasim.report.ReportData;
import io.github.lambdasim.report.ReportFiles;
import io.github.lambdasim.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lambdasim report}: draws a run's charts and report.html again from its saved files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draw a run's charts and report.html again from its saved files.",
            "Reads summary.json, metrics.csv, report-log.txt and data/ in DIR and rewrites charts/ and report.html,"
                + " without simulating; the results are left as they are."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was written", "2:DIR is not a run's folder, or a file in it is malformed"})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The folder of a run, e.g. output/quickstart.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportData data = ReportFiles.read(dir);
        List<String> files;
        try (OutputFolder folder = new OutputFolder(dir)) {
            ReportRenderer.render(data, folder);
            files = folder.files();
            folder.commit();
        }
        PrintWriter out = spec.commandLine().getOut();
        long charts = files.stream().filter(f -> f.startsWith(ReportRenderer.CHARTS)).count();
        out.println("Report of " + data.run().scenario() + " in " + TextSummary.display(dir.toAbsolutePath().normalize())
                + ": " + ReportRenderer.HTML + " and " + charts + " chart files in " + ReportRenderer.CHARTS);
        out.flush();
        return 0;
    }
}
