package io.github.lambdasim.report.chart;

/**
 * The unit and tick step of a time axis of simulated time: minutes up to three hours, hours up
 * to two weeks, days beyond, with steps a reader counts in (15 min, 6 h, 1 d).
 */
public record TimeScale(Unit unit, double step, double upper) {
    /** Candidate tick steps in each unit, smallest first. */
    private static final double[] MINUTE_STEPS = {1, 2, 5, 10, 15, 20, 30, 60};
    private static final double[] HOUR_STEPS = {1, 2, 3, 6, 12, 24, 48};
    private static final double[] DAY_STEPS = {1, 2, 7, 14, 28, 56, 91, 182};
    private static final int MAX_TICKS = 12;

    /** A unit of simulated time. */
    public enum Unit {
        MINUTES(60, "minutes"),
        HOURS(3600, "hours"),
        DAYS(86_400, "days");

        private final double seconds;
        private final String label;

        Unit(double seconds, String label) {
            this.seconds = seconds;
            this.label = label;
        }

        public double seconds() {
            return seconds;
        }

        public String label() {
            return label;
        }
    }

    /** The scale of a run of {@code durationSeconds}. */
    public static TimeScale of(double durationSeconds) {
        double d = Math.max(durationSeconds, 1);
        Unit unit = d <= 3 * 3600 ? Unit.MINUTES : d <= 14 * 86_400 ? Unit.HOURS : Unit.DAYS;
        double[] steps = unit == Unit.MINUTES ? MINUTE_STEPS : unit == Unit.HOURS ? HOUR_STEPS : DAY_STEPS;
        double upper = d / unit.seconds;
        double step = steps[steps.length - 1];
        for (double s : steps) {
            if (upper / s <= MAX_TICKS + 1e-9) {
                step = s;
                break;
            }
        }
        if (upper / step > MAX_TICKS) {
            step = Ticks.niceStep(upper, MAX_TICKS);
        }
        return new TimeScale(unit, step, upper);
    }

    /** Seconds in this scale's unit. */
    public double toUnit(double seconds) {
        return seconds / unit.seconds;
    }

    public String axisLabel() {
        return "Simulated time (" + unit.label + ")";
    }
}
