package io.github.lambdasim.cli;

import io.github.lambdasim.model.Recommendation;
import io.github.lambdasim.scenario.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of sweep options: {@code --vary path=v1,v2} and ranges, the grid of combinations, SLOs. */
final class Grid {
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+):(\\d+)");
    /** The latency statistics {@code --slo} bounds, as they are written. */
    static final String SLO_STATISTICS = "p50, p90, p95, p99, p99.9, max, mean or tm99";
    private static final Pattern SLO = Pattern.compile("\\s*(p50|p90|p95|p99\\.9|p99|max|mean|tm99)\\s*(<=|<)\\s*(.+)");

    private Grid() {
    }

    /**
     * {@code path=v1,v2,...} (commas inside braces or brackets do not split) or {@code path=from..to:step}
     * (from, from + step, ... and to itself, whether or not it is on the step).
     */
    static Map<String, List<String>> parse(List<String> vary) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        for (String v : vary) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new IllegalArgumentException("--vary: '" + v + "' is not PATH=V1,V2,... (e.g. functions.api.memorySize=512,1024)");
            }
            String path = v.substring(0, eq).trim();
            if (grid.containsKey(path)) {
                throw new IllegalArgumentException("--vary: " + path + " is given twice");
            }
            grid.put(path, values(v.substring(eq + 1).trim()));
        }
        return grid;
    }

    private static List<String> values(String text) {
        Matcher m = RANGE.matcher(text);
        List<String> out = new ArrayList<>();
        if (m.matches()) {
            long from = Long.parseLong(m.group(1));
            long to = Long.parseLong(m.group(2));
            long step = Long.parseLong(m.group(3));
            if (step <= 0 || to < from || (to - from) / step > SweepCommand.MAX_POINTS) {
                throw new IllegalArgumentException("--vary: '" + text + "' is not a range from..to:step with from <= to and step > 0");
            }
            for (long x = from; x <= to; x += step) {
                out.add(Long.toString(x));
            }
            if (!out.get(out.size() - 1).equals(Long.toString(to))) {
                out.add(Long.toString(to)); // the upper bound is simulated even when it is off the step
            }
            return out;
        }
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        if (out.contains("")) {
            throw new IllegalArgumentException("--vary: '" + text + "' has an empty value");
        }
        return out;
    }

    /** Every combination, the first varied path changing slowest. */
    static List<Map<String, String>> combinations(Map<String, List<String>> grid) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var e : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    static String label(Map<String, String> combo) {
        StringBuilder sb = new StringBuilder();
        combo.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** The most replications a command takes: beyond it the interval barely narrows. */
    static final int MAX_REPLICATIONS = 1000;

    /** Refuses a replication count outside [min, MAX_REPLICATIONS], saying why the minimum is what it is. */
    static void checkReplications(int n, int min) {
        if (n < min || n > MAX_REPLICATIONS) {
            throw new IllegalArgumentException("--replications: " + n + " is not between " + min + " and " + MAX_REPLICATIONS
                    + (min > 1 ? " (confidence intervals need 2 or more)" : ""));
        }
    }

    /**
     * {@code p99<=300ms} on the function's latency: a bound on its summary.json figure
     * {@code latencyMs.<statistic>} ({@code p99.9} is {@code latencyMs.p999}; {@code tm99} the mean
     * of the latencies at or below p99).
     */
    static Recommendation.Constraint slo(String function, String text) {
        return slo(function + ".latencyMs", "latency", text, null);
    }

    /**
     * An SLO on the distribution named {@code base} ({@code api.latencyMs}, or a queue consumer's
     * {@code queues.q.consumers.worker.endToEndMs}), called {@code what}; {@code statistics}, when not
     * null, the statistics it has.
     */
    static Recommendation.Constraint slo(String base, String what, String text, java.util.Set<String> statistics) {
        Matcher m = SLO.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--slo: '" + text + "' is not like 'p99<=300ms' (" + SLO_STATISTICS + "; <= or <)");
        }
        long micros;
        try {
            micros = Units.parseDurationMicros(m.group(3));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--slo: " + e.getMessage());
        }
        String statistic = m.group(1);
        String key = statistic.replace(".", "");
        if (statistics != null && !statistics.contains(key)) {
            throw new IllegalArgumentException("--slo: the " + what + " has " + String.join(", ", statistics) + ", not "
                    + statistic);
        }
        return new Recommendation.Constraint(base + "." + key, statistic + " " + what,
                m.group(2).equals("<"), micros / 1000.0, m.group(3).trim());
    }
}
