package io.github.lambdasim.fit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * An AWS Lambda Power Tuning result turned into a handler: its average duration at each memory
 * size fitted by least squares to {@code duration(m) = cpu / min(share(m), 1) + wait}, where
 * {@code share(m)} is the platform's vCPU share of {@code m} MB (a single-threaded handler uses
 * one vCPU at most), {@code cpu} the handler's CPU time at one full vCPU and {@code wait} the time
 * memory does not change (I/O, downstream calls). With those two, lambdasim predicts sizes Power
 * Tuning did not try, arm64 and the 2019 rules.
 *
 * <p>Power Tuning's output is read in either form it comes in: the state machine's output, whose
 * {@code stateMachine.visualization} URL carries every size, average duration and cost after its
 * {@code #} (base64 of little-endian Int16 sizes, Float32 durations in ms, Float32 costs, joined by
 * {@code ;}; Power Tuning's utils.buildVisualizationURL), or a JSON with {@code stats}: the
 * analyzer's input, {@code [{value, averageDuration, averagePrice}]}.
 *
 * @param memoryMb   the sizes tried
 * @param durationMs their average durations
 * @param cpuMs      the fitted CPU time at one vCPU
 * @param cpuHalfMs  the half-width of its 95% confidence interval (NaN with two sizes)
 * @param waitMs     the fitted memory-independent time
 * @param waitHalfMs the half-width of its 95% confidence interval
 * @param chosenMb   the size Power Tuning recommended, or 0 when the file does not say
 */
public record PowerTuningFit(int[] memoryMb, double[] durationMs, double cpuMs, double cpuHalfMs, double waitMs,
                             double waitHalfMs, int chosenMb) {

    /** Reads and fits {@code text} (the file {@code file}), with {@code share} the platform's vCPU share of a memory size. */
    public static PowerTuningFit read(String file, String text, IntToDoubleFunction share) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ReportLogs.Invalid(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
        List<int[]> sizes = new ArrayList<>();
        List<Double> durations = new ArrayList<>();
        JsonNode stats = root.path("stats");
        String url = root.path("stateMachine").path("visualization").asText(root.path("visualization").asText(""));
        if (stats.isArray()) {
            for (int i = 0; i < stats.size(); i++) {
                JsonNode s = stats.get(i);
                String where = file + ": stats[" + i + "]";
                if (!s.path("value").canConvertToInt() || !s.path("averageDuration").isNumber()) {
                    throw new ReportLogs.Invalid(where + ": expected {\"value\": <memory MB>, \"averageDuration\": <ms>, ...}");
                }
                sizes.add(new int[] {s.path("value").asInt()});
                durations.add(s.path("averageDuration").asDouble());
            }
        } else if (url.contains("#")) {
            String[] parts = url.substring(url.indexOf('#') + 1).split(";");
            if (parts.length < 2) {
                throw new ReportLogs.Invalid(file + ": stateMachine.visualization has no sizes and durations after '#'");
            }
            try {
                ByteBuffer s = ByteBuffer.wrap(Base64.getDecoder().decode(parts[0])).order(ByteOrder.LITTLE_ENDIAN);
                ByteBuffer d = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1])).order(ByteOrder.LITTLE_ENDIAN);
                while (s.remaining() >= 2 && d.remaining() >= 4) {
                    sizes.add(new int[] {s.getShort() & 0xFFFF});
                    durations.add((double) d.getFloat());
                }
            } catch (IllegalArgumentException e) {
                throw new ReportLogs.Invalid(file + ": stateMachine.visualization is not Power Tuning's encoding: " + e.getMessage());
            }
        } else {
            throw new ReportLogs.Invalid(file + ": expected AWS Lambda Power Tuning's output (with stateMachine.visualization) "
                    + "or its analyzer's input (with stats: [{value, averageDuration, averagePrice}])");
        }
        if (sizes.size() < 2) {
            throw new ReportLogs.Invalid(file + ": " + sizes.size() + " memory size; a fit needs at least two");
        }
        int[] m = sizes.stream().mapToInt(a -> a[0]).toArray();
        double[] d = durations.stream().mapToDouble(Double::doubleValue).toArray();
        return fit(m, d, share, root.path("power").asInt(0));
    }

    /** Least squares of the durations on {@code 1 / min(share(m), 1)}. */
    public static PowerTuningFit fit(int[] memoryMb, double[] durationMs, IntToDoubleFunction share, int chosenMb) {
        SimpleRegression r = new SimpleRegression(true);
        java.util.Set<Double> xs = new java.util.HashSet<>();
        for (int i = 0; i < memoryMb.length; i++) {
            double x = 1 / Math.min(share.applyAsDouble(memoryMb[i]), 1);
            xs.add(x);
            r.addData(x, durationMs[i]);
        }
        if (xs.size() < 2) {
            throw new ReportLogs.Invalid("the sizes tried all give one vCPU or more: their durations cannot tell CPU time from "
                    + "waiting; include sizes below one vCPU (1,769 MB)");
        }
        double t = memoryMb.length > 2 ? new TDistribution(memoryMb.length - 2).inverseCumulativeProbability(0.975) : Double.NaN;
        double cpuHalf = memoryMb.length > 2 ? t * r.getSlopeStdErr() : Double.NaN;
        double waitHalf = memoryMb.length > 2 ? t * r.getInterceptStdErr() : Double.NaN;
        return new PowerTuningFit(memoryMb.clone(), durationMs.clone(), r.getSlope(), cpuHalf, r.getIntercept(), waitHalf,
                chosenMb);
    }

    /** The fitted duration at {@code memoryMb}. */
    public double predictMs(int memoryMb, IntToDoubleFunction share) {
        return cpuMs / Math.min(share.applyAsDouble(memoryMb), 1) + waitMs;
    }

    /** A scenario with the fitted function, commented with each size's measured and fitted duration. */
    public String scenario(String name, String function, IntToDoubleFunction share) {
        StringBuilder y = new StringBuilder();
        y.append("# Fitted by lambdasim fit --power-tuning: duration(m) = cpu / min(vCPU share(m), 1) + wait, by least squares.\n");
        y.append("# memory MB   Power Tuning ms   fitted ms\n");
        for (int i = 0; i < memoryMb.length; i++) {
            y.append(String.format(Locale.ROOT, "#   %6d   %15.2f   %9.2f%n", memoryMb[i], durationMs[i], predictMs(memoryMb[i], share)));
        }
        y.append("name: ").append(name).append('\n');
        y.append("description: >\n  A handler fitted to an AWS Lambda Power Tuning result: its CPU time at one vCPU and the time\n"
                + "  memory does not change. Sweep functions.").append(function).append(".memorySize to see every size.\n");
        y.append("duration: 1h\n");
        y.append("functions:\n");
        y.append("  - name: ").append(function).append('\n');
        y.append("    memorySize: ").append(chosenMb > 0 ? chosenMb : memoryMb[0])
                .append(chosenMb > 0 ? "            # the size Power Tuning recommended\n" : "\n");
        y.append("    handler:\n      steps:\n");
        y.append("        # CPU time at one full vCPU").append(interval(cpuHalfMs)).append('\n');
        y.append("        - cpu: ").append(ms(Math.max(cpuMs, 0))).append('\n');
        y.append("        # Time that memory does not change (I/O, calls)").append(interval(waitHalfMs)).append('\n');
        y.append("        - wait: ").append(ms(Math.max(waitMs, 0))).append('\n');
        y.append("traffic:\n  # Power Tuning says nothing of the traffic: give the rate of ").append(function).append(".\n");
        y.append("  - {function: ").append(function).append(", poisson: {rate: \"set the rate, such as 10/s\"}}\n");
        return y.toString();
    }

    private static String interval(double half) {
        return Double.isNaN(half) ? " (two sizes: no interval)" : String.format(Locale.ROOT, ", 95%% CI +/- %.2f ms", half);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2fms", v).replaceFirst("\\.?0+ms$", "ms");
    }

    /** One screen: the fit, its intervals and each size's residual. */
    public String summary(IntToDoubleFunction share) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d memory sizes: cpu %.2f ms at one vCPU%s, wait %.2f ms%s%n",
                memoryMb.length, cpuMs, Double.isNaN(cpuHalfMs) ? "" : String.format(Locale.ROOT, " ± %.2f", cpuHalfMs), waitMs,
                Double.isNaN(waitHalfMs) ? "" : String.format(Locale.ROOT, " ± %.2f", waitHalfMs)));
        for (int i = 0; i < memoryMb.length; i++) {
            double fitted = predictMs(memoryMb[i], share);
            s.append(String.format(Locale.ROOT, "  %6d MB   measured %10.2f ms   fitted %10.2f ms   residual %+8.2f ms%n", memoryMb[i],
                    durationMs[i], fitted, durationMs[i] - fitted));
        }
        return s.toString();
    }
}
