package io.github.lambdasim.cli;

/**
 * The small API the command tests sweep, compare and shard: one function with a fixed 150 ms
 * cold start, some CPU and one database call, under Poisson traffic.
 */
final class SmallApi {
    private SmallApi() {
    }

    /** The scenario's YAML; {@code extra} lines (such as a description) follow the name. */
    static String yaml(String name, String extra, String duration, int seed, String cpu, String rate) {
        return "name: " + name + "\n" + extra
                + "duration: " + duration + "\n"
                + "seed: " + seed + "\n"
                + """
                functions:
                  - name: api
                    memorySize: 512
                    coldStart: {constant: 150ms}
                    handler:
                      steps:
                        - cpu: %s
                        - io: {name: db, latency: {lognormal: {median: 5ms, p99: 25ms}}}
                traffic:
                  - {function: api, poisson: {rate: %s}}
                """.formatted(cpu, rate);
    }
}
