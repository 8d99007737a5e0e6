package io.github.lambdasim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A function's {@code Invocations} metric as CloudWatch exports it, turned into invocations per
 * minute for a {@code trace} entry: the JSON of {@code aws cloudwatch get-metric-data}
 * ({@code MetricDataResults[].Timestamps} and {@code Values}, newest first by default) or a CSV of
 * one time column and one value column (as the console's "Download .csv" of a graph writes it).
 * Periods of 1 minute are replayed as they are; longer ones (5 minutes) are spread evenly over
 * their minutes (the remainder to the first), and a period CloudWatch left out had no invocations.
 */
final class CloudWatchMetrics {
    private CloudWatchMetrics() {
    }

    /** Whether a trace file whose first line is {@code header} is a CloudWatch export rather than an Azure invocations table. */
    static boolean isExport(String header) {
        String h = header.strip();
        return h.startsWith("{") || !h.contains("HashFunction") && !h.contains("HashApp") && !h.contains("HashOwner");
    }

    /** Invocations per minute from the export; {@code row} picks a metric of a get-metric-data result by Id or Label. */
    static long[] minuteCounts(String file, String text, String row) throws TraceFiles.TraceException {
        TreeMap<Long, Double> points = text.stripLeading().startsWith("{") ? json(file, text, row) : csv(file, text);
        if (points.size() < 1) {
            throw new TraceFiles.TraceException(file + " has no datapoints");
        }
        long period = 60;
        if (points.size() > 1) {
            long min = Long.MAX_VALUE;
            Long previous = null;
            for (long t : points.keySet()) {
                if (previous != null) {
                    min = Math.min(min, t - previous);
                }
                previous = t;
            }
            period = min;
        }
        if (period % 60 != 0) {
            throw new TraceFiles.TraceException(file + ": datapoints " + period + " s apart; expected a period of whole "
                    + "minutes (60 or 300 s)");
        }
        long first = points.firstKey();
        int minutesPerPeriod = (int) (period / 60);
        int periods = (int) ((points.lastKey() - first) / period) + 1;
        long[] counts = new long[periods * minutesPerPeriod];
        for (var e : points.entrySet()) {
            if ((e.getKey() - first) % period != 0) {
                throw new TraceFiles.TraceException(file + ": the datapoint at " + Instant.ofEpochSecond(e.getKey())
                        + " is off the " + period + " s period");
            }
            long total = Math.round(e.getValue());
            int at = (int) ((e.getKey() - first) / period) * minutesPerPeriod;
            for (int m = 0; m < minutesPerPeriod; m++) {
                counts[at + m] = total / minutesPerPeriod + (m < total % minutesPerPeriod ? 1 : 0);
            }
        }
        return counts;
    }

    private static TreeMap<Long, Double> json(String file, String text, String row) throws TraceFiles.TraceException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new TraceFiles.TraceException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        }
        JsonNode results = root.path("MetricDataResults");
        if (!results.isArray() || results.isEmpty()) {
            throw new TraceFiles.TraceException(file + ": expected the output of aws cloudwatch get-metric-data, with "
                    + "MetricDataResults: [{Id, Label, Timestamps, Values}]");
        }
        JsonNode chosen = null;
        List<String> names = new ArrayList<>();
        for (JsonNode r : results) {
            names.add(r.path("Id").asText() + " (" + r.path("Label").asText() + ")");
            if (r.path("Id").asText().equals(row) || r.path("Label").asText().equals(row)) {
                chosen = r;
            }
        }
        if (chosen == null) {
            if (row.equals("0") || results.size() == 1) {
                chosen = results.get(0);
            } else {
                throw new TraceFiles.TraceException(file + ": no metric with Id or Label '" + row + "'; it has "
                        + String.join(", ", names));
            }
        }
        JsonNode times = chosen.path("Timestamps");
        JsonNode values = chosen.path("Values");
        if (!times.isArray() || !values.isArray() || times.size() != values.size()) {
            throw new TraceFiles.TraceException(file + ": MetricDataResults needs Timestamps and Values of the same length");
        }
        TreeMap<Long, Double> points = new TreeMap<>();
        for (int i = 0; i < times.size(); i++) {
            if (!values.get(i).isNumber()) {
                throw new TraceFiles.TraceException(file + ": Values[" + i + "] is not a number");
            }
            points.put(epochSeconds(times.get(i).asText(), file + ": Timestamps[" + i + "]"), values.get(i).asDouble());
        }
        return points;
    }

    private static TreeMap<Long, Double> csv(String file, String text) throws TraceFiles.TraceException {
        TreeMap<Long, Double> points = new TreeMap<>();
        String[] lines = text.split("\\R");
        for (int n = 2; n <= lines.length; n++) {
            String line = lines[n - 1].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.replace("\"", "").split(",");
            if (cells.length < 2) {
                throw new TraceFiles.TraceException(file + ":" + n + ": expected a time and a value, found '" + line + "'");
            }
            double v;
            try {
                v = cells[1].isBlank() ? 0 : Double.parseDouble(cells[1].strip());
            } catch (NumberFormatException e) {
                throw new TraceFiles.TraceException(file + ":" + n + ": '" + cells[1] + "' is not a number of invocations");
            }
            points.put(epochSeconds(cells[0], file + ":" + n), v);
        }
        return points;
    }

    /** ISO 8601 with an offset, or without one (UTC), with T or a space. */
    private static long epochSeconds(String text, String where) throws TraceFiles.TraceException {
        String t = text.strip().replace(' ', 'T');
        try {
            if (t.endsWith("Z") || t.matches(".*[+-][0-9]{2}:?[0-9]{2}$")) {
                return OffsetDateTime.parse(t).toEpochSecond();
            }
            return LocalDateTime.parse(t).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TraceFiles.TraceException(where + ": '" + text + "' is not a time such as 2024-03-01T12:00:00Z");
        }
    }
}
