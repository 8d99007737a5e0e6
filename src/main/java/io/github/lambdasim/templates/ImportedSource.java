package io.github.lambdasim.templates;

import io.github.lambdasim.templates.ImportedFunction.Setting;
import java.util.List;

/**
 * An SQS queue ({@code queues:}) or a Kinesis or DynamoDB stream ({@code streams:}) that a
 * function of the template reads through an event source mapping, as the template declares it:
 * each key with where it came from, a placeholder where the template cannot say.
 *
 * @param name     the queue's or stream's name in the scenario
 * @param queue    true for an SQS queue, false for a stream
 * @param settings its keys in order, {@code name} first
 * @param notes    what the import could not carry over, one sentence each
 */
public record ImportedSource(String name, boolean queue, List<Setting> settings, List<String> notes) {

    /** The traffic entry of its producers, whose rate the template cannot say. */
    public String traffic() {
        return queue ? "{queue: " + name + ", poisson: {rate: " + ImportedFunction.Placeholder.text("messages per second sent "
                + "to queue " + name + ", such as 10/s") + "}}"
                : "{stream: " + name + ", poisson: {rate: " + ImportedFunction.Placeholder.text("records per second put on "
                + "stream " + name + ", such as 100/s") + "}}";
    }
}
