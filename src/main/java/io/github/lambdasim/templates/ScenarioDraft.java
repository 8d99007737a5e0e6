package io.github.lambdasim.templates;

import io.github.lambdasim.templates.ImportedFunction.Placeholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The scenario {@code lambdasim import} writes from a template: every setting with where it came from, the rest to fill in. */
public final class ScenarioDraft {
    private ScenarioDraft() {
    }

    public static String write(TemplateImport t, String file, String name) {
        StringBuilder y = new StringBuilder();
        y.append("# Imported by lambdasim import from ").append(file).append(" (").append(t.kind()).append("): ")
                .append(t.functions().size()).append(t.functions().size() == 1 ? " function.\n" : " functions.\n");
        y.append("# Values written \"(fill in: ...)\" cannot be known from the template: validate refuses the scenario,\n");
        y.append("# naming each, until you replace them (lambdasim fit gives durations from REPORT lines).\n");
        y.append("name: ").append(name).append('\n');
        y.append("description: >\n  Imported from ").append(file).append(": the functions as the template deploys them; their\n"
                + "  traffic and durations are yours to give.\n");
        y.append("duration: 1h\n");
        if (t.region() != null) {
            y.append("region: ").append(t.region()).append('\n');
        }
        for (boolean queues : new boolean[] {true, false}) {
            List<ImportedSource> some = t.sources().stream().filter(q -> q.queue() == queues).toList();
            if (!some.isEmpty()) {
                y.append(queues ? "queues:\n" : "streams:\n");
            }
            for (ImportedSource q : some) {
                String indent = "  - ";
                for (ImportedFunction.Setting s : q.settings()) {
                    y.append(commented(indent + s.key() + ": " + s.yaml(), s.from()));
                    indent = "    ";
                }
                for (String note : q.notes()) {
                    y.append("    # ").append(note).append('\n');
                }
            }
        }
        y.append("functions:\n");
        List<String> traffic = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (ImportedFunction f : t.functions()) {
            y.append("  - name: ").append(f.name()).append('\n');
            for (ImportedFunction.Setting s : f.settings()) {
                y.append(commented("    " + s.key() + ": " + s.yaml(), s.from()));
            }
            if (!f.eventSource().isEmpty()) {
                y.append("    eventSource:\n");
                for (ImportedFunction.Setting s : f.eventSource()) {
                    y.append(commented("      " + s.key() + ": " + s.yaml(), s.from()));
                }
            }
            for (String note : f.notes()) {
                y.append("    # ").append(note).append('\n');
            }
            y.append("    handler:\n      duration: ").append(Placeholder.text("how long " + f.name() + "'s handler runs, such as "
                    + "{lognormal: {median: 50ms, p99: 200ms}}; or steps, as the scenario reference shows")).append('\n');
            for (ImportedFunction.Source src : f.sources()) {
                if (src.yaml() != null) {
                    traffic.add("  - " + src.yaml());
                    if (src.comment() != null && !src.kind().equals("sync")) {
                        comments.add("  # " + f.name() + ", " + src.comment());
                    }
                } else if (src.comment() != null) {
                    comments.add("  # " + f.name() + ", " + src.comment());
                }
            }
        }
        t.sources().forEach(q -> traffic.add("  - " + q.traffic()));
        y.append("traffic:\n");
        if (traffic.isEmpty()) {
            traffic.add("  - {function: " + t.functions().get(0).name() + ", poisson: {rate: "
                    + Placeholder.text("the template shows no traffic lambdasim can model: requests per second, such as 10/s")
                    + "}}");
        }
        traffic.forEach(l -> y.append(l).append('\n'));
        comments.forEach(l -> y.append(l).append('\n'));
        return y.toString();
    }

    /** A line and, after it, where its value came from. */
    private static String commented(String line, String from) {
        return String.format(Locale.ROOT, "%-44s # %s%n", line, from);
    }
}
