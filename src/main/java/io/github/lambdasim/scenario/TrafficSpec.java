package io.github.lambdasim.scenario;

/**
 * One source of requests for one function, or of messages for an SQS queue or records for a
 * stream of the scenario. Several sources for the same function, queue or stream add up.
 *
 * @param function the function invoked, or null for a source of messages or records
 * @param into     where the messages or records go, for {@link Invocation#QUEUE} and
 *                 {@link Invocation#STREAM}; null for a source of requests
 * @param index position of its entry in the scenario's traffic list (the sources one whole-account
 *              trace entry creates share it)
 * @param name  unique among the scenario's sources, and kept when the traffic list is reordered:
 *              the one given, or {@code <function>/<pattern>} with {@code #2}, {@code #3}... for
 *              the second and later sources of the same function and pattern, in file order
 */
public record TrafficSpec(String function, int index, String name, Pattern pattern, Invocation invocation,
                          Into into) {

    public TrafficSpec {
        if ((invocation == Invocation.QUEUE || invocation == Invocation.STREAM) != (into != null)
                || (into == null) == (function == null)) {
            throw new IllegalArgumentException("a source invokes a function, or sends to a queue or a stream");
        }
    }

    /** A source of requests for {@code function}. */
    public TrafficSpec(String function, int index, String name, Pattern pattern, Invocation invocation) {
        this(function, index, name, pattern, invocation, null);
    }

    /** A source of messages for an SQS queue or records for a stream. */
    public static TrafficSpec into(Into into, int index, String name, Pattern pattern) {
        return new TrafficSpec(null, index, name, pattern, into.queue() != null ? Invocation.QUEUE : Invocation.STREAM,
                into);
    }

    /**
     * Where a source's messages or records go.
     *
     * @param queue          the SQS queue, or null
     * @param stream         the stream, or null
     * @param partitionKey   the partition key of every record (so one shard), or null for a random key each
     * @param poisonFraction the share of the messages or records that make every consumer fail, every time
     */
    public record Into(String queue, String stream, String partitionKey, double poisonFraction) {
        public Into {
            if ((queue == null) == (stream == null)) {
                throw new IllegalArgumentException("a source sends to a queue or a stream");
            }
        }

        /** The queue's or the stream's name. */
        public String target() {
            return queue != null ? queue : stream;
        }
    }

    /** Whether the source invokes a function (rather than filling a queue or a stream). */
    public boolean invokes() {
        return function != null;
    }

    /** The function, queue or stream the source feeds. */
    public String target() {
        return function != null ? function : into.target();
    }

    /** A synchronous source. */
    public TrafficSpec(String function, int index, String name, Pattern pattern) {
        this(function, index, name, pattern, Invocation.SYNC);
    }

    /** A synchronous source named by default, {@code <function>/<pattern>} (for sources made outside a scenario file). */
    public TrafficSpec(String function, int index, Pattern pattern) {
        this(function, index, function + "/" + pattern.kind(), pattern);
    }

    /** The same source under another name. */
    public TrafficSpec withName(String newName) {
        return new TrafficSpec(function, index, newName, pattern, invocation, into);
    }

    /**
     * How the source invokes its function: synchronously (an API, a caller that waits: a throttle
     * is a 429 and the request is lost) or asynchronously (S3, SNS, EventBridge: the event waits in
     * the function's queue and is retried); or no function: messages sent to an SQS queue, records
     * put on a stream.
     */
    public enum Invocation {
        SYNC, ASYNC, QUEUE, STREAM;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An arrival pattern: its rate at each instant, in requests per second. */
    public sealed interface Pattern {
        /** Requests per second at {@code timeMicros}. */
        double rateAt(long timeMicros);

        /** The pattern's key in a scenario file ({@code poisson}, {@code trace}...), which names sources by default. */
        String kind();

        /** An upper bound of the rate over the whole run (for thinning). */
        double maxRate();

        /**
         * When arrivals can start and must stop ({@code end} exclusive, Long.MAX_VALUE when open); for
         * a repeating pattern, its first occurrence.
         */
        long startMicros();

        long endMicros();

        /**
         * The period a spike or ramp recurs with, from its first occurrence until the run ends
         * ({@code repeat:}); 0 for a pattern that occurs once.
         */
        default long repeatMicros() {
            return 0;
        }

        /** The expected number of arrivals in [0, horizon). */
        double expectedCount(long horizonMicros);

        String describe();
    }

    /** A fixed rate within a window [start, end). */
    sealed interface Steady extends Pattern permits Constant, Poisson {
        double ratePerSecond();

        @Override
        default double rateAt(long t) {
            return t >= startMicros() && t < endMicros() ? ratePerSecond() : 0;
        }

        @Override
        default double maxRate() {
            return ratePerSecond();
        }

        @Override
        default double expectedCount(long horizon) {
            return ratePerSecond() * overlapSeconds(startMicros(), endMicros(), horizon);
        }
    }

    /** Evenly spaced arrivals, one every 1/rate. */
    public record Constant(double ratePerSecond, long startMicros, long endMicros) implements Steady {
        @Override
        public String kind() {
            return "constant";
        }

        @Override
        public String describe() {
            return "constant " + rate(ratePerSecond) + window(startMicros, endMicros);
        }
    }

    /** A Poisson process: independent exponential gaps at a fixed rate. */
    public record Poisson(double ratePerSecond, long startMicros, long endMicros) implements Steady {
        @Override
        public String kind() {
            return "poisson";
        }

        @Override
        public String describe() {
            return "poisson " + rate(ratePerSecond) + window(startMicros, endMicros);
        }
    }

    /**
     * Poisson arrivals at {@code rate} from {@code at} for {@code for}, on top of other traffic, and
     * again every {@code repeat} until the run ends when {@code repeatMicros} is not 0.
     */
    public record Spike(long atMicros, long forMicros, double ratePerSecond, long repeatMicros) implements Pattern {
        /** A spike that occurs once. */
        public Spike(long atMicros, long forMicros, double ratePerSecond) {
            this(atMicros, forMicros, ratePerSecond, 0);
        }

        @Override
        public String kind() {
            return "spike";
        }

        @Override
        public double rateAt(long t) {
            if (repeatMicros > 0) {
                return t >= atMicros && (t - atMicros) % repeatMicros < forMicros ? ratePerSecond : 0;
            }
            return t >= atMicros && t < atMicros + forMicros ? ratePerSecond : 0;
        }

        @Override
        public double maxRate() {
            return ratePerSecond;
        }

        @Override
        public long startMicros() {
            return atMicros;
        }

        /** The end of the (first) occurrence. */
        @Override
        public long endMicros() {
            return atMicros + forMicros;
        }

        @Override
        public double expectedCount(long horizon) {
            if (repeatMicros > 0) {
                return repeated(atMicros, forMicros, repeatMicros, horizon, elapsed -> ratePerSecond * elapsed / 1e6);
            }
            return ratePerSecond * overlapSeconds(atMicros, atMicros + forMicros, horizon);
        }

        @Override
        public String describe() {
            return "spike " + rate(ratePerSecond) + " at " + Units.formatDuration(atMicros) + " for "
                    + Units.formatDuration(forMicros) + every(repeatMicros);
        }
    }

    /**
     * Poisson arrivals whose rate changes linearly from {@code from} to {@code to} over [start, end),
     * and again every {@code repeat} until the run ends when {@code repeatMicros} is not 0.
     */
    public record Ramp(double fromRatePerSecond, double toRatePerSecond, long startMicros, long endMicros,
                       long repeatMicros) implements Pattern {
        /** A ramp that occurs once. */
        public Ramp(double fromRatePerSecond, double toRatePerSecond, long startMicros, long endMicros) {
            this(fromRatePerSecond, toRatePerSecond, startMicros, endMicros, 0);
        }

        @Override
        public String kind() {
            return "ramp";
        }

        @Override
        public double rateAt(long t) {
            if (repeatMicros > 0 && t >= startMicros) {
                t = startMicros + (t - startMicros) % repeatMicros;
            }
            if (t < startMicros || t >= endMicros) {
                return 0;
            }
            double f = (t - startMicros) / (double) (endMicros - startMicros);
            return fromRatePerSecond + f * (toRatePerSecond - fromRatePerSecond);
        }

        @Override
        public double maxRate() {
            return Math.max(fromRatePerSecond, toRatePerSecond);
        }

        @Override
        public double expectedCount(long horizon) {
            if (repeatMicros > 0) {
                return repeated(startMicros, endMicros - startMicros, repeatMicros, horizon,
                        elapsed -> elapsed / 1e6 * (fromRatePerSecond + rateAt(startMicros + elapsed - 1)) / 2);
            }
            long end = Math.min(endMicros, horizon);
            if (end <= startMicros) {
                return 0;
            }
            double seconds = (end - startMicros) / 1e6;
            return seconds * (fromRatePerSecond + rateAt(end - 1)) / 2;
        }

        @Override
        public String describe() {
            return "ramp " + rate(fromRatePerSecond) + " to " + rate(toRatePerSecond) + window(startMicros, endMicros)
                    + every(repeatMicros);
        }
    }

    /**
     * Poisson arrivals whose rate follows a daily (or other period) sinusoid:
     * mean + amplitude x cos(2 pi (t - peak) / period).
     */
    public record Diurnal(double meanRatePerSecond, double amplitudeRatePerSecond, long periodMicros, long peakMicros,
                   long startMicros, long endMicros) implements Pattern {
        @Override
        public String kind() {
            return "diurnal";
        }

        @Override
        public double rateAt(long t) {
            if (t < startMicros || t >= endMicros) {
                return 0;
            }
            double phase = 2 * Math.PI * ((t - peakMicros) % periodMicros) / periodMicros;
            return Math.max(0, meanRatePerSecond + amplitudeRatePerSecond * Math.cos(phase));
        }

        @Override
        public double maxRate() {
            return meanRatePerSecond + amplitudeRatePerSecond;
        }

        @Override
        public double expectedCount(long horizon) {
            long end = Math.min(endMicros, horizon);
            if (end <= startMicros) {
                return 0;
            }
            // The integral of the sinusoid (amplitude never exceeds the mean, so it is never cut at 0).
            double w = 2 * Math.PI / periodMicros;
            double integral = meanRatePerSecond * (end - startMicros) / 1e6
                    + amplitudeRatePerSecond / w / 1e6 * (Math.sin(w * (end - peakMicros)) - Math.sin(w * (startMicros - peakMicros)));
            return integral;
        }

        @Override
        public String describe() {
            return "diurnal mean " + rate(meanRatePerSecond) + " +/- " + rate(amplitudeRatePerSecond) + ", peak at "
                    + Units.formatDuration(peakMicros) + " every " + Units.formatDuration(periodMicros);
        }
    }

    /**
     * A replayed trace of invocations per minute (such as the Azure Functions 2019 trace): minute
     * m's count, times {@code scale}, arrives within that minute, spread as a Poisson process
     * conditioned on the count (uniformly at random) or evenly.
     */
    public record Trace(long[] minuteCounts, double scale, boolean even, long startMicros, String source)
            implements Pattern {
        @Override
        public String kind() {
            return "trace";
        }

        public Trace {
            minuteCounts = minuteCounts.clone();
        }

        public long count(int minute) {
            return minuteCounts[minute];
        }

        public int minutes() {
            return minuteCounts.length;
        }

        @Override
        public double rateAt(long t) {
            if (t < startMicros || t >= endMicros()) {
                return 0;
            }
            return minuteCounts[(int) ((t - startMicros) / Units.MICROS_PER_MINUTE)] * scale / 60;
        }

        @Override
        public double maxRate() {
            long max = 0;
            for (long c : minuteCounts) {
                max = Math.max(max, c);
            }
            return max * scale / 60;
        }

        @Override
        public long endMicros() {
            return startMicros + minuteCounts.length * Units.MICROS_PER_MINUTE;
        }

        @Override
        public double expectedCount(long horizon) {
            double n = 0;
            for (int m = 0; m < minuteCounts.length; m++) {
                long from = startMicros + m * Units.MICROS_PER_MINUTE;
                n += minuteCounts[m] * scale * overlapSeconds(from, from + Units.MICROS_PER_MINUTE, horizon) / 60;
            }
            return n;
        }

        @Override
        public String describe() {
            return "trace " + source + " (" + minuteCounts.length + " minutes, " + trim(expectedCount(Long.MAX_VALUE))
                    + " requests" + (scale != 1 ? " x " + trim(scale) : "") + ", " + (even ? "evenly" : "poisson")
                    + " within each minute)" + (startMicros > 0 ? " from " + Units.formatDuration(startMicros) : "");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Trace t && java.util.Arrays.equals(minuteCounts, t.minuteCounts) && scale == t.scale
                    && even == t.even && startMicros == t.startMicros && source.equals(t.source);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(minuteCounts) * 31 + source.hashCode();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static double overlapSeconds(long start, long end, long horizon) {
        long e = Math.min(end, horizon);
        return e > start ? (e - start) / 1e6 : 0;
    }

    /**
     * The expected arrivals in [0, horizon) of a pattern whose occurrences, {@code length} long, start
     * at {@code start} and every {@code repeat} after: the whole occurrences before the horizon, and
     * the part of the last one before it ({@code occurrence} gives the expected arrivals in the first
     * given microseconds of one occurrence, 0 to length).
     */
    private static double repeated(long start, long length, long repeat, long horizon,
                                   java.util.function.LongToDoubleFunction occurrence) {
        if (horizon <= start) {
            return 0;
        }
        long whole = (horizon - start) / repeat;
        long rest = Math.min(length, (horizon - start) % repeat);
        return whole * occurrence.applyAsDouble(length) + (rest > 0 ? occurrence.applyAsDouble(rest) : 0);
    }

    private static String every(long repeatMicros) {
        return repeatMicros > 0 ? ", every " + Units.formatDuration(repeatMicros) : "";
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1 || perSecond == 0) {
            return trim(perSecond) + "/s";
        }
        if (perSecond * 60 >= 1) {
            return trim(perSecond * 60) + "/min";
        }
        return trim(perSecond * 3600) + "/h";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String window(long start, long end) {
        if (start == 0 && end == Long.MAX_VALUE) {
            return "";
        }
        return " from " + Units.formatDuration(start) + (end == Long.MAX_VALUE ? "" : " to " + Units.formatDuration(end));
    }
}
