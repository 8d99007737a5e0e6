package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly cost of a run is a projection (a launch day is billed as thirty launch days): the
 * text summary and report.html give the run's own cost first and word the month "if this run
 * repeated all month (730 h)".
 */
class MonthProjectionTest {
    private static final String SCENARIO = """
            name: launch
            duration: 10m
            seed: 4
            functions:
              - name: api
                memorySize: 512
                handler:
                  steps:
                    - cpu: 20ms
            traffic:
              - {function: api, poisson: {rate: 5/s}}
            """;

    @TempDir
    Path dir;

    @Test
    void theRunsCostComesFirstAndTheMonthIsWordedAsARepeat() throws IOException {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, SCENARIO);
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        int run = index(lines, "    Cost of the run ");
        int month = index(lines, "    Cost if this run repeated all month (730 h) ");
        assertTrue(run >= 0 && month == run + 1, r.out());
        assertTrue(r.out().matches("(?s).*Bill \\([^)]*\\): \\$[0-9.,]+ for the run; \\$[0-9.,]+ if this run repeated all "
                + "month \\(730 h\\)\n    that month: requests .*"), r.out());
        assertFalse(r.out().contains("projected"), r.out());

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<th scope=\"row\">Cost if this run repeated all month (730 h)</th>"), html);
        assertTrue(html.indexOf("<th scope=\"row\">Cost of the run</th>")
                < html.indexOf("<th scope=\"row\">Cost if this run repeated all month (730 h)</th>"), html);
        assertTrue(html.matches("(?s).*<h2>The bill</h2>\n<p>\\$[0-9.,]+ for the 10 min run; \\$[0-9.,]+ if this run "
                + "repeated all month \\(730 h\\), a projection.*"), html);
        assertTrue(html.contains("<th>If repeated all month (730 h)</th>"), html);
        assertFalse(html.contains(">Cost per 730 h month<"), html);
    }

    @Test
    void acrossReplicationsTheRunsCostComesFirstToo() throws IOException {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, SCENARIO);
        Cli r = Cli.run("run", scenario.toString(), "--replications", "2", "--out", dir.resolve("reps").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s).*\n  cost of the run \\$[0-9.,]+ [^;]*; if it repeated all month \\$[0-9.,]+ .*"),
                r.out());
    }

    private static int index(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }
}
