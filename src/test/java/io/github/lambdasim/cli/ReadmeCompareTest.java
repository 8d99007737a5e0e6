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
}
