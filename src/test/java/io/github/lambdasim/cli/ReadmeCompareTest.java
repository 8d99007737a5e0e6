package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's walkthrough of a scenario compared with itself under two memory sizes quotes the
 * table `compare` prints: the command as the README gives it, whose rows the README must hold
 * word for word. Long (two scenarios x 5 replications): with {@code -Dlambdasim.readme=all}, as the
 * README's other long checks.
 */
class ReadmeCompareTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeQuotesTheComparisonOfQuickstartWithItselfAt2048Mb() throws Exception {
        assumeTrue("all".equals(System.getProperty("lambdasim.readme")), "a long README check: -Dlambdasim.readme=all");
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("java -jar target/lambdasim.jar compare scenarios/quickstart.yaml scenarios/quickstart.yaml \\\n"
                + "  --set 2:functions.api.memorySize=2048"), "the README's command");
        Cli r = Cli.run("compare", "scenarios/quickstart.yaml", "scenarios/quickstart.yaml",
                "--set", "2:functions.api.memorySize=2048", "--out", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        int rows = 0;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("figure ") || line.contains(" ± ")) {
                assertTrue(readme.contains(line.stripTrailing() + "\n"), "README.md should quote: " + line);
                rows++;
            }
        }
        assertEquals(5, rows, r.out());
    }

    /**
     * The launch day compared in its first minute of the spike ({@code --window 12:00-12:01}): the
     * table as the README quotes it, and the whole day's p99 and cost the README sets beside it.
     */
    @Test
    void theReadmeQuotesTheLaunchDayComparedInAWindow() throws Exception {
        assumeTrue("all".equals(System.getProperty("lambdasim.readme")), "a long README check: -Dlambdasim.readme=all");
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("java -jar target/lambdasim.jar compare scenarios/launch-day-none.yaml "
                + "scenarios/launch-day-schedule.yaml \\\n  --window 12:00-12:01\n"), "the README's command");
        Cli r = Cli.run("compare", "scenarios/launch-day-none.yaml", "scenarios/launch-day-schedule.yaml",
                "--window", "12:00-12:01", "--out", dir.resolve("window").toString());
        assertEquals(0, r.exitCode(), r.err());
        int rows = 0;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("figure ") || line.contains(" ± ") || line.startsWith("Measured: ")) {
                assertTrue(readme.contains(line.stripTrailing() + "\n"), "README.md should quote: " + line);
                rows++;
            }
        }
        assertEquals(6, rows, r.out());

        Cli day = Cli.run("compare", "scenarios/launch-day-none.yaml", "scenarios/launch-day-schedule.yaml",
                "--out", dir.resolve("day").toString());
        assertEquals(0, day.exitCode(), day.err());
        String[] p99 = cells(day.out(), "Latency p99 ");
        String[] cost = cells(day.out(), "Cost a month, all functions ");
        assertTrue(readme.contains("same p99 (" + p99[0] + " against " + p99[1] + ")"), day.out());
        assertTrue(readme.contains("the whole day (" + cost[1] + " against " + cost[0] + " a month)"), day.out());
    }

    /** The first two values of the row of the table that starts with {@code label}: the baseline's and the other's. */
    private static String[] cells(String out, String label) {
        for (String line : out.split("\n")) {
            if (line.startsWith(label)) {
                String[] c = line.substring(label.length()).strip().split("\\s{2,}| \\(");
                return new String[] {c[0].strip(), c[1].strip()};
            }
        }
        throw new AssertionError("no row " + label + " in:\n" + out);
    }
}
