package io.github.lambdasim.scenario;

/**
 * One thing wrong with a scenario: where (the YAML path such as {@code functions[1].memorySize}
 * and the line, 0 when unknown) and what, in words a user acts on.
 */
public record Problem(String source, String path, int line, String message) {

    /** {@code checkout.yaml:12: functions[1].memorySize: 100 is below the minimum 128 MB}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line);
            } else if (line == YamlNode.FROM_SET) {
                sb.append(" --set");
            }
            sb.append(": ");
        } else if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
