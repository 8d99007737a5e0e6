package io.github.lambdasim.cli;

import picocli.CommandLine.Option;

/** {@code --charts-for N|all}: how many functions get charts of their own, the costliest first. */
final class ChartsOption {
    /** Functions charted one by one unless told otherwise. */
    static final int DEFAULT = 10;

    @Option(names = "--charts-for", paramLabel = "N|all",
            description = "Draw the charts of each function for the N costliest functions a month only (default "
                    + DEFAULT + "), or for all; the account's charts and the table of every function are always drawn.")
    String value;

    int chartsFor() {
        if (value == null) {
            return DEFAULT;
        }
        String v = value.trim();
        if (v.equalsIgnoreCase("all")) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--charts-for: '" + value + "' is not a number of functions (0 or more) or 'all'");
    }
}
