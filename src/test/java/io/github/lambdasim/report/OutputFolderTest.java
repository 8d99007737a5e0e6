package io.github.lambdasim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder changes only on commit, and only in the files written: files staged by a run
 * that fails before committing are discarded with their staging folder, earlier results stay as
 * they were, other files are never touched, and nothing can be staged outside the folder.
 */
class OutputFolderTest {
    @TempDir
    Path dir;

    @Test
    void aRunThatFailsBeforeCommittingLeavesTheFolderAsItWas() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("summary.json"), "earlier");
        try (OutputFolder folder = new OutputFolder(target)) {
            folder.write("summary.json", "half of a new one");
            folder.write("metrics.csv", "new");
            // the run fails here: no commit
        }
        assertEquals("earlier", Files.readString(target.resolve("summary.json")));
        assertFalse(Files.exists(target.resolve("metrics.csv")));
        assertEquals(List.of(target), list(dir), "no staging folder left");
    }

    @Test
    void commitReplacesTheFilesWrittenAndNothingElse() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve("summary.json"), "earlier");
        Files.writeString(target.resolve("notes.md"), "mine");
        try (OutputFolder folder = new OutputFolder(target)) {
            folder.write("summary.json", "new");
            folder.commit();
        }
        assertEquals("new", Files.readString(target.resolve("summary.json")));
        assertEquals("mine", Files.readString(target.resolve("notes.md")));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void nothingIsStagedOutsideTheFolder() throws IOException {
        try (OutputFolder folder = new OutputFolder(dir.resolve("out"))) {
            assertThrows(IOException.class, () -> folder.write("../escaped.txt", "x"));
        }
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
    }

    private static List<Path> list(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.sorted().toList();
        }
    }
}
