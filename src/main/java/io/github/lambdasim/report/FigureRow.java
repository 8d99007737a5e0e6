package io.github.lambdasim.report;

import io.github.lambdasim.model.Figure;
import io.github.lambdasim.report.data.Format;
import io.github.lambdasim.report.data.ReportData.EntryPointData;
import io.github.lambdasim.report.data.ReportData.FunctionData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of a table of figures: one figure, or the figures the registry joins in one row
 * ({@code Latency p50 / p90 / p99 / max}), each written in its unit. Billed figures are written
 * as the bill states them, in cents.
 */
record FigureRow(String label, List<Figure> figures) {
    /** The rows of {@code figures}, in order, joined where they share a row. */
    static List<FigureRow> of(List<Figure> figures, double monthHours) {
        Map<String, List<Figure>> rows = new LinkedHashMap<>();
        for (Figure f : figures) {
            rows.computeIfAbsent(f.row() != null ? f.row() : label(f, monthHours), k -> new ArrayList<>()).add(f);
        }
        List<FigureRow> out = new ArrayList<>();
        rows.forEach((label, fs) -> out.add(new FigureRow(label, List.copyOf(fs))));
        return out;
    }

    /**
     * A figure's label; the month's cost says what it is, a projection of the run (a launch day is
     * billed as thirty launch days), and names the month's length.
     */
    static String label(Figure f, double monthHours) {
        return f.source() instanceof Figure.Billed b && b.month() ? Format.monthCostLabel(monthHours) : f.label();
    }

    /** The row's cell for one function: its figures joined by " / ", "none" for a distribution of nothing. */
    String cell(FunctionData d) {
        List<String> parts = new ArrayList<>();
        for (Figure f : figures) {
            parts.add(value(f, d));
        }
        Figure first = figures.get(0);
        int dot = first.path().lastIndexOf('.');
        if (dot > 0 && d.figures().containsKey(first.path().substring(0, dot) + ".count")
                && d.figures().get(first.path().substring(0, dot) + ".count") == 0) {
            return "none";
        }
        return String.join(" / ", parts);
    }

    /** Whether any figure of the row is other than 0 for the function. */
    boolean nonZero(FunctionData d) {
        return figures.stream().anyMatch(f -> d.value(f) != 0);
    }

    /** The row's cell for an entry point, as {@link #cell(FunctionData)}. */
    String cell(EntryPointData e) {
        Figure first = figures.get(0);
        int dot = first.path().lastIndexOf('.');
        if (dot > 0 && e.figures().getOrDefault(first.path().substring(0, dot) + ".count", -1.0) == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Figure f : figures) {
            parts.add(Format.value(f.unit(), e.value(f)));
        }
        return String.join(" / ", parts);
    }

    /**
     * The row's cell for figures read by path (a queue's, a consumer's, a stream's), as
     * {@link #cell(EntryPointData)}.
     */
    String cell(Map<String, Double> values) {
        Figure first = figures.get(0);
        int dot = first.path().lastIndexOf('.');
        if (dot > 0 && values.getOrDefault(first.path().substring(0, dot) + ".count", -1.0) == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Figure f : figures) {
            parts.add(Format.value(f.unit(), values.getOrDefault(f.path(), 0.0)));
        }
        return String.join(" / ", parts);
    }

    static String value(Figure f, FunctionData d) {
        if (f.eventDriven() && !d.figures().containsKey(f.path())) {
            return "–"; // a function without events or calls
        }
        if (f.source() instanceof Figure.Billed b) {
            return Format.usd((b.month() ? d.monthCost() : d.periodCost()).costUsd().total());
        }
        return Format.value(f.unit(), d.value(f));
    }
}
