package io.github.lambdasim.templates;

import java.util.List;

/**
 * A function as a deployment template declares it, in the scenario's terms. A value the template
 * does not give literally (a reference without a default, an intrinsic, a variable) is kept as a
 * {@link Placeholder#text placeholder} saying what to put there.
 *
 * @param name        the function's name in the scenario (its logical id, or the template's name key)
 * @param settings    scenario keys and values in order ({@code memorySize: 512}), each a literal or a placeholder
 * @param sources     how traffic reaches it, one per event of the template
 * @param eventSource the keys of its {@code eventSource:} (the queue or stream first), empty when it reads none
 * @param notes       what the import could not carry over, one sentence each
 */
public record ImportedFunction(String name, List<Setting> settings, List<Source> sources, List<Setting> eventSource,
                               List<String> notes) {

    /** One key of the function: its YAML value, and where it came from. */
    public record Setting(String key, String yaml, String from) {
    }

    /**
     * A traffic source: {@code sync} (API Gateway, function URL, ALB), {@code async} (S3, SNS,
     * EventBridge, schedules), {@code mapping} (an event source mapping: the function's
     * {@code eventSource}, its traffic the queue's or stream's) or a source lambdasim does not
     * model (a comment).
     *
     * @param yaml    the traffic entry, or null for a source written as a comment only
     * @param comment for a synchronous source its front door's type ({@code http-api}), else what
     *                the scenario says of it in a comment, or null
     */
    public record Source(String event, String kind, String yaml, String comment) {
    }

    /** A value to fill in: {@code (fill in: the rate of requests, such as 10/s)}; validate refuses it until set. */
    public static final class Placeholder {
        private Placeholder() {
        }

        public static final String PREFIX = "(fill in: ";

        public static String text(String what) {
            return "\"" + PREFIX + what.replace("\"", "'") + ")\"";
        }
    }
}
