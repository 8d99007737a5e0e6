package io.github.lambdasim.fit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the REPORT lines of one function say: its memory size, its duration and init duration
 * distributions, its cold-start and error shares and its memory use.
 *
 * @param memorySizes     each Memory Size seen and how many lines had it
 * @param duration        the fitted handler duration, in ms
 * @param init            the fitted init duration of cold starts, in ms; null with fewer than two
 * @param memoryUsed      the fitted Max Memory Used, in MB; null unless every line says it
 */
public record FunctionFit(String name, int lines, Map<Integer, Integer> memorySizes, DistributionFit duration,
                          int coldStarts, DistributionFit init, int failed, DistributionFit memoryUsed) {

    /** The fit of one function's lines (at least two). */
    public static FunctionFit of(String name, List<ReportRecord> records) {
        Map<Integer, Integer> sizes = new TreeMap<>();
        double[] durations = new double[records.size()];
        int cold = 0;
        int failed = 0;
        int withMemory = 0;
        for (int i = 0; i < records.size(); i++) {
            ReportRecord r = records.get(i);
            sizes.merge(r.memorySizeMb(), 1, Integer::sum);
            // A REPORT line can say 0.00 ms; a log-normal needs positive values: a microsecond stands for it.
            durations[i] = Math.max(r.durationMs(), 0.001);
            cold += r.cold() ? 1 : 0;
            failed += r.failed() ? 1 : 0;
            withMemory += r.maxMemoryUsedMb() > 0 ? 1 : 0;
        }
        double[] inits = records.stream().filter(ReportRecord::cold).mapToDouble(r -> Math.max(r.initMs(), 0.001)).toArray();
        double[] memory = records.stream().filter(r -> r.maxMemoryUsedMb() > 0).mapToDouble(ReportRecord::maxMemoryUsedMb)
                .toArray();
        return new FunctionFit(name, records.size(), sizes, DistributionFit.of(durations), cold,
                inits.length >= 2 ? DistributionFit.of(inits) : null, failed,
                withMemory >= 2 && withMemory == records.size() ? DistributionFit.of(memory) : null);
    }

    /** The memory size most lines had. */
    public int memorySizeMb() {
        return memorySizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    public double coldStartShare() {
        return (double) coldStarts / lines;
    }

    public double errorShare() {
        return (double) failed / lines;
    }
}
