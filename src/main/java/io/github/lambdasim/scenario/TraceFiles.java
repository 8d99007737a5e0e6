package io.github.lambdasim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Azure Functions 2019 trace files (CSV with a header row, columns read by name): per
 * function, invocations per minute ({@code invocations.csv}: columns {@code 1..1440} or
 * {@code minute_1..minute_1440}); duration percentiles ({@code durations.csv}:
 * {@code percentile_Average_0..100}, ms); allocated memory percentiles ({@code memory.csv}:
 * {@code AverageAllocatedMb_pct1..100}). A row is chosen by index (from 0) or by the start of its
 * {@code HashFunction} (or {@code HashApp} for memory), or joined on the hash columns.
 *
 * <p>One instance serves one scenario and reads each file once, however many entries and rows
 * use it; only the columns a kind of file needs are kept, the counts as one {@code long[]} per
 * row. Every problem is thrown as a message for the user, naming the file as the scenario names
 * it, and its line where there is one.
 */
final class TraceFiles {
    /** A day of per-minute counts for 20,000 functions is about 60 MB of text. */
    static final long MAX_BYTES = 64L << 20;
    /** One function per row: as many rows as a scenario may have functions. */
    static final int MAX_ROWS = ScenarioLoader.MAX_FUNCTIONS;
    /** Room for the dataset's whole 14 days in one row (20,160 minutes) and its hash columns. */
    static final int MAX_COLUMNS = 25_000;
    /** A row of that many counts of up to 40 characters; also the longest cell. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private static final int[] DURATION_PERCENTILES = {0, 1, 25, 50, 75, 99, 100};
    private static final int[] MEMORY_PERCENTILES = {1, 5, 25, 50, 75, 95, 99, 100};
    private static final String DURATION_PREFIX = "percentile_Average_";
    private static final String MEMORY_PREFIX = "AverageAllocatedMb_pct";
    private static final int NAME_PREFIX = 8;
    private static final int MAX_NAME_HASH = 64 - "fn-".length();

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE_CHARS).build()).build();

    /** What a trace file holds, and so which of its columns are read. */
    enum Kind {
        INVOCATIONS, DURATIONS, MEMORY
    }

    /** A problem with a trace file, worded for the user. */
    static final class TraceException extends Exception {
        TraceException(String message) {
            super(message);
        }
    }

    private final Path baseDir;
    /** Each file read so far, by kind and path: its {@link Table}, or the {@link TraceException} it gave. */
    private final Map<String, Object> read = new HashMap<>();

