package io.github.lambdasim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the Azure Functions 2019 trace files (CSV with a header row, columns read by name): per
 * function, invocations per minute ({@code invocations.csv}: columns {@code 1..1440} or
 * {@code minute_1..minute_1440}); duration percentiles ({@code durations.csv}:
 * {@code percentile_Average_0..100}, ms); allocated memory percentiles ({@code memory.csv}:
 * {@code AverageAllocatedMb_pct1..100}). A row is chosen by index (from 0) or by the start of its
 * {@code HashFunction} (or {@code HashApp} for memory). Every problem is thrown as a message for
 * the user, with the file and line.
 */
final class TraceFiles {
    /** The samples are kilobytes; a day of per-minute counts for thousands of functions fits well within this. */
    static final long MAX_BYTES = 64L << 20;
    private static final int[] DURATION_PERCENTILES = {0, 1, 25, 50, 75, 99, 100};
    private static final int[] MEMORY_PERCENTILES = {1, 5, 25, 50, 75, 95, 99, 100};

    private TraceFiles() {
    }

    /** A problem with a trace file, worded for the user. */
    static final class TraceException extends Exception {
        TraceException(String message) {
            super(message);
        }
    }

    private record Table(Path file, List<String> header, List<String[]> rows) {
        int column(String name) {
            return header.indexOf(name);
        }

        String[] row(String selector, String hashColumn) throws TraceException {
            if (selector.matches("[0-9]{1,9}")) {
                int i = Integer.parseInt(selector);
                if (i >= rows.size()) {
                    throw new TraceException(file + " has " + rows.size() + " rows of data; row " + i + " does not exist (rows count from 0)");
                }
                return rows.get(i);
            }
            int c = column(hashColumn);
            if (c < 0) {
                throw new TraceException(file + " has no " + hashColumn + " column to find '" + selector + "' in");
            }
            String[] found = null;
            for (String[] r : rows) {
                if (c < r.length && r[c].startsWith(selector)) {
                    if (found != null) {
                        throw new TraceException("'" + selector + "' matches more than one " + hashColumn + " in " + file
                                + "; give more of the hash");
                    }
                    found = r;
                }
            }
            if (found == null) {
                throw new TraceException("no " + hashColumn + " starting with '" + selector + "' in " + file);
            }
            return found;
        }
    }

    private static Table read(Path file) throws TraceException {
        try {
            if (Files.isDirectory(file)) {
                throw new TraceException(file + " is a folder; give the path of a trace file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new TraceException(file + " is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new TraceException(file + " is empty; a trace file starts with a header row");
            }
            List<String> header = Arrays.asList(lines.get(0).strip().split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != header.size()) {
                    throw new TraceException(file + ":" + (i + 1) + ": " + cells.length + " columns where the header has "
                            + header.size());
                }
                rows.add(cells);
            }
            if (rows.isEmpty()) {
                throw new TraceException(file + " has a header but no rows of data");
            }
            return new Table(file, header, rows);
        } catch (NoSuchFileException e) {
            throw new TraceException("no such file: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new TraceException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new TraceException(file + " cannot be read: " + e.getMessage());
        }
    }

    /** Invocations per minute of one function. */
    static long[] minuteCounts(Path file, String row) throws TraceException {
        Table t = read(file);
        String[] r = t.row(row, "HashFunction");
        List<Integer> columns = new ArrayList<>();
        for (int m = 1; ; m++) {
            int c = t.column(Integer.toString(m));
            if (c < 0) {
                c = t.column("minute_" + m);
            }
            if (c < 0) {
                break;
            }
            columns.add(c);
        }
        if (columns.isEmpty()) {
            throw new TraceException(file + " has no per-minute columns (1, 2, ... or minute_1, minute_2, ...): "
                    + "is it an invocations file?");
        }
        long[] counts = new long[columns.size()];
        for (int m = 0; m < counts.length; m++) {
            String cell = r[columns.get(m)].strip();
            try {
                counts[m] = cell.isEmpty() ? 0 : Long.parseLong(cell);
            } catch (NumberFormatException e) {
                throw new TraceException(file + ": minute " + (m + 1) + " of the chosen row is '" + cell
                        + "', not a whole number of invocations");
            }
            if (counts[m] < 0 || counts[m] > 1_000_000_000L) {
                throw new TraceException(file + ": minute " + (m + 1) + " has " + counts[m]
                        + " invocations; expected 0 to 1,000,000,000");
            }
        }
        return counts;
    }

    /** Duration percentiles (0 to 100) of one function, in microseconds. */
    static DistributionSpec durations(Path file, String row) throws TraceException {
        return percentiles(file, row, "HashFunction", "percentile_Average_", DURATION_PERCENTILES, 1000);
    }

    /** Allocated-memory percentiles of one app, in MB; its 1st percentile stands for the minimum. */
    static DistributionSpec memory(Path file, String row) throws TraceException {
        return percentiles(file, row, "HashApp", "AverageAllocatedMb_pct", MEMORY_PERCENTILES, 1);
    }

    private static DistributionSpec percentiles(Path file, String row, String hashColumn, String prefix, int[] ps,
                                                double scale) throws TraceException {
        Table t = read(file);
        String[] r = t.row(row, hashColumn);
        double[] percentiles = new double[ps.length];
        double[] values = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            int c = t.column(prefix + ps[i]);
            if (c < 0) {
                throw new TraceException(file + " has no column " + prefix + ps[i] + ": is it the right kind of trace file?");
            }
            String cell = r[c].strip();
            double v = Fields.parseFiniteNumber(cell);
            if (Double.isNaN(v) || v < 0) {
                throw new TraceException(file + ": " + prefix + ps[i] + " of the chosen row is '" + cell
                        + "', not a number of zero or more");
            }
            percentiles[i] = i == 0 ? 0 : ps[i];
            values[i] = v * scale;
            if (i > 0 && values[i] < values[i - 1]) {
                throw new TraceException(file + ": the chosen row's percentiles decrease at " + prefix + ps[i]);
            }
        }
        return new DistributionSpec.Empirical(percentiles, values);
    }
}
