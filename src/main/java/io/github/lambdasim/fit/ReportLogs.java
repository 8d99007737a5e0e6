package io.github.lambdasim.fit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads REPORT lines from the forms users get them in, told apart by their content:
 * <ul>
 * <li>plain text, as Lambda writes them (one per line, optionally after an ISO 8601 timestamp, as
 * the console's and {@code aws logs tail}'s exports put it), and as lambdasim's report-log.txt
 * writes them (after the function's name and the time since the start of the run);</li>
 * <li>the JSON of {@code aws logs filter-log-events} or {@code get-log-events} ({@code events}, each
 * with {@code timestamp} in epoch milliseconds and {@code message});</li>
 * <li>a CloudWatch Logs Insights CSV export, with columns {@code @timestamp} and {@code @message}
 * and, when the query kept it, {@code @log} ({@code 123456789012:/aws/lambda/<function>}).</li>
 * </ul>
 * Lines other than REPORT lines (START, END, the function's own logs) are skipped; a REPORT line
 * that cannot be read is an error naming the file and line.
 */
public final class ReportLogs {
    private static final Pattern DURATION = Pattern.compile("(?<!Billed |Init |Restore )Duration: ([0-9]+(?:\\.[0-9]+)?) ms");
    private static final Pattern MEMORY_SIZE = Pattern.compile("Memory Size: ([0-9]+) MB");
    private static final Pattern MAX_MEMORY = Pattern.compile("Max Memory Used: ([0-9]+) MB");
    private static final Pattern INIT = Pattern.compile("Init Duration: ([0-9]+(?:\\.[0-9]+)?) ms");
    private static final Pattern STATUS = Pattern.compile("Status: ([a-z]+)");
    /** lambdasim's report-log.txt: {@code <function> TAB HH:MM:SS.mmm TAB REPORT ...}. */
    private static final Pattern LAMBDASIM_PREFIX = Pattern.compile("^([A-Za-z0-9_-]+)\\t([0-9]+):([0-9]{2}):([0-9]{2})\\.([0-9]{3})\\t");
    /** An ISO 8601 timestamp before the message, as log exports write it. */
    private static final Pattern ISO_PREFIX = Pattern.compile("^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)\\s+");
    private static final String LOG_GROUP = "/aws/lambda/";

    /** A log that cannot be read: the file, the line and what was expected. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    private ReportLogs() {
    }

    /**
     * The REPORT lines of {@code file}. {@code function} names the function of lines whose log does
     * not say it (default: the file's name without its extension).
     */
    public static List<ReportRecord> read(Path file, String function) throws IOException {
        String name = file.getFileName().toString();
        String fallback = function != null ? function : name.replaceFirst("\\.[A-Za-z0-9]+$", "");
        // The form from the first line that is not blank; plain text (which may be every line of a long
        // run) is read line by line, the exports whole.
        String firstLine = "";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && firstLine.isEmpty(); line = in.readLine()) {
                firstLine = line.strip();
            }
        }
        if (firstLine.startsWith("{") || firstLine.startsWith("[")) {
            return json(name, Files.readString(file, StandardCharsets.UTF_8), fallback);
        }
        if (firstLine.contains("@message")) {
            return insights(name, Files.readString(file, StandardCharsets.UTF_8), fallback, function != null);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return plain(name, in, fallback, function != null);
        }
    }

    private static List<ReportRecord> plain(String file, BufferedReader in, String fallback, boolean forced) throws IOException {
        List<ReportRecord> out = new ArrayList<>();
        String line;
        for (int n = 1; (line = in.readLine()) != null; n++) {
            int at = line.indexOf("REPORT RequestId:");
            if (at < 0 || line.startsWith("#")) {
                continue;
            }
            String fn = fallback;
            long time = ReportRecord.NO_TIME;
            Matcher m = LAMBDASIM_PREFIX.matcher(line);
            if (m.find()) {
                fn = forced ? fallback : m.group(1);
                time = ((Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3))) * 60 + Long.parseLong(m.group(4)))
                        * 1000 + Long.parseLong(m.group(5));
            } else {
                Matcher iso = ISO_PREFIX.matcher(line);
                if (iso.find()) {
                    time = epochMillis(iso.group(1), file + ":" + n);
                }
            }
            out.add(record(line.substring(at), fn, time, file + ":" + n));
        }
        return out;
    }

    private static List<ReportRecord> json(String file, String text, String fallback) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new Invalid(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode events = root.isArray() ? root : root.path("events");
        if (!events.isArray()) {
            throw new Invalid(file + ": expected the output of aws logs filter-log-events or get-log-events, "
                    + "an object with \"events\": [{\"timestamp\": ..., \"message\": \"REPORT RequestId: ...\"}]");
        }
        List<ReportRecord> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            String where = file + ": events[" + i + "]";
            String message = e.path("message").asText("");
            int at = message.indexOf("REPORT RequestId:");
            if (at < 0) {
                continue;
            }
            if (!e.path("timestamp").isIntegralNumber()) {
                throw new Invalid(where + ": timestamp is missing or not epoch milliseconds");
            }
            out.add(record(message.substring(at), fallback, e.path("timestamp").asLong(), where));
        }
        return out;
    }

    private static List<ReportRecord> insights(String file, String text, String fallback, boolean forced) {
        List<List<String>> rows = Csv.parse(text);
        List<String> header = rows.get(0);
        int message = header.indexOf("@message");
        int timestamp = header.indexOf("@timestamp");
        int log = header.indexOf("@log");
        List<ReportRecord> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = file + ":" + (r + 1);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new Invalid(where + ": " + row.size() + " cells, the header has " + header.size());
            }
            String msg = row.get(message);
            int at = msg.indexOf("REPORT RequestId:");
            if (at < 0) {
                continue;
            }
            String fn = fallback;
            if (!forced && log >= 0 && row.get(log).contains(LOG_GROUP)) {
                fn = row.get(log).substring(row.get(log).indexOf(LOG_GROUP) + LOG_GROUP.length());
            }
            long time = timestamp >= 0 ? epochMillis(row.get(timestamp), where) : ReportRecord.NO_TIME;
            out.add(record(msg.substring(at), fn, time, where));
        }
        return out;
    }

    /** {@code 2024-03-01 12:00:00.000} (Logs Insights, UTC) or ISO 8601 with an offset. */
    private static long epochMillis(String text, String where) {
        String t = text.strip();
        try {
            if (t.endsWith("Z") || t.matches(".*[+-][0-9]{2}:?[0-9]{2}$")) {
                return java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new Invalid(where + ": '" + text + "' is not a timestamp such as 2024-03-01 12:00:00.000");
        }
    }

    /** The fields of one REPORT message. */
    static ReportRecord record(String message, String function, long time, String where) {
        Matcher d = DURATION.matcher(message);
        Matcher mem = MEMORY_SIZE.matcher(message);
        if (!d.find() || !mem.find()) {
            throw new Invalid(where + ": a REPORT line without " + (d.find(0) ? "Memory Size: <n> MB"
                    : "Duration: <ms> ms") + ": " + (message.length() > 120 ? message.substring(0, 120) + "..." : message));
        }
        Matcher max = MAX_MEMORY.matcher(message);
        Matcher init = INIT.matcher(message);
        Matcher status = STATUS.matcher(message);
        boolean failed = status.find() && !status.group(1).equals("success");
        return new ReportRecord(function, time, Double.parseDouble(d.group(1)), Integer.parseInt(mem.group(1)),
                max.find() ? Integer.parseInt(max.group(1)) : 0, init.find() ? Double.parseDouble(init.group(1)) : -1, failed);
    }

    static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }
}
