package io.github.lambdasim.model;

import io.github.lambdasim.stats.Unit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * One figure a run reports, declared once in {@link Figures}: where it lives (its summary.json
 * path, under a function or at the top), its unit, a short label and what it means, which way is
 * better, where it is shown, and where its value comes from.
 *
 * @param path    the summary.json path ({@code latencyMs.p99}); derived figures, not written there, are named alike
 * @param label   a short label for tables ({@code Latency p99})
 * @param meaning one sentence for people
 * @param row     the report table's row it joins, for figures shown together ({@code Latency p50 / p90 / p99 / max}),
 *                or null for a row of its own
 */
public record Figure(String path, Unit unit, String label, String meaning, Better better, Source source,
                     Set<Use> uses, String row) {
    public Figure {
        uses = Set.copyOf(uses);
    }

    /** Which way a change is good news. */
    public enum Better {
        LOWER, HIGHER, NEITHER
    }

    /** Where a figure is shown besides summary.json (which holds every measured and billed one). */
    public enum Use {
        /** A key figure: estimated by replications, swept, compared. */
        KEY,
        /** A row of the report's table of a function and of the text summary. */
        TABLE,
        /** One of the few that say how a function did, when there are many functions. */
        HEADLINE
    }

    /** Where a figure's value comes from. */
    public sealed interface Source {
    }

    /** Measured by the run: read from the function's result. */
    public record Measured(ToDoubleFunction<FunctionResult> value) implements Source {
    }

    /** Measured by an event-driven run for an entry point: read from the entry point's result. */
    public record EntryMeasured(ToDoubleFunction<EntryPointResult> value) implements Source {
    }

    /** Measured by a run with SQS queues: read from a queue's result ({@link SourceFigures#QUEUE}). */
    public record QueueMeasured(ToDoubleFunction<QueueResult> value) implements Source {
    }

    /** Read from the result of a function's event source mapping on a queue ({@link SourceFigures#CONSUMER}). */
    public record ConsumerMeasured(ToDoubleFunction<QueueResult.Consumer> value) implements Source {
    }

    /** Measured by a run with streams: read from a stream's result ({@link SourceFigures#STREAM}). */
    public record StreamMeasured(ToDoubleFunction<StreamResult> value) implements Source {
    }

    /** The total of the bill's {@code period} (the run) or {@code month} (projected) estimate. */
    public record Billed(boolean month) implements Source {
    }

    /**
     * {@code numerator / (sum of denominator) x scale} of other figures, 0 when the denominator is 0.
     * A denominator of several figures is their sum ({@code invocations + throttles + inFlightAtEnd}:
     * the attempts).
     */
    public record Ratio(String numerator, List<String> denominator, double scale) implements Source {
        public Ratio {
            denominator = List.copyOf(denominator);
        }

        /** The denominator's value among {@code values} (by path; a missing one counts 0). */
        public double denominatorOf(Map<String, Double> values) {
            double sum = 0;
            for (String path : denominator) {
                sum += values.getOrDefault(path, 0.0);
            }
            return sum;
        }
    }

    public boolean is(Use use) {
        return uses.contains(use);
    }

    /**
     * Whether only event-driven runs have it (asynchronous events, calls between functions): the
     * figures under {@code events} in summary.json.
     */
    public boolean eventDriven() {
        return path.startsWith("events.");
    }

    /** Whether only functions with a front door have it: the figures under {@code frontDoor} in summary.json. */
    public boolean frontDoorOnly() {
        return path.startsWith("frontDoor.");
    }

    /** Whether a function of a run (event-driven or not, with a front door or not) has this figure. */
    public boolean appliesTo(boolean events, boolean frontDoor) {
        return (events || !eventDriven()) && (frontDoor || !frontDoorOnly());
    }

    /** Whether function {@code f} of a run has this figure. */
    public boolean appliesTo(FunctionResult f) {
        return appliesTo(f.hasEvents(), f.hasFrontDoor());
    }

    /** Whether summary.json holds the figure (measured and billed ones do; ratios are derived from them). */
    public boolean stored() {
        return !(source instanceof Ratio);
    }
}
