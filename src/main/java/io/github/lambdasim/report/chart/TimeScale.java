package io.github.lambdasim.report.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The unit and tick step of a time axis of simulated time: minutes up to three hours, hours up
 * to two weeks, days beyond, with steps a reader counts in (15 min, 6 h, 1 d). A run with a clock
 * start ({@code start:} in the scenario) is drawn in clock time instead: the axis counts from the
 * local midnight of its first day, so that ticks fall on round clock times, and labels them
 * {@code 12:00}, {@code Mon 06:00} or {@code Mar 2} in the scenario's time zone.
 *
 * @param lower the axis' first value (0, or the start's time of day in the unit)
 * @param upper the axis' last value
 * @param start the run's start on the clock, or null
 */
public record TimeScale(Unit unit, double step, double lower, double upper, ZonedDateTime start) {
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

    /** The scale of a run of {@code durationSeconds}, in time since its start. */
    public static TimeScale of(double durationSeconds) {
        return of(durationSeconds, null);
    }

    /** The scale of a run of {@code durationSeconds} starting at {@code start} on the clock (null: time since the start). */
    public static TimeScale of(double durationSeconds, ZonedDateTime start) {
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
        double lower = start == null ? 0 : Duration.between(start.toLocalDate().atStartOfDay(start.getZone()), start)
                .toMillis() / 1000.0 / unit.seconds;
        return new TimeScale(unit, step, lower, lower + upper, start);
    }

    /** Seconds since the start, in this scale's unit and on its axis. */
    public double toUnit(double seconds) {
        return lower + seconds / unit.seconds;
    }

    public String axisLabel() {
        if (start == null) {
            return "Simulated time (" + unit.label + ")";
        }
        String zone = start.getZone().getId().equals("Z") ? "UTC" : start.getZone().getId();
        return oneDay() ? "Time on " + start.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ROOT)) + " (" + zone + ")"
                : "Time (" + zone + ")";
    }

    /** Whether the run ends by the midnight after its start (the axis counts from the midnight before). */
    private boolean oneDay() {
        return upper * unit.seconds <= 86_400 + 1e-6;
    }

    /** How a tick's value is written: a number in the unit, or the clock time it stands for. */
    public NumberFormat tickFormat() {
        if (start == null) {
            return ChartStyle.format("", Ticks.decimals(step));
        }
        ZonedDateTime midnight = start.toLocalDate().atStartOfDay(start.getZone());
        DateTimeFormatter f = DateTimeFormatter.ofPattern(unit == Unit.DAYS ? "MMM d" : oneDay() ? "HH:mm" : "EEE HH:mm",
                Locale.ROOT);
        double unitSeconds = unit.seconds;
        return new NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
                return toAppendTo.append(midnight.plusSeconds(Math.round(number * unitSeconds)).format(f));
            }

            @Override
            public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
                return format((double) number, toAppendTo, pos);
            }

            @Override
            public Number parse(String source, ParsePosition parsePosition) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
