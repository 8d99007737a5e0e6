package io.github.lambdasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files seal machine-readable formats. To accept a deliberate change, run the tests with
 * {@code -Dlambdasim.updateGolden=true} and review the diff of src/test/resources.
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/io/github/lambdasim/cli/golden");

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("lambdasim.updateGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, name + " differs from its golden file (see Golden for how to update it)");
    }
}
