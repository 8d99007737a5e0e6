package io.github.lambdasim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run writes its results. Files are written into a fresh staging folder beside the
 * target and moved into place only when all of them are complete, each by an atomic rename: an
 * interrupted run never leaves a half-written file, and files in the target folder that
 * lambdasim did not write are left alone.
 */
public final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final List<String> written = new ArrayList<>();
    private boolean committed;

    public OutputFolder(Path target) {
        this.target = target.toAbsolutePath().normalize();
        try {
            Path parent = this.target.getParent();
            Files.createDirectories(parent);
            if (Files.exists(this.target) && !Files.isDirectory(this.target)) {
                throw new IOException(this.target + " exists and is not a folder");
            }
            this.staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output folder " + target + ": " + e.getMessage(), e);
        }
    }

    public Path target() {
        return target;
    }

    /**
     * The staging folder, where the files written so far can be read back before they are
     * committed (the report is drawn from the staged result files).
     */
    public Path staging() {
        return staging;
    }

    /** The staging path of {@code relative} (parent folders created), for writers that need a path. */
    public Path stage(String relative) throws IOException {
        Path p = staging.resolve(relative).normalize();
        if (!p.startsWith(staging)) {
            throw new IOException("refusing to write outside the output folder: " + relative);
        }
        Files.createDirectories(p.getParent());
        if (!written.contains(relative)) {
            written.add(relative);
        }
        return p;
    }

    public void write(String relative, String text) throws IOException {
        Files.writeString(stage(relative), text, StandardCharsets.UTF_8);
    }

    /** Writes a text file through {@code writer}, buffered, for files too big to build as one string. */
    public void write(String relative, TextWriter writer) throws IOException {
        try (java.io.Writer out = Files.newBufferedWriter(stage(relative), StandardCharsets.UTF_8)) {
            writer.writeTo(out);
        }
    }

    /** Writes text to an output. */
    @FunctionalInterface
    public interface TextWriter {
        void writeTo(Appendable out) throws IOException;
    }

    public void write(String relative, byte[] bytes) throws IOException {
        Files.write(stage(relative), bytes);
    }

    /** The files written so far, relative to the folder, in the order written. */
    public List<String> files() {
        return List.copyOf(written);
    }

    /** Moves every staged file into the target folder. */
    public void commit() throws IOException {
        Files.createDirectories(target);
        for (String relative : written) {
            Path from = staging.resolve(relative);
            Path to = target.resolve(relative);
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
        deleteStaging();
    }

    /** Discards whatever was staged and not committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteStaging();
            } catch (IOException e) {
                // Best effort: a leftover hidden staging folder is harmless.
            }
        }
    }

    private void deleteStaging() throws IOException {
        if (!Files.exists(staging)) {
            return;
        }
        Files.walkFileTree(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