    /** Trace files of one scenario, their paths relative to {@code baseDir}. */
    TraceFiles(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The rows of an invocations file. */
    Table invocations(String file) throws TraceException {
        return table(file, Kind.INVOCATIONS);
    }

    /** The rows of a durations file. */
    Table durations(String file) throws TraceException {
        return table(file, Kind.DURATIONS);
    }

    /** The rows of a memory file. */
    Table memory(String file) throws TraceException {
        return table(file, Kind.MEMORY);
    }

    /** Invocations per minute of one function: a row of an Azure invocations table, or a CloudWatch export. */
    long[] minuteCounts(String file, String row) throws TraceException {
        Path path = baseDir.resolve(file).normalize();
        String header = null;
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && header == null; line = in.readLine()) {
                header = line.isBlank() ? null : line;
            }
        } catch (java.io.IOException e) {
            header = null; // the table's reading says what is wrong
        }
        boolean small;
        try {
            small = java.nio.file.Files.size(path) <= MAX_BYTES;
        } catch (java.io.IOException e) {
            small = false; // the table's reading says what is wrong
        }
        if (header != null && small && CloudWatchMetrics.isExport(header)) {
            try {
                return CloudWatchMetrics.minuteCounts(file, java.nio.file.Files.readString(path,
                        java.nio.charset.StandardCharsets.UTF_8), row);
            } catch (java.io.IOException e) {
                throw new TraceException(file + ": cannot be read: " + e.getMessage());
            }
        }
        Table t = invocations(file);
        return t.counts(t.select(row, "HashFunction"));
    }

    /** Duration percentiles (0 to 100) of one function, in microseconds. */
    DistributionSpec durations(String file, String row) throws TraceException {
        Table t = durations(file);
        return t.distribution(t.select(row, "HashFunction"));
    }

    /** Allocated-memory percentiles of one app, in MB; its 1st percentile stands for the minimum. */
    DistributionSpec memory(String file, String row) throws TraceException {
        Table t = memory(file);
        return t.distribution(t.select(row, "HashApp"));
    }

    private Table table(String file, Kind kind) throws TraceException {
        Path path = baseDir.resolve(file).normalize();
        String key = kind + ":" + path;
        Object known = read.get(key);
        if (known == null) {
            try {
                known = scan(path, file, kind);
            } catch (TraceException e) {
                known = e;
            }
            read.put(key, known);
        }
        if (known instanceof TraceException e) {
            throw new TraceException(e.getMessage());
        }
        return (Table) known;
    }

    // ---------------------------------------------------------------- tables

    /**
     * The rows of one trace file: the hash columns, and per row its counts (invocations) or its
     * percentile values (durations, memory), or what is wrong with the row.
     */
    static final class Table {
        final String file;
        final Kind kind;
        private final Map<String, String[]> hashes = new HashMap<>();
        private final List<long[]> counts = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>();
        private final List<String> rowProblems = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();
        private final Map<String, int[]> sorted = new HashMap<>();
        private final Map<String, Map<String, Integer>> joins = new HashMap<>();
        private String[] functionNames;
        // While reading: the columns this kind needs.
        private final Map<String, Integer> hashColumns = new HashMap<>();
        private final Map<String, List<String>> hashCells = new HashMap<>();
        private int[] dataColumns;
        private String[] dataNames;

        private Table(String file, Kind kind) {
            this.file = file;
            this.kind = kind;
        }

        int size() {
            return lines.size();
        }

        /** The line of row {@code r} in the file. */
        int line(int r) {
            return lines.get(r);
        }

        /** Row {@code r}'s value of a hash column, or null when the file has no such column. */
        String hash(String column, int r) {
            String[] h = hashes.get(column);
            return h == null ? null : h[r];
        }

        /** Row {@code r}'s invocations per minute. */
        long[] counts(int r) throws TraceException {
            check(r);
            return counts.get(r);
        }

        /** Row {@code r}'s percentiles as a distribution (microseconds for durations, MB for memory). */
        DistributionSpec distribution(int r) throws TraceException {
            check(r);
            int[] ps = kind == Kind.DURATIONS ? DURATION_PERCENTILES : MEMORY_PERCENTILES;
            double scale = kind == Kind.DURATIONS ? 1000 : 1;
            double[] v = values.get(r);
            double[] percentiles = new double[ps.length];
            double[] scaled = new double[ps.length];
            for (int i = 0; i < ps.length; i++) {
                percentiles[i] = i == 0 ? 0 : ps[i];
                scaled[i] = v[i] * scale;
            }
            return new DistributionSpec.Empirical(percentiles, scaled);
        }

        /** Row {@code r}'s 99th percentile of allocated memory, in MB (memory files). */
        double memoryP99(int r) throws TraceException {
            check(r);
            return values.get(r)[Arrays.binarySearch(MEMORY_PERCENTILES, 99)];
        }

        private void check(int r) throws TraceException {
            if (rowProblems.get(r) != null) {
                throw new TraceException(rowProblems.get(r));
            }
        }

        /** The row a selector names: an index from 0, or the start of one row's {@code hashColumn}. */
        int select(String selector, String hashColumn) throws TraceException {
            if (selector.matches("[0-9]{1,9}")) {
                int i = Integer.parseInt(selector);
                if (i >= size()) {
                    throw new TraceException(file + " has " + size() + " rows of data; row " + i
                            + " does not exist (rows count from 0)");
                }
                return i;
            }
            String[] h = hashes.get(hashColumn);
            if (h == null) {
                throw new TraceException(file + " has no " + hashColumn + " column to find '" + selector + "' in");
            }
            int[] order = sorted.computeIfAbsent(hashColumn, c -> sortedRows(h));
            int lo = 0;
            int hi = order.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (h[order[mid]].compareTo(selector) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo == order.length || !h[order[lo]].startsWith(selector)) {
                throw new TraceException("no " + hashColumn + " starting with '" + selector + "' in " + file);
            }
            if (lo + 1 < order.length && h[order[lo + 1]].startsWith(selector)) {
                throw new TraceException("'" + selector + "' matches more than one " + hashColumn + " in " + file
                        + "; give more of the hash");
            }
            return order[lo];
        }

        private static int[] sortedRows(String[] h) {
            return java.util.stream.IntStream.range(0, h.length).boxed().sorted(Comparator.comparing(i -> h[i]))
                    .mapToInt(Integer::intValue).toArray();
        }

        /**
         * The row whose {@code columns} hold the same values as row {@code r} of {@code other}, or
         * -1 when none does.
         */
        int join(Table other, int r, String... columns) throws TraceException {
            StringBuilder key = new StringBuilder();
            for (String c : columns) {
                String v = other.hash(c, r);
                if (v == null) {
                    throw new TraceException(other.file + " has no " + c + " column to find its rows in " + file + " by");
                }
                key.append(v).append('\n');
            }
            Map<String, Integer> index = joins.get(String.join(",", columns));
            if (index == null) {
                index = new HashMap<>();
                List<String[]> cols = new ArrayList<>();
                for (String c : columns) {
                    String[] h = hashes.get(c);
                    if (h == null) {
                        throw new TraceException(file + " has no " + c + " column to join on");
                    }
                    cols.add(h);
                }
                for (int row = 0; row < size(); row++) {
                    StringBuilder k = new StringBuilder();
                    for (String[] h : cols) {
                        k.append(h[row]).append('\n');
                    }
                    Integer before = index.putIfAbsent(k.toString(), row);
                    if (before != null) {
                        index.put(k.toString(), -2 - before);
                    }
                }
                joins.put(String.join(",", columns), index);
            }
            Integer found = index.get(key.toString());
            if (found == null) {
                return -1;
            }
            if (found < 0) {
                throw new TraceException(file + " has more than one row for the same " + String.join(" + ", columns)
                        + " (line " + line(-2 - found) + " and another); keep one");
            }
            return found;
        }

        /**
         * The function each row becomes: {@code fn-} and the first 8 characters of its
         * HashFunction, or as many more as tell apart all the rows of the file whose first 8
         * characters are the same (so that a name does not depend on which rows are replayed).
         */
        String functionName(int r) throws TraceException {
            if (functionNames == null) {
                String[] h = hashes.get("HashFunction");
                if (h == null) {
                    throw new TraceException(file + " has no HashFunction column to name the functions by");
                }
                functionNames = namesOf(h);
            }
            return functionNames[r];
        }

        private static String[] namesOf(String[] h) {
            int[] order = sortedRows(h);
            String[] names = new String[h.length];
            int start = 0;
            while (start < order.length) {
                String prefix = prefix(h[order[start]], NAME_PREFIX);
                int end = start + 1;
                int length = NAME_PREFIX;
                while (end < order.length && prefix(h[order[end]], NAME_PREFIX).equals(prefix)) {
                    length = Math.max(length, commonPrefix(h[order[end - 1]], h[order[end]]) + 1);
                    end++;
                }
                for (int k = start; k < end; k++) {
                    names[order[k]] = "fn-" + prefix(h[order[k]], Math.min(length, MAX_NAME_HASH));
                }
                start = end;
            }
            return names;
        }

        private static String prefix(String s, int n) {
            return s.length() <= n ? s : s.substring(0, n);
        }

        private static int commonPrefix(String a, String b) {
            int n = Math.min(a.length(), b.length());
            int i = 0;
            while (i < n && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }

        // ------------------------------------------------------------ reading

        private void header(List<String> names) throws TraceException {
            Map<String, Integer> columns = new HashMap<>();
            for (int c = names.size() - 1; c >= 0; c--) {
                columns.put(names.get(c), c);
            }
            for (String h : new String[] {"HashOwner", "HashApp", "HashFunction"}) {
                Integer c = columns.get(h);
                if (c != null) {
                    hashColumns.put(h, c);
                    hashCells.put(h, new ArrayList<>());
                }
            }
            List<Integer> data = new ArrayList<>();
            List<String> dataNameList = new ArrayList<>();
            if (kind == Kind.INVOCATIONS) {
                for (int m = 1; ; m++) {
                    Integer c = columns.get(Integer.toString(m));
                    if (c == null) {
                        c = columns.get("minute_" + m);
                    }
                    if (c == null) {
                        break;
                    }
                    data.add(c);
                    dataNameList.add("minute " + m);
                }
                if (data.isEmpty()) {
                    throw new TraceException(file + " has no per-minute columns (1, 2, ... or minute_1, minute_2, ...): "
                            + "is it an invocations file?");
                }
            } else {
                String prefix = kind == Kind.DURATIONS ? DURATION_PREFIX : MEMORY_PREFIX;
                for (int p : kind == Kind.DURATIONS ? DURATION_PERCENTILES : MEMORY_PERCENTILES) {
                    Integer c = columns.get(prefix + p);
                    if (c == null) {
                        throw new TraceException(file + " has no column " + prefix + p
                                + ": is it the right kind of trace file?");
                    }
                    data.add(c);
                    dataNameList.add(prefix + p);
                }
            }
            dataColumns = data.stream().mapToInt(Integer::intValue).toArray();
            dataNames = dataNameList.toArray(String[]::new);
        }

        private void row(int line, List<String> cells) {
            lines.add(line);
            hashColumns.forEach((h, c) -> hashCells.get(h).add(cells.get(c)));
            String problem = null;
            if (kind == Kind.INVOCATIONS) {
                long[] row = new long[dataColumns.length];
                for (int m = 0; m < row.length && problem == null; m++) {
                    String cell = cells.get(dataColumns[m]);
                    try {
                        row[m] = cell.isEmpty() ? 0 : Long.parseLong(cell);
                        if (row[m] < 0 || row[m] > 1_000_000_000L) {
                            problem = file + ":" + line + ": " + dataNames[m] + " has " + row[m]
                                    + " invocations; expected 0 to 1,000,000,000";
                        }
                    } catch (NumberFormatException e) {
                        problem = file + ":" + line + ": " + dataNames[m] + " of the chosen row is '" + cell
                                + "', not a whole number of invocations";
                    }
                }
                counts.add(problem == null ? row : null);
            } else {
                double[] row = new double[dataColumns.length];
                for (int i = 0; i < row.length && problem == null; i++) {
                    String cell = cells.get(dataColumns[i]);
                    row[i] = Fields.parseFiniteNumber(cell);
                    if (Double.isNaN(row[i]) || row[i] < 0) {
                        problem = file + ":" + line + ": " + dataNames[i] + " of the chosen row is '" + cell
                                + "', not a number of zero or more";
                    } else if (i > 0 && row[i] < row[i - 1]) {
                        problem = file + ":" + line + ": the chosen row's percentiles decrease at " + dataNames[i];
                    }
                }
                values.add(problem == null ? row : null);
            }
            rowProblems.add(problem);
        }

        private void done() {
            hashCells.forEach((h, cells) -> hashes.put(h, cells.toArray(String[]::new)));
            hashCells.clear();
        }
    }

    // ---------------------------------------------------------------- CSV

    private static Table scan(Path path, String file, Kind kind) throws TraceException {
        try {
            if (Files.isDirectory(path)) {
                throw new TraceException(file + " is a folder; give the path of a trace file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw tooLarge(file);
            }
            try (InputStream in = new Bounded(Files.newInputStream(path));
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                         .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                 CsvParser parser = FACTORY.createParser(reader)) {
                parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
                return parse(parser, file, kind);
            }
        } catch (NoSuchFileException e) {
            throw new TraceException("no such file: " + file + (Path.of(file).isAbsolute() ? ""
                    : " (a trace's path starts from the scenario file's folder)"));
        } catch (AccessDeniedException e) {
            throw new TraceException(file + " cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            throw new TraceException(file + " is not UTF-8 text");
        } catch (Bounded.TooLarge e) {
            throw tooLarge(file);
        } catch (IOException e) {
            throw new TraceException(file + " cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
    }

    private static TraceException tooLarge(String file) {
        return new TraceException(file + " is larger than " + (MAX_BYTES >> 20) + " MB (" + String.format(Locale.ROOT,
                "%,d", MAX_BYTES) + " bytes), the limit for a trace file");
    }

    private static Table parse(CsvParser p, String file, Kind kind) throws IOException, TraceException {
        Table table = new Table(file, kind);
        List<String> cells = new ArrayList<>();
        int headerSize = -1;
        int depth = 0;
        int line = 0;
        int count = 0;
        long chars = 0;
        try {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    depth++;
                    cells.clear();
                    line = 0;
                    count = 0;
                    chars = 0;
                } else if (t == JsonToken.VALUE_STRING) {
                    if (line == 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    String cell = p.getText();
                    chars += cell.length() + 1;
                    if (chars > MAX_LINE_CHARS + 1) {
                        throw new TraceException(file + ":" + line + ": the line is longer than "
                                + String.format(Locale.ROOT, "%,d", MAX_LINE_CHARS) + " characters, the limit for a trace file");
                    }
                    count++;
                    if (headerSize < 0 && count > MAX_COLUMNS) {
                        throw new TraceException(file + ":" + line + ": more than " + String.format(Locale.ROOT, "%,d",
                                MAX_COLUMNS) + " columns, the limit for a trace file");
                    }
                    if (headerSize < 0 || count <= headerSize) {
                        cells.add(cell.strip());
                    }
                } else if (t == JsonToken.END_ARRAY && depth-- == 2) {
                    if (count == 1 && cells.get(0).isEmpty()) {
                        continue; // a blank line
                    }
                    if (headerSize < 0) {
                        cells.set(0, cells.get(0).startsWith("\uFEFF") ? cells.get(0).substring(1) : cells.get(0));
                        headerSize = count;
                        table.header(cells);
                        continue;
                    }
                    if (count != headerSize) {
                        throw new TraceException(file + ":" + line + ": " + count + " columns where the header has " + headerSize);
                    }
                    if (table.size() == MAX_ROWS) {
                        throw new TraceException(file + ":" + line + ": more than " + String.format(Locale.ROOT, "%,d",
                                MAX_ROWS) + " rows of data, the limit for a trace file (one function per row)");
                    }
                    table.row(line, cells);
                }
            }
        } catch (StreamConstraintsException e) {
            throw new TraceException(file + ":" + p.currentLocation().getLineNr() + ": a cell is longer than "
                    + String.format(Locale.ROOT, "%,d", MAX_LINE_CHARS) + " characters, the limit for a trace file");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().replaceAll("\\s+", " ").trim();
            throw new TraceException(file + ":" + p.currentLocation().getLineNr() + ": not valid CSV" + (msg.isEmpty() ? ""
                    : ": " + msg));
        }
        if (headerSize < 0) {
            throw new TraceException(file + " is empty; a trace file starts with a header row");
        }
        if (table.size() == 0) {
            throw new TraceException(file + " has a header but no rows of data");
        }
        table.done();
        return table;
    }

    /** An input that refuses to go past {@link #MAX_BYTES} (a file that grows, a device). */
    private static final class Bounded extends FilterInputStream {
        private long count;

        static final class TooLarge extends IOException {
            TooLarge() {
                super("too large");
            }
        }

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > MAX_BYTES) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (count += n) > MAX_BYTES) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
