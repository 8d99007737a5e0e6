package io.github.lambdasim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the scenario of a whole account for the benchmarks of README "Speed": {@code N}
 * functions of 512 MB, each with Poisson traffic at {@code RATE} and log-normal durations
 * (median 50 ms, p99 250 ms), for one hour, on an account whose concurrency limit does not bind.
 * Not a test; run it by hand:
 *
 * <pre>
 * mvn -B -q test-compile
 * java -cp target/test-classes io.github.lambdasim.AccountScenario 1000 2/s &gt; output/bench-1000.yaml
 * </pre>
 */
public final class AccountScenario {
    private AccountScenario() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AccountScenario FUNCTIONS RATE   (e.g. 1000 2/s)");
            System.exit(2);
        }
        write(Integer.parseInt(args[0]), args[1], new PrintStream(System.out, false, StandardCharsets.UTF_8));
    }

    static void write(int functions, String rate, PrintStream out) {
        out.printf("name: bench-%d%n", functions);
        out.printf("description: >%n  %,d functions, each Poisson %s with log-normal durations (median 50 ms, p99 250 ms),"
                + "%n  for one hour: the throughput benchmark of a whole account.%n", functions, rate);
        out.println("duration: 1h");
        out.println("seed: 1");
        out.println("account: {concurrencyLimit: 100000}");
        out.println("functionDefaults: {memorySize: 512, timeout: 10s, handler: {duration: {lognormal: {median: 50ms, p99: 250ms}}}}");
        out.println("functions:");
        for (int i = 0; i < functions; i++) {
            out.printf("  - {name: fn-%05d}%n", i);
        }
        out.println("traffic:");
        for (int i = 0; i < functions; i++) {
            out.printf("  - {function: fn-%05d, poisson: {rate: %s}}%n", i, rate);
        }
        out.flush();
    }
}
