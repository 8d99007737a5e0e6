package io.github.lambdasim.billing;

/**
 * The charges of a bill, each with one name wherever it is written: its key in JSON (summary.json's
 * {@code costUsd}, {@code cost --json}; the output contract's identifiers) and its name for people
 * (the text summary, the bill's arithmetic, {@code cost}'s table, charts and report.html). In the
 * order of {@link Bill.Charges#components()}.
 */
public enum Charge {
    REQUESTS("requests", "requests"),
    COMPUTE("compute", "on-demand duration"),
    PROVISIONED("provisioned", "provisioned concurrency"),
    PROVISIONED_COMPUTE("provisionedCompute", "provisioned duration"),
    EPHEMERAL_STORAGE("ephemeralStorage", "ephemeral storage"),
    /** API Gateway (or another front door) per request. */
    FRONT_DOOR("frontDoor", "front door"),
    /** SnapStart's cache and restores, for Python and .NET functions (none for Java). */
    SNAP_START("snapStart", "SnapStart cache and restores"),
    /** A Compute Savings Plan's commitment less the charges it covered (negative when it saves). */
    SAVINGS_PLAN("savingsPlan", "savings plan");

    private final String key;
    private final String label;

    Charge(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key in JSON: {@code provisionedCompute}. */
    public String key() {
        return key;
    }

    /** The name in text: {@code provisioned duration}. */
    public String label() {
        return label;
    }

    /** The name at the start of a line or a chart's axis: {@code Provisioned duration}. */
    public String title() {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
